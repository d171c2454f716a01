"""A one-line label that gives way: cut with "…" when narrow, its whole text in the tooltip.

The status bar holds three permanent texts (orders shown, the rate sentence, the sync
state); in French at 1366 px they do not all fit, and a QLabel never shrinks below its
text, so the last one was pushed off the window's edge. This label asks for its whole
text but accepts less: what is cut stays one hover away.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

FEWEST_PX = 48  # what it keeps at the least: a few letters and the "…"


class ElidedLabel(QLabel):
    """``setText`` and ``text`` are the whole text; what is drawn may be cut. ``setToolTip``
    sets the explanation shown under the whole text when it is cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""
        self._explanation = ""
        self.setTextFormat(Qt.TextFormat.PlainText)

    def setText(self, text: str) -> None:
        self._whole = text
        self.updateGeometry()
        self._fit()

    def text(self) -> str:
        return self._whole

    def setToolTip(self, tip: str) -> None:
        self._explanation = tip
        self._fit()

    def clear(self) -> None:
        self.setText("")

    def shown_text(self) -> str:
        """What is drawn now, cut or not."""
        return super().text()

    def is_cut(self) -> bool:
        return self.shown_text() != self._whole

    def _whole_width(self) -> int:
        self.ensurePolished()  # a style sheet may make it bold
        margins = self.contentsMargins()
        return (
            self.fontMetrics().horizontalAdvance(self._whole)
            + 2 * self.margin()
            + margins.left()
            + margins.right()
            + 2  # elidedText cuts a text that fits to the pixel
        )

    def sizeHint(self) -> QSize:
        return QSize(self._whole_width(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(min(FEWEST_PX, self._whole_width()), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width() - 2 * self.margin()
        shown = self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideRight, room)
        if shown != super().text():
            super().setText(shown)
        tips = [self._whole] if shown != self._whole else []
        if self._explanation:
            tips.append(self._explanation)
        super().setToolTip("\n\n".join(tips))
