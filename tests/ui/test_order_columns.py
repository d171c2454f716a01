"""Issue 16 item 4: the window's side of each order-list column is one entry of
ui.models.order_columns.CELLS, and the titles declared in app/ are translated."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from app.order_views.order_list import Column, ListQuery, page
from app.order_views.queries import View
from tests.factories import add_order
from ui.models.order_columns import CELLS, column_samples, column_title, column_tooltip
from ui.translation import install_translators


def test_every_column_has_one_entry_that_draws_a_real_row(db, qapp):
    add_order(db)
    (row,) = page(db, ListQuery(View.ALL))
    assert list(CELLS) == list(Column)
    for column, cells in CELLS.items():
        assert isinstance(cells.text(row), str), column.name
        assert all(column_samples()[column]), column.name


SAME_IN_FRENCH = {"Total", "⚑"}


@pytest.fixture
def french(qapp):
    install_translators(QCoreApplication.instance(), "fr")
    yield
    install_translators(QCoreApplication.instance(), "en")


def test_the_headers_declared_in_app_read_in_french(french):
    assert {column.name: column_title(column) for column in Column if column <= 7} == {
        "ORDER_ID": "N° de commande",
        "PURCHASED": "Achetée le",
        "SHIP_BY": "À expédier avant le",
        "STATUS": "État",
        "BUYER": "Acheteur",
        "ITEMS": "Articles",
        "TOTAL": "Total",
        "BUYER_REQUESTED": "⚑",  # a mark in both languages
    }
    for column in Column:  # a new column's words get their French too
        if column.title not in SAME_IN_FRENCH:
            assert column_title(column) != column.title, column.name
        assert column_tooltip(column) != column.tooltip, column.name
