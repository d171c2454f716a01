"""A bug in a slot never shows the seller a traceback; the details go to a log file."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from app.errors import BadInput
from app.text import QT_TRANSLATE_NOOP, text
from ui import error_report


def _raised(error: BaseException):
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_a_bug_is_logged_and_told_in_plain_words(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)

    error_report.report(*_raised(ZeroDivisionError("division by zero")))

    assert len(shown) == 1
    assert "Something went wrong" in shown[0]
    assert "Nothing was saved from the last action" in shown[0]
    assert "Traceback" not in shown[0]
    log = error_report.log_path().read_text(encoding="utf-8")
    assert "ZeroDivisionError: division by zero" in log
    assert "Traceback" in log


def test_a_sellerdesk_error_that_escaped_is_shown_as_its_own_sentence(qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    error = BadInput(
        text(
            "Orders",
            QT_TRANSLATE_NOOP("Orders", "There is no order {order_id}."),
            order_id="405-1234567-1234567",
        )
    )

    error_report.report(*_raised(error))

    assert shown == ["There is no order 405-1234567-1234567."]


def test_the_window_installs_the_hook(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    error_report.install()
    assert sys.excepthook is error_report.report
