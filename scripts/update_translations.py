#!/usr/bin/env python3
"""Refresh the French translation file from the code, then compile it.

Re-runnable and idempotent: ``pyside6-lupdate`` merges the strings found in
``ui/`` (``self.tr``, ``QCoreApplication.translate``) and ``app/``
(``QT_TRANSLATE_NOOP(context, text)``) into
``resources/translations/sellerdesk_fr.ts`` keeping every translation already
there; strings gone from the code are dropped. An ``ast`` pass over ``app/``
checks that lupdate saw every ``QT_TRANSLATE_NOOP`` and adds any it missed, as
well as ``self.tr("…")`` inside f-strings and ``tr("context", "…")`` calls through
an alias of ``QCoreApplication.translate``, which lupdate misreads.
Seller Central's French terms (``scripts/seller_central_terms.py``) and French
typography (no-break spaces before ``: ; ? ! %`` and inside « », see
``scripts/french_typography.py``) is put into every French translation, and a
source holding ``%n`` becomes a plural (numerus) entry whose forms write the count
with the locale's group separator (``%Ln``: ``58 881 commandes``). English gets its own
``sellerdesk_en.ts`` holding only the plural entries, their two forms written from
the source (``%n order(s) shown`` → ``%n order shown`` / ``%n orders shown``), so
English never shows "1 order(s)". ``pyside6-lrelease`` then writes the ``.qm``
beside each.

    python scripts/update_translations.py            # update + compile, list what is left
    python scripts/update_translations.py --check    # exit 1 if anything is untranslated
    python scripts/update_translations.py --export-untranslated todo.json
    python scripts/update_translations.py --apply todo.json   # merge {context: {source: fr}}

Translate what is left in Qt Linguist (``pyside6-linguist
resources/translations/sellerdesk_fr.ts``) or in the XML, then run it again.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import french_typography as typography  # noqa: E402
import seller_central_terms  # noqa: E402

SOURCES = ("ui", "app")
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """The PySide6 tool next to this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def python_files() -> list[Path]:
    files: list[Path] = []
    for folder in SOURCES:
        files.extend(
            path
            for path in sorted((ROOT / folder).rglob("*.py"))
            if "__pycache__" not in path.parts and "migrations" not in path.parts
        )
    return files


def noop_strings(path: Path) -> list[tuple[str, str]]:
    """``QT_TRANSLATE_NOOP("context", "text")`` calls with literal arguments."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name != "QT_TRANSLATE_NOOP":
            continue
        context, source = node.args[0], node.args[1]
        literal = isinstance(context, ast.Constant) and isinstance(source, ast.Constant)
        if literal and isinstance(context.value, str) and isinstance(source.value, str):
            found.append((context.value, source.value))
    return found


def _is_translate(node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "translate"


def _constants(tree: ast.Module) -> dict[str, str]:
    """Module-level ``NAME = "text"`` assignments (a translation context kept in a constant)."""
    found = {}
    for node in tree.body:
        is_text = isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        if is_text and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
    return found


def translate_call_strings(path: Path) -> list[tuple[str, str]]:
    """``QCoreApplication.translate("Context" or CTX, "text", …)``, ``CTX = "Context"`` at
    module level: lupdate cannot read a context from a name, and some lupdate releases
    skip a call given a count (6.11's, after ``None`` as its disambiguation)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = _constants(tree)
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _is_translate(node.func)) or len(node.args) < 2:
            continue
        context, source = node.args[0], node.args[1]
        literal = isinstance(source, ast.Constant) and isinstance(source.value, str)
        if literal and isinstance(context, ast.Name) and context.id in names:
            found.append((names[context.id], source.value))
        elif literal and isinstance(context, ast.Constant) and isinstance(context.value, str):
            found.append((context.value, source.value))
    return found


def aliased_translate_strings(path: Path) -> list[tuple[str, str]]:
    """``tr("context", "text")`` where ``tr = QCoreApplication.translate``.

    lupdate takes such a call for ``self.tr`` and files the context as a source
    text with an empty context; these are found here and filed properly.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    aliases = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_translate(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        if node.func.id not in aliases or len(node.args) < 2:
            continue
        context, source = node.args[0], node.args[1]
        literal = isinstance(context, ast.Constant) and isinstance(source, ast.Constant)
        if literal and isinstance(context.value, str) and isinstance(source.value, str):
            found.append((context.value, source.value))
    return found


def self_tr_strings(path: Path) -> list[tuple[str, str]]:
    """``self.tr("text")`` in a class, wherever it is — lupdate misses those inside f-strings."""
    found = []
    for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not isinstance(cls, ast.ClassDef):
            continue
        for node in ast.walk(cls):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            owner = node.func.value
            if node.func.attr != "tr" or not (isinstance(owner, ast.Name) and owner.id == "self"):
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((cls.name, first.value))
    return found


def drop_misread(ts_file: Path, contexts: set[str]) -> None:
    """Remove the empty-context entries lupdate made of aliased translate calls."""
    tree = ET.parse(ts_file)
    changed = False
    for context in tree.getroot().findall("context"):
        if (context.findtext("name") or "") != "":
            continue
        for message in context.findall("message"):
            if (message.findtext("source") or "") in contexts:
                context.remove(message)
                changed = True
        if not context.findall("message"):
            tree.getroot().remove(context)
    if changed:
        ET.indent(tree)
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)


def messages(tree: ET.ElementTree) -> dict[tuple[str, str], ET.Element]:
    table = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            table[(name, message.findtext("source") or "")] = message
    return table


def add_missing(ts_file: Path, wanted: list[tuple[str, str]]) -> int:
    """Add app/ strings lupdate did not pick up, as unfinished entries."""
    tree = ET.parse(ts_file)
    known = messages(tree)
    root = tree.getroot()
    added = 0
    for context_name, source in dict.fromkeys(wanted):
        if (context_name, source) in known:
            continue
        context = next(
            (c for c in root.iter("context") if c.findtext("name") == context_name), None
        )
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = context_name
        message = ET.SubElement(context, "message")
        if "%n" in source:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation", {"type": "unfinished"})
        known[(context_name, source)] = message
        added += 1
    if added:
        ET.indent(tree)
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return added


def untranslated(ts_file: Path) -> list[tuple[str, str]]:
    left = []
    for (context, source), message in messages(ET.parse(ts_file)).items():
        translation = message.find("translation")
        if translation is None:
            left.append((context, source))
            continue
        kind = translation.get("type")
        if kind in {"obsolete", "vanished"}:
            continue
        forms = translation.findall("numerusform")
        texts = [form.text for form in forms] if forms else [translation.text]
        if kind == "unfinished" or not all((value or "").strip() for value in texts):
            left.append((context, source))
    return left


def finished_translations(ts_file: Path) -> dict[tuple[str, str], str | list[str]]:
    if not ts_file.exists():
        return {}
    done: dict[tuple[str, str], str | list[str]] = {}
    for key, message in messages(ET.parse(ts_file)).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") is not None:
            continue
        forms = [form.text or "" for form in translation.findall("numerusform")]
        if message.get("numerus") == "yes" and forms and all(f.strip() for f in forms):
            done[key] = forms
        elif message.get("numerus") != "yes" and (translation.text or "").strip():
            done[key] = translation.text or ""
    return done


def restore(ts_file: Path, previous: dict[tuple[str, str], str | list[str]]) -> None:
    """Give back translations of entries lupdate dropped and this script re-added."""
    tree = ET.parse(ts_file)
    changed = False
    for key, message in messages(tree).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") != "unfinished" or key not in previous:
            continue
        forms = [form.text or "" for form in translation.findall("numerusform")]
        if any(f.strip() for f in forms) or (translation.text or "").strip():
            continue
        wanted = previous[key]
        if isinstance(wanted, list):
            message.set("numerus", "yes")
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in wanted:
                ET.SubElement(translation, "numerusform").text = form
        elif message.get("numerus") == "yes":
            continue
        else:
            translation.text = wanted
        del translation.attrib["type"]
        changed = True
    if changed:
        ET.indent(tree)
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)


def make_plural(ts_file: Path, previous: dict[tuple[str, str], str | list[str]]) -> int:
    """A source with ``%n`` is a plural entry. lupdate reads ``QT_TRANSLATE_NOOP`` in app/
    as a plain one and flattens its forms; they are given back from ``previous``."""
    tree = ET.parse(ts_file)
    changed = 0
    for key, message in messages(tree).items():
        if "%n" not in key[1] or message.get("numerus") == "yes":
            continue
        message.set("numerus", "yes")
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation", {"type": "unfinished"})
        text = translation.text
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        forms = previous.get(key)
        if isinstance(forms, list):
            translation.attrib.pop("type", None)
        else:
            translation.set("type", "unfinished")
            forms = [text or "", text or ""]
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
        changed += 1
    if changed:
        ET.indent(tree)
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return changed


def fix_translations(ts_file: Path, fix: Callable[[str], str]) -> int:
    """Every translation of ``ts_file`` (each plural form) through ``fix``; how many changed."""
    tree = ET.parse(ts_file)
    changed = 0
    for message in messages(tree).values():
        translation = message.find("translation")
        if translation is None:
            continue
        for element in translation.findall("numerusform") or [translation]:
            fixed = fix(element.text or "")
            if element.text and fixed != element.text:
                element.text = fixed
                changed += 1
    if changed:
        ET.indent(tree)
        tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return changed


def french_typography(ts_file: Path) -> int:
    """Seller Central's words and French spaces in every translation (see
    scripts/seller_central_terms.py and scripts/french_typography.py)."""
    return fix_translations(ts_file, lambda found: typography.fix(seller_central_terms.fix(found)))


def in_locale(form: str) -> str:
    """A plural form whose count is written as the seller's locale writes numbers.

    Qt puts the count in for ``%n`` as bare digits and for ``%Ln`` with the locale's
    group separator (``58,881 orders``, ``58 881 commandes``). The sources keep ``%n``
    (the command line writes them, and the audit log keeps them): only the forms the
    window shows say ``%Ln``.
    """
    return form.replace("%n", "%Ln")


def counts_in_locale(ts_file: Path) -> int:
    """Every plural form of ``ts_file`` through :func:`in_locale`."""
    return fix_translations(ts_file, in_locale)


def english_forms(source: str) -> list[str]:
    """Singular and plural of an English source written with ``(s)``: ``order(s)``."""
    return [in_locale(source.replace("(s)", "")), in_locale(source.replace("(s)", "s"))]


def update_english(folder: Path = TRANSLATIONS) -> Path:
    """``sellerdesk_en.ts``: only the plural entries, both forms written from the source."""
    french = folder / "sellerdesk_fr.ts"
    ts_file = folder / "sellerdesk_en.ts"
    root = ET.Element("TS", {"version": "2.1", "language": "en_GB"})
    for context in ET.parse(french).getroot().iter("context"):
        plural = [m for m in context.iter("message") if m.get("numerus") == "yes"]
        if not plural:
            continue
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context.findtext("name")
        for message in plural:
            source = message.findtext("source") or ""
            entry = ET.SubElement(element, "message", {"numerus": "yes"})
            ET.SubElement(entry, "source").text = source
            translation = ET.SubElement(entry, "translation")
            for form in english_forms(source):
                ET.SubElement(translation, "numerusform").text = form
    tree = ET.ElementTree(root)
    ET.indent(tree)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return ts_file


def export_untranslated(ts_file: Path, out: Path) -> int:
    todo: dict[str, dict[str, str]] = {}
    for context, source in untranslated(ts_file):
        todo.setdefault(context, {})[source] = ""
    out.write_text(json.dumps(todo, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return sum(len(sources) for sources in todo.values())


def apply_translations(ts_file: Path, source_file: Path) -> int:
    """Merge ``{context: {source: translation}}``; empty translations are skipped."""
    wanted = json.loads(source_file.read_text(encoding="utf-8"))
    tree = ET.parse(ts_file)
    applied = 0
    for (context, source), message in messages(tree).items():
        translated = wanted.get(context, {}).get(source, "")
        if not translated:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            # Plural forms: a list, one entry per form of the language (French: 2).
            forms = translated if isinstance(translated, list) else [translated]
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            for form in forms:
                ET.SubElement(translation, "numerusform").text = in_locale(form)
        else:
            translation.text = translated
        translation.attrib.pop("type", None)
        applied += 1
    ET.indent(tree)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    return applied


def update(language: str, folder: Path = TRANSLATIONS) -> Path:
    """Merge the code's strings into ``folder``'s translation file (a copy, for a check)."""
    ts_file = folder / f"sellerdesk_{language}.ts"
    folder.mkdir(parents=True, exist_ok=True)
    files = python_files()
    previous = finished_translations(ts_file)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *map(str, files),
            "-locations",
            "none",
            "-no-obsolete",
            "-target-language",
            language,
            "-ts",
            str(ts_file),
        ],
        check=True,
        capture_output=True,
    )
    wanted = [
        pair for path in files if path.is_relative_to(ROOT / "app") for pair in noop_strings(path)
    ]
    aliased = [pair for path in files for pair in aliased_translate_strings(path)]
    in_classes = [pair for path in files for pair in self_tr_strings(path)]
    calls = [pair for path in files for pair in translate_call_strings(path)]
    drop_misread(ts_file, {context for context, _source in aliased})
    added = add_missing(ts_file, wanted + aliased + in_classes + calls)
    restore(ts_file, previous)
    make_plural(ts_file, previous)
    counts_in_locale(ts_file)
    if language == "fr":
        french_typography(ts_file)
    if added:
        print(f"{ts_file.name}: {added} string(s) lupdate missed were added by the ast pass")
    return ts_file


def release(ts_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(ts_file.with_suffix(".qm"))],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when any string is left untranslated"
    )
    parser.add_argument(
        "--export-untranslated", type=Path, metavar="JSON", help="write what is left to a file"
    )
    parser.add_argument(
        "--apply", type=Path, metavar="JSON", help="merge translations from such a file first"
    )
    args = parser.parse_args(argv)
    status = 0
    for language in LANGUAGES:
        ts_file = update(language)
        if args.apply:
            print(
                f"{ts_file.name}: {apply_translations(ts_file, args.apply)} translation(s) applied"
            )
        if language == "fr":
            french_typography(ts_file)
            release(update_english())
        release(ts_file)
        if args.export_untranslated:
            count = export_untranslated(ts_file, args.export_untranslated)
            print(f"{count} untranslated string(s) written to {args.export_untranslated}")
        left = untranslated(ts_file)
        total = len(messages(ET.parse(ts_file)))
        print(f"{ts_file.relative_to(ROOT)}: {total} string(s), {len(left)} left to translate")
        for context, source in left:
            print(f"  [{context}] {source}")
        if left and args.check:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
