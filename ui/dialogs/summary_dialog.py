"""Choose a period (or take the selected orders) and print, preview or save the summary as PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale
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
from app.db import Database
from app.errors import SellerDeskError
from app.summary import Summary, summary
from ui.i18n import tr_text
from ui.printing.output import document_to_pdf, preview_document, print_document
from ui.printing.summary_document import build_summary_document


class SummaryDialog(QDialog):
    def __init__(
        self, db: Database, order_ids: list[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._order_ids = list(order_ids) if order_ids else None
        self._summary: Summary | None = None

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
        self.translate_ui()
        self.reload()

    def translate_ui(self) -> None:
        self.setWindowTitle(self.tr("Cancellation summary"))
        self.form_labels[0].setText(self.tr("From"))
        self.form_labels[1].setText(self.tr("To (included)"))
        self.preview_button.setText(self.tr("Print preview…"))
        self.print_button.setText(self.tr("Print…"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
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

    def reload(self) -> None:
        start, end = self.period()
        try:
            self._summary = summary(self._db, start=start, end=end, order_ids=self._order_ids)
        except SellerDeskError as error:
            self._summary = None
            self.overview_label.setText(tr_text(error.message))
        else:
            data = self._summary
            self.overview_label.setText(
                self.tr(
                    "{count} cancellation(s), {counted} counted in the rate. "
                    "7-day cancellation rate at the end of the period: {rate} %."
                ).format(
                    count=len(data.lines),
                    counted=data.counted,
                    rate=QLocale().toString(float(data.rate_after.percent), "f", 2),
                )
            )
        for button in (self.preview_button, self.print_button, self.pdf_button):
            button.setEnabled(self._summary is not None)

    @property
    def current_summary(self) -> Summary | None:
        return self._summary

    def preview(self) -> None:
        if self._summary is not None:
            preview_document(build_summary_document(self._summary), self)

    def print_summary(self) -> None:
        if self._summary is not None:
            print_document(build_summary_document(self._summary), self)

    def save_pdf(self, path: Path) -> int:
        """Write the summary to ``path``; returns the number of pages."""
        assert self._summary is not None
        return document_to_pdf(build_summary_document(self._summary), path)

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
        path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        try:
            pages = self.save_pdf(path)
        except OSError as error:
            self.overview_label.setText(
                self.tr("Could not write {path}: {error}").format(path=path, error=error)
            )
            return
        self.overview_label.setText(
            self.tr("Saved {path} ({pages} page(s)).").format(path=path, pages=pages)
        )
