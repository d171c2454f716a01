"""Seller Central flat files: one module per file type, its writer beside its reader."""
