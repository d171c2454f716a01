"""UI fixtures: settings in a temporary place, a fixed clock, orders in every state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from app import clock
from tests.factories import NOW


@pytest.fixture(scope="session", autouse=True)
def _english_plural_forms(qapp) -> Iterator[None]:
    """The window in English reads "1 order shown", as the app shows it (sellerdesk_en.qm),
    without changing the tests' locale."""
    from PySide6.QtCore import QTranslator

    from ui.translation import TRANSLATIONS_DIR

    translator = QTranslator(qapp)
    assert translator.load("sellerdesk_en", str(TRANSLATIONS_DIR))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _page_budget_that_load_cannot_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    """The list tries each page on the GUI thread within 25 ms before handing it to a
    worker; on a loaded test machine a small page can take longer, and a test reading
    the rows at once would then see none. Tests keep the same path with a budget only a
    hung query exceeds; the hand-over is tested with explicit budgets (steps or 0)."""
    from ui.models import order_table_model

    monkeypatch.setattr(order_table_model, "GUI_BUDGET_MS", 10_000.0)


@pytest.fixture(autouse=True)
def _temporary_settings(tmp_path: Path, qapp) -> Iterator[None]:
    """QSettings write into the test's folder, never the seller's own settings."""
    QCoreApplication.setOrganizationName("SellerDeskTests")
    QCoreApplication.setApplicationName("SellerDeskTests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield


@pytest.fixture
def frozen_now(monkeypatch) -> object:
    """The window's clock stands at the factories' NOW."""
    monkeypatch.setattr(clock, "now", lambda: NOW)
    return NOW


@pytest.fixture
def win(db, qtbot, frozen_now):
    """The main window on one open order, its counts loaded (files with other orders define
    their own ``win``)."""
    from tests.factories import OrderSpec, add_order
    from ui.main_window import MainWindow

    add_order(db, OrderSpec())
    window = MainWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window._counts))
    window.show()
    yield window
    window.shutdown()
