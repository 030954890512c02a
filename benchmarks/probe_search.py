"""Child process: time every search query over a pack, typo queries included.

    python benchmarks/probe_search.py RESULT_FILE PACK RUNS QUERIES

The queries are drawn from the pack's own words (seeded, so every run asks
the same): single words, two words, speakers' surnames, typing a two-word
query letter by letter (each prefix is a query, as the search screen asks
one per key press), and typo queries (a letter dropped, doubled, swapped or
replaced in a word of five letters or more). Each run builds a fresh index
(timed) and asks every query once through `grouped`, as the search screen
does, so no query is answered from an earlier identical one. A typo query
"finds" when the argument its word came from is among the results.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

from tui.core.pack.cache import load_pack_cached
from tui.core.search.index import SearchIndex

try:
    from tui.core.search.textnorm import STOPWORDS
except ImportError:  # the search's own word list moved: words of five letters are few
    STOPWORDS = frozenset()

PER_KIND = 25  # a screenful per kind, as the search screen asks for


def typo(rng: random.Random, word: str) -> str:
    i = rng.randrange(1, len(word) - 1)
    how = rng.choice(("drop", "double", "swap", "replace"))
    if how == "drop":
        return word[:i] + word[i + 1:]
    if how == "double":
        return word[:i] + word[i] + word[i:]
    if how == "swap":
        return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]
    letters = [c for c in "aeioustrnl" if c != word[i]]
    return word[:i] + rng.choice(letters) + word[i + 1:]


def queries(debate, count: int, seed: int = 7) -> list[tuple[str, str, str | None]]:
    """(kind, query, the query without its typo), distinct queries only."""
    rng = random.Random(seed)
    arguments = list(debate.arguments.values())
    surnames = sorted({s.name.split()[-1] for s in debate.speakers.values()})

    def words_of(argument) -> list[str]:
        words = (w.strip(".,;:'\"()").lower() for w in argument.claim.split())
        return [w for w in words if len(w) >= 5 and w.isalpha() and w not in STOPWORDS]

    out: list[tuple[str, str, str | None]] = []
    seen: set[str] = set()

    def add(kind: str, query: str, corrected: str | None = None) -> None:
        if query not in seen:
            seen.add(query)
            out.append((kind, query, corrected))

    while len(out) < count:
        words = words_of(rng.choice(arguments))
        if len(words) < 2:
            continue
        pair = rng.sample(words, 2)
        roll = rng.random()
        if roll < 0.2:
            add("word", pair[0])
        elif roll < 0.4:
            add("two words", " ".join(pair))
        elif roll < 0.5:
            add("name", rng.choice(surnames))
        elif roll < 0.6:  # typing: every prefix is a query, as each key press asks one
            phrase = " ".join(pair)
            for end in range(1, len(phrase) + 1):
                if not phrase[:end].endswith(" "):
                    add("typing", phrase[:end])
        elif roll < 0.8:
            add("typo", typo(rng, pair[0]), pair[0])
        else:
            add("typo", f"{typo(rng, pair[0])} {pair[1]}", " ".join(pair))
    return out[:count]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    result_file, pack, runs, count = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), \
        int(sys.argv[4])
    debate = load_pack_cached(pack).debate
    if debate is None:
        sys.exit(f"{pack} does not load")
    asked = queries(debate, count)
    build: list[float] = []
    times: dict[str, list[float]] = {}
    found = tried = 0  # typo queries whose results hold the corrected query's best hit
    for run in range(runs):
        start = time.perf_counter()
        index = SearchIndex(debate)
        build.append(time.perf_counter() - start)
        for kind, query, corrected in asked:
            start = time.perf_counter()
            grouped = index.grouped(query, limit=PER_KIND)
            elapsed = time.perf_counter() - start
            times.setdefault(kind, []).append(elapsed)
            if corrected is not None and run == runs - 1:
                best = index.search(corrected, limit=1)
                tried += 1
                found += bool(best) and any(h.id == best[0].id
                                            for hits in grouped.values() for h in hits)
    every = [t for values in times.values() for t in values]
    summary = {
        "queries": len(asked), "runs": runs,
        "index_build_s": statistics.median(build),
        "median_ms": statistics.median(every) * 1000,
        "p95_ms": percentile(every, 0.95) * 1000,
        "max_ms": max(every) * 1000,
        "by_kind": {kind: {"count": len(v) // runs, "median_ms": statistics.median(v) * 1000,
                           "p95_ms": percentile(v, 0.95) * 1000} for kind, v in times.items()},
        "typo_found_share": found / tried if tried else None,
        "typo_examples": [q for kind, q, _c in asked if kind == "typo"][:5],
    }
    with open(result_file, "w", encoding="utf-8") as file:
        json.dump(summary, file)


if __name__ == "__main__":
    main()
