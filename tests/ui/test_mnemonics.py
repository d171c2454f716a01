"""Alt+letter shortcuts: no two controls of one menu or one dialog share a letter,
in English and in French (&Rechercher and &Recharger both took Alt+R)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from app import clock
from app.demo import fill_demo
from app.order_views.order_list import ListQuery, page
from app.order_views.queries import View
from tests.screenshots import cancellation_file
from tests.ui.by_hand import choose_file, trigger
from tests.ui.test_dialog_layout import demo_db as demo_db  # the module's demo database
from tests.ui.test_dialog_layout import states
from ui.about_dialog import AboutDialog
from ui.dialogs.bulk_cancel_dialog import BulkCancelDialog
from ui.dialogs.cancel_dialog import CancelDialog
from ui.dialogs.cancel_items_dialog import CancelItemsDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.message_dialog import MessageDialog
from ui.dialogs.refund_dialog import RefundDialog
from ui.dialogs.return_dialog import ReturnDialog
from ui.dialogs.ship_dialog import ShipDialog
from ui.dialogs.summary_dialog import SummaryDialog
from ui.main_window import MainWindow
from ui.translation import install_translators


def mnemonic(text: str) -> str | None:
    """The letter after a single & (Alt+letter), accents folded as the keyboard does."""
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    if match is None:
        return None
    letter = unicodedata.normalize("NFD", match.group(1))[0]
    return letter.lower()


def clashes(texts: list[str]) -> list[str]:
    taken: dict[str, str] = {}
    found = []
    for text in texts:
        letter = mnemonic(text)
        if letter is None:
            continue
        if letter in taken:
            found.append(f"Alt+{letter.upper()}: {taken[letter]!r} and {text!r}")
        else:
            taken[letter] = text
    return found


def menu_clashes(menu: QMenu) -> list[str]:
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    found = [f"{menu.title()!r}: {clash}" for clash in clashes(texts)]
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_clashes(action.menu())
    return found


def dialog_texts(dialog: QWidget) -> list[str]:
    texts = [button.text() for button in dialog.findChildren(QAbstractButton)]
    texts += [label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    texts += [box.title() for box in dialog.findChildren(QGroupBox)]
    for tabs in dialog.findChildren(QTabWidget):
        texts += [tabs.tabText(index) for index in range(tabs.count())]
    return texts


@pytest.fixture(params=["en", "fr"])
def window(request, db, qtbot, qapp) -> Iterator[MainWindow]:
    fill_demo(db, orders=60, seed=1, now=clock.now() - timedelta(hours=1))
    install_translators(qapp, request.param)
    win = MainWindow(db)
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(win._counts))
    yield win
    win.shutdown()
    install_translators(qapp, "en")


def first(db, view: View, more_than_one_item: bool = False) -> str | None:
    rows = page(db, ListQuery(view), 0, 60)
    if more_than_one_item:
        rows = [row for row in rows if row.item_count > 1] or rows
    return rows[0].order_id if rows else None


def test_no_two_entries_of_a_menu_or_controls_of_a_dialog_share_an_alt_letter(window, db):
    bar = window.menuBar()
    found = clashes([action.text() for action in bar.actions()])
    for action in bar.actions():
        if action.menu() is not None:
            found += menu_clashes(action.menu())

    def check(dialog: QWidget | None, name: str) -> None:
        assert dialog is not None, f"{name} did not open"
        found.extend(f"{name}: {clash}" for clash in clashes(dialog_texts(dialog)))
        dialog.close()

    window.filters.choose(View.ALL)
    window.select_order(first(db, View.UNSHIPPED, more_than_one_item=True))
    check(trigger(window, "confirm_shipment", ShipDialog), "ship")
    check(trigger(window, "cancel_items", CancelItemsDialog), "cancel items")
    check(trigger(window, "cancel_order", CancelDialog), "cancel")
    check(trigger(window, "message_buyer", MessageDialog), "message")
    window.select_order(first(db, View.SHIPPED))
    check(trigger(window, "refund", RefundDialog), "refund")
    check(trigger(window, "record_return", ReturnDialog), "return")
    check(trigger(window, "export_files", ExportDialog), "export")
    check(trigger(window, "bulk_cancel", BulkCancelDialog), "bulk cancel")
    summary = trigger(window, "print_summary", SummaryDialog)
    summary.loading.wait()
    check(summary, "summary")
    check(AboutDialog(window), "about")
    assert not found, "\n".join(found)


def test_the_check_sees_a_clash():
    assert clashes(["&Rechercher des commandes", "&Recharger"])
    assert clashes(["&Écrire", "&Envoyer"])  # Alt+E for both
    assert not clashes(["&Rechercher", "Rechar&ger", "Fish && chips"])


# One field per item, in rows: the first row's box or the table's heading names them and
# Tab walks the rows; a letter for each would run out at the third item.
PER_ITEM = re.compile(r"^(quantity|qty|item_price|item_tax|shipping_price|shipping_tax|fee|full)_")
FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QAbstractButton)


def fields_without_a_letter(dialog: QWidget) -> list[str]:
    """Fields and buttons of the page shown that no Alt+letter reaches.

    A button or box carries its own letter; any other field needs a label with a
    letter whose buddy it is. Enter and Escape reach OK, Cancel and Close; lists
    and tables are read, not filled in.
    """
    buddied = {
        id(label.buddy())
        for label in dialog.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(dialog) and mnemonic(label.text())
    }
    found = []
    for field in dialog.findChildren(QWidget):
        if not isinstance(field, FIELDS) or not field.isVisibleTo(dialog):
            continue
        if PER_ITEM.match(field.objectName()) or isinstance(
            field.parent(), (QComboBox, QAbstractSpinBox)
        ):
            continue
        if isinstance(field, QAbstractButton):
            box = field.parent()
            standard = isinstance(box, QDialogButtonBox) and box.standardButton(field) in (
                QDialogButtonBox.StandardButton.Ok,
                QDialogButtonBox.StandardButton.Cancel,
                QDialogButtonBox.StandardButton.Close,
            )
            if field.text() and not standard and mnemonic(field.text()) is None:
                found.append(f"button {field.text()!r}")
        elif id(field) not in buddied and not getattr(field, "isReadOnly", lambda: False)():
            found.append(f"{type(field).__name__} {field.objectName() or field.toolTip()!r}")
    return found


def each_tab(dialog: QWidget) -> Iterator[None]:
    """Every page of the dialog's tabs in turn (once when it has none)."""
    tabs = dialog.findChildren(QTabWidget)
    if not tabs:
        yield
        return
    for index in range(tabs[0].count()):
        tabs[0].setCurrentIndex(index)
        yield


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_dialog_state_has_a_letter_for_each_field_and_no_letter_twice(
    demo_db, qtbot, qapp, language, tmp_path, monkeypatch
):
    """Issue 12 item 10: in each dialog, in each state, in both languages."""
    install_translators(qapp, language)
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    found = []
    try:
        for name, opener in states(win, demo_db):
            dialog = opener()
            assert dialog is not None, f"{name}: did not open"
            QApplication.processEvents()
            for _ in each_tab(dialog):
                found += [f"{name}: {clash}" for clash in clashes(dialog_texts(dialog))]
                found += [
                    f"{name}: no letter for {what}" for what in fields_without_a_letter(dialog)
                ]
            dialog.reject()
            QApplication.processEvents()
        # with a file read: its Apply button says how many rows
        bulk = trigger(win, "bulk_cancel", BulkCancelDialog)
        choose_file(qtbot, monkeypatch, bulk, cancellation_file(tmp_path, demo_db))
        bulk.job.wait()
        found += [f"bulk cancel, file read: {clash}" for clash in clashes(dialog_texts(bulk))]
        missing = fields_without_a_letter(bulk)
        found += [f"bulk cancel, file read: no letter for {what}" for what in missing]
        bulk.reject()
    finally:
        win.shutdown()
        install_translators(qapp, "en")
    assert not found, "\n".join(sorted(set(found)))


def test_the_check_sees_a_field_without_a_letter(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    form = QFormLayout(dialog)
    form.addRow("Name:", QLineEdit(objectName="name"))  # a label, but no letter
    form.addRow("&Town:", QLineEdit(objectName="town"))
    form.addRow(QPushButton("Save"))
    assert fields_without_a_letter(dialog) == ["QLineEdit 'name'", "button 'Save'"]
