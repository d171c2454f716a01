"""The database's share of a fresh import: its rows written again with no Python work.

Run: ``.venv/bin/python tests/benchmarks/bench_import_database.py [--lines 100000]
[--repeat 5]``. It imports a report (bench_import's) once into a fresh SQLite file,
then, in whole processes taking turns, writes that import's orders, items and events
into a fresh migrated database as the importer does: one transaction, one driver
``executemany`` per table, inside the importer's own ``indexes_rebuilt`` and
``new_orders_indexed_at_end``. Each step's CPU and wall time (medians) say where the
database's part of a fresh import goes: the rows, the search index (FTS5), the rebuilt
indexes, the commit.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import benchkit
from bench_import import write_report
from benchkit import empty_database

TABLES = ("orders", "order_items", "events")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def replay(source: Path, empty: Path, target: Path) -> None:
    """One replay into a copy of ``empty``; prints each step's wall and CPU seconds (JSON)."""
    sys.path.insert(0, str(benchkit.ROOT))
    from app.marketplace_files.importer import EVENTS, ITEMS, ORDERS
    from app.storage.bulk import indexes_rebuilt
    from app.storage.db import WRITING, open_database
    from app.storage.search_index import new_orders_indexed_at_end

    target.write_bytes(empty.read_bytes())
    with sqlite3.connect(source) as stored:
        rows = {
            name: stored.execute(f"SELECT * FROM {name} ORDER BY id").fetchall() for name in TABLES
        }
    db = open_database(str(target))
    steps: dict[str, tuple[float, float]] = {}
    mark = (time.perf_counter(), _cpu())

    def step(name: str) -> None:
        nonlocal mark
        now = (time.perf_counter(), _cpu())
        steps[name] = (now[0] - mark[0], now[1] - mark[1])
        mark = now

    with db.engine.execution_options(**{WRITING: True}).begin() as connection:
        total = sum(len(found) for found in rows.values())
        with indexes_rebuilt(connection, (ORDERS, ITEMS, EVENTS), total, 0):
            with new_orders_indexed_at_end(connection, 0, total):
                step("begin")
                for name, found in rows.items():
                    marks = ", ".join("?" for _ in found[0])
                    connection.exec_driver_sql(f"INSERT INTO {name} VALUES ({marks})", found)
                    step(f"rows: {name}")
            step("search index (FTS5)")
        step("indexes rebuilt")
    step("commit")
    db.dispose()
    print(json.dumps(steps))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--replay", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.replay:
        replay(*args.replay)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        report, source, empty = (Path(folder) / name for name in ("r.txt", "s.db", "e.db"))
        orders = write_report(report, args.lines)
        empty_database(str(source))
        benchkit.run(benchkit.sellerdesk("--db", str(source), "import", str(report)))
        empty_database(str(empty))
        here = Path(__file__)
        command = [benchkit.PYTHON, str(here), "--replay", str(source), str(empty)]
        runs = [
            json.loads(benchkit.run([*command, str(Path(folder) / "t.db")]).output.splitlines()[-1])
            for _ in range(args.repeat)
        ]
    print(f"{args.lines} lines, {orders} orders: the database's steps, medians of {args.repeat}")
    for name in runs[0]:
        wall = benchkit.median([run[name][0] for run in runs])
        cpu = benchkit.median([run[name][1] for run in runs])
        print(f"  {name:<28} {wall:7.3f}s wall {cpu:7.3f}s cpu")
    wall = benchkit.median([sum(w for w, _ in run.values()) for run in runs])
    cpu = benchkit.median([sum(c for _, c in run.values()) for run in runs])
    print(f"  {'all':<28} {wall:7.3f}s wall {cpu:7.3f}s cpu")
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
