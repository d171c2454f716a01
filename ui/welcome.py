"""First start on an empty database: import a report, or try demo data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.contrast import make_quiet


class Welcome(QWidget):
    def __init__(
        self, import_action: QAction, demo_action: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro = QLabel(self)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("welcome_import")
        self.import_button.setIcon(import_action.icon())
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(import_action.trigger)
        self.import_hint = QLabel(self)
        self.demo_button = QPushButton(self)
        self.demo_button.setObjectName("welcome_demo")
        self.demo_button.clicked.connect(demo_action.trigger)
        self.demo_button.setVisible(demo_action.isVisible())
        self.demo_hint = QLabel(self)
        self.demo_hint.setVisible(demo_action.isVisible())
        for button in (self.import_button, self.demo_button):
            button.setMinimumHeight(36)
        for label in (self.intro, self.import_hint, self.demo_hint):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for hint in (self.import_hint, self.demo_hint):
            make_quiet(hint)  # grey, yet 4.5:1 (a disabled label's grey was about 2:1)

        # A column of fixed width in the middle. Its labels take the column's full width
        # (no alignment flags), so wrapped text gets the height it needs.
        column = QVBoxLayout()
        column.addWidget(self.title)
        column.addSpacing(8)
        column.addWidget(self.intro)
        column.addSpacing(24)
        column.addWidget(self.import_button)
        column.addWidget(self.import_hint)
        column.addSpacing(16)
        column.addWidget(self.demo_button)
        column.addWidget(self.demo_hint)
        panel = QWidget(self)
        panel.setLayout(column)
        panel.setFixedWidth(560)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addStretch(3)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to SellerDesk"))
        self.intro.setText(
            self.tr(
                "Your order database is empty. Start from your own orders, or look around "
                "with demo orders first."
            )
        )
        self.import_button.setText(self.tr("Import an order report…"))
        self.import_hint.setText(
            self.tr(
                "In Seller Central: Reports > Fulfilment > All Orders (or Unshipped Orders), "
                "download the report, then choose the file here."
            )
        )
        self.demo_button.setText(self.tr("Try demo data"))
        self.demo_hint.setText(
            self.tr("Opens a throw-away database with 200 demo orders; your data is not touched.")
        )
