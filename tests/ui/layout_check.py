"""What a seller would see as a broken dialog: a control squashed below its minimum
size, or a visible control partly outside the dialog."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QSizePolicy,
    QTabBar,
    QWidget,
)

LAPTOP = (1366, 768)
# Widgets that draw their own insides: their children are theirs to place.
COMPOUND = (QAbstractScrollArea, QComboBox, QAbstractSpinBox, QDateTimeEdit, QTabBar)


def _inside_compound(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def layout_faults(top: QWidget) -> list[str]:
    """One line per visible child that is squashed or outside ``top``; empty when all fit."""
    faults = []
    if top.width() > LAPTOP[0] or top.height() > LAPTOP[1]:
        faults.append(f"{top.objectName()} is {top.width()}×{top.height()}, larger than a laptop")
    area = top.rect()
    for child in top.findChildren(QWidget):
        if (
            child.isWindow()
            or not child.isVisibleTo(top)
            or _inside_compound(child, top)
            or isinstance(child, QTabBar)  # it scrolls or elides its own tabs
        ):
            continue
        name = f"{type(child).__name__} {child.objectName()!r} {_words(child)!r}"
        width, height = needed(child)
        if width > child.width() + 1 or height > child.height() + 1:
            faults.append(f"{name}: {child.width()}×{child.height()}, needs {width}×{height}")
        placed = QRect(child.mapTo(top, QPoint(0, 0)), child.size())
        if not area.contains(placed):
            faults.append(f"{name}: at {placed.getRect()}, outside {area.getRect()}")
    return faults


def needed(widget: QWidget) -> tuple[int, int]:
    """The smallest size that shows ``widget`` whole, as Qt's layouts reckon it: a
    minimum size set in code wins over the widget's own hint; an Ignored policy needs none."""
    hint = widget.minimumSizeHint()
    policy = widget.sizePolicy()
    width = widget.minimumWidth() or hint.width()
    height = widget.minimumHeight() or hint.height()
    if widget.hasHeightForWidth() and not widget.minimumHeight():
        height = widget.heightForWidth(widget.width())
    if policy.horizontalPolicy() == QSizePolicy.Policy.Ignored and not widget.minimumWidth():
        width = 0
    if policy.verticalPolicy() == QSizePolicy.Policy.Ignored and not widget.minimumHeight():
        height = 0
    # A maximum set in code (a thin busy bar) is the widget's own choice.
    return min(width, widget.maximumWidth()), min(height, widget.maximumHeight())


def _words(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    if callable(text):
        value = text()
        if isinstance(value, str):
            return value[:40]
    return ""
