"""How fast and how lean is ``health --json`` on 1,000,000 orders, 100,000 of them late?

Run: ``.venv/bin/python tests/benchmarks/bench_health.py [--orders 1000000]
[--late 100000] [--repeat 5] [--keep PATH] [--db URL]``.

It fills a database (SQLite file, or the empty database at ``--db``) with
orders of one item each: ``--late`` unshipped past their ship-by date, a few
thousand pending for weeks, one in fifty of the rest cancelled (nine in ten of
those by the seller, counted in the rate), the rest shipped. Then it runs the
whole command ``sellerdesk health --json`` several times, taking turns with the
baseline ``python -c "import sqlalchemy"``, and prints the medians, the peak
memory of the command's process and the ratio to the baseline. Targets: ≤ 1 s,
≤ 200 MB. It also times, in turns with those, what the window's health page
computes off the GUI thread before it shows (``overview``: the figures, their
lists and the 60-day history of the rate), inside a process of its own.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import benchkit

# Only the builder imports SellerDesk: the measured commands are children of a
# small process (a child's peak memory counts its parent's at spawn time).

AS_OF = datetime(2026, 12, 1, 12, tzinfo=UTC)
TARGET_SECONDS = 1.0
TARGET_MB = 200.0
CHUNK = 20_000


CANCELLED_EVERY = 50  # of the orders neither late nor pending


def orders(
    count: int, late: int
) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]]:
    """Each order, its item, and its cancellation (or None)."""
    from app.storage.models import Initiator, OrderStatus

    pending = min(5_000, max(0, count - late) // 100)
    for n in range(1, count + 1):
        purchased = AS_OF - timedelta(minutes=30 * n % (60 * 24 * 90) + 60)
        if n <= late:
            status, ship_by, shipped = OrderStatus.UNSHIPPED, AS_OF - timedelta(days=n % 9 + 1), 0
            purchased = ship_by - timedelta(days=2)
        elif n <= late + pending:
            status, ship_by, shipped = OrderStatus.PENDING, None, 0
            purchased = AS_OF - timedelta(days=22 + n % 30)
        elif n % CANCELLED_EVERY == 0:
            status, ship_by, shipped = OrderStatus.CANCELED, purchased + timedelta(days=2), 0
        else:
            status, ship_by, shipped = OrderStatus.SHIPPED, purchased + timedelta(days=2), 1
        counted = n % (CANCELLED_EVERY * 10) != 0  # one in ten: the buyer's official request
        cancelled = status is OrderStatus.CANCELED
        yield (
            {
                "id": n,
                "order_id": f"{100 + n % 900:03d}-{n:07d}-{n * 7 % 10_000_000:07d}",
                "status": status,
                "purchase_date": purchased,
                "payment_date": None if status is OrderStatus.PENDING else purchased,
                "latest_ship_date": ship_by,
                "currency": "EUR",
                "buyer_name": None if status is OrderStatus.PENDING else f"Buyer {n}",
                "item_count": 1,
                "skus": "MUG-CERAM-01",
                "canceled_on_marketplace": False,
                "created_at": purchased,
                "updated_at": purchased,
            },
            {
                "id": n,
                "order_pk": n,
                "order_item_id": f"{n:014d}",
                "sku": "MUG-CERAM-01",
                "quantity": 1,
                "quantity_shipped": shipped,
                "quantity_cancelled": 1 if cancelled else 0,
            },
            {
                "order_pk": n,
                "created_at": purchased + timedelta(hours=3),
                "reason": "NoInventory" if counted else "BuyerCanceled",
                "initiator": Initiator.SELLER if counted else Initiator.BUYER_REQUEST,
                "counts_in_rate": counted,
                "whole_order": True,
                "source": "local",
            }
            if cancelled
            else None,
        )


def build(location: str, count: int, late: int) -> float:
    from sqlalchemy import insert

    from app.storage.db import open_database
    from app.storage.models import Cancellation, Order, OrderItem

    started = time.perf_counter()
    if "://" in location:  # a server database: whatever an earlier benchmark left goes first
        benchkit.empty_database(location)
    db = open_database(location)
    batch: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]] = []
    with db.engine.begin() as connection:

        def write() -> None:
            connection.execute(insert(Order.__table__), [o for o, _, _ in batch])
            connection.execute(insert(OrderItem.__table__), [i for _, i, _ in batch])
            cancelled = [c for _, _, c in batch if c is not None]
            if cancelled:
                connection.execute(insert(Cancellation.__table__), cancelled)
            batch.clear()

        for row in orders(count, late):
            batch.append(row)
            if len(batch) == CHUNK:
                write()
        if batch:
            write()
    db.dispose()
    return time.perf_counter() - started


def page_figures(location: str) -> float:
    """Seconds the window's health page computes before it shows (in its worker)."""
    sys.path.insert(0, str(benchkit.ROOT))  # this checkout's code, not the installed one
    from app.account_health.health_history import overview
    from app.storage.db import open_database

    db = open_database(location)
    started = time.perf_counter()
    overview(db, AS_OF)
    seconds = time.perf_counter() - started
    db.dispose()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--late", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="reuse or keep the SQLite database at this path")
    parser.add_argument("--db", help="an empty database's URL instead of an SQLite file")
    parser.add_argument("--build-only", help=argparse.SUPPRESS)
    parser.add_argument("--page-figures", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.page_figures:
        print(page_figures(args.page_figures))
        return 0
    if args.build_only:
        seconds = build(args.build_only, args.orders, args.late)
        print(f"built {args.orders:,} orders ({args.late:,} late) in {seconds:.0f} s")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "health.sqlite"
        location = args.db or str(path)
        if args.db or not path.exists():
            # In a process of its own: a child's peak memory counts its parent's at spawn time.
            built = benchkit.run(
                [
                    *(benchkit.PYTHON, __file__, "--build-only", location),
                    *(f"--orders={args.orders}", f"--late={args.late}"),
                ]
            )
            print(built.output.strip())
        as_of = AS_OF.isoformat()
        command = benchkit.sellerdesk("--db", location, "health", "--json", "--as-of", as_of)
        page = [benchkit.PYTHON, __file__, "--page-figures", location]
        runs = benchkit.interleaved(
            {
                "baseline": [benchkit.PYTHON, "-c", "import sqlalchemy"],
                "health": command,
                "page": page,
            },
            args.repeat,
        )
    head = runs["health"][0].output
    assert '"late": [' in head and '"status": "Unshipped"' in head, head[:2000]
    print(benchkit.machine_note())
    print(benchkit.report('python -c "import sqlalchemy" (baseline)', runs["baseline"]))
    print(benchkit.report("sellerdesk health --json", runs["health"], runs["baseline"]))
    wall = benchkit.median([r.wall for r in runs["health"]])
    peak = max(r.peak_mb for r in runs["health"])
    print(
        f"health at {args.orders:,} orders / {args.late:,} late: {wall:.2f} s "
        f"(target ≤ {TARGET_SECONDS} s), {peak:.0f} MB (target ≤ {TARGET_MB:.0f} MB)"
    )
    figures = benchkit.median([float(r.output.strip().splitlines()[-1]) for r in runs["page"]])
    print(f"the window's health page computes for {figures:.2f} s before it shows (off its thread)")
    return 0 if wall <= TARGET_SECONDS and peak <= TARGET_MB else 1


if __name__ == "__main__":
    sys.exit(main())
