"""The finished pieces as the seller reaches them from the main window.

Each order action is enabled by the rules with the reason as its tooltip; each
dialog opens from the window on the selected order, and once it did its work the
list, the details, the counts and the health page show the change.
"""

from __future__ import annotations

import functools
import os
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, QUrl
from PySide6.QtWidgets import QPushButton

from app import settings
from app.marketplace_files.flatfiles.cancellation_file import TEMPLATE_LINE
from app.order_actions.orders import cancel
from app.order_views.queries import View
from app.storage.models import OrderStatus
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.ui.by_hand import choose_file, click, opened, trigger, visible_dialogs
from ui import main_window, translation
from ui.about_dialog import AboutDialog
from ui.dialogs.bulk_cancel_dialog import BulkCancelDialog
from ui.dialogs.cancel_dialog import CancelDialog
from ui.dialogs.cancel_items_dialog import CancelItemsDialog
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.message_dialog import MessageDialog
from ui.dialogs.refund_dialog import RefundDialog
from ui.dialogs.return_dialog import ReturnDialog
from ui.dialogs.summary_dialog import SummaryDialog
from ui.health_page import COUNTED
from ui.i18n import short_date
from ui.main_window import MainWindow
from ui.models.order_table_model import OrderTableModel

PENDING = "405-0000001-0000001"
UNSHIPPED = "405-0000002-0000002"
SHIPPED = "405-0000003-0000003"
CANCELED = "405-0000004-0000004"
TWO_ITEMS = "405-0000005-0000005"


@pytest.fixture
def shop(db):
    add_order(db, OrderSpec(order_id=PENDING, status=OrderStatus.PENDING))
    add_order(db, OrderSpec(order_id=UNSHIPPED, purchase_date=NOW - timedelta(days=1)))
    add_order(
        db,
        OrderSpec(
            order_id=SHIPPED,
            status=OrderStatus.SHIPPED,
            items=[ItemSpec(quantity_shipped=1, order_item_id="31")],
        ),
    )
    add_order(
        db,
        OrderSpec(
            order_id=CANCELED,
            status=OrderStatus.CANCELED,
            items=[ItemSpec(quantity_cancelled=1, order_item_id="41")],
        ),
    )
    add_order(
        db,
        OrderSpec(
            order_id=TWO_ITEMS,
            items=[
                ItemSpec(sku="TEE-01", order_item_id="51"),
                ItemSpec(sku="LAMP-9", order_item_id="52"),
            ],
        ),
    )
    return db


@pytest.fixture
def win(shop, qtbot, frozen_now):
    window = MainWindow(shop)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    yield window
    window.shutdown()


def counts_refreshed(win, qtbot):
    return qtbot.waitSignal(win.counts_updated)


# -- enabled per status, with the reason ---------------------------------------------------

# (action, order) -> None when enabled, else words of the tooltip that says why not.
EXPECTED = {
    PENDING: {
        "refund": "Nothing has been charged yet",
        "record_return": "verifying the buyer's payment",
        "cancel_items": "once Amazon has verified",
        "message_buyer": None,
    },
    UNSHIPPED: {
        "refund": "Nothing is shipment-confirmed",
        "record_return": None,
        "cancel_items": None,
        "message_buyer": None,
    },
    SHIPPED: {
        "refund": None,
        "record_return": None,
        "cancel_items": "refund the buyer instead",
        "message_buyer": None,
    },
    CANCELED: {
        "refund": "is cancelled",
        "record_return": "is cancelled",
        "cancel_items": "is cancelled",
        "message_buyer": None,
    },
}


@pytest.mark.parametrize("order_id", list(EXPECTED))
def test_order_actions_follow_the_rules_with_the_reason(win, order_id):
    win.select_order(order_id)
    for name, why in EXPECTED[order_id].items():
        action = win.registry[name]
        assert action.isEnabled() is (why is None), name
        if why is not None:
            assert why in action.toolTip(), name
    shown = {button.defaultAction().objectName() for button in win.details.visible_buttons()}
    enabled = {name for name in EXPECTED[order_id] if EXPECTED[order_id][name] is None}
    assert enabled <= shown
    assert not {name for name in EXPECTED[order_id] if name not in enabled} & shown


def test_without_an_order_the_order_actions_say_select_one(db, qtbot, frozen_now):
    window = MainWindow(db)
    qtbot.addWidget(window)
    for name in ("refund", "record_return", "cancel_items", "message_buyer"):
        assert not window.registry[name].isEnabled()
        assert window.registry[name].toolTip() == "Select an order first."
    assert window.registry["print_summary"].shortcut().toString() == "Ctrl+P"
    window.shutdown()


def test_a_refused_action_opens_nothing(win):
    win.select_order(UNSHIPPED)
    win.registry["refund"].trigger()  # disabled: the shortcut does nothing either
    assert visible_dialogs(win) == []
    win.select_order(SHIPPED)
    win.registry["cancel_items"].trigger()
    assert visible_dialogs(win) == []


# -- dialogs open on the selected order and the window follows --------------------------


def test_refund_from_the_window_lands_on_the_timeline(win, qtbot):
    win.select_order(SHIPPED)
    dialog = trigger(win, "refund", RefundDialog)
    click(qtbot, dialog.full_all)
    click(qtbot, dialog.ok_button)  # a refund changes no count: the details show it at once
    assert "Refunded" in win.details.text
    assert win.current_details is not None and win.current_details.order_id == SHIPPED


def test_received_return_opens_the_refund_prefilled(win, qtbot):
    win.select_order(SHIPPED)
    dialog = trigger(win, "record_return", ReturnDialog)
    click(qtbot, dialog.received)
    dialog.choose_condition("new")
    click(qtbot, dialog.ok_button)  # neither a return nor a refund changes a count
    refund = opened(win, RefundDialog)  # prefilled: a full refund, no fee for "new"
    click(qtbot, refund.ok_button)
    assert "Refunded" in win.details.text
    assert "Return received (new); refund due by" in win.details.text


def test_cancel_items_refreshes_the_list_and_the_counts(win, qtbot):
    win.filters.choose(View.UNSHIPPED)
    win.select_order(TWO_ITEMS)
    dialog = trigger(win, "cancel_items", CancelItemsDialog)
    dialog.quantities["52"].setValue(1)
    with counts_refreshed(win, qtbot):
        click(qtbot, dialog.ok_button)
    assert "1 cancelled" in win.details.text
    assert win.model.row_of(TWO_ITEMS) is not None  # the rest is still to ship
    assert win.registry["confirm_shipment"].isEnabled()


def test_details_suggest_the_message_the_state_calls_for(win, qtbot):
    win.select_order(PENDING)
    html = win.details._browser.toHtml()
    assert "message:s9_contact_customer_service" in html
    win.details._browser.anchorClicked.emit(QUrl("message:s9_contact_customer_service"))
    dialog = opened(win, MessageDialog)
    assert dialog.template_key() == "s9_contact_customer_service"
    click(qtbot, dialog.copy_button)
    assert "Message to the buyer" in win.details.text  # logged on the timeline, shown now
    dialog.reject()
    win.select_order(UNSHIPPED)
    assert "Wrong address?" in win.details.text
    assert "message:s15_cancel_and_reorder" in win.details._browser.toHtml()


def test_s5_path_offers_the_template_and_keeps_the_order(win, qtbot):
    win.select_order(UNSHIPPED)
    dialog = trigger(win, "cancel_order", CancelDialog)
    dialog.choose_reason("BuyerCanceled")
    button = dialog.findChild(QPushButton, "s5_message")
    assert button is not None
    click(qtbot, button)
    message = opened(win, MessageDialog)
    assert message.template_key() == "s5_request_cancellation"
    win.select_order(UNSHIPPED)
    assert win.current_details is not None
    assert win.current_details.status is OrderStatus.UNSHIPPED


def test_bulk_cancel_from_a_file_refreshes_the_window(win, qtbot, tmp_path: Path, monkeypatch):
    path = tmp_path / "cancel.txt"
    lines = [
        TEMPLATE_LINE,
        "order-id\tcancellation-reason-code\tamazon-order-item-code",
        f"{UNSHIPPED}\tNoInventory\t",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    dialog = trigger(win, "bulk_cancel", BulkCancelDialog)
    choose_file(qtbot, monkeypatch, dialog, path)
    dialog.job.wait()  # the plan and the apply run on a worker
    click(qtbot, dialog.apply_button)
    dialog.job.wait()
    with counts_refreshed(win, qtbot):
        click(qtbot, dialog.close_button)
    assert win.filters.count_text(View.CANCELED) == "2"
    win.select_order(UNSHIPPED)
    assert win.current_details is not None
    assert win.current_details.status is OrderStatus.CANCELED


def test_export_dialog_opens_on_the_window(win):
    dialog = trigger(win, "export_files", ExportDialog)
    assert dialog.width() >= 860
    dialog.reject()


def test_summary_of_the_selected_orders_or_of_a_period(win):
    win.select_order(CANCELED)
    single = trigger(win, "print_summary", SummaryDialog)
    assert single._order_ids is None  # one order: the period
    single.reject()
    selection = win.table.selectionModel()
    row = win.model.row_of(SHIPPED)
    assert row is not None
    selection.select(
        win.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert set(win.selected_order_ids()) == {CANCELED, SHIPPED}
    assert win.current_details is not None and win.current_details.order_id == CANCELED
    several = trigger(win, "print_summary", SummaryDialog)
    assert set(several._order_ids or []) == {CANCELED, SHIPPED}
    several.reject()


# -- account health ---------------------------------------------------------------------


def test_health_page_in_one_click_opens_an_order_and_follows_changes(win, qtbot, shop):
    win.search.setText("LAMP")
    win._apply_search_now()
    with qtbot.waitSignal(win.health.shown):  # computed in the background
        win.filters.choose_health()
    assert win.health_shown()
    assert not win.registry["refund"].isEnabled()  # no order in sight
    assert win.health.order_ids(COUNTED) == []

    win.health.order_activated.emit(SHIPPED)
    assert not win.health_shown()
    assert win.filters.current_view() is View.ALL
    assert win.search.text() == ""
    assert win.current_details is not None and win.current_details.order_id == SHIPPED
    assert win.model.order_id_at(win.table.currentIndex().row()) == SHIPPED

    cancel(shop, UNSHIPPED, "NoInventory", at=NOW - timedelta(hours=1))
    with counts_refreshed(win, qtbot):
        win.refresh()
    with qtbot.waitSignal(win.health.shown):
        win.registry["show_health"].trigger()
    assert win.health.order_ids(COUNTED) == [UNSHIPPED]
    assert "⚠" in win.filters.health_item.text(1)  # 1 of 3 recent orders: above 2.5 %


def test_the_window_opens_on_the_first_order_when_its_rows_come_from_a_worker(
    shop, qtbot, frozen_now, monkeypatch
):
    """A loaded machine can push the first page past the GUI thread's budget: the window
    still opens on the first order, its details and actions shown, once the rows are in."""
    on_worker = functools.partial(OrderTableModel, budget_ms=0)
    monkeypatch.setattr(main_window, "OrderTableModel", on_worker)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    first = window.model.order_id_at(0)
    qtbot.waitUntil(lambda: window.current_details is not None)
    assert window.current_details is not None and window.current_details.order_id == first
    assert window.table.currentIndex().row() == 0
    assert window.table.selectionModel().isRowSelected(0)
    window.shutdown()


def test_opening_an_order_waits_for_rows_loaded_on_a_worker(shop, qtbot, frozen_now, monkeypatch):
    on_worker = functools.partial(OrderTableModel, budget_ms=0)
    monkeypatch.setattr(main_window, "OrderTableModel", on_worker)
    window = MainWindow(shop)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 5)
    window.search.setText("LAMP")
    window._apply_search_now()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.filters.choose_health()
    window.health.order_activated.emit(SHIPPED)
    assert window.current_details is not None and window.current_details.order_id == SHIPPED
    qtbot.waitUntil(lambda: window.model.order_id_at(window.table.currentIndex().row()) == SHIPPED)
    assert window.model.rowCount() == 5
    window.shutdown()


# -- help and language ------------------------------------------------------------------


def test_about_says_the_version_and_where_the_data_is(win, monkeypatch):
    opened = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    win.registry["about"].trigger()
    (about,) = opened
    assert about.windowTitle() == "About SellerDesk"
    assert about.version_label.text() == f"Version {metadata.version('sellerdesk')}"
    # The test's own data folder (conftest), where the seller is told to back up.
    assert about.data_label.text() == os.environ["SELLERDESK_DATA_DIR"]
    assert about.licence_label.text() == (
        "Free software under the MIT licence. © SellerDesk developers."
    )


def test_language_choice_is_saved_and_applied(win, shop, qapp):
    previous = QLocale()
    try:
        win.language_actions["fr"].trigger()
        assert settings.get(shop, settings.LANGUAGE) == "fr"
        assert win.menus[next(iter(win.menus))].title() == "&Fichier"
        assert win.registry["refund"].text() == "&Rembourser…"
        win.language_actions[None].trigger()
        assert settings.get(shop, settings.LANGUAGE) is None
        assert win.language_actions[None].isChecked()
    finally:
        translation.install_translators(qapp, "en")
        QLocale.setDefault(previous)


def test_a_c_locale_formats_dates_the_british_way(qapp, monkeypatch):
    class CLocale(QLocale):
        @staticmethod
        def system() -> QLocale:
            return QLocale(QLocale.Language.C)

    previous = QLocale()
    monkeypatch.setattr(translation, "QLocale", CLocale)
    try:
        assert translation.install_translators(qapp, None) == "en"
        assert short_date(date(2026, 11, 25)) == "25/11/2026"
    finally:
        QLocale.setDefault(previous)
