"""Merging reports into the database: what a seller sees after an import."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.errors import BadInput
from app.marketplace_files.importer import ImportCancelled, import_reports
from app.order_actions.orders import cancel
from app.storage.db import Database
from app.storage.models import Cancellation, Event, Order, OrderItem, OrderStatus
from tests.factories import ItemSpec, OrderSpec, add_order
from tests.reportfiles import (
    ALL_ORDERS_COLUMNS,
    ALL_ORDERS_REPORT,
    ORDERS_REPORT,
    UNSHIPPED_REPORT,
    all_orders_line,
    order_line,
    report,
    table,
)

AT = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ORDER_ID = "405-1234567-1234567"


def _order(db: Database, order_id: str = ORDER_ID) -> Order:
    with db.reading() as session:
        return session.scalars(
            select(Order)
            .where(Order.order_id == order_id)
            .options(selectinload(Order.items), selectinload(Order.cancellations))
        ).one()


def _counts(db: Database) -> tuple[int, ...]:
    with db.reading() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(table_))
            for table_ in (Order, OrderItem, Event, Cancellation)
        )


def _distinct_orders(path: Path) -> int:
    return len({row[0] for row in table(path)[1]})


def test_the_three_samples_import_whole(db: Database) -> None:
    paths = [ALL_ORDERS_REPORT, ORDERS_REPORT, UNSHIPPED_REPORT]
    result = import_reports(db, paths, at=AT)
    expected = sum(_distinct_orders(path) for path in paths)
    assert (result.added, result.updated, result.unchanged) == (expected, 0, 0)
    assert result.files == [path.name for path in paths]
    assert [entry.added for entry in result.by_file] == [_distinct_orders(p) for p in paths]
    orders, items, events, cancellations = _counts(db)
    assert orders == expected
    assert items == sum(len(table(path)[1]) for path in paths)
    assert events == expected  # one per added order
    assert cancellations == 0  # marketplace cancellations are no Cancellation rows


def test_reimporting_the_same_files_changes_nothing(db: Database) -> None:
    paths = [ALL_ORDERS_REPORT, ORDERS_REPORT, UNSHIPPED_REPORT]
    first = import_reports(db, paths, at=AT)
    with db.reading() as session:
        before = session.execute(select(Order.order_id, Order.version, Order.updated_at)).all()
    counts = _counts(db)
    again = import_reports(db, paths, at=AT + timedelta(days=1))
    assert (again.added, again.updated, again.unchanged) == (0, 0, first.added)
    assert _counts(db) == counts  # no event written
    with db.reading() as session:
        after = session.execute(select(Order.order_id, Order.version, Order.updated_at)).all()
    assert sorted(after) == sorted(before)


def test_all_orders_statuses_and_marketplace_cancellations(db: Database) -> None:
    import_reports(db, [ALL_ORDERS_REPORT], at=AT)
    header, rows = table(ALL_ORDERS_REPORT)
    status_of = {row[0]: row[header.index("order-status")] for row in rows}
    with db.reading() as session:
        orders = session.scalars(select(Order).options(selectinload(Order.items))).all()
        for order in orders:
            word = status_of[order.order_id]
            if word == "Cancelled":
                assert order.status is OrderStatus.CANCELED
                assert order.canceled_on_marketplace
                assert all(item.quantity_cancelled == item.quantity for item in order.items)
                assert order.cancellations == []
            else:
                assert order.status.value == word
                assert not order.canceled_on_marketplace
            if word == "Shipped":
                assert all(item.quantity_shipped == item.quantity for item in order.items)
            if word == "Pending":
                # S9: the all-orders report has city and postcode, but not for a Pending order.
                assert order.ship_city is None and order.ship_postal_code is None
                assert order.payment_date is None


def test_reports_merge_and_an_empty_cell_never_blanks(db: Database, tmp_path: Path) -> None:
    pending = report(
        tmp_path / "all-pending.txt",
        [all_orders_line(order_status="Pending", item_price="", item_tax="", ship_city="Vichy")],
        ALL_ORDERS_COLUMNS,
    )
    result = import_reports(db, [pending], at=AT)
    assert result.added == 1
    order = _order(db)
    assert order.status is OrderStatus.PENDING
    assert order.ship_city is None  # S9
    assert order.items[0].order_item_id is None

    # The orders report: payment verified, address and prices, the item id.
    paid = report(tmp_path / "orders.txt", [order_line()])
    result = import_reports(db, [paid], at=AT + timedelta(hours=1))
    assert (result.added, result.updated) == (0, 1)
    order = _order(db)
    assert order.status is OrderStatus.UNSHIPPED
    assert order.version == 2
    assert order.buyer_name == "Aurélien Garçon"
    assert order.ship_address_1 == "7 place du Marché"
    assert order.payment_date == datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
    assert order.latest_ship_date == datetime(2026, 11, 20, 9, 15, tzinfo=UTC)
    (item,) = order.items
    assert item.order_item_id == "11111111111111"  # matched by SKU, id filled in
    assert item.item_price == Decimal("14.90")

    # The all-orders report later: shipped, no buyer, no street, no prices.
    shipped = report(
        tmp_path / "all-shipped.txt",
        [all_orders_line(order_status="Shipped", item_price="", ship_city="")],
        ALL_ORDERS_COLUMNS,
    )
    import_reports(db, [shipped], at=AT + timedelta(hours=2))
    order = _order(db)
    assert order.status is OrderStatus.SHIPPED
    assert order.buyer_name == "Aurélien Garçon"
    assert order.ship_city == "Clermont-Ferrand"
    assert order.items[0].item_price == Decimal("14.90")
    assert order.items[0].quantity_shipped == 1
    assert order.version == 3


def test_items_merge_by_item_id_else_by_sku(db: Database, tmp_path: Path) -> None:
    two_mugs = [
        order_line(order_item_id="1", sku="MUG", quantity_purchased="1"),
        order_line(order_item_id="2", sku="MUG", quantity_purchased="2"),
    ]
    import_reports(db, [report(tmp_path / "a.txt", two_mugs)], at=AT)
    assert [(i.order_item_id, i.quantity) for i in _order(db).items] == [("1", 1), ("2", 2)]
    # Without an item id, the SKU names the item within the order.
    rows = [all_orders_line(sku="TEA", quantity="3", item_price="23.40")]
    import_reports(db, [report(tmp_path / "b.txt", rows, ALL_ORDERS_COLUMNS)], at=AT)
    items = _order(db).items
    assert [(i.order_item_id, i.sku, i.quantity) for i in items] == [
        ("1", "MUG", 1),
        ("2", "MUG", 2),
        (None, "TEA", 3),
    ]


def test_the_summary_columns_are_units_skus_titles_and_total(db: Database, tmp_path: Path) -> None:
    """Units, SKUs and titles once each in item order, and charges minus promotions."""
    mug, tote = "Mug céramique « Café crème » 350 ml", "Sac cabas en lin naturel"
    lines = [
        all_orders_line(
            sku="MUG-CERAM-01", product_name=mug, quantity="2",
            item_price="29.80", item_tax="4.96", shipping_price="4.90", shipping_tax="0.82",
            item_promotion_discount="-3.00", ship_promotion_discount="-4.90",
        ),
        all_orders_line(
            sku="TOTE-LIN-NAT", product_name=tote, quantity="1",
            item_price="22.40", item_tax="3.73", shipping_price="0.00", shipping_tax="0.00",
        ),
    ]  # fmt: skip
    path = report(tmp_path / "all.txt", lines, ALL_ORDERS_COLUMNS)
    import_reports(db, [ORDERS_REPORT, ALL_ORDERS_REPORT, path], at=AT)
    with db.reading() as session:
        rows = {
            order_id: (count, skus, titles, total)
            for order_id, count, skus, titles, total in session.execute(
                select(Order.order_id, Order.item_count, Order.skus, Order.titles, Order.total)
            )
        }
    # 29.80 + 4.96 + 4.90 + 0.82 − 3.00 − 4.90 + 22.40 + 3.73
    assert rows[ORDER_ID] == (3, "MUG-CERAM-01 TOTE-LIN-NAT", f"{mug} | {tote}", Decimal("58.71"))
    # From the samples: two units of tea with its shipping, a mug and a plaid without.
    assert rows["198-0861541-2408347"] == (
        4,
        "THE-VERT-100 MUG-CERAM-01 PLAID-LAINE-XL",
        "Thé vert sencha bio, sachet 100 g | Mug céramique « Café crème » 350 ml | "
        "Plaid en laine mérinos 150×200 cm",
        Decimal("145.48"),
    )
    # A pending order's report line carries no amounts: no total rather than 0.00.
    assert rows["184-6019568-5125357"] == (
        2,
        "MUG-CERAM-01 THE-VERT-100",
        "Mug céramique « Café crème » 350 ml | Thé vert sencha bio, sachet 100 g",
        None,
    )


@pytest.mark.parametrize(
    ("local", "reported"),
    [
        (OrderStatus.SHIPPED, "Unshipped"),
        (OrderStatus.SHIPPED, "Pending"),
        (OrderStatus.UNSHIPPED, "Pending"),
        (OrderStatus.CANCELED, "Shipped"),
        (OrderStatus.SHIPPED, "Cancelled"),
    ],
)
def test_a_report_never_moves_an_order_backwards(
    db: Database, tmp_path: Path, local: OrderStatus, reported: str
) -> None:
    shipped = 1 if local is OrderStatus.SHIPPED else 0
    cancelled = 1 if local is OrderStatus.CANCELED else 0
    add_order(
        db,
        OrderSpec(
            status=local,
            items=[ItemSpec(quantity_shipped=shipped, quantity_cancelled=cancelled)],
        ),
    )
    line = all_orders_line(order_status=reported)
    import_reports(db, [report(tmp_path / "all.txt", [line], ALL_ORDERS_COLUMNS)], at=AT)
    order = _order(db)
    assert order.status is local
    assert (order.items[0].quantity_shipped, order.items[0].quantity_cancelled) == (
        shipped,
        cancelled,
    )
    assert not order.canceled_on_marketplace


def test_a_local_cancellation_stands_against_an_older_report(db: Database, tmp_path: Path) -> None:
    import_reports(db, [report(tmp_path / "orders.txt", [order_line()])], at=AT)
    cancel(db, ORDER_ID, "NoInventory", at=AT)
    result = import_reports(db, [report(tmp_path / "again.txt", [order_line()])], at=AT)
    assert result.unchanged == 1
    order = _order(db)
    assert order.status is OrderStatus.CANCELED
    assert len(order.cancellations) == 1
    assert not order.canceled_on_marketplace


def test_quantity_shipped_from_a_report_only_rises(db: Database, tmp_path: Path) -> None:
    lines = [order_line(quantity_purchased="3", quantity_shipped="2")]
    import_reports(db, [report(tmp_path / "a.txt", lines)], at=AT)
    order = _order(db)
    assert order.status is OrderStatus.PARTIALLY_SHIPPED
    assert order.items[0].quantity_shipped == 2
    lines = [order_line(quantity_purchased="3", quantity_shipped="1")]
    import_reports(db, [report(tmp_path / "b.txt", lines)], at=AT)
    assert _order(db).items[0].quantity_shipped == 2


def test_a_marketplace_cancellation_of_an_open_order(db: Database, tmp_path: Path) -> None:
    import_reports(db, [report(tmp_path / "a.txt", [order_line(quantity_purchased="2")])], at=AT)
    line = all_orders_line(order_status="Cancelled", quantity="0")
    import_reports(db, [report(tmp_path / "b.txt", [line], ALL_ORDERS_COLUMNS)], at=AT)
    order = _order(db)
    assert order.status is OrderStatus.CANCELED
    assert order.canceled_on_marketplace
    assert order.items[0].quantity == 2  # a cancelled line's 0 units keep what was ordered
    assert order.items[0].quantity_cancelled == 2
    assert order.cancellations == []


def test_the_buyer_request_is_kept_once_seen(db: Database, tmp_path: Path) -> None:
    asked = order_line(
        is_buyer_requested_cancellation="True",
        buyer_requested_cancel_reason="Délai de livraison trop long",
    )
    import_reports(db, [report(tmp_path / "a.txt", [asked])], at=AT)
    order = _order(db)
    assert order.buyer_requested_cancel
    assert order.buyer_cancel_reason == "Délai de livraison trop long"
    assert order.buyer_cancel_seen_at == AT
    # Seen again later: the first sighting stands; a later "false" does not clear it.
    import_reports(db, [report(tmp_path / "b.txt", [asked])], at=AT + timedelta(hours=3))
    import_reports(db, [report(tmp_path / "c.txt", [order_line()])], at=AT + timedelta(hours=4))
    order = _order(db)
    assert order.buyer_requested_cancel
    assert order.buyer_cancel_seen_at == AT


def test_a_pending_order_gets_no_contact_even_if_a_cell_has_some(
    db: Database, tmp_path: Path
) -> None:
    columns = [*ALL_ORDERS_COLUMNS, "buyer-email", "buyer-name"]
    line = all_orders_line(
        order_status="Pending", buyer_email="x@marketplace.amazon.fr", buyer_name="Jean"
    )
    import_reports(db, [report(tmp_path / "p.txt", [line], columns)], at=AT)
    order = _order(db)
    assert (order.buyer_email, order.buyer_name, order.ship_city) == (None, None, None)


def test_an_update_writes_one_event_with_before_and_after(db: Database, tmp_path: Path) -> None:
    import_reports(db, [report(tmp_path / "a.txt", [order_line()])], at=AT)
    later = order_line(quantity_shipped="1")
    import_reports(db, [report(tmp_path / "b.txt", [later])], at=AT + timedelta(hours=1))
    with db.reading() as session:
        events = session.scalars(select(Event).order_by(Event.id)).all()
    assert [event.summary.split(":")[0] for event in events] == [
        "Imported from a.txt",
        "Imported from b.txt",
    ]
    assert "Unshipped → Shipped" in events[1].summary
    assert json.loads(events[1].before)["status"] == "Unshipped"
    assert json.loads(events[1].after)["items"]["11111111111111"]["shipped"] == 1


def test_bad_rows_refuse_the_whole_import_and_write_nothing(db: Database, tmp_path: Path) -> None:
    import_reports(db, [UNSHIPPED_REPORT], at=AT)
    counts = _counts(db)
    header, rows = table(ORDERS_REPORT)
    rows[3][header.index("purchase-date")] = "2026-13-01"
    rows[7][header.index("item-price")] = "dix"
    bad = tmp_path / "bad.txt"
    bad.write_text("\t".join(header) + "\n" + "\n".join("\t".join(r) for r in rows) + "\n")
    with pytest.raises(BadInput) as refused:
        import_reports(db, [ORDERS_REPORT, bad], at=AT)  # the good file is not imported either
    assert [detail.english() for detail in refused.value.details] == [
        'line 5: purchase-date "2026-13-01" is not a date',
        'line 9: item-price "dix" is not an amount',
    ]
    assert _counts(db) == counts


def test_skipping_bad_rows_leaves_out_their_whole_orders(db: Database, tmp_path: Path) -> None:
    lines = [
        order_line(order_id="405-0000001-0000001"),
        order_line(order_id="405-0000002-0000002", order_item_id="21"),
        order_line(order_id="405-0000002-0000002", order_item_id="22", item_price="??"),
        order_line(order_id="405-0000003-0000003"),
    ]
    result = import_reports(db, [report(tmp_path / "bad.txt", lines)], skip_bad_rows=True, at=AT)
    assert (result.added, result.updated, result.unchanged) == (2, 0, 0)
    assert [t.english() for t in result.refused] == [
        "line 3: left out with order 405-0000002-0000002, which has a bad line",
        'line 4: item-price "??" is not an amount',
    ]
    with db.reading() as session:
        stored = set(session.scalars(select(Order.order_id)))
    assert stored == {"405-0000001-0000001", "405-0000003-0000003"}


def test_a_bad_file_among_several_writes_nothing(db: Database, tmp_path: Path) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(b"\x00\x01binary")
    with pytest.raises(BadInput, match=r"junk\.txt"):
        import_reports(db, [ORDERS_REPORT, junk], at=AT)
    assert _counts(db) == (0, 0, 0, 0)


def test_cancelling_an_import_writes_nothing(db: Database) -> None:
    calls: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelled):
        import_reports(
            db,
            [ORDERS_REPORT],
            progress=lambda done, total: calls.append((done, total)),
            cancelled=lambda: bool(calls),
            at=AT,
        )
    assert _counts(db) == (0, 0, 0, 0)


def test_progress_counts_the_lines_up_to_the_total(db: Database) -> None:
    calls: list[tuple[int, int]] = []
    import_reports(db, [ORDERS_REPORT], progress=lambda *args: calls.append(args), at=AT)
    assert calls[0] == (0, 60)
    assert calls[-1] == (60, 60)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
