"""The About dialog tells the seller which SellerDesk this is and where their data lives."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from tests.ui.by_hand import click
from ui.about_dialog import ICON_SIZES, AboutDialog, application_icon

ROOT = Path(__file__).resolve().parents[2]


def _shown_text(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_shows_name_version_from_pyproject_data_folder_and_licence(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]

    shown = _shown_text(dialog)

    assert "SellerDesk" in shown
    assert f"Version {version}" in shown
    assert "MIT" in shown
    # conftest points SELLERDESK_DATA_DIR at a temporary folder: the dialog shows that one.
    assert dialog.data_label.text() == str(Path(_env_data_dir()))


def test_about_shows_the_application_icon(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)

    assert not dialog.icon_label.pixmap().isNull()
    assert not dialog.windowIcon().isNull()
    assert {size.width() for size in application_icon().availableSizes()} == set(ICON_SIZES)


def test_open_data_folder_asks_the_desktop_to_show_it(qtbot, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)

    click(qtbot, dialog.open_folder_button)

    assert [url.toLocalFile() for url in opened] == [_env_data_dir()]


def test_a_long_data_folder_path_is_shown_whole_above_its_button(qtbot, monkeypatch, tmp_path):
    long_folder = tmp_path / ("a-seller-with-a-long-folder-name-" * 3) / "SellerDesk"
    monkeypatch.setenv("SELLERDESK_DATA_DIR", str(long_folder))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    path, button = dialog.data_label.geometry(), dialog.open_folder_button.geometry()
    assert dialog.data_label.text() == str(long_folder)  # all of it, to select and copy
    assert dialog.width() < 700  # the path scrolls in its field; the dialog keeps its size
    assert button.top() > path.bottom()  # on its own row, never against the path


def test_close_button_closes_the_dialog(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)

    with qtbot.waitSignal(dialog.rejected):
        click(qtbot, close)


def _env_data_dir() -> str:
    return os.environ["SELLERDESK_DATA_DIR"]
