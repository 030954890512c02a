"""Plain text laid out in terminal cells: word wrap and where rows fall in a long list."""
