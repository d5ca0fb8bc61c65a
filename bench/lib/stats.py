#!/usr/bin/env python3
"""Figures for the bench scripts.

  stats.py pglog SECONDS LOG...   percentiles of pgbench per-transaction logs (with --rate the latency column counts
                                  from each transaction's scheduled start, like OpenLoop), printed as OpenLoop prints
                                  them: p50_ms p99_ms p999_ms achieved_per_s errors transactions
  stats.py table TSV CORES        a markdown table from lines "measure<TAB>side<TAB>metric<TAB>value", one line per
                                  repetition: per measure and side, the median of each metric with its spread
                                  (min-max) over the repetitions; then a warning naming the measures during which
                                  the load average (metrics "load before", "load after") was above CORES
"""
import math
import statistics
import sys


def percentile(sorted_values, p):
    index = min(len(sorted_values) - 1, max(0, math.ceil(p * len(sorted_values)) - 1))
    return sorted_values[index]


def pglog(seconds, paths):
    latencies = []
    errors = 0
    for path in paths:
        with open(path) as f:
            for line in f:
                fields = line.split()
                if len(fields) < 3:
                    continue
                if fields[2] in ("skipped", "failed"):
                    errors += 1
                else:
                    latencies.append(int(fields[2]) / 1000.0)
    if not latencies:
        sys.exit("no transactions in " + " ".join(paths))
    latencies.sort()
    print(f"{percentile(latencies, 0.5):.3f} {percentile(latencies, 0.99):.3f} {percentile(latencies, 0.999):.3f} "
          f"{len(latencies) / seconds:.1f} {errors} {len(latencies)}")


def figure(values):
    def fmt(v):
        return f"{v:,.0f}" if abs(v) >= 100 or all(x == int(x) for x in values) else f"{v:.2f}"
    median = statistics.median(values)
    if len(values) == 1:
        return fmt(median)
    return f"{fmt(median)} ({fmt(min(values))}–{fmt(max(values))})"


def table(path, cores):
    measures = {}
    with open(path) as f:
        for line in f:
            if not line.strip():
                continue
            measure, side, metric, value = line.rstrip("\n").split("\t")
            sides = measures.setdefault(measure, {})
            sides.setdefault(side, {}).setdefault(metric, []).append(float(value))
    metrics = []
    for sides in measures.values():
        for per_metric in sides.values():
            for metric in per_metric:
                if metric not in metrics:
                    metrics.append(metric)
    print("| measure | side | reps | " + " | ".join(metrics) + " |")
    print("|---|---|---|" + "---|" * len(metrics))
    for measure, sides in measures.items():
        for side, per_metric in sides.items():
            reps = max(len(v) for v in per_metric.values())
            cells = [figure(per_metric[m]) if m in per_metric else "" for m in metrics]
            print(f"| {measure} | {side} | {reps} | " + " | ".join(cells) + " |")
    highest = {(measure, side.split(":")[0]): max(loads)
               for measure, sides in measures.items() for side, per_metric in sides.items()
               for loads in [per_metric.get("load before", []) + per_metric.get("load after", [])] if loads}
    loaded = {key: load for key, load in highest.items() if load > cores}
    if loaded:
        during = ("every measurement" if len(loaded) == len(highest)
                  else "; ".join(f"{measure} ({side})" for measure, side in loaded))
        print(f"\n> **Warning: the load average was above the {cores:.0f} cores** (up to {max(loaded.values()):.1f}) "
              f"during {during}.")
        print("> Other work shared the machine: these figures are pessimistic and noisy; compare each subject only with")
        print("> the anchor measured beside it.")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "pglog":
        pglog(float(sys.argv[2]), sys.argv[3:])
    elif len(sys.argv) == 4 and sys.argv[1] == "table":
        table(sys.argv[2], float(sys.argv[3]))
    else:
        sys.exit(__doc__)
