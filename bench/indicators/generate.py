#!/usr/bin/env python3
"""Writes the benchmark data set into a folder: a catalogue of annual bench indicators and exactly
1,000,000 observations (indicator x region x year, 1965-2024, every region of the reference list)."""
import csv
import os
import sys

ROWS = 1_000_000
INDICATORS = 600
YEARS = range(1965, 2025)

out = sys.argv[1]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
with open(os.path.join(root, "deploy", "data", "regions.csv"), encoding="utf-8") as f:
    regions = [row["code"] for row in csv.DictReader(f)]

with open(os.path.join(out, "catalogue.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("code,name_en,unit,frequency,source\n")
    for i in range(INDICATORS):
        f.write(f"bench.a{i:03d},Benchmark indicator {i},CNY 100 million,annual,APPROX\n")

written = 0
with open(os.path.join(out, "observations.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("indicator,region,period,value,status,source,published\n")
    for i in range(INDICATORS):
        for r, region in enumerate(regions):
            for y in YEARS:
                if written == ROWS:
                    break
                value = 100 + ((i * 7919 + r * 104729 + y * 31) % 100000) / 7
                f.write(f"bench.a{i:03d},{region},{y},{value:.2f},published,APPROX,2024-06-30\n")
                written += 1
print(f"{written} observations, {len(regions)} regions, {INDICATORS} indicators")
