"""Money is Decimal with two places, rounded half-up; never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
ZERO = Decimal("0.00")


def cents(value: Decimal) -> Decimal:
    """Round to the cent, half-up, as the marketplace does."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def parse_amount(raw: str) -> Decimal:
    """Parse an amount as written in a report or typed by a seller.

    Accepts a dot or a comma as decimal separator and a leading currency-free
    sign; refuses thousands separators that would make the value ambiguous.
    Raises ValueError with the raw text when it is not an amount.
    """
    cleaned = raw.strip().replace("\u00a0", "").replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(raw) from None
    if not value.is_finite():
        raise ValueError(raw)
    return cents(value)


def format_amount(value: Decimal | None) -> str | None:
    """The file and JSON form: dot, exactly two decimals, no grouping."""
    return None if value is None else f"{cents(value):.2f}"


def to_minor_units(value: Decimal) -> int:
    return int(cents(value) * 100)


def from_minor_units(value: int) -> Decimal:
    return (Decimal(value) / 100).quantize(CENT)


def pro_rata(total: Decimal, quantity: int, part: int) -> Decimal:
    """The share of a line total for ``part`` of ``quantity`` units.

    Each unit gets the total divided by the quantity rounded half-up to the
    cent; the last unit takes the remainder, so the parts of a line always add
    up to its total exactly.
    """
    if quantity <= 0 or part <= 0:
        return ZERO
    whole = cents(total)
    if part >= quantity:
        return whole
    unit = cents(total / quantity)
    share = cents(unit * part)
    # A unit rounded up can make the first units worth more than the line (0.03 for 5
    # units: 0.01 each, 0.04 for four); they never take more than the line holds.
    return min(share, whole) if whole >= 0 else max(share, whole)


def percent_of(value: Decimal, percent: Decimal) -> Decimal:
    return cents(value * percent / 100)


def pro_rata_after(total: Decimal, quantity: int, already: int, part: int) -> Decimal:
    """The share for ``part`` more units when ``already`` units were taken before.

    Taking units in several steps adds up to the same as taking them at once,
    and the step that takes the last unit gets the remainder.
    """
    return pro_rata(total, quantity, already + part) - pro_rata(total, quantity, already)
