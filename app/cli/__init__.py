"""The ``sellerdesk`` command line: one module per group of commands."""
