"""What every benchmark script shares: whole-process runs, medians, peak memory.

The machine the figures come from is shared (2 cores, several people), so a
figure is the median of several runs and each ratio divides by a baseline
measured in the same run, interleaved with the runs it is compared to.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
OUTPUT_KEPT = 20_000  # characters of a command's output kept for the report


@dataclass(frozen=True)
class Run:
    """One whole process: wall-clock seconds, CPU seconds, peak resident memory (MB)."""

    wall: float
    cpu: float
    peak_mb: float
    output: str


def run(command: Sequence[str], *, env: dict[str, str] | None = None, check: bool = True) -> Run:
    """Run a process to its end and measure it (``os.wait4`` gives that child's own rusage)."""
    # The output goes to a file, read afterwards and only its start: a child's peak
    # memory counts its parent's at spawn time, so this process must stay small.
    with tempfile.TemporaryFile() as captured:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            stdout=captured,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env={**os.environ, **(env or {})},
        )
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        captured.seek(0)
        output = captured.read(OUTPUT_KEPT).decode("utf-8", "replace")
    process.returncode = os.waitstatus_to_exitcode(status)
    if check and process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{output}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


def sellerdesk(*args: str) -> list[str]:
    return [PYTHON, "-m", "ui.launcher", *args]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def interleaved(commands: dict[str, Sequence[str]], repeat: int) -> dict[str, list[Run]]:
    """Each command ``repeat`` times, taking turns, so a busy moment hits all of them alike."""
    runs: dict[str, list[Run]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(run(command))
    return runs


def report(label: str, runs: list[Run], baseline: list[Run] | None = None) -> str:
    wall = median([r.wall for r in runs])
    cpu = median([r.cpu for r in runs])
    peak = max(r.peak_mb for r in runs)
    line = f"{label:<44} {wall:7.2f}s wall {cpu:7.2f}s cpu {peak:7.0f} MB peak"
    if baseline:
        line += (
            f"   {wall / median([r.wall for r in baseline]):5.2f}× wall"
            f" {cpu / median([r.cpu for r in baseline]):5.2f}× cpu"
        )
    return line


def machine_note() -> str:
    load = os.getloadavg()
    return (
        f"medians of whole-process runs; baseline measured in the same run, interleaved; "
        f"{os.cpu_count()} cores, load {load[0]:.1f} (shared machine)"
    )


def empty_database(location: str) -> None:
    """A migrated database without orders: an SQLite file made anew, or every table and
    function of a server database dropped (what an earlier benchmark left there), then
    the migrations run (they are not part of what is measured)."""
    from sqlalchemy import MetaData, create_engine

    if "://" in location:
        engine = create_engine(location)
        with engine.begin() as connection:
            found = MetaData()
            found.reflect(connection)
            found.drop_all(connection)
            # What the tables' triggers call (migration 0019): its own functions, not an
            # extension's (pg_trgm's live in the same schema).
            functions = connection.exec_driver_sql(
                "SELECT p.oid::regprocedure::text FROM pg_proc p"
                " WHERE p.pronamespace = current_schema()::regnamespace AND NOT EXISTS"
                " (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')"
            ).scalars()
            for function in list(functions):
                connection.exec_driver_sql(f"DROP FUNCTION {function}")
        engine.dispose()
    else:
        Path(location).unlink(missing_ok=True)
    from app.storage.db import open_database

    open_database(location).dispose()


def emptied_apart(location: str) -> None:
    """:func:`empty_database` in a child process, so the measuring process stays small (a
    child's peak memory counts its parent's at spawn time)."""
    run([PYTHON, __file__, "--empty", location])


if __name__ == "__main__":  # the child of emptied_apart
    if sys.argv[1:2] != ["--empty"] or len(sys.argv) != 3:
        raise SystemExit(f"usage: {sys.argv[0]} --empty LOCATION")
    empty_database(sys.argv[2])
