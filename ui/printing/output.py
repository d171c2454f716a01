"""Sending a QTextDocument to a paged device — PDF, printer, print preview — with page numbers.

The same painting serves the three outputs: the document is laid out on the
device's printable page (less a footer band) and each page is drawn with
"Page n of N" under it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QWidget

from app.summary import Summary

PDF_RESOLUTION = 300
LAYOUT_DPI = 96  # QTextDocument's own resolution when it has no paint device
MARGINS_MM = QMarginsF(15, 15, 15, 15)


class PageFooter(QObject):
    """The footer's words, translated in this class's context."""

    def text(self, page: int, pages: int) -> str:
        return self.tr("Page {page} of {pages}").format(page=page, pages=pages)


def paint_document(document: QTextDocument, device: QPagedPaintDevice) -> int:
    """Draw ``document`` on ``device`` page by page with page numbers; returns the page count.

    The document is laid out at screen resolution and the painter scaled to the
    device's, as ``QTextDocument.print`` does: laying a long table out at 300 dpi
    or more is several times slower and looks the same.
    """
    page_rect = device.pageLayout().paintRectPixels(device.resolution())
    copy = document.clone()
    scale = device.resolution() / LAYOUT_DPI
    footer_height = LAYOUT_DPI * 0.35  # about 9 mm
    body = QSizeF(page_rect.width() / scale, page_rect.height() / scale - footer_height)
    copy.setPageSize(body)
    pages = copy.pageCount()
    footer = PageFooter()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page device could not be opened for drawing")
    try:
        painter.scale(scale, scale)
        font = QFont(copy.defaultFont())
        font.setPixelSize(round(font.pointSizeF() * LAYOUT_DPI / 72))  # in the scaled units
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            copy.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            painter.setFont(font)
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer_height),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                footer.text(page + 1, pages),
            )
    finally:
        painter.end()
    return pages


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new one (a QApplication, so widgets can follow)."""
    app = QCoreApplication.instance()
    if app is None:
        app = QApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def document_to_pdf(document: QTextDocument, path: Path) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    title = document.metaInformation(QTextDocument.MetaInformation.DocumentTitle)
    writer.setTitle(title)
    writer.setCreator("SellerDesk")
    return paint_document(document, writer)


def summary_to_pdf(summary: Summary, path: Path, language: str | None = None) -> int:
    """The command line's way in: a Qt application if none, translations, the PDF."""
    app = ensure_gui_application()
    from ui.printing.summary_document import build_summary_document
    from ui.translation import install_translators

    install_translators(app, language)
    return document_to_pdf(build_summary_document(summary), path)


def print_document(document: QTextDocument, parent: QWidget | None = None) -> bool:
    """Ask for a printer and print; False when the seller cancels."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_document(document, printer)
    return True


def preview_document(document: QTextDocument, parent: QWidget | None = None) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda target: paint_document(document, target))
    dialog.exec()
