"""Account health: the marketplace's rates, their history, and the printed summaries."""
