"""The summary document: the same builder for PDF, with ids, reasons, totals and page numbers."""

from __future__ import annotations

import shutil
import subprocess
from datetime import timedelta

import pytest
from PySide6.QtCore import QLocale

from app.orders import cancel
from app.summary import summary
from tests.factories import NOW, OrderSpec, add_order
from ui.dialogs.summary_dialog import SummaryDialog
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


def test_dialog_saves_a_paged_pdf(qtbot, shop, tmp_path):
    dialog = SummaryDialog(shop, ["405-0000001-0000001", "405-0000002-0000001"])
    qtbot.addWidget(dialog)
    assert "2 cancellation(s)" in dialog.overview_label.text()
    out = tmp_path / "s.pdf"
    assert dialog.save_pdf(out) == 1
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "405-0000002-0000001" in text and "Page 1 of 1" in text


def test_french_locale_writes_euro_amounts_the_french_way(shop):
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        data = summary(shop, order_ids=["405-0000002-0000001"], now=NOW)
        content = build_summary_document(data).toPlainText()
    finally:
        QLocale.setDefault(previous)
    assert "23,10\u00a0€" in content or "23,10 €" in content
