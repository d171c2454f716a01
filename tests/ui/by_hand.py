"""What the seller does in the window, for the tests: trigger an action, click a button.

No test calls a window's slot (``win.refund()``) to open a dialog or a dialog's
``confirm()``: the action is triggered (what the menu, the toolbar and the shortcut
do) and the dialog's own button is clicked with the mouse, so a button wired to the
wrong slot, or an action left disabled, fails the test.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QDialog, QRadioButton, QWidget

D = TypeVar("D", bound=QDialog)


def opened(window: QWidget, kind: type[D]) -> D:
    """The one visible dialog of ``kind`` the last action opened."""
    (dialog,) = [d for d in window.findChildren(kind) if d.isVisible()]
    return dialog


def trigger(window, name: str, kind: type[D]) -> D:
    """Trigger the window's action ``name`` (menu, toolbar, shortcut) and return its dialog."""
    action = window.registry[name]
    assert action.isEnabled(), action.toolTip()
    action.trigger()
    return opened(window, kind)


def click(qtbot, button: QAbstractButton) -> None:
    """A left click where the seller would click: the middle, or a radio button's circle."""
    assert button.isEnabled(), button.toolTip()
    if isinstance(button, QRadioButton):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))
    else:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible_dialogs(window: QWidget) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog) if d.isVisible()]


def choose_file(qtbot, monkeypatch, dialog: QDialog, path: object) -> None:
    """Click the dialog's Choose… button and pick ``path`` in its file chooser."""
    monkeypatch.setattr(dialog, "choose_open_path", lambda: str(path))
    click(qtbot, dialog.choose)  # type: ignore[attr-defined]
