"""The cache of checked packs: reused when nothing changed, never stale, never in the way."""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from time_limit import within

from tui.core.pack import cache
from tui.core.pack.cache import load_pack_cached
from tui.core.pack.loader import load_pack

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "tests" / "packs" / "good"


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch):
    """Every test's cache lives in its own temporary folder, never the user's."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(folder))
    return folder


@pytest.fixture
def pack(tmp_path) -> Path:
    return Path(shutil.copytree(GOOD, tmp_path / "pack"))


def refuse_loading(monkeypatch) -> None:
    """From now on reading the pack itself fails, so only a cache hit can succeed."""
    monkeypatch.setattr(cache, "_load", lambda path: pytest.fail("not served by the cache"))


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.cache")) if folder.is_dir() else []


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_second_load_of_an_unchanged_pack_comes_from_the_cache(pack, cache_home, monkeypatch):
    first = load_pack_cached(pack)
    assert first.debate is not None
    assert len(_entries(cache_home)) == 1
    refuse_loading(monkeypatch)
    second = load_pack_cached(pack)
    assert second.debate == first.debate
    assert second.problems == first.problems
    assert [a.id for a in second.debate.rebutted_by("room-saves-lives")] == ["evidence-mixed"]
    assert second.debate.sources["report"].text == first.debate.sources["report"].text


def test_the_cached_model_equals_a_fresh_load_of_a_rich_pack(tmp_path, monkeypatch):
    """Nested records, tolerant quote matches and neutral speakers all survive the cache."""
    spec = importlib.util.spec_from_file_location("benchmark_generate",
                                                  ROOT / "benchmarks" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, generate)  # its dataclasses look it up
    spec.loader.exec_module(generate)
    folder = generate.generate(tmp_path / "rich", 80, seed=5)
    fresh = load_pack(folder)
    assert fresh.debate is not None
    load_pack_cached(folder)
    cached = load_pack_cached(folder)
    assert cached.debate == fresh.debate
    assert any(s.described_as for s in cached.debate.speakers.values())
    assert any(f.conflicts_with for f in cached.debate.facts.values())


def test_a_changed_yaml_file_is_read_again(pack):
    load_pack_cached(pack)
    # Same length and same file time would fool a cache keyed by size or date.
    stat = (pack / "debate.yaml").stat()
    _edit(pack / "debate.yaml", "A supervised room saves lives.", "A supervised room SAVES LIVES.")
    os.utime(pack / "debate.yaml", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    result = load_pack_cached(pack)
    assert result.debate.arguments["room-saves-lives"].claim == "A supervised room SAVES LIVES."


def test_a_new_yaml_file_in_the_pack_is_read(pack):
    load_pack_cached(pack)
    (pack / "more.yaml").write_text("themes:\n  - id: cost\n    name: Cost\n", encoding="utf-8")
    result = load_pack_cached(pack)
    assert "cost" in result.debate.themes
    assert any("theme 'cost' is used by no argument" in str(p) for p in result.warnings)


def test_a_changed_article_is_read_again(pack):
    load_pack_cached(pack)
    with open(pack / "report.txt", "a", encoding="utf-8") as file:
        file.write("A late correction was added.\n")
    result = load_pack_cached(pack)
    assert result.debate.sources["report"].text.endswith("A late correction was added.\n")


def test_an_article_that_no_longer_holds_a_quote_gives_the_error_not_the_old_model(pack):
    load_pack_cached(pack)
    _edit(pack / "report.txt", "It will save lives,", "It might help,")
    result = load_pack_cached(pack)
    assert result.debate is None
    assert any("the words of quote 'save-lives' are not in source 'report'" in str(p)
               for p in result.errors)


def test_a_packs_errors_are_never_cached(pack, cache_home):
    _edit(pack / "debate.yaml", "speaker: ann\n    source: report\n    text: It will",
          "speaker: anne\n    source: report\n    text: It will")
    result = load_pack_cached(pack)
    assert result.debate is None
    assert any("refers to speaker 'anne', which does not exist" in str(p) for p in result.errors)
    assert _entries(cache_home) == []


def test_an_article_of_the_same_name_added_to_the_pack_folder_wins_over_the_seeds_one(tmp_path):
    """A source file is looked up in the pack folder before `seeds/`: adding one changes
    the pack."""
    content = tmp_path / "content"
    pack = Path(shutil.copytree(GOOD, content / "town"))
    (tmp_path / "seeds").mkdir()
    shutil.move(pack / "report.txt", tmp_path / "seeds" / "report.txt")
    assert load_pack_cached(pack).debate.sources["report"].path.parent.name == "seeds"
    shutil.copy(tmp_path / "seeds" / "report.txt", pack / "report.txt")  # the same bytes
    source = load_pack_cached(pack).debate.sources["report"]
    assert source.path == (pack / "report.txt").resolve()


def test_a_cache_entry_altered_inside_its_text_is_not_believed(pack, cache_home):
    """Damage that still reads as valid data is caught by the checksum."""
    load_pack_cached(pack)
    [entry] = _entries(cache_home)
    data = entry.read_bytes()
    assert data.count(b"A supervised room saves lives.") == 1
    entry.write_bytes(data.replace(b"A supervised room saves lives.",
                                   b"A supervised room costs lives."))
    result = load_pack_cached(pack)
    assert result.debate.arguments["room-saves-lives"].claim == "A supervised room saves lives."
    assert entry.read_bytes() == data


@pytest.mark.parametrize("damage", ["truncated", "garbage", "flipped byte", "empty"])
def test_a_damaged_cache_entry_is_ignored_and_repaired(pack, cache_home, monkeypatch, damage):
    expected = load_pack_cached(pack)
    [entry] = _entries(cache_home)
    data = entry.read_bytes()
    if damage == "truncated":
        entry.write_bytes(data[:len(data) // 2])
    elif damage == "garbage":
        entry.write_bytes(b"\x00not a cache\xff" * 50)
    elif damage == "flipped byte":
        entry.write_bytes(data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:])
    else:
        entry.write_bytes(b"")
    result = load_pack_cached(pack)
    assert result.debate == expected.debate
    assert entry.read_bytes() == data  # rewritten whole
    refuse_loading(monkeypatch)
    assert load_pack_cached(pack).debate == expected.debate


def test_a_cache_folder_that_cannot_be_written_does_not_stop_loading(pack, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = load_pack_cached(pack, cache_dir=blocker / "cache")
    assert result.debate is not None
    assert result.debate.info.title == "A small test debate"
    assert load_pack_cached(pack, cache_dir=blocker / "cache").debate == result.debate


def test_warnings_are_reported_again_on_a_cached_load(pack, tmp_path, monkeypatch):
    (pack / "themes.yaml").write_text("themes:\n  - id: cost\n    name: Cost\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = load_pack_cached(Path("pack"))
    assert [str(p) for p in first.warnings] == [
        "pack/themes.yaml:2:9: warning: theme 'cost' is used by no argument"]
    refuse_loading(monkeypatch)
    assert [str(p) for p in load_pack_cached(Path("pack")).warnings] == [
        str(p) for p in first.warnings]
    # Files are named relative to where the user is now, as a fresh load would name them.
    monkeypatch.chdir(pack)
    assert [str(p) for p in load_pack_cached(pack).warnings] == [
        "themes.yaml:2:9: warning: theme 'cost' is used by no argument"]


def test_the_cache_lives_in_the_folder_the_environment_names(pack, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    monkeypatch.setenv(cache.ENV_VAR, str(elsewhere))
    load_pack_cached(pack)
    assert len(_entries(elsewhere)) == 1


def test_a_missing_pack_is_reported_as_the_loader_reports_it(tmp_path):
    result = load_pack_cached(tmp_path / "nowhere")
    assert result.debate is None
    assert [str(p) for p in result.problems] == [str(p) for p in load_pack(tmp_path / "nowhere")
                                                 .problems]
    assert result.errors[0].message.startswith("no such pack")


def test_the_cache_key_covers_every_module_the_loader_runs():
    """A module missing from the key could change what a pack loads into unnoticed."""
    script = ("import sys, tui.core.pack.cache, tui.core.pack.loader; print(' '.join(sorted("
              "m.removeprefix('tui.core.').replace('.', '/') for m, module in sys.modules.items()"
              " if m.startswith('tui.core.') and not hasattr(module, '__path__'))))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True, cwd=ROOT)
    assert set(result.stdout.split()) <= set(cache.LOADING_MODULES)


def test_a_cache_hit_does_not_import_the_yaml_parser_or_the_validator(pack, cache_home):
    """Start-up pays only for what it uses: a hit needs neither (see benchmarks/README.md)."""
    load_pack_cached(pack)  # fill the cache
    script = (
        "import sys\n"
        "from tui.core.pack.cache import load_pack_cached\n"
        f"result = load_pack_cached({str(pack)!r})\n"
        "assert result.debate is not None\n"
        "print(sorted(m for m in ('yaml', 'tui.core.pack.loader', 'tui.core.pack.records')"
        " if m in sys.modules))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**os.environ, "DEBATE_EXPLORER_CACHE_DIR": str(cache_home)},
                         check=True)
    assert run.stdout.strip() == "[]"


# -- an entry nobody else can make ---------------------------------------------

def _forge(entry: Path, motion: str) -> None:
    """What someone who knows the format does: unmarshal, change, marshal again and
    recompute the plain SHA-256 the header once held."""
    data = entry.read_bytes()
    head, payload = data[:8 + 32], data[8 + 2 * 32:]  # magic, pack key | digest | payload
    content = marshal.loads(payload)
    content["info"] = (content["info"][0], motion, *content["info"][2:])
    payload = marshal.dumps(content)
    entry.write_bytes(head + hashlib.sha256(payload).digest() + payload)


def count_loads(monkeypatch) -> list[Path]:
    """Every load that was not served by the cache, from now on."""
    loads: list[Path] = []
    real = cache._load

    def counted(path: Path):
        loads.append(path)
        return real(path)

    monkeypatch.setattr(cache, "_load", counted)
    return loads


def test_an_entry_forged_with_a_recomputed_checksum_is_not_believed(pack, cache_home):
    real = load_pack_cached(pack).debate.info.motion
    [entry] = _entries(cache_home)
    genuine = entry.read_bytes()
    _forge(entry, "Schools should close for good.")
    assert load_pack_cached(pack).debate.info.motion == real
    assert entry.read_bytes() == genuine  # rewritten whole


def test_the_signing_key_is_made_once_and_readable_by_the_user_alone(pack, cache_home, tmp_path):
    load_pack_cached(pack)
    key = cache_home / cache.SECRET_NAME
    made = key.read_bytes()
    assert len(made) == 32
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    load_pack_cached(pack, cache_dir=cache_home)
    assert key.read_bytes() == made
    load_pack_cached(pack, cache_dir=tmp_path / "other")
    assert (tmp_path / "other" / cache.SECRET_NAME).read_bytes() != made


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_a_cache_folder_others_can_write_is_not_used(pack, cache_home, monkeypatch):
    load_pack_cached(pack)
    cache_home.chmod(0o777)  # a shared folder: anyone could have put an entry there
    try:
        loads = count_loads(monkeypatch)
        assert load_pack_cached(pack).debate is not None
        assert load_pack_cached(pack).debate is not None
    finally:
        cache_home.chmod(0o700)
    assert len(loads) == 2


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_an_entry_others_can_write_is_ignored_and_rewritten(pack, cache_home, monkeypatch):
    load_pack_cached(pack)
    [entry] = _entries(cache_home)
    entry.chmod(0o666)
    loads = count_loads(monkeypatch)
    assert load_pack_cached(pack).debate is not None
    assert len(loads) == 1
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert load_pack_cached(pack).debate is not None
    assert len(loads) == 1  # the rewritten entry is trusted again


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_a_signing_key_others_can_read_is_replaced(pack, cache_home, monkeypatch):
    load_pack_cached(pack)
    key = cache_home / cache.SECRET_NAME
    old = key.read_bytes()
    key.chmod(0o644)
    loads = count_loads(monkeypatch)
    assert load_pack_cached(pack).debate is not None
    assert len(loads) == 1  # the entries it signed are signed by a key that leaked
    assert key.read_bytes() != old
    assert stat.S_IMODE(key.stat().st_mode) == 0o600


def test_a_cache_entry_that_is_a_fifo_is_not_waited_on(pack, cache_home):
    load_pack_cached(pack)
    [entry] = _entries(cache_home)
    entry.unlink()
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    os.mkfifo(entry)
    # In a child process: a wait on the FIFO is then ended by the timeout.
    script = ("from tui.core.pack.cache import load_pack_cached\n"
              f"print(load_pack_cached({str(pack)!r}).debate.info.title)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env={**os.environ, cache.ENV_VAR: str(cache_home)}, timeout=20)
    assert run.stdout == "A small test debate\n"
    assert entry.is_file()  # replaced by a real entry


def test_a_yaml_file_that_is_a_fifo_is_reported_not_waited_on(pack):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this platform")
    os.mkfifo(pack / "more.yaml")
    with within(10):
        result = load_pack_cached(pack)
    assert result.debate is None
    assert [p.message for p in result.problems] == [
        "'more.yaml' is a named pipe (FIFO), not a regular file"]


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_the_apps_own_folder_left_group_writable_is_made_private_and_rebuilt(pack, tmp_path,
                                                                             monkeypatch):
    # An older version made the folder under the user's umask, 002 on many systems.
    import platformdirs

    own = tmp_path / "user-cache"
    monkeypatch.delenv(cache.ENV_VAR)
    monkeypatch.setattr(platformdirs, "user_cache_dir", lambda name: str(own))
    load_pack_cached(pack)
    own.chmod(0o775)
    loads = count_loads(monkeypatch)
    load_pack_cached(pack)
    assert len(loads) == 1  # nothing the group could have written is believed
    assert stat.S_IMODE(own.stat().st_mode) == 0o700
    load_pack_cached(pack)
    assert len(loads) == 1
