"""French typography for the interface's French text, shared by the tooling and the tests.

French puts a space before the double punctuation marks and inside « »; that
space must not break, or a line starts with a lone ``:``. The rule the project
follows: a no-break space U+00A0 before ``:`` and ``%`` and inside « », a narrow
no-break space U+202F before ``; ? !``.

:func:`fix` puts those spaces in (idempotent), :func:`problems` lists where a text
breaks the rule. Both leave alone what is not prose: ``{placeholders}``, ``%n``
``%Ln`` and ``%1``, times (``12:00``), ``;;`` in file-dialog filters, ``Ctrl+H``-style
shortcuts, ``http://``, command-line options (``--restocking-fee``), and the
``[:QTÉ]`` of a command-line syntax.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

# Format fields ({name}, {raw!r}) and Qt's %n / %Ln / %1 are code, never prose.
_CODE = re.compile(r"\{[^{}]*\}|%L?[n0-9]|[a-z]+://\S*|\[:[^\]]*\]|\*\.\w+")
# A punctuation mark preceded by an ordinary space, or glued to a word.
_SPACE_BEFORE = {":": NBSP, "%": NBSP, ";": NNBSP, "?": NNBSP, "!": NNBSP}


def _prose_segments(value: str) -> list[tuple[bool, str]]:
    """(is_prose, text) pieces of ``value``, code pieces kept verbatim."""
    pieces: list[tuple[bool, str]] = []
    last = 0
    for match in _CODE.finditer(value):
        pieces.append((True, value[last : match.start()]))
        pieces.append((False, match.group()))
        last = match.end()
    pieces.append((True, value[last:]))
    return pieces


def _wants_space(text: str, index: int, before: str, spaced: bool = False) -> bool:
    """Whether the mark at ``index`` of the whole ``text`` needs a space before it
    (``spaced``: it has one already, to be made a no-break one)."""
    mark = text[index]
    after = text[index + 1] if index + 1 < len(text) else ""
    if mark == ":" and (after.isdigit() or after in {"/", ":", "="}):
        return False  # 12:00, http:, ::
    if mark == ";" and (after == ";" or before == ";"):
        return False  # file-dialog filter separator ;;
    if mark == "%" and after.isalnum():
        return False  # %n, %1
    if mark in "?!" and after and after not in " \u00a0\u202f\n»)\"'":
        return False  # ?x, !r
    if mark == "%" and not spaced and not (before.isdigit() or before == "}"):
        return False
    if mark == ":" and before in "\n(":
        return False
    return before != ""


def fix(value: str) -> str:
    """``value`` with French spaces before ``: ; ? ! %`` and inside « » (idempotent)."""
    whole = value
    out: list[str] = []
    position = 0
    for prose, piece in _prose_segments(whole):
        if not prose:
            out.append(piece)
            position += len(piece)
            continue
        for offset, char in enumerate(piece):
            index = position + offset
            if char in _SPACE_BEFORE:
                previous = "".join(out)[-1:] if out else ""
                if previous in {" ", NBSP, NNBSP}:
                    space_before = "".join(out)[-2:-1]
                    if _wants_space(whole, index, space_before or "x", spaced=True):
                        out[-1] = out[-1][:-1] + _SPACE_BEFORE[char]
                elif _wants_space(whole, index, previous):
                    out.append(_SPACE_BEFORE[char])
                out.append(char)
            elif char == "«":
                out.append(char)
                following = whole[index + 1 : index + 2]
                if following in {" ", NNBSP}:
                    pass  # replaced when that space is reached
                elif following and following != NBSP:
                    out.append(NBSP)
            elif char == "»":
                previous = "".join(out)[-1:] if out else ""
                if previous in {" ", NNBSP}:
                    out[-1] = out[-1][:-1] + NBSP
                elif previous and previous != NBSP:
                    out.append(NBSP)
                out.append(char)
            elif char in {" ", NNBSP} and whole[index - 1 : index] == "«":
                out.append(NBSP)
            else:
                out.append(char)
        position += len(piece)
    return "".join(out)


def problems(value: str) -> list[str]:
    """Where ``value`` breaks the rule, as short excerpts; empty when it is right."""
    fixed = fix(value)
    if fixed == value:
        return []
    found = []
    for match in re.finditer(r".{0,12}[:;?!%«»].{0,12}", value):
        excerpt = match.group()
        if fix(excerpt) != excerpt and excerpt.strip():
            found.append(excerpt)
    wrong_space = re.findall(r".{0,12}[\u00a0\u202f][:;?!%»]", value)
    return found or wrong_space or [value]
