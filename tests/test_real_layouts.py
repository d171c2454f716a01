"""Report files in the layouts real marketplaces produce (FORMATS.md §1, updated).

- the 33-column all-orders header (``url``, ``is-sold-by-ab``), with Amazon-fulfilled
  orders, item-status per line and the "Shipped - Delivered to Buyer" status words;
- an EU order report in Windows-1252 with CRLF, ``item-name`` for the title and two
  marketplaces (EUR and GBP), amounts with a decimal comma;
- a 2009-style US order report with ``-08:00`` offsets and ``delivery-*`` columns.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.account_health.health import health
from app.marketplace_files.importer import import_reports
from app.marketplace_files.reports import Layout, read_report
from app.storage.db import Database
from app.storage.models import FulfilledBy, Order, OrderStatus
from tests.reportfiles import REPORTS, write

ALL_ORDERS_33 = REPORTS / "all-orders-33-columns.txt"
EU_CP1252 = REPORTS / "eu-order-report-cp1252.txt"
US_2009 = REPORTS / "us-order-report-2009.txt"
AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def _orders(db: Database) -> dict[str, Order]:
    with db.reading() as session:
        found = session.scalars(
            select(Order).options(selectinload(Order.items), selectinload(Order.cancellations))
        ).all()
        return {order.order_id: order for order in found}


def test_the_fixtures_are_in_the_real_layouts() -> None:
    header = ALL_ORDERS_33.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert len(header) == 33 and {"url", "is-sold-by-ab"} <= set(header)
    raw = EU_CP1252.read_bytes()
    assert b"\r\n" in raw and "Weiß".encode("cp1252") in raw
    assert "item-name" in raw.decode("cp1252").splitlines()[0].split("\t")
    us_header = US_2009.read_text(encoding="utf-8").splitlines()[0]
    assert "delivery-Instructions" in us_header and "-08:00" in US_2009.read_text()
    assert [read_report(path).layout for path in (ALL_ORDERS_33, EU_CP1252, US_2009)] == [
        Layout.ALL_ORDERS,
        Layout.ORDERS,
        Layout.ORDERS,
    ]


def test_the_33_column_all_orders_report(db: Database) -> None:
    result = import_reports(db, [ALL_ORDERS_33], at=AT)
    assert (result.added, result.refused) == (5, [])
    orders = _orders(db)
    fulfilled = {order_id: order.fulfilled_by for order_id, order in orders.items()}
    assert fulfilled == {
        "112-3456789-0123456": FulfilledBy.SELLER,
        "113-1111111-2222222": FulfilledBy.MARKETPLACE,
        "114-2222222-3333333": FulfilledBy.MARKETPLACE,
        "112-4444444-5555555": FulfilledBy.SELLER,
        "112-6666666-7777777": FulfilledBy.SELLER,
    }
    # "Shipped - Delivered to Buyer" is a shipped order.
    assert orders["112-4444444-5555555"].status is OrderStatus.SHIPPED
    assert orders["113-1111111-2222222"].status is OrderStatus.UNSHIPPED
    assert orders["113-1111111-2222222"].currency == "USD"


def test_a_cancelled_line_in_a_shipped_order_is_cancelled_not_shipped(db: Database) -> None:
    import_reports(db, [ALL_ORDERS_33], at=AT)
    order = _orders(db)["112-3456789-0123456"]
    mug, tea = order.items
    assert order.status is OrderStatus.SHIPPED
    assert (mug.quantity_shipped, mug.quantity_cancelled) == (2, 0)
    assert (tea.quantity_shipped, tea.quantity_cancelled) == (0, 1)
    assert order.canceled_on_marketplace and order.cancellations == []
    # Listed apart on the health page, never in the seller's rate.
    report = health(db, AT)
    assert report.rate.seller_cancellations == 0
    assert report.canceled_on_marketplace == [
        {
            "order_id": "112-3456789-0123456",
            "purchase_date": "2026-11-14T17:05:12+00:00",
            "whole_order": False,
        }
    ]


def test_lines_decide_the_order_status_where_the_report_gives_both(
    db: Database, tmp_path: Path
) -> None:
    header = ALL_ORDERS_33.read_text(encoding="utf-8").splitlines()[0].split("\t")
    base = dict.fromkeys(header, "")
    base.update(
        {
            "amazon-order-id": "112-1000000-0000001",
            "purchase-date": "2026-11-18T10:00:00+00:00",
            "order-status": "Unshipped",
            "fulfillment-channel": "MFN",
            "currency": "USD",
        }
    )
    lines = [
        {**base, "sku": "A", "item-status": "Shipped", "quantity": "1"},
        {**base, "sku": "B", "item-status": "Unshipped", "quantity": "1"},
        {**base, "sku": "C", "item-status": "Cancelled", "quantity": "2"},
    ]
    rows = ["\t".join(line[name] for name in header) for line in lines]
    path = write(tmp_path / "lines.txt", "\n".join(["\t".join(header), *rows]) + "\n")
    import_reports(db, [path], at=AT)
    order = _orders(db)["112-1000000-0000001"]
    assert order.status is OrderStatus.PARTIALLY_SHIPPED
    assert [(i.sku, i.quantity_shipped, i.quantity_cancelled) for i in order.items] == [
        ("A", 1, 0),
        ("B", 0, 0),
        ("C", 0, 2),
    ]
    assert order.canceled_on_marketplace


def test_the_eu_order_report_in_windows_1252(db: Database) -> None:
    result = import_reports(db, [EU_CP1252], at=AT)
    assert (result.added, result.refused) == (2, [])
    orders = _orders(db)
    german = orders["302-1234567-7654321"]
    assert german.items[0].title == "Kaffeebecher „Café crème“ – 350 ml, Größe L"
    assert german.buyer_name == "Jürgen Weiß" and german.ship_address_1 == "Königstraße 12"
    assert (german.currency, german.items[0].item_price, german.total) == (
        "EUR",
        Decimal("29.80"),
        Decimal("40.24"),
    )
    assert german.purchase_date == datetime(2026, 11, 17, 8, 12, 44, tzinfo=UTC)
    british = orders["202-7654321-1234567"]
    assert british.currency == "GBP" and british.items[0].title == (
        "Linen tote bag – natural, £ edition"
    )
    assert british.buyer_name == "Siobhán O’Neill"
    assert all(order.fulfilled_by is FulfilledBy.SELLER for order in orders.values())


def test_the_2009_us_order_report(db: Database) -> None:
    result = import_reports(db, [US_2009], at=AT)
    assert (result.added, result.refused) == (2, [])
    orders = _orders(db)
    two_items = orders["002-3275191-2204215"]
    # 16:27:13 at -08:00 is 00:27:13 the next day in UTC.
    assert two_items.purchase_date == datetime(2009, 12, 8, 0, 27, 13, tzinfo=UTC)
    assert [item.order_item_id for item in two_items.items] == ["05275360269402", "05275360269403"]
    assert two_items.status is OrderStatus.UNSHIPPED and two_items.currency == "USD"
    assert two_items.total == Decimal("36.39")
    assert orders["058-1233752-8214740"].ship_address_2 == "Apt 4"


def test_reimporting_the_real_layouts_changes_nothing(db: Database) -> None:
    paths = [ALL_ORDERS_33, EU_CP1252, US_2009]
    import_reports(db, paths, at=AT)
    again = import_reports(db, paths, at=AT)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 9)


def test_header_spellings_marketplaces_use(db: Database, tmp_path: Path) -> None:
    header = [
        "Amazon-Order-ID",
        "merchant order-id",
        "purchase-date",
        "order-status",
        "sku",
        "item-name",
        "quantity",
        "currency",
        "item price",
        "some-new-column",
    ]
    row = [
        "171-7654321-1234567",
        "M-1",
        "2026-11-18T10:00:00Z",
        "Unshipped",
        "MUG",
        "Mug",
        "2",
        "EUR",
        "29.80",
        "x",
    ]
    path = write(tmp_path / "spellings.txt", "\t".join(header) + "\n" + "\t".join(row) + "\n")
    import_reports(db, [path], at=AT)
    item = _orders(db)["171-7654321-1234567"].items[0]
    assert (item.title, item.quantity, item.item_price) == ("Mug", 2, Decimal("29.80"))


def test_an_unknown_fulfilment_channel_is_a_bad_line(db: Database, tmp_path: Path) -> None:
    text = ALL_ORDERS_33.read_text(encoding="utf-8").replace("\tMerchant\t", "\tDropship\t", 1)
    path = write(tmp_path / "channel.txt", text)
    report = read_report(path)
    assert [problem.line for problem in report.problems] == [2]
    assert "Dropship" in report.problems[0].text.english()
