"""What an import counts and remembers per order, in little memory at any size.

:class:`OrderOutcomes`: whether each order was added, updated or left unchanged,
counted once however many times it was merged (the import's result, file by file).
:class:`WrittenOrders`: which orders the import has written so far, so that an import
into an empty shop looks up only those (a first import of a million lines asks the
database about almost none).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from itertools import pairwise

TALLY_SHARES = 16
ADDED, UPDATED, UNCHANGED = 2, 1, 0  # an order's outcome; the highest of its merges counts


class WrittenOrders:
    """The orders an import wrote, as one bit per hash of their ids (1 MB whatever the
    report's size): an order whose bit is clear was not written by it; a set bit may be
    another order's, so that order is looked up as before."""

    BITS = 1 << 23

    def __init__(self) -> None:
        self.bits = bytearray(self.BITS >> 3)

    def add(self, order_ids: Iterable[str]) -> None:
        bits = self.bits
        mask = self.BITS - 1
        for order_id in order_ids:
            at = hash(order_id) & mask
            bits[at >> 3] |= 1 << (at & 7)

    def may_hold(self, order_ids: list[str]) -> list[str]:
        """Those of ``order_ids`` this import may have written."""
        bits = self.bits
        mask = self.BITS - 1
        found = []
        for order_id in order_ids:
            at = hash(order_id) & mask
            if bits[at >> 3] & (1 << (at & 7)):
                found.append(order_id)
        return found


class OrderOutcomes:
    """What happened to each order, counted once however many times it was merged.

    An order is kept as one 8-byte number (its id's digits and its outcome),
    so a million-line report costs a few megabytes here, not a set of strings.
    """

    def __init__(self) -> None:
        self.codes = array("q")

    def note(self, order_id: str, outcome: int) -> None:
        # A good row's id is 123-1234567-1234567 (reports.ORDER_ID): 17 digits.
        self.codes.append(int(order_id.replace("-", "")) * 4 + outcome)

    def note_all(self, order_ids: Iterable[str], outcome: int) -> None:
        """:meth:`note` for each of these orders."""
        self.codes.extend([int(order_id.replace("-", "")) * 4 + outcome for order_id in order_ids])

    def extend(self, other: OrderOutcomes) -> None:
        self.codes.extend(other.codes)

    def counts(self) -> dict[int, int]:
        """Orders by outcome (ADDED, UPDATED, UNCHANGED)."""
        found = dict.fromkeys((ADDED, UPDATED, UNCHANGED), 0)
        # Sorting makes a Python number of each code: a share of them at a time, so a
        # million orders do not cost 40 MB at once. An order's codes share a share.
        shares = [array("q") for _ in range(TALLY_SHARES)]
        for code in self.codes:
            shares[(code >> 2) % TALLY_SHARES].append(code)
        for share in shares:
            ordered = sorted(share)
            ordered.append(-4)  # no order's: ends the last group
            for code, following in pairwise(ordered):
                if code >> 2 != following >> 2:
                    found[code & 3] += 1  # the last of an order's codes is its highest
        return found
