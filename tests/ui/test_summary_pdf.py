"""The summary document: the same builder for PDF, with ids, reasons, totals and page numbers."""

from __future__ import annotations

import shutil
import subprocess
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QTimer
from PySide6.QtWidgets import QPushButton

from app.account_health.summary import summary
from app.order_actions.orders import cancel
from tests.benchmarks.bench_summary import fill
from tests.factories import NOW, OrderSpec, add_order
from tests.ui.by_hand import click
from ui.dialogs import summary_dialog
from ui.dialogs.summary_dialog import SummaryDialog
from ui.printing.output import document_to_pdf
from ui.printing.summary_document import build_summary_document


@pytest.fixture
def shop(db):
    add_order(db, OrderSpec(order_id="405-0000001-0000001", buyer_requested_cancel=True))
    add_order(db, OrderSpec(order_id="405-0000002-0000001"))
    add_order(db, OrderSpec(order_id="405-0000003-0000001"))
    cancel(db, "405-0000001-0000001", "BuyerCanceled", at=NOW - timedelta(hours=5))
    cancel(db, "405-0000002-0000001", "PricingError", at=NOW - timedelta(hours=4))
    return db


def test_document_text_holds_ids_reasons_totals_and_the_closing_rate(shop):
    data = summary(shop, order_ids=["405-0000001-0000001", "405-0000002-0000001"], now=NOW)
    document = build_summary_document(data)
    content = document.toPlainText()
    for expected in ("405-0000001-0000001", "405-0000002-0000001", "BuyerCanceled"):
        assert expected in content
    assert "PricingError" in content and "Pricing error" in content
    assert "Totals by reason" in content
    assert "46.20" in content.replace(",", ".")  # two orders of 23.10
    last = content.strip().splitlines()[-2]
    assert last.startswith("7-day cancellation rate at the end of the period")
    assert "33.33" in last.replace(",", ".")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where the PDF goes, apart from the test's database."""
    path = tmp_path / "pdf"
    path.mkdir()
    return path


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_fonts(path: Path) -> list[str]:
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    return sorted(line.split()[0] for line in listing.stdout.splitlines()[2:])


def test_dialog_saves_a_paged_pdf(qtbot, shop, folder):
    dialog = SummaryDialog(shop, ["405-0000001-0000001", "405-0000002-0000001"])
    qtbot.addWidget(dialog)
    dialog.loading.wait()
    assert "2 cancellations;" in dialog.overview_label.text()
    out = folder / "s.pdf"
    dialog.save_pdf(out)
    dialog.writing.wait()
    assert dialog.saved_pages == 1
    assert "(1 page)" in dialog.overview_label.text()
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["s.pdf"]  # no temporary file left
    if shutil.which("pdftotext"):
        text = pdf_text(out)
        assert "405-0000002-0000001" in text and "Page 1 of 1" in text


@pytest.fixture
def busy_shop(db, frozen_now):
    fill(db, 120)  # 120 cancellations over the 30 days before NOW: several pages
    return db


def period_dialog(qtbot, db) -> SummaryDialog:
    dialog = SummaryDialog(db)
    qtbot.addWidget(dialog)
    dialog.from_edit.setDate(QDate(2026, 10, 1))
    dialog.loading.wait()
    assert "120 cancellations;" in dialog.overview_label.text()
    return dialog


class HeldPdf:
    """``document_to_pdf`` as the dialog calls it, held after its first page until released."""

    def __init__(self, monkeypatch) -> None:
        self.thread: int | None = None
        self.release = threading.Event()
        monkeypatch.setattr(summary_dialog, "document_to_pdf", self)

    def __call__(self, document, path, progress, cancelled) -> int:
        self.thread = threading.get_ident()

        def told(done: int, total: int) -> None:
            progress(done, total)
            if done == 1:
                assert self.release.wait(10), "the test never released the PDF"

        return document_to_pdf(document, path, told, cancelled)


def test_a_long_pdf_is_written_off_the_gui_thread_with_pages_told(
    qtbot, busy_shop, folder, monkeypatch
):
    dialog = period_dialog(qtbot, busy_shop)
    dialog.show()
    held = HeldPdf(monkeypatch)
    out = folder / "summary.pdf"
    dialog.writing.minimum_duration = 0
    task = dialog.save_pdf(out)
    told: list[tuple[int, int]] = []
    task.signals.progress.connect(lambda done, total: told.append((done, total)))
    progress = dialog.writing.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.labelText().startswith("Pages written: 1 of "))
    # The PDF waits on its worker; the window still runs its timers and shows the progress.
    assert held.thread is not None and held.thread != threading.get_ident()
    assert progress.isVisible() and not dialog.pdf_button.isEnabled()
    ticked: list[bool] = []
    QTimer.singleShot(0, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked))
    held.release.set()
    dialog.writing.wait()
    pages = dialog.saved_pages
    assert pages is not None and pages > 2
    assert told[-1] == (pages, pages)
    assert f"({pages} pages)" in dialog.overview_label.text()
    assert dialog.writing.progress is None and dialog.pdf_button.isEnabled()
    if shutil.which("pdftotext") and shutil.which("pdffonts"):
        # The same document as one written on the GUI thread: text, pages, fonts.
        data = summary(busy_shop, start=date(2026, 10, 1), end=NOW.date())
        before = folder / "gui-thread.pdf"
        assert document_to_pdf(build_summary_document(data), before) == pages
        assert pdf_text(out) == pdf_text(before)
        assert f"Page {pages} of {pages}" in pdf_text(out)
        assert pdf_fonts(out) == pdf_fonts(before) and pdf_fonts(out)


def test_stopping_a_pdf_half_way_leaves_no_file(qtbot, busy_shop, folder, monkeypatch):
    dialog = period_dialog(qtbot, busy_shop)
    dialog.show()
    held = HeldPdf(monkeypatch)
    out = folder / "summary.pdf"
    dialog.writing.minimum_duration = 0
    dialog.save_pdf(out)
    progress = dialog.writing.progress
    assert progress is not None
    qtbot.waitUntil(lambda: progress.labelText().startswith("Pages written: 1 of "))
    assert list(folder.glob(".summary.pdf.*.part"))  # the pages go to a temporary file
    stop = progress.findChild(QPushButton)
    assert stop.text() == "Stop"
    click(qtbot, stop)
    held.release.set()
    dialog.writing.wait()
    assert dialog.overview_label.text() == "Stopped: no PDF was saved."
    assert dialog.saved_pages is None
    assert list(folder.iterdir()) == []  # neither the PDF nor its temporary file
    assert dialog.pdf_button.isEnabled()


def test_a_stopped_save_keeps_an_earlier_file_untouched(qtbot, busy_shop, folder, monkeypatch):
    dialog = period_dialog(qtbot, busy_shop)
    out = folder / "summary.pdf"
    out.write_bytes(b"%PDF earlier")
    monkeypatch.setattr(
        summary_dialog,
        "document_to_pdf",
        lambda document, path, progress, cancelled: document_to_pdf(
            document, path, progress, lambda: True
        ),
    )
    dialog.save_pdf(out)
    dialog.writing.wait()
    assert out.read_bytes() == b"%PDF earlier"
    assert [p.name for p in folder.iterdir()] == ["summary.pdf"]


def test_a_folder_that_cannot_be_written_is_said_in_one_line(qtbot, shop, tmp_path):
    dialog = SummaryDialog(shop, ["405-0000001-0000001"])
    qtbot.addWidget(dialog)
    dialog.loading.wait()
    out = tmp_path / "no" / "such" / "s.pdf"
    dialog.save_pdf(out)
    dialog.writing.wait()
    assert dialog.overview_label.text().startswith(f"Could not write {out}: ")
    assert not out.parent.exists()


def test_a_new_period_replaces_a_read_still_running(qtbot, busy_shop):
    dialog = SummaryDialog(busy_shop)
    qtbot.addWidget(dialog)
    dialog.from_edit.setDate(QDate(2026, 10, 1))
    dialog.to_edit.setDate(QDate(2026, 11, 10))
    assert dialog.overview_label.text() == "Reading the cancellations…"
    assert not dialog.pdf_button.isEnabled()
    dialog.loading.wait()
    data = summary(busy_shop, start=date(2026, 10, 1), end=date(2026, 11, 10))
    assert f"{len(data.lines)} cancellations" in dialog.overview_label.text()
    assert len(data.lines) < 120 and dialog.pdf_button.isEnabled()


def test_french_locale_writes_euro_amounts_the_french_way(shop):
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        data = summary(shop, order_ids=["405-0000002-0000001"], now=NOW)
        content = build_summary_document(data).toPlainText()
    finally:
        QLocale.setDefault(previous)
    assert "23,10\u00a0€" in content or "23,10 €" in content
