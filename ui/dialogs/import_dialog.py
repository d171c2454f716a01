"""Import order reports off the GUI thread, with a progress dialog that can be cancelled."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

from app.changes import Changes
from app.errors import SellerDeskError
from app.storage.db import Database
from ui.dialogs.working import Job
from ui.i18n import count, tr_text
from ui.tasks import Task, TaskRunner

if TYPE_CHECKING:
    from app.marketplace_files.importer import BadRows


def __getattr__(name: str) -> Any:
    """The importer (and the ORM under it) loads when the seller first imports, not with
    the window: its names are looked up on this module (``_this``) when used."""
    if name in ("BadRows", "import_reports"):
        from app.marketplace_files import importer

        return getattr(importer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_this = sys.modules[__name__]


def result_summary(result: Any) -> str:
    """Added / updated / unchanged in plain words."""
    text = QCoreApplication.translate(
        "ImportDialog",
        "%n new order(s) added; orders updated: {updated}; unchanged: {unchanged}.",
        None,
        result.added,
    ).format(updated=count(result.updated), unchanged=count(result.unchanged))
    if result.refused:
        text += "\n" + QCoreApplication.translate(
            "ImportDialog", "%n line(s) left out:", None, len(result.refused)
        )
    return text


class ImportRunner(QObject):
    """Asks for report files, imports them in a worker and tells the result."""

    finished = Signal(bool)  # True when something was imported

    def __init__(self, db: Database, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._parent = parent
        self.job = Job(parent, minimum_duration=300, runner=runner)
        self.message: QMessageBox | None = None
        self._paths: list[Path] = []
        self._skipping = False
        self.changes = Changes()  # what the last import changed

    @property
    def progress(self) -> QProgressDialog | None:
        return self.job.progress

    def choose_and_start(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self._parent,
            self.tr("Import order reports"),
            "",
            self.tr("Order reports (*.txt *.tsv *.csv);;All files (*)"),
        )
        if paths:
            self.start([Path(path) for path in paths])

    def start(self, paths: Sequence[Path], *, skip_bad_rows: bool = False) -> Task:
        import_reports = _this.import_reports
        db = self._db
        self._paths = list(paths)
        self._skipping = skip_bad_rows

        def work(task: Task) -> object:
            return import_reports(
                db,
                list(paths),
                skip_bad_rows=skip_bad_rows,
                progress=task.report,
                cancelled=task.cancelled,
            )

        return self.job.start(
            work,
            self._done,
            self._failed,
            title=self.tr("Import order reports"),
            label=self.tr("Importing %n report(s)…", "", len(paths)),
            stop_text=self.tr("Stop"),
        )

    def _done(self, result: Any) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Import finished"),
            result_summary(result),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setObjectName("import_result")
        if result.refused:
            box.setDetailedText("\n".join(tr_text(line) for line in result.refused))
            box.setInformativeText(tr_text(result.refused[0]))
        self._show(box)
        self.changes = result.changes
        self.finished.emit(True)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, _this.BadRows) and not self._skipping:
            self._offer_the_other_orders(error)
            return
        if isinstance(error, SellerDeskError):
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Nothing imported"),
                tr_text(error.message),
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
            if error.details:
                box.setInformativeText(tr_text(error.details[0]))
                box.setDetailedText("\n".join(tr_text(detail) for detail in error.details))
        else:
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                self.tr("Nothing imported"),
                self.tr(
                    "SellerDesk hit an unexpected problem; nothing was imported ({error})."
                ).format(error=type(error).__name__),
                QMessageBox.StandardButton.Ok,
                self._parent,
            )
        box.setObjectName("import_result")
        self._show(box)
        self.finished.emit(False)

    def _offer_the_other_orders(self, error: BadRows) -> None:
        """Bad lines: list them (copyable) and offer to import the other orders, as
        ``import --skip-bad-rows`` does, or to cancel and correct the file."""
        lines = "\n".join(tr_text(detail) for detail in error.details)
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Some lines cannot be read"),
            tr_text(error.message),
            QMessageBox.StandardButton.NoButton,
            self._parent,
        )
        box.setObjectName("import_bad_rows")
        box.setInformativeText(
            self.tr(
                "Import the other orders now and leave out the orders these lines belong "
                "to, or cancel and correct the file. Nothing has been imported yet."
            )
        )
        box.setDetailedText(lines)
        self.import_others = box.addButton(
            self.tr("&Import the other orders"), QMessageBox.ButtonRole.AcceptRole
        )
        self.import_others.setObjectName("import_other_orders")
        self.copy_lines = box.addButton(
            self.tr("C&opy the bad lines"), QMessageBox.ButtonRole.ActionRole
        )
        self.copy_lines.setObjectName("copy_bad_lines")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        paths = list(self._paths)

        def clicked(button: QAbstractButton) -> None:
            if button is self.copy_lines:
                QGuiApplication.clipboard().setText(lines)
                QTimer.singleShot(0, box.open)  # a message box closes on any button: reopen it
            elif button is self.import_others:
                self.start(paths, skip_bad_rows=True)
            else:
                self.finished.emit(False)

        box.buttonClicked.connect(clicked)
        self._show(box)

    def _show(self, box: QMessageBox) -> None:
        self.message = box
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
