#!/usr/bin/env python3
"""Writes the benchmark data set into a folder (python3 generate.py FOLDER ROWS REVISED_ROWS):

- catalogue.csv: annual bench indicators (bench.a000...), as many as ROWS needs over the regions and 1965-2024 (the
  regions of the reference list that existed through all those years: a feed refuses a value outside a region's life);
- observations.csv: exactly ROWS observations, indicator x region x year, ordered by series;
- revision.csv: the first REVISED_ROWS of them published again later, every tenth with another value;
- regions.txt: the regions as a PostgreSQL array literal, in the order the pgbench anchors index them;
- single.paths: one query path per series (every series of the data set);
- panel.paths: 5,000 distinct 3 regions x 5 indicators x 20 years panels, drawn as the pgbench anchor draws them.
"""
import csv
import math
import os
import random
import sys

YEARS = range(1965, 2025)
PUBLISHED = "2024-06-30"
REVISED = "2025-01-31"

out, rows, revised_rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
with open(os.path.join(root, "services", "platform", "src", "main", "resources", "regions", "regions.csv"),
          encoding="utf-8") as f:
    lifelong = {row["code"] for row in csv.DictReader(f) if not row["valid_from"] and not row["valid_to"]}
with open(os.path.join(root, "deploy", "data", "regions.csv"), encoding="utf-8") as f:
    regions = [row["code"] for row in csv.DictReader(f) if row["code"] in lifelong]
indicators = math.ceil(rows / (len(regions) * len(YEARS)))


def value(i, r, y):
    return 100 + ((i * 7919 + r * 104729 + y * 31) % 100000) / 7


with open(os.path.join(out, "catalogue.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("code,name_en,unit,frequency,source\n")
    for i in range(indicators):
        f.write(f"bench.a{i:03d},Benchmark indicator {i},CNY 100 million,annual,APPROX\n")

written = 0
with open(os.path.join(out, "observations.csv"), "w", encoding="utf-8", newline="") as full, \
        open(os.path.join(out, "revision.csv"), "w", encoding="utf-8", newline="") as revision:
    full.write("indicator,region,period,value,status,source,published\n")
    revision.write("indicator,region,period,value,status,source,published\n")
    for i in range(indicators):
        for r, region in enumerate(regions):
            for y in YEARS:
                if written == rows:
                    break
                full.write(f"bench.a{i:03d},{region},{y},{value(i, r, y):.2f},published,APPROX,{PUBLISHED}\n")
                if written < revised_rows:
                    v = value(i, r, y) + (1 if written % 10 == 0 else 0)
                    revision.write(f"bench.a{i:03d},{region},{y},{v:.2f},published,APPROX,{REVISED}\n")
                written += 1

complete = rows // (len(regions) * len(YEARS))
with open(os.path.join(out, "regions.txt"), "w") as f:
    f.write("{" + ",".join(regions) + "}\n")
with open(os.path.join(out, "single.paths"), "w") as f:
    for i in range(complete):
        for region in regions:
            f.write(f"/api/observations?indicator=bench.a{i:03d}&region={region}&size=100\n")
rng = random.Random(2014)
panels = set()
while len(panels) < min(5000, (complete - 4) * (len(regions) - 2) * 41):
    panels.add((rng.randint(0, complete - 5), rng.randint(0, len(regions) - 3), rng.randint(1965, 2005)))
with open(os.path.join(out, "panel.paths"), "w") as f:
    for i, r, y in sorted(panels):
        f.write(f"/api/observations?indicator={','.join(f'bench.a{i + k:03d}' for k in range(5))}"
                f"&region={','.join(regions[r:r + 3])}&from={y}&to={y + 19}&size=1000\n")
print(f"{written} observations, {len(regions)} regions, {indicators} indicators ({complete} complete), "
      f"{min(written, revised_rows)} revised rows", file=sys.stderr)
