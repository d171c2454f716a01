"""The ORM loads on its first use, on whichever thread needs it first (issue 13: a cheap
start): threads that need it at the same moment all get it whole."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from app.storage.db import open_database

ROOT = Path(__file__).resolve().parents[1]
# What the window's threads do at its start: the count's worker loads the rate, the GUI
# thread the first order's details, a restore's worker writes its note, an action its change.
AT_ONCE = """
import sys, threading
sys.setswitchinterval(1e-6)  # the threads take turns as often as they can
from app.storage.db import open_database

db = open_database(sys.argv[1])
failed = []
ready = threading.Barrier(4)

def first_use(use):
    def run():
        ready.wait()
        try:
            use()
        except Exception as error:
            failed.append(repr(error))
    return run

def write():
    with db.transaction():
        pass

def read():
    with db.reading():
        pass

def rate():
    from app.account_health.rate_effect import current_rate  # noqa: F401

def details():
    from app.order_views.order_details import order_details  # noqa: F401

threads = [threading.Thread(target=first_use(use)) for use in (write, read, rate, details)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(failed)
sys.exit(1 if failed else 0)
"""
RUNS = 12  # before the fix, about one start in three failed this way


def test_threads_that_first_use_the_orm_at_once_all_get_it_whole(tmp_path: Path) -> None:
    shop = tmp_path / "shop.sqlite"
    open_database(str(shop)).dispose()
    for _ in range(RUNS):
        done = subprocess.run(
            [sys.executable, "-c", AT_ONCE, str(shop)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        # e.g. "partially initialized module 'sqlalchemy.orm.exc'", or a deadlock error
        assert done.returncode == 0, done.stdout + done.stderr


def test_no_module_of_the_orm_is_loaded_before_its_package_on_first_use() -> None:
    """A function importing ``sqlalchemy.orm.exc`` (say) holds that module's import lock
    while Python loads the package, which another thread may be loading, needing that very
    module: Python then breaks the deadlock by handing one of them a half-loaded module."""
    found = []
    for path in sorted([*ROOT.glob("app/**/*.py"), *ROOT.glob("ui/**/*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for inner in ast.walk(node):
                module = inner.module if isinstance(inner, ast.ImportFrom) else None
                if module is not None and module.startswith("sqlalchemy.orm."):
                    found.append(f"{path.relative_to(ROOT)}:{inner.lineno} {module}")
    assert found == []
