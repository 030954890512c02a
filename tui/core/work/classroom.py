"""A class's work on one server: each student's own data folder inside the class
folder, found again from the name they type, and never outside it.

A folder's name is a readable slug of the student's name and a hash of the whole
name, so no name (`../..`, `/etc`, a NUL, an emoji) can lead outside the class
folder, and two different names never share a folder: two names are the same
student only when they differ in nothing but case and spacing.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tui.core.controls import visible
from tui.core.files import NotReadable, read_regular_file, write_atomically

STUDENTS = "students"  # the class folder's subfolder of student folders
NAME_FILE = "student.json"  # in each student's folder: the name as the student typed it
LONGEST_NAME = 60


class UnusableName(ValueError):
    """A name that cannot be used; the message is for the student."""


def clean_name(typed: str) -> str:
    """The name to keep and show: control characters made visible, spacing single.
    Raises UnusableName when nothing is left or it is too long."""
    name = " ".join(visible(unicodedata.normalize("NFC", typed)).split())
    if not name:
        raise UnusableName("Type your name to start.")
    if len(name) > LONGEST_NAME:
        raise UnusableName(f"Please keep your name under {LONGEST_NAME} characters.")
    return name


def same_student(name: str) -> str:
    """What two typings of one student's name share (case and spacing aside)."""
    return clean_name(name).casefold()


def folder_name(name: str) -> str:
    """The student's folder: a slug to recognise it by and a hash of the whole name.
    Only ASCII letters, digits and '-': it cannot name a parent or a device."""
    key = same_student(name)
    ascii_name = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:30].strip("-") or "student"
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"{slug}-{digest}"


def student_folder(class_folder: Path, name: str) -> Path:
    """Where a student's case and drill are kept, inside `class_folder`."""
    return class_folder / STUDENTS / folder_name(name)


def enrol(class_folder: Path, name: str) -> Path:
    """The student's folder, made if new, with their name written in it (as first
    typed: a later visit typed in other case keeps the first spelling)."""
    folder = student_folder(class_folder, name)
    folder.mkdir(parents=True, exist_ok=True)
    if not (folder / NAME_FILE).exists():
        text = json.dumps({"name": clean_name(name)}, ensure_ascii=False)
        write_atomically(folder / NAME_FILE, text + "\n")
    return folder


@dataclass(frozen=True)
class Student:
    name: str
    folder: Path


def students(class_folder: Path) -> list[Student]:
    """Every student of the class who has given a name, by name."""
    found: list[Student] = []
    try:
        folders = sorted((class_folder / STUDENTS).iterdir())
    except OSError:
        return found
    for folder in folders:
        try:
            data = json.loads(read_regular_file(folder / NAME_FILE, 64_000))
            name = clean_name(str(data["name"]))
        except (OSError, NotReadable, ValueError, KeyError, TypeError):
            continue  # not a student's folder (or a damaged one): nothing to report
        found.append(Student(name, folder))
    return sorted(found, key=lambda s: (s.name.casefold(), s.folder.name))


PLACE_FILE = "place.json"  # in each student's folder: where they were in the explorer


def remember_place(folder: Path, kind: str, record_id: str) -> None:
    """Where the student is (a view and its record), so a reload goes back there."""
    text = json.dumps({"kind": kind, "id": record_id}, ensure_ascii=False)
    write_atomically(folder / PLACE_FILE, text + "\n")


def last_place(folder: Path) -> tuple[str, str] | None:
    """The place remembered for the student, if there is one that reads."""
    try:
        data = json.loads(read_regular_file(folder / PLACE_FILE, 16_000))
        return str(data["kind"]), str(data["id"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
