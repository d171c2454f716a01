"""SellerDesk core: orders, rules, persistence, report import. No Qt here."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up on demand: importlib.metadata scans the installed packages, a cost
    # every command would pay on start for a version only --version and About show.
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sellerdesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"
