"""Entry point PyInstaller freezes: ``ui.launcher.main``, as the ``sellerdesk`` console script."""

from __future__ import annotations

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
