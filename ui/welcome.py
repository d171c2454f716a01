"""First start on an empty database: import a report, or try demo data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


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
        self.intro.setWordWrap(True)
        self.intro.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.intro.setFixedWidth(560)
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
            button.setMinimumWidth(280)
            button.setMinimumHeight(36)
        for hint in (self.import_hint, self.demo_hint):
            hint.setWordWrap(True)
            hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
            hint.setEnabled(False)
            hint.setFixedWidth(460)

        layout = QVBoxLayout(self)
        layout.addStretch(2)
        centre = Qt.AlignmentFlag.AlignHCenter
        layout.addWidget(self.title, 0, centre)
        layout.addSpacing(8)
        layout.addWidget(self.intro, 0, centre)
        layout.addSpacing(24)
        layout.addWidget(self.import_button, 0, centre)
        layout.addWidget(self.import_hint, 0, centre)
        layout.addSpacing(16)
        layout.addWidget(self.demo_button, 0, centre)
        layout.addWidget(self.demo_hint, 0, centre)
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
