"""Control characters from a pack, a case file or a file name, made visible, so that
text shown or exported can never drive the terminal (ESC, OSC 52, BEL ...)."""

from __future__ import annotations

import re

# C0 controls but newline and tab become their Control Pictures (ESC is "␛"), DEL is
# "␡", C1 controls (which some terminals obey as ESC sequences) are "�". One
# character for one, so an offset into an article still points at the same place.
_PICTURES = {code: 0x2400 + code for code in range(0x20) if chr(code) not in "\n\t"}
_PICTURES[0x7F] = 0x2421
_PICTURES.update({code: 0xFFFD for code in range(0x80, 0xA0)})
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """The text with every control character but newline and tab shown as a symbol.
    A Windows line end's carriage return is only a line end: it shows as a space."""
    if not has_control(text):
        return text
    return text.replace("\r\n", " \n").translate(_PICTURES)


def has_control(text: str) -> bool:
    """Whether the text holds a control character other than newline and tab."""
    # isprintable() is false for every control character and runs in C: most text
    # is answered without the slower search.
    return not text.isprintable() and _CONTROL.search(text) is not None
