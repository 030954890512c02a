"""Small pieces of text shared by the command line and the screens: English words,
and text from outside (a pack, a file name) made safe to show."""

from __future__ import annotations

import re

# What must never reach a terminal raw: C0 controls but newline and tab, DEL and
# the C1 controls (ESC and CSI start escape sequences that clear the screen, set
# the window title or write the clipboard), the bidirectional overrides that
# make a line read as something else, and lone surrogates, which no encoding
# can write.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                               "\ud800-\udfff]")


_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """ "1 error", "2 errors", "3 analyses" (with `nouns` for an irregular plural) """
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def escaped(character: str) -> str:
    """A character as a Python escape: '\\x1b', '\\u202e'."""
    code = ord(character)
    if character in _SHORT:
        return _SHORT[character]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """The text with every control character shown as its escape (ESC as '\\x1b');
    newlines and tabs are kept."""
    if _UNSAFE.search(text) is None:  # nearly always: no copy
        return text
    return _UNSAFE.sub(lambda match: escaped(match.group()), text)


def one_line(text: str) -> str:
    """Like `visible`, but newlines and tabs are escaped too: for a message that must
    stay one line, whatever a file name or a pack's value holds."""
    if _UNSAFE_IN_A_LINE.search(text) is None:
        return text
    return _UNSAFE_IN_A_LINE.sub(lambda match: escaped(match.group()), text)
