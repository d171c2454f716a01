"""What an action changed, so a view refreshes that and nothing else (Anki's OpChanges).

Every action that writes returns a :class:`Changes` (or carries one on its result):
the orders it touched and which views depend on what it did. The window's one
handler (``MainWindow.apply_changes``) reads it: the rows of those orders, the
filter counts, the health page; the command line ignores it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    """What one action changed. Empty: nothing to refresh."""

    # The orders whose story changed: their details and timeline are read again.
    orders: frozenset[str] = frozenset()
    # Their cells in the order list changed (status, marks, buyer): their rows are read
    # again, and the page reloads if one may have left the filter or moved in the sort.
    list_rows: bool = False
    # Orders came or went, or changed beyond those named (an import, a file of
    # cancellations, a sync): the whole list is read again.
    all_orders: bool = False
    # The filter counts and the cancellation rate beside them.
    counts: bool = False
    # The account health page (rate, late, at risk, pending, refunds due).
    health: bool = False
    # The upload batches written or queued (the export history, what waits to be sent).
    batches: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.orders | other.orders,
            self.list_rows or other.list_rows,
            self.all_orders or other.all_orders,
            self.counts or other.counts,
            self.health or other.health,
            self.batches or other.batches,
        )

    def __bool__(self) -> bool:
        return bool(self.orders) or any(
            (self.list_rows, self.all_orders, self.counts, self.health, self.batches)
        )


def order_story(order_id: str) -> Changes:
    """Only the order's own story (a message, a return on its way): its details."""
    return Changes(frozenset({order_id}))


def order_state(order_ids: Iterable[str], *, health: bool = True) -> Changes:
    """The orders' state changed (status, quantities, a request flag): their rows, the
    counts of the filters they move between and, unless said otherwise, health."""
    return Changes(frozenset(order_ids), list_rows=True, counts=True, health=health)


# An import or a sync: any order may have come, gone or changed.
ALL_ORDERS = Changes(all_orders=True, counts=True, health=True)
