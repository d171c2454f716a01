"""Dialogs: each takes the database and an order id, asks app/ what is allowed, acts once."""
