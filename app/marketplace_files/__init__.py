"""Seller Central's files: order reports read in; shipping, cancellation and adjustment
files written out."""
