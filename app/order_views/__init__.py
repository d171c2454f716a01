"""Orders as the list, the details pane and the command line read them."""
