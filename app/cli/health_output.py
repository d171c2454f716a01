"""``health --json`` written from the report's rows, byte for byte what
``print_json(health(...).to_json())`` writes.

100,000 late orders make 200,000 entries of a few shapes: an entry differs from
the next one by its order id only, when both share a status and a ship-by date
(the facts hold them so, as runs). What follows the order id is written once per
shape with the same entry builder and encoder as the report (not a second copy
of the entry); a run's entries are then its order ids joined by that text, one
join per run instead of building and encoding 200,000 dictionaries or lines.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any, NamedTuple

from app.account_health.health import HealthFacts, LateOrder, late_entries, ship_by_dates
from app.cli.common import Encoded, one_line

_ID_FIRST = '{"order_id": ""'  # an entry of an empty order id, as one_line writes it
_quoted: Callable[[str], str] = json.encoder.encode_basestring


class _Run(NamedTuple):
    """A run's order ids as they are written, and what each is written between."""

    ids: list[str]
    before: str  # what starts an entry, up to its order id's text
    after: str  # what follows an order id's text in the entry, to its end


class _Entries(Encoded):
    """The entries of one of the two late lists, as runs of order ids."""

    def __init__(self, runs: list[_Run]) -> None:
        super().__init__()
        self.runs = runs

    def __bool__(self) -> bool:
        return bool(self.runs)

    def written(self, separator: str) -> Iterator[str]:
        for number, run in enumerate(self.runs):
            yield (separator if number else "") + run.before
            yield (run.after + separator + run.before).join(run.ids)
            yield run.after


def health_json(facts: HealthFacts) -> dict[str, Any]:
    """``HealthReport.to_json()``, with its two long lists already written."""
    data = facts.report_without_late().to_json()
    dates = cache(ship_by_dates)
    rests: dict[tuple[Any, ...], tuple[str, str]] = {}
    late: list[_Run] = []
    at_risk: list[_Run] = []
    for run in facts.late:
        if not run.order_ids:
            continue
        shape = run[:3]  # everything but the order ids
        rest = rests.get(shape)
        if rest is None:
            rest = rests[shape] = _rests(LateOrder("", *shape), dates)
        ids, before, after = _written_ids(run.order_ids)
        late.append(_Run(ids, before, after + rest[0]))
        at_risk.append(_Run(ids, before, after + rest[1]))
    data["late"], data["at_risk_of_auto_cancel"] = _Entries(late), _Entries(at_risk)
    return data


def _written_ids(order_ids: list[str]) -> tuple[list[str], str, str]:
    """The run's order ids and the entry's text before and after each.

    Order ids rarely hold a character JSON escapes: then each is written between
    quotes as it is, checked once for the whole run, rather than quoted one by one
    (a run holding any character not printable is quoted id by id, as before)."""
    spaced = " ".join(order_ids)
    # What JSON escapes is a quote, a backslash or a control character (not printable).
    if spaced.isprintable() and '"' not in spaced and "\\" not in spaced:
        return order_ids, '{"order_id": "', '"'
    return [_quoted(order_id) for order_id in order_ids], '{"order_id": ', ""


def _rests(
    order: LateOrder, dates: Callable[[Any], tuple[str | None, str | None]]
) -> tuple[str, str]:
    """What follows the order id in the entries of an order of this shape (its id empty)."""
    written = [one_line(entry) for entry in late_entries(order, dates)]
    assert all(text.startswith(_ID_FIRST) for text in written), written
    late, at_risk = (text[len(_ID_FIRST) :] for text in written)
    return late, at_risk
