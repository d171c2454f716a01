"""Starting the window: the Qt application, translations, the database, the main window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import SellerDeskError
from app.storage.db import Database, open_database
from ui import error_report
from ui.about_dialog import application_icon
from ui.i18n import tr_text
from ui.main_window import MainWindow
from ui.translation import install_translators, saved_language

if TYPE_CHECKING:
    from ui.demo_database import DemoDatabase

QUIT_AFTER_VARIABLE = "SELLERDESK_QUIT_AFTER_MS"
DESKTOP_FILE_NAME = "io.github.sellerdesk.SellerDesk"
DAILY_BACKUP_AFTER_MS = 3000


def application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("SellerDesk")
    QCoreApplication.setApplicationName("SellerDesk")
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(application_icon())
    return app


def _quit_after() -> int | None:
    raw = os.environ.get(QUIT_AFTER_VARIABLE, "").strip()
    return int(raw) if raw.isdigit() else None


def _once(window: MainWindow, name: str, milliseconds: int, then: Callable[[], object]) -> QTimer:
    """A one-shot timer owned by the window, which run() stops when it ends: the window
    outlives its run when a process opens several (the tests), and a static single shot
    would still back up or close it later, in whatever runs then."""
    timer = QTimer(window)
    timer.setObjectName(name)
    timer.setSingleShot(True)
    timer.timeout.connect(then)
    timer.start(milliseconds)
    return timer


def _explain(error: SellerDeskError, quit_after: int | None) -> int:
    message = tr_text(error.message)
    print(f"sellerdesk: {message}", file=sys.stderr)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("Application", "SellerDesk cannot open the database"),
        message,
        QMessageBox.StandardButton.Close,
    )
    if error.details:
        box.setDetailedText("\n".join(tr_text(detail) for detail in error.details))
    if quit_after is not None:
        QTimer.singleShot(quit_after, box.reject)
    box.exec()
    return error.exit_status


def run(database: str | None, demo: bool) -> int:
    """Open the window on ``database`` (or a fresh demo database); returns the exit status."""
    app = application()
    error_report.install()
    install_translators(app)  # the system's language until the database says otherwise
    quit_after = _quit_after()
    demo_database: DemoDatabase | None = None
    try:
        if demo:
            from ui.demo_database import DemoDatabase  # its sample data only when asked for

            demo_database = DemoDatabase()
            db: Database = demo_database.db
        else:
            db = open_database(database)
    except SellerDeskError as error:
        return _explain(error, quit_after)
    install_translators(app, saved_language(db))
    window = MainWindow(db, demo=demo_database)
    if window.opens_maximized:
        window.showMaximized()
    else:
        window.show()
    # The day's backup copies the whole file: it starts once the first rows are on
    # screen instead of competing with them (a window closed before then leaves it
    # to the next start, as a window closed during the copy does).
    timers = [_once(window, "daily_backup", DAILY_BACKUP_AFTER_MS, window.start_daily_backup)]
    if quit_after is not None:
        timers.append(_once(window, "quit_after", quit_after, window.close))
    try:
        status = app.exec()
    finally:
        for timer in timers:  # a window whose run is over never backs up or closes later
            timer.stop()
        window.shutdown()
        if demo_database is None:
            db.dispose()
    return status
