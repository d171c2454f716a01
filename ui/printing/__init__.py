"""Printed documents: built as QTextDocument, sent to preview, printer or PDF."""
