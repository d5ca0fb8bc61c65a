#!/usr/bin/env python3
"""Writes the request sets of the projects benchmark into a folder (python3 paths.py FOLDER), each drawn as its
pgbench anchor draws its parameters:

- list.paths: destination (every Tianjin and Hebei code of generate.py) x status x five-year signed range, 50 a page;
  list-DEST.sql: anchor-list.sql for each destination, with the codes the service expands it to;
- flows.paths: origin x destination matrix, three measures, two levels, year ranges;
- search.paths: q with one word, two words, or a word and the first digits of a project number.
"""
import csv
import os
import sys

out = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
root = os.path.join(here, "..", "..")

DESTINATIONS = ["120000", "120115", "120116", "130000", "130100", "130200", "130209", "130300", "130400", "130500",
                "130600", "130684", "130700", "130800", "130900", "130983", "131000", "131082", "131100", "133100"]
STATUSES = ["planned", "signed", "approved", "under-construction", "operational", "completed", "suspended", "cancelled"]
WORDS = ["Zhongguancun", "Capital", "Steel", "Pharmaceutical", "University", "Hospital", "Logistics", "Park",
         "Hydrogen", "Battery", "Semiconductor", "Textile", "Wholesale", "Market", "Campus", "Innovation", "Port",
         "Automotive", "Data", "Centre", "Aerospace", "Robotics", "Food", "Chemical", "Medical", "School"]

children = {}
with open(os.path.join(root, "services", "platform", "src", "main", "resources", "regions", "regions.csv"),
          encoding="utf-8") as f:
    for row in csv.DictReader(f):
        if row["parent"]:
            children.setdefault(row["parent"], []).append(row["code"])


def expand(code):
    codes = [code]
    for child in children.get(code, []):
        codes += expand(child)
    return codes


with open(os.path.join(here, "anchor-list.sql")) as f:
    template = f.read()
with open(os.path.join(out, "list.paths"), "w") as f:
    for d in DESTINATIONS:
        for s in STATUSES:
            for y in range(2000, 2020):
                f.write(f"/api/projects?destination={d}&status={s}&signedFrom={y}&signedTo={y + 4}&size=50\n")
        with open(os.path.join(out, f"list-{d}.sql"), "w") as script:
            script.write(template.replace("DESTINATIONS", "{" + ",".join(expand(d)) + "}"))
with open(os.path.join(out, "flows.paths"), "w") as f:
    for measure in ["count", "investment", "jobs"]:
        for level in ["province", "prefecture"]:
            for y in range(1995, 2025):
                for span in range(15):
                    f.write(f"/api/projects/flows?by=origin,destination&measure={measure}&level={level}"
                            f"&from={y}&to={y + span}\n")
with open(os.path.join(out, "search.paths"), "w") as f:
    for w in WORDS:
        f.write(f"/api/projects?q={w.lower()}&size=50\n")
        for v in WORDS:
            if v != w:
                f.write(f"/api/projects?q={w.lower()}%20{v.lower()}&size=50\n")
        for n in range(10, 100):
            f.write(f"/api/projects?q={w.lower()}%20{n}&size=50\n")
with open(os.path.join(out, "words.txt"), "w") as f:
    f.write("{" + ",".join(w.lower() for w in WORDS) + "}\n")
