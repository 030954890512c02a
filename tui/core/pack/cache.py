"""Loading a pack through a cache of the checked model, so an unchanged pack opens at once.

An entry is keyed by the bytes of every YAML file of the pack and of every
article it quotes (plus this program's version and code), so it is never
stale; it is checksummed, so a damaged file is ignored and rewritten; it is
written atomically in the user's cache folder. Only packs with no errors are
cached, with their warnings, which a cached load reports again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any, TypeVar

from tui import __version__
from tui.core.pack import model
from tui.core.pack.packfiles import LoadResult, collector_paused, pack_files, shown_path
from tui.core.pack.problems import Problem
from tui.core.pack.sourcefiles import find_source

CACHE_FORMAT = 1
ENV_VAR = "DEBATE_EXPLORER_CACHE_DIR"
_MAGIC = b"DXCACHE%d" % CACHE_FORMAT
_DIGEST = 32  # bytes of a SHA-256 digest
# The modules whose code decides what a pack loads into (tests/test_cache.py checks
# that every core module the loader imports is here): a change to any of them
# during development, without a version bump, must not reuse an old entry.
# Paths below tui/core/ of every module whose code decides what a load produces.
LOADING_MODULES = ("pack/cache", "pack/loader", "pack/model", "pack/packfiles", "pack/problems",
                   "pack/records", "pack/schema", "pack/sourcefiles", "pack/textmatch",
                   "wording", "pack/yamlfile")
_code_digest: bytes | None = None
_Record = TypeVar("_Record")  # one of the model's record classes


def cache_folder() -> Path:
    """Where entries live: $DEBATE_EXPLORER_CACHE_DIR, or the user's cache folder."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    import platformdirs  # only when needed: it costs an import at start-up

    return Path(platformdirs.user_cache_dir("debate-explorer"))


def _load(path: Path) -> LoadResult:
    # Imported on a miss only: a hit never needs the YAML parser or the validator.
    from tui.core.pack.loader import load_pack

    return load_pack(path)


def load_pack_cached(path: Path | str, cache_dir: Path | None = None) -> LoadResult:
    """Like `load_pack`, but reuses a checked model when no file of the pack changed."""
    path = Path(path)
    folder = cache_dir if cache_dir is not None else cache_folder()
    with collector_paused():
        try:
            key = _pack_key(path)
        except OSError:  # unreadable pack: the loader says why, file by file
            return _load(path)
        entry = folder / (hashlib.blake2b(str(path.resolve()).encode(), digest_size=16)
                          .hexdigest() + ".cache")
        cached = _read_entry(entry, key)
        if cached is not None:
            return cached
        result = _load(path)
        if result.debate is not None:
            _write_entry(entry, key, result)
        return result




# -- the key -----------------------------------------------------------------


def _hasher(data: bytes = b"") -> hashlib._Hash:
    # SHA-256: CPUs with SHA extensions hash ~1.7 GB/s, about three times blake2b here.
    return hashlib.sha256(data)


def _code_fingerprint() -> bytes:
    global _code_digest
    if _code_digest is None:
        h = _hasher(f"{CACHE_FORMAT} {__version__} {sys.version}".encode())
        core = Path(__file__).resolve().parents[1]
        for name in LOADING_MODULES:
            h.update(name.encode() + b"\0" + (core / f"{name}.py").read_bytes())
        _code_digest = h.digest()
    return _code_digest


def _pack_key(path: Path) -> bytes:
    """A digest of this program and of every YAML file of the pack: names and bytes."""
    h = _hasher(_code_fingerprint())
    h.update(str(path.resolve()).encode() + b"\0")
    root = path if path.is_dir() else path.parent
    for file in pack_files(path):
        data = file.read_bytes()
        h.update(b"%s\0%d\0" % (file.relative_to(root).as_posix().encode(), len(data)))
        h.update(data)
    return h.digest()


# -- reading and writing an entry --------------------------------------------
# An entry: magic, the pack key, a checksum of the payload, the payload. The
# payload is `marshal` data of plain tuples, lists and strings (no pickle: it
# can build no other object), turned back into the model by `_decode`.


def _read_entry(entry: Path, key: bytes) -> LoadResult | None:
    """The cached result, or None when there is no usable entry for this key."""
    try:
        with open(entry, "rb") as file:
            header = file.read(len(_MAGIC) + 2 * _DIGEST)
            if header[:len(_MAGIC)] != _MAGIC or header[len(_MAGIC):-_DIGEST] != key:
                return None
            payload = file.read()
        if _hasher(payload).digest() != header[-_DIGEST:]:
            return None  # damaged: load normally, and the entry is rewritten
        data = marshal.loads(payload)
        texts = _current_sources(data["folder"], data["articles"])
        if texts is None:
            return None
        return _decode(data, texts)
    except Exception:  # any damage or mismatch means: load normally
        return None


def _current_sources(folder: str, recorded: list[tuple[str, str, bytes]]
                     ) -> dict[str, str] | None:
    """Each article's text if every one still resolves to the same, unchanged file."""
    texts: dict[str, str] = {}
    for name, where, digest in recorded:
        path = find_source(name, Path(folder))[0]  # then why it is unusable, which we ignore
        if path is None or str(path) != where:
            return None
        data = path.read_bytes()
        if _hasher(data).digest() != digest:
            return None
        texts[where] = data.decode("utf-8-sig")  # as the loader reads it
    return texts


def _write_entry(entry: Path, key: bytes, result: LoadResult) -> None:
    """Store the result atomically; a cache that cannot be written is no error."""
    try:
        import tempfile  # only when writing: a cache hit should not pay for the import

        payload = marshal.dumps(_encode(result))
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=entry.name,
                                             suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(_MAGIC + key + _hasher(payload).digest())
                file.write(payload)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, entry)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):
        pass


# -- the model as plain data -------------------------------------------------

_NESTED = {  # fields holding tuples of smaller records
    (model.Speaker, "described_as"): model.RoleInSource,
    (model.Fact, "conflicts_with"): model.Conflict,
}
_SECTIONS = {"themes": model.Theme, "positions": model.Position, "speakers": model.Speaker,
             "sources": model.Source, "quotes": model.Quote, "arguments": model.Argument,
             "facts": model.Fact}
_FIELDS: dict[type[object], tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls))
    for cls in (*_SECTIONS.values(), model.PackInfo, *_NESTED.values())
}


def _row(record: object) -> tuple[object, ...]:
    cls = type(record)
    row: list[object] = []
    for name in _FIELDS[cls]:
        value = getattr(record, name)
        if (cls, name) in _NESTED:
            value = tuple(_row(item) for item in value)
        elif cls is model.Source and name == "path":
            value = str(value)
        elif cls is model.Source and name == "text":
            value = None  # not stored: read again from the article, whose bytes are checked
        row.append(value)
    return tuple(row)


def _encode(result: LoadResult) -> dict[str, Any]:
    debate = result.debate
    assert debate is not None
    articles = {}
    for source in debate.sources.values():
        digest = _hasher(source.path.read_bytes()).digest()
        articles[source.file] = (source.file, str(source.path), digest)
    return {
        "folder": str(debate.folder),
        "articles": list(articles.values()),
        "info": _row(debate.info),
        **{name: [_row(r) for r in getattr(debate, name).values()] for name in _SECTIONS},
        # Problems name files relative to where the user is; store them absolute.
        "problems": [(os.path.abspath(p.file), p.line, p.column, p.message, p.hint, p.severity)
                     for p in result.problems],
    }


def _records(cls: type[_Record], rows: list[Any], texts: dict[str, str]) -> dict[str, _Record]:
    """Records by id from their rows; the common case is one constructor call per row."""
    names = _FIELDS[cls]
    nested = [(names.index(n), inner) for (c, n), inner in _NESTED.items() if c is cls]
    if cls is model.Source:
        path_at, text_at = names.index("path"), names.index("text")
        nested = []
        rows = [list(r) for r in rows]
        for row in rows:
            row[text_at] = texts[row[path_at]]
            row[path_at] = Path(row[path_at])
    if nested:
        rows = [list(r) for r in rows]
        for row in rows:
            for at, inner in nested:
                row[at] = tuple(inner(*item) for item in row[at])
    id_at = names.index("id")
    return {row[id_at]: cls(*row) for row in rows}


def _decode(data: dict[str, Any], texts: dict[str, str]) -> LoadResult:
    def section(name: str, cls: type[_Record]) -> dict[str, _Record]:
        return _records(cls, data[name], texts)

    debate = model.Debate(
        folder=Path(data["folder"]), info=model.PackInfo(*data["info"]),
        themes=section("themes", model.Theme), positions=section("positions", model.Position),
        speakers=section("speakers", model.Speaker), sources=section("sources", model.Source),
        quotes=section("quotes", model.Quote), arguments=section("arguments", model.Argument),
        facts=section("facts", model.Fact))
    problems = [Problem(shown_path(Path(file)), *rest) for file, *rest in data["problems"]]
    return LoadResult(debate, problems)
