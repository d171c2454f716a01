"""Render the main window on demo data and each dialog to PNG in screenshots/.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/screenshots.py``; then
look at every PNG. ``--docs`` also copies the main window to docs/main-window.png.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app import clock  # noqa: E402
from app.db import open_database  # noqa: E402
from app.demo import fill_demo  # noqa: E402
from app.order_list import ListQuery, page  # noqa: E402
from app.queries import View  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUT = ROOT / "screenshots"


def grab(widget: QWidget, name: str) -> Path:
    QApplication.processEvents()
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def wait_for_counts(window: MainWindow) -> None:
    window.tasks.wait()
    QApplication.processEvents()
    QApplication.processEvents()


def main() -> int:
    OUT.mkdir(exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("SellerDeskScreenshots")
    folder = Path(tempfile.mkdtemp(prefix="sellerdesk-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    try:
        empty = open_database(str(folder / "empty.sqlite"))
        window = MainWindow(empty)
        window.resize(1600, 900)
        wait_for_counts(window)
        grab(window, "welcome")
        window.shutdown()
        window.close()
        empty.dispose()

        db = open_database(str(folder / "demo.sqlite"))
        fill_demo(db, orders=200, seed=1, now=clock.now() - timedelta(hours=1))
        window = MainWindow(db)
        window.resize(1600, 900)
        window.show()
        wait_for_counts(window)
        unshipped = page(db, ListQuery(View.UNSHIPPED), 0, 50)
        late = [row for row in unshipped if row.deadline.kind.value != "on-time"]
        chosen = (late or unshipped)[0].order_id
        window.select_order(chosen)
        main_png = grab(window, "main-window")
        window.filters.choose(View.PENDING)
        pending = page(db, ListQuery(View.PENDING), 0, 1)
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

        multi = [row for row in unshipped if row.item_count > 1] or unshipped
        window.filters.choose(View.UNSHIPPED)
        window.select_order(multi[0].order_id)
        ship = window.confirm_shipment()
        if ship is not None:
            ship.adjustSize()
            grab(ship, "ship-dialog")
            ship.choose_carrier("Other")
            grab(ship, "ship-dialog-other")
            ship.reject()
        window.select_order(chosen)
        cancel = window.cancel_order()
        if cancel is not None:
            cancel.adjustSize()
            grab(cancel, "cancel-dialog")
            cancel.choose_reason("BuyerCanceled")
            cancel.adjustSize()
            grab(cancel, "cancel-dialog-s5")
            cancel.reject()
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
