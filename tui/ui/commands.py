"""Command-palette entries made from the key bindings, so each action is defined once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual.app import SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

_SIDEWAYS = frozenset(("scroll_left", "scroll_right", "page_left", "page_right"))


@dataclass(frozen=True, slots=True)
class KeyAction:
    """A binding active on a screen: its keys as shown, what it does, who runs it."""

    keys: str
    description: str
    node: DOMNode
    binding: Binding


def key_actions(screen: Screen[Any]) -> list[KeyAction]:
    """Every described binding active on the screen, one entry per action, keys merged."""
    app = screen.app
    merged: dict[tuple[int, str], KeyAction] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not active.enabled:
            continue
        if binding.action in _SIDEWAYS and not getattr(active.node, "allow_horizontal_scroll",
                                                         True):
            continue  # inherited by every scrolling widget, meaningless where text wraps
        shown = binding.key_display or app.get_key_display(binding)
        node = active.node
        # A key for the app's or the screen's action, bound lower down: one entry.
        for prefix, owner in (("app.", app), ("screen.", screen)):
            if binding.action.startswith(prefix):
                node = owner
                binding = Binding(binding.key, binding.action.removeprefix(prefix),
                                  binding.description, binding.show, binding.key_display)
        slot = (id(node), binding.action)
        known = merged.get(slot)
        if known and shown in known.keys.split(", "):
            continue  # the same key bound twice (a widget's and its screen's)
        keys = f"{known.keys}, {shown}" if known else shown
        merged[slot] = KeyAction(keys, binding.description, node,
                                 known.binding if known else binding)
    return list(merged.values())


def binding_commands(screen: Screen[Any]) -> Iterable[SystemCommand]:
    """The current screen's key actions as palette commands, with their keys as help."""
    for action in key_actions(screen):
        if action.binding.action in ("command_palette", "quit"):
            continue  # the palette already lists these
        yield SystemCommand(action.description, f"Key: {action.keys}",
                            partial(screen.app.run_action, action.binding.action, action.node))
