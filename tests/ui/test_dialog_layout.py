"""Issue 12 item 3: every dialog, in each of its states and in both languages, shows all
of its text and controls at laptop size (no control squashed below its minimum size,
none outside the dialog)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog

from app import clock
from app.demo import fill_demo
from app.order_views.order_list import ListQuery, OrderRow, page
from app.order_views.queries import View
from app.storage.db import Database, open_database
from tests.ui.by_hand import visible_dialogs
from tests.ui.layout_check import layout_faults
from ui.about_dialog import AboutDialog
from ui.dialogs.working import Job
from ui.main_window import MainWindow
from ui.translation import install_translators


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Iterator[Database]:
    db = open_database(str(tmp_path_factory.mktemp("layout") / "demo.sqlite"))
    fill_demo(db, orders=120, seed=3, now=clock.now() - timedelta(hours=1))
    yield db
    db.dispose()


def rows(db: Database, view: View) -> list[OrderRow]:
    return page(db, ListQuery(view), 0, 200)


def states(win: MainWindow, db: Database) -> Iterator[tuple[str, Callable[[], QDialog | None]]]:
    """(name, open it in that state) for every dialog the window opens."""
    unshipped = rows(db, View.UNSHIPPED)
    multi = next(r for r in unshipped if r.item_count > 1)
    shipped = rows(db, View.SHIPPED)
    several = next(r for r in shipped if r.item_count > 1)

    def act(name: str) -> Callable[[], QDialog | None]:
        """What the seller does: trigger the window's action (menu, toolbar, shortcut)."""

        def opened() -> QDialog | None:
            before = visible_dialogs(win)
            action = win.registry[name]
            assert action.isEnabled(), f"{name}: {action.toolTip()}"
            action.trigger()
            new = [d for d in visible_dialogs(win) if d not in before]
            return new[-1] if new else None

        return opened

    def on(order: OrderRow, opener: Callable[[], QDialog | None]) -> Callable[[], QDialog | None]:
        def opened() -> QDialog | None:
            win.select_order(order.order_id)
            return opener()

        return opened

    def then(opener: Callable[[], QDialog | None], change: Callable[[QDialog], object]):
        def opened() -> QDialog | None:
            dialog = opener()
            if dialog is not None:
                QApplication.processEvents()
                change(dialog)
            return dialog

        return opened

    yield "ship", on(multi, act("confirm_shipment"))
    yield (
        "ship, other carrier",
        then(on(multi, act("confirm_shipment")), lambda d: d.choose_carrier("Other")),
    )
    yield "cancel", on(unshipped[0], act("cancel_order"))
    yield (
        "cancel, S5 warning",
        then(on(unshipped[0], act("cancel_order")), lambda d: d.choose_reason("BuyerCanceled")),
    )
    yield "cancel items", on(multi, act("cancel_items"))
    yield (
        "cancel items, units chosen (amounts and rate effect)",
        then(
            on(multi, act("cancel_items")),
            lambda d: (
                next(iter(d.quantities.values())).setValue(1),
                d.choose_reason("BuyerCanceled"),
            ),
        ),
    )
    yield "refund", on(shipped[0], act("refund"))
    yield "refund, several items", then(on(several, act("refund")), lambda d: d.refund_everything())
    yield (
        "refund after a return",
        on(several, lambda: win._open_refund(several.order_id, from_return=True)),
    )
    yield "return", on(shipped[0], act("record_return"))
    yield (
        "return, parcel back",
        then(
            on(shipped[0], act("record_return")),
            lambda d: (d.received.setChecked(True), d.choose_condition("opened")),
        ),
    )
    yield "message", on(unshipped[0], act("message_buyer"))
    unasked = next(r for r in unshipped if not (r.buyer_requested_cancel or r.asked_by_message))
    yield "buyer asked by message", on(unasked, act("note_asked_by_message"))
    yield (
        "buyer asked by message, refused",
        then(
            on(unasked, act("note_asked_by_message")),
            lambda d: (
                d.note.setPlainText("x" * 2001),
                QTest.mouseClick(d.save_button, Qt.MouseButton.LeftButton),
            ),
        ),
    )
    yield "export", act("export_files")
    yield "bulk cancel", act("bulk_cancel")
    yield "summary", act("print_summary")
    yield "about", lambda: _about(win)
    yield "preferences", act("preferences")


def _about(win: MainWindow) -> QDialog:
    dialog = AboutDialog(win)
    dialog.open()
    return dialog


def settled(dialog: QDialog) -> None:
    """The dialog as the seller sees it once what it reads on a worker has arrived (the
    summary's figures) and its layout has taken the new text in: checked a moment
    earlier, a label whose text just changed still has its old height (CI, loaded)."""
    for job in dialog.findChildren(Job):
        job.wait()
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents()  # the layout requests the new text posted
    QApplication.processEvents()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_dialog_shows_all_of_its_controls_at_laptop_size(demo_db, qtbot, language):
    app = QCoreApplication.instance()
    install_translators(app, language)
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    faults = []
    try:
        for name, opener in states(win, demo_db):
            dialog = opener()
            assert dialog is not None, f"{name}: did not open"
            settled(dialog)
            faults += [f"{name}: {fault}" for fault in layout_faults(dialog)]
            dialog.reject()
            QApplication.processEvents()
    finally:
        win.shutdown()
        install_translators(app, "en")
    assert faults == []
