"""Issue 12, layout: a column layout or splitter saved by an older build, or in the other
language, never hides the list's first columns nor cuts a filter name, at 1366×768."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from app import clock
from app.demo import fill_demo
from app.order_views.order_list import Column
from ui.main_window import FIRST_COLUMNS, MainWindow
from ui.models.order_table_model import OrderTableModel
from ui.translation import install_translators


def older_build_layout(db) -> None:
    """What an older build saved: Status and Buyer hidden, columns moved, Total squashed,
    the request column as wide as its old title, and a narrow filter list."""
    table = QTableView()
    model = OrderTableModel(db)
    table.setModel(model)
    header: QHeaderView = table.horizontalHeader()
    header.setSectionsMovable(True)
    header.setSectionHidden(Column.STATUS, True)
    header.setSectionHidden(Column.BUYER, True)
    header.moveSection(header.visualIndex(Column.TOTAL), len(Column) - 1)
    header.moveSection(header.visualIndex(Column.ITEMS), 0)
    header.resizeSection(Column.TOTAL, 2)
    header.resizeSection(Column.BUYER_REQUESTED, 200)  # its old title, "Cancel request"
    settings = QSettings()
    settings.setValue("table/header", header.saveState())
    settings.sync()
    model.wait()


def filter_names_cut(win: MainWindow) -> list[str]:
    filters = win.filters
    cut = []
    for item in [filters.health_item, *filters._items.values()]:
        font = QFont(item.font(0))
        # The name's own column, less the text margins the style draws on each side.
        margin = filters.style().pixelMetric(filters.style().PixelMetric.PM_FocusFrameHMargin)
        room = filters.visualRect(filters.indexFromItem(item, 0)).width() - 2 * (margin + 1)
        if QFontMetrics(font).horizontalAdvance(item.text(0)) > room:
            cut.append(item.text(0))
    return cut


@pytest.mark.parametrize("language", ["en", "fr"])
def test_an_older_saved_layout_never_hides_the_first_columns(db, qtbot, language):
    fill_demo(db, orders=60, seed=5, now=clock.now() - timedelta(hours=1))
    older_build_layout(db)
    app = QCoreApplication.instance()
    install_translators(app, language)
    try:
        win = MainWindow(db)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        qtbot.waitUntil(lambda: bool(win._counts))
        qtbot.waitUntil(lambda: win.filters.width() >= win.filters.sizeHint().width())
        header = win.table.horizontalHeader()
        viewport = win.table.viewport().width()
        for visual, column in enumerate(FIRST_COLUMNS):
            title = win.model.column_title(Column(column))
            assert not header.isSectionHidden(column), f"{title} is hidden"
            assert header.visualIndex(column) == visual, title
            right = header.sectionViewportPosition(column) + header.sectionSize(column)
            assert right <= viewport, f"{title} ends at {right}, the list is {viewport} wide"
            assert header.sectionSize(column) >= header.sectionSizeHint(column), title
        assert filter_names_cut(win) == []
        # The check sees a cut name: squeezed to 120 px, the longest names are cut.
        win.filters.setColumnWidth(0, 120)
        win.filters.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        win.filters.resize(160, win.filters.height())
        assert filter_names_cut(win)
        win.shutdown()
    finally:
        install_translators(app, "en")
