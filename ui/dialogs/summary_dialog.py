"""Choose a period (or take the selected orders) and print, preview or save the summary as PDF.

The summary's data is read on a worker thread whenever the period changes, and
a PDF is laid out and written on one too, with a progress window telling the
pages written that can stop it (no file is then left). A printer and the print
preview need the GUI thread: they show the wait cursor meanwhile.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.account_health.summary import Summary, summary
from app.errors import SellerDeskError
from app.storage.db import Database
from ui.dialogs.room import make_room
from ui.dialogs.working import Job
from ui.i18n import count, number, tr_text
from ui.printing.output import (
    OutputStopped,
    busy_cursor,
    document_to_pdf,
    preview_document,
    print_document,
)
from ui.printing.summary_document import build_summary_document
from ui.tasks import Task


class SummaryDialog(QDialog):
    told = Signal(str)  # a sentence for the window's status bar (the PDF saved)

    def __init__(
        self, db: Database, order_ids: list[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._order_ids = list(order_ids) if order_ids else None
        self._summary: Summary | None = None
        self.loading = Job(self)  # the summary's data for the chosen period
        self.writing = Job(self)  # a PDF being written
        self.saved_pages: int | None = None

        today = clock.now().date()
        self.from_edit = QDateEdit(QDate(today.year, today.month, 1))
        self.to_edit = QDateEdit(QDate(today))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.dateChanged.connect(self.reload)
        self.orders_label = QLabel()
        self.orders_label.setWordWrap(True)
        self.overview_label = QLabel()
        self.overview_label.setWordWrap(True)

        self.preview_button = QPushButton()
        self.print_button = QPushButton()
        self.pdf_button = QPushButton()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(self.ask_and_save_pdf)

        self.form_labels = [QLabel(), QLabel()]
        self.form = QFormLayout()
        self.form.addRow(self.form_labels[0], self.from_edit)
        self.form.addRow(self.form_labels[1], self.to_edit)
        self.form_labels[0].setBuddy(self.from_edit)
        self.form_labels[1].setBuddy(self.to_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.orders_label)
        layout.addLayout(self.form)
        layout.addWidget(self.overview_label)
        layout.addWidget(buttons)
        self.orders_label.setVisible(bool(self._order_ids))
        if self._order_ids:
            # The selected orders' cancellations, whatever their date.
            for edit in (self.from_edit, self.to_edit):
                edit.setEnabled(False)
        self.retranslate()
        # The figures arrive after it opened and take two lines or more: it grows to show
        # them instead of squashing the date fields (issue 12: every control whole).
        make_room(self, 420)
        self.reload()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Cancellation summary"))
        self.form_labels[0].setText(self.tr("&From"))
        self.form_labels[1].setText(self.tr("&To (included)"))
        self.preview_button.setText(self.tr("Print pre&view…"))
        self.print_button.setText(self.tr("&Print…"))
        self.pdf_button.setText(self.tr("Save as P&DF…"))
        if self._order_ids:
            self.orders_label.setText(
                self.tr("Cancellations of the selected orders: {orders}").format(
                    orders=", ".join(self._order_ids)
                )
            )

    def period(self) -> tuple[date | None, date | None]:
        if self._order_ids:
            return None, None
        return self.from_edit.date().toPython(), self.to_edit.date().toPython()

    def reload(self) -> Task:
        """Read the summary of the period on a worker; a newer period replaces an older read."""
        start, end = self.period()
        db, order_ids = self._db, self._order_ids
        self._summary = None
        self._enable_outputs()
        self.overview_label.setText(self.tr("Reading the cancellations…"))

        def work(_task: Task) -> Summary:
            return summary(db, start=start, end=end, order_ids=order_ids)

        return self.loading.start(work, self._loaded, self._not_loaded, show_progress=False)

    def _loaded(self, data: Summary) -> None:
        self._summary = data
        self.overview_label.setText(
            self.tr(
                "%n cancellation(s); counted in the rate: {counted}. "
                "7-day cancellation rate at the end of the period: {rate} %.",
                "",
                len(data.lines),
            ).format(
                counted=count(data.counted),
                rate=number(data.rate_after.percent),
            )
        )
        self._enable_outputs()

    def _not_loaded(self, error: BaseException) -> None:
        self._summary = None
        self.overview_label.setText(self._problem(error))
        self._enable_outputs()

    def _problem(self, error: BaseException) -> str:
        if isinstance(error, SellerDeskError):
            return tr_text(error.message)
        return self.tr("SellerDesk hit an unexpected problem ({error}).").format(
            error=type(error).__name__
        )

    def _enable_outputs(self) -> None:
        ready = self._summary is not None and not self.writing.busy
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(ready)

    @property
    def current_summary(self) -> Summary | None:
        return self._summary

    def preview(self) -> None:
        if self._summary is not None:
            with busy_cursor():
                document = build_summary_document(self._summary)
            preview_document(document, self)

    def print_summary(self) -> None:
        if self._summary is not None:
            with busy_cursor():
                document = build_summary_document(self._summary)
            print_document(document, self)

    def save_pdf(self, path: Path) -> Task:
        """Write the summary to ``path`` on a worker, pages told in a progress window.

        ``saved_pages`` holds the page count once written; stopped or failed,
        the overview says why and no file is left at ``path``.
        """
        assert self._summary is not None
        data = self._summary
        self.saved_pages = None

        def work(task: Task) -> int:
            task.report(0, 0)  # laying the pages out: their count is not known yet
            document = build_summary_document(data)  # made, used and dropped on this thread
            return document_to_pdf(document, path, task.report, task.cancelled)

        def describe(done: int, total: int) -> str:
            if not total:
                return self.tr("Laying out the pages…")
            return self.tr("Pages written: {done} of {total}").format(
                done=count(done), total=count(total)
            )

        task = self.writing.start(
            work,
            lambda pages: self._saved(path, pages),
            lambda error: self._not_saved(path, error),
            title=self.tr("Save the summary as PDF"),
            label=self.tr("Laying out the pages…"),
            describe=describe,
            stop_text=self.tr("Stop"),
        )
        self._enable_outputs()
        return task

    def _saved(self, path: Path, pages: Any) -> None:
        self.saved_pages = pages
        self.overview_label.setText(
            self.tr("Saved {path} (%n page(s)).", "", pages).format(path=path)
        )
        self.told.emit(self.overview_label.text())
        self._enable_outputs()

    def _not_saved(self, path: Path, error: BaseException) -> None:
        if isinstance(error, OutputStopped):
            message = self.tr("Stopped: no PDF was saved.")
        elif isinstance(error, OSError):
            message = self.tr("Could not write {path}: {error}").format(
                path=path, error=error.strerror or error
            )
        else:
            message = self._problem(error)
        self.overview_label.setText(message)
        self._enable_outputs()

    def done(self, result: int) -> None:
        """Closing stops a PDF being written (its file is not kept) and any read."""
        self.writing.stop()
        self.loading.stop()
        super().done(result)

    def ask_and_save_pdf(self) -> None:
        if self._summary is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the summary as PDF"),
            self.tr("cancellation-summary.pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if not name:
            return
        self.save_pdf(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))
