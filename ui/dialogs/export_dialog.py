"""Export upload files for Seller Central: preview the rows, save a batch, write one again.

The rows come from :func:`app.marketplace_files.exports.preview`, exactly as they will be
written; saving calls :func:`app.marketplace_files.exports.export_new`, which numbers the batch
and marks what it holds; the history re-writes a past batch with
:func:`app.marketplace_files.exports.rewrite_batch`. The dialog holds no rule of its own.

Preview and writing run on a worker thread (10,000 rows take a few tenths of a
second): the preview shows a busy bar in the dialog, a file being written a
progress window (it cannot be stopped half way: a batch is one transaction
that is quickly over).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import SellerDeskError
from app.marketplace.connection import SellerCentral, Timing, readiness
from app.marketplace.errors import ConnectionFailed
from app.marketplace.ledger import SubmissionInfo, submissions
from app.marketplace_files.exports import (
    BatchInfo,
    ExportKind,
    ExportPreview,
    batches,
    export_new,
    preview,
    rewrite_batch,
)
from app.marketplace_files.exports import kind_label as app_kind_label
from app.storage.db import Database
from app.text import Text
from ui.contrast import make_quiet
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.working import Job
from ui.i18n import date_time, tr_text
from ui.marketplace_sync import session_secrets
from ui.tasks import Task

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    """The rows of an upload file, cells exactly as written (column names as in the file)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._rows: list[list[str]] = []

    def set_rows(self, columns: list[str], rows: list[list[str]]) -> None:
        self.beginResetModel()
        self._columns, self._rows = columns, rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section] if 0 <= section < len(self._columns) else None
        return section + 1


class ExportDialog(QDialog):
    """Choose a file type, see the new rows, save them as a batch; or write a past batch."""

    told = Signal(str)  # a sentence for the window's status bar (the file written)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self.setObjectName("export_dialog")
        self._db = db
        self.current: ExportPreview | None = None
        self.reading = Job(self)  # the preview of the chosen file type
        self.writing = Job(self)  # a batch being written
        self.setWindowTitle(self.tr("Export upload files"))
        self.resize(860, 600)

        self._written: list[BatchInfo] = []
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for kind in ExportKind:
            self.kind.addItem(self.kind_label(kind), kind.value)
        self.kind.setToolTip(
            self.tr(
                "Cancellations: whole orders you cancelled. Adjustments: refunds and "
                "cancelled items of shipped orders. Shipments: your shipment confirmations."
            )
        )
        self.kind.currentIndexChanged.connect(self.refresh)

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("busy")
        self.busy_bar.setRange(0, 0)  # busy, with no end known
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(self.fontMetrics().height())
        self.busy_bar.hide()
        self.rows = RowsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("preview")
        self.table.setModel(self.rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.held_back = ProblemLine(self)
        self.problem = ProblemLine(self)
        self.result_line = QLabel(self)
        self.result_line.setObjectName("result")
        self.result_line.setWordWrap(True)
        self.result_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save = QPushButton(self.tr("&Save…"), self)
        self.save.setObjectName("save")
        self.save.setDefault(True)
        buttons.addButton(self.save, QDialogButtonBox.ButtonRole.ActionRole)
        self.send = QPushButton(self.tr("Se&nd to Seller Central"), self)
        self.send.setObjectName("send_to_seller_central")
        buttons.addButton(self.send, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save.clicked.connect(self.save_new)
        self.send.clicked.connect(self.send_new)

        history_box = QGroupBox(self.tr("Batches already written"), self)
        self.history = QTableWidget(0, 6, self)
        self.history.setObjectName("history")
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Batch"),
                self.tr("File type"),
                self.tr("Written"),
                self.tr("Rows"),
                self.tr("Seller Central"),
                self.tr("Saved as"),
            ]
        )
        self.history.verticalHeader().hide()
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMaximumHeight(150)
        self.rewrite = QPushButton(self.tr("&Write this batch again…"), self)
        self.rewrite.setObjectName("rewrite")
        self.rewrite.setToolTip(
            self.tr("Writes the same file as the first time, for example if the upload failed.")
        )
        self.rewrite.setEnabled(False)
        self.history.itemSelectionChanged.connect(self._enable_buttons)
        self.rewrite.clicked.connect(self.rewrite_selected)
        self.no_batch = QLabel(
            self.tr(
                "No batch written yet: each file you save is listed here, to write it "
                "again if an upload fails."
            ),
            self,
        )
        self.no_batch.setObjectName("no_batch")
        self.no_batch.setWordWrap(True)
        make_quiet(self.no_batch)
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.no_batch)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.rewrite, 0, Qt.AlignmentFlag.AlignRight)

        form = QFormLayout()
        form.addRow(self.tr("&File type:"), self.kind)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.busy_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.held_back)
        layout.addWidget(self.problem)
        layout.addWidget(self.result_line)
        layout.addWidget(history_box)
        layout.addWidget(buttons)

        self.refresh()
        self.refresh_history()

    def kind_label(self, kind: ExportKind) -> str:
        label = tr_text(app_kind_label(kind))
        return label[:1].upper() + label[1:]

    def selected_kind(self) -> ExportKind:
        return ExportKind(self.kind.currentData())

    def refresh(self) -> Task:
        """Ask the core, on a worker, what the next batch of the chosen type would hold."""
        self.problem.clear()
        self.current = None
        self.rows.set_rows([], [])  # never another file type's rows under this one's name
        self.held_back.clear()
        db, kind = self._db, self.selected_kind()
        self.summary.setText(self.tr("Reading the rows not yet exported…"))
        task = self.reading.start(
            lambda _task: preview(db, kind),
            self._previewed,
            self._not_previewed,
            show_progress=False,
        )
        self._enable_buttons()
        return task

    def _enable_buttons(self) -> None:
        reading, writing = self.reading.busy, self.writing.busy
        self.busy_bar.setVisible(reading)
        self.kind.setEnabled(not writing)
        self.save.setEnabled(
            not reading and not writing and self.current is not None and bool(self.current.rows)
        )
        self.rewrite.setEnabled(not writing and bool(self.history.selectedItems()))
        why_not = readiness(self._db, session_secrets())
        self.send.setEnabled(self.save.isEnabled() and why_not is None)
        self.send.setToolTip(
            tr_text(why_not)
            if why_not is not None
            else self.tr(
                "Writes the batch as Save does and sends it through your Seller Central "
                "connection; its state shows below."
            )
        )

    def _not_previewed(self, error: BaseException) -> None:
        self.current = None
        self.rows.set_rows([], [])
        self.summary.clear()
        self._say_problem(error)
        self._enable_buttons()

    def _say_problem(self, error: BaseException) -> None:
        if isinstance(error, SellerDeskError):
            self.problem.say_error(error)
        else:
            self.problem.say(
                self.tr("SellerDesk hit an unexpected problem ({error}).").format(
                    error=type(error).__name__
                )
            )

    def _previewed(self, current: ExportPreview) -> None:
        self.current = current
        self.rows.set_rows(self.current.columns, self.current.rows)
        count = len(self.current.rows)
        if count:
            self.summary.setText(
                self.tr(
                    "%n new row(s) not yet in any file. Save, then upload the file "
                    "in Seller Central.",
                    "",
                    count,
                )
            )
        elif self.current.held_back:
            self.summary.setText(
                self.tr("Nothing can be exported yet: what is held back, and why, is below.")
            )
        elif any(batch.kind == self.current.kind for batch in self._written):
            self.summary.setText(
                self.tr("Nothing new to export in this file type: every row is already in a batch.")
            )
        else:
            self.summary.setText(self._nothing_yet(self.current.kind))
        if self.current.held_back:
            self.held_back.say("\n".join(tr_text(line) for line in self.current.held_back))
        else:
            self.held_back.clear()
        self._enable_buttons()

    def _nothing_yet(self, kind: ExportKind) -> str:
        """What an empty file type says before its first batch: what will fill it."""
        return {
            ExportKind.CANCELLATIONS: self.tr(
                "No cancellation to export yet: when you cancel a whole order, its rows "
                "appear here to save and upload."
            ),
            ExportKind.ADJUSTMENTS: self.tr(
                "No refund to export yet: refunds, and items cancelled from orders since "
                "shipped, appear here to save and upload."
            ),
            ExportKind.SHIPMENTS: self.tr(
                "No shipment to export yet: when you confirm a shipment, its rows appear "
                "here to save and upload."
            ),
        }[kind]

    def refresh_history(self) -> None:
        found = batches(self._db)
        self._written = found
        self.no_batch.setVisible(not found)
        self.history.setVisible(bool(found))
        self.rewrite.setVisible(bool(found))
        with self._db.reading() as session:
            sent = {info.batch_id: info for info in submissions(session)}
        self.history.setRowCount(len(found))
        for row, batch in enumerate(found):
            info = sent.get(batch.id)
            cells = [
                str(batch.id),
                self.kind_label(batch.kind),
                date_time(batch.created_at),
                str(batch.row_count),
                tr_text(info.describe()) if info is not None else self.tr("file only"),
                batch.file_name or "",
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, batch)
                if batch.file_name:
                    item.setToolTip(batch.file_name)
                self.history.setItem(row, column, item)
        self.history.resizeColumnsToContents()
        self._enable_buttons()

    def selected_batch(self) -> BatchInfo | None:
        items = self.history.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def choose_save_path(self, suggested: str) -> str | None:
        """The file chooser; tests replace it."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save upload file"),
            suggested,
            self.tr("Tab-separated text (*.txt);;All files (*)"),
        )
        return path or None

    def _write(self, work: Callable[[Task], Any], rows: int, saved: Callable[[Any], None]) -> Task:
        task = self.writing.start(
            work,
            saved,
            self._not_written,
            title=self.windowTitle(),
            label=self.tr("Writing %n row(s)…", "", rows),
        )
        self._enable_buttons()
        return task

    def _not_written(self, error: BaseException) -> None:
        self._say_problem(error)
        self._enable_buttons()

    def save_new(self) -> Task | None:
        if self.current is None or self.writing.busy:
            return None
        kind = self.selected_kind()
        path = self.choose_save_path(f"{kind.value}-{date.today().isoformat()}.txt")
        if path is None:
            return None
        db = self._db
        return self._write(
            lambda _task: export_new(db, kind, Path(path)), len(self.current.rows), self._saved
        )

    def send_new(self) -> Task | None:
        """Write what is new as a batch and send it through the connection, on a worker."""
        if self.current is None or self.writing.busy:
            return None
        kind = self.selected_kind()
        db, secrets = self._db, session_secrets()

        def work(task: Task) -> tuple[int | None, SubmissionInfo | None, Text | None, Changes]:
            # A short look at the feed here; the window's sync follows it to the end.
            timing = Timing(rounds=3)
            with SellerCentral(
                db, secrets=secrets, timing=timing, stopped=task.cancelled
            ) as central:
                written = central.queue_export(kind)
                if written.batch_id is None:
                    return None, None, written.message, written.changes
                try:
                    central.push(kinds=())
                except ConnectionFailed as failure:
                    return written.batch_id, None, failure.message, written.changes
                found = [info for info in central.batches() if info.batch_id == written.batch_id]
                return written.batch_id, found[0] if found else None, None, written.changes

        return self._write(work, len(self.current.rows), self._sent)

    def _sent(self, outcome: Any) -> None:
        batch_id, info, message, changes = outcome
        self.changes |= changes
        self.problem.clear()
        if message is not None:
            self.result_line.setText(tr_text(message))
        elif info is not None:
            self.result_line.setText(
                self.tr("Batch {batch}: {state}.").format(
                    batch=batch_id, state=tr_text(info.describe())
                )
            )
        self.refresh()
        self.refresh_history()

    def _saved(self, outcome: Any) -> None:
        self.changes |= outcome.changes
        lines = [tr_text(outcome.message), *(tr_text(lost) for lost in outcome.warnings)]
        self.result_line.setText("\n".join(lines))
        self.told.emit(tr_text(outcome.message))
        self.refresh()
        self.refresh_history()

    def rewrite_selected(self) -> Task | None:
        batch = self.selected_batch()
        if batch is None or self.writing.busy:
            return None
        path = self.choose_save_path(f"{batch.kind.value}-batch-{batch.id}.txt")
        if path is None:
            return None
        db = self._db
        return self._write(
            lambda _task: rewrite_batch(db, batch.kind, batch.id, Path(path)),
            batch.row_count,
            self._rewritten,
        )

    def _rewritten(self, outcome: Any) -> None:
        self.changes |= outcome.changes
        self.problem.clear()
        self.result_line.setText(tr_text(outcome.message))
        self.told.emit(self.result_line.text())
        self._enable_buttons()

    def done(self, result: int) -> None:
        """Closing waits for a batch being written (it is quickly over) and drops a preview."""
        self.reading.stop()
        self.writing.runner.wait(cancel=False)  # the batch is written whole
        self.writing.abandon()  # its report would reach a closed dialog
        super().done(result)
