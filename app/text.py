"""Seller-facing text produced by the core, translatable later by the window.

The core has no Qt, yet every sentence it shows a seller must be translatable.
Each sentence is a :class:`Text`: a translation context, the English source and
its named arguments. The command line prints :meth:`Text.english`; the window
passes ``context`` and ``source`` through ``QCoreApplication.translate`` before
formatting. ``QT_TRANSLATE_NOOP`` keeps the name ``pyside6-lupdate`` extracts.

An argument may itself be a :class:`Text` (a translatable label inside a
sentence) or a list of them (written joined by ", "), so a sentence never glues
English fragments together. :func:`to_json` and :func:`from_json` keep a Text
in the database (the audit log) so the window can translate it later.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for extraction into the translation file; returns it as is."""
    del context
    return source


@dataclass(frozen=True)
class Text:
    context: str
    source: str
    args: dict[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return self.render(lambda value: value.source)

    def render(self, translate: Callable[[Text], str]) -> str:
        """The sentence with ``translate``(each Text, nested ones too) giving its wording."""
        wording = translate(self)
        if not self.args:
            return wording
        return wording.format(
            **{name: _rendered(value, translate) for name, value in self.args.items()}
        )

    def __str__(self) -> str:
        return self.english()


def text(context: str, source: str, **args: Any) -> Text:
    """Build a :class:`Text`; ``source`` must come from ``QT_TRANSLATE_NOOP``."""
    return Text(context, source, args)


def _rendered(value: Any, translate: Callable[[Text], str]) -> Any:
    if isinstance(value, Text):
        return value.render(translate)
    if isinstance(value, list):
        return ", ".join(str(_rendered(part, translate)) for part in value)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, Text):
        return {
            "context": value.context,
            "source": value.source,
            "args": {name: _plain(arg) for name, arg in value.args.items()},
        }
    if isinstance(value, list | tuple):
        return [_plain(part) for part in value]
    return value


def _restored(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"context", "source", "args"}:
        args = {name: _restored(arg) for name, arg in value["args"].items()}
        return Text(value["context"], value["source"], args)
    if isinstance(value, list):
        return [_restored(part) for part in value]
    return value


def to_json(value: Text) -> str:
    """``{"context", "source", "args"}`` as JSON; arguments must be JSON values or Texts."""
    return json.dumps(_plain(value), ensure_ascii=False, sort_keys=True)


def from_json(raw: str) -> Text:
    """The Text :func:`to_json` wrote."""
    restored = _restored(json.loads(raw))
    if not isinstance(restored, Text):
        raise ValueError(f"not a stored Text: {raw[:80]!r}")
    return restored
