"""The bulk cancel dialog: the plan per line, then apply the valid rows or cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.flatfiles.cancellation_file import TEMPLATE_LINE
from app.models import OrderStatus
from app.orders import find_order
from tests.factories import ItemSpec, OrderSpec, add_order
from ui.dialogs.bulk_cancel_dialog import BulkCancelDialog, PlanModel


@pytest.fixture
def dialog(db, qtbot, frozen_now):
    add_order(db, order_id="405-0000001-0000001")
    add_order(db, order_id="405-0000002-0000002", buyer_requested_cancel=True)
    shipped = ItemSpec(order_item_id="31", quantity_shipped=1)
    add_order(
        db, OrderSpec(order_id="405-0000004-0000004", status=OrderStatus.SHIPPED, items=[shipped])
    )
    window = BulkCancelDialog(db)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def cancellation_file(tmp_path: Path) -> Path:
    path = tmp_path / "cancel.txt"
    rows = [
        TEMPLATE_LINE,
        "order-id\tcancellation-reason-code\tamazon-order-item-code",
        "405-0000001-0000001\tNoInventory\t",
        "405-0000002-0000002\tBuyerCanceled\t",
        "405-0000004-0000004\tNoInventory\t",
    ]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    return path


def status(db, order_id):
    with db.reading() as session:
        return find_order(session, order_id).status


def test_plan_shows_per_line_what_happens_why_not_and_the_rate(
    dialog, db, cancellation_file, qtmodeltester, monkeypatch
):
    monkeypatch.setattr(dialog, "choose_open_path", lambda: str(cancellation_file))
    dialog.choose.click()
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.rowCount() == 3
    outcome = [model.index(r, PlanModel.OUTCOME).data() for r in range(3)]
    assert "Cancels the whole order" in outcome[0]
    assert "shipped" in outcome[2]
    rate = [model.index(r, PlanModel.RATE).data() for r in range(3)]
    assert rate == ["Counts", "Does not count", ""]
    assert "2 line(s) can be applied, 1 cannot" in dialog.summary.text()
    assert "% after these cancellations" in dialog.rate.text()
    assert dialog.apply_button.text() == "Apply 2 valid row(s)"
    assert status(db, "405-0000001-0000001") is OrderStatus.UNSHIPPED


def test_apply_cancels_the_valid_rows_and_says_so_in_plain_words(dialog, db, cancellation_file):
    dialog.load_file(cancellation_file)
    dialog.apply_button.click()
    assert "2 cancellation(s) applied, 1 line(s) skipped" in dialog.result_line.text()
    assert status(db, "405-0000001-0000001") is OrderStatus.CANCELED
    assert status(db, "405-0000002-0000002") is OrderStatus.CANCELED
    assert not dialog.apply_button.isEnabled()
    assert dialog.close_button.text() == "Close"


def test_cancel_changes_nothing(dialog, db, cancellation_file):
    dialog.load_file(cancellation_file)
    dialog.close_button.click()
    assert dialog.result() == 0  # rejected
    assert status(db, "405-0000001-0000001") is OrderStatus.UNSHIPPED


def test_a_wrong_file_is_explained_and_nothing_can_be_applied(dialog, tmp_path):
    wrong = tmp_path / "prices.txt"
    wrong.write_bytes(b"TemplateType=PriceInventory\tVersion=2\nsku\tprice\n")
    dialog.load_file(wrong)
    assert "PriceInventory" in dialog.problem.text
    assert dialog.model.rowCount() == 0
    assert not dialog.apply_button.isEnabled()
