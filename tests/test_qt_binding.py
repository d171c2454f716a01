"""The Qt binding keeps Python's None alive however long the window runs.

PySide6 6.12.0 dropped a reference to None at every call returning nothing (setText,
setEnabled, setData…). On Python 3.11, where None is still reference-counted, a window
died after a few thousand such calls with "Fatal Python error: none_dealloc", and the
health page of a shop with 100,000 late orders at once. pyproject.toml leaves that
release out; this fails on any release installed that still does it.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QLabel, QTreeWidget, QTreeWidgetItem\n"
    "app = QApplication([])\n"
    "label, tree = QLabel(), QTreeWidget()\n"
    "before = sys.getrefcount(None)\n"
    "for n in range(20000):\n"
    "    item = QTreeWidgetItem(['405-0000000-0000000'])\n"
    "    item.setData(0, 256, 'order')\n"
    "    item.setToolTip(0, 'Double-click to open the order')\n"
    "    tree.addTopLevelItem(item)\n"
    "    label.setText('orders shown')\n"
    "    label.setEnabled(True)\n"
    "print(sys.getrefcount(None) - before)\n"
)


def test_a_hundred_thousand_calls_that_return_nothing_leave_none_alive():
    done = subprocess.run(
        [sys.executable, "-c", CALLS],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-500:]
    # The items kept in the tree may hold references to None; none may be lost (6.12.0:
    # 100,000 lost, and the process killed long before).
    assert int(done.stdout.split()[-1]) > -100, done.stdout
