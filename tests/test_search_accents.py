"""Issue 12 item 9: the order search ignores accents and case, on SQLite and PostgreSQL,
and says in which filter an order id typed elsewhere is."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app.marketplace_files.importer import import_reports
from app.order_actions.orders import cancel, verify_payment
from app.order_views.order_list import FoundElsewhere, ListQuery, found_elsewhere, page, view_counts
from app.order_views.queries import View
from app.order_views.search_text import fold, order_search_text
from app.storage.db import open_database
from app.storage.models import Order, OrderStatus
from tests.conftest import ON_POSTGRES
from tests.factories import NOW, ItemSpec, OrderSpec, add_order
from tests.migrations import file_downgraded
from tests.reportfiles import ORDERS_REPORT

ORDER = "405-1234567-1234567"
OTHER = "405-7654321-7654321"


def named(db, buyer: str, order_id: str = ORDER, **changes) -> None:
    add_order(db, OrderSpec(order_id=order_id, **changes))
    with db.transaction() as session:
        order = session.scalars(select(Order).where(Order.order_id == order_id)).one()
        order.buyer_name = buyer


def found(db, search: str, view: View = View.ALL) -> list[str]:
    return [row.order_id for row in page(db, ListQuery(view, search), as_of=NOW)]


def test_fold_drops_accents_ligatures_and_case():
    assert fold("Lemaître") == fold("LEMAITRE") == "lemaitre"
    assert fold("Œuvre Straße Ærø") == "oeuvre strasse aero"


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Lemaître", "Lemaitre"),
        ("Lemaitre", "Lemaître"),
        ("Lemaître", "lemaÎtre"),
        ("Hélène Dupré", "helene dupre"),
    ],
)
def test_a_buyer_is_found_whatever_the_accents(db, stored, typed):
    named(db, stored)
    named(db, "Someone Else", order_id=OTHER)
    assert found(db, typed) == [ORDER]


def test_skus_and_product_names_are_found_without_accents(db):
    add_order(db, OrderSpec(items=[ItemSpec(sku="CAFÉ-01", title="Crème brûlée set")]))
    assert found(db, "creme brulee") == [ORDER]
    assert found(db, "cafe-01") == [ORDER]


def test_a_pending_buyer_is_not_searched_until_the_payment_is_verified(db):
    add_order(db, OrderSpec(status=OrderStatus.PENDING))
    with db.transaction() as session:
        order = session.scalars(select(Order)).one()
        order.buyer_name = "Aurélien Garçon"  # a report may carry it; S9 hides it
    assert found(db, "garcon") == []
    verify_payment(db, ORDER, at=NOW)
    assert found(db, "garcon") == [ORDER]


def test_the_counts_of_every_filter_use_the_same_search(db):
    named(db, "Lemaître")
    counts = view_counts(db, "lemaitre", as_of=NOW)
    assert counts[View.ALL] == counts[View.UNSHIPPED] == 1
    assert counts[View.SHIPPED] == 0


def test_an_order_id_typed_in_another_filter_says_where_it_is(db):
    add_order(db)
    cancel(db, ORDER, "NoInventory", at=NOW)
    counts = view_counts(db, ORDER, as_of=NOW)
    assert found_elsewhere(View.SHIPPED, ORDER, counts) == FoundElsewhere(View.CANCELED, 1, ORDER)
    assert found_elsewhere(View.CANCELED, ORDER, counts) is None  # it is in sight
    assert found_elsewhere(View.SHIPPED, "", counts) is None


def test_a_word_found_elsewhere_offers_the_filter_that_has_it(db):
    named(db, "Lemaître")
    named(db, "Lemaître", order_id=OTHER)
    counts = view_counts(db, "lemaitre", as_of=NOW)
    assert found_elsewhere(View.CANCELED, "lemaitre", counts) == FoundElsewhere(
        View.UNSHIPPED, 2, None
    )
    assert found_elsewhere(View.CANCELED, "nobody", view_counts(db, "nobody", as_of=NOW)) is None


@given(st.text(alphabet="aeiouyceènçœÀÉÎÔÜabcdefghij", min_size=1, max_size=12))
def test_any_accented_word_is_found_by_its_bare_spelling(word):
    stored = order_search_text(OrderStatus.UNSHIPPED, f"Jean {word}", "SKU", "")
    bare = "".join(c for c in fold(word))
    assert bare in stored
    assert fold(word.upper()) in stored


@given(st.lists(st.text(max_size=8), min_size=3, max_size=3))
def test_an_order_is_folded_a_field_at_a_time_as_a_whole(fields):
    # The importer folds each field on its own (and remembers repeated ones).
    buyer, skus, titles = fields
    whole = fold("\n".join((buyer, skus, titles)))
    assert order_search_text(OrderStatus.UNSHIPPED, buyer, skus, titles) == whole


@pytest.mark.skipif(ON_POSTGRES, reason="the file downgrade below is SQLite's")
def test_orders_written_before_0008_are_searchable_after_the_upgrade(db, db_path):
    named(db, "Lemaître")
    db.dispose()
    file_downgraded(db_path, "0007")
    with sqlite3.connect(db_path) as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(orders)")}
    assert "search_text" not in columns
    reopened = open_database(str(db_path))
    try:
        assert found(reopened, "lemaitre") == [ORDER]
        with reopened.reading() as session:  # the items are still there (no table copy)
            assert session.scalars(select(Order)).one().items
    finally:
        reopened.dispose()


def test_an_imported_report_is_searchable_without_accents(db):
    import_reports(db, [ORDERS_REPORT], at=NOW)
    assert "237-4878104-3115934" in found(db, "aurelien garcon")
    assert "237-4878104-3115934" in found(db, "pointille liege")
