from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from app.order_views.queries import View
from ui import application


def test_a_file_that_is_not_a_database_is_explained_with_exit_2(
    tmp_path, monkeypatch, capsys, qapp
):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("hello", encoding="utf-8")
    monkeypatch.setenv(application.QUIT_AFTER_VARIABLE, "10")
    assert application.run(str(bad), demo=False) == 2
    assert "is not a SellerDesk database" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("demo", "title", "orders"),
    [
        (True, "SellerDesk — demo data (thrown away when you quit)", "200"),
        (False, None, "0"),  # None: the database's path
    ],
)
def test_the_window_opens_shows_the_shop_and_quits_cleanly(
    tmp_path, monkeypatch, demo, title, orders, qapp
):
    seen: dict[str, object] = {}

    class Watched(application.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._watch = QTimer(self, interval=50)
            self._watch.timeout.connect(lambda: self._counts and self.close())
            self._watch.start()  # closes once the counts are in, as QUIT_AFTER would

        def closeEvent(self, event):  # noqa: N802 - what the seller saw at closing
            seen.update(
                window=self,
                title=self.windowTitle(),
                orders=self.filters.count_text(View.ALL),
                empty=self.empty.text() if self.list_stack.currentWidget() is self.empty else None,
                maximized=bool(self.windowState() & Qt.WindowState.WindowMaximized),
            )
            super().closeEvent(event)

    monkeypatch.setattr(application, "MainWindow", Watched)
    monkeypatch.setenv(application.QUIT_AFTER_VARIABLE, "60000")  # a safety net only
    assert application.run(str(tmp_path / "shop.sqlite"), demo=demo) == 0
    assert (tmp_path / "shop.sqlite").exists() is (not demo)  # --demo never touches real data
    assert seen["title"] == (title or f"SellerDesk — {tmp_path / 'shop.sqlite'}")
    assert seen["orders"] == orders
    assert seen["maximized"]  # a first start on a screen smaller than 1600×900 (offscreen)
    assert seen["empty"] == (
        None if demo else "No orders yet. Import an order report from Seller Central."
    )
    # Closed within the minute: the day's backup (3 s) and the safety net are not left
    # pending, to back up or close a finished window in whatever this process runs next.
    window = seen["window"]
    for name in ("daily_backup", "quit_after"):
        timer = window.findChild(QTimer, name)
        assert timer is not None and not timer.isActive(), name
