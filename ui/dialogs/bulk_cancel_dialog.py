"""Bulk cancel from an order cancellation file (S2): the plan per row, then apply.

The plan comes from :func:`app.marketplace_files.bulk_cancel.plan` (what each line will do, or
why it cannot, and what it does to the cancellation rate); applying calls
:func:`app.marketplace_files.bulk_cancel.apply` with the valid rows only, in one transaction.
Both run on a worker thread (a file of thousands of lines takes seconds) with
a progress window telling the lines done that can stop them: a stopped apply
cancels nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import SellerDeskError
from app.marketplace_files import bulk_cancel
from app.marketplace_files.bulk_cancel import BulkResult, CancellationPlan, PlannedRow
from app.order_actions.reasons import reason_label
from app.storage.db import Database
from ui.dialogs.feedback import ProblemLine
from ui.dialogs.working import Job
from ui.i18n import count, tr_text
from ui.reason_box import cancellation_reason_box
from ui.tasks import Task

Index = QModelIndex | QPersistentModelIndex
CTX = "BulkCancelDialog"
FIT_ALL_ROWS = 300  # up to this many lines every row is fitted to its text at once


class PlanModel(QAbstractTableModel):
    """One row per line of the file: line, order, reason, item, outcome or problem, rate."""

    LINE, ORDER, REASON, ITEM, OUTCOME, RATE = range(6)
    HEADERS = (
        QT_TRANSLATE_NOOP("BulkCancelDialog", "Line"),
        QT_TRANSLATE_NOOP("BulkCancelDialog", "Order"),
        QT_TRANSLATE_NOOP("BulkCancelDialog", "Reason"),
        QT_TRANSLATE_NOOP("BulkCancelDialog", "Item"),
        QT_TRANSLATE_NOOP("BulkCancelDialog", "What will happen / why not"),
        QT_TRANSLATE_NOOP("BulkCancelDialog", "Cancellation rate"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[PlannedRow] = []
        style = parent.style() if parent is not None else None
        self._warning = (
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning) if style else None
        )
        self._ok = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton) if style else None

    def set_plan(self, plan: CancellationPlan | None) -> None:
        self.beginResetModel()
        self._rows = list(plan.rows) if plan is not None else []
        self.endResetModel()

    def row_at(self, row: int) -> PlannedRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def _display(self, planned: PlannedRow, column: int) -> str:
        tr = QCoreApplication.translate
        if column == self.LINE:
            return str(planned.line)
        if column == self.ORDER:
            return planned.order_id
        if column == self.REASON:  # the file's code, as its label ("Rupture de stock")
            return tr_text(reason_label(planned.reason)) if planned.reason else ""
        if column == self.ITEM:
            return planned.item_code or tr("BulkCancelDialog", "whole order")
        if column == self.OUTCOME:
            shown = planned.outcome if planned.valid else planned.problem
            return tr_text(shown) if shown is not None else ""
        if not planned.valid:
            return ""
        return (
            tr("BulkCancelDialog", "Counts")
            if planned.counts_in_rate
            else tr("BulkCancelDialog", "Does not count")
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        planned = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(planned, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.RATE and planned.rate_effect is not None:
                return tr_text(planned.rate_effect)
            return self._display(planned, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == self.OUTCOME:
            return self._ok if planned.valid else self._warning
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.HEADERS):
            return None
        return QCoreApplication.translate(CTX, self.HEADERS[section])


class BulkCancelDialog(QDialog):
    """Choose a cancellation file, read the plan, apply the valid rows or cancel."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.changes = Changes()  # what its action changed, once accepted
        self.setObjectName("bulk_cancel_dialog")
        self._db = db
        self.data: bytes | None = None
        self.path: Path | None = None
        self.plan: CancellationPlan | None = None
        self.outcome: BulkResult | None = None
        self.job = Job(self)
        self.setWindowTitle(self.tr("Cancel orders from a file"))
        self.resize(940, 560)

        intro = QLabel(
            self.tr(
                "Choose an order cancellation file (the Seller Central template, with or "
                "without its first line). SellerDesk shows what each line will do before "
                "anything is cancelled; the buyers are notified by e-mail once you apply."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.choose = QPushButton(self.tr("&Choose file…"), self)
        self.choose.setObjectName("choose")
        self.choose.clicked.connect(self.choose_file)
        self.file_label = QLabel(self.tr("No file chosen."), self)
        self.file_label.setObjectName("file_label")
        chooser = QHBoxLayout()
        chooser.addWidget(self.choose)
        chooser.addWidget(self.file_label, 1)
        # Rows other tools write with the order id alone need a reason from the seller.
        self.default_reason = cancellation_reason_box(self)
        self.default_reason.setObjectName("default_reason")
        self.default_reason.insertItem(0, self.tr("none: refuse those rows"), None)
        self.default_reason.insertSeparator(1)
        self.default_reason.setCurrentIndex(0)
        self.default_reason.currentIndexChanged.connect(self._default_reason_changed)
        reason_label = QLabel(self.tr("&Reason for rows without one:"), self)
        reason_label.setBuddy(self.default_reason)
        reason_row = QHBoxLayout()
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.default_reason)
        reason_row.addStretch(1)

        self.model = PlanModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("plan")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self._fitted: set[int] = set()
        self.table.verticalScrollBar().valueChanged.connect(self._fit_visible_rows)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        for column in range(len(PlanModel.HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PlanModel.OUTCOME, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(200)  # columns sized from 200 rows, not a whole file

        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.rate = QLabel(self)
        self.rate.setObjectName("rate")
        self.rate.setWordWrap(True)
        self.problem = ProblemLine(self)
        self.result_line = QLabel(self)
        self.result_line.setObjectName("result")
        self.result_line.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.apply_button = QPushButton(self.tr("&Apply all valid rows"), self)
        self.apply_button.setObjectName("apply")
        self.apply_button.setEnabled(False)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.clicked.connect(self.apply_valid)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(chooser)
        layout.addLayout(reason_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.rate)
        layout.addWidget(self.problem)
        layout.addWidget(self.result_line)
        layout.addWidget(self.buttons)

    def choose_open_path(self) -> str | None:
        """The file chooser; tests replace it."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose an order cancellation file"),
            "",
            self.tr("Tab-separated text (*.txt *.tsv *.csv);;All files (*)"),
        )
        return path or None

    def choose_file(self) -> None:
        path = self.choose_open_path()
        if path is not None:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> Task:
        """Read the file and work out the plan on a worker, then show it; nothing is changed."""
        self.path = path
        self.outcome = None
        self.data = None
        self.plan = None
        self.result_line.clear()
        self.problem.clear()
        self.file_label.setText(str(path))
        self.show_plan()
        db = self._db

        reason = self.chosen_default_reason()

        def work(task: Task) -> tuple[bytes, CancellationPlan]:
            data = bulk_cancel.read_file(path)
            return data, bulk_cancel.plan(
                db, data, progress=task.report, cancelled=task.cancelled, default_reason=reason
            )

        return self._start(
            work,
            self._planned,
            self.tr("Checking {path}…").format(path=path.name),
            self.tr("Lines checked: {done} of {total}"),
        )

    def chosen_default_reason(self) -> str | None:
        """The reason the seller gave for rows without one, or None (they are refused)."""
        code = self.default_reason.currentData()
        return str(code) if code else None

    def _default_reason_changed(self) -> None:
        """Check the file again: rows without a reason now take (or lose) the chosen one."""
        if self.path is not None and not self.job.busy and self.outcome is None:
            self.load_file(self.path)

    def _start(
        self,
        work: Callable[[Task], Any],
        done: Callable[[Any], None],
        label: str,
        counted: str,
    ) -> Task:
        def describe(done_lines: int, total: int) -> str:
            return counted.format(done=count(done_lines), total=count(total)) if total else label

        task = self.job.start(
            work,
            done,
            self._failed,
            title=self.windowTitle(),
            label=label,
            describe=describe,
            stop_text=self.tr("Stop"),
        )
        self._enable_buttons()
        return task

    def _enable_buttons(self) -> None:
        busy = self.job.busy
        self.choose.setEnabled(not busy)
        can_apply = self.plan is not None and bool(self.plan.valid_rows) and self.outcome is None
        self.apply_button.setEnabled(can_apply and not busy)

    def _planned(self, outcome: tuple[bytes, CancellationPlan]) -> None:
        self.data, self.plan = outcome
        self.show_plan()
        self._enable_buttons()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, SellerDeskError):
            self.problem.say_error(error)
        else:
            self.problem.say(
                self.tr(
                    "SellerDesk hit an unexpected problem; nothing was cancelled ({error})."
                ).format(error=type(error).__name__)
            )
        self._enable_buttons()

    def show_plan(self) -> None:
        plan = self.plan
        self.model.set_plan(plan)
        self._fit_rows()
        if plan is None:
            self.summary.clear()
            self.rate.clear()
            self.apply_button.setEnabled(False)
            return
        valid, invalid = len(plan.valid_rows), len(plan.invalid_rows)
        self.summary.setText(
            self.tr(
                "%n line(s) can be applied; left out because they cannot: {invalid}. "
                "Cancellations counted in your cancellation rate: {counted}.",
                "",
                valid,
            ).format(invalid=invalid, counted=plan.counted)
        )
        summary = plan.rate_summary()
        if summary is not None and plan.rate_after is not None:
            warning = (
                self.tr(" Above the target: prefer asking buyers to request the cancellation.")
                if plan.rate_after.above_target and plan.counted
                else ""
            )
            self.rate.setText(tr_text(summary) + warning)
        self.apply_button.setText(
            self.tr("&Apply %n valid row(s)", "", valid)
            if invalid
            else self.tr("&Apply the %n row(s)", "", valid)
        )
        self.apply_button.setEnabled(valid > 0)

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text; in a long file only the rows in sight.

        Fitting 5,000 rows at once holds the window for a second; rows are
        fitted as they are scrolled into sight instead.
        """
        self._fitted.clear()
        if self.model.rowCount() <= FIT_ALL_ROWS:
            self.table.resizeRowsToContents()
            self._fitted.update(range(self.model.rowCount()))
        else:
            self._fit_visible_rows()

    def _fit_visible_rows(self) -> None:
        rows = self.model.rowCount()
        first = self.table.rowAt(0)
        if first < 0 or len(self._fitted) >= rows:
            return
        height = self.table.viewport().height()
        last = self.table.rowAt(height - 1)
        last = rows - 1 if last < 0 else last
        for row in range(first, min(last + 20, rows - 1) + 1):  # and a few more below
            if row not in self._fitted:
                self.table.resizeRowToContents(row)
                self._fitted.add(row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_visible_rows()

    def apply_valid(self) -> Task | None:
        """Apply the valid rows on a worker; stopped, the one transaction cancels nothing."""
        if self.data is None or self.plan is None or self.job.busy:
            return None
        db, data = self._db, self.data
        file_name = self.path.name if self.path else ""
        reason = self.chosen_default_reason()
        self.problem.clear()

        def work(task: Task) -> BulkResult:
            return bulk_cancel.apply(
                db,
                data,
                skip_invalid=True,
                file_name=file_name,
                progress=task.report,
                cancelled=task.cancelled,
                default_reason=reason,
            )

        return self._start(
            work,
            self._applied,
            self.tr("Cancelling the orders of %n line(s)…", "", len(self.plan.valid_rows)),
            self.tr("Lines done: {done} of {total}"),
        )

    def _applied(self, outcome: BulkResult) -> None:
        self.outcome = outcome
        self.changes = outcome.changes
        self.problem.clear()
        self.summary.clear()
        self.result_line.setText(tr_text(self.outcome.message))
        self.apply_button.setEnabled(False)
        self.close_button.setText(self.tr("Close"))
        self.plan = self.outcome.plan
        self.model.set_plan(self.plan)
        self._enable_buttons()

    def done(self, result: int) -> None:
        """Closing stops a check or an apply still running; a stopped apply cancels nothing."""
        self.job.stop()
        super().done(result)
