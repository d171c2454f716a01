"""Render the main window on demo data (1366×768 and 1920×1080), the health page and
each dialog to PNG in screenshots/, in English and French.

The offscreen screen is a laptop's, 1366×768 (Qt's offscreen default is 800×800): each
dialog is grabbed at the size Qt gives it on that screen when it opens and as it grows
(never at a natural size no screen would allow), and one more shot shows it over the
window as the seller sees it (``…-on-screen``).

Run: ``.venv/bin/python tests/screenshots.py``; then look at every PNG. ``--docs`` also
copies the main window to docs/main-window.png. The last shots are the French window
and a few French dialogs.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCREEN = (1366, 768)  # the laptop screen the dialogs are shown on


def _laptop_screen() -> None:
    """Qt's offscreen platform with one 1366×768 screen at 96 dpi (its config file)."""
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") != "offscreen":
        return  # a real display was asked for: its own screen
    width, height = SCREEN
    screen = {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = Path(tempfile.mkdtemp(prefix="sellerdesk-screen-")) / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_laptop_screen()
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QWidget  # noqa: E402
from sqlalchemy import select  # noqa: E402

from app import clock  # noqa: E402
from app.demo import fill_demo  # noqa: E402
from app.marketplace_files.flatfiles.cancellation_file import TEMPLATE_LINE  # noqa: E402
from app.order_views.order_list import ListQuery, OrderRow, page  # noqa: E402
from app.order_views.queries import View  # noqa: E402
from app.storage.db import Database, open_database  # noqa: E402
from app.storage.models import Order  # noqa: E402
from ui.about_dialog import AboutDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.translation import install_translators  # noqa: E402

OUT = ROOT / "screenshots"
WINDOW_SIZES = ((1366, 768), (1920, 1080))  # a laptop, then a desktop screen
WINDOW_SIZE = WINDOW_SIZES[0]  # nothing may be cut at a common laptop's size


def grab(widget: QWidget, name: str) -> Path:
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def grab_dialog(dialog: QDialog | None, name: str) -> None:
    """The dialog at the size it has on the laptop screen, then over the window."""
    if dialog is None:
        print(f"(no {name}: the action was not available)")
        return
    QApplication.processEvents()
    screen = dialog.screen().availableGeometry()
    if dialog.width() > screen.width() or dialog.height() > screen.height():
        print(f"  {name}: {dialog.width()}×{dialog.height()} is larger than the screen")
    grab(dialog, name)
    parent = dialog.parentWidget()
    if parent is not None and parent.isVisible():
        grab_over(parent.window(), dialog, f"{name}-on-screen")
    dialog.reject()


def grab_over(window: QWidget, dialog: QDialog, name: str) -> Path:
    """The window with ``dialog`` centred over it, as a window manager would place it."""
    picture = window.grab()
    painter = QPainter(picture)
    x = max(0, (window.width() - dialog.width()) // 2)
    y = max(0, (window.height() - dialog.height()) // 2)
    painter.drawPixmap(x, y, dialog.grab())
    painter.end()
    path = OUT / f"{name}.png"
    picture.save(str(path))
    print(path)
    return path


def wait_for_counts(window: MainWindow) -> None:
    window.tasks.wait(cancel=False)  # a cancelled count would stop before showing its figures
    QApplication.processEvents()
    QApplication.processEvents()


def rows(db: Database, view: View, count: int = 50) -> list[OrderRow]:
    return page(db, ListQuery(view), 0, count)


def cancellation_file(folder: Path, db: Database) -> Path:
    """A file a seller filled in: two good rows, one shipped order, one unknown order."""
    unshipped = rows(db, View.UNSHIPPED, 10)
    shipped = rows(db, View.SHIPPED, 1)
    lines = [TEMPLATE_LINE, "order-id\tcancellation-reason-code\tamazon-order-item-code"]
    lines += [f"{row.order_id}\tNoInventory\t" for row in unshipped[-2:]]
    lines += [f"{row.order_id}\tNoInventory\t" for row in shipped]
    lines.append("999-0000000-0000000\tNoInventory\t")
    path = folder / "cancel-these.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def welcome(folder: Path, suffix: str = "") -> None:
    empty = open_database(str(folder / f"empty{suffix}.sqlite"))
    window = MainWindow(empty)
    window.resize(*WINDOW_SIZE)
    wait_for_counts(window)
    grab(window, f"welcome{suffix}")
    window.shutdown()
    window.close()
    empty.dispose()


def order_dialogs(window: MainWindow, db: Database, chosen: str, suffix: str = "") -> None:
    unshipped = rows(db, View.UNSHIPPED)
    multi = [row for row in unshipped if row.item_count > 1] or unshipped
    shipped = rows(db, View.SHIPPED)
    window.filters.choose(View.ALL)

    window.select_order(multi[0].order_id)
    ship = window.confirm_shipment()
    if ship is not None:
        QApplication.processEvents()
        grab(ship, f"ship-dialog{suffix}")
        ship.choose_carrier("Other")
        grab_dialog(ship, f"ship-dialog-other{suffix}")
    grab_dialog(window.cancel_items(), f"cancel-items-dialog{suffix}")
    grab_dialog(window.message_buyer(), f"message-dialog{suffix}")
    grab_dialog(window.preferences(), f"preferences-dialog{suffix}")

    window.select_order(chosen)
    cancel = window.cancel_order()
    if cancel is not None:
        QApplication.processEvents()
        grab(cancel, f"cancel-dialog{suffix}")
        cancel.choose_reason("BuyerCanceled")
        grab_dialog(cancel, f"cancel-dialog-s5{suffix}")

    window.select_order(shipped[0].order_id)
    refund = window.refund()
    if refund is not None:
        refund.refund_everything()
        refund.choose_condition("opened")
    grab_dialog(refund, f"refund-dialog{suffix}")
    back = window.record_return()
    if back is not None:
        back.received.setChecked(True)
        back.choose_condition("opened")
    grab_dialog(back, f"return-dialog{suffix}")


def other_dialogs(window: MainWindow, db: Database, folder: Path, suffix: str = "") -> None:
    pending = rows(db, View.PENDING, 1)
    if pending:
        window.select_order(pending[0].order_id)
        grab_dialog(
            window.message_buyer("s9_contact_customer_service"), f"message-dialog-s9{suffix}"
        )
    unshipped = rows(db, View.UNSHIPPED, 1)
    window.select_order(unshipped[0].order_id)
    grab_dialog(window.message_buyer("s15_cancel_and_reorder"), f"message-dialog-s15{suffix}")
    grab_dialog(window.export_files(), f"export-dialog{suffix}")
    bulk = window.bulk_cancel()
    bulk.load_file(cancellation_file(folder, db))
    bulk.job.wait()  # the plan is worked out on a worker
    grab_dialog(bulk, f"bulk-cancel-dialog{suffix}")
    summary = window.print_summary()
    summary.loading.wait()  # the summary is read on a worker
    grab_dialog(summary, f"summary-dialog{suffix}")
    about = AboutDialog(window)
    about.open()
    grab_dialog(about, f"about-dialog{suffix}")


def backup_dialogs(window: MainWindow, suffix: str = "") -> None:
    """Preferences > Backups (after one backup) and the restore confirmation."""
    from app.storage import backups
    from app.storage.db import sqlite_file
    from ui.backup_actions import RestoreConfirmation
    from ui.dialogs.backups_page import BackupsPage

    database = sqlite_file(window.db)
    assert database is not None
    made = backups.back_up(database)
    dialog = window.preferences()
    (page,) = [p for p in dialog.pages() if isinstance(p, BackupsPage)]
    dialog.tabs.setCurrentWidget(page)
    grab_dialog(dialog, f"preferences-backups{suffix}")
    confirmation = RestoreConfirmation(backups.check(made.path), database, window)
    confirmation.show()
    grab_dialog(confirmation, f"restore-confirmation{suffix}")


def issue_12_items_7_to_9(window: MainWindow, db: Database, suffix: str = "") -> None:
    """A partial cancellation's cost, the money of a refunded order, a request by message
    (S5) and an order id searched in another filter."""
    window.resize(*WINDOW_SIZE)
    window.filters.choose(View.ALL)
    multi = [row for row in rows(db, View.UNSHIPPED) if row.item_count > 1]
    if multi:
        window.select_order(multi[0].order_id)
        dialog = window.cancel_items()
        if dialog is not None:
            next(iter(dialog.quantities.values())).setValue(1)
            grab_dialog(dialog, f"cancel-items-dialog-chosen{suffix}")
    unasked = [
        row
        for row in rows(db, View.UNSHIPPED)
        if not (row.buyer_requested_cancel or row.asked_by_message)
    ]
    if unasked:
        window.select_order(unasked[0].order_id)
        grab_dialog(window.note_asked_by_message(), f"asked-by-message-dialog{suffix}")
    asked = [row for row in rows(db, View.BUYER_REQUESTED) if row.asked_by_message]
    if asked:
        window.filters.choose(View.BUYER_REQUESTED)
        window.select_order(asked[0].order_id)
        grab(window, f"asked-by-message{suffix}")
    window.filters.choose(View.ALL)
    with db.reading() as session:
        refunded = session.scalar(select(Order.order_id).join(Order.refunds).limit(1))
    if refunded:
        window.select_order(refunded)
        QApplication.processEvents()
        window.details.scroll_to("money")
        grab(window, f"details-money{suffix}")
    shipped = rows(db, View.SHIPPED, 1)
    if shipped:
        window.filters.choose(View.CANCELED)
        window.search.setText(shipped[0].order_id)
        window._apply_search_now()
        wait_for_counts(window)
        grab(window, f"search-found-elsewhere{suffix}")
        window.search.clear()
        window._apply_search_now()
        window.filters.choose(View.ALL)


def windows_at_sizes(window: MainWindow, chosen: str, suffix: str) -> None:
    """The main window and the health page at a laptop's and a desktop's screen size."""
    for width, height in WINDOW_SIZES:
        window.resize(width, height)
        window.filters.choose(View.ALL)
        window.select_order(chosen)
        QApplication.processEvents()
        grab(window, f"main-window-{width}x{height}{suffix}")
        window.filters.choose_health()
        grab(window, f"health-page-{width}x{height}{suffix}")
    window.resize(*WINDOW_SIZE)
    window.filters.choose(View.ALL)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("SellerDeskScreenshots")
    folder = Path(tempfile.mkdtemp(prefix="sellerdesk-shots-"))
    # Backups and the rest of the data folder go into the throw-away folder, never yours.
    os.environ["SELLERDESK_DATA_DIR"] = str(folder / "data")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    install_translators(app, "en")
    try:
        welcome(folder)
        db = open_database(str(folder / "demo.sqlite"))
        fill_demo(db, orders=200, seed=1, now=clock.now() - timedelta(hours=1))
        window = MainWindow(db)
        window.resize(*WINDOW_SIZE)
        window.show()
        wait_for_counts(window)
        unshipped = rows(db, View.UNSHIPPED)
        late = [row for row in unshipped if row.deadline.kind.value != "on-time"]
        chosen = (late or unshipped)[0].order_id
        window.select_order(chosen)
        main_png = grab(window, "main-window")
        windows_at_sizes(window, chosen, "")
        window.filters.choose(View.PENDING)
        pending = rows(db, View.PENDING, 1)
        if pending:
            window.select_order(pending[0].order_id)
        grab(window, "pending-selected")
        window.filters.choose(View.LATE)
        grab(window, "late-filter")
        window.filters.choose(View.ALL)
        window.search.setText("zzzz-nothing")
        window._apply_search_now()
        wait_for_counts(window)
        grab(window, "empty-search")
        window.search.clear()
        window._apply_search_now()

        order_dialogs(window, db, chosen)
        other_dialogs(window, db, folder)
        backup_dialogs(window)
        issue_12_items_7_to_9(window, db)
        window.filters.choose_health()
        grab(window, "health-page")

        window.set_language("fr")
        window.filters.choose(View.ALL)
        window.select_order(chosen)
        wait_for_counts(window)
        grab(window, "main-window-fr")
        windows_at_sizes(window, chosen, "-fr")
        window.filters.choose_health()
        grab(window, "health-page-fr")
        order_dialogs(window, db, chosen, suffix="-fr")
        other_dialogs(window, db, folder, suffix="-fr")
        backup_dialogs(window, suffix="-fr")
        issue_12_items_7_to_9(window, db, suffix="-fr")
        window.set_language(None)
        install_translators(app, "fr")
        welcome(folder, suffix="-fr")
        install_translators(app, "en")

        if "--docs" in sys.argv:
            (ROOT / "docs").mkdir(exist_ok=True)
            shutil.copy(main_png, ROOT / "docs" / "main-window.png")
        window.shutdown()
        window.close()
        db.dispose()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
