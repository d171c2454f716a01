"""Preferences > Backups: how many to keep, where they are, when the last was taken.

The number is a shop setting (app.settings.BACKUPS_KEEP, checked there); on a
database server the page says that backups are the server's job.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import settings
from app.storage import backups
from app.storage.db import Database, sqlite_file
from ui.i18n import date_time, tr_text


class BackupsPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_page")
        self._db = db
        self.keep: QSpinBox | None = None
        layout = QVBoxLayout(self)
        database = sqlite_file(db)
        if database is None:
            server = QLabel(tr_text(backups.server_job().message), self)
            server.setObjectName("backups_on_a_server")
            server.setWordWrap(True)
            layout.addWidget(server)
            layout.addStretch(1)
            return

        with db.reading() as session:
            keep = settings.backups_keep(session)
        self.keep = QSpinBox(self)
        self.keep.setObjectName("backups_keep")
        self.keep.setRange(1, settings.MAX_BACKUPS_KEEP)
        self.keep.setValue(keep)
        self.keep.setMaximumWidth(self.keep.sizeHint().width() + 24)

        self.folder = QLabel(str(backups.folder()), self)
        self.folder.setObjectName("backups_folder")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder = QPushButton(self.tr("Open &folder"), self)
        self.open_folder.setObjectName("open_backups_folder")
        self.open_folder.clicked.connect(self._open_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.open_folder, 0, Qt.AlignmentFlag.AlignTop)

        newest = backups.latest(database)
        self.last = QLabel(
            date_time(newest.taken) if newest is not None else self.tr("None yet"), self
        )
        self.last.setObjectName("last_backup")

        form = QFormLayout()
        form.addRow(self.tr("Backups to &keep:"), self.keep)
        form.addRow(self.tr("Backups folder:"), folder_row)
        form.addRow(self.tr("Last backup:"), self.last)
        explain = QLabel(
            self.tr(
                "SellerDesk backs up the database once a day when its window opens, and "
                "before every restore; the oldest backups beyond this number are removed. "
                "File > Back up now… takes one at any time."
            ),
            self,
        )
        explain.setWordWrap(True)
        explain.setEnabled(False)
        layout.addLayout(form)
        layout.addWidget(explain)
        layout.addStretch(1)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(backups.folder())))

    def save(self) -> None:
        if self.keep is not None:
            value = settings.check_backups_keep(str(self.keep.value()))
            settings.put(self._db, settings.BACKUPS_KEEP, str(value))
