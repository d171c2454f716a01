"""Seller-facing text produced by the core, translatable later by the window.

The core has no Qt, yet every sentence it shows a seller must be translatable.
Each sentence is a :class:`Text`: a translation context, the English source and
its named arguments. The command line prints :meth:`Text.english`; the window
passes ``context`` and ``source`` through ``QCoreApplication.translate`` before
formatting. ``QT_TRANSLATE_NOOP`` keeps the name ``pyside6-lupdate`` extracts.

A sentence about a count is written with Qt's ``%n`` (``"%n unit(s) shipped"``) and
built with :func:`plural`: the window translates it with that count, so French and
English pick their singular or plural form; :meth:`Text.english` writes ``(s)`` as
the count asks (``1 unit shipped``, ``2 units shipped``).

An argument may itself be a :class:`Text` (a translatable label inside a
sentence) or a list of them (written joined by ", "), so a sentence never glues
English fragments together. An amount, a number or a date is an :class:`Amount`,
:class:`Number`, :class:`Day` or :class:`Moment`: English writes it as the files do
(``17.32 EUR``, ``7.04``, ``2026-11-13``) and the window in the seller's locale
(``17,32 €``, ``7,04``, ``13/11/2026``). A code the files use (a reason code, a
condition grade) is a :class:`Code`: English writes the code, the window its
translated label.
:func:`to_json` and :func:`from_json` keep a Text in the database (the audit log)
so the window can translate it later.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.json_text import json_writer
from app.money import cents


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for extraction into the translation file; returns it as is."""
    del context
    return source


@dataclass(frozen=True)
class Amount:
    """Money inside a sentence; English is the file form, ``17.32 EUR`` or ``17.32``."""

    value: Decimal
    currency: str | None = None

    def english(self) -> str:
        written = f"{cents(self.value):.2f}"
        return f"{written} {self.currency}" if self.currency else written

    def __str__(self) -> str:
        return self.english()


@dataclass(frozen=True)
class Number:
    """A number inside a sentence (a rate, a percentage); English as written, ``7.04``."""

    value: Decimal

    def english(self) -> str:
        return f"{self.value:f}"

    def places(self) -> int:
        exponent = self.value.as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0

    def __str__(self) -> str:
        return self.english()


@dataclass(frozen=True)
class Day:
    """A calendar day inside a sentence; English is ISO, ``2026-11-13``."""

    value: date

    def english(self) -> str:
        return self.value.isoformat()

    def __str__(self) -> str:
        return self.english()


@dataclass(frozen=True)
class Moment:
    """An instant inside a sentence (tz-aware); English is ISO 8601."""

    value: datetime

    def english(self) -> str:
        return self.value.isoformat()

    def __str__(self) -> str:
        return self.english()


Typed = Amount | Number | Day | Moment


def _english(value: Typed | Code) -> str:
    return value.english()


@dataclass(frozen=True)
class Text:
    context: str
    source: str
    args: dict[str, Any] = field(default_factory=dict)
    count: int | None = None  # the %n of a plural sentence

    def english(self) -> str:
        return self.render(lambda value: value.english_wording())

    def english_wording(self) -> str:
        """The source with its count put in: ``(s)`` is dropped for one, ``s`` otherwise."""
        if self.count is None:
            return self.source
        ending = "" if abs(self.count) == 1 else "s"
        return self.source.replace("%n", str(self.count)).replace("(s)", ending)

    def render(
        self,
        translate: Callable[[Text], str],
        written: Callable[[Typed | Code], str] = _english,
    ) -> str:
        """The sentence with ``translate``(each Text, nested ones too) giving its wording
        and ``written``(each amount or date) its form; English by default."""
        wording = translate(self)
        if not self.args:
            return wording
        return wording.format(
            **{name: _rendered(value, translate, written) for name, value in self.args.items()}
        )

    def __str__(self) -> str:
        return self.english()


def text(context: str, source: str, **args: Any) -> Text:
    """Build a :class:`Text`; ``source`` must come from ``QT_TRANSLATE_NOOP``."""
    return Text(context, source, args)


def plural(context: str, source: str, count: int, **args: Any) -> Text:
    """A sentence about ``count`` things, ``%n`` in ``source`` (``"%n row(s) written"``)."""
    return Text(context, source, args, count)


@dataclass(frozen=True)
class Code:
    """A marketplace code inside a sentence (``NoInventory``, ``used``): English writes
    the code as the files do, the window the code's translated label."""

    code: str
    label: Text

    def english(self) -> str:
        return self.code

    def __str__(self) -> str:
        return self.english()


def _rendered(
    value: Any, translate: Callable[[Text], str], written: Callable[[Typed | Code], str]
) -> Any:
    if isinstance(value, Text):
        return value.render(translate, written)
    if isinstance(value, Typed | Code):
        return written(value)
    if isinstance(value, list):
        return ", ".join(str(_rendered(part, translate, written)) for part in value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        plain: dict[str, Any] = {
            "context": value.context,
            "source": value.source,
            "args": {name: _plain(arg) for name, arg in value.args.items()},
        }
        if value.count is not None:
            plain["count"] = value.count
        return plain
    if isinstance(value, Code):
        return {"$code": value.code, "label": _plain(value.label)}
    if isinstance(value, Number):
        return {"$number": str(value.value)}
    if isinstance(value, Amount):
        return {"$amount": str(value.value), "currency": value.currency}
    if isinstance(value, Day):
        return {"$day": value.value.isoformat()}
    if isinstance(value, Moment):
        return {"$moment": value.value.isoformat()}
    if isinstance(value, list | tuple):
        return [_plain(part) for part in value]
    return value


def _restored(value: Any) -> Any:
    if isinstance(value, dict) and set(value) - {"count"} == {"context", "source", "args"}:
        args = {name: _restored(arg) for name, arg in value["args"].items()}
        return Text(value["context"], value["source"], args, value.get("count"))
    if isinstance(value, dict) and set(value) == {"$code", "label"}:
        return Code(value["$code"], _restored(value["label"]))
    if isinstance(value, dict) and set(value) == {"$number"}:
        return Number(Decimal(value["$number"]))
    if isinstance(value, dict) and set(value) == {"$amount", "currency"}:
        return Amount(Decimal(value["$amount"]), value["currency"])
    if isinstance(value, dict) and set(value) == {"$day"}:
        return Day(date.fromisoformat(value["$day"]))
    if isinstance(value, dict) and set(value) == {"$moment"}:
        return Moment(datetime.fromisoformat(value["$moment"]))
    if isinstance(value, list):
        return [_restored(part) for part in value]
    return value


# json.dumps(value, ensure_ascii=False, sort_keys=True), without a new encoder per call
# (nor C encoder).
_ENCODE = json_writer(json.JSONEncoder(ensure_ascii=False, sort_keys=True))


def to_json(value: Text) -> str:
    """``{"context", "source", "args"}`` as JSON; arguments are JSON values, Texts or
    typed values (``{"$amount": "17.32", "currency": "EUR"}``, ``{"$day": "2026-11-13"}``,
    ``{"$moment": "2026-11-13T09:00:00+00:00"}``)."""
    return _ENCODE(_plain(value))


def from_json(raw: str) -> Text:
    """The Text :func:`to_json` wrote."""
    restored = _restored(json.loads(raw))
    if not isinstance(restored, Text):
        raise ValueError(f"not a stored Text: {raw[:80]!r}")
    return restored
