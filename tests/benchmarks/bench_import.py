"""How fast is a 100,000-line order report imported?

Not part of the test run (pytest collects only ``test_*.py``). Run it with::

    .venv/bin/python tests/benchmarks/bench_import.py [--lines 100000] [--db URL]

It writes an orders report (with prices) of about 60 % as many orders as lines,
some with several items, then times:

1. the import into a fresh database,
2. the re-import of the same file into the database that now holds it,
3. a bare ``csv`` + ``sqlite3.executemany`` load of the same rows into one table,

and prints the times and the ratio of each import to the bare load. ``--db`` imports
into an empty database at that SQLAlchemy URL instead of a fresh SQLite file (e.g.
PostgreSQL: ``postgresql+psycopg://user@host/db``); the bare load stays on SQLite.
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.db import open_database
from app.importer import import_reports

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
NAMES = ["Aurélien Garçon", "Noël Faure", "Chloé Mercier", "Loïc Lebœuf", "Jérôme Müller"]
CITIES = [("Clermont-Ferrand", "Puy-de-Dôme", "63000"), ("Saint-Étienne", "Loire", "42000")]


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
        for sku, title, price in rng.sample(PRODUCTS, items):
            quantity = rng.choice([1, 1, 1, 2])
            amount = f"{float(price) * quantity:.2f}"
            yield "\t".join(
                [
                    order_id,
                    f"{rng.randrange(10**13, 10**14)}",
                    bought.isoformat(),
                    paid.isoformat(),
                    paid.isoformat(),
                    promise.isoformat(),
                    "0",
                    f"{rng.randrange(16**10):010x}@marketplace.amazon.fr",
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


def write_report(path: Path, lines: int) -> int:
    orders = set()
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(HEADER + "\n")
        for line in report_lines(lines):
            orders.add(line.split("\t", 1)[0])
            handle.write(line + "\n")
    return len(orders)


Timing = tuple[float, float]  # wall-clock seconds, CPU seconds of this process


def _clock() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(started: Timing) -> Timing:
    wall, cpu = _clock()
    return wall - started[0], cpu - started[1]


def bare_load(report: Path, database: Path) -> Timing:
    """The floor: csv.reader + one executemany into a single table, one commit."""
    started = _clock()
    connection = sqlite3.connect(database)
    with report.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        columns = ", ".join(f'"{name}" TEXT' for name in header)
        connection.execute(f"CREATE TABLE report ({columns})")
        marks = ", ".join("?" for _ in header)
        connection.executemany(f"INSERT INTO report VALUES ({marks})", reader)
    connection.commit()
    connection.close()
    return _since(started)


def timed_import(db_location: str, report: Path) -> tuple[Timing, str]:
    db = open_database(db_location)
    try:
        started = _clock()
        result = import_reports(db, [report])
        elapsed = _since(started)
    finally:
        db.dispose()
    return elapsed, f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--db", help="an empty database's URL (default: a fresh SQLite file)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        report = work / "orders-report.txt"
        orders = write_report(report, args.lines)
        print(f"report: {args.lines} lines, {orders} orders ({report.stat().st_size // 1024} KiB)")

        bare = bare_load(report, work / "bare.sqlite")
        shop = args.db or str(work / "shop.sqlite")
        open_database(shop).dispose()  # migrations are not part of the import
        fresh, fresh_counts = timed_import(shop, report)
        again, again_counts = timed_import(shop, report)

        print(f"{'':34} {'wall':>8} {'cpu':>8}")
        print(f"{'bare csv + sqlite3.executemany':34} {bare[0]:7.2f}s {bare[1]:7.2f}s")
        print(f"{'import into a fresh database':34} {fresh[0]:7.2f}s {fresh[1]:7.2f}s")
        print(f"{'re-import of the same file':34} {again[0]:7.2f}s {again[1]:7.2f}s")
        print(f"fresh import: {fresh_counts}; re-import: {again_counts}")
        for label, timing in (("fresh import", fresh), ("re-import", again)):
            print(
                f"ratio {label} / bare load: {timing[0] / bare[0]:5.1f}× wall, "
                f"{timing[1] / bare[1]:5.1f}× cpu"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
