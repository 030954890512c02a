"""Control characters from a pack, a case file or a file name, made visible, so that
text shown, exported or printed can never drive the terminal (ESC, OSC 52, BEL ...).

Two forms: on screen and in exports each control is one symbol (`visible`: "␛"),
so offsets into an article still hold; in a message or a command's output it is
its escape (`escaped_text`, `one_line`: "\\x1b"), which an author can look up.
"""

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


# What must never reach a terminal raw: C0 controls but newline and tab, DEL and
# the C1 controls (ESC and CSI start escape sequences that clear the screen, set
# the window title or write the clipboard), the bidirectional overrides that
# make a line read as something else, and lone surrogates, which no encoding
# can write.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_IN_A_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
                               "\ud800-\udfff]")


_SHORT = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def escaped(character: str) -> str:
    """A character as a Python escape: '\\x1b', '\\u202e'."""
    code = ord(character)
    if character in _SHORT:
        return _SHORT[character]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped_text(text: str) -> str:
    """The text with every control character shown as its escape (ESC as '\\x1b');
    newlines and tabs are kept."""
    if _UNSAFE.search(text) is None:  # nearly always: no copy
        return text
    return _UNSAFE.sub(lambda match: escaped(match.group()), text)


def one_line(text: str) -> str:
    """Like `escaped_text`, but newlines and tabs are escaped too: for a message that must
    stay one line, whatever a file name or a pack's value holds."""
    if _UNSAFE_IN_A_LINE.search(text) is None:
        return text
    return _UNSAFE_IN_A_LINE.sub(lambda match: escaped(match.group()), text)
