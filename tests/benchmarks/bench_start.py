"""How fast does a command start and answer on a small database?

Run: ``.venv/bin/python tests/benchmarks/bench_start.py [--repeat 9] [--db URL]``.

It fills a database (a server one emptied first) with the 200 demo orders, then
runs, taking turns, ``sellerdesk list --status Pending`` and the baseline ``python -c
"import sqlalchemy"`` (what any SQLAlchemy program pays before its first line), and
prints the median of each and their ratio (target ≤ 2×). ``--importtime`` also
prints the ten slowest imports of one ``list`` run (``python -X importtime``).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

import benchkit

TARGET_RATIO = 2.0


def slowest_imports(db: str, count: int = 10) -> list[tuple[int, str]]:
    found = benchkit.run(
        [benchkit.PYTHON, "-X", "importtime", "-m", "ui.launcher", "--db", db, "list"]
    )
    rows = []
    for line in found.output.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|(\s*)(\S+)", line)
        if match and len(match.group(2)) <= 3:  # top-level imports only
            rows.append((int(match.group(1)), match.group(3)))
    return sorted(rows, reverse=True)[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--db", help="a database URL (default: a fresh SQLite file)")
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or str(Path(folder) / "small.sqlite")
        if args.db:  # a small database: whatever an earlier benchmark left there goes first
            benchkit.emptied_apart(args.db)
        benchkit.run(benchkit.sellerdesk("--db", db, "demo", "--orders", "200"))
        runs = benchkit.interleaved(
            {
                "baseline": [benchkit.PYTHON, "-c", "import sqlalchemy"],
                "list": benchkit.sellerdesk("--db", db, "list", "--status", "Pending"),
                "health": benchkit.sellerdesk("--db", db, "health", "--json"),
            },
            args.repeat,
        )
        if args.importtime:
            print("slowest top-level imports of `list` (µs cumulative):")
            for micros, name in slowest_imports(db):
                print(f"  {micros:>9}  {name}")
    print(benchkit.machine_note())
    baseline = runs["baseline"]
    print(benchkit.report('python -c "import sqlalchemy" (baseline)', baseline))
    print(benchkit.report("sellerdesk list --status Pending", runs["list"], baseline))
    print(benchkit.report("sellerdesk health --json", runs["health"], baseline))
    ratio = benchkit.median([r.wall for r in runs["list"]]) / benchkit.median(
        [r.wall for r in baseline]
    )
    print(f"list / baseline: {ratio:.2f}× (target ≤ {TARGET_RATIO}×)")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
