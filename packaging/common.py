"""What every PyInstaller spec of SellerDesk shares: what goes into the bundle, what stays out.

Imported by ``packaging/sellerdesk.spec`` (Linux), ``packaging/windows/sellerdesk.spec`` and
``packaging/macos/sellerdesk.spec`` so the three bundles hold the same files.
"""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

from PyInstaller.utils.hooks import collect_submodules, copy_metadata

ROOT = Path(__file__).resolve().parent.parent
ENTRY = str(ROOT / "packaging" / "sellerdesk_entry.py")
APP_ID = "io.github.sellerdesk.SellerDesk"
VERSION = version("sellerdesk")  # the one place: pyproject.toml, through the installed metadata

# Imported inside functions or by path at run time: the window and the summary's printing
# (``ui/launcher.py`` imports them only when used), every command module, and the Alembic
# scripts, which are loaded from disk by path but import from the bundle.
HIDDEN_IMPORTS = [
    *collect_submodules("app"),
    *collect_submodules("ui"),
    *collect_submodules("resources"),  # importlib.resources.files("resources") imports it
    "app.migrations.env",
    # Qt modules the window, the summaries and printing use, even if imported lazily.
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
]

# Heavy parts of Qt and Python that SellerDesk never uses.
EXCLUDES = [
    "tkinter",
    "pytest",
    "hypothesis",
    "IPython",
    "numpy",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtTextToSpeech",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtAxContainer",
]


# Files in resources/ that only developers need.
SOURCE_ONLY = {".py", ".pyc", ".ts", ".pro"}


# Qt libraries and plugins PyInstaller's Qt hooks bring along that SellerDesk never loads:
# the virtual keyboard plugin pulls in QML and Quick (15 MB), the PDF image plugin Qt Pdf.
UNUSED_QT_FILES = re.compile(
    r"(libQt6(Qml|Quick|VirtualKeyboard|Pdf)\w*\.so"
    r"|plugins/platforminputcontexts/libqtvirtualkeyboardplugin\.so"
    r"|plugins/imageformats/libqpdf\.so)"
)
QT_TRANSLATION = re.compile(r"PySide6/Qt/translations/\w+?_([a-z]{2})(_[A-Z]{2})?\.qm$")


def seller_languages() -> set[str]:
    """English plus every language SellerDesk is translated into (resources/translations)."""
    found = {
        match.group(1)
        for path in (ROOT / "resources" / "translations").glob("*.qm")
        if (match := re.search(r"_([a-z]{2})(_[A-Z]{2})?\.qm$", path.name))
    }
    return {"en", *found}


def slim(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Leave out unused Qt parts and Qt's translations into languages SellerDesk lacks."""
    languages = seller_languages()
    kept = []
    for entry in toc:
        name = entry[0].replace("\\", "/")
        if UNUSED_QT_FILES.search(name):
            continue
        translation = QT_TRANSLATION.search(name)
        if translation and translation.group(1) not in languages:
            continue
        kept.append(entry)
    return kept


def data_files() -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs: files read from disk at run time."""
    pairs: list[tuple[str, str]] = []
    # Alembic reads env.py and versions/*.py by path: they must be real files in
    # the bundle, at app/migrations beside where app/storage/db.py says they are.
    for path in sorted((ROOT / "app" / "migrations").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix in {".py", ".mako"}:
            pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    # A new shop's schema, read beside app/storage/new_shop.py (app.storage.new_shop).
    pairs.append((str(ROOT / "app" / "storage" / "new_shop.json"), "app/storage"))
    # Everything in resources/ except Python files: carrier codes, icons,
    # translations, message templates. Read with importlib.resources.files("resources").
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in SOURCE_ONLY:
            pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    pairs.append((str(ROOT / "LICENSE"), "."))
    # importlib.metadata.version("sellerdesk") answers --version from this.
    pairs += copy_metadata("sellerdesk")
    return pairs
