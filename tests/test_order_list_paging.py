"""Scrolling the order list page after page shows the same orders as one long page (keyset)."""

from __future__ import annotations

import dataclasses
import random
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import insert

from app.order_views.order_list import Column, ListQuery, page
from app.order_views.queries import View
from app.storage.models import Order, OrderStatus

NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.fixture
def orders(db):
    rng = random.Random(3)
    rows = []
    for n in range(1, 301):
        rows.append(
            {
                "id": n,
                "order_id": f"{100 + n % 900:03d}-{n:07d}-0000000",
                "status": rng.choice(list(OrderStatus)),
                # Few distinct values and many NULLs: ties and NULLs cross page ends.
                "purchase_date": NOW - timedelta(minutes=rng.randrange(40)),
                "latest_ship_date": None
                if rng.random() < 0.3
                else NOW - timedelta(minutes=rng.randrange(30)),
                "buyer_name": None if rng.random() < 0.3 else rng.choice(["Al", "Bo", "Cy"]),
                "item_count": rng.randrange(3),
                "total": None if rng.random() < 0.3 else Decimal(rng.randrange(5)) / 2,
                "buyer_requested_cancel": rng.random() < 0.5,
                "search_text": f"sku-{n % 7} mug",
                "created_at": NOW,
                "updated_at": NOW,
            }
        )
    with db.transaction() as session:
        session.execute(insert(Order), rows)
    return db


@pytest.mark.parametrize("view", [View.ALL, View.UNSHIPPED, View.BUYER_REQUESTED])
def test_every_sort_pages_through_the_same_orders_as_one_long_page(orders, view):
    for column in Column:
        for descending in (True, False):
            query = ListQuery(view=view, sort=column, descending=descending)
            whole = [row.order_id for row in page(orders, query, 0, 1000, as_of=NOW)]
            shown: list[str] = []
            after = None
            while True:
                more = page(orders, dataclasses.replace(query, after=after), 0, 37, as_of=NOW)
                shown += [row.order_id for row in more]
                if len(more) < 37:
                    break
                after = more[-1].cursor
            assert shown == whole, (column, descending)
            assert len(set(shown)) == len(shown)


@pytest.mark.parametrize("words", ["sku-3", "SKU-3 MUG", "400-0000300-", "zzz", "mug"])
def test_a_search_looked_for_first_pages_through_the_same_orders(orders, words):
    # The worker looks for a search's orders first (a rare word, in the search's own
    # index) where the GUI thread walks the sort: the seller must see the same list.
    for column in (Column.PURCHASED, Column.BUYER, Column.TOTAL):
        query = ListQuery(view=View.ALL, search=words, sort=column)
        walked = [row.order_id for row in page(orders, query, 0, 1000, as_of=NOW)]
        query = dataclasses.replace(query, search_first=True)
        found: list[str] = []
        after = None
        while True:
            more = page(
                orders,
                dataclasses.replace(query, after=after),
                0,
                23,
                as_of=NOW,
            )
            found += [row.order_id for row in more]
            if len(more) < 23:
                break
            after = more[-1].cursor
        assert found == walked
    assert (len(walked) > 0) is (words != "zzz")
