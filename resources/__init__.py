"""Data files shipped with SellerDesk: carrier codes, templates, translations, icons."""
