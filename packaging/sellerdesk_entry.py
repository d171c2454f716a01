"""Entry point PyInstaller freezes: the same ``main`` as the ``sellerdesk`` console script."""

from __future__ import annotations

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
