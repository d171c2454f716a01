"""Sending a QTextDocument to a paged device — PDF, printer, print preview — with page numbers.

The same painting serves the three outputs: the document is laid out on the
device's printable page (less a footer band) and each page is drawn with
"Page n of N" under it.

Building a document and writing a PDF need no widget: QTextDocument and
QPdfWriter are reentrant, so the window runs them on a worker thread, told the
pages done and asked whether to stop. A PDF is written under a temporary name
next to the target and moved into place only when complete, so a stopped or
failed save leaves no partial file. A printer and the preview stay on the GUI
thread (QPrinter and QPrintPreviewDialog need it).
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QObject, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextDocument,
    QTextTable,
)
from PySide6.QtWidgets import QApplication, QWidget

from app.account_health.summary import Summary
from app.storage import files

PDF_RESOLUTION = 300
LAYOUT_DPI = 96  # QTextDocument's own resolution when it has no paint device
MARGINS_MM = QMarginsF(15, 15, 15, 15)


class OutputStopped(Exception):
    """The seller stopped the output before its last page; nothing was kept."""


class PageFooter(QObject):
    """The footer's words, translated in this class's context."""

    def text(self, page: int, pages: int) -> str:
        return self.tr("Page {page} of {pages}").format(page=page, pages=pages)


@dataclass(frozen=True)
class Page:
    """One page: the document from ``top`` to ``bottom``, under a repeated table header."""

    top: float
    bottom: float
    header: tuple[float, float] | None = None  # the header row's span, drawn first


def _span(layout: QAbstractTextDocumentLayout, first: QTextBlock, last: QTextBlock) -> QRectF:
    rect = QRectF()
    block = first
    while block.isValid():
        rect = rect.united(layout.blockBoundingRect(block))
        if block == last:
            break
        block = block.next()
    return rect


@dataclass
class _Table:
    rows: list[tuple[float, float]]  # each row's top and bottom
    header_rows: int


def _tables(document: QTextDocument) -> list[_Table]:
    layout = document.documentLayout()
    tables = []
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.rows() == 0:
            continue
        rows = []
        for row in range(frame.rows()):
            rect = QRectF()
            for column in range(frame.columns()):
                cell = frame.cellAt(row, column)
                rect = rect.united(
                    _span(
                        layout,
                        cell.firstCursorPosition().block(),
                        cell.lastCursorPosition().block(),
                    )
                )
            rows.append((rect.top(), rect.bottom()))
        # A page may end half-way between two rows' texts (in their padding and border).
        spans = [
            (top if i == 0 else (rows[i - 1][1] + top) / 2, bottom)
            for i, (top, bottom) in enumerate(rows)
        ]
        tables.append(_Table(spans, frame.format().headerRowCount()))
    return tables


def _text_lines(document: QTextDocument) -> list[tuple[float, float]]:
    """Every line of text outside tables: a page never cuts through one."""
    layout = document.documentLayout()
    found = []
    block = document.begin()
    while block.isValid():
        if block.layout() is not None and not isinstance(
            document.frameAt(block.position()), QTextTable
        ):
            top = layout.blockBoundingRect(block).top()
            for index in range(block.layout().lineCount()):
                line = block.layout().lineAt(index).rect()
                found.append((top + line.top(), top + line.bottom()))
        block = block.next()
    return found


def paginate(document: QTextDocument, width: float, height: float) -> list[Page]:
    """Cut ``document``, laid out ``width`` wide, into pages ``height`` high.

    A page ends between two table rows or two lines of text, never inside one:
    an order's row is whole on one page (Qt's own paging splits a tall row). A
    table that runs on repeats its header rows at the top of the next page.
    """
    document.setTextWidth(width)  # one long page: the cuts are chosen here
    tables = _tables(document)
    whole = sorted(
        _text_lines(document)
        + [row for table in tables for row in table.rows[table.header_rows :]]
        + [
            (table.rows[0][0], table.rows[table.header_rows][1])  # a header never ends a page
            for table in tables
            if table.header_rows and len(table.rows) > table.header_rows
        ]
    )
    end = document.size().height()
    pages: list[Page] = []
    top, header = 0.0, None
    while top < end - 0.5:
        room = height - (header[1] - header[0] if header else 0.0)
        bottom = min(top + room, end)
        if bottom < end:
            for first, last in whole:  # sorted by top: the first one cut moves the cut up
                if first < bottom < last and first > top + 0.5:
                    bottom = first
                    break
        pages.append(Page(top, bottom, header))
        header = None
        for table in tables:
            body = table.rows[table.header_rows :]
            if table.header_rows and body and body[0][0] < bottom < body[-1][1] - 0.5:
                header = (table.rows[0][0], table.rows[table.header_rows - 1][1])
        top = bottom
    return pages or [Page(0.0, end)]


def paint_document(
    document: QTextDocument,
    device: QPagedPaintDevice,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Draw ``document`` on ``device`` page by page with page numbers; returns the page count.

    The document is laid out at screen resolution and the painter scaled to the
    device's, as ``QTextDocument.print`` does: laying a long table out at 300 dpi
    or more is several times slower and looks the same. The pages are cut by
    :func:`paginate`. ``progress(pages done, pages)`` is told after each page;
    ``cancelled()`` answering True before a page raises :class:`OutputStopped`
    (the pages drawn so far are the caller's to throw away).
    """
    page_rect = device.pageLayout().paintRectPixels(device.resolution())
    copy = document.clone()
    scale = device.resolution() / LAYOUT_DPI
    footer_height = LAYOUT_DPI * 0.35  # about 9 mm
    body = QSizeF(page_rect.width() / scale, page_rect.height() / scale - footer_height)
    cuts = paginate(copy, body.width(), body.height())
    pages = len(cuts)
    footer = PageFooter()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the page device could not be opened for drawing")
    try:
        painter.scale(scale, scale)
        font = QFont(copy.defaultFont())
        font.setPixelSize(round(font.pointSizeF() * LAYOUT_DPI / 72))  # in the scaled units
        if progress is not None:
            progress(0, pages)
        for page, cut in enumerate(cuts):
            if cancelled is not None and cancelled():
                raise OutputStopped
            if page:
                device.newPage()
            offset = 0.0
            if cut.header is not None:
                offset = _draw_slice(painter, copy, body.width(), *cut.header, 0.0)
            _draw_slice(painter, copy, body.width(), cut.top, cut.bottom, offset)
            painter.setFont(font)
            painter.drawText(
                QRectF(0, body.height(), body.width(), footer_height),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                footer.text(page + 1, pages),
            )
            if progress is not None:
                progress(page + 1, pages)
    finally:
        painter.end()
    return pages


def _draw_slice(
    painter: QPainter, document: QTextDocument, width: float, top: float, bottom: float, at: float
) -> float:
    """Draw the document from ``top`` to ``bottom`` at height ``at`` of the page; its height."""
    painter.save()
    painter.translate(0, at - top)
    # A hair inside the slice: a line touching its edge belongs to the next or last slice.
    document.drawContents(painter, QRectF(0, top + 0.01, width, bottom - top - 0.02))
    painter.restore()
    return bottom - top


@contextlib.contextmanager
def busy_cursor() -> Iterator[None]:
    """The wait cursor over the whole application while work holds the GUI thread."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def ensure_gui_application() -> QGuiApplication:
    """The running Qt application, or a new one (a QApplication, so widgets can follow)."""
    app = QCoreApplication.instance()
    if app is None:
        app = QApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def document_to_pdf(
    document: QTextDocument,
    path: Path,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``document`` to ``path`` as PDF; returns the page count.

    The pages go to a temporary file in the same folder, moved onto ``path``
    once the last page is written: stopped (OutputStopped) or failed, no file
    is left behind and an earlier file at ``path`` is untouched.
    """
    path = files.check_target(path)  # a folder, symlink or device is refused, never replaced
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    partial.open("xb").close()  # a folder that cannot be written says so here (OSError)
    try:
        pages = _write_pdf(document, partial, progress, cancelled)
        files.move_into_place(partial, path)  # an existing file keeps its permissions
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return pages


def _write_pdf(
    document: QTextDocument,
    path: Path,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> int:
    """The PDF itself; the writer is gone (its file closed) when this returns."""
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
    return paint_document(document, writer, progress, cancelled)


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
    with busy_cursor():
        paint_document(document, printer)
    return True


def preview_document(document: QTextDocument, parent: QWidget | None = None) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)

    def paint(target: QPrinter) -> None:
        with busy_cursor():
            paint_document(document, target)

    dialog.paintRequested.connect(paint)
    dialog.exec()
