"""How fast the order list opens, switches filters and sorts: 1,000,000 orders vs 100.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_window.py
[--orders 1000000] [--keep PATH]``. It builds the database with raw ``sqlite3``
inserts into the migrated schema (a minute at most), then measures the Qt
model (first rows, filter switch, every sort, counts) against the same raw
SQL, and the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.db import open_database
from app.order_list import Column, refresh_statistics, view_counts
from app.queries import View
from ui.models.order_table_model import OrderTableModel

NOW = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
STATUSES = (
    ["Shipped"] * 80
    + ["Unshipped"] * 10
    + ["Pending"] * 3
    + ["Canceled"] * 5
    + ["PartiallyShipped"] * 2
)


def rows(count: int) -> Iterator[tuple[object, ...]]:
    rng = random.Random(1)
    for number in range(count):
        purchased = NOW - timedelta(minutes=number * 2 + rng.randint(0, 1))
        status = rng.choice(STATUSES)
        pending = status == "Pending"
        items = rng.randint(1, 4)
        yield (
            f"{100 + number % 900:03d}-{number:07d}-{rng.randint(0, 9_999_999):07d}",
            status,
            purchased,
            None if pending else purchased + timedelta(hours=1),
            purchased + timedelta(days=2),
            "EUR",
            None if pending else f"Buyer {number}",
            rng.random() < 0.01,
            False,
            items,
            " ".join(f"SKU-{rng.randint(1, 500)}" for _ in range(min(items, 2))),
            "Mug | Tote",
            rng.randint(500, 20000),
            purchased,
            purchased,
            1,
        )


def build(path: Path, count: int) -> float:
    started = time.perf_counter()
    open_database(str(path)).dispose()  # the migrated schema, indexes included
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    with connection:
        connection.executemany(
            "INSERT INTO orders (order_id, status, purchase_date, payment_date, latest_ship_date,"
            " currency, buyer_name, buyer_requested_cancel, canceled_on_marketplace, item_count,"
            " skus, titles, total, created_at, updated_at, version)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows(count),
        )
    connection.close()
    return time.perf_counter() - started


def timed(action: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def raw_first_page(path: Path, where: str, order: str) -> Callable[[], object]:
    connection = sqlite3.connect(path)

    def run() -> object:
        return connection.execute(
            f"SELECT id, order_id, purchase_date, latest_ship_date, status, buyer_name, item_count,"
            f" skus, total, currency, buyer_requested_cancel FROM orders WHERE {where}"
            f" ORDER BY {order} LIMIT 200"
        ).fetchall()

    return run


def measure(path: Path, label: str) -> dict[str, float]:
    QApplication.instance() or QApplication(sys.argv[:1])
    figures: dict[str, float] = {}
    db = open_database(str(path))
    # The window runs this once in the background (statistics missing, or after an import).
    figures["ANALYZE, once, off the GUI thread (ms)"] = timed(
        lambda: refresh_statistics(db, force=True), repeat=1
    )
    db.dispose()
    started = time.perf_counter()
    db = open_database(str(path))
    model = OrderTableModel(db)
    model.index(0, 0).data()
    figures["open to first rows (ms)"] = (time.perf_counter() - started) * 1000
    figures["raw SQL first page (ms)"] = timed(
        raw_first_page(path, "1", "purchase_date DESC, id DESC")
    )
    switch = []
    for view in (View.UNSHIPPED, View.PENDING, View.LATE, View.AT_RISK, View.SHIPPED, View.ALL):
        switch.append(timed(lambda v=view: (model.set_view(v), model.set_view(View.ALL))) / 2)
    figures["filter switch, worst view (ms)"] = max(switch)
    figures["raw SQL Unshipped page (ms)"] = timed(
        raw_first_page(
            path, "status IN ('Unshipped','PartiallyShipped')", "purchase_date DESC, id DESC"
        )
    )
    sorts = {}
    for column in Column:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            sorts[f"{column.name} {order.name[:-5]}"] = timed(
                lambda c=column, o=order: (
                    model.sort(c, o),
                    model.sort(Column.PURCHASED, Qt.SortOrder.DescendingOrder),
                ),
                repeat=1,
            ) - timed(lambda: model.sort(Column.PURCHASED, Qt.SortOrder.AscendingOrder), 1)
    worst = max(sorts, key=lambda name: sorts[name])
    figures[f"sort, worst column ({worst}) (ms)"] = sorts[worst]
    figures["scroll: fetch one more page (ms)"] = timed(model.fetchMore)
    figures["all eight filter counts (ms)"] = timed(lambda: view_counts(db), repeat=1)
    figures["counts with a search (ms)"] = timed(lambda: view_counts(db, "SKU-42"), repeat=1)
    figures["search first page (ms)"] = timed(
        lambda: (model.set_search("Buyer 99999"), model.set_search("")), repeat=1
    )
    figures["peak memory (MB)"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    db.dispose()
    print(f"\n{label}")
    for name, value in figures.items():
        print(f"  {name:<48} {value:10.1f}")
    return figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="reuse or keep the big database at this path")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        small = Path(folder) / "small.sqlite"
        build(small, 100)
        measure(small, "100 orders")
        big = args.keep or Path(folder) / "big.sqlite"
        if not big.exists():
            seconds = build(big, args.orders)
            print(f"\nbuilt {args.orders:,} orders in {seconds:.1f} s")
        measure(big, f"{args.orders:,} orders")
    return 0


if __name__ == "__main__":
    sys.exit(main())
