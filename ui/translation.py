"""Loading the interface's translations: SellerDesk's own and Qt's.

The language is the seller's choice when saved (``app.settings`` ``language``),
else the system's. French loads ``resources/translations/sellerdesk_fr.qm`` and
Qt's own ``qtbase_fr.qm`` (standard dialogs, print preview); English loads
``sellerdesk_en.qm``, only the plural forms of the English source. The language's
locale becomes the default (the system's own when it speaks that language, so a
seller in Belgium keeps fr_BE), so dates, amounts and counts read ``14,90 €`` and
``58 881`` in French, ``€14.90`` and ``58,881`` in English.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import settings
from app.storage.db import Database

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
SUPPORTED = ("fr", "en")
SOURCE_LANGUAGE = "en"

_installed: list[QTranslator] = []


def system_language() -> str:
    name = QLocale.system().name()  # fr_FR, en_GB, C…
    language = name.split("_", 1)[0].lower()
    return language if language in SUPPORTED else SOURCE_LANGUAGE


def chosen_language(language: str | None) -> str:
    if language and language.lower() in SUPPORTED:
        return language.lower()
    return system_language()


def _locale_for(language: str) -> QLocale:
    system = QLocale.system()
    if system.name().lower().startswith(language):
        return system  # keep the seller's country (fr_BE, fr_CA…)
    if language == "fr":
        return QLocale(QLocale.Language.French, QLocale.Country.France)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translators for ``language`` (None: the system's); returns the language used.

    Calling it again replaces the previous translators, so a changed setting can
    take effect without restarting.
    """
    while _installed:
        app.removeTranslator(_installed.pop())
    used = chosen_language(language)
    QLocale.setDefault(_locale_for(used))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # English is the source language: its file holds only the plural forms (1 order, 2 orders).
    wanted = [(f"sellerdesk_{used}", str(TRANSLATIONS_DIR))]
    if used != SOURCE_LANGUAGE:
        wanted.insert(0, (f"qtbase_{used}", qt_dir))
    for name, folder in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    return used


def saved_language(db: Database) -> str | None:
    """The language the seller chose (``sellerdesk setting language fr``), None for the system's."""
    with db.connected() as connection:
        return settings.language(connection)
