"""What a seller does to an order, and the rules that allow it: ship, cancel, refund,
restocking fees, returns, buyer messages."""
