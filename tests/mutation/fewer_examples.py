"""A pytest plugin for mutation runs only: fewer, fixed Hypothesis examples per property.

A mutation run repeats the property tests once per mutant; twenty derandomized
examples keep each run short and its verdict the same from one run to the next.
A failing example is not shrunk (the verdict is all a mutation run needs), and the
cheapest tests run first: those without a database, then the example tests, then
the properties. mutmut stops at the first failure, so a mutant a cheap test kills
never pays for the dearer ones.
"""

from __future__ import annotations

import pytest
from hypothesis import Phase, settings

EXAMPLES = 20
# Fixtures that open a database: a test using one costs a file and a connection.
WITH_DATABASE = {"db", "db_path", "db_location", "cli", "shared_db"}


def _cost(item: pytest.Item) -> int:
    if getattr(getattr(item, "obj", None), "_hypothesis_internal_use_settings", None):
        return 2
    return 1 if WITH_DATABASE & set(getattr(item, "fixturenames", ())) else 0


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
                phases=(Phase.explicit, Phase.reuse, Phase.generate),
            )
    items.sort(key=_cost)  # stable: each file's order is kept within a kind
