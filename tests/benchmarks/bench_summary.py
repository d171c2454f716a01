"""How fast does a 1,000-cancellation summary become a PDF?

Not part of the test run (pytest collects only ``test_*.py``). Run it with::

    .venv/bin/python tests/benchmarks/bench_summary.py [--cancellations 1000]

It fills a fresh database with as many orders of two items, each cancelled
(whole or one unit, various reasons) over 30 days, then times the summary's
data, the document and the PDF, and prints the page count. Target: a few seconds.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert, select

from app.account_health.summary import summary
from app.storage.db import Database, open_database
from app.storage.models import (
    Cancellation,
    CancellationLine,
    Initiator,
    Order,
    OrderItem,
    OrderStatus,
)

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)
REASONS = ["NoInventory", "BuyerCanceled", "PricingError", "ShippingAddressUndeliverable"]


def fill(db: Database, count: int) -> None:
    with db.transaction() as session:
        session.execute(
            insert(Order),
            [
                {
                    "order_id": f"405-{n:07d}-{n % 10_000_000:07d}",
                    "status": OrderStatus.CANCELED,
                    "purchase_date": NOW - timedelta(days=n % 30, hours=2),
                    "payment_date": NOW - timedelta(days=n % 30, hours=1),
                    "currency": "EUR",
                    "buyer_requested_cancel": n % 4 == 1,
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for n in range(count)
            ],
        )
        pks = dict(session.execute(select(Order.order_id, Order.id)).all())
        items = []
        for n in range(count):
            order_pk = pks[f"405-{n:07d}-{n % 10_000_000:07d}"]
            for k, (sku, title) in enumerate([("MUG-01", "Mug céramique"), ("BOL-01", "Bol")]):
                items.append(
                    {
                        "order_pk": order_pk,
                        "order_item_id": f"{n}{k}",
                        "sku": sku,
                        "title": title,
                        "quantity": 2,
                        "quantity_cancelled": 2,
                        "item_price": Decimal("29.80"),
                        "item_tax": Decimal("4.96"),
                        "shipping_price": Decimal("4.90"),
                        "shipping_tax": Decimal("0.82"),
                    }
                )
        session.execute(insert(OrderItem), items)
        item_pks = session.execute(select(OrderItem.order_pk, OrderItem.id)).all()
        by_order: dict[int, list[int]] = {}
        for order_pk, item_pk in item_pks:
            by_order.setdefault(order_pk, []).append(item_pk)
        for n, order_pk in enumerate(sorted(by_order)):
            reason = REASONS[n % len(REASONS)]
            official = reason == "BuyerCanceled" and n % 4 == 1
            cancellation = Cancellation(
                order_pk=order_pk,
                created_at=NOW - timedelta(days=n % 30),
                reason=reason,
                initiator=Initiator.BUYER_REQUEST if official else Initiator.SELLER,
                counts_in_rate=not official,
                whole_order=True,
            )
            for item_pk in by_order[order_pk]:
                cancellation.lines.append(
                    CancellationLine(
                        order_item_pk=item_pk,
                        quantity=2,
                        item_price=Decimal("29.80"),
                        item_tax=Decimal("4.96"),
                        shipping_price=Decimal("4.90"),
                        shipping_tax=Decimal("0.82"),
                    )
                )
            session.add(cancellation)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cancellations", type=int, default=1000)
    args = parser.parse_args()
    from PySide6.QtGui import QGuiApplication

    from ui.printing.output import document_to_pdf
    from ui.printing.summary_document import build_summary_document

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(str(Path(folder) / "bench.sqlite"))
        fill(db, args.cancellations)
        started = time.perf_counter()
        data = summary(db, start=date(2026, 10, 1), end=date(2026, 11, 20), now=NOW)
        fetched = time.perf_counter()
        document = build_summary_document(data)
        built = time.perf_counter()
        pages = document_to_pdf(document, Path(folder) / "summary.pdf")
        written = time.perf_counter()
        size = (Path(folder) / "summary.pdf").stat().st_size
        db.dispose()
    print(
        f"{len(data.lines)} cancellations: data {fetched - started:.2f} s, "
        f"document {built - fetched:.2f} s, PDF {written - built:.2f} s "
        f"({pages} pages, {size // 1024} KiB); total {written - started:.2f} s"
    )
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
