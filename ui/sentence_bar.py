"""The window's status bar: a passing sentence that does not fit is cut in its middle.

A sentence shown for a while (a backup saved, an import's outcome, an error) shares
the bar with the permanent texts on its right (orders shown, the rate). In French at
1366 pixels they leave it about half the bar, and QStatusBar clips what is over at the
right edge: "Sauvegarde du jour enregistrée : /home/…/backups/boutique-20261203-07", the
file's name lost. Cut in the middle instead, a sentence keeps what happened (its start)
and what it happened to (its end, often a file); the whole sentence is the bar's tooltip
while it is shown, and what :meth:`SentenceBar.currentMessage` gives.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QWidget

# Where QStatusBar draws its message (its messageRect): from 6 px in to 12 px short of
# its right edge, and 2 px short of the first permanent widget.
LEFT_PX = 6
RIGHT_PX = 12
GAP_PX = 2
SPARE_PX = 4  # the style's own frame around the text


class SentenceBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._whole = ""
        self._until: float | None = None  # when the sentence goes (monotonic), None: stays
        self.messageChanged.connect(self._changed)

    def showMessage(self, text: str, timeout: int | None = 0) -> None:
        self._whole = text
        timeout = timeout or 0
        self._until = time.monotonic() + timeout / 1000 if timeout > 0 else None
        self._show(self._cut(), timeout)

    def currentMessage(self) -> str:
        """The whole sentence shown now, cut on screen or not ("" when none)."""
        return self._whole if super().currentMessage() else ""

    def shown_message(self) -> str:
        """What is drawn now: the sentence, or its cut form."""
        return super().currentMessage()

    def room(self) -> int:
        """The pixels the sentence has: from the left to the first permanent text."""
        right = self.width() - RIGHT_PX
        for child in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if child.isVisible() and not isinstance(child, QSizeGrip):
                right = min(right, child.x() - GAP_PX)
        return max(0, right - LEFT_PX - SPARE_PX)

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        super().addPermanentWidget(widget, stretch or 0)
        widget.installEventFilter(self)  # its text grows or shrinks: the room changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show):
            self._refit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        """Cut the sentence shown again for the room there is now; its time runs on."""
        if not self._whole or not super().currentMessage():
            return
        shown = self._cut()
        if shown == super().currentMessage():
            return
        if self._until is None:
            self._show(shown, 0)
            return
        left = int((self._until - time.monotonic()) * 1000)
        if left > 0:
            self._show(shown, left)

    def _cut(self) -> str:
        return self.fontMetrics().elidedText(self._whole, Qt.TextElideMode.ElideMiddle, self.room())

    def _show(self, shown: str, timeout: int) -> None:
        self.setToolTip(self._whole if shown != self._whole else "")
        super().showMessage(shown, timeout)

    def _changed(self, shown: str) -> None:
        if not shown:  # its time ran out, or it was cleared
            self._whole = ""
            self._until = None
            self.setToolTip("")
