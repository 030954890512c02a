"""Loading a pack through a cache of the checked model, so an unchanged pack opens at once.

An entry is keyed by the bytes of every YAML file of the pack and of every
article it quotes (plus this program's version and code), so it is never
stale. It is signed with HMAC-SHA256 under a secret key kept in the cache
folder (created once, readable by the user alone), so an entry that was
damaged, or forged by someone who re-marshalled it, is ignored and rewritten;
a cache folder or entry that other users can write is not trusted at all.
Entries are written atomically. Only packs with no errors are cached, with
their warnings, which a cached load reports again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import marshal
import os
import stat
import sys
from pathlib import Path
from typing import Any, TypeVar

from tui import __version__
from tui.core.files import owned_by_user, read_regular_file, write_atomically
from tui.core.pack import model
from tui.core.pack.packfiles import (
    MAX_ARTICLE_BYTES,
    MAX_YAML_BYTES,
    LoadResult,
    collector_paused,
    scan_pack,
    shown_path,
)
from tui.core.pack.problems import Problem
from tui.core.pack.schema import SECTIONS
from tui.core.pack.sections import MODEL_OF, RECORD_SECTIONS
from tui.core.pack.sourcefiles import find_source

CACHE_FORMAT = 2
ENV_VAR = "DEBATE_EXPLORER_CACHE_DIR"
_MAGIC = b"DXCACHE%d" % CACHE_FORMAT
_DIGEST = 32  # bytes of a SHA-256 digest, and of an HMAC-SHA256 signature
SECRET_NAME = "key"  # the file in the cache folder holding the signing key
# Paths below tui/core/ of every module whose code decides what a load produces
# (tests/test_cache.py checks that every core module the loader imports is
# here): a change to any of them during development, without a version bump,
# must not reuse an old entry.
LOADING_MODULES = ("files", "pack/cache", "pack/controls", "pack/loader", "pack/model",
                   "pack/packfiles", "pack/problems", "pack/records", "pack/schema",
                   "pack/sections", "pack/sourcefiles", "pack/textmatch", "wording", "controls",
                   "pack/yamlfile")
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
    # Only the app's own default folder is ever tightened; a folder the user named is theirs.
    own_folder = cache_dir is None and not os.environ.get(ENV_VAR)
    with collector_paused():
        secret = _secret(folder, own_folder)
        if secret is None:  # a folder others can write, or none at all: no cache
            return _load(path)
        try:
            key = _pack_key(path)
        except OSError:  # unreadable pack: the loader says why, file by file
            return _load(path)
        entry = folder / (hashlib.blake2b(str(path.resolve()).encode(), digest_size=16)
                          .hexdigest() + ".cache")
        cached = _read_entry(entry, key, secret)
        if cached is not None:
            return cached
        result = _load(path)
        if result.debate is not None:
            _write_entry(entry, key, secret, result)
        return result


# -- the secret ----------------------------------------------------------------


def _secret(folder: Path, own_folder: bool = False) -> bytes | None:
    """The key entries are signed with, made once; None when the folder cannot be
    trusted (it belongs to someone else, or others may write to it) or made.

    The app's own folder, made group-writable by an older version under a umask
    of 002, is made private again, with a new key: nothing in it is trusted.
    """
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
        if not owned_by_user(info):
            if not (own_folder and _made_private(folder, info)):
                return None
            (folder / SECRET_NAME).unlink(missing_ok=True)
        where = folder / SECRET_NAME
        try:
            return _read_secret(where)
        except FileNotFoundError:
            return _new_secret(where)
    except OSError:
        return None


def _made_private(folder: Path, info: os.stat_result) -> bool:
    """True after making a folder of the user's own readable by them alone."""
    getuid = getattr(os, "getuid", None)
    if getuid is None or info.st_uid != getuid() or not stat.S_ISDIR(info.st_mode):
        return False
    os.chmod(folder, 0o700)
    return True


def _read_secret(where: Path) -> bytes:
    """The key, or FileNotFoundError (also when it is unusable: it is then made anew)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(where, flags)
    try:
        info = os.fstat(fd)
        secret = os.read(fd, _DIGEST + 1)
    finally:
        os.close(fd)
    private = not info.st_mode & 0o077 or not hasattr(os, "getuid")
    if (stat.S_ISREG(info.st_mode) and owned_by_user(info) and private
            and len(secret) == _DIGEST):
        return secret
    os.unlink(where)  # someone else's, or readable by others: it signs nothing of ours
    raise FileNotFoundError(where)


def _new_secret(where: Path) -> bytes:
    """A new random key, in place whole or not at all: two copies of the app starting
    at once both end up with the one that was linked first."""
    import secrets
    import tempfile

    secret = secrets.token_bytes(_DIGEST)
    fd, temporary = tempfile.mkstemp(dir=where.parent, prefix=f".{where.name}.")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(secret)
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temporary, where)  # fails if another copy made it first
        except FileExistsError:
            return _read_secret(where)
        except OSError:  # no hard links here: the last copy to start wins, entries are remade
            write_atomically(where, secret, mode=0o600)
    finally:
        os.unlink(temporary)
    return secret


def _signature(secret: bytes, signed: bytes, payload: bytes) -> bytes:
    mac = hmac.new(secret, signed, hashlib.sha256)
    mac.update(payload)
    return mac.digest()


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
    found = scan_pack(path)
    if found.problems:  # a folder it cannot read, a file linked from outside
        raise OSError("the pack's files cannot all be read")
    for file in found.files:
        data = read_regular_file(file, MAX_YAML_BYTES)
        h.update(b"%s\0%d\0" % (file.relative_to(root).as_posix().encode(), len(data)))
        h.update(data)
    return h.digest()


# -- reading and writing an entry --------------------------------------------
# An entry: magic, the pack key, the signature of all three, the payload. The
# payload is `marshal` data of plain tuples, lists and strings (no pickle: it
# can build no other object), turned back into the model by `_decode`; it is
# only unmarshalled once its signature is right.


def _read_entry(entry: Path, key: bytes, secret: bytes) -> LoadResult | None:
    """The cached result, or None when there is no usable entry for this key."""
    try:
        # Not a FIFO (it would block), not a link, not a file others could have written.
        whole = read_regular_file(entry, follow_links=False, owner_only=True)
        signed, header_end = whole[:len(_MAGIC) + _DIGEST], len(_MAGIC) + 2 * _DIGEST
        if signed[:len(_MAGIC)] != _MAGIC or signed[len(_MAGIC):] != key:
            return None
        payload = whole[header_end:]
        if not hmac.compare_digest(_signature(secret, signed, payload),
                                   whole[len(signed):header_end]):
            return None  # damaged or forged: load normally, and the entry is rewritten
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
        data = read_regular_file(path, MAX_ARTICLE_BYTES)
        if _hasher(data).digest() != digest:
            return None
        texts[where] = data.decode("utf-8-sig")  # as the loader reads it
    return texts


def _write_entry(entry: Path, key: bytes, secret: bytes, result: LoadResult) -> None:
    """Store the result atomically; a cache that cannot be written is no error."""
    try:
        payload = marshal.dumps(_encode(result))
        signed = _MAGIC + key
        write_atomically(entry, signed + _signature(secret, signed, payload) + payload)
    except (OSError, ValueError):
        pass


# -- the model as plain data -------------------------------------------------

_SECTIONS = {name: MODEL_OF[name] for name in RECORD_SECTIONS}
_NESTED = {  # fields holding tuples of smaller records
    (MODEL_OF[name], spec.name): MODEL_OF[spec.record.name]
    for name in RECORD_SECTIONS for spec in SECTIONS[name].fields if spec.record is not None
}
_FIELDS: dict[type[object], tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in MODEL_OF.values()
}


def _row(record: object) -> tuple[object, ...]:
    cls = type(record)
    row: list[object] = []
    for name in _FIELDS[cls]:
        value = getattr(record, name)
        if (cls, name) in _NESTED:
            value = tuple(_row(item) for item in value)
        elif cls is model.Source and name == "path":
            value = None if value is None else str(value)
        elif cls is model.Source and name == "text":
            value = None  # not stored: read again from the article, whose bytes are checked
        row.append(value)
    return tuple(row)


def _encode(result: LoadResult) -> dict[str, Any]:
    debate = result.debate
    assert debate is not None
    articles = {}
    for source in debate.sources.values():
        if source.path is None:  # a page known only by its address
            continue
        digest = _hasher(read_regular_file(source.path, MAX_ARTICLE_BYTES)).digest()
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
            row[text_at] = "" if row[path_at] is None else texts[row[path_at]]
            row[path_at] = None if row[path_at] is None else Path(row[path_at])
    if nested:
        rows = [list(r) for r in rows]
        for row in rows:
            for at, inner in nested:
                row[at] = tuple(inner(*item) for item in row[at])
    id_at = names.index("id")
    return {row[id_at]: cls(*row) for row in rows}


def _decode(data: dict[str, Any], texts: dict[str, str]) -> LoadResult:
    def section(name: str) -> dict[str, Any]:
        return _records(MODEL_OF[name], data[name], texts)

    debate = model.Debate(
        folder=Path(data["folder"]), info=MODEL_OF["pack"](*data["info"]),
        themes=section("themes"), positions=section("positions"), speakers=section("speakers"),
        sources=section("sources"), quotes=section("quotes"), arguments=section("arguments"),
        facts=section("facts"))
    problems = [Problem(shown_path(Path(file)), *rest) for file, *rest in data["problems"]]
    return LoadResult(debate, problems)
