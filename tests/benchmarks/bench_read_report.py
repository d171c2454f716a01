"""How fast and how lean is reading an order report, next to a bare ``csv.reader``?

Not part of the test run (pytest collects only ``test_*.py``). Run it with::

    .venv/bin/python tests/benchmarks/bench_read_report.py [--lines 100000 [1000000]]
        [--repeat 5]

It writes the same orders report as ``bench_import.py`` (UTF-8, LF), then runs
as whole processes, taking turns:

1. ``csv.reader`` over the file, every row taken (the baseline),
2. ``app.marketplace_files.reports``: the file checked (``check_file``), then
   read as a stream of chunks as the importer reads it (``open_report``,
   ``chunks``), every row taken.

Each process times only the reading (imports excluded) and prints its CPU and
wall seconds; this script prints their medians, the ratio to the baseline and
each process's peak memory (the report is never held whole: flat whatever
its size).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import benchkit
from bench_import import write_report

CHUNK_LINES = 2_000  # the importer's chunk (app.marketplace_files.importer.CHUNK_LINES)


def bare(report: Path) -> tuple[int, float, float]:
    import csv

    started, cpu = time.perf_counter(), time.process_time()
    rows = 0
    with report.open(encoding="utf-8", newline="") as handle:
        for _ in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            rows += 1
    return rows - 1, time.perf_counter() - started, time.process_time() - cpu


def sellerdesk(report: Path) -> tuple[int, float, float]:
    from app.marketplace_files.reports import check_file, open_report

    started, cpu = time.perf_counter(), time.process_time()
    rows = 0
    with open_report(check_file(report)) as stream:
        for chunk in stream.chunks(CHUNK_LINES):
            if chunk.problems:
                raise SystemExit(f"unexpected problems: {chunk.problems[:3]}")
            rows += len(chunk.rows)
    return rows, time.perf_counter() - started, time.process_time() - cpu


READERS = {"bare": bare, "reports": sellerdesk}


def timed(runs: list[benchkit.Run]) -> tuple[float, float]:
    """Median wall and CPU seconds of the reading, as the processes printed them."""
    walls, cpus = [], []
    for run in runs:
        _, wall, cpu = run.output.split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return benchkit.median(walls), benchkit.median(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--read", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.read:
        rows, wall, cpu = READERS[args.read[0]](Path(args.read[1]))
        print(rows, f"{wall:.4f}", f"{cpu:.4f}")
        return 0
    print(benchkit.machine_note())
    with tempfile.TemporaryDirectory() as folder:
        for lines in args.lines:
            report = Path(folder) / f"orders-report-{lines}.txt"
            orders = write_report(report, lines)
            size = report.stat().st_size // 1024
            print(f"\nreport: {lines} lines, {orders} orders ({size} KiB)")
            commands = {
                name: [benchkit.PYTHON, __file__, "--read", name, str(report)] for name in READERS
            }
            runs = benchkit.interleaved(commands, args.repeat)
            counts = {run.output.split()[0] for name in READERS for run in runs[name]}
            if counts != {str(lines)}:
                raise SystemExit(f"rows read differ: {counts}")
            bare_wall, bare_cpu = timed(runs["bare"])
            wall, cpu = timed(runs["reports"])
            for label, name in (("bare csv.reader", "bare"), ("reports", "reports")):
                w, c = timed(runs[name])
                peak = max(run.peak_mb for run in runs[name])
                print(f"{label:<20} {w:7.3f}s wall {c:7.3f}s cpu {peak:6.0f} MB peak (process)")
            print(
                f"{lines} lines: reports reads in {wall / bare_wall:.2f}× the wall time and "
                f"{cpu / bare_cpu:.2f}× the CPU time of a bare csv.reader, "
                f"load {os.getloadavg()[0]:.1f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
