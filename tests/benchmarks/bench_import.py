"""How fast and how lean is a 100,000-line order report imported?

Not part of the test run (pytest collects only ``test_*.py``). Run it with::

    .venv/bin/python tests/benchmarks/bench_import.py [--lines 100000 [1000000]]
        [--repeat 3] [--large-repeat 1] [--db URL] [--shape us [eu-cp1252 …]]

It writes an orders report (with prices) of about 60 % as many orders as lines,
some with several items, then runs as whole processes, taking turns:

1. a bare ``csv`` + ``sqlite3.executemany`` load of the same rows into one table
   (the baseline),
2. ``sellerdesk import FILE`` into a fresh (migrated, empty) database,
3. the same command again on that database (nothing changes),

and prints the medians, each import's ratio to the bare load (targets ≤ 3× and
≤ 2×) and each import's peak memory (target ≤ 150 MB whatever the file's
size: give several ``--lines`` to see it stay flat; a report of 500,000 lines or
more runs ``--large-repeat`` times, once by default). Each ratio line ends with
the machine's load average at that moment. ``--db`` imports into the
database at that SQLAlchemy URL instead of a fresh SQLite file (e.g.
PostgreSQL: ``postgresql+psycopg://user@host/db``; it is emptied before each
fresh import); the bare load stays on SQLite, and the same bare load on that server
(one driver ``executemany`` into one table) is run beside it as a second baseline.

``--shape`` writes the same orders in other shapes real files come in (see
``report_shapes.py``: a BOM and CRLF, Windows-1252 with EU spellings, columns
shuffled among unknown ones, the all-orders report with Amazon-fulfilled orders,
lines sorted by SKU, a spreadsheet's quoting); the bare load reads each file in its own encoding.
After each shape's runs, what the database holds is summed up (orders, items,
amounts, statuses, names), to check the shape was read as intended.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import benchkit
import report_shapes

# SellerDesk itself is imported only by the helper modes below: the measured
# commands are children of a small process (a child's peak memory counts its
# parent's at spawn time).

HEADER = (
    "order-id\torder-item-id\tpurchase-date\tpayments-date\treporting-date\tpromise-date\t"
    "days-past-promise\tbuyer-email\tbuyer-name\tbuyer-phone-number\tsku\tproduct-name\t"
    "quantity-purchased\tquantity-shipped\tcurrency\titem-price\titem-tax\tshipping-price\t"
    "shipping-tax\tquantity-to-ship\tship-service-level\trecipient-name\tship-address-1\t"
    "ship-address-2\tship-address-3\tship-city\tship-state\tship-postal-code\tship-country\t"
    "sales-channel\tis-business-order\tpurchase-order-number\tprice-designation\tis-prime\t"
    "is-buyer-requested-cancellation\tbuyer-requested-cancel-reason"
)
PRODUCTS = [
    ("MUG-CERAM-01", "Mug céramique « Café crème » 350 ml", "14.90"),
    ("CARNET-A5-PTS", "Carnet A5 pointillé — couverture liège", "9.50"),
    ("TOTE-LIN-NAT", "Sac cabas en lin naturel", "22.40"),
    ("THE-VERT-100", "Thé vert sencha bio, sachet 100 g", "7.80"),
    ("BOUGIE-LAV-200", "Bougie parfumée lavande, 200 g", "16.00"),
]
# Names a Windows-1252 file of an EU marketplace holds too.
NAMES = ["Aurélien Garçon", "Françoise Noël", "Mette Ørsted", "Loïc Lebœuf", "Jérôme Müller"]
CITIES = [("Clermont-Ferrand", "Puy-de-Dôme", "63000"), ("Saint-Étienne", "Loire", "42000")]


LARGE = 500_000  # lines from which a report is run --large-repeat times


def report_lines(lines: int, seed: int = 7) -> Iterator[str]:
    """Report lines (no header): one order per 1–3 item lines, ~60 % as many orders as lines."""
    rng = random.Random(seed)
    start = datetime(2026, 10, 1, tzinfo=UTC)
    written = 0
    while written < lines:
        items = min(rng.choices([1, 2, 3], weights=[50, 30, 20])[0], lines - written)
        order_id = (
            f"{rng.randrange(100, 999)}-{rng.randrange(10**7):07d}-{rng.randrange(10**7):07d}"
        )
        bought = start + timedelta(minutes=rng.randrange(60 * 24 * 50))
        paid = bought + timedelta(minutes=rng.randrange(5, 120))
        promise = bought + timedelta(days=rng.randrange(1, 4))
        name = rng.choice(NAMES)
        city, state, postal = rng.choice(CITIES)
        requested = rng.random() < 0.02
        email = ""
        for sku, title, price in rng.sample(PRODUCTS, items):
            quantity = rng.choice([1, 1, 1, 2])
            # Drawn on every line (the same random sequence as before), but an order has
            # one buyer: the lines of an order agree, as in a real report.
            item_id = f"{rng.randrange(10**13, 10**14)}"
            drawn = f"{rng.randrange(16**10):010x}@marketplace.amazon.fr"
            email = email or drawn
            amount = f"{float(price) * quantity:.2f}"
            yield "\t".join(
                [
                    order_id,
                    item_id,
                    bought.isoformat(),
                    paid.isoformat(),
                    paid.isoformat(),
                    promise.isoformat(),
                    "0",
                    email,
                    name,
                    "+33 6 11 45 28 20",
                    sku,
                    title,
                    str(quantity),
                    "0",
                    "EUR",
                    amount,
                    "2.48",
                    "4.90",
                    "0.82",
                    str(quantity),
                    "Standard",
                    name,
                    "7 place du Marché",
                    "",
                    "",
                    city,
                    state,
                    postal,
                    "FR",
                    "Amazon.fr",
                    "false",
                    "",
                    "",
                    "false",
                    "true" if requested else "false",
                    "Adresse de livraison erronée" if requested else "",
                ]
            )
            written += 1


COLUMNS = HEADER.split("\t")
SHAPES = report_shapes.shapes(COLUMNS)


def write_report(path: Path, lines: int, shape: str = "us") -> int:
    found = report_shapes.write(
        str(path),
        SHAPES[shape],
        lambda: (line.split("\t") for line in report_lines(lines)),
        COLUMNS,
    )
    return len(found)


def _load_report(cursor: Any, report: Path, table: str, mark: str, encoding: str) -> None:
    """csv.reader of the report (in its ``encoding``) into a new table of text columns, one
    driver executemany (``mark``: the driver's parameter mark). Both bare loads, so both
    floors are the same."""
    with report.open(encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        columns = ", ".join(f'"{name}" TEXT' for name in header)
        cursor.execute(f"CREATE TABLE {table} ({columns})")
        marks = ", ".join(mark for _ in header)
        cursor.executemany(f"INSERT INTO {table} VALUES ({marks})", reader)


def bare_load(report: Path, database: Path, encoding: str) -> None:
    """The floor: csv.reader + one executemany into a single table, one commit."""
    database.unlink(missing_ok=True)
    connection = sqlite3.connect(database)
    _load_report(connection.cursor(), report, "report", "?", encoding)
    connection.commit()
    connection.close()


def bare_server_load(report: Path, url: str, encoding: str) -> None:
    """The same floor on a database server: csv.reader + one executemany of the driver
    (psycopg pipelines it) into a single table, one commit."""
    import psycopg

    with psycopg.connect(url.replace("+psycopg", "", 1)) as connection:
        connection.execute("DROP TABLE IF EXISTS bare_report")
        _load_report(connection.cursor(), report, "bare_report", "%s", encoding)
        connection.commit()
        connection.execute("DROP TABLE bare_report")


def summary(location: str) -> str:
    """What an import left in the database, to compare between shapes of the same orders."""
    from sqlalchemy import create_engine

    url = location if "://" in location else f"sqlite:///{location}"
    engine = create_engine(url)
    with engine.connect() as connection:

        def one(sql: str) -> Any:
            return connection.exec_driver_sql(sql).all()

        facts = [
            (
                "orders, items",
                one("SELECT (SELECT count(*) FROM orders), count(*) FROM order_items"),
            ),
            (
                "units, item prices, taxes",
                one(
                    "SELECT sum(quantity), sum(CAST(item_price AS NUMERIC)),"
                    " sum(CAST(item_tax AS NUMERIC)) FROM order_items"
                ),
            ),
            ("by status", one("SELECT status, count(*) FROM orders GROUP BY 1 ORDER BY 1")),
            (
                "by fulfilment",
                one("SELECT fulfilled_by, count(*) FROM orders GROUP BY 1 ORDER BY 1"),
            ),
            ("buyer names", one("SELECT DISTINCT buyer_name FROM orders ORDER BY 1")),
            ("titles", one("SELECT DISTINCT title FROM order_items ORDER BY 1")),
            ("cities", one("SELECT DISTINCT ship_city FROM orders ORDER BY 1")),
        ]
    engine.dispose()
    return "\n".join(f"  {label}: {[tuple(row) for row in rows]}" for label, rows in facts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--large-repeat", type=int, default=1, help=f"runs of a report of {LARGE:,}+ lines"
    )
    parser.add_argument("--db", help="an empty database's URL (default: a fresh SQLite file)")
    parser.add_argument(
        "--shape", nargs="+", default=["us"], choices=list(SHAPES), help="how the file is written"
    )
    parser.add_argument("--bare", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--bare-server", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--summary", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.bare:
        bare_load(Path(args.bare[0]), Path(args.bare[1]), args.bare[2])
        return 0
    if args.bare_server:
        bare_server_load(Path(args.bare_server[0]), args.bare_server[1], args.bare_server[2])
        return 0
    if args.summary:
        print(summary(args.summary))
        return 0
    met = True
    print(benchkit.machine_note())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for lines, shape in ((n, s) for n in args.lines for s in args.shape):
            report = work / f"orders-report-{lines}.txt"
            orders = write_report(report, lines, shape)
            size = report.stat().st_size // 1024
            encoding = SHAPES[shape].encoding
            print(f"\nreport: {lines} lines, {orders} orders ({size} KiB)")
            print(f"shape {shape}: {SHAPES[shape].about}")
            shop = args.db or str(work / "shop.sqlite")
            me = [benchkit.PYTHON, __file__]
            runs: dict[str, list[benchkit.Run]] = {
                "bare": [],
                "server": [],
                "fresh": [],
                "again": [],
            }
            # A million lines takes minutes a run on a shared machine: once unless asked.
            repeat = args.repeat if lines < LARGE else min(args.repeat, args.large_repeat)
            for _ in range(repeat):
                floor = [*me, "--bare", str(report), str(work / "b.db"), encoding]
                runs["bare"].append(benchkit.run(floor))
                if args.db:  # the same floor on the server the import writes to
                    floor = [*me, "--bare-server", str(report), shop, encoding]
                    runs["server"].append(benchkit.run(floor))
                benchkit.emptied_apart(shop)
                command = benchkit.sellerdesk("--db", shop, "import", str(report), "--json")
                runs["fresh"].append(benchkit.run(command))
                runs["again"].append(benchkit.run(command))
            print(f"fresh import: {runs['fresh'][-1].output.strip()[:120]}")
            print(f"re-import:    {runs['again'][-1].output.strip()[:120]}")
            print(f"read as:\n{benchkit.run([*me, '--summary', shop]).output.rstrip()}")
            bare = runs["bare"]
            print(benchkit.report("bare csv + sqlite3.executemany (baseline)", bare))
            print(benchkit.report("import into a fresh database", runs["fresh"], bare))
            print(benchkit.report("re-import of the same file", runs["again"], bare))
            if args.db:
                server = runs["server"]
                print(benchkit.report("bare csv + executemany on the server", server))
                print(benchkit.report("import into a fresh database", runs["fresh"], server))
                print(benchkit.report("re-import of the same file", runs["again"], server))
            for label, key, target in (("fresh import", "fresh", 3.0), ("re-import", "again", 2.0)):
                ratio = benchkit.median([r.wall for r in runs[key]]) / benchkit.median(
                    [r.wall for r in bare]
                )
                peak = max(r.peak_mb for r in runs[key])
                met = met and ratio <= target and peak <= 150
                print(
                    f"{lines} lines, {shape}, {label}: {ratio:.2f}× the bare load "
                    f"(target ≤ {target}×), "
                    f"peak {peak:.0f} MB (target ≤ 150 MB), load {os.getloadavg()[0]:.1f}"
                )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
