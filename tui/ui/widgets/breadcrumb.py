"""The path the student took, one line at the top of every view."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ..history import Place

SEPARATOR = " › "


def fit_trail(places: list[Place], width: int) -> str:
    """The trail's labels, most recent last, dropping the oldest to fit the width."""
    labels = [place.label or place.kind for place in places]
    shown: list[str] = []
    used = 0
    for label in reversed(labels):
        room = width - used - (len(SEPARATOR) if shown else 0)
        if len(label) > room:
            if not shown:  # the current place always shows, cut if it must be
                shown.append(label[: max(room - 1, 0)] + "…")
            else:
                shown.append("…")
            break
        shown.append(label)
        used += len(label) + (len(SEPARATOR) if len(shown) > 1 else 0)
    return SEPARATOR.join(reversed(shown))


class Breadcrumb(Widget):
    """Shows the history trail up to the current place."""

    DEFAULT_CSS = """
    Breadcrumb {
        height: 1;
        width: 1fr;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
    }
    """

    def render(self) -> Text:
        history = getattr(self.app, "history", None)
        trail = history.trail() if history is not None else []
        line = fit_trail(trail, max(self.content_size.width, 10))
        text = Text(line, no_wrap=True, overflow="ellipsis")
        last = line.rfind(SEPARATOR)
        text.stylize("bold", 0 if last < 0 else last + len(SEPARATOR))
        return text
