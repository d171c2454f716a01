"""Condition grades of a returned item and the restocking-fee ceiling of each (DESIGN.md §5).

A restocking fee is deducted from the item-price refund. It is a share of the
item line's charged price and never above the ceiling of the return's
condition grade. Ceilings have defaults and can be overridden per grade in the
``settings`` table (key ``restocking_ceiling.<grade>``, value a percentage).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from app.errors import BadInput
from app.money import ZERO, cents, parse_amount, percent_of
from app.settings import (
    CARRIER_ANY,
    CARRIER_DAMAGED,
    DEFAULT_RESTOCKING_CEILINGS,
    carrier_return_ceilings,
    restocking_ceilings,
)
from app.text import QT_TRANSLATE_NOOP, Code, text

CTX = "Restocking"

# Grade → label a seller reads, in the order the window offers them.
GRADES: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Restocking", "New — returned as new within policy"),
    "late": QT_TRANSLATE_NOOP("Restocking", "Late — unopened, returned after the deadline"),
    "opened": QT_TRANSLATE_NOOP("Restocking", "Opened"),
    "used": QT_TRANSLATE_NOOP("Restocking", "Used"),
    "damaged": QT_TRANSLATE_NOOP("Restocking", "Damaged"),
}
# The grade as a word inside a sentence ("a used return", "Return received (used)").
GRADE_WORDS: dict[str, str] = {
    "new": QT_TRANSLATE_NOOP("Condition", "new"),
    "late": QT_TRANSLATE_NOOP("Condition", "late"),
    "opened": QT_TRANSLATE_NOOP("Condition", "opened"),
    "used": QT_TRANSLATE_NOOP("Condition", "used"),
    "damaged": QT_TRANSLATE_NOOP("Condition", "damaged"),
}


def condition_label(grade: str) -> Code:
    """A condition grade inside a sentence: the grade in English, its word in the window."""
    return Code(grade, text("Condition", GRADE_WORDS.get(grade, grade)))


# Defaults and the settings-table overrides live in app.settings, once.
DEFAULT_CEILINGS: dict[str, Decimal] = DEFAULT_RESTOCKING_CEILINGS
# FORMATS.md §5: a fee of 20 % or more of the item price needs a photo of the item.
PHOTO_PERCENT = Decimal("20")


def condition_grade(raw: str) -> str:
    """The grade as stored (``used``), or BadInput listing the grades."""
    grade = raw.strip().lower()
    if grade not in GRADES:
        raise BadInput(
            text(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Restocking", "Unknown condition grade {raw!r}. Grades: {known}."
                ),
                raw=raw,
                known=", ".join(GRADES),
            )
        )
    return grade


def ceilings(session: Session) -> dict[str, Decimal]:
    """The ceiling percentage of every grade: defaults, overridden by the settings table."""
    return restocking_ceilings(session)


def carrier_ceilings(session: Session) -> dict[str, Decimal]:
    """A carrier return's ceilings (S16): ``any`` grade and ``damaged``."""
    return carrier_return_ceilings(session)


def ceiling_percent(
    grade: str,
    carrier_return: bool,
    by_grade: dict[str, Decimal],
    carrier: dict[str, Decimal],
) -> Decimal:
    """The fee ceiling for a return of ``grade``: its grade's, or for a parcel the carrier
    brought back (S16: wrong address, buyer unreachable) the carrier return's own, since
    the seed allows a fee there even on an unopened parcel (DESIGN.md §5, updated)."""
    if carrier_return:
        return carrier[CARRIER_DAMAGED if grade == "damaged" else CARRIER_ANY]
    return by_grade[grade]


@dataclass(frozen=True)
class Share:
    """How much of something a seller asks for: an amount, a percentage, or all of it.

    ``everything`` means all that is still refundable; ``percent`` is a share of
    what was charged for the component (for a fee: of the charged item price).
    """

    amount: Decimal | None = None
    percent: Decimal | None = None
    everything: bool = False

    @classmethod
    def parse(cls, raw: str) -> Share:
        """``14.90``, ``14,90`` or ``20%`` as typed; BadInput if it is none of them."""
        cleaned = raw.strip()
        is_percent = cleaned.endswith("%")
        number = cleaned.rstrip("%").strip()
        problem = None
        try:
            value = Decimal(parse_amount(number)) if number else None
            exact = Decimal(number.replace(",", ".").replace(" ", "")) if number else None
        except (ValueError, InvalidOperation):
            value = exact = None
        if value is None or exact is None:
            problem = QT_TRANSLATE_NOOP(
                "Restocking", "{raw!r} is not an amount: write 14.90 or a percentage like 20%."
            )
        elif value < 0:
            problem = QT_TRANSLATE_NOOP("Restocking", "{raw!r}: an amount cannot be negative.")
        elif exact != value:
            problem = QT_TRANSLATE_NOOP("Restocking", "{raw!r}: amounts have at most two decimals.")
        if problem is not None:
            raise BadInput(text(CTX, problem, raw=raw))
        assert value is not None
        return cls(percent=value) if is_percent else cls(amount=value)

    def resolve(self, charged: Decimal, left: Decimal) -> Decimal:
        """The amount this share names, given what was charged and what is left."""
        if self.everything:
            return cents(left)
        if self.percent is not None:
            return percent_of(charged, self.percent)
        return cents(self.amount if self.amount is not None else ZERO)

    def label(self) -> str:
        if self.everything:
            return "all"
        if self.percent is not None:
            return f"{self.percent.normalize():f}%"
        return f"{cents(self.amount or ZERO):.2f}"


def fee_ceiling(charged_item_price: Decimal, percent: Decimal) -> Decimal:
    """The largest fee a grade allows on an item line, rounded like every percentage."""
    return percent_of(charged_item_price, percent)


def needs_photo(fee: Decimal, charged_item_price: Decimal) -> bool:
    """A fee of 20 % or more of the item price needs a photo of the item."""
    return fee > 0 and fee * 100 >= charged_item_price * PHOTO_PERCENT
