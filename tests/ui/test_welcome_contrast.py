"""Issue 12 item 13: the welcome page's grey hints are readable (WCAG AA, 4.5:1)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.test_dialog_layout import demo_db as demo_db  # the module's demo database
from tests.ui.test_dialog_layout import states
from ui.contrast import contrast_ratio, quiet_colour
from ui.main_window import MainWindow
from ui.translation import install_translators
from ui.welcome import Welcome


def test_the_ratio_is_wcags():
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(QColor("#777777"), QColor("white")) < 4.5
    grey = quiet_colour(QColor("black"), QColor("#efefef"))
    assert 4.5 <= contrast_ratio(grey, QColor("#efefef")) < 6  # grey, not black


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_welcome_hints_are_grey_but_readable(qtbot, qapp, language):
    install_translators(qapp, language)
    try:
        page = Welcome(QAction("import"), QAction("demo"))
        qtbot.addWidget(page)
        page.resize(1366, 700)
        page.show()
        background = page.palette().color(QPalette.ColorRole.Window)
        text = page.intro.palette().color(QPalette.ColorRole.WindowText)
        for hint in (page.import_hint, page.demo_hint):
            group = QPalette.ColorGroup.Active if hint.isEnabled() else QPalette.ColorGroup.Disabled
            used = hint.palette().color(group, QPalette.ColorRole.WindowText)
            ratio = contrast_ratio(used, background)
            assert ratio >= 4.5, f"{hint.text()[:30]!r}: {ratio:.2f}:1 on {background.name()}"
            assert ratio < contrast_ratio(text, background)  # still quieter than the intro
    finally:
        install_translators(qapp, "en")


def grey_labels(dialog) -> list[str]:
    """Visible text drawn in a colour under 4.5:1 on the dialog's background."""
    background = dialog.palette().color(QPalette.ColorRole.Window)
    found = []
    for label in dialog.findChildren(QLabel):
        if not label.isVisibleTo(dialog) or not label.text().strip() or label.buddy():
            continue
        group = QPalette.ColorGroup.Active if label.isEnabled() else QPalette.ColorGroup.Disabled
        colour = label.palette().color(group, label.foregroundRole())
        if contrast_ratio(colour, background) < 4.5:
            found.append(f"{label.text()[:40]!r} {colour.name()} on {background.name()}")
    return found


def test_no_dialog_writes_its_text_in_an_unreadable_grey(demo_db, qtbot):
    """The grey of a disabled label (1.6:1) was used for hints and headings to be read."""
    win = MainWindow(demo_db)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    found = []
    try:
        for name, opener in states(win, demo_db):
            dialog = opener()
            QApplication.processEvents()
            found += [f"{name}: {grey}" for grey in grey_labels(dialog)]
            dialog.reject()
            QApplication.processEvents()
    finally:
        win.shutdown()
    assert found == []
