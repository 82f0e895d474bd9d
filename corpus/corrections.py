"""An explicit, reviewable table of fixes for extraction damage that no general rule can undo."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from corpus.text import counted_chars


class CorrectionError(ValueError):
    """A correction did not match exactly once: the input changed, so nothing is guessed."""


@dataclass(frozen=True)
class Correction:
    """Replace ``find`` (which must occur exactly once) by ``replace``; ``why`` says why."""

    id: str
    find: str
    replace: str
    why: str


def load_corrections(path: Path) -> tuple[Correction, ...]:
    """Read a TSV table with the columns id, find, replace, why (``#`` lines are comments)."""
    rows: list[Correction] = []
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        for number, row in enumerate(csv.DictReader(lines, delimiter="\t"), start=2):
            if not row.get("id") or not row.get("find"):
                raise CorrectionError(f"{path}: row {number} needs an id and a find string")
            rows.append(Correction(row["id"], row["find"], row["replace"] or "", row["why"] or ""))
    return tuple(rows)


def apply_corrections(text: str, corrections: tuple[Correction, ...]) -> str:
    """Apply each correction once, in order; any that matches zero or several times fails."""
    for fix in corrections:
        count = text.count(fix.find)
        if count != 1:
            raise CorrectionError(
                f"correction {fix.id!r} matched {count} times (expected exactly once): "
                f"{fix.find!r}. The source text changed; review the corrections table."
            )
        text = text.replace(fix.find, fix.replace, 1)
    return text


def removed_chars(corrections: tuple[Correction, ...]) -> str:
    """Counted characters (CJK, letters, digits) that corrections delete rather than move."""
    from collections import Counter

    before = Counter(counted_chars("".join(fix.find for fix in corrections)))
    after = Counter(counted_chars("".join(fix.replace for fix in corrections)))
    return "".join(sorted((before - after).elements()))
