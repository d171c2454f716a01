"""A pytest plugin for mutation runs only: fewer, fixed Hypothesis examples per property.

A mutation run repeats the property tests once per mutant; twenty derandomized
examples keep each run short and its verdict the same from one run to the next.
A failing example is not shrunk (the verdict is all a mutation run needs), and the
properties run after the example tests: mutmut stops at the first failure, so a
mutant an example test kills never pays for a property.
"""

from __future__ import annotations

import pytest
from hypothesis import Phase, settings

EXAMPLES = 20


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    properties: list[pytest.Item] = []
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
            properties.append(item)
    items[:] = [item for item in items if item not in properties] + properties
