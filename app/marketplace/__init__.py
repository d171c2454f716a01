"""The optional connection to Seller Central through the Selling Partner API.

Nothing here imports Qt. The window, the command line and the tests all go
through :class:`app.marketplace.connection.SellerCentral`; only
:mod:`app.marketplace.transport` talks HTTP (through python-amazon-sp-api), and
it is imported only when a connection is used, so SellerDesk without the
``marketplace`` extra works offline as before and says what to install.
"""
