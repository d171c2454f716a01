"""Dialogs that grow make room: a dialog whose content changes after it opened (a
warning appears, a field is shown) grows to show all of it, within the screen.

Qt sizes a window once, when it is first shown; a later change only asks the layout
again, and a window with a fixed minimum width squeezes its new rows instead of
growing. :func:`make_room` watches the dialog's layout requests and grows it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QDialog, QScrollArea, QStyle, QWidget


class _Room(QObject):
    def __init__(self, dialog: QDialog, width: int) -> None:
        super().__init__(dialog)
        self._dialog = dialog
        self._width = width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._dialog and event.type() in (
            QEvent.Type.LayoutRequest,
            QEvent.Type.Show,
        ):
            grow(self._dialog, self._width)
        return False


def needed_size(dialog: QDialog, width: int) -> QSize:
    """The size that shows every child at least at its minimum, ``width`` wide or more."""
    layout = dialog.layout()
    if layout is None:
        return dialog.sizeHint()
    layout.activate()
    minimum = layout.totalMinimumSize()
    hint = layout.totalSizeHint()
    wide = max(width, minimum.width(), min(hint.width(), max(width, dialog.width())))
    if layout.hasHeightForWidth():
        high = max(minimum.height(), layout.totalHeightForWidth(wide))
    else:
        high = max(minimum.height(), hint.height())
    return QSize(wide, high)


def grow(dialog: QDialog, width: int) -> None:
    """Grow ``dialog`` (never shrink it) to its needed size, bounded by its screen."""
    if not dialog.isVisible():
        # Before it is shown Qt sizes it from its hints; only keep the wanted width.
        dialog.setMinimumWidth(0)
        if dialog.layout() is not None:
            dialog.resize(needed_size(dialog, width))
        return
    wanted = needed_size(dialog, width).expandedTo(dialog.size())
    screen = dialog.screen()
    if screen is not None:
        available = screen.availableGeometry().size()
        wanted = wanted.boundedTo(available)
    if wanted != dialog.size():
        dialog.resize(wanted)


def make_room(dialog: QDialog, width: int = 480) -> None:
    """Keep ``dialog`` at least ``width`` wide and tall enough for what it shows, now and
    after its content changes."""
    dialog.installEventFilter(_Room(dialog, width))
    grow(dialog, width)


def fit_scroll_width(scroll: QScrollArea, inner: QWidget) -> None:
    """A vertical-only scroll area as wide as its content, so no column is clipped."""
    bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    frame = 2 * scroll.frameWidth()
    scroll.setMinimumWidth(inner.minimumSizeHint().width() + bar + frame + 2)
