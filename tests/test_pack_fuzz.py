"""Random and mutated bytes fed to the pack loader: never a traceback, never a hang,
and no problem it reports carries a control character.

The mutations start from the good pack's YAML files and make the mistakes and
attacks issue 16 names (escapes, anchors, tags, deep brackets, huge numbers,
tabs, bytes that are not UTF-8) at random places. Each example runs under a
hard time limit as well as Hypothesis's deadline.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from time_limit import within

from tui.core.controls import one_line
from tui.core.pack.loader import load_pack
from tui.core.pack.packfiles import LoadResult

GOOD = Path(__file__).parent / "packs" / "good"
FILES = {name: (GOOD / name).read_bytes() for name in ("pack.yaml", "debate.yaml")}
ARTICLE = (GOOD / "report.txt").read_bytes()

# What an attacker or a hurried teacher types.
PIECES = [b"\\e[2J", b'"\\e[2Jx"', b"9" * 5000, b'"\\e]0;x\\a"', b'"\\x9b"', b"&a ", b"*a",
          b"!!python/object:os.system ", b"!x ", b"[", b"]", b"{", b"}", b"[" * 200, b"\t",
          b": ", b"- ", b"? ", b'"', b"'",
          b"\x00", b"\xff\xfe", b"\xe2\x80\x94", b"9" * 400, b"1e400", b"2020-99-99", b"\n",
          b"\r\n", b"---\n", b"...\n", b"%YAML 1.1\n", b"#", b"|", b">", b"\xef\xbb\xbf",
          b"../" * 5 + b"etc/passwd", b"a" * 300, b"<<: ", b"~", b"-" * 30]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(FILES[draw(st.sampled_from(sorted(FILES)))])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["insert", "replace", "delete", "flip", "repeat", "key",
                                     "value"]))
        lines = bytes(data).split(b"\n")
        if kind in ("key", "value"):  # a whole key or value written as one of the pieces
            number = draw(st.integers(0, len(lines) - 1))
            key, colon, value = lines[number].partition(b": ")
            if colon:
                piece = draw(st.sampled_from(PIECES))
                lines[number] = (key[:len(key) - len(key.lstrip())] + piece + colon + value
                                 if kind == "key" else key + colon + piece)
                data = bytearray(b"\n".join(lines))
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(PIECES) | st.binary(min_size=1, max_size=8))
        elif kind == "replace":
            data[at:at + draw(st.integers(1, 20))] = draw(st.sampled_from(PIECES))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "flip" and at < len(data):
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "repeat":
            data[at:at] = bytes(data[at:at + draw(st.integers(1, 30))]) * draw(st.integers(2, 50))
    return bytes(data)


def _load(files: dict[str, bytes]) -> LoadResult:
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "pack"
        pack.mkdir()
        (pack / "report.txt").write_bytes(ARTICLE)
        for name, data in files.items():
            (pack / name).write_bytes(data)
        with within(10):
            return load_pack(pack)


def _check(result: LoadResult) -> None:
    assert result.debate is not None or result.errors
    for problem in result.problems:
        shown = str(problem)
        assert shown == one_line(shown), shown  # no control character, no newline


FUZZ = settings(max_examples=150, deadline=5000, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.sampled_from(sorted(FILES)), mutated())
def test_a_mutated_pack_file_is_reported_never_a_crash(name: str, data: bytes) -> None:
    _check(_load({**FILES, name: data}))


@settings(FUZZ, max_examples=50)
@given(st.binary(max_size=2000))
def test_random_bytes_as_a_pack_file_are_reported_never_a_crash(data: bytes) -> None:
    _check(_load({**FILES, "debate.yaml": data}))
