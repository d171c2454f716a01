"""Showing the core's Text in the seller's language, and locale formatting."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTimeZone

from app.text import Amount, Day, Moment, Text, Typed


def tr_text(value: Text) -> str:
    """Translate a sentence produced by app/ (and the labels inside it), then fill it in
    with its amounts and dates written as the seller's locale writes them."""
    return value.render(
        lambda part: QCoreApplication.translate(part.context, part.source), _written
    )


def _written(value: Typed) -> str:
    if isinstance(value, Amount):
        return money(value.value, value.currency)
    if isinstance(value, Day):
        return short_date(value.value)
    if isinstance(value, Moment):
        return date_time(value.value)
    raise TypeError(f"not an amount or a date: {value!r}")


def money(value: Decimal | None, currency: str | None = None) -> str:
    """An amount as the seller's locale writes it (``14,90 €`` in French)."""
    if value is None:
        return "—"
    locale = QLocale()
    # QLocale formats through double; a two-decimal amount below 10^13 survives exactly,
    # and the stored value itself stays Decimal.
    symbol = _currency_symbol(currency) if currency else ""
    return (
        locale.toCurrencyString(float(value), symbol, 2)
        if symbol
        else locale.toString(float(value), "f", 2)
    )


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
