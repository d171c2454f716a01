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


def _typography():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "french_typography", ROOT / "scripts" / "french_typography.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def test_french_typography_no_break_spaces_before_double_marks_and_inside_quotes():
    """« Ligne 3 : … » never breaks before its colon: U+00A0 before : and %, U+202F before
    ; ? !, U+00A0 inside « »."""
    typography = _typography()
    wrong = [
        f"[{context}] {excerpt!r}"
        for context, _source, message in _messages()
        for text in _translations(message)
        for excerpt in typography.problems(text)
    ]
    assert not wrong, f"{len(wrong)} translation(s) break French typography:\n" + "\n".join(wrong)


def test_the_typography_check_catches_an_ordinary_space_and_leaves_code_alone():
    typography = _typography()
    for bad in ("Ligne {line} : x", "Bravo !", "a ; b", "« x »", "20 %", "Motif: x", "vrai ?"):
        assert typography.problems(bad), bad
    for fine in (
        "Ligne {line}\u00a0: {problem}",
        "Bravo\u202f!",
        "«\u00a0x\u00a0»",
        "{rate}\u00a0%",
        "{raw!r} vaut 2026-11-20T12:00:00Z",
        "Texte (*.txt);;Tous les fichiers (*)",
        "%n commandes",
        "ID_ARTICLE[:QTÉ]",
    ):
        assert not typography.problems(fine), fine


def test_every_count_is_a_plural_form():
    """A count reads "1 commande" / "2 commandes", never "commande(s)": a source with (s)
    is a %n plural entry, and no translation hedges with (s), (e) or (es)."""
    import re

    hedged = re.compile(r"\w\((s|e|es|nt|x)\)")
    wrong = []
    for context, source, message in _messages():
        if "(s)" in source and not (message.get("numerus") == "yes" and "%n" in source):
            wrong.append(f"[{context}] {source!r}: a count without %n")
        for text in _translations(message):
            if hedged.search(text):
                wrong.append(f"[{context}] {text!r}: write the plural forms instead")
    assert not wrong, "\n".join(wrong)


def test_english_shows_one_order_not_one_order_s(qapp):
    english = ET.parse(ROOT / "resources" / "translations" / "sellerdesk_en.ts")
    plural_en = {
        (context.findtext("name"), message.findtext("source"))
        for context in english.getroot().iter("context")
        for message in context.iter("message")
    }
    plural_fr = {
        (context, source)
        for context, source, message in _messages()
        if message.get("numerus") == "yes"
    }
    assert plural_fr and plural_fr == plural_en
    assert shown_in(qapp, "en", 1) == "1 order shown"
    assert shown_in(qapp, "en", 3) == "3 orders shown"
    assert shown_in(qapp, "fr", 1) == "1 commande affichée"


def shown_in(qapp, language: str, count: int) -> str:
    """The status bar's "%n order(s) shown" in ``language``; English is put back after."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from ui.translation import install_translators

    previous = QLocale()
    try:
        install_translators(qapp, language)
        return QCoreApplication.translate("MainWindow", "%n order(s) shown", None, count)
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(previous)


def test_a_count_in_thousands_is_written_as_the_language_writes_numbers(qapp):
    """ "Restored 58881 orders" reads as one long number: every plural form writes its count
    with the locale's group separator (Qt's %Ln), in both languages."""
    bare = []
    for name in ("sellerdesk_en.ts", "sellerdesk_fr.ts"):
        tree = ET.parse(ROOT / "resources" / "translations" / name)
        bare += [
            f"{name}: {form.text!r}"
            for form in tree.iter("numerusform")
            if "%n" in (form.text or "")
        ]
    assert not bare, "\n".join(bare)
    assert shown_in(qapp, "en", 58881) == "58,881 orders shown"
    assert shown_in(qapp, "fr", 58881) == "58\u202f881 commandes affichées"


def _ui_translate_calls() -> list[tuple[str, str, str]]:
    """(file:line, context, source) of every translation call in ui/ with literal text."""
    import ast

    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {
            target.id: node.value.value
            for node in tree.body
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
            for target in node.targets
            if isinstance(target, ast.Name) and isinstance(node.value.value, str)
        }
        for cls in [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] + [tree]:
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                    continue
                args = node.args
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                owner = node.func.value
                on_self = isinstance(owner, ast.Name) and owner.id == "self"
                literal = bool(args) and isinstance(args[0], ast.Constant)
                in_class = isinstance(cls, ast.ClassDef) and on_self and literal
                if node.func.attr == "tr" and in_class and isinstance(args[0].value, str):
                    found.append((where, cls.name, args[0].value))
                elif node.func.attr == "translate" and len(args) >= 2 and cls is tree:
                    context, source = args[0], args[1]
                    if isinstance(context, ast.Name):
                        context_text = constants.get(context.id)
                    elif isinstance(context, ast.Constant):
                        context_text = context.value
                    else:
                        continue
                    if isinstance(source, ast.Constant) and isinstance(source.value, str):
                        found.append((where, str(context_text), source.value))
    return found


def test_every_string_the_window_translates_is_in_the_catalogue():
    """ "Select an order first." was shown in English: its context was a name lupdate
    cannot read. Every translate call in ui/ must find its entry."""
    known = {(context, source) for context, source, _message in _messages()}
    calls = _ui_translate_calls()
    assert len(calls) > 300
    missing = [f"{where}: [{ctx}] {src}" for where, ctx, src in calls if (ctx, src) not in known]
    assert not missing, "run scripts/update_translations.py:\n" + "\n".join(missing)


# A language is offered in its own name, in every interface language.
ENDONYMS = {"Français", "English", "&Français", "&English"}


def test_no_english_literal_is_shown_without_translation():
    """Text put into a widget straight from a string literal never reaches the catalogue."""
    import ast
    import re

    shows = {
        "setText",
        "setToolTip",
        "setStatusTip",
        "setWindowTitle",
        "setPlaceholderText",
        "showMessage",
        "setLabelText",
        "setTitle",
        "addItem",
        "addTab",
        "setHeaderLabels",
        "setHorizontalHeaderLabels",
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
    }
    wrong = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name not in shows:
                continue
            for arg in node.args[:1]:
                value = arg.value if isinstance(arg, ast.Constant) else None
                english = isinstance(value, str) and re.search(r"[A-Za-z]{2}", value)
                if english and value not in ENDONYMS:
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {value!r}")
    assert not wrong, "wrap these in self.tr / QCoreApplication.translate:\n" + "\n".join(wrong)


def test_qts_own_dialogs_speak_french(qapp):
    """The file dialog, the print dialog and the standard buttons come from Qt's own
    qtbase_fr.qm, loaded from PySide6's translations folder."""
    from PySide6.QtCore import QLibraryInfo, QLocale
    from PySide6.QtWidgets import QDialogButtonBox

    from ui.translation import install_translators

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_fr.qm").exists()
    previous = QLocale()
    try:
        install_translators(qapp, "fr")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Close
        )
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        assert (cancel.text().replace("&", ""), close.text().replace("&", "")) == (
            "Annuler",
            "Fermer",
        )
    finally:
        install_translators(qapp, "en")
        QLocale.setDefault(previous)


def test_the_bundle_keeps_qts_french_and_english_files():
    import importlib.util
    import sys

    import pytest

    pytest.importorskip("PyInstaller")
    sys.path.insert(0, str(ROOT / "packaging"))
    spec = importlib.util.spec_from_file_location("common", ROOT / "packaging" / "common.py")
    assert spec is not None and spec.loader is not None
    common = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(common)
    toc = [
        (f"PySide6/Qt/translations/qtbase_{lang}.qm", "x", "DATA") for lang in ("fr", "de", "en")
    ]
    kept = {name for name, _path, _kind in common.slim(toc)}
    assert "PySide6/Qt/translations/qtbase_fr.qm" in kept
    assert "PySide6/Qt/translations/qtbase_de.qm" not in kept


def test_french_uses_seller_centrals_words():
    """« rapport sur les commandes », « Taux d'annulations », « Service client Amazon »,
    « service de messagerie Acheteurs - Vendeurs », « Code Amazon du motif »."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "seller_central_terms", ROOT / "scripts" / "seller_central_terms.py"
    )
    assert spec is not None and spec.loader is not None
    terms = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(terms)
    assert terms.problems("Importez un rapport de commandes ; Taux d'annulation")
    wrong = [
        f"[{context}] {found!r}"
        for context, _source, message in _messages()
        for text in _translations(message)
        for found in terms.problems(text)
    ]
    assert not wrong, "\n".join(wrong)
