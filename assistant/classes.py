"""Classes and their members: what a passage naming one says of the other.

A question about "the steroid it was paired with" is answered by a passage naming
dexamethasone; one about ondansetron by the review's advice on 5-HT3 antagonists. The table
(``data/classes.tsv``) names drug classes by each glossary term's first English variant; two
kinds of class are read from the glossary itself: regimens by their number of drugs (XVd is
a triplet) and general words by their kinds (an ORR is a response).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.glossary import Glossary

DEFAULT_PATH = Path(__file__).parent / "data" / "classes.tsv"
USES = ("treatment", "supportive")


@dataclass(frozen=True)
class DrugClass:
    """A class, its members, and whether advice on the class holds for each member (the table's
    drug classes; also regimens by size and general words by kind, read from the glossary)."""

    name: str
    members: tuple[str, ...]
    use: str


def parse_classes(text: str) -> list[DrugClass]:
    """Rows of the class table; a malformed row raises ValueError naming its line."""
    rows = [
        (n, line)
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.startswith("#")
    ]
    if not rows or rows[0][1].split("\t") != ["class", "members", "use"]:
        raise ValueError("class table: expected the header 'class<TAB>members<TAB>use'")
    out = []
    for n, line in rows[1:]:
        cells = line.split("\t")
        if len(cells) != 3 or cells[2] not in USES or not cells[0] or not cells[1]:
            raise ValueError(f"class table line {n}: expected class, members, {'|'.join(USES)}")
        out.append(DrugClass(cells[0], tuple(m for m in cells[1].split("|") if m), cells[2]))
    return out


def load_classes(path: Path = DEFAULT_PATH) -> list[DrugClass]:
    return parse_classes(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Kinship:
    """For glossary terms (by first English variant), the variants of their relatives."""

    members: dict[str, tuple[str, ...]]  # class -> its members' variants
    classes: dict[str, tuple[str, ...]]  # supportive member -> its classes' variants

    @classmethod
    def of(cls, glossary: Glossary, classes: list[DrugClass], strict: bool = True) -> Kinship:
        """Resolved against the glossary; a name the glossary lacks raises ValueError, or,
        unless ``strict`` (a user's own, smaller glossary), is left out."""
        terms = {t.en[0]: t for t in glossary}
        for drug_class in classes:
            for name in (drug_class.name, *drug_class.members):
                if strict and name not in terms:
                    raise ValueError(f"class table: {name!r} is not a glossary term")

        def variants(name: str) -> tuple[str, ...]:
            return terms[name].en + terms[name].zh if name in terms else ()

        members: dict[str, tuple[str, ...]] = {}
        parents: dict[str, tuple[str, ...]] = {}
        for drug_class in [*classes, *_by_size(glossary), *_by_word(glossary)]:
            members[drug_class.name] = members.get(drug_class.name, ()) + tuple(
                v for m in drug_class.members for v in variants(m)
            )
            if drug_class.use == "supportive":
                for member in drug_class.members:
                    parents[member] = parents.get(member, ()) + variants(drug_class.name)
        return cls(members, parents)

    def covering(self, name: str) -> tuple[str, ...]:
        """Variants that, named in a passage, name the term too (members of a class, the
        classes of a supportive drug)."""
        return self.members.get(name, ()) + self.classes.get(name, ())


#: Regimens by their number of drugs: Xd is a doublet, XVd a triplet.
SIZES = {2: "doublet", 3: "triplet", 4: "quadruplet"}


def _by_size(glossary: Glossary) -> list[DrugClass]:
    """Doublets, triplets and quadruplets: the glossary's regimens by their drugs ("+")."""
    names = {t.en[0] for t in glossary}
    sized: dict[str, list[str]] = {}
    for term in glossary:
        if term.category != "regimen":
            continue
        size = max((v.count("+") + 1 for v in term.zh if "+" in v), default=0)
        if size in SIZES and SIZES[size] in names:
            sized.setdefault(SIZES[size], []).append(term.en[0])
    return [DrugClass(name, tuple(members), "treatment") for name, members in sized.items()]


#: General words named by any of their kinds: a passage reporting an ORR (overall response
#: rate) or a CR speaks of response, one reporting PFS of survival.
GENERAL_WORDS = ("response", "survival", "adverse event", "toxicity")


def _by_word(glossary: Glossary) -> list[DrugClass]:
    """Each general word and its kinds: the terms with an English variant holding one of the
    word's English variants as whole words ("overall response rate" for response; not
    "non-response")."""
    terms = {t.en[0]: t for t in glossary}
    out = []
    for word in GENERAL_WORDS:
        if word not in terms:
            continue
        own = [v.lower() for v in terms[word].en if len(v) > 3]
        if not own:
            continue  # an empty pattern would match every term
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, own)) + r")(?![\w-])")
        kinds = tuple(
            t.en[0]
            for t in glossary
            if t is not terms[word] and any(pattern.search(e.lower()) for e in t.en)
        )
        out.append(DrugClass(word, kinds, "treatment"))
    return out
