#!/usr/bin/env python3
"""Turns `cargo bench -p neurosteroid-bench` text output into Markdown rows:
name | median time | median throughput | ratio to serde_json_value of the same group.

    cargo bench -p neurosteroid-bench --bench parse | tee parse.txt
    python3 bench/criterion_table.py parse.txt
"""

import pathlib
import re
import sys

UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
TP = {
    "B/s": 1,
    "KiB/s": 1024,
    "MiB/s": 1024**2,
    "GiB/s": 1024**3,
    "elem/s": 1,
    "Kelem/s": 1e3,
    "Melem/s": 1e6,
    "Gelem/s": 1e9,
}


def main() -> None:
    text = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
    rows = []
    name = None
    for line in text.splitlines():
        m = re.match(r"^(\S+/\S+/\S+)", line)
        if m and not line.startswith("Benchmarking"):
            name = m.group(1)
        t = re.search(r"time:\s+\[\S+\s+\S+\s+(\S+)\s+(\S+)\s+\S+\s+\S+\]", line)
        if t and name:
            rows.append([name, float(t.group(1)) * UNITS[t.group(2)], None])
        tp = re.search(r"thrpt:\s+\[\S+\s+\S+\s+(\S+)\s+(\S+)\s+\S+\s+\S+\]", line)
        if tp and rows:
            rows[-1][2] = (float(tp.group(1)) * TP[tp.group(2)], tp.group(2))
    floor = {}
    for n, t, tp in rows:
        group, bench = n.rsplit("/", 1)
        if bench == "serde_json_value":
            floor[group] = t
    print("| benchmark | median time | throughput | × serde_json→Value speed |")
    print("|---|---|---|---|")
    for n, t, tp in rows:
        group = n.rsplit("/", 1)[0]
        if tp is None:
            thr = ""
        elif tp[1].endswith("B/s"):
            thr = f"{tp[0] / 1e6:.1f} MB/s"
        else:
            thr = f"{tp[0]:,.1f} /s"
        ratio = f"{floor[group] / t:.2f}" if group in floor else ""
        ts = f"{t * 1e3:.2f} ms" if t >= 1e-3 else f"{t * 1e6:.2f} µs"
        print(f"| {n} | {ts} | {thr} | {ratio} |")


if __name__ == "__main__":
    main()
