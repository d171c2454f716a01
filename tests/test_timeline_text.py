"""The timeline keeps each sentence twice: English for the log, translatable for the window."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.marketplace_files.carriers import resolve_carrier
from app.marketplace_files.importer import import_reports
from app.order_actions.orders import ShipmentRequest, confirm_shipment, find_order, verify_payment
from app.order_actions.refunds import ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from app.order_actions.returns import receive_return, request_return
from app.order_views.order_details import order_details
from app.storage import audit
from app.storage.db import open_database
from app.storage.models import Event, OrderStatus
from app.text import QT_TRANSLATE_NOOP, Amount, Day, Moment, Text, from_json, text, to_json
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.migrations import file_downgraded
from tests.reportfiles import ORDERS_REPORT

ORDER = "405-1234567-1234567"


def events(db) -> list[Event]:
    with db.reading() as session:
        return list(session.scalars(select(Event).order_by(Event.id)))


def columns(path, table: str) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}


def test_a_shipment_keeps_the_english_sentence_and_the_translatable_one(db):
    add_order(db, OrderSpec())
    request = ShipmentRequest(resolve_carrier("Colissimo"), "6A12345678901", date(2026, 11, 20))
    confirm_shipment(db, ORDER, request, at=NOW)
    event = events(db)[-1]
    assert event.summary == (
        "Shipment confirmed (Colissimo, tracking 6A12345678901, 2026-11-20): "
        "MUG-CERAM-01 “Mug céramique” × 1."
    )
    sentence = from_json(event.summary_text or "")
    assert sentence.context == "Orders"
    assert sentence.source == (
        "Shipment confirmed ({carrier}, tracking {tracking}, {date}): {units}."
    )
    assert sentence.args["tracking"] == "6A12345678901"  # data stays an argument
    assert sentence.english() == event.summary


def test_a_refund_with_a_fee_is_one_sentence_with_translatable_parts(db):
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id="11111111111111", quantity_shipped=1)],
        ),
    )
    full = ItemRefund.full("11111111111111", Share(percent=Decimal("20")))
    refund(db, ORDER, RefundRequest((full,), "CustomerReturn", "opened"), at=NOW)
    event = events(db)[-1]
    assert event.summary == (
        "Refunded 20.12 EUR to the buyer (reason CustomerReturn): "
        "MUG-CERAM-01 “Mug céramique” 23.10 EUR minus restocking fee 2.98 EUR."
    )
    stored = json.loads(event.summary_text or "")
    assert stored["source"] == "Refunded {amount} to the buyer (reason {reason}): {parts}."
    assert stored["args"]["amount"] == {"$amount": "20.12", "currency": "EUR"}
    [part] = stored["args"]["parts"]
    assert part["source"] == "{item} {amount} minus restocking fee {fee}"
    assert part["args"]["fee"] == {"$amount": "2.98", "currency": "EUR"}
    assert part["args"]["item"]["args"] == {"sku": "MUG-CERAM-01", "title": "Mug céramique"}
    assert from_json(event.summary_text or "").english() == event.summary


def test_an_english_string_summary_still_works_without_a_translatable_form(db):
    add_order(db, OrderSpec())
    with db.transaction() as session:
        order = find_order(session, ORDER)
        audit.record(session, order, kind="note", summary="Written by hand.", at=NOW)
    event = events(db)[-1]
    assert (event.summary, event.summary_text) == ("Written by hand.", None)
    [entry] = order_details(db, ORDER, NOW).timeline
    assert entry.summary == "Written by hand." and entry.sentence is None


def test_nested_texts_survive_the_round_trip():
    label = text("Exports", QT_TRANSLATE_NOOP("Exports", "order adjustment file"))
    sentence = text(
        "Exports", "Batch {batch}: {file}; {parts}.", batch=3, file=label, parts=[label]
    )
    again = from_json(to_json(sentence))
    assert again == Text(sentence.context, sentence.source, {**sentence.args, "parts": [label]})
    assert again.english() == "Batch 3: order adjustment file; order adjustment file."
    french = {
        "Batch {batch}: {file}; {parts}.": "Lot {batch} : {file} ; {parts}.",
        "order adjustment file": "fichier d'ajustement",
    }
    assert again.render(lambda t: french[t.source]) == (
        "Lot 3 : fichier d'ajustement ; fichier d'ajustement."
    )


def test_a_0002_database_is_migrated_and_its_old_events_keep_their_english(db, db_path):
    add_order(db, OrderSpec(status=OrderStatus.PENDING))
    verify_payment(db, ORDER, at=NOW - timedelta(hours=1))
    db.dispose()
    # Take the file back to what SellerDesk wrote before 0003, events and all.
    file_downgraded(db_path, "0002")
    assert "summary_text" not in columns(db_path, "events")

    reopened = open_database(str(db_path))
    try:
        assert "summary_text" in columns(db_path, "events")
        [old] = order_details(reopened, ORDER, NOW).timeline
        assert old.sentence is None
        assert old.summary == "Payment verified; the order is ready to ship."
        request = ShipmentRequest(resolve_carrier("UPS"), None, date(2026, 11, 20))
        confirm_shipment(reopened, ORDER, request, at=NOW)
        new = order_details(reopened, ORDER, NOW).timeline[-1]
        assert new.sentence is not None
        assert (
            new.summary == "Shipment confirmed (UPS, 2026-11-20): MUG-CERAM-01 “Mug céramique” × 1."
        )
    finally:
        reopened.dispose()


def test_an_import_event_is_translatable_too(db):
    import_reports(db, [ORDERS_REPORT], at=NOW)
    imported = [event for event in events(db) if event.kind == "imported"]
    assert imported
    sentence = from_json(imported[0].summary_text)
    assert sentence.context == "Import"
    assert sentence.english() == imported[0].summary
    assert imported[0].summary.startswith("Imported from orders-report.txt: new order")


def test_amounts_and_dates_survive_the_round_trip_and_read_as_before_in_english():
    sentence = text(
        "Returns",
        "{amount} and {fee} due by {due}, seen {at}.",
        amount=Amount(Decimal("17.32"), "EUR"),
        fee=Amount(Decimal("-0.5")),
        due=Day(date(2026, 11, 13)),
        at=Moment(datetime(2026, 11, 13, 9, 30, tzinfo=UTC)),
    )
    stored = to_json(sentence)
    assert json.loads(stored)["args"]["due"] == {"$day": "2026-11-13"}
    again = from_json(stored)
    assert again == sentence
    assert again.english() == (
        "17.32 EUR and -0.50 due by 2026-11-13, seen 2026-11-13T09:30:00+00:00."
    )
    # The window writes them its own way without touching the sentence's wording.
    shown = again.render(lambda t: t.source, lambda value: f"<{type(value).__name__}>")
    assert shown == "<Amount> and <Amount> due by <Day>, seen <Moment>."


def test_a_sentence_stored_before_typed_amounts_still_loads():
    stored = json.dumps(
        {
            "context": "Refunds",
            "source": "Refunded {amount} to the buyer (reason {reason}): {parts}.",
            "args": {"amount": "20.12 EUR", "reason": "CustomerReturn", "parts": []},
        }
    )
    sentence = from_json(stored)
    assert sentence.args["amount"] == "20.12 EUR"
    assert sentence.english() == "Refunded 20.12 EUR to the buyer (reason CustomerReturn): ."


def test_a_received_return_keeps_its_english_due_date_and_stores_a_day(db):
    add_order(
        db,
        OrderSpec(
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(order_item_id="11111111111111", quantity_shipped=1)],
        ),
    )
    request_return(db, ORDER, at=datetime(2026, 11, 19, 9, tzinfo=UTC))
    receive_return(db, ORDER, "new", at=datetime(2026, 11, 20, 15, tzinfo=UTC))
    [event] = [event for event in events(db) if event.kind == "return-received"]
    assert event.summary == "Return received (new); refund due by 2026-11-24."
    sentence = from_json(event.summary_text or "")
    assert sentence.args["due"] == Day(date(2026, 11, 24))
    assert sentence.english() == event.summary
