"""A pytest plugin for mutation runs only: fewer, fixed Hypothesis examples per property.

A mutation run repeats the property tests once per mutant; twenty derandomized
examples keep each run short and its verdict the same from one run to the next.
"""

from __future__ import annotations

import pytest
from hypothesis import settings

EXAMPLES = 20


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        test = getattr(item, "obj", None)
        current = getattr(test, "_hypothesis_internal_use_settings", None)
        if current is not None:
            test._hypothesis_internal_use_settings = settings(  # type: ignore[union-attr]
                current,
                max_examples=min(current.max_examples, EXAMPLES),
                derandomize=True,
                database=None,
            )
