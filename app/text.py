"""Seller-facing text produced by the core, translatable later by the window.

The core has no Qt, yet every sentence it shows a seller must be translatable.
Each sentence is a :class:`Text`: a translation context, the English source and
its named arguments. The command line prints :meth:`Text.english`; the window
passes ``context`` and ``source`` through ``QCoreApplication.translate`` before
formatting. ``QT_TRANSLATE_NOOP`` keeps the name ``pyside6-lupdate`` extracts.
"""

from __future__ import annotations

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
        return self.source.format(**self.args) if self.args else self.source

    def __str__(self) -> str:
        return self.english()


def text(context: str, source: str, **args: Any) -> Text:
    """Build a :class:`Text`; ``source`` must come from ``QT_TRANSLATE_NOOP``."""
    return Text(context, source, args)
