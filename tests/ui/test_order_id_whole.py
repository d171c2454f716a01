"""Issue 12, layout: an order id is never broken over two lines in the details pane."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTextBrowser

from app.order_details import order_details
from tests.factories import OrderSpec, add_order
from ui.details_pane import NARROWEST, DetailsPane
from ui.translation import install_translators

ORDER_ID = "405-8794179-8794179"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_heading_keeps_the_order_id_on_one_line_in_the_narrowest_pane(
    db, qtbot, qapp, language
):
    add_order(db, OrderSpec(order_id=ORDER_ID))
    install_translators(qapp, language)
    try:
        pane = DetailsPane()
        qtbot.addWidget(pane)
        pane.resize(NARROWEST, 700)
        pane.show()
        pane.show_order(order_details(db, ORDER_ID), [])
        browser = pane.findChild(QTextBrowser, "details_text")
        document = browser.document()
        document.setTextWidth(browser.viewport().width())
        block = document.findBlock(document.toPlainText().index(ORDER_ID))
        assert block.text() == ORDER_ID
        assert block.layout().lineCount() == 1, "the order id is broken over two lines"
        line = block.layout().lineAt(0)
        assert line.naturalTextWidth() <= document.textWidth() - 2 * document.documentMargin()
        assert browser.horizontalScrollBar().maximum() == 0, "the order id is cut"
    finally:
        install_translators(qapp, "en")
