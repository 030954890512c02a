"""Debate Explorer: a keyboard-first explorer for classroom debate packs.

This module stays free of third-party imports so that `python3 -m tui.dev`
can bootstrap a fresh machine before anything is installed.
"""

__version__ = "0.1.0"
