"""The explorer's screens: one view per kind of record, and the dialogs over them."""
