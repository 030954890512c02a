"""Which screen shows which kind of place: the one table to extend with a new view.

Screens are imported only when first opened, so start-up pays for the debate
screen alone.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from .screens.base import ViewScreen

_VIEWS: dict[str, str] = {
    "debate": "tui.ui.screens.debate:DebateScreen",
    "argument": "tui.ui.screens.argument:ArgumentScreen",
    "source": "tui.ui.screens.source:SourceScreen",
    "speaker": "tui.ui.screens.speaker:SpeakerScreen",
    "facts": "tui.ui.screens.facts:FactsScreen",
    "map": "tui.ui.screens.exchange_map:ArgumentMapScreen",
    "exchanges": "tui.ui.screens.exchange_map:DebateMapScreen",
}


def view_class(kind: str) -> type[ViewScreen]:
    module_name, _, class_name = _VIEWS[kind].partition(":")
    return cast("type[ViewScreen]", getattr(import_module(module_name), class_name))
