"""Help > About: what this SellerDesk is, which version, and where it keeps the seller's data."""

from __future__ import annotations

from importlib.resources import files

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import app
from app.storage.db import data_dir

APP_NAME = "SellerDesk"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def application_icon() -> QIcon:
    """SellerDesk's icon at every size shipped in resources/icons (source tree or bundle)."""
    icons = files("resources").joinpath("icons")
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(icons.joinpath(f"sellerdesk-{size}.png")))
    return icon


class AboutDialog(QDialog):
    """Name, version, data folder and licence, with the application's icon."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About SellerDesk"))
        icon = application_icon()
        self.setWindowIcon(icon)

        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon.pixmap(96, 96))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.name_label = QLabel(f"<h2>{APP_NAME}</h2>")
        self.version_label = QLabel(self.tr("Version {version}").format(version=app.__version__))
        self.summary_label = QLabel(
            self.tr(
                "Orders, payments, shipments, cancellations, refunds and returns "
                "for marketplace sellers."
            )
        )
        self.summary_label.setWordWrap(True)

        self.data_folder = str(data_dir())
        self.data_caption = QLabel(self.tr("Your data folder:"))
        # A read-only field rather than a label: a path of any length keeps the dialog at
        # its size (it scrolls), and the seller can still select and copy all of it.
        self.data_label = QLineEdit(self.data_folder)
        self.data_label.setReadOnly(True)
        self.data_label.setCursorPosition(0)
        self.data_caption.setBuddy(self.data_label)
        self.data_label.setToolTip(
            self.tr("Your orders and settings are kept here. Back up this folder.")
        )
        self.open_folder_button = QPushButton(self.tr("&Open Data Folder"))
        self.open_folder_button.clicked.connect(self.open_data_folder)

        self.licence_label = QLabel(
            self.tr("Free software under the MIT licence. © SellerDesk developers.")
        )
        self.licence_label.setWordWrap(True)
        self.built_with_label = QLabel(
            self.tr("Built with Qt {qt}.").format(qt=qVersion()),
        )

        text = QGridLayout()
        text.addWidget(self.name_label, 0, 0, 1, 2)
        text.addWidget(self.version_label, 1, 0, 1, 2)
        text.addWidget(self.summary_label, 2, 0, 1, 2)
        text.addWidget(self.data_caption, 3, 0, 1, 2)
        # The path and its button on rows of their own: a long path never runs into it.
        text.addWidget(self.data_label, 4, 0, 1, 2)
        text.addWidget(self.open_folder_button, 5, 0, Qt.AlignmentFlag.AlignLeft)
        text.setRowMinimumHeight(6, 6)
        text.addWidget(self.licence_label, 7, 0, 1, 2)
        text.addWidget(self.built_with_label, 8, 0, 1, 2)
        text.setColumnStretch(0, 1)

        top = QGridLayout()
        top.addWidget(self.icon_label, 0, 0)
        top.addLayout(text, 0, 1)
        top.setColumnStretch(1, 1)
        top.setHorizontalSpacing(18)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        # Wrapped labels ask for little width; this keeps the summary to two lines.
        self.setMinimumWidth(460)
        layout.addWidget(buttons)

    def open_data_folder(self) -> None:
        """Show the data folder in the system's file manager (it exists once a database is open)."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.data_folder))
