"""The French interface: every string in the translation file is translated and compiled."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "sellerdesk_fr.ts"
QM = TS.with_suffix(".qm")


def _messages() -> list[tuple[str, str, ET.Element]]:
    found = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def test_no_entry_is_unfinished_or_without_translation():
    left = []
    for context, source, message in _messages():
        translation = message.find("translation")
        kind = None if translation is None else translation.get("type")
        if kind in {"obsolete", "vanished"}:
            continue
        if translation is None or kind == "unfinished":
            left.append(f"[{context}] {source}")
            continue
        forms = translation.findall("numerusform")
        texts = [form.text for form in forms] if forms else [translation.text]
        if not all((value or "").strip() for value in texts):
            left.append(f"[{context}] {source}")
    assert not left, "untranslated: run scripts/update_translations.py\n" + "\n".join(left)


def test_no_entry_has_an_empty_context():
    """An aliased translate call lupdate misread would land here."""
    assert not [source for context, source, _ in _messages() if not context]


def test_placeholders_survive_translation():
    import string

    def names(value: str) -> set[str]:
        return {n for _t, n, _s, _c in string.Formatter().parse(value) if n is not None}

    broken = []
    for context, source, message in _messages():
        translation = message.find("translation")
        forms = [] if translation is None else translation.findall("numerusform")
        translated = (forms[0].text if forms else message.findtext("translation")) or ""
        try:
            if translated and names(source) != names(translated):
                broken.append(f"[{context}] {source!r} -> {translated!r}")
        except ValueError:
            broken.append(f"[{context}] {translated!r} is not a valid format string")
    assert not broken, "\n".join(broken)


def test_the_compiled_file_is_loaded_and_translates(qapp):
    from PySide6.QtCore import QCoreApplication, QLocale

    from ui.i18n import money
    from ui.translation import install_translators

    assert QM.exists() and QM.stat().st_mtime >= TS.stat().st_mtime - 1
    previous = QLocale()
    try:
        assert install_translators(qapp, "fr") == "fr"
        assert QCoreApplication.translate("Reason", "No inventory") != "No inventory"
        assert QCoreApplication.translate("HealthPage", "Refresh") == "Actualiser"
        from decimal import Decimal

        assert money(Decimal("14.90"), "EUR") in {"14,90\u00a0€", "14,90 €"}
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(previous)
    assert QCoreApplication.translate("HealthPage", "Refresh") == "Refresh"


def test_every_string_in_the_code_today_is_in_the_file_and_translated(tmp_path):
    """Strings added to ui/ or app/ since the last pass show up here, by name."""
    import importlib.util
    import shutil

    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "scripts" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    shutil.copy(TS, tmp_path / TS.name)
    fresh = script.update("fr", tmp_path)
    left = script.untranslated(fresh)
    assert not left, "run scripts/update_translations.py and translate:\n" + "\n".join(
        f"[{context}] {source}" for context, source in left
    )
