"""In a browser some keys never reach the page: the browser keeps them (close tab,
new tab, new window, switch tab) or turns them into its own paste. No action of the
explorer may need one of them: each has another key, or is not bound to one at all."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from textual.binding import Binding

import tui.serve
import tui.ui

BROWSER_KEEPS = {"ctrl+w", "ctrl+t", "ctrl+n", "ctrl+shift+w", "ctrl+shift+t", "ctrl+shift+n",
                 "ctrl+tab", "ctrl+shift+tab", "ctrl+pageup", "ctrl+pagedown", "ctrl+v",
                 "ctrl+shift+v", "ctrl+shift+q", "alt+f4", "f11"}


def every_binding() -> list[tuple[str, Binding]]:
    found = []
    for package in (tui.ui, tui.serve):
        for module_info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(module_info.name)
            for name, owner in inspect.getmembers(module, inspect.isclass):
                if owner.__module__ != module.__name__:
                    continue
                for binding in owner.__dict__.get("BINDINGS", []):
                    if isinstance(binding, tuple):
                        binding = Binding(*binding)
                    found.append((f"{module.__name__}.{name}", binding))
    return found


def test_the_audit_sees_the_explorers_bindings() -> None:
    actions = {binding.action for _, binding in every_binding()}
    assert {"quit", "search", "handout", "keep", "back"} <= actions


def test_no_action_needs_a_key_the_browser_keeps() -> None:
    needing = [(where, binding.key) for where, binding in every_binding()
               if all(key.strip() in BROWSER_KEEPS for key in binding.key.split(","))]
    assert needing == []


def test_the_audit_would_catch_one() -> None:
    bad = Binding("ctrl+w", "close", "Close")
    assert all(key in BROWSER_KEEPS for key in bad.key.split(","))
