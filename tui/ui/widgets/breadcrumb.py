"""The path the student took, one line at the top of every view."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.core.controls import visible
from tui.core.history import Place

SEPARATOR = " › "
GAP = "…"


def _width(labels: list[str]) -> int:
    return sum(map(len, labels)) + len(SEPARATOR) * max(len(labels) - 1, 0)


def fit_trail(places: list[Place], width: int) -> str:
    """The labels, most recent last. When they do not fit, the middle gives way to
    "…": the first place (where the student started) and the latest ones stay."""
    labels = [place.label or place.kind for place in places]
    if _width(labels) <= width:
        return SEPARATOR.join(labels)
    current = labels[-1]
    # The first place and the current one, with as many recent ones between as fit.
    for head in ([labels[0], GAP], [GAP]):
        if len(labels) < 2 or _width([*head, current]) > width:
            continue
        recent = [current]
        for label in reversed(labels[1:-1]):
            if _width([*head, label, *recent]) > width:
                break
            recent.insert(0, label)
        return SEPARATOR.join([*head, *recent])
    # Not even "… › current" fits: the current place alone, cut if it must be.
    return current if len(current) <= width else current[: max(width - 1, 0)] + GAP


class Breadcrumb(Widget):
    """Shows the path to the current place (the history without its detours), as the
    navigator gives it."""

    DEFAULT_CSS = """
    Breadcrumb {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def __init__(self, trail: list[Place]) -> None:
        super().__init__()
        self.trail = trail

    def show(self, trail: list[Place]) -> None:
        self.trail = trail
        self.refresh()

    def render(self) -> Text:
        line = fit_trail(self.trail, max(self.content_size.width, 10))
        text = Text(visible(line), no_wrap=True, overflow="ellipsis")
        last = line.rfind(SEPARATOR)
        text.stylize("bold", 0 if last < 0 else last + len(SEPARATOR))
        return text
