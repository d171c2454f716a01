"""How much of a first import is the database's own work? The write floor.

Not part of the test run. Run it with::

    .venv/bin/python tests/benchmarks/bench_import_floor.py [--lines 100000] [--repeat 3]

A first import of a report into a new SQLite shop writes what the seller gets
from it: the orders, their items, one audit event per order, the search index
and the window's indexes. This script imports the report once (setup), then
measures, taking turns, in whole processes:

1. the bare load of ``bench_import`` (``csv`` + one ``executemany`` into one
   table: the baseline of issue 13's figure),
2. the write floor: the rows that import wrote, already in memory as the
   driver takes them, written into a new shop the way the importer writes them
   (its plain indexes and search trigger dropped, the rows ``executemany``-ed
   table by table, the search index filled in one statement, the indexes built
   again, one commit) by ``sqlite3`` alone: no file read, no parsing, no
   merging, no SQLAlchemy,
3. the import itself (``sellerdesk import``, a new shop each time).

The bare load and the write floor are timed inside their process, from opening
the database to closing it (the floor's rows are loaded before its clock
starts); the import is timed whole, against the bare load timed whole, as
``bench_import`` does. What the floor costs is what no importer written in
Python can save; the rest of the import (its share above the floor) is reading
the lines into typed rows and merging them on the model's rules.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import bench_import
import benchkit

# What a first import writes row by row, parents first; the search index is filled from
# orders at the end, as app.storage.search_index does.
WRITTEN = ("orders", "order_items", "events")
SEARCH_TRIGGER = "orders_search_insert"


def _written_rows(shop: Path) -> dict[str, tuple[str, list[tuple[Any, ...]]]]:
    """Each written table's INSERT statement and its rows, as the driver returns them."""
    source = sqlite3.connect(f"file:{shop}?mode=ro", uri=True)
    found: dict[str, tuple[str, list[tuple[Any, ...]]]] = {}
    for table in WRITTEN:
        cursor = source.execute(f'SELECT * FROM "{table}" ORDER BY id')
        columns = ", ".join(f'"{column[0]}"' for column in cursor.description)
        marks = ", ".join("?" for _ in cursor.description)
        found[table] = (f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', cursor.fetchall())
    source.close()
    return found


def write_floor(shop: Path, new_shop: Path) -> float:
    """Seconds ``sqlite3`` alone takes to write into ``new_shop`` (an empty shop) what the
    import wrote into ``shop``, as the importer writes it."""
    rows = _written_rows(shop)
    started = time.perf_counter()
    connection = sqlite3.connect(new_shop, isolation_level=None)
    # The pragmas every SellerDesk connection sets (app.storage.db), but busy_timeout.
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    connection.execute("BEGIN IMMEDIATE")
    marks = ", ".join("?" for _ in WRITTEN)
    plain_indexes = connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({marks}) AND sql NOT LIKE 'CREATE UNIQUE%'",
        WRITTEN,
    ).fetchall()
    (trigger,) = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (SEARCH_TRIGGER,)
    ).fetchone()
    for name, _ in plain_indexes:
        connection.execute(f'DROP INDEX "{name}"')
    connection.execute(f"DROP TRIGGER {SEARCH_TRIGGER}")
    for insert, values in rows.values():
        connection.executemany(insert, values)
    connection.execute(trigger)
    connection.execute(
        "INSERT INTO orders_search (rowid, order_id, search_text)"
        " SELECT id, order_id, search_text FROM orders"
    )
    for _, sql in plain_indexes:
        connection.execute(sql)
    connection.execute("COMMIT")
    connection.close()
    return time.perf_counter() - started


def timed_bare_load(report: Path, database: Path) -> float:
    started = time.perf_counter()
    bench_import.bare_load(report, database, "utf-8")
    return time.perf_counter() - started


def _seconds(run: benchkit.Run) -> float:
    return float(run.output.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--bare", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--floor", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bare:
        print(timed_bare_load(Path(args.bare[0]), Path(args.bare[1])))
        return 0
    if args.floor:
        print(write_floor(Path(args.floor[0]), Path(args.floor[1])))
        return 0
    print(benchkit.machine_note())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        report = work / "orders-report.txt"
        orders = bench_import.write_report(report, args.lines)
        empty, shop = work / "empty.sqlite", work / "shop.sqlite"
        benchkit.emptied_apart(str(empty))
        shutil.copy(empty, shop)
        benchkit.run(benchkit.sellerdesk("--db", str(shop), "import", str(report)))
        print(f"report: {args.lines} lines, {orders} orders; the import wrote:")
        written = sqlite3.connect(shop)
        for table in (*WRITTEN, "orders_search"):
            (count,) = written.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            print(f"  {table}: {count} rows")
        written.close()
        me = [benchkit.PYTHON, __file__]
        inside: dict[str, list[float]] = {"bare": [], "floor": []}
        whole: dict[str, list[benchkit.Run]] = {"bare": [], "import": []}
        for _ in range(args.repeat):
            bare = benchkit.run([*me, "--bare", str(report), str(work / "bare.db")])
            whole["bare"].append(bare)
            inside["bare"].append(_seconds(bare))
            target = work / "floor.sqlite"
            shutil.copy(empty, target)
            inside["floor"].append(_seconds(benchkit.run([*me, "--floor", str(shop), str(target)])))
            shutil.copy(empty, target)
            command = benchkit.sellerdesk("--db", str(target), "import", str(report))
            whole["import"].append(benchkit.run(command))
        bare_inside = benchkit.median(inside["bare"])
        floor = benchkit.median(inside["floor"])
        bare_whole = benchkit.median([run.wall for run in whole["bare"]])
        imported = benchkit.median([run.wall for run in whole["import"]])
        per_line = 1e6 / args.lines  # µs a line for each second
        left = 3 * bare_whole - floor - (bare_whole - bare_inside)
        print(f"bare load, inside its process: {bare_inside:.2f} s (whole: {bare_whole:.2f} s)")
        print(f"write floor, inside its process: {floor:.2f} s", end=" = ")
        print(f"{floor / bare_inside:.2f}× the bare load")
        print(
            f"import, whole process: {imported:.2f} s = {imported / bare_whole:.2f}× the bare load"
        )
        print(
            f"at 3× the bare load ({3 * bare_whole:.2f} s), once the floor and a process start"
            f" are paid, {left:.2f} s remain to read, type and merge {args.lines} lines:"
            f" {left * per_line:.1f} µs a line (the import takes"
            f" {(imported - floor) * per_line:.1f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
