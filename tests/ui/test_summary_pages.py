"""The printed summary as an accountant reads it: whole rows on each page, whole header
words in both languages, and cancelled values said to be never charged (issue 12, item 5)."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtGui import QTextTable

from app.account_health.summary import summary
from app.order_actions.orders import ItemQuantity, cancel
from tests.benchmarks.bench_summary import fill
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from ui.printing.output import document_to_pdf, paginate
from ui.printing.summary_document import build_summary_document
from ui.translation import install_translators

ORDER_ID = re.compile(r"\b405-\d{7}-\d{7}\b")
# A reason code as the lines table writes it (the totals table puts it in brackets).
ROW_REASON = re.compile(r"(?<!\()\b(BuyerCanceled|PricingError|NoInventory|Undeliverable)\b(?!\))")


@pytest.fixture(params=["en", "fr"])
def language(request, qapp) -> Iterator[str]:
    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, "en")


def page_texts(path: Path, pages: int) -> list[str]:
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def test_no_order_row_is_split_across_a_page_break(db, tmp_path, language):
    fill(db, 120)  # rows of two to five lines: page breaks fall at many heights
    data = summary(db, start=date(2026, 10, 1), end=NOW.date(), now=NOW)
    out = tmp_path / "summary.pdf"
    pages = document_to_pdf(build_summary_document(data), out)
    assert pages > 3
    texts = page_texts(out, pages)
    not_charged = "non facturé" if language == "fr" else "not charged"
    seen = []
    for number, text in enumerate(texts, start=1):
        ids = ORDER_ID.findall(text)
        seen += ids
        # Every line of a row sits on its order's page: its reason code (the last line of
        # the tallest cell), its time and its "not charged" come with its id, no more, no less.
        assert len(ROW_REASON.findall(text)) == len(ids), f"page {number} splits a row"
        assert len(re.findall(f"^{not_charged}$", text, re.M)) == len(ids), (
            f"page {number} splits a row"
        )
        assert len(re.findall(r"^12:00$", text, re.M)) == len(ids), f"page {number}"
    assert sorted(seen) == sorted(line.order_id for line in data.lines)
    # A continued table repeats its header on the next page.
    order = "Commande" if language == "fr" else "Order"
    assert all(text.lstrip().startswith(order) for text in texts[1:-1])


def test_pages_are_cut_between_rows_and_lines_only(db):
    fill(db, 60)
    document = build_summary_document(summary(db, start=date(2026, 10, 1), now=NOW))
    cuts = paginate(document, 680, 900)
    table = next(f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable))
    layout = document.documentLayout()
    rows = []
    for row in range(table.rows()):
        blocks = [table.cellAt(row, c).firstCursorPosition().block() for c in range(7)]
        blocks += [table.cellAt(row, c).lastCursorPosition().block() for c in range(7)]
        rects = [layout.blockBoundingRect(block) for block in blocks]
        rows.append((min(r.top() for r in rects), max(r.bottom() for r in rects)))
    assert len(cuts) > 1
    for cut in cuts[:-1]:
        assert cut.bottom - cut.top <= 900
        assert not [r for r in rows if r[0] < cut.bottom < r[1]], "a page cuts through a row"


def header_words_broken(document) -> list[str]:
    """Header words laid out over more than one line ("Da/ns le tau/x")."""
    broken = []
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        for column in range(frame.columns()):
            block = frame.cellAt(0, column).firstCursorPosition().block()
            layout = block.layout()
            lines = [
                block.text()[line.textStart() : line.textStart() + line.textLength()]
                for line in (layout.lineAt(i) for i in range(layout.lineCount()))
            ]
            on_lines = [word for line in lines for word in line.split()]
            if on_lines != block.text().split():
                broken.append(f"{block.text()!r} laid out as {lines!r}")
    return broken


def test_no_header_word_is_broken_letter_by_letter(db, language):
    fill(db, 4)
    document = build_summary_document(summary(db, start=date(2026, 10, 1), now=NOW))
    for width in (680, 560):  # A4 portrait at 96 dpi, and a narrower printer page
        paginate(document, width, 900)
        assert not header_words_broken(document), language
    if language == "fr":
        assert "Dans le taux" in document.toPlainText()


def test_a_cancelled_value_is_not_charged_and_the_totals_add_up(db, language):
    add_order(db, OrderSpec(order_id="405-0000001-0000001"))
    add_order(
        db,
        OrderSpec(
            order_id="405-0000002-0000001",
            items=[ItemSpec(sku="A", quantity=2), ItemSpec(sku="B")],
        ),
    )
    cancel(db, "405-0000001-0000001", "NoInventory", at=NOW - timedelta(hours=5))
    cancel(
        db,
        "405-0000002-0000001",
        "NoInventory",
        items=[ItemQuantity("A", 1)],
        at=NOW - timedelta(hours=4),
    )
    data = summary(db, start=NOW.date(), now=NOW)
    assert sum(line.value for line in data.lines) == data.grand_total["EUR"] > Decimal("0")
    assert sum(total.amounts["EUR"] for total in data.totals) == data.grand_total["EUR"]
    document = build_summary_document(data)
    content = document.toPlainText()
    refunded, not_charged = (
        ("Rembours", "non facturé") if language == "fr" else ("Refund", "not charged")
    )
    assert content.count(not_charged) == 2 + 1  # each row, and the totals' column
    # No column sums money as refunded: the buyer never paid for cancelled items.
    assert not [line for line in content.splitlines() if refunded in line and "€" in line]
    tables = " ".join(frame_text(frame) for frame in document.rootFrame().childFrames())
    assert "€" in tables and refunded.lower() not in tables.lower()


def frame_text(frame) -> str:
    cursor = frame.firstCursorPosition()
    cursor.setPosition(frame.lastPosition(), cursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_the_command_line_prints_the_same_document_in_french(db, cli, tmp_path, qapp):
    fill(db, 40)
    out = tmp_path / "résumé.pdf"
    try:
        result = cli("summary", "--from", "2026-10-01", "--pdf", str(out), "--lang", "fr")
    finally:
        install_translators(qapp, "en")
    assert result.status == 0, result.err
    pages = int(re.search(r"Pages:\s+(\d+)", pdf_info(out)).group(1))
    texts = page_texts(out, pages)
    everything = "\n".join(texts)
    words = everything.split()  # the header's words: whole, never "Da" "ns" "tau" "x"
    assert {"Dans", "taux"} <= set(words) and not {"Da", "ns", "tau", "x"} & set(words)
    assert "non facturé" in everything and "Rembours" not in everything
    for text in texts:
        assert len(ROW_REASON.findall(text)) == len(ORDER_ID.findall(text))


def pdf_info(path: Path) -> str:
    return subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
