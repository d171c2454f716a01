"""A passing sentence in the status bar that does not fit beside the orders shown and the
rate is cut in its middle, never at its end: what happened and to which file both stay."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication

from ui.main_window import MainWindow
from ui.sentence_bar import SentenceBar
from ui.translation import install_translators

BACKUP = "/home/marie/.local/share/SellerDesk/backups/boutique-de-marie-20261203-073330Z.sqlite"


@pytest.fixture
def window(db, qtbot, qapp) -> Iterator[MainWindow]:
    install_translators(qapp, "fr")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.resize(1366, 740)
    win.show()
    qtbot.waitUntil(lambda: bool(win._counts))
    yield win
    win.shutdown()
    install_translators(qapp, "en")


def sentence() -> str:
    return QCoreApplication.translate("BackupController", "Daily backup saved: {path}").format(
        path=BACKUP
    )


def test_a_long_sentence_keeps_its_start_and_its_file_and_is_whole_in_the_tooltip(window, qtbot):
    bar = window.statusBar()
    assert isinstance(bar, SentenceBar)
    window.rate_label.setText(
        "⚠ Taux d'annulations sur 7 jours : 2,82 % (objectif : moins de 2,50 %)"
        " — au-dessus de l'objectif"
    )
    window.rate_label.setStyleSheet("font-weight: bold")  # as the window shows it then
    whole = sentence()
    assert whole.startswith("Sauvegarde du jour enregistrée")
    bar.showMessage(whole, 15000)
    qtbot.waitUntil(lambda: "…" in bar.shown_message())  # once the rate has taken its room
    shown = bar.shown_message()
    assert shown.startswith("Sauvegarde du jour")
    assert shown.endswith("073330Z.sqlite")
    assert bar.fontMetrics().horizontalAdvance(shown) <= bar.room()
    assert bar.toolTip() == whole
    assert bar.currentMessage() == whole  # what the window asks of the bar: the sentence
    window.rate_label.setText("Taux d'annulations sur 7 jours : 0,00 %")  # less room taken
    qtbot.waitUntil(lambda: len(bar.shown_message()) > len(shown))

    window.resize(2600, 740)  # room enough: whole again, no tooltip
    qtbot.waitUntil(lambda: bar.shown_message() == whole)
    assert bar.toolTip() == ""


def test_a_cut_sentence_still_goes_when_its_time_is_up_after_a_resize(window, qtbot):
    bar = window.statusBar()
    window.resize(1100, 740)
    started = time.monotonic()
    bar.showMessage(sentence(), 600)
    assert "…" in bar.shown_message()
    window.resize(2600, 740)  # cut again (here: whole) with what is left of its time
    qtbot.waitUntil(lambda: bar.shown_message() == sentence())
    qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=3000)
    assert time.monotonic() - started < 2.0
    assert bar.toolTip() == ""


def test_a_short_sentence_is_shown_as_it_is(window):
    bar = window.statusBar()
    bar.showMessage("Préférences enregistrées.", 8000)
    assert bar.shown_message() == "Préférences enregistrées."
    assert bar.toolTip() == ""
