"""File > Back up now… and File > Restore from backup…, and the daily backup.

The work is app.storage.backups' (no rule lives here); this module runs it on a
worker with a progress window, asks before a restore (naming what is replaced
and that it is backed up first) and tells the result. On a database server the
two entries explain that backups are the server's job instead of pretending.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from app.errors import SellerDeskError
from app.storage import backups
from app.storage.backups import Checked, Made, Restored
from app.storage.db import Database, sqlite_file
from ui.dialogs.working import Job
from ui.i18n import date_time, tr_text
from ui.tasks import Task, TaskRunner

WIDTH = 600  # the confirmation's width: a backup's path on one line


class RestoreConfirmation(QMessageBox):
    """What will be replaced by what, and that the current database is backed up first."""

    def __init__(self, checked: Checked, database: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restore_confirmation")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.setText(self.tr("Replace the orders in SellerDesk by this backup?"))
        taken = self.tr("Backup taken {taken}, with %n order(s):", "", checked.orders)
        self.setInformativeText(
            "\n".join(
                (
                    taken.format(taken=date_time(checked.taken)),
                    str(checked.path),
                    "",
                    self.tr("It replaces everything in the database now open:"),
                    str(database),
                    "",
                    self.tr("That database is backed up first, so you can come back to it, into:"),
                    str(backups.folder()),
                )
            )
        )
        # A message box is narrow by default: room for a path on one line.
        layout = self.layout()
        if isinstance(layout, QGridLayout):
            room = QSpacerItem(WIDTH, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
            layout.addItem(room, layout.rowCount(), 0, 1, layout.columnCount())
        self.restore_button = self.addButton(self.tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restore")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)


class BackupController(QObject):
    """The window's backup and restore, run off the GUI thread."""

    told = Signal(str)  # a sentence for the status bar
    restored = Signal()  # the database's content was replaced: read everything again

    def __init__(self, window: QWidget, db: Database, runner: TaskRunner) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._runner = runner
        self.job = Job(window, minimum_duration=300, runner=runner)
        self.box: QMessageBox | None = None  # the last message shown (tests read it)
        self.confirmation: RestoreConfirmation | None = None

    def switch_database(self, db: Database) -> None:
        self._db = db

    # -- the daily backup -----------------------------------------------------

    def start_daily(self) -> Task | None:
        """Back up once a day, on a worker: the window opens without waiting for it."""
        database = sqlite_file(self._db)
        if database is None:
            return None

        def done(made: Made | None) -> None:
            if made is not None:
                self.told.emit(self.tr("Daily backup saved: {path}").format(path=made.path))

        def failed(error: BaseException) -> None:
            self.told.emit(self._sentence(error))

        def work(task: Task) -> Made | None:
            # Closing the window stops it: the close never waits for a copy of the file.
            return backups.back_up_if_due(database, stopped=task.cancelled)

        return self._runner.start(work, done, failed)

    # -- File > Back up now… ----------------------------------------------------

    def back_up_now(self) -> None:
        database = self._database()
        if database is None:
            return
        self.job.start(
            lambda task: backups.back_up(database, progress=task.report, stopped=task.cancelled),
            self._backed_up,
            self._failed,
            title=self.tr("Back up"),
            label=self.tr("Backing up the database…"),
            stop_text=self.tr("Stop"),
        )

    def _backed_up(self, made: Made) -> None:
        sentence = tr_text(made.sentence())
        self.told.emit(sentence)
        box = self._show(QMessageBox.Icon.Information, self.tr("Backup saved"), sentence)
        box.setObjectName("backup_saved")
        folder = box.addButton(self.tr("&Open backups folder"), QMessageBox.ButtonRole.ActionRole)
        folder.clicked.connect(self.open_folder)

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups.folder())))

    # -- File > Restore from backup… --------------------------------------------

    def choose_file(self) -> str:
        """The backup the seller picks, starting in the backups folder ("" if none)."""
        path, _filter = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Restore from backup"),
            str(backups.folder()),
            self.tr("SellerDesk backups (*.sqlite *.bak);;All files (*)"),
        )
        return path

    def restore_from_backup(self) -> None:
        database = self._database()
        if database is None:
            return
        chosen = self.choose_file()
        if not chosen:
            return
        self.job.start(
            lambda _task: backups.check(chosen),
            lambda checked: self._confirm(checked, database),
            self._failed,
            title=self.tr("Restore from backup"),
            label=self.tr("Checking the backup…"),
        )

    def _confirm(self, checked: Checked, database: Path) -> None:
        box = RestoreConfirmation(checked, database, self._window)
        self.confirmation = box
        box.accepted.connect(lambda: self._restore(checked, database))
        box.open()

    def _restore(self, checked: Checked, database: Path) -> None:
        self.job.start(
            lambda task: backups.restore(
                database, checked.path, progress=task.report, stopped=task.cancelled
            ),
            self._restored,
            self._failed,
            title=self.tr("Restore from backup"),
            label=self.tr("Restoring the backup…"),
            stop_text=self.tr("Stop"),
        )

    def _restored(self, restored: Restored) -> None:
        self.restored.emit()
        sentence = tr_text(restored.sentence())
        self.told.emit(sentence)
        # Said in a box too: the status bar cuts a sentence holding two paths at 1366 pixels,
        # and where the database as it was went is what the seller may need next.
        box = self._show(QMessageBox.Icon.Information, self.tr("Backup restored"), sentence)
        box.setObjectName("backup_restored")

    # -- shared -----------------------------------------------------------------

    def _database(self) -> Path | None:
        """The SQLite file; on a server, say whose job backups are and None."""
        try:
            return backups.database_file(self._db)
        except SellerDeskError as error:
            box = self._show(
                QMessageBox.Icon.Information, self.tr("Backups"), tr_text(error.message)
            )
            box.setObjectName("backups_on_a_server")
            return None

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, backups.BackupStopped):
            self.told.emit(self._sentence(error))  # the seller asked for it: no alarm
            return
        box = self._show(QMessageBox.Icon.Warning, self.tr("Backups"), self._sentence(error))
        box.setObjectName("backup_failed")

    def _sentence(self, error: BaseException) -> str:
        if isinstance(error, SellerDeskError):
            return tr_text(error.message)
        return self.tr("Something went wrong: {error}").format(error=error)

    def _show(self, icon: QMessageBox.Icon, title: str, sentence: str) -> QMessageBox:
        box = QMessageBox(icon, title, sentence, QMessageBox.StandardButton.Ok, self._window)
        self.box = box
        box.open()
        return box
