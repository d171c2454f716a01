"""Plain stand-ins for mapped objects, for work that reads and changes many of them.

An import merges and a bulk cancellation walks thousands of orders and items, and
writes the results in bulk, never through a session. An ORM instance costs its state
and an instrumented read for every attribute: a third of such work went to that. A
stand-in holds the stored values as plain attributes and carries the model's own
Python-side properties (``OrderItem.quantity_open``, ``.ref``), so the one rule that
reads them is the model's, not a copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.hybrid import hybrid_property


def stand_in_maker(model: type[Any]) -> Callable[[dict[str, Any]], Any]:
    """Makes stand-ins of ``model`` objects; each takes over the dict of stored values
    it is given (the caller makes a fresh one). Nothing tracks them: no session, no
    history; the caller writes what changed."""
    behaviour = {
        name: value
        for name, value in vars(model).items()
        if isinstance(value, property | hybrid_property)
    }
    stand_in = type(f"Plain{model.__name__}", (), {"__doc__": model.__doc__, **behaviour})

    def made(values: dict[str, Any]) -> Any:
        found: Any = object.__new__(stand_in)
        found.__dict__ = values
        return found

    return made
