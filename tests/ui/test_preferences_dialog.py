"""Issue 12 items 5 and 12: the shop name, language and restocking-fee ceilings are set
in the window (Preferences), kept in the database, and used by summaries and refunds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from app import settings
from tests.ui.test_mnemonics import clashes, dialog_texts
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.translation import install_translators


def open_preferences(win) -> PreferencesDialog:
    win.registry["preferences"].trigger()
    (dialog,) = [d for d in win.findChildren(PreferencesDialog) if d.isVisible()]
    return dialog


def ok(dialog, qtbot) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def test_the_shop_name_and_ceilings_are_saved_in_the_database(db, win, qtbot):
    dialog = open_preferences(win)
    page = dialog.general
    assert page.ceilings["new"].text() == "0" and page.carrier_any.text() == "20"
    page.shop_name.clear()
    qtbot.keyClicks(page.shop_name, "Atelier Lin")
    page.ceilings["used"].setText("40")
    page.carrier_damaged.setText("45,5")
    ok(dialog, qtbot)
    assert not dialog.isVisible()
    chosen = settings.preferences(db)
    assert chosen.shop_name == "Atelier Lin"
    assert chosen.ceilings["used"] == Decimal("40")
    assert chosen.carrier_return_ceilings == {"any": Decimal("20"), "damaged": Decimal("45.5")}
    assert "Preferences saved" in win.statusBar().currentMessage()
    again = open_preferences(win)
    assert again.general.shop_name.text() == "Atelier Lin"


def test_a_ceiling_that_is_not_a_percentage_keeps_the_dialog_open_and_saves_nothing(db, win, qtbot):
    dialog = open_preferences(win)
    dialog.general.shop_name.setText("Atelier Lin")
    dialog.general.carrier_any.setText("120")
    ok(dialog, qtbot)
    assert dialog.isVisible()
    assert "0 to 100" in dialog.problem.text
    assert settings.preferences(db).shop_name == ""


def test_choosing_french_switches_the_window(db, win, qtbot, qapp):
    dialog = open_preferences(win)
    dialog.general.language.setCurrentIndex(dialog.general.language.findData("fr"))
    try:
        ok(dialog, qtbot)
        assert settings.get(db, settings.LANGUAGE) == "fr"
        assert win.menus[next(iter(win.menus))].title() == "&Fichier"
    finally:
        install_translators(qapp, "en")


def test_another_page_is_one_more_tab_saved_with_ok(db, win, qtbot):
    saved = []

    class Page(QLabel):
        def save(self) -> None:
            saved.append(True)

    dialog = open_preferences(win)
    before = dialog.tabs.count()
    dialog.add_page(Page("another"), "An&other")
    assert dialog.tabs.count() == before + 1
    ok(dialog, qtbot)
    assert saved == [True]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_two_controls_share_a_mnemonic(db, win, qapp, language):
    install_translators(qapp, language)
    try:
        dialog = PreferencesDialog(db, win)
        assert clashes(dialog_texts(dialog)) == []
        fields = [label.text() for label in dialog.findChildren(QLabel) if label.buddy()]
        assert len(fields) == 9 and all("&" in text for text in fields), fields
    finally:
        install_translators(qapp, "en")
        QApplication.processEvents()


def test_french_ceiling_labels_put_a_space_before_their_colon(db, win, qapp):
    install_translators(qapp, "fr")
    try:
        dialog = PreferencesDialog(db, win)
        labels = {
            label.text()
            for label in dialog.general.findChildren(QLabel)
            if label.buddy() in dialog.general.ceilings.values()
        }
        assert "&1 Neuf — retourné à l'état neuf dans les délais\u00a0:" in labels
        assert len(labels) == 5 and all(text.endswith("\u00a0:") for text in labels), labels
    finally:
        install_translators(qapp, "en")
        QApplication.processEvents()
