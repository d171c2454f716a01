"""Issue 12 item 4: at 1366×768 (a window of 1366×740 under the desktop's panel) the order
list shows order id, status, ship-by (with its warning), buyer, total and the buyer's
cancellation request flag whole, without scrolling, in English and in French."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontMetrics

from app import clock
from app.demo import fill_demo
from app.order_views.order_list import Column
from ui.main_window import FIRST_COLUMNS, MainWindow
from ui.translation import install_translators


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_first_columns_are_whole_and_in_sight_at_1366_px(db, qtbot, language):
    fill_demo(db, orders=80, seed=5, now=clock.now() - timedelta(hours=1))
    app = QCoreApplication.instance()
    install_translators(app, language)
    try:
        win = MainWindow(db)
        qtbot.addWidget(win)
        win.resize(1366, 740)
        win.show()
        qtbot.waitUntil(lambda: bool(win._counts))
        # The filter names are whole once the counts are in (the splitter settles then).
        # The filter names are whole once the counts are in (the splitter settles then).
        qtbot.waitUntil(lambda: win.filters.width() >= win.filters.sizeHint().width())
        header = win.table.horizontalHeader()
        viewport = win.table.viewport().width()
        bold = QFont(win.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column in FIRST_COLUMNS:
            title = win.model.column_title(Column(column))
            right = header.sectionViewportPosition(column) + header.sectionSize(column)
            assert right <= viewport, f"{title} ends at {right}, the list is {viewport} wide"
            cells = [win.model.index(row, column).data() for row in range(win.model.rowCount())]
            font_metrics = metrics if column == Column.SHIP_BY else win.table.fontMetrics()
            widest = max(font_metrics.horizontalAdvance(cell) for cell in cells)
            assert header.sectionSize(column) >= widest + 8, f"{title}: {widest} px of text"
            assert header.sectionSize(column) >= header.sectionSizeHint(column), title
        assert any("⚠" in cell for cell in cells_of(win, Column.SHIP_BY))
        assert Column.BUYER_REQUESTED in FIRST_COLUMNS
        assert {"⚑", "✉"} <= set(cells_of(win, Column.BUYER_REQUESTED))  # both marks in sight
        assert win.details.width() < 400  # the details pane gave way
        win.shutdown()
    finally:
        install_translators(app, "en")


def cells_of(win, column):
    return [win.model.index(row, column).data() for row in range(win.model.rowCount())]
