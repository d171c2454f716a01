"""Which orders a list shows: filters and search, expressed in SQL.

The command line's ``list`` and the window's order list both build their
queries here, so "late" or "buyer requested" means the same everywhere and a
million orders are filtered and counted by the database, not in Python.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    ScalarSelect,
    Select,
    and_,
    false,
    func,
    literal,
    or_,
    select,
    true,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

from app import clock
from app.account_health.deadlines import AT_RISK_FROM_DAYS_LATE
from app.account_health.deadlines import OPEN_STATUSES as OPEN_STATUSES
from app.order_actions.message_choice import asked_only_by_message_condition
from app.order_actions.rules import seller_fulfilled
from app.order_views.search_text import fold
from app.storage.order_table import FulfilledBy, OrderStatus, orders
from app.storage.search_index import search_words

if TYPE_CHECKING:  # the ORM is loaded by what reads orders as objects (filtered_orders)
    from app.storage.models import Order


class View(enum.StrEnum):
    """The one-click filters of the order list."""

    ALL = "all"
    PENDING = "pending"
    UNSHIPPED = "unshipped"  # includes partially shipped
    LATE = "late"
    BUYER_REQUESTED = "buyer-requested"
    AT_RISK = "at-risk"
    SHIPPED = "shipped"
    CANCELED = "canceled"
    FULFILLED_BY_AMAZON = "fulfilled-by-amazon"  # read-only: the marketplace ships them


@dataclass(frozen=True)
class OrderFilter:
    status: OrderStatus | None = None
    view: View = View.ALL
    buyer_requested: bool = False
    late_as_of: datetime | None = None
    search: str = ""
    fulfilled_by: FulfilledBy | None = None


def is_late(as_of: datetime) -> ColumnElement[bool]:
    """Units the seller still has to ship and the latest ship date passed."""
    return and_(
        orders.c.status.in_(OPEN_STATUSES), orders.c.latest_ship_date < as_of, seller_fulfilled()
    )


def is_close_to_auto_cancel(as_of: datetime) -> ColumnElement[bool]:
    """Late and within AT_RISK_NOTICE_DAYS of the marketplace's auto-cancellation (S11).

    The SQL form of :func:`app.account_health.health.close_to_auto_cancel`: whole days
    late (floored) at least AT_RISK_FROM_DAYS_LATE is a ship-by date that far back or more.
    """
    since = as_of - timedelta(days=AT_RISK_FROM_DAYS_LATE)
    return and_(
        orders.c.status.in_(OPEN_STATUSES), orders.c.latest_ship_date <= since, seller_fulfilled()
    )


def view_condition(view: View, as_of: datetime) -> ColumnElement[bool]:
    match view:
        case View.ALL:
            return true()
        case View.PENDING:
            return and_(orders.c.status == OrderStatus.PENDING, seller_fulfilled())
        case View.UNSHIPPED:
            return and_(orders.c.status.in_(OPEN_STATUSES), seller_fulfilled())
        case View.LATE:
            return is_late(as_of)
        case View.BUYER_REQUESTED:
            # The official request (S4) or, still open, a request by message only (S5);
            # cancel_requested (either was made) lets one index walk it newest first.
            return and_(
                orders.c.cancel_requested.is_(True),
                or_(orders.c.buyer_requested_cancel.is_(True), asked_only_by_message_condition()),
                orders.c.status.not_in([OrderStatus.CANCELED, OrderStatus.SHIPPED]),
                seller_fulfilled(),
            )
        case View.AT_RISK:
            return is_close_to_auto_cancel(as_of)
        case View.SHIPPED:
            return orders.c.status == OrderStatus.SHIPPED
        case View.CANCELED:
            return orders.c.status == OrderStatus.CANCELED
        case View.FULFILLED_BY_AMAZON:
            return orders.c.fulfilled_by == FulfilledBy.MARKETPLACE
    return false()  # pragma: no cover - every view is matched above


# The start of an order id up to its second dash at least ("403-1234567-", a pasted id).
ORDER_ID_START = re.compile(r"\d{3}-\d{7}-\d{0,7}")


def _starts_with(column: ColumnElement[str], prefix: str) -> ColumnElement[bool]:
    """A prefix match the column's index answers: a range, checked by LIKE."""
    following = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < following, column.like(f"{prefix}%"))


def word_condition(word: str) -> ColumnElement[bool]:
    """One searched word: in the order id, buyer name (once shown), SKUs or product names,
    whatever its accents and case ("Lemaitre" finds "Lemaître", and the reverse).

    A word shaped like the start of an order id up to its second dash
    ("403-1234567-89…", how a seller pastes one) means an order id: it is
    looked up by prefix in the order id's index instead of reading every order
    (a million orders: a millisecond instead of half a second).
    """
    word = _stripped(word)
    if ORDER_ID_START.fullmatch(word):
        return _starts_with(orders.c.order_id, word)
    return _contains(word, orders.c.order_id, orders.c.search_text)


def _contains(
    word: str, order_id: ColumnElement[str], search_text: ColumnElement[str]
) -> ColumnElement[bool]:
    in_order_id, in_search_text = _patterns(word)
    return or_(order_id.like(in_order_id), search_text.like(in_search_text))


def _patterns(word: str) -> tuple[str, str]:
    """The LIKE patterns of a word: as typed in the order id, folded in the search text.

    The folded copy is lower case already: a plain LIKE on both databases (no
    lower() per row; SQLite's LIKE ignores ASCII case anyway).
    """
    return f"%{word}%", f"%{fold(word)}%"


def search_condition(search: str, *, rare: Sequence[str] = ()) -> ColumnElement[bool]:
    """Order id, buyer name, SKU or product name containing every word typed.

    ``rare``: typed words few orders hold (:func:`rare_words`); the orders holding
    them are looked up in the search index first, then checked as without it (the
    same answer: a rare word among a million orders in milliseconds instead of a
    second). A common word is better checked on each order read.
    """
    condition = and_(true(), *(word_condition(word) for word in search.split() if word.strip("%_")))
    question = index_question(rare)
    if not question:
        return condition
    return and_(in_search_index(orders.c.id, question, _in_words_table(rare)), condition)


# The search index (migrations 0015 and 0020: FTS5 on SQLite; 0019: PostgreSQL's table of
# searched words and its trigram indexes) holds every run of three characters of the order
# id and the search text: a shorter word cannot be looked up in it.
INDEXED_LENGTH = 3
# A word in at most this many orders is looked up in the index: reading that many
# orders by their key costs a fraction of reading all of a million (measured at 1M:
# "sku-42", 38,049 orders, counted in 0.6 s instead of 1.3 s); a word in nearly every
# order ("tote") is counted faster by reading every order (1.8 s against 3.1 s).
RARE_AT_MOST = 100_000
# PostgreSQL reads a million orders in parallel and finds each one looked up in the
# index twice (its words' row, then its own): "sku-42" counted in 0.31 s from the index
# (0.09 s to find it common, 0.22 s to count) against 0.14 s reading every order.
POSTGRESQL_RARE_AT_MOST = 10_000
# The planner's estimate of how many orders hold the words errs by about twice either
# way at 1M ("sku-42": 70,800 for 38,049; "9999": 200 for 637): words estimated in more
# than this many orders are common without counting them (the count alone cost "sku-42"
# 80 ms, more than half of the filter counts' search).
POSTGRESQL_SURELY_COMMON_FROM = 2 * POSTGRESQL_RARE_AT_MOST
# EXPLAIN's first line, its top node:
# "Bitmap Heap Scan on orders_search  (cost=49.60..768.48 rows=200 width=4)".
PLANNED_ROWS = re.compile(r" rows=(\d+) ")


def _indexed(typed: str) -> tuple[str, str] | None:
    """The word as :func:`word_condition` looks for it in the order id and in the search
    text, or None when the index cannot answer it (too short, or an order id's start,
    which the order id's own index answers)."""
    word = _stripped(typed)
    folded = fold(word)
    if ORDER_ID_START.fullmatch(word) or min(len(word), len(folded)) < INDEXED_LENGTH:
        return None
    return word, folded


def _stripped(typed: str) -> str:
    """The word searched for: ``%`` and ``_`` typed are taken literally away."""
    return typed.replace("%", "").replace("_", "")


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _in_words_table(words: Sequence[str]) -> ScalarSelect[int]:
    """PostgreSQL: the keys of the orders whose searched words (migration 0019) hold
    each of ``words`` as :func:`word_condition` asks, found by the trigram indexes."""
    asked = filter(None, map(_indexed, words))
    return (
        select(search_words.c.order_pk)
        .where(true(), *(_in_words(word) for word, _ in asked))
        .scalar_subquery()
    )


def _in_words(word: str) -> ColumnElement[bool]:
    return _contains(word, search_words.c.order_id, search_words.c.search_text)


def index_question(words: Sequence[str]) -> str:
    """The search index's question (SQLite FTS5) for ``words``: the orders holding every
    run of three characters of each word, as typed or folded, as :func:`word_condition`
    asks for it in the order id or the search text.

    The index keeps no positions (migration 0020): it finds the orders holding a
    word's trigrams anywhere in either column, and ignores case more widely than LIKE
    does, so it finds at least the orders asked for; :func:`word_condition` still
    checks each one.
    """
    asked = (_indexed(word) for word in words)
    return " AND ".join(
        "(" + " OR ".join(map(_all_trigrams, _spellings(*found))) + ")"
        for found in filter(None, asked)
    )


def _spellings(typed: str, folded: str) -> tuple[str, ...]:
    # FTS5 folds ASCII letters as lower() does: an ASCII word is asked once.
    return (folded,) if typed.isascii() or typed == folded else (typed, folded)


def _all_trigrams(word: str) -> str:
    """FTS5's question for the orders holding each trigram of ``word`` (a trigram quoted
    alone is one token: a longer phrase needs positions)."""
    trigrams = dict.fromkeys(word[start : start + INDEXED_LENGTH] for start in range(len(word) - 2))
    return "(" + " AND ".join(map(_phrase, trigrams)) + ")"


def rare_words(connection: Connection, search: str) -> tuple[str, ...]:
    """The typed words the search index finds in few orders.

    SQLite: each word FTS5 finds in at most RARE_AT_MOST orders, at most that many
    steps each (tens of ms at 1M orders). PostgreSQL: every word the index holds,
    when together they are in at most POSTGRESQL_RARE_AT_MOST orders, asked in one
    query where the planner reads the rarest word's trigrams and checks the others
    on the rows found ("Buyer 99999": "buyer" alone would cost tens of ms); words the
    planner expects in more than POSTGRESQL_SURELY_COMMON_FROM orders are common
    without that count.
    """
    if connection.dialect.name == "postgresql":
        return _rare_together(connection, search)
    if connection.dialect.name != "sqlite":
        return ()
    found = []
    for word in search.split():
        if _indexed(word) is None:
            continue
        held = connection.exec_driver_sql(
            "SELECT count(*) FROM (SELECT 1 FROM orders_search WHERE orders_search MATCH ?"
            " LIMIT ?)",
            (index_question([word]), RARE_AT_MOST + 1),
        ).scalar_one()
        if held <= RARE_AT_MOST:
            found.append(word)
    return tuple(found)


def likely_rare(connection: Connection, search: str) -> tuple[str, ...]:
    """PostgreSQL: the typed words the search index holds, when the planner estimates
    them together in at most POSTGRESQL_RARE_AT_MOST orders (no count: a planning, a
    tenth of a millisecond); elsewhere none.

    The list's first try on the GUI thread asks a rare word this way, in the index:
    walking the orders in the sort's order would spend the whole budget on a million
    orders that do not match ("Buyer 99999", "zzz"). A wrong guess costs no wrong
    row, only that try's budget (the worker then counts, see :func:`rare_words`).
    """
    if connection.dialect.name != "postgresql":
        return ()
    asked = _asked(search)
    if not asked or _planned_rows(connection, asked) > POSTGRESQL_RARE_AT_MOST:
        return ()
    return asked


def _asked(search: str) -> tuple[str, ...]:
    """The typed words the search index holds, as typed."""
    return tuple(word for word in search.split() if _indexed(word))


def _planned_rows(connection: Connection, asked: Sequence[str]) -> int:
    """How many orders the planner expects to hold every word of ``asked`` (orders_search's
    rows that :func:`_in_words` finds), read from the top line of its plan.

    Written out here rather than compiled from :func:`_in_words`: compiling the query
    cost three times its planning, and this runs before every search's first page.
    """
    holding = " AND ".join(["(order_id LIKE %s OR search_text LIKE %s)"] * len(asked))
    patterns = [pattern for word in asked for pattern in _patterns(_stripped(word))]
    plan = connection.exec_driver_sql(
        f"EXPLAIN SELECT 1 FROM orders_search WHERE {holding}", tuple(patterns)
    ).scalar()
    found = PLANNED_ROWS.search(str(plan))
    # No estimate read: as if few (the words are then counted, or tried within a budget).
    return int(found.group(1)) if found else 0


def _rare_together(connection: Connection, search: str) -> tuple[str, ...]:
    asked = _asked(search)
    if not asked or _planned_rows(connection, asked) > POSTGRESQL_SURELY_COMMON_FROM:
        return ()
    holding = select(literal(1)).where(*(_in_words(_stripped(word)) for word in asked))
    limited = holding.limit(POSTGRESQL_RARE_AT_MOST + 1).subquery()
    held = connection.execute(select(func.count()).select_from(limited)).scalar_one()
    return asked if held <= POSTGRESQL_RARE_AT_MOST else ()


class in_search_index(FunctionElement[bool]):  # noqa: N801 - an SQL function's name
    """``orders.id`` among the orders the search index finds for a question (SQLite's
    FTS5) or in a subquery of the keys found (PostgreSQL).

    No SQL type on purpose: a Boolean would be compared to 1 on SQLite, and
    SQLite then no longer looks the orders up by their key.
    """

    name = "in_search_index"
    inherit_cache = True


@compiles(in_search_index)
def _answered_by_the_conditions(_element: in_search_index, _compiler: Any, **_kw: Any) -> str:
    return "1 = 1"  # no such index here: the LIKE conditions beside it answer alone


@compiles(in_search_index, "sqlite")
def _found_in_fts5(element: in_search_index, compiler: Any, **kw: Any) -> str:
    key, question, _ = element.clauses
    key, question = compiler.process(key, **kw), compiler.process(question, **kw)
    return f"{key} IN (SELECT rowid FROM orders_search WHERE orders_search MATCH {question})"


@compiles(in_search_index, "postgresql")
def _found_in_the_words_table(element: in_search_index, compiler: Any, **kw: Any) -> str:
    # An array of keys, each looked up in the orders' primary key: as IN (…), the
    # planner may hash the found orders against all of orders read whole (0.42 s at 1M
    # for 38,049 orders, against 0.22 s this way).
    key, _, keys = element.clauses
    return f"{compiler.process(key, **kw)} = ANY(ARRAY{compiler.process(keys, **kw)})"


def conditions(criteria: OrderFilter, as_of: datetime | None = None) -> list[ColumnElement[bool]]:
    moment = as_of or criteria.late_as_of or clock.now()
    found: list[ColumnElement[bool]] = [view_condition(criteria.view, moment)]
    if criteria.status is not None:
        found.append(orders.c.status == criteria.status)
    if criteria.buyer_requested:
        # The official request (S4), or one by message only (S5) still to answer.
        found.append(
            or_(orders.c.buyer_requested_cancel.is_(True), asked_only_by_message_condition())
        )
    if criteria.late_as_of is not None:
        found.append(is_late(criteria.late_as_of))
    if criteria.fulfilled_by is not None:
        found.append(orders.c.fulfilled_by == criteria.fulfilled_by)
    if criteria.search.strip():
        found.append(search_condition(criteria.search))
    return found


# The command line's order: oldest purchase first.
OLDEST_FIRST = (orders.c.purchase_date, orders.c.order_id)


def filtered_orders(criteria: OrderFilter, as_of: datetime | None = None) -> Select[Order]:
    """Matching orders, oldest purchase first (the CLI's order)."""
    from app.storage.models import Order

    return select(Order).where(*conditions(criteria, as_of)).order_by(*OLDEST_FIRST)


def count_orders(criteria: OrderFilter, as_of: datetime | None = None) -> Select[int]:
    return select(func.count(orders.c.id)).where(*conditions(criteria, as_of))
