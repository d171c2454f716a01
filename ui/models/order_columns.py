"""How the window draws each column of the order list: one entry per :class:`Column`.

A column is declared once in :mod:`app.order_views.order_list` (its title, tooltip and the
database values it reads and sorts on). What needs Qt or the seller's locale is
here, one :class:`Cells` per column: its text, tooltip, colour and font, and the
widest typical cells that give it its width. A test checks every column has one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette

from app.order_views.order_list import Column, Deadline, DeadlineKind, OrderRow
from app.storage.order_table import FulfilledBy, OrderStatus
from ui.i18n import money, short_date
from ui.labels import (
    SAMPLE_DAY,
    asked_by_message_explanation,
    asked_by_message_tag,
    deadline_explanation,
    deadline_tag,
    fulfilled_by_amazon_explanation,
    fulfilled_by_amazon_tag,
    hidden_buyer,
    status_label,
)

LATE_COLOUR = QColor(176, 96, 0)  # amber, always with the word "late"
AT_RISK_COLOUR = QColor(190, 20, 20)  # red, always with "auto-cancel in N days"
# The list's marks of a cancellation request: official (S4), by message only (S5).
OFFICIAL_MARK = "⚑"
BY_MESSAGE_MARK = "✉"


def _nothing(row: OrderRow) -> None:
    del row


def plain(value: object) -> object:
    """A database value as the model's sort role gives it: text, a number or a flag."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    return value


@dataclass(frozen=True)
class Cells:
    """How one column's cells look (its database side is in its :class:`Column`)."""

    text: Callable[[OrderRow], str]
    # The widest typical cells, in the current language: they give the column its width.
    samples: Callable[[], tuple[str, ...]]
    tooltip: Callable[[OrderRow], str | None] = _nothing
    foreground: Callable[[OrderRow], QBrush | None] = _nothing
    font: Callable[[OrderRow], QFont | None] = _nothing
    # The sort role's value; by default the value the column sorts on, made plain.
    raw: Callable[[OrderRow], object] | None = None
    right_aligned: bool = False
    bold: bool = False  # its warnings are drawn bold: its width is measured in bold
    mark: bool = False  # a narrow column of marks: always as narrow as they are


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _ship_by(row: OrderRow) -> str:
    date_text = short_date(row.latest_ship_date)
    if row.fulfilled_by is FulfilledBy.MARKETPLACE:
        # The marketplace's ship-by date, not the seller's: say who ships instead.
        return f"{date_text} · {fulfilled_by_amazon_tag()}"
    emphasis = deadline_tag(row.deadline)
    return f"{date_text} ⚠ {emphasis}" if emphasis else date_text


def _ship_by_samples() -> tuple[str, ...]:
    tags = (
        deadline_tag(Deadline(DeadlineKind.AT_RISK, days_late=4, days_left=3)),
        deadline_tag(Deadline(DeadlineKind.AT_RISK, days_late=7, days_left=0)),
        deadline_tag(Deadline(DeadlineKind.LATE, days_late=3, days_left=4)),
    )
    return (
        *(f"{short_date(SAMPLE_DAY)} ⚠ {tag}" for tag in tags),
        f"{short_date(SAMPLE_DAY)} · {fulfilled_by_amazon_tag()}",
    )


def _ship_by_tooltip(row: OrderRow) -> str | None:
    if row.deadline.kind in (DeadlineKind.LATE, DeadlineKind.AT_RISK):
        return deadline_explanation(row.deadline)
    if row.fulfilled_by is FulfilledBy.MARKETPLACE:
        return fulfilled_by_amazon_explanation()
    return None


def _ship_by_colour(row: OrderRow) -> QBrush | None:
    if row.deadline.kind is DeadlineKind.AT_RISK:
        return QBrush(AT_RISK_COLOUR)
    if row.deadline.kind is DeadlineKind.LATE:
        return QBrush(LATE_COLOUR)
    return None


def _hidden_buyer_colour(row: OrderRow) -> QBrush | None:
    if not row.buyer_hidden:
        return None
    palette = QGuiApplication.palette()
    return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def _hidden_buyer_font(row: OrderRow) -> QFont | None:
    if not row.buyer_hidden:
        return None
    font = QFont()
    font.setItalic(True)
    return font


def _items(row: OrderRow) -> str:
    units = QCoreApplication.translate("OrderTableModel", "{count} × {skus}")
    return units.format(count=row.item_count, skus=row.skus)


def _request_mark(row: OrderRow) -> str:
    if row.buyer_requested_cancel:
        return OFFICIAL_MARK
    return BY_MESSAGE_MARK if row.asked_by_message else ""


def _request_tooltip(row: OrderRow) -> str | None:
    if row.buyer_requested_cancel:
        why = QCoreApplication.translate(
            "OrderTableModel",
            "The buyer asked to cancel through the marketplace: cancelling with reason "
            "Buyer canceled does not count in your cancellation rate.",
        )
        mark = QCoreApplication.translate("OrderTableModel", "⚑ Buyer requested")
        return f"{mark} — {why}"
    if row.asked_by_message:
        return f"{asked_by_message_tag()} — {asked_by_message_explanation()}"
    return None


CELLS: dict[Column, Cells] = {
    Column.ORDER_ID: Cells(lambda row: row.order_id, lambda: ("000-0000000-0000000",)),
    Column.PURCHASED: Cells(
        lambda row: short_date(row.purchase_date), lambda: (short_date(SAMPLE_DAY),)
    ),
    Column.SHIP_BY: Cells(
        _ship_by,
        _ship_by_samples,
        tooltip=_ship_by_tooltip,
        foreground=_ship_by_colour,
        font=lambda row: _bold() if row.deadline.kind is DeadlineKind.AT_RISK else None,
        bold=True,
    ),
    Column.STATUS: Cells(
        lambda row: status_label(row.status),
        lambda: tuple(status_label(status) for status in OrderStatus),
    ),
    Column.BUYER: Cells(
        lambda row: hidden_buyer() if row.buyer_hidden else row.buyer_name or "—",
        lambda: ("Clément Chevalier", hidden_buyer()),
        tooltip=lambda row: (
            QCoreApplication.translate(
                "OrderTableModel",
                "Amazon gives no address or buyer contact until it has verified the payment.",
            )
            if row.buyer_hidden
            else None
        ),
        foreground=_hidden_buyer_colour,
        font=_hidden_buyer_font,
    ),
    Column.ITEMS: Cells(
        lambda row: QCoreApplication.translate("OrderTableModel", "{count} × {skus}").format(
            count=row.item_count, skus=row.skus
        ),
        lambda: ("2 × CARNET-A5-PTS MUG",),
        tooltip=lambda row: row.skus,
    ),
    Column.TOTAL: Cells(
        lambda row: money(row.total, row.currency),
        lambda: (money(Decimal("999.99"), "EUR"),),
        right_aligned=True,
    ),
    Column.BUYER_REQUESTED: Cells(
        _request_mark,
        lambda: (OFFICIAL_MARK, BY_MESSAGE_MARK),  # marks: their words are in the tooltips
        tooltip=_request_tooltip,
        font=lambda row: _bold() if row.buyer_requested_cancel or row.asked_by_message else None,
        raw=lambda row: row.buyer_requested_cancel or row.asked_by_message,
        bold=True,
        mark=True,
    ),
}


def column_title(column: Column) -> str:
    return QCoreApplication.translate("OrderTableModel", column.title)


def column_tooltip(column: Column) -> str:
    return QCoreApplication.translate("OrderTableModel", column.tooltip)


def column_samples() -> dict[Column, tuple[str, ...]]:
    """The widest typical cells of each list column, in the current language."""
    return {column: cells.samples() for column, cells in CELLS.items()}


def sort_value(row: OrderRow, column: Column) -> object:
    raw = CELLS[column].raw
    return raw(row) if raw is not None else plain(row.value(column))
