"""The Textual front end: it presents the core's model and never changes it."""
