"""Mutation testing of the money and rule modules with mutmut 3 (issue 17).

Not part of the default test run: it runs the chosen test files once per mutant.
Install the tool with ``pip install -e '.[test,mutation]'``, then, from the repository::

    .venv/bin/python tests/mutation/run_mutation.py rules refunds   # some modules
    .venv/bin/python tests/mutation/run_mutation.py                 # all of them
    .venv/bin/python tests/mutation/run_mutation.py --report rules  # last results again
    .venv/bin/python tests/mutation/run_mutation.py --again rules   # survivors, new tests
    .venv/bin/python tests/mutation/run_mutation.py --rest rules    # what a sample left out
    .venv/bin/python tests/mutation/run_mutation.py --update rules  # app/ changed since
    .venv/bin/python tests/mutation/run_mutation.py --only 'x_decide__*' rules  # some names

On a shared machine run it as ``nice -n 15 ... --max-children 2``, one module at a
time. mutmut runs, for each mutant, only the tests of the module's list that reached
the mutated function; the plugins beside this script keep each run short (a migrated
database copied per test, fewer Hypothesis examples, the cheapest tests first).

Each module is mutated in its own copy of the project under ``build/mutation/<module>``
(mutmut reads its settings from ``pyproject.toml``, so every copy gets its own
``[tool.mutmut]`` naming that one module and only the fast test files that exercise
it). The score counts a mutant as dealt with when a test kills it (or it times out)
or when it is listed in ``equivalent.txt`` beside this script with why it cannot
change what a seller sees. Surviving mutants are printed with ``mutmut show``'s diff.

mutmut 3 mutates no decorated function but ``@staticmethod``/``@classmethod`` ones, so
a ``@property`` (``RefundPlan.changes``, ``ReturnResult.changes``) has no mutants: its
tests (``tests/test_changes.py``) assert each value literally instead.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
WORK = ROOT / "build" / "mutation"

# Module → the fast test files that check its rules. mutmut then runs, for each
# mutant, only the tests that reached the mutated function.
MODULES: dict[str, list[str]] = {
    "rules": [
        "tests/test_rules.py",
        "tests/test_money_rules.py",
        "tests/test_cancellation_counting.py",
        "tests/test_status_from_quantities.py",
    ],
    "refunds": [
        "tests/test_refund_plan.py",
        "tests/test_refunds.py",
        "tests/test_refund_properties.py",
        "tests/test_money_rules.py",
        "tests/test_rule_edges.py",
        "tests/test_returns.py",
        "tests/test_carrier_return_ceiling.py",
        "tests/test_changes.py",
    ],
    "restocking": [
        "tests/test_restocking_fees.py",
        "tests/test_refund_plan.py",
        "tests/test_refunds.py",
        "tests/test_refund_properties.py",
        "tests/test_money_rules.py",
        "tests/test_returns.py",
        "tests/test_carrier_return_ceiling.py",
    ],
    "returns": [
        "tests/test_return_story.py",
        "tests/test_returns.py",
        "tests/test_rule_edges.py",
        "tests/test_money_rules.py",
        "tests/test_carrier_return_ceiling.py",
        "tests/test_health_history.py",
        "tests/test_changes.py",
    ],
    "health": [
        "tests/test_health.py",
        "tests/test_health_figures.py",
        "tests/test_health_as_of.py",
        "tests/test_money_rules.py",
        "tests/test_rule_edges.py",
        "tests/test_health_history.py",
        "tests/test_fulfilled_by_marketplace.py",
    ],
    "exports": [
        "tests/test_export_messages.py",
        "tests/test_exports.py",
        "tests/test_export_safety.py",
        "tests/test_rule_edges.py",
        "tests/test_upload_files.py",
        "tests/test_fulfilled_by_marketplace.py",
        "tests/test_changes.py",
    ],
}

# Module → the package of app/ it lives in (mutmut names a mutant by its dotted path).
PACKAGES = {
    "rules": "order_actions",
    "refunds": "order_actions",
    "restocking": "order_actions",
    "returns": "order_actions",
    "health": "account_health",
    "exports": "marketplace_files",
}


def source_file(module: str) -> str:
    """The module's file, relative to the repository: ``app/<package>/<module>.py``."""
    return f"app/{PACKAGES[module]}/{module}.py"


def dotted(module: str) -> str:
    """The module's import path, the prefix of its mutants' names."""
    return f"app.{PACKAGES[module]}.{module}"


KILLED = {"killed", "timeout", "caught by type check"}
STATUS_BY_EXIT_CODE: dict[int | None, str] = {
    **dict.fromkeys((1, 3), "killed"),
    0: "survived",
    **dict.fromkeys((5, 33), "no tests"),
    2: "check was interrupted by user",
    None: "not checked",
    34: "skipped",
    35: "suspicious",
    **dict.fromkeys((36, 24, -24, 152, 255), "timeout"),
    37: "caught by type check",
    **dict.fromkeys((-11, -9), "segfault"),
}
NOT_RUN = {"not checked", "skipped"}
# --sample N runs the mutants whose number ends as these patterns say: a fixed share.
SAMPLES = {1: "*", 2: "*[02468]", 5: "*[05]", 10: "*0"}


def _mutmut_settings(module: str, tests: list[str]) -> str:
    def toml_list(values: list[str]) -> str:
        return "[" + ", ".join(f'"{v}"' for v in values) + "]"

    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["app"]\n'
        f'only_mutate = ["{source_file(module)}"]\n'
        'also_copy = ["ui", "resources"]\n'
        f"pytest_add_cli_args_test_selection = {toml_list(tests)}\n"
        # slow sweeps stay out; the window tests never reach these modules' rules alone
        'pytest_add_cli_args = ["-m", "not slow", "-p", "no:cacheprovider", "-p", "no:xdist", '
        '"-p", "tests.mutation.fewer_examples", "-p", "tests.mutation.migrated_once"]\n'
        "use_git_change_detection = false\n"
    )


def prepare(module: str, source: Path, work: Path) -> Path:
    """A fresh copy of ``source`` whose pyproject.toml tells mutmut what to mutate."""
    tests = [t for t in MODULES[module] if (source / t).exists()]
    place = work / module
    if place.exists():
        shutil.rmtree(place)
    place.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis", "mutation")
    for folder in ("app", "ui", "resources", "tests"):
        shutil.copytree(source / folder, place / folder, ignore=ignore)
    shutil.copytree(HERE, place / "tests" / "mutation", ignore=ignore)  # the plugin below
    pyproject = (source / "pyproject.toml").read_text(encoding="utf-8")
    (place / "pyproject.toml").write_text(
        pyproject + _mutmut_settings(module, tests), encoding="utf-8"
    )
    return place


def survivors(place: Path, module: str) -> list[str]:
    """The mutants of the last run no test killed nor shown equivalent (to run again once
    tests are added)."""
    listed = equivalents()
    names = [
        name
        for name, status in results(place, module).items()
        if status not in KILLED and status not in NOT_RUN and name not in listed
    ]
    diffs = mutant_diffs(place, module, names)
    return [name for name in names if known_equivalent(diffs[name]) is None]


def refresh_tests(module: str, source: Path, place: Path) -> None:
    """Give an earlier copy the checkout's current tests, keeping its results."""
    shutil.rmtree(place / "tests")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".hypothesis")
    shutil.copytree(source / "tests", place / "tests", ignore=ignore)
    pyproject = (source / "pyproject.toml").read_text(encoding="utf-8")
    tests = [t for t in MODULES[module] if (source / t).exists()]
    (place / "pyproject.toml").write_text(
        pyproject + _mutmut_settings(module, tests), encoding="utf-8"
    )


def changed_functions(place: Path, source: Path, module: str) -> list[str]:
    """mutmut's names for the mutants of the functions ``source`` changed or added since
    the copy was made (the code, not its place in the file, compared)."""

    def functions(path: Path) -> dict[str, str]:
        found = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                found[f"x_{node.name}"] = ast.dump(node)
            elif isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                        found[f"x\u01c1{node.name}\u01c1{item.name}"] = ast.dump(item)
        return found

    before = functions(place / source_file(module))
    after = functions(source / source_file(module))
    return [
        f"{dotted(module)}.{name}__mutmut_*"
        for name, code in after.items()
        if before.get(name) != code
    ]


def refresh_code(source: Path, place: Path) -> None:
    """Give an earlier copy the checkout's current app/ (mutmut then re-tests changed functions)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("app", "ui", "resources"):
        shutil.rmtree(place / folder)
        shutil.copytree(source / folder, place / folder, ignore=ignore)


def _meta(place: Path, module: str) -> Path:
    return place / "mutants" / f"{source_file(module)}.meta"


def no_run(place: Path, module: str) -> str | None:
    """Why there is no last run of the module to read, in one line (None: there is one)."""
    if _meta(place, module).exists() and (place / "mutants" / source_file(module)).exists():
        return None
    return (
        f"{module}: no run of {source_file(module)} in {place} (never run, or a copy from "
        f"before app/ was regrouped): run it afresh with 'run_mutation.py {module}'"
    )


def keep_earlier_verdicts(place: Path, module: str, earlier: dict[str, int | None]) -> None:
    """Put back the verdicts of the mutants ``--again`` did not run.

    mutmut forgets every result once the tests change, though it reruns only the
    survivors named. A mutant killed before stays killed while tests are only added
    and app/ is unchanged, which is what ``--again`` is for.
    """
    meta = _meta(place, module)
    data = json.loads(meta.read_text(encoding="utf-8"))
    codes = data["exit_code_by_key"]
    for name, code in earlier.items():
        # a mutant of a function since removed is gone from the record: not put back
        if name in codes and codes[name] is None and code is not None:
            codes[name] = code
    meta.write_text(json.dumps(data), encoding="utf-8")


def mutmut(place: Path, *args: str, capture: bool = False) -> str:
    tool = Path(sys.executable).with_name("mutmut")
    result = subprocess.run(
        [str(tool), *args],
        cwd=place,
        check=False,
        text=True,
        stdout=subprocess.PIPE if capture else None,
    )
    return result.stdout or ""


def equivalents() -> dict[str, str]:
    """Mutant name → why it cannot change what the seller sees (``equivalent.txt``)."""
    listed: dict[str, str] = {}
    for line in (HERE / "equivalent.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, why = line.partition(" ")
            listed[name.strip()] = why.strip()
    return listed


# Translation contexts: QT_TRANSLATE_NOOP's first argument is read by lupdate only.
CONTEXTS = ("Rules", "Refunds", "Restocking", "Returns", "Exports", "Health", "Orders")


def mutant_diffs(place: Path, module: str, names: list[str]) -> dict[str, str]:
    """Each mutant's diff against the original function, read from mutmut's mutated copy.

    Cheaper than one ``mutmut show`` per mutant: mutmut keeps every mutant as a
    function ``<name>__mutmut_<n>`` beside ``<name>__mutmut_orig``.
    """
    source = (place / "mutants" / source_file(module)).read_text(encoding="utf-8")
    lines = source.splitlines()
    functions = {
        node.name: "\n".join(lines[node.lineno - 1 : node.end_lineno])
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    diffs = {}
    for name in names:
        function = name.removeprefix(f"{dotted(module)}.")
        original = functions.get(function.rsplit("__mutmut_", 1)[0] + "__mutmut_orig", "")
        mutated = functions.get(function, "").replace(function, "", 1)
        original = original.replace(function.rsplit("__mutmut_", 1)[0] + "__mutmut_orig", "", 1)
        diffs[name] = "\n".join(
            difflib.unified_diff(original.splitlines(), mutated.splitlines(), lineterm="")
        )
    return diffs


def changed_lines(diff: str) -> tuple[list[str], list[str]]:
    lines = diff.splitlines()
    removed = [x[1:] for x in lines if x.startswith("-") and not x.startswith("---")]
    added = [x[1:] for x in lines if x.startswith("+") and not x.startswith("+++")]
    return removed, added


def known_equivalent(diff: str) -> str | None:
    """Why a mutant cannot change what the seller sees, for the kinds that never can."""
    removed, added = changed_lines(diff)
    if len(removed) == len(added) == 1:
        before, after = removed[0], added[0]
        for context in CONTEXTS:
            quoted = f'"{context}"'
            # QT_TRANSLATE_NOOP("Rules", ...) or its context alone on the call's first line
            in_noop = "QT_TRANSLATE_NOOP(" in before or before.strip().startswith(f"{quoted},")
            others = (f'"XX{context}XX"', f'"{context.lower()}"', f'"{context.upper()}"', "None")
            mutated = {before.replace(quoted, other, 1) for other in others}
            if in_noop and after in mutated:
                return (
                    "QT_TRANSLATE_NOOP's context argument: only lupdate reads it, the "
                    "function returns the source text unchanged"
                )
    return None


def results(place: Path, module: str) -> dict[str, str]:
    """Mutant name → status, read from mutmut's record beside the mutated module.

    Reading the record is much cheaper than ``mutmut results`` (which loads every file
    of app/); the exit codes mean what mutmut's ``status_by_exit_code`` says.
    """
    meta = _meta(place, module)
    if not meta.exists():
        return {}
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return {name: STATUS_BY_EXIT_CODE.get(code, "suspicious") for name, code in codes.items()}


def report(module: str, work: Path, show_diffs: bool) -> tuple[int, int]:
    place = work / module
    missing = no_run(place, module)
    if missing:
        print(missing)
        return 0, 0
    statuses = results(place, module)
    listed = equivalents()
    counts = Counter(statuses.values())
    statuses = {n: s for n, s in statuses.items() if s not in NOT_RUN}
    total = len(statuses)
    killed = sum(1 for s in statuses.values() if s in KILLED)
    survivors = [n for n, s in statuses.items() if s not in KILLED]
    diffs = mutant_diffs(place, module, survivors)
    for name in survivors:
        why = known_equivalent(diffs[name])
        if why and name not in listed:
            listed[name] = why
    equivalent = [n for n in survivors if n in listed]
    unexplained = [n for n in survivors if n not in listed]
    dealt = killed + len(equivalent)
    score = 100 * dealt / total if total else 0.0
    print(
        f"{module}: {total} mutants, {killed} killed, {len(equivalent)} equivalent, "
        f"{len(unexplained)} surviving -> {score:.1f} % ({dict(counts)})"
    )
    for name in equivalent:
        print(f"  equivalent {name}: {listed[name]}")
    for name in unexplained:
        print(f"  SURVIVED {name} ({statuses[name]})")
        if show_diffs:
            removed, added = changed_lines(diffs[name])
            print(
                "\n".join(
                    [
                        *(f"    - {x.strip()}" for x in removed),
                        *(f"    + {x.strip()}" for x in added),
                    ]
                )
            )
    stale = [n for n in listed if n.startswith(f"{dotted(module)}.") and statuses.get(n) in KILLED]
    for name in stale:
        print(f"  note: {name} is listed as equivalent but is now killed")
    return dealt, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=f"some of: {', '.join(MODULES)}")
    parser.add_argument(
        "--source", type=Path, default=ROOT, help="the checkout to mutate (default: this one)"
    )
    parser.add_argument("--work", type=Path, default=WORK, help="where the copies go")
    parser.add_argument(
        "--sample",
        type=int,
        choices=sorted(SAMPLES),
        default=1,
        help="run one mutant in N (those numbered ...0 for 10), the same ones every time",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="PATTERN",
        help="in a fresh copy, run only the mutants whose name after the module matches "
        "(mutmut's glob, e.g. 'x\u01c1RefundPlan\u01c1changes__mutmut_*'); repeatable",
    )
    parser.add_argument(
        "--again",
        action="store_true",
        help="run the last run's survivors again with the current tests",
    )
    parser.add_argument(
        "--rest",
        action="store_true",
        help="run the mutants the last run left unchecked (a sample's or a stopped run's rest)",
    )
    parser.add_argument(
        "--update",
        action="store_true",
        help="give the last run the checkout's current code and tests; run the changed functions",
    )
    parser.add_argument("--report", action="store_true", help="only print the last results")
    parser.add_argument("--diffs", action="store_true", help="print each survivor's diff")
    parser.add_argument("--max-children", type=int, default=1, help="parallel workers")
    parser.add_argument(
        "--below", type=float, default=90.0, help="exit 1 when a module scores below this"
    )
    options = parser.parse_args(argv)
    modules = options.modules or list(MODULES)
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; choose from {', '.join(MODULES)}")
    low = False
    for module in modules:
        if not options.report:
            started = time.monotonic()
            source, work = options.source.resolve(), options.work.resolve()
            earlier: dict[str, int | None] = {}
            if options.again or options.rest or options.update:
                place = work / module
                missing = no_run(place, module)
                if missing:
                    print(missing)
                    low = True
                    continue
                earlier = json.loads(_meta(place, module).read_text(encoding="utf-8"))[
                    "exit_code_by_key"
                ]
                if options.rest:
                    names = [name for name, code in earlier.items() if code is None]
                elif options.again:
                    names = survivors(place, module)
                else:
                    names = []
                # The copy gets the checkout's code too, so its tests run against the code
                # they were written for; the functions changed since are run again whole.
                changed = changed_functions(place, source, module)
                refresh_code(source, place)
                refresh_tests(module, source, place)
                names = list(dict.fromkeys([*names, *changed]))
                earlier = {
                    name: code
                    for name, code in earlier.items()
                    if not any(fnmatch(name, pattern) for pattern in changed)
                }
            else:
                place = prepare(module, source, work)
                patterns = options.only or [SAMPLES[options.sample]]
                names = [f"{dotted(module)}.{pattern}" for pattern in patterns]
            if names:
                mutmut(place, "run", "--max-children", str(options.max_children), *names)
            if earlier:
                keep_earlier_verdicts(place, module, earlier)
            print(f"{module}: ran in {time.monotonic() - started:.0f} s")
        dealt, total = report(module, options.work.resolve(), options.diffs)
        low = low or (total > 0 and 100 * dealt / total < options.below)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
