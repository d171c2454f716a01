"""The bulk cancel dialog: the plan per line, then apply the valid rows or cancel."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from app.marketplace_files import bulk_cancel
from app.marketplace_files.flatfiles.cancellation_file import TEMPLATE_LINE
from app.order_actions.orders import find_order
from app.storage.models import Cancellation, Event, OrderStatus
from tests.factories import ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import choose_file, click
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
    qtbot, dialog, db, cancellation_file, qtmodeltester, monkeypatch
):
    choose_file(qtbot, monkeypatch, dialog, cancellation_file)
    dialog.job.wait()
    qtmodeltester.check(dialog.model)
    model = dialog.model
    assert model.rowCount() == 3
    outcome = [model.index(r, PlanModel.OUTCOME).data() for r in range(3)]
    assert "Cancels the whole order" in outcome[0]
    assert "shipped" in outcome[2]
    rate = [model.index(r, PlanModel.RATE).data() for r in range(3)]
    assert rate == ["Counts", "Does not count", ""]
    assert "2 lines can be applied; left out because they cannot: 1" in dialog.summary.text()
    assert "% after these cancellations" in dialog.rate.text()
    assert dialog.apply_button.text() == "&Apply 2 valid rows"
    assert status(db, "405-0000001-0000001") is OrderStatus.UNSHIPPED


def test_apply_cancels_the_valid_rows_and_says_so_in_plain_words(
    qtbot, dialog, db, cancellation_file, monkeypatch
):
    choose_file(qtbot, monkeypatch, dialog, cancellation_file)
    dialog.job.wait()
    click(qtbot, dialog.apply_button)
    dialog.job.wait()
    assert "2 cancellations applied; lines skipped: 1" in dialog.result_line.text()
    assert status(db, "405-0000001-0000001") is OrderStatus.CANCELED
    assert status(db, "405-0000002-0000002") is OrderStatus.CANCELED
    assert not dialog.apply_button.isEnabled()
    assert dialog.close_button.text() == "Close"


def test_cancel_changes_nothing(qtbot, dialog, db, cancellation_file, monkeypatch):
    choose_file(qtbot, monkeypatch, dialog, cancellation_file)
    dialog.job.wait()
    click(qtbot, dialog.close_button)
    assert dialog.result() == 0  # rejected
    assert status(db, "405-0000001-0000001") is OrderStatus.UNSHIPPED


def test_a_wrong_file_is_explained_and_nothing_can_be_applied(qtbot, dialog, tmp_path, monkeypatch):
    wrong = tmp_path / "prices.txt"
    wrong.write_bytes(b"TemplateType=PriceInventory\tVersion=2\nsku\tprice\n")
    choose_file(qtbot, monkeypatch, dialog, wrong)
    dialog.job.wait()
    assert "PriceInventory" in dialog.problem.text
    assert dialog.model.rowCount() == 0
    assert not dialog.apply_button.isEnabled()


# -- a long file: on a worker, lines told, can be stopped --------------------------------


LINES = 60


@pytest.fixture
def long_file(db, tmp_path: Path) -> Path:
    ids = [f"406-{n:07d}-0000001" for n in range(LINES)]
    for order_id in ids:
        add_order(db, order_id=order_id)
    path = tmp_path / "long.txt"
    rows = [TEMPLATE_LINE, "order-id\tcancellation-reason-code\tamazon-order-item-code"]
    rows += [f"{order_id}\tNoInventory\t" for order_id in ids]
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode("utf-8"))
    return path


class Held:
    """``bulk_cancel.plan``/``apply`` as the dialog calls them, held once 25 lines are done."""

    def __init__(self, monkeypatch, name: str, word: str) -> None:
        self.word = word  # what the progress says of the lines: checked, done
        self.thread: int | None = None
        self.release = threading.Event()
        self._real = getattr(bulk_cancel, name)
        monkeypatch.setattr(bulk_cancel, name, self)

    def __call__(self, *args, progress, **kwargs):
        self.thread = threading.get_ident()

        def told(done: int, total: int) -> None:
            progress(done, total)
            if done == 25:
                assert self.release.wait(10), "the test never released the work"

        return self._real(*args, progress=told, **kwargs)


def counts(db) -> tuple[int, int]:
    with db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(Cancellation)),
            session.scalar(select(func.count()).select_from(Event)),
        )


def held_at_25(qtbot, dialog: BulkCancelDialog, held: Held) -> None:
    progress = dialog.job.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.labelText() == f"Lines {held.word}: 25 of {LINES}")
    assert held.thread is not None and held.thread != threading.get_ident()
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))  # the window answers while the lines are worked
    assert progress.isVisible() and progress.value() == 25 and progress.maximum() == LINES
    assert not dialog.apply_button.isEnabled() and not dialog.choose.isEnabled()


def test_a_long_file_is_checked_off_the_gui_thread_with_lines_told(
    dialog, db, long_file, monkeypatch, qtbot
):
    dialog.show()
    dialog.job.minimum_duration = 0
    held = Held(monkeypatch, "plan", "checked")
    choose_file(qtbot, monkeypatch, dialog, long_file)
    task = dialog.job.task
    assert task is not None
    told: list[tuple[int, int]] = []
    task.signals.progress.connect(lambda done, total: told.append((done, total)))
    held_at_25(qtbot, dialog, held)
    held.release.set()
    dialog.job.wait()
    assert told[-1] == (LINES, LINES)
    assert dialog.model.rowCount() == LINES
    assert dialog.apply_button.text() == f"&Apply the {LINES} rows"
    assert dialog.apply_button.isEnabled() and dialog.job.progress is None


def test_stopping_an_apply_half_way_cancels_nothing(dialog, db, long_file, monkeypatch, qtbot):
    dialog.show()
    choose_file(qtbot, monkeypatch, dialog, long_file)
    dialog.job.wait()
    before = counts(db)
    dialog.job.minimum_duration = 0
    held = Held(monkeypatch, "apply", "done")
    click(qtbot, dialog.apply_button)
    held_at_25(qtbot, dialog, held)  # 25 orders cancelled in the open transaction
    stop = dialog.job.progress.findChild(QPushButton)
    assert stop.text() == "Stop"
    click(qtbot, stop)
    held.release.set()
    dialog.job.wait()
    assert "Stopped before the end of the file; nothing was cancelled." in dialog.problem.text
    assert counts(db) == before
    assert status(db, "406-0000000-0000001") is OrderStatus.UNSHIPPED
    assert dialog.outcome is None and dialog.apply_button.isEnabled()
    click(qtbot, dialog.apply_button)  # the seller changes their mind: it applies in full
    dialog.job.wait()
    assert f"{LINES} cancellations applied" in dialog.result_line.text()
    assert status(db, "406-0000000-0000001") is OrderStatus.CANCELED


def test_closing_while_checking_stops_the_check(dialog, long_file, monkeypatch, qtbot):
    held = Held(monkeypatch, "plan", "checked")
    choose_file(qtbot, monkeypatch, dialog, long_file)
    qtbot.waitUntil(lambda: held.thread is not None)
    held.release.set()
    dialog.reject()
    assert not dialog.job.busy and dialog.model.rowCount() == 0
