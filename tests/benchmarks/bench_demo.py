"""How fast are two hundred demo orders made?

Not part of the test run (pytest collects only ``test_*.py``). Run it with::

    .venv/bin/python tests/benchmarks/bench_demo.py [--orders 200] [--repeat 3]

It fills a fresh database each time and prints the processor time of the
fastest fill. Target: well under two seconds (about 0.3 s on an idle machine).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from app.demo import fill_demo
from app.storage.db import open_database

NOW = datetime(2026, 11, 20, 12, tzinfo=UTC)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    best = float("inf")
    for attempt in range(options.repeat):
        with tempfile.TemporaryDirectory() as folder:
            db = open_database(str(Path(folder) / f"demo{attempt}.sqlite"))
            started = time.process_time()
            fill_demo(db, orders=options.orders, seed=3, now=NOW)
            best = min(best, time.process_time() - started)
            db.dispose()
    print(f"{options.orders} demo orders: {best:.2f} s processor time, best of {options.repeat}")


if __name__ == "__main__":
    main()
