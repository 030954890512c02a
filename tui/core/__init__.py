"""The headless core: the pack model, loading and validation, search, exports
and the student's saved work. Nothing here imports Textual."""
