"""The core's sentences in French carry French words and French numbers: no "used",
"already deducted" or "NoInventory" from the code, no 7.04 or 2026-12-03."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.account_health.summary import summary
from app.errors import SellerDeskError
from app.order_actions.orders import cancel
from app.order_actions.refunds import Component, ItemRefund, RefundRequest, refund
from app.order_actions.restocking import Share
from app.order_views.queries import View
from app.storage.models import Event
from app.text import Number, from_json, text
from tests.factories import NOW, OrderSpec, add_order
from tests.test_refunds import ORDER, shipped_order
from ui.i18n import money, tr_text
from ui.translation import install_translators

ENGLISH_FROM_CODE = re.compile(
    r"\b(used|opened|damaged|already deducted|item price|NoInventory|CustomerReturn|ship|cancel)\b"
)


@pytest.fixture
def french(qapp) -> Iterator[None]:
    install_translators(qapp, "fr")
    yield
    install_translators(qapp, "en")


def refused(call) -> str:
    with pytest.raises(SellerDeskError) as caught:
        call()
    return tr_text(caught.value.message)


def fee_refund(fee: str, condition: str = "used") -> RefundRequest:
    item = ItemRefund("11111111111111", {Component.ITEM_PRICE: Share.parse("5")}, Share.parse(fee))
    return RefundRequest((item,), "CustomerReturn", condition)


def test_a_refused_restocking_fee_names_the_condition_and_amounts_in_french(db, french):
    shipped_order(db)
    refund(db, ORDER, fee_refund("1"), at=NOW)  # 1.00 already deducted
    message = refused(lambda: refund(db, ORDER, fee_refund("15"), at=NOW))
    assert "« utilisé »" in message.replace("\u00a0", " ")
    assert "déjà déduits" in message
    assert re.search(r"29,80\s?€|29,80", message), message
    assert not ENGLISH_FROM_CODE.search(message), message
    assert not re.search(r"\d\.\d\d", message), message


def test_the_timeline_shows_the_reason_label_not_its_code(db, french):
    add_order(db, OrderSpec(order_id=ORDER))
    cancel(db, ORDER, "NoInventory", at=NOW)
    with db.reading() as session:
        summaries = [
            tr_text(from_json(event.summary_text))
            for event in session.scalars(select(Event)).all()
            if event.summary_text
        ]
    cancelled = [line for line in summaries if "annulée" in line]
    assert cancelled and "Rupture de stock" in cancelled[0], summaries
    assert "NoInventory" not in cancelled[0]
    assert "Amazon prévient" in cancelled[0]


def test_too_many_units_says_the_verb_in_french(db, french):
    from app.order_actions.orders import ItemQuantity

    add_order(db, OrderSpec(order_id=ORDER))
    message = refused(
        lambda: cancel(db, ORDER, "NoInventory", items=[ItemQuantity("11111111111111", 5)], at=NOW)
    )
    assert "d'en annuler 5" in message and "1 unité" in message, message


def test_rates_and_dates_inside_messages_follow_the_locale(db, french):
    rate = text(
        "BulkCancel",
        "7-day cancellation rate: {before} % now, {after} % after these "
        "cancellations (target under {target} %).",
        before=Number(Decimal("7.04")),
        after=Number(Decimal("8.00")),
        target=Number(Decimal("2.50")),
    )
    assert "7,04\u00a0%" in tr_text(rate) and "2,50\u00a0%" in tr_text(rate)
    assert "7.04 %" in rate.english()
    period = refused(lambda: summary(db, start=date(2026, 12, 3), end=date(2026, 12, 1)))
    assert "03/12/2026" in period and "2026-12-03" not in period


def test_an_amount_owed_reads_with_a_minus_sign_in_french_and_english(qapp, french):
    assert money(Decimal("-2.60"), "EUR") == "-2,60\u00a0€"  # not the accountant's (2,60 €)
    assert money(Decimal("2.60"), "EUR") == "2,60\u00a0€"
    install_translators(qapp, "en")
    assert money(Decimal("-2.60"), "EUR") == "-€2.60"
    assert money(Decimal("2.60"), "GBP") == "£2.60"


def test_the_filter_counts_group_thousands_as_french_does(qtbot, db, french):
    """58881 late orders read as "58 881" beside the filter, as the sentences write them."""
    from ui.filter_list import FilterList
    from ui.i18n import count

    filters = FilterList()
    qtbot.addWidget(filters)
    filters.set_counts(dict.fromkeys(View, 0) | {View.ALL: 58881, View.LATE: 1204})
    assert filters.count_text(View.ALL) == "58\u202f881"
    assert filters.count_text(View.LATE) == "⚠ 1\u202f204"
    assert count(999) == "999"
