"""Write a synthetic debate pack of any size, in the real format, for the benchmarks.

    python benchmarks/generate.py OUT_DIR --arguments N [--positions P] [--seed S]

The pack passes `debate-explorer validate` with no errors and no warnings: two
positions (or P: the first two for and against the motion, the rest answers of
their own, some with long names), themes, speakers (some taking neither side),
one article per twenty arguments kept inside the pack folder, two quotes per
argument copied from its article (one in twenty with straight quotes and
hyphens where the article has typographic ones, so the tolerant matcher runs
too), facts with some conflicts, rebuttals across positions and supports within
one. The same seed always writes the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ARGUMENTS_PER_SOURCE = 20
ARGUMENTS_PER_FILE = 1000
QUOTES_PER_FILE = 2000
TYPOGRAPHIC_EVERY = 20  # one quote in this many differs from its article by quotes and dashes

THEMES = [
    ("health", "Public health"), ("law", "Law and devolution"), ("cost", "Cost"),
    ("evidence", "Evidence"), ("safety", "Community safety"), ("housing", "Housing"),
    ("policing", "Policing"), ("treatment", "Treatment and recovery"),
    ("transport", "Transport"), ("schools", "Schools"), ("jobs", "Jobs and the economy"),
    ("environment", "Environment"),
]
FIRST = ["Ann", "Brian", "Catriona", "David", "Eilidh", "Fraser", "Gillian", "Hamish", "Isla",
         "James", "Kirsty", "Lachlan", "Morag", "Neil", "Orla", "Paul", "Rhona", "Stuart",
         "Tamsin", "Uzma", "Victor", "Wendy", "Yusuf", "Zara"]
LAST = ["Aitken", "Boyd", "Campbell", "Docherty", "Ewing", "Fitzpatrick", "Graham", "Hamilton",
        "Irvine", "Johnstone", "Kerr", "Lindsay", "McLeod", "Nicol", "Ogilvie", "Paterson",
        "Quinn", "Reid", "Sinclair", "Thomson", "Urquhart", "Wallace", "Young"]
ROLES = ["councillor", "MSP", "MP", "health board chair", "campaigner", "police superintendent",
         "head teacher", "economist", "nurse", "union organiser", "researcher", "minister"]
ORGANISATIONS = ["City Council", "Health Board", "Residents' Association", "Police Scotland",
                 "University of Glasgow", "Chamber of Commerce", "Scottish Government",
                 "Home Office", "Nurses' Union", "Recovery Network"]
OUTLETS = ["The Herald", "The Scotsman", "Evening Times", "BBC Scotland", "Daily Record",
           "The National", "Press Association"]
PLACES = ["Riverside", "the East End", "Govan", "Partick", "Springburn", "the city centre",
          "Maryhill", "Shettleston", "Pollok", "Dennistoun", "Calton", "Anderston"]
THINGS = ["waiting times", "hospital admissions", "needle finds", "overdose deaths",
          "street crime", "treatment places", "school exclusions", "rough sleeping",
          "ambulance call-outs", "arrests", "rents", "bus journeys", "shop vacancies",
          "recovery places", "court cases", "litter complaints"]
VERBS = ["cut", "raise", "halve", "double", "reduce", "increase", "stabilise", "worsen"]
POLICIES = ["the new service", "the council's plan", "the pilot", "the proposed room",
            "the outreach scheme", "the funding package", "the licensing change",
            "the extended hours", "the safety zone", "the partnership"]
FILLER = [
    "The meeting ran late into the evening.",
    "Officials declined to comment further on the details.",
    "A report on the scheme is expected next spring.",
    "Residents packed the community hall to hear the debate.",
    "The figures were published in the board's annual review.",
    "Campaigners gathered outside the city chambers before the vote.",
    "The committee will return to the question after the summer recess.",
    "Both sides agreed that the current situation cannot continue.",
]
# Positions after the first two: (label, what they want); the long ones test layouts.
VIEWS = [
    ("Delay", "the scheme delayed until a full public inquiry into drug deaths in the city has "
              "reported and its recommendations have been debated by the council"),
    ("Ward pilot", "a pilot in one ward first"),
    ("Health board", "the health board, not the council, to decide"),
    ("Those who would rather wait and see what other cities learn first",
     "to wait for the results from other cities"),
    ("Expand", "the scheme extended to every town in the region"),
    ("Funding", "the money spent on treatment places instead"),
    ("Referendum", "a local referendum"),
    ("Police", "the police to lead it"),
    ("Charities", "charities to run it"),
    ("Nurses", "nurses in charge of every room"),
]


@dataclass
class Pack:
    """The generated records, as plain data in the order they are written."""

    arguments: int
    themes: list[dict] = field(default_factory=list)
    positions: list[dict] = field(default_factory=list)
    speakers: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    argument_records: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    articles: dict[str, str] = field(default_factory=dict)  # file name -> text


def typographic(text: str) -> str:
    """The article's version of a sentence: curly quotes and apostrophes, en dashes."""
    out, opening = [], True
    for char in text:
        if char == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif char == "'":
            out.append("\u2019")
        elif char == "-":
            out.append("\u2013")
        else:
            out.append(char)
    return "".join(out)


def _speakers(pack: Pack, rng: random.Random, count: int) -> None:
    for n in range(count):
        # One in eight takes neither side; the others alternate between the positions.
        neutral = n % 8 == 3
        name = f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST) + n) % len(LAST)]}"
        speaker = {
            "id": f"sp{n:04d}",
            "name": name,
            "role": rng.choice(ROLES),
            "organisation": rng.choice(ORGANISATIONS),
        }
        if neutral:
            speaker["stance_note"] = "Reports the figures without taking a side."
        else:
            speaker["position"] = pack.positions[n % len(pack.positions)]["id"]
        pack.speakers.append(speaker)


def _sentence(rng: random.Random, n: int, speaker: dict, figure: int, year: int,
              place: str, thing: str) -> tuple[str, str]:
    """A quotable sentence and its kind; `n` keeps every sentence distinct."""
    policy = rng.choice(POLICIES)
    verb = rng.choice(VERBS)
    if n % 2 == 0:
        return (f'"{policy.capitalize()} will {verb} {thing} in {place} - we\'ve seen '
                f'{figure} cases in {year} alone," said {speaker["name"]} (item {n}).'), "direct"
    return (f"{speaker['name']} said {policy} would {verb} {thing} in {place}, where there "
            f"were {figure} cases in {year} (item {n})."), "reported"


def _positions(count: int) -> list[dict]:
    """Two sides of the motion, then answers of other kinds (no side), as many as asked."""
    positions = [
        {"id": "for", "name": "Supporters of the scheme", "label": "For", "side": "for",
         "stance": "The city should adopt the scheme.", "members": ["City Council", "Campaigners"]},
        {"id": "against", "name": "Opponents of the scheme", "label": "Against",
         "side": "against", "stance": "The city should not adopt the scheme.",
         "members": ["Home Office", "Residents' Association"]},
    ][:count]
    for k in range(2, count):
        label, wants = VIEWS[(k - 2) % len(VIEWS)]
        number = f" {k + 1}" if k - 2 >= len(VIEWS) else ""
        group = ORGANISATIONS[k % len(ORGANISATIONS)]
        positions.append({
            "id": f"view{k + 1:02d}", "name": f"{group} members who want {wants}{number}",
            "label": f"{label}{number}", "stance": f"They want {wants}.", "members": [group]})
    return positions


def build(arguments: int, seed: int, positions: int = 2) -> Pack:
    """Every record of a pack with this many arguments and positions, deterministic
    for the seed."""
    rng = random.Random(seed)
    pack = Pack(arguments)
    pack.themes = [{"id": i, "name": n, "description": f"Arguments about {n.lower()}."}
                   for i, n in THEMES[:max(1, min(len(THEMES), arguments))]]
    pack.positions = _positions(positions)
    _speakers(pack, rng, max(4, arguments // 25))
    by_side: dict[str | None, list[dict]] = {p["id"]: [] for p in pack.positions}
    by_side[None] = []
    for speaker in pack.speakers:
        by_side[speaker.get("position")].append(speaker)

    source_count = -(-arguments // ARGUMENTS_PER_SOURCE)
    article_lines: list[list[str]] = [[] for _ in range(source_count)]
    next_speaker = 0  # round-robin first, so every speaker is quoted at least once
    for i in range(arguments):
        position = pack.positions[i % len(pack.positions)]["id"]
        src = i // ARGUMENTS_PER_SOURCE
        quote_ids = []
        for k in range(2):
            if next_speaker < len(pack.speakers):
                speaker = pack.speakers[next_speaker]
                next_speaker += 1
            else:
                speaker = rng.choice(by_side[position] + by_side[None])
            n = 2 * i + k
            figure, year = rng.randint(3, 4000), rng.randint(2012, 2023)
            place, thing = rng.choice(PLACES), rng.choice(THINGS)
            text, kind = _sentence(rng, n, speaker, figure, year, place, thing)
            in_article = typographic(text) if n % TYPOGRAPHIC_EVERY == 2 else text
            article_lines[src] += [rng.choice(FILLER), in_article]
            quote = {"id": f"q{n:06d}", "speaker": speaker["id"], "source": f"src{src:04d}",
                     "text": text, "kind": kind}
            pack.quotes.append(quote)
            quote_ids.append(quote["id"])
            if n % 20 == 0:
                fact = {"id": f"f{n:06d}", "what": f"Cases of {thing} in {place}",
                        "value": figure, "unit": "cases", "year": str(year), "place": place,
                        "quote": quote["id"]}
                if len(pack.facts) % 5 == 4:  # a different count of the same thing
                    fact["conflicts_with"] = [{"fact": pack.facts[-1]["id"], "difference":
                                               "Different year and place in another report."}]
                pack.facts.append(fact)
        pack.argument_records.append(_argument(rng, pack, i, position, quote_ids))

    for s in range(source_count):
        name = f"articles/article-{s:04d}.txt"
        headline = f"Scheme row deepens in {PLACES[s % len(PLACES)]} (report {s})"
        pack.articles[name] = headline + "\n\n" + "\n\n".join(
            " ".join(article_lines[s][j:j + 4]) for j in range(0, len(article_lines[s]), 4)
        ) + "\n"
        pack.sources.append({
            "id": f"src{s:04d}", "file": name, "outlet": OUTLETS[s % len(OUTLETS)],
            "headline": headline,
            "date": f"{2015 + s % 8}-{1 + s % 12:02d}-{1 + s % 28:02d}",
        })
    for n, speaker in enumerate(pack.speakers):
        if n % 10 == 3:  # a source that gives another role
            speaker["described_as"] = [{"source": pack.sources[n % source_count]["id"],
                                        "role": f"former {speaker['role']}"}]
    return pack


def _argument(rng: random.Random, pack: Pack, i: int, position: str,
              quote_ids: list[str]) -> dict:
    place, thing, verb = rng.choice(PLACES), rng.choice(THINGS), rng.choice(VERBS)
    themes = [pack.themes[i % len(pack.themes)]["id"]]
    extra = rng.choice(pack.themes)["id"]
    if extra not in themes and rng.random() < 0.4:
        themes.append(extra)
    argument = {
        "id": f"a{i:05d}-{thing.split()[0].replace('-', '')}",
        "position": position,
        "claim": f"{rng.choice(POLICIES).capitalize()} would {verb} {thing} in {place}.",
        "summary": f"Point {i}: the {position} side says {thing} in {place} would "
                   f"{'fall' if verb in ('cut', 'halve', 'reduce') else 'change'} and cites "
                   f"the figures given in the article.",
        "themes": themes,
        "quotes": quote_ids,
    }
    earlier = pack.argument_records
    others = [a["id"] for a in earlier[-40:] if a["position"] != position]
    same = [a["id"] for a in earlier[-40:] if a["position"] == position]
    if others:
        argument["rebuts"] = rng.sample(others, k=min(len(others), rng.choice((1, 1, 2))))
    if same and rng.random() < 0.3:
        argument["supports"] = [rng.choice(same)]
    return argument


def _dump(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(text, encoding="utf-8")


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield start // size + 1, items[start:start + size]


def write(pack: Pack, folder: Path) -> None:
    """Write the pack as a real one would be laid out: several YAML files and its articles."""
    folder.mkdir(parents=True, exist_ok=True)
    _dump(folder / "pack.yaml", {
        "pack": {"title": f"Synthetic debate ({pack.arguments:,} arguments)",
                 "motion": "The city should adopt the scheme.",
                 "summary": "A generated pack for measuring the explorer's speed."},
        "themes": pack.themes,
        "positions": pack.positions,
    })
    _dump(folder / "people.yaml", {"speakers": pack.speakers})
    _dump(folder / "sources.yaml", {"sources": pack.sources})
    for n, chunk in _chunks(pack.quotes, QUOTES_PER_FILE):
        _dump(folder / "quotes" / f"quotes-{n:03d}.yaml", {"quotes": chunk})
    for position in (p["id"] for p in pack.positions):
        mine = [a for a in pack.argument_records if a["position"] == position]
        for n, chunk in _chunks(mine, ARGUMENTS_PER_FILE):
            _dump(folder / "arguments" / f"{position}-{n:03d}.yaml", {"arguments": chunk})
    if pack.facts:
        _dump(folder / "facts.yaml", {"facts": pack.facts})
    for name, text in pack.articles.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


def generate(folder: Path, arguments: int, seed: int = 1, positions: int = 2) -> Path:
    write(build(arguments, seed, positions), folder)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the pack folder to write (created if needed)")
    parser.add_argument("--arguments", type=int, required=True, help="how many arguments")
    parser.add_argument("--positions", type=int, default=2,
                        help="how many positions (default 2: for and against)")
    parser.add_argument("--seed", type=int, default=1, help="the random seed (default 1)")
    args = parser.parse_args(argv)
    if args.positions < 1:
        parser.error("a pack needs at least one position")
    if args.arguments < args.positions:
        parser.error("a pack needs at least one argument per position")
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty; choose a new folder")
    generate(args.out, args.arguments, args.seed, args.positions)
    print(f"{args.out}: {args.arguments} arguments, {2 * args.arguments} quotes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
