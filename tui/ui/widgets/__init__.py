"""Widgets the explorer's screens are built from."""
