"""Keeping what the window holds for its whole life out of Python's full garbage collections.

A full collection walks every object Python tracks: after the window's start (Qt's
wrappers, SQLAlchemy, the mapped classes, the app's modules, about 96,000 objects) one
holds the GUI thread 110-170 ms, at moments nobody chooses (a sort, a filter switch).
Freezing those objects once they exist moves them where no collection looks; a full
collection then walks only what was made since (a few thousand objects, well under a
millisecond). Freezing is a constant-time move, so it is done again after later one-off
loads (the health page, with its chart). Cyclic garbage that is frozen is never freed:
the young generations are collected first (a millisecond or two), and nothing freezes
periodically, so a long session's own objects stay collectable as usual.
"""

from __future__ import annotations

import gc


def keep_for_life() -> None:
    """Freeze every object that exists now, after freeing the young generations' garbage."""
    gc.collect(1)
    gc.freeze()
