"""Errors nobody caught: a plain sentence for the seller, the traceback for the developers.

An action is one transaction, so a failure in the middle of one leaves the
database as it was; the seller is told so, never shown a traceback, and the
details go to a log file in the data folder that can be sent with a bug report.
"""

from __future__ import annotations

import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import SellerDeskError
from app.storage import private_files
from app.storage.db import data_dir, data_folder
from ui.i18n import tr_text

LOG_NAME = "sellerdesk-errors.log"


def log_path() -> Path:
    return data_dir() / LOG_NAME


def _write_log(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> Path:
    path = log_path()
    text = "".join(traceback.format_exception(kind, error, tb))
    try:
        data_folder()
        with open(private_files.open_log(path), "a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now(UTC).isoformat()}\n{text}\n")
    except OSError:
        pass  # the stderr copy below is all we can keep
    print(text, file=sys.stderr)
    return path


def seller_message(error: BaseException, log: Path) -> str:
    """What the seller reads: the core's own sentence, or a plain apology for a bug."""
    if isinstance(error, SellerDeskError):
        return tr_text(error.message)
    return QCoreApplication.translate(
        "ErrorReport",
        "Something went wrong in SellerDesk. Nothing was saved from the last action, and your "
        "orders are as they were. The details are in {log}; please send that file with a "
        "description of what you were doing.",
    ).format(log=str(log))


def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the window: log the traceback, tell the seller in words."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log = _write_log(kind, error, tb)
    if QApplication.instance() is None:
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ErrorReport", "SellerDesk"),
        seller_message(error, log),
        QMessageBox.StandardButton.Ok,
    )
    box.setObjectName("error_report")
    box.exec()


def install() -> None:
    sys.excepthook = report
