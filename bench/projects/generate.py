#!/usr/bin/env python3
"""Writes N generated projects (default 100,000) in the columns of deploy/data/projects.csv to stdout.

Deterministic (fixed seed): origins are mostly Beijing and its districts, destinations spread over Tianjin and
Hebei; 85 % have a signed year (2000-2024); names draw from a small vocabulary so that full-text queries hit
a realistic share of rows.
"""
import csv
import random
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
rng = random.Random(2014)

BEIJING = ["110000", "110101", "110102", "110105", "110106", "110107", "110108", "110112"]
TIANJIN = ["120000", "120115", "120116"]
HEBEI = ["130000", "130100", "130200", "130209", "130300", "130400", "130500", "130600", "130684", "130700",
         "130800", "130900", "130983", "131000", "131082", "131100", "133100"]
KINDS = ["relocation", "industrial-transfer", "market-relocation", "science-park", "public-service",
         "cooperation-zone", "infrastructure", "signing-batch"]
MOVING = {"relocation", "industrial-transfer", "market-relocation"}
SECTORS = ["steel", "automotive", "high-tech", "education", "healthcare", "wholesale", "logistics", "biomedicine",
           "petrochemicals", "water", "mixed", "electronics"]
STATUSES = ["planned", "signed", "approved", "under-construction", "operational", "completed", "suspended", "cancelled"]
WORDS = ["Zhongguancun", "Capital", "Steel", "Pharmaceutical", "University", "Hospital", "Logistics", "Park",
         "Hydrogen", "Battery", "Semiconductor", "Textile", "Wholesale", "Market", "Campus", "Innovation", "Port",
         "Automotive", "Data", "Centre", "Aerospace", "Robotics", "Food", "Chemical", "Medical", "School"]

out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["ref", "name_en", "kind", "sector", "origin", "destination", "status", "signed", "operational",
              "investment_cny_100m", "jobs", "area_km2", "metrics", "source"])
for i in range(N):
    kind = rng.choice(KINDS)
    origin = rng.choice(BEIJING) if rng.random() < 0.8 else rng.choice(TIANJIN)
    destination = rng.choice(HEBEI) if rng.random() < 0.75 else rng.choice(TIANJIN)
    if kind in MOVING and destination == origin:
        destination = "130600"
    year = rng.randint(2000, 2024) if rng.random() < 0.85 else None
    signed = "" if year is None else (str(year) if rng.random() < 0.5 else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
    operational = str(year + rng.randint(1, 6)) if year is not None and rng.random() < 0.4 else ""
    name = " ".join(rng.sample(WORDS, 3)) + f" project {i}"
    out.writerow([f"gen-{i:06d}", name, kind, rng.choice(SECTORS), origin, destination, rng.choice(STATUSES), signed,
                  operational, f"{rng.uniform(0.5, 300):.2f}" if rng.random() < 0.6 else "",
                  rng.randint(10, 20000) if rng.random() < 0.5 else "", "",
                  f"firms={rng.randint(1, 500)}" if rng.random() < 0.3 else "", "BENCH"])
