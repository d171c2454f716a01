"""What the order search reads: the words of an order, without accents or case.

"Lemaitre" finds "Lemaître" and the reverse, on SQLite and PostgreSQL alike:
neither folds accents portably (PostgreSQL has ``unaccent`` only as an
extension), so the app keeps a folded copy of what a seller searches in
``orders.search_text`` and folds the typed words the same way. The copy is
written with every change of an order (an ORM hook here; the importer's bulk
writes call :func:`order_search_text` themselves), and migration 0008 fills it
for orders written before.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import TYPE_CHECKING, Any

from app.order_actions.rules import buyer_disclosed
from app.storage.order_table import OrderStatus

if TYPE_CHECKING:  # the ORM stays off the paths that only read (app.storage.order_table)
    from app.storage.models import Order

# Letters NFKD leaves whole that a seller types as two (Œuvre → oeuvre).
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
SEPARATOR = "\n"  # a typed word never holds one, so a word never spans two fields


def fold(words: str) -> str:
    """``words`` without accents, ligatures or case: ``"Lemaître"`` → ``"lemaitre"``."""
    if words.isascii():
        return words.lower()  # the same as below, without a pass per character
    decomposed = unicodedata.normalize("NFKD", words.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.translate(LIGATURES)


# Folding works character by character, so an order's text is folded a field at a
# time, and the fields a shop repeats (its SKUs, product names and returning buyers'
# names) are folded once.
_fold_field = functools.lru_cache(maxsize=4096)(fold)


def order_search_text(
    status: OrderStatus, buyer_name: str | None, skus: str | None, titles: str | None
) -> str:
    """The folded buyer name (once shown), SKUs and product names of one order."""
    # The buyer's name is searched only once the window may show it (S9).
    buyer = buyer_name if buyer_name and buyer_disclosed(OrderStatus(status)) else ""
    return SEPARATOR.join((_fold_field(buyer), _fold_field(skus or ""), _fold_field(titles or "")))


def keep_search_text(_mapper: Any, _connection: Any, order: Order) -> None:
    """Before an order is written through the ORM (app.storage.models listens)."""
    order.search_text = order_search_text(order.status, order.buyer_name, order.skus, order.titles)
