"""A whole debate written out for other tools and for print."""
