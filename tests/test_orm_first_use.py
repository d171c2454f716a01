"""The ORM loads on its first use (issue 13: a cheap start), but never beside another
thread: SQLAlchemy's ORM is not safe to load while a second thread uses SQLAlchemy (one start
in twenty of the script below failed with "partially initialized module
'sqlalchemy.orm.exc'" when its threads loaded it themselves). The window's threads start
(ui.tasks) only once its package is whole; after that, threads that first use
SellerDesk's mapped classes at once all get them whole."""

from __future__ import annotations

import ast
import os
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
from app.storage.db import load_orm_package, open_database

db = open_database(sys.argv[1])
load_orm_package()
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
RUNS = 12


def test_threads_that_first_use_the_loaded_orm_at_once_all_get_it_whole(tmp_path: Path) -> None:
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


# The window on a database file, each of its threads noting as it starts its work whether
# the ORM's package was whole by then (the window quits itself once its first rows are in).
WINDOW = """
import sys
from ui import tasks

whole = []
run_task = tasks.Task.run

def noting_run(self):
    orm = sys.modules.get("sqlalchemy.orm")
    whole.append(orm is not None and not orm.__spec__._initializing)
    run_task(self)

tasks.Task.run = noting_run
from ui.application import run

status = run(sys.argv[1], demo=False)
print(whole)
sys.exit(status)
"""


def test_the_window_loads_the_orm_before_its_first_thread(tmp_path: Path) -> None:
    shop = tmp_path / "shop.sqlite"
    open_database(str(shop)).dispose()
    done = subprocess.run(
        [sys.executable, "-c", WINDOW, str(shop)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "SELLERDESK_QUIT_AFTER_MS": "1500"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    whole = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    assert whole and all(whole), whole


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
