"""The cancellation-reason dropdown every cancelling dialog shares."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from app.order_actions.reasons import CANCELLATION_REASONS, COMMON_CANCELLATION_REASONS


def cancellation_reason_box(parent: QWidget) -> QComboBox:
    """Translated labels with the marketplace code as item data; the six reasons of
    Seller Central's own cancel menu first, then a separator and the rest (FORMATS.md §2)."""
    box = QComboBox(parent)
    box.setObjectName("reason")
    for code in COMMON_CANCELLATION_REASONS:
        box.addItem(QCoreApplication.translate("Reason", CANCELLATION_REASONS[code]), code)
    box.insertSeparator(box.count())
    for code, label in CANCELLATION_REASONS.items():
        if code not in COMMON_CANCELLATION_REASONS:
            box.addItem(QCoreApplication.translate("Reason", label), code)
    return box
