"""The cancellation summary's data and the ``summary`` command (DESIGN.md §8 "Summaries")."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app import settings
from app.account_health.summary import summary
from app.errors import BadInput
from app.order_actions.orders import ItemQuantity, cancel
from tests.factories import NOW, ItemSpec, OrderSpec, add_order


def oid(n: int) -> str:
    return f"171-{n:07d}-7654321"


@pytest.fixture
def shop(db):
    """Three cancellations on 18, 19 and 20 November, one partial, one not counted."""
    add_order(db, OrderSpec(order_id=oid(1), purchase_date=NOW - timedelta(days=3)))
    add_order(
        db,
        OrderSpec(
            order_id=oid(2),
            purchase_date=NOW - timedelta(days=3),
            buyer_requested_cancel=True,
        ),
    )
    add_order(
        db,
        OrderSpec(
            order_id=oid(3),
            purchase_date=NOW - timedelta(days=3),
            items=[
                ItemSpec(order_item_id="31", quantity=2, item_price=Decimal("20.00")),
                ItemSpec(order_item_id="32", sku="BOL-01", title="Bol en grès"),
            ],
        ),
    )
    for n in range(4, 11):  # orders that stay open: the rate has a denominator
        add_order(db, OrderSpec(order_id=oid(n), purchase_date=NOW - timedelta(days=3)))
    cancel(db, oid(1), "NoInventory", at=NOW - timedelta(days=2))
    cancel(db, oid(2), "BuyerCanceled", at=NOW - timedelta(days=1))
    cancel(db, oid(3), "NoInventory", items=[ItemQuantity("31", 1)], at=NOW)
    return db


def test_a_period_takes_cancellations_made_on_its_days_both_included(shop):
    data = summary(shop, start=date(2026, 11, 19), end=date(2026, 11, 20), now=NOW)
    assert [line.order_id for line in data.lines] == [oid(2), oid(3)]
    assert data.shop_name == "My shop"
    assert (data.start, data.end) == (date(2026, 11, 19), date(2026, 11, 20))


def test_lines_say_items_reason_initiator_rate_and_amount(shop):
    data = summary(shop, start=date(2026, 11, 18), end=date(2026, 11, 20), now=NOW)
    first, official, partial = data.lines
    assert first.counts_in_rate and first.initiator.value == "seller"
    assert first.value == Decimal("23.10")  # 14.90 + 2.48 + 4.90 + 0.82
    assert not official.counts_in_rate and official.initiator.value == "buyer_request"
    assert official.reason_label.english() == "Buyer canceled"
    [item] = partial.items
    assert (item.ref, item.quantity) == ("31", 1)
    # One of two units: half of each line amount (item 20.00, tax 2.48, ship 4.90, 0.82).
    assert partial.value == Decimal("14.10")  # 10.00 + 1.24 + 2.45 + 0.41


def test_totals_by_reason_and_the_rate_before_and_after(shop):
    data = summary(shop, start=date(2026, 11, 18), end=date(2026, 11, 20), now=NOW)
    totals = {total.reason: total for total in data.totals}
    assert totals["NoInventory"].cancellations == 2 and totals["NoInventory"].counted == 2
    assert totals["NoInventory"].amounts == {"EUR": Decimal("23.10") + Decimal("14.10")}
    assert totals["BuyerCanceled"].counted == 0
    assert data.rate_before.seller_cancellations == 0
    # At the end of the 20th (capped at now): 2 counted of 10 orders.
    assert data.rate_after.as_of == NOW
    assert (data.rate_after.seller_cancellations, data.rate_after.orders) == (2, 10)
    assert data.rate_after.percent == Decimal("20.00")


def test_selected_orders_and_the_shop_name_setting(shop):
    settings.put(shop, settings.SHOP_NAME, "Boutique Garçon")
    data = summary(shop, order_ids=[oid(3)], now=NOW)
    assert [line.order_id for line in data.lines] == [oid(3)]
    assert data.shop_name == "Boutique Garçon"


def test_bad_periods_and_unknown_orders_are_refused(shop):
    with pytest.raises(BadInput, match="after its end"):
        summary(shop, start=date(2026, 11, 20), end=date(2026, 11, 19))
    with pytest.raises(BadInput, match="no order 171-9999999-7654321"):
        summary(shop, order_ids=["171-9999999-7654321"])


def test_summary_command_writes_a_pdf_without_a_display(shop, cli, tmp_path, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    out = tmp_path / "summary.pdf"
    result = cli(
        "summary", "--from", "2026-11-18", "--to", "2026-11-20", "--pdf", str(out), "--lang", "en"
    )
    assert result.status == 0, result.err
    assert "3 cancellation(s)" in result.out
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        content = subprocess.run(
            ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        for expected in (oid(1), oid(2), oid(3), "NoInventory", "BuyerCanceled", "Page 1 of 1"):
            assert expected in content


def test_summary_command_refuses_bad_dates_and_writes_nothing(shop, cli, tmp_path):
    out = tmp_path / "summary.pdf"
    result = cli("summary", "--from", "18/11/2026", "--pdf", str(out))
    assert result.status == 2
    assert "not a date" in result.err
    assert not out.exists()


def test_setting_command_sets_the_shop_name_and_refuses_an_unknown_language(db, cli):
    assert cli("setting", "shop-name", "Boutique Garçon").status == 0
    assert "shop-name: Boutique Garçon" in cli("setting").out
    refused = cli("setting", "language", "de")
    assert refused.status == 2 and "choose fr or en" in refused.err
    assert cli("setting", "language", "fr").status == 0
    assert "language: fr" in cli("setting").out


def test_orders_in_two_currencies_are_totalled_per_currency(db):
    """A GBP order never adds pounds to euros (DESIGN §8, Currency)."""
    add_order(db, OrderSpec(order_id=oid(1), purchase_date=NOW - timedelta(days=3)))
    add_order(
        db,
        OrderSpec(
            order_id=oid(2),
            purchase_date=NOW - timedelta(days=3),
            currency="GBP",
            items=[ItemSpec(order_item_id="21", item_price=Decimal("12.50"))],
        ),
    )
    cancel(db, oid(1), "NoInventory", at=NOW)
    cancel(db, oid(2), "NoInventory", at=NOW)
    data = summary(db, start=NOW.date(), end=NOW.date(), now=NOW)
    assert [line.currency for line in data.lines] == ["EUR", "GBP"]
    # Each line is item price, tax, shipping and shipping tax (14.90 or 12.50, 2.48, 4.90, 0.82).
    assert data.grand_total == {"EUR": Decimal("23.10"), "GBP": Decimal("20.70")}
    [no_inventory] = data.totals
    assert no_inventory.amounts == data.grand_total
