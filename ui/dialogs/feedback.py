"""The inline line a dialog shows when the core refuses or the input is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from app.errors import SellerDeskError
from ui.i18n import tr_text


class ProblemLine(QWidget):
    """A warning icon and one sentence in the seller's words; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problem")
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setObjectName("problem_text")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(icon, 0)
        layout.addWidget(self.label, 1)
        self.hide()

    @property
    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""

    def say(self, message: str) -> None:
        self.label.setText(message)
        self.show()

    def say_error(self, error: SellerDeskError) -> None:
        lines = [tr_text(error.message), *(tr_text(detail) for detail in error.details)]
        self.say("\n".join(lines))

    def clear(self) -> None:
        self.label.clear()
        self.hide()
