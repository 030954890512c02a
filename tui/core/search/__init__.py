"""Typo-tolerant search over a debate's records."""
