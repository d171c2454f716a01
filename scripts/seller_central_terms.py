"""Seller Central's own French words, one per concept (from its French help page).

:func:`fix` brings a French text to those words; :func:`problems` lists the words
that are not Seller Central's. ``update_translations.py`` applies :func:`fix` to every
French translation, so new French reads the same as the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Replacement = str | Callable[[re.Match[str]], str]

# (what a translator may write, what Seller Central says)
TERMS: list[tuple[str, Replacement]] = [
    (r"\b(rapports?) de commandes\b", r"\1 sur les commandes"),
    (r"\b([Tt])aux d'annulation\b(?!s)", r"\1aux d'annulations"),
    (r"\bservice client Amazon\b", "Service client Amazon"),
    (r"\b(la )?conversation avec l'acheteur\b", "le service de messagerie Acheteurs - Vendeurs"),
    (r"\b(la )?messagerie avec l'acheteur\b", "le service de messagerie Acheteurs - Vendeurs"),
    (r"\b(sur|via|par) la place de marché\b", r"\1 Amazon"),
    (r"\bLa place de marché (prévient|annule|met)\b", r"Amazon \1"),
    (r"\bCode de la place de marché\b", "Code Amazon du motif"),
    (r"\b([Cc])ode motif\b", r"\1ode Amazon du motif"),
    (r"\brecommander\b", "repasser commande"),
]


def fix(value: str) -> str:
    for pattern, replacement in TERMS:
        value = re.sub(pattern, replacement, value)
    return value


def problems(value: str) -> list[str]:
    return [match.group() for pattern, _ in TERMS for match in re.finditer(pattern, value)]
