"""app/ holds the rules without Qt: it never imports ui/ or PySide6, not even by name.

The entry point above both (``ui/launcher.py``) opens the window and hands the command
line what only ui/ can do; these checks keep app/ from reaching back up.
"""

from __future__ import annotations

import ast
from pathlib import Path

import app

APP = Path(app.__file__).parent
ABOVE = ("ui", "PySide6", "shiboken6")
# Calls that import a module named by a string.
BY_NAME = {"import_module", "__import__", "find_spec", "spec_from_file_location", "run_module"}


def _is_above(name: str) -> bool:
    return name.split(".")[0] in ABOVE


def reaches_above(source: str) -> list[str]:
    """Every import of ui/ or Qt in ``source``, written or by name: ``line: what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        elif isinstance(node, ast.Call):
            called = node.func
            name = called.attr if isinstance(called, ast.Attribute) else getattr(called, "id", "")
            if name in BY_NAME:
                names = [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
        found += [f"{node.lineno}: {name}" for name in names if _is_above(name)]
    return found


def test_no_module_of_app_imports_ui_or_qt():
    modules = sorted(APP.rglob("*.py"))
    assert len(modules) > 30  # the scan did find app/
    found = {
        str(path.relative_to(APP.parent)): hits
        for path in modules
        if (hits := reaches_above(path.read_text(encoding="utf-8")))
    }
    assert found == {}


def test_the_scan_sees_every_way_of_importing():
    source = (
        "import ui.application\n"
        "from PySide6.QtCore import QObject\n"
        "import importlib\n"
        "importlib.import_module('ui.printing.output')\n"
        "__import__('PySide6')\n"
        "from importlib import import_module\n"
        "import_module('ui')\n"
        "from app import rules\n"
        "from . import rules\n"
        "import_module('app.account_health.summary')\n"
    )
    assert reaches_above(source) == [
        "1: ui.application",
        "2: PySide6.QtCore",
        "4: ui.printing.output",
        "5: PySide6",
        "7: ui",
    ]
