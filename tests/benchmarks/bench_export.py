"""How fast are 10,000-row upload files exported?

Not part of the test run (pytest collects only ``test_*.py``). Run it with::

    .venv/bin/python tests/benchmarks/bench_export.py [--rows 10000]

It fills a fresh database with as many cancelled orders (one whole-order
cancellation each) and as many shipped orders (one shipment and one refund
each), then times, for each file type, the preview, the export of a new batch
and the re-writing of that batch. The target is well under a second each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from app.marketplace_files.exports import ExportKind, export_new, preview, rewrite_batch
from app.storage.db import Database, open_database
from app.storage.models import (
    Cancellation,
    Initiator,
    Order,
    OrderItem,
    OrderStatus,
    Refund,
    RefundLine,
    Shipment,
    ShipmentLine,
)

START = datetime(2026, 11, 1, tzinfo=UTC)


def fill(db: Database, rows: int) -> None:
    orders: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for n in range(1, 2 * rows + 1):
        cancelled = n <= rows
        at = START + timedelta(seconds=n)
        orders.append(
            {
                "id": n,
                "order_id": f"{400 + n % 100:03d}-{n:07d}-{n * 7 % 10_000_000:07d}",
                "status": OrderStatus.CANCELED if cancelled else OrderStatus.SHIPPED,
                "purchase_date": at,
                "currency": "EUR",
                "created_at": at,
                "updated_at": at,
            }
        )
        items.append(
            {
                "id": n,
                "order_pk": n,
                "order_item_id": f"{n:014d}",
                "sku": "MUG-CERAM-01",
                "quantity": 2,
                "quantity_shipped": 0 if cancelled else 2,
                "quantity_cancelled": 2 if cancelled else 0,
                "item_price": Decimal("29.80"),
                "item_tax": Decimal("4.97"),
                "shipping_price": Decimal("4.90"),
                "shipping_tax": Decimal("0.82"),
            }
        )
    shipped = range(rows + 1, 2 * rows + 1)
    with db.transaction() as session:
        session.execute(insert(Order), orders)
        session.execute(insert(OrderItem), items)
        session.execute(
            insert(Cancellation),
            [
                {
                    "order_pk": n,
                    "created_at": START + timedelta(seconds=n),
                    "reason": "NoInventory",
                    "initiator": Initiator.SELLER,
                    "counts_in_rate": True,
                    "whole_order": True,
                    "source": "local",
                }
                for n in range(1, rows + 1)
            ],
        )
        session.execute(
            insert(Shipment),
            [
                {
                    "id": n,
                    "order_pk": n,
                    "ship_date": date(2026, 11, 20),
                    "carrier_code": "Other",
                    "carrier_name": "Colissimo",
                    "tracking_number": f"6A{n:09d}",
                    "created_at": START + timedelta(seconds=n),
                }
                for n in shipped
            ],
        )
        session.execute(
            insert(ShipmentLine),
            [{"shipment_id": n, "order_item_pk": n, "quantity": 2} for n in shipped],
        )
        session.execute(
            insert(Refund),
            [
                {
                    "id": n,
                    "order_pk": n,
                    "created_at": START + timedelta(days=1, seconds=n),
                    "reason": "CustomerReturn",
                }
                for n in shipped
            ],
        )
        session.execute(
            insert(RefundLine),
            [
                {
                    "refund_id": n,
                    "order_item_pk": n,
                    "item_price": Decimal("29.80"),
                    "item_tax": Decimal("4.97"),
                    "shipping_price": Decimal("0"),
                    "shipping_tax": Decimal("0"),
                    "restocking_fee": Decimal("5.96"),
                }
                for n in shipped
            ],
        )


def timed(action: Callable[[], Any]) -> tuple[float, float, Any]:
    """Wall-clock and CPU seconds (CPU is what a busy machine does not inflate)."""
    started, cpu = time.perf_counter(), time.process_time()
    result = action()
    return time.perf_counter() - started, time.process_time() - cpu, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "bench.sqlite"))
        seconds, _, _ = timed(lambda: fill(db, args.rows))
        print(f"filled {args.rows} cancelled + {args.rows} shipped orders in {seconds:.2f} s")
        worst = 0.0
        for kind in ExportKind:
            out = Path(folder) / f"{kind.value}.txt"
            again = Path(folder) / f"{kind.value}-again.txt"
            shown_s, shown_cpu, shown = timed(lambda kind=kind: preview(db, kind))
            export_s, export_cpu, result = timed(
                lambda kind=kind, out=out: export_new(db, kind, out)
            )
            rewrite_s, rewrite_cpu, _ = timed(
                lambda kind=kind, result=result, again=again: rewrite_batch(
                    db, kind, result.batch_id, again
                )
            )
            assert len(shown.rows) == result.row_count == args.rows, (kind, result.row_count)
            assert again.read_bytes() == out.read_bytes()
            worst = max(worst, shown_s, export_s, rewrite_s)
            print(
                f"{kind.value:<14} {result.row_count} rows "
                f"({out.stat().st_size / 1024:.0f} KiB)  wall/CPU ms: "
                f"preview {shown_s * 1000:4.0f}/{shown_cpu * 1000:4.0f}  "
                f"export {export_s * 1000:4.0f}/{export_cpu * 1000:4.0f}  "
                f"re-write {rewrite_s * 1000:4.0f}/{rewrite_cpu * 1000:4.0f}"
            )
        db.dispose()
    print(f"slowest: {worst * 1000:.0f} ms")
    return 0 if worst < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
