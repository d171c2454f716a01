"""Quiet (grey) text that stays readable: WCAG AA asks 4.5:1 against its background.

A disabled label's grey is Qt's sign for "not available" and is often near 2:1; a
hint that is meant to be read gets the palette's own text colour moved toward
the background only as far as that contrast allows.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

AA_NORMAL_TEXT = 4.5


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2.1)."""
    red, green, blue = (_linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(one: QColor, other: QColor) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mix(text: QColor, background: QColor, share: float) -> QColor:
    """``share`` of the way from ``text`` to ``background``."""
    return QColor.fromRgbF(
        text.redF() + (background.redF() - text.redF()) * share,
        text.greenF() + (background.greenF() - text.greenF()) * share,
        text.blueF() + (background.blueF() - text.blueF()) * share,
    )


def quiet_colour(text: QColor, background: QColor, ratio: float = AA_NORMAL_TEXT) -> QColor:
    """The greyest colour between ``text`` and ``background`` still ``ratio``:1 on it."""
    best = QColor(text)
    for step in range(1, 20):
        candidate = _mix(text, background, step / 20)
        if contrast_ratio(candidate, background) < ratio:
            break
        best = candidate
    return best


def make_quiet(label: QWidget) -> None:
    """Grey ``label``'s text as far as stays readable on its window's background."""
    palette = label.palette()
    background = palette.color(QPalette.ColorRole.Window)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = palette.color(group, QPalette.ColorRole.WindowText)
        palette.setColor(group, QPalette.ColorRole.WindowText, quiet_colour(text, background))
    label.setPalette(palette)
