"""Authoring a pack: the edits a teacher makes in the app, checked and written safely."""
