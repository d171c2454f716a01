"""Showing the core's Text in the seller's language, and locale formatting."""

from __future__ import annotations

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTimeZone

from app.text import Amount, Code, Day, Moment, Number, Text, Typed


def tr_text(value: Text | Code) -> str:
    """Translate a sentence produced by app/ (and the labels inside it), then fill it in
    with its amounts and dates written as the seller's locale writes them; a code
    (a reason, a state) gives its translated label."""
    if isinstance(value, Code):
        value = value.label
    return value.render(_translated, _written)


def _translated(part: Text) -> str:
    count = -1 if part.count is None else part.count
    return QCoreApplication.translate(part.context, part.source, None, count)


def _written(value: Typed | Code) -> str:
    if isinstance(value, Code):
        return tr_text(value)  # the code's label, never the code itself
    if isinstance(value, Amount):
        return money(value.value, value.currency)
    if isinstance(value, Number):
        return number(value.value, value.places())
    if isinstance(value, Day):
        return short_date(value.value)
    if isinstance(value, Moment):
        return date_time(value.value)
    raise TypeError(f"not an amount or a date: {value!r}")


def number(value: Decimal, places: int = 2) -> str:
    """A Decimal as the seller's locale writes numbers (``1 234,90``), never through float."""
    locale = QLocale()
    step = Decimal(1).scaleb(-places)
    rounded = value.quantize(step, rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    omit = bool(locale.numberOptions() & QLocale.NumberOption.OmitGroupSeparator)
    text = ("" if omit else locale.groupSeparator()).join(groups)
    if places:
        text += locale.decimalPoint() + fraction
    return (locale.negativeSign() + text) if rounded < 0 else text


def count(value: int) -> str:
    """A count as the seller's locale writes it (``58,881``, ``58 881``): the same as
    Qt writes a plural sentence's ``%Ln``."""
    return QLocale().toString(value)


def percent(value: Decimal) -> str:
    """A rate with two decimals and its % sign, never split across lines."""
    return number(value) + "\u00a0%"


def money(value: Decimal | None, currency: str | None = None) -> str:
    """An amount as the seller's locale writes it (``14,90 €`` in French, ``€14.90`` in English)."""
    if value is None:
        return "—"
    digits = number(abs(value))
    if not currency:
        return digits if value >= 0 else QLocale().negativeSign() + digits
    # Where the locale puts the symbol, read off a pattern written for 1; the digits
    # themselves come from the Decimal. A negative amount is the locale's minus sign
    # before it: Qt's own negative currency pattern is an accountant's "(2,60 €)" in
    # French, which a seller reads as a note, not as money owed.
    locale = QLocale()
    one = locale.toString(1.0, "f", 2)
    written = locale.toCurrencyString(1.0, _currency_symbol(currency), 2).replace(one, digits, 1)
    return written if value >= 0 else locale.negativeSign() + written


def _currency_symbol(currency: str) -> str:
    return {"EUR": "€", "GBP": "£", "USD": "$", "JPY": "¥"}.get(currency.upper(), currency.upper())


def short_date(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        local = QDateTime(value).toTimeZone(QTimeZone.systemTimeZone())
        return QLocale().toString(local.date(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(QDate(value), QLocale.FormatType.ShortFormat)


def time_of_day(value: datetime) -> str:
    local = QDateTime(value).toTimeZone(QTimeZone.systemTimeZone())
    return QLocale().toString(local.time(), QLocale.FormatType.ShortFormat)


def date_time(value: datetime | None) -> str:
    if value is None:
        return "—"
    local = QDateTime(value).toTimeZone(QTimeZone.systemTimeZone())
    return QLocale().toString(local, QLocale.FormatType.ShortFormat)


def without_mnemonic(text: str) -> str:
    """``text`` with its Alt+letter marker removed ("&&", a literal &, kept)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&&")
