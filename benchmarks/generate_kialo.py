"""Write a synthetic Kialo discussion export of any size, in Kialo's current format,
for the import benchmark and the scale tests.

    python benchmarks/generate_kialo.py OUT_FILE --claims N [--theses T] [--seed S]

Like the large real exports: about 220 bytes a claim (1,000 claims ≈ 220 KB), a
`-> See` line for one claim in nine (1,000 claims: over a hundred), a `[n]`
citation in one claim in eight, one source in three quoting an excerpt (one in
five of those over several lines with a blank line inside), CRLF line ends.
Every `-> See` is one the pack can make (a Pro within a position, a Con across),
so the import reports no line unused. The same seed writes the same bytes.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

WORDS = ("pupils", "teachers", "schools", "lessons", "homework", "phones", "parents",
         "evidence", "research", "cost", "time", "learning", "rules", "safety", "health",
         "money", "councils", "families", "exams", "reading", "writing", "attention",
         "screens", "sleep", "sport", "friends", "trust", "fairness", "choice", "freedom",
         "policy", "law", "change", "results", "study", "survey", "year", "class", "week",
         "country", "town", "budget", "staff", "skills", "future", "work", "tools", "practice",
         "help", "risk", "harm", "benefit", "access", "support", "measure")
SEE_EVERY, CITE_EVERY, EXCERPT_EVERY, LONG_EXCERPT_EVERY = 9, 8, 3, 5


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def position(claim: tuple[str, str, bool, str]) -> str:
    """The position the import gives a claim: its thesis's, or the side against."""
    _kind, _text, against, thesis = claim
    return "against" if against else thesis


def export_text(claims: int, theses: int = 1, seed: int = 1) -> str:
    """The export's text for `claims` claims (theses and the question included)."""
    rng = random.Random(seed)
    # (number, kind, text, against, thesis) in the order Kialo writes them: depth first.
    children: dict[str, list[str]] = {"1": []}
    made: dict[str, tuple[str, str, bool, str]] = {}
    question = theses > 1
    made["1"] = ("Question" if question else "Thesis", sentence(rng, 6, 12), False, "1")
    tops = ["1"]
    if question:
        tops = []
        for n in range(1, theses + 1):
            number = f"1.{n}"
            made[number] = ("Thesis", sentence(rng, 5, 10), False, number)
            children["1"].append(number)
            children[number] = []
            tops.append(number)
    ordinary = list(tops)
    sources: list[str] = []
    linked: set[tuple[str, str]] = set()
    count = len(made)
    while count < claims:
        if len(ordinary) < 2 * len(tops):  # every thesis gets an argument first
            parent = tops[len(ordinary) - len(tops)]
        else:
            parent = rng.choice(ordinary[-200:] if rng.random() < 0.7 else ordinary)
        number = f"{parent}.{len(children[parent]) + 1}"
        children[parent].append(number)
        children[number] = []
        _, _, against, thesis = made[parent]
        if rng.randrange(SEE_EVERY) == 0 and len(ordinary) > 2 * len(tops) + 2:
            target = rng.choice(ordinary[len(tops):])
            same = position(made[target]) == position(made[parent])
            usable = target != parent and (target, parent) not in linked and (
                target.rpartition(".")[0] != parent) and (
                same or parent not in tops or made[target][2])
            if usable:
                linked.add((target, parent))
                made[number] = ("Pro" if same else "Con", f"-> See {target}.", False, "")
            else:
                children[parent].pop()
            continue
        kind = rng.choice(("Pro", "Con"))
        text = sentence(rng, 14, 40)
        if rng.randrange(CITE_EVERY) == 0:
            sources.append(f"https://example.org/{seed}/{len(sources) + 1}")
            text = text[:-1] + f" [{len(sources)}]."
        made[number] = (kind, text, against ^ (kind == "Con"), thesis)
        ordinary.append(number)
        count += 1
    lines = ["Discussion Name:", sentence(random.Random(seed + 1), 5, 9).rstrip(".") + "?", ""]

    def write(number: str) -> None:
        kind, text, _, _ = made[number]
        indent = "  " * number.count(".")
        lines.extend([f"{indent}{number}. {kind}:", f"{indent}{text}", ""])
        for child in children.get(number, []):
            if child in made:
                write(child)

    write("1")
    lines.append("Sources:")
    for n, url in enumerate(sources, start=1):
        lines.append(f"[{n}] {url}")
        if n % EXCERPT_EVERY == 0:
            if n % (EXCERPT_EVERY * LONG_EXCERPT_EVERY) == 0:
                lines += [f'"{sentence(rng, 10, 20)}', "", f'{sentence(rng, 8, 16)}"']
            else:
                lines.append(f'"{sentence(rng, 10, 25)}"')
    return "\r\n".join(lines) + "\r\n"


def generate(out: Path, claims: int, theses: int = 1, seed: int = 1) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(export_text(claims, theses, seed).encode("utf-8"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--theses", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out, args.claims, args.theses, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
