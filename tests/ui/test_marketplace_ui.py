"""The Seller Central connection in the window: settings page, Sync now, Send, health list.

Every test talks to the local stand-in (tests/marketplace_standin.py), never the
real marketplace.
"""

from __future__ import annotations

import pytest

pytest.importorskip("sp_api")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy import select

from app.marketplace import config
from app.marketplace import connection as connection_module
from app.marketplace.pull import ALL_ORDERS, UNSHIPPED
from app.marketplace.secrets import Credentials, SecretStore
from app.marketplace.transport import Retry
from app.marketplace_files.carriers import resolve_carrier
from app.order_actions.orders import ShipmentRequest, confirm_shipment
from app.storage.models import Setting
from tests import marketplace_standin as standin_module
from tests.factories import ItemSpec, add_order
from tests.marketplace_standin import StandIn
from tests.reportfiles import ALL_ORDERS_REPORT, UNSHIPPED_REPORT
from tests.ui.by_hand import click, trigger
from ui import marketplace_sync
from ui.connection_settings import ConnectionSettingsPage
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.health_page import REFUSED, HealthPage
from ui.main_window import MainWindow

GOOD = Credentials(
    standin_module.CLIENT_ID, standin_module.CLIENT_SECRET, standin_module.REFRESH_TOKEN
)


@pytest.fixture
def standin(monkeypatch):
    with StandIn() as server:
        monkeypatch.setenv(config.ENDPOINT_ENV, server.url)
        yield server


@pytest.fixture(autouse=True)
def _quick_and_private(monkeypatch):
    """A store of this run only (never the tester's keyring) and short waits."""
    monkeypatch.setattr(marketplace_sync, "_SESSION_SECRETS", SecretStore(use_system=False))
    real = connection_module.Timing

    def quick(*args, **kwargs):
        timing = real(*args, **kwargs)
        timing.interval = 0.01
        timing.rounds = max(timing.rounds, 30) if timing.rounds != 3 else 30
        timing.retry = Retry(attempts=3, backoff=0.01)
        return timing

    monkeypatch.setattr(connection_module, "Timing", quick)
    monkeypatch.setattr("ui.dialogs.export_dialog.Timing", quick)


def connected(db) -> None:
    config.save(db, config.checked("eu", ["FR"], 15))
    marketplace_sync.session_secrets().save(GOOD)


def shipped_with_a_bad_tracking_number(db, standin) -> None:
    """Connected, one shipment to send, which the stand-in will refuse."""
    connected(db)
    add_order(db, order_id="405-2222222-2222222", items=[ItemSpec(order_item_id="50002")])
    confirm_shipment(
        db,
        "405-2222222-2222222",
        ShipmentRequest(resolve_carrier("Colissimo"), tracking_number="BAD"),
    )
    standin.refuse = lambda _type, _row: "The tracking number is not valid."


def test_settings_page_saves_the_choice_tests_in_one_line_and_keeps_secrets_out(db, qtbot, standin):
    page = ConnectionSettingsPage(db, marketplace_sync.session_secrets())
    qtbot.addWidget(page)
    page.region.setCurrentIndex(page.region.findData("eu"))
    page.check_marketplace("FR")
    page.client_id.setText(GOOD.client_id)
    page.client_secret.setText(GOOD.client_secret)
    page.refresh_token.setText(GOOD.refresh_token)
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.text().startswith("Connected"), timeout=20000)
    assert "Amazon.fr" in page.result.text()
    assert page.client_secret.text() == ""  # never shown back
    with db.reading() as session:
        stored = " ".join(row.value for row in session.scalars(select(Setting)))
    assert GOOD.client_secret not in stored and "FR" in stored

    page.client_secret.setText("wrong")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "refused the credentials" in page.result.text(), timeout=20000)
    page.wait()


def _preferences_on_the_connection_tab(window) -> tuple[PreferencesDialog, ConnectionSettingsPage]:
    window.registry["marketplace_connection"].trigger()
    [dialog] = [d for d in window.findChildren(PreferencesDialog) if d.isVisible()]
    page = dialog.tabs.currentWidget()
    assert isinstance(page, ConnectionSettingsPage)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "&Marketplace connection"
    return dialog, page


def test_file_menu_opens_preferences_on_the_connection_tab_saved_by_ok(db, qtbot):
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    try:
        dialog, page = _preferences_on_the_connection_tab(window)
        page.region.setCurrentIndex(page.region.findData("eu"))
        page.check_marketplace("DE")
        qtbot.keyClicks(page.client_id, GOOD.client_id)
        qtbot.keyClicks(page.client_secret, GOOD.client_secret)
        qtbot.keyClicks(page.refresh_token, GOOD.refresh_token)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        assert not dialog.isVisible()
        chosen = config.load(db)
        assert chosen is not None and chosen.marketplaces == ("DE",)
        assert window.sync.timer.isActive()  # the window now syncs every N minutes
        assert marketplace_sync.session_secrets().load() == GOOD
        with db.reading() as session:
            stored = " ".join(row.value for row in session.scalars(select(Setting)))
        assert GOOD.client_secret not in stored and GOOD.refresh_token not in stored

        # No marketplace chosen: OK says why in one line and the dialog stays open.
        dialog, page = _preferences_on_the_connection_tab(window)
        for index in range(page.marketplaces.count()):
            page.marketplaces.item(index).setCheckState(Qt.CheckState.Unchecked)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        assert dialog.isVisible() and dialog.problem.text
        assert config.load(db).marketplaces == ("DE",)
        dialog.reject()
    finally:
        window.shutdown()


def test_settings_page_says_what_to_install_without_the_extra(db, qtbot, monkeypatch):
    monkeypatch.setattr("ui.connection_settings.installed", lambda: False)
    monkeypatch.setattr("ui.marketplace_sync.installed", lambda: False)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    try:
        dialog, page = _preferences_on_the_connection_tab(window)
        assert page.install_note.isVisible()
        assert "sellerdesk[marketplace]" in page.install_note.text()
        assert not page.test_button.isEnabled()
        # The rest of Preferences still saves: an untouched connection page asks nothing.
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
        assert not dialog.isVisible()
    finally:
        window.shutdown()


def test_sync_now_imports_says_what_changed_and_notifies_a_buyer_cancellation(db, qtbot, standin):
    connected(db)
    standin.reports[ALL_ORDERS] = ALL_ORDERS_REPORT.read_bytes()
    standin.reports[UNSHIPPED] = UNSHIPPED_REPORT.read_bytes()
    window = MainWindow(db)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=20000)
        window.registry["sync_now"].trigger()
        assert window.sync.job.busy
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=30000)
        assert window.sync.last is not None and not window.sync.last.offline
        assert window.sync.status.text().startswith("Synced")
        assert "new or changed" in window.sync.status.text()
        assert "sent" in window.sync.status.toolTip()
        assert any("asked to cancel" in line for line in window.sync.notified)
        assert window.model.rowCount() > 0 or window.pages.currentWidget() is window.splitter
    finally:
        window.shutdown()


def test_the_status_bar_says_offline(db, qtbot, monkeypatch):
    monkeypatch.setenv(config.ENDPOINT_ENV, "http://127.0.0.1:9")
    connected(db)
    window = MainWindow(db)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=20000)
        window.sync.sync_now(quiet=True)
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=20000)
        assert "offline" in window.sync.status.text()
    finally:
        window.shutdown()


def test_send_to_seller_central_shows_the_batch_state_and_the_refused_line(db, qtbot, standin):
    shipped_with_a_bad_tracking_number(db, standin)
    dialog = ExportDialog(db)
    qtbot.addWidget(dialog)
    dialog.reading.wait()
    dialog.kind.setCurrentIndex(dialog.kind.findData("shipments"))
    dialog.reading.wait()
    assert dialog.send.isEnabled(), dialog.send.toolTip()
    click(qtbot, dialog.send)
    dialog.writing.wait()
    assert "done (0 lines accepted, 1 line refused)" in dialog.result_line.text()
    assert dialog.history.item(0, 4).text() == "done (0 lines accepted, 1 line refused)"

    page = HealthPage(db)
    qtbot.addWidget(page)
    page.refresh()
    assert page.order_ids(REFUSED) == ["405-2222222-2222222"]
    assert "Refused by the marketplace (1)" in page.tabs.tabText(page.tabs.count() - 1)


def test_send_is_disabled_with_the_reason_when_not_connected(db, qtbot):
    add_order(db, order_id="405-2222222-2222222", items=[ItemSpec(order_item_id="50002")])
    confirm_shipment(db, "405-2222222-2222222", ShipmentRequest(resolve_carrier("Colissimo")))
    dialog = ExportDialog(db)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("shipments"))
    dialog.reading.wait()
    assert dialog.save.isEnabled() and not dialog.send.isEnabled()
    assert "sellerdesk connect" in dialog.send.toolTip()


def test_a_refused_line_is_dealt_with_by_its_button_on_the_health_page(db, qtbot, standin):
    shipped_with_a_bad_tracking_number(db, standin)
    with connection_module.SellerCentral(db, secrets=marketplace_sync.session_secrets()) as central:
        central.sync(pull_orders=False)
    page = HealthPage(db)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    page.tabs.setCurrentWidget(page.lists[REFUSED])
    [button] = page.dealt_with_buttons()
    assert button.isVisible() and button.text() == "Dealt with"
    with qtbot.waitSignal(page.told) as told:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert told.args[0].startswith("Order 405-2222222-2222222: refused line 1 of batch")
    assert page.order_ids(REFUSED) == [] and page.dealt_with_buttons() == []
    assert "Refused by the marketplace (0)" in page.tabs.tabText(page.tabs.count() - 1)


def test_work_waiting_offline_is_sent_when_seller_central_answers_again(
    db, qtbot, standin, monkeypatch
):
    monkeypatch.setattr(marketplace_sync, "FIRST_RETRY_MS", 50)
    connected(db)
    add_order(db, order_id="405-1111111-1111111", items=[ItemSpec(order_item_id="50001")])
    confirm_shipment(db, "405-1111111-1111111", ShipmentRequest(resolve_carrier("Colissimo")))
    standin.go_down()
    window = MainWindow(db)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=20000)
        window.sync.sync_now(quiet=True)
        qtbot.waitUntil(lambda: "offline" in window.sync.status.text(), timeout=20000)
        assert window.sync.retry.isActive() or window.sync.job.busy
        standin.come_back()
        # No click: the retry finds Seller Central back and sends what waited, once.
        qtbot.waitUntil(lambda: window.sync.status.text().startswith("Synced"), timeout=30000)
        assert len(standin.feeds) == 1
        assert [row["order-id"] for _type, row in standin.accepted_rows()] == [
            "405-1111111-1111111"
        ]
        assert not window.sync.retry.isActive()
    finally:
        window.shutdown()


@pytest.mark.parametrize("language", ["en", "fr"])
def test_preferences_with_the_connection_tab_share_no_mnemonic(db, qtbot, qapp, language):
    from tests.ui.test_mnemonics import clashes, dialog_texts
    from ui.translation import install_translators

    install_translators(qapp, language)
    window = MainWindow(db)
    qtbot.addWidget(window)
    try:
        dialog = trigger(window, "marketplace_connection", PreferencesDialog)
        assert clashes(dialog_texts(dialog)) == []
        page = dialog.findChild(ConnectionSettingsPage)
        labels = [label.text() for label in page.findChildren(QLabel) if label.buddy()]
        assert len(labels) == 6 and all("&" in text for text in labels), labels
        dialog.reject()
    finally:
        window.shutdown()
        install_translators(qapp, "en")


def test_send_while_offline_waits_and_goes_out_once_the_marketplace_is_back(db, qtbot, standin):
    shipped_with_a_bad_tracking_number(db, standin)
    standin.refuse = lambda _type, _row: None
    standin.go_down()
    window = MainWindow(db)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=20000)
        dialog = trigger(window, "export_files", ExportDialog)
        dialog.reading.wait()
        dialog.kind.setCurrentIndex(dialog.kind.findData("shipments"))
        dialog.reading.wait()
        click(qtbot, dialog.send)
        dialog.writing.wait()
        assert "cannot be reached" in dialog.result_line.text()
        assert standin.feeds == {}
        standin.come_back()
        dialog.reject()  # closing the dialog hands what waits to the window's sync
        qtbot.waitUntil(lambda: len(standin.feeds) == 1, timeout=20000)
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=20000)
        assert [row["order-id"] for _type, row in standin.accepted_rows()] == [
            "405-2222222-2222222"
        ]
    finally:
        window.shutdown()


@pytest.mark.parametrize(("language", "width"), [("fr", 1366), ("fr", 1100), ("en", 1366)])
def test_at_1366_px_the_sync_state_stays_in_the_status_bar(db, qtbot, standin, language, width):
    """Issue 12: orders shown, the rate sentence (above its target) and the sync state fit
    a 1366 px window in French too; narrower (1100 px, the smallest first window), the
    rate sentence gives way, whole in its tooltip, and the sync state stays whole."""
    from datetime import timedelta

    from PySide6.QtCore import QCoreApplication

    from app import clock
    from app.demo import fill_demo
    from ui.translation import install_translators

    fill_demo(db, orders=80, seed=5, now=clock.now() - timedelta(hours=1))
    connected(db)
    standin.reports[ALL_ORDERS] = ALL_ORDERS_REPORT.read_bytes()
    standin.reports[UNSHIPPED] = UNSHIPPED_REPORT.read_bytes()
    app = QCoreApplication.instance()
    install_translators(app, language)
    window = MainWindow(db)
    qtbot.addWidget(window)
    try:
        window.resize(width, 740)
        window.show()
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=20000)
        qtbot.waitUntil(lambda: bool(window.rate_label.text()))
        assert window.rate_label.text().startswith("⚠")  # the long sentence, above target
        bar = window.statusBar()

        def fits() -> bool:
            status = window.sync.status
            right = status.mapTo(bar, status.rect().topRight()).x()
            return (
                status.isVisible()
                and status.width() >= status.sizeHint().width()  # whole
                and right <= bar.width()
                and window.shown_label.width() >= window.shown_label.sizeHint().width()
            )

        window.registry["sync_now"].trigger()
        assert window.sync.job.busy
        sentence = window.sync.status.text()
        assert sentence.endswith("…") and "Seller Central" in sentence  # syncing
        qtbot.waitUntil(fits)
        qtbot.waitUntil(lambda: not window.sync.job.busy, timeout=30000)
        qtbot.waitUntil(lambda: window.sync.status.text() != sentence)
        qtbot.waitUntil(fits)
        rate = window.rate_label
        if rate.is_cut():  # it gave way: the whole sentence is one hover away
            assert rate.shown_text().endswith("…")
            assert rate.toolTip().startswith(rate.text())
    finally:
        window.shutdown()
        install_translators(app, "en")
