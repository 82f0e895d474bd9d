"""Bilingual (English/Chinese) glossary that expands questions across languages for retrieval."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = [
    "CATEGORIES",
    "DEFAULT_PATH",
    "MAX_ADDED",
    "Expansion",
    "Glossary",
    "GlossaryError",
    "Term",
    "detect_language",
    "harvest_pairs",
    "load_glossary",
    "merge",
    "parse_glossary",
]

CATEGORIES = frozenset(
    {
        "drug",
        "regimen",
        "procedure",  # a transplant: a treatment given, not a drug
        "endpoint",
        "response",
        "adverse_event",
        "pk",
        "design",
        "dosing",
        "disease",
        "biology",
        "other",
        "place",  # a country or region: an answer about it must come from a sentence naming it
        "general",  # words that shape a question (compared, proportion), not its subject
    }
)
DEFAULT_PATH = Path(__file__).parent / "data" / "glossary.tsv"
MAX_ADDED = 24
HEADER = ("en", "zh", "category")
DICTIONARY = "dictionary"  # ``Term.source`` of the glosses ``assistant.dictionary`` adds

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{_CJK}]")
_TOKEN_RE = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff]+")
_POSSESSIVE_RE = re.compile(r"['’]s\b")
# "selinexor and/plus/with/&/+ dexamethasone" all name the same regimen; "&" and "+"
# are never tokens, the words are dropped from both sides of the comparison.
_CONNECTORS = frozenset({"and", "plus", "with"})
# Acronyms this short ("OS", "PR", "MR", "PI") are ordinary letter pairs in English text,
# so in English questions they only count when written with the same capitals.
_SHORT_ACRONYM_LETTERS = 3
_MIN_ZH_MATCH = 2


class GlossaryError(ValueError):
    """A glossary file line that cannot be parsed; the message names the line number."""


@dataclass(frozen=True)
class Term:
    """One concept: its English and Chinese variants, preferred variant first."""

    en: tuple[str, ...]
    zh: tuple[str, ...]
    category: str
    source: str = "curated"

    @property
    def from_dictionary(self) -> bool:
        """A general dictionary's gloss of a review word (``assistant.dictionary``): it bridges
        English questions only, after the field's terms, and names no subject."""
        return self.source == DICTIONARY


@dataclass(frozen=True)
class Expansion:
    """What a question matched and which other-language terms were appended to it."""

    question: str
    lang: str
    matched: tuple[Term, ...]
    added: tuple[str, ...]

    @property
    def text(self) -> str:
        """The expanded query for BM25 and the dense encoder: the question is kept verbatim."""
        return " ".join((self.question, *self.added)) if self.added else self.question

    @property
    def field_text(self) -> str:
        """The question with only the field's terms' additions: what it says of the review's
        subject, without the everyday words a general dictionary glossed ("keep", "good")."""
        glossed = {v for t in self.matched if t.from_dictionary for v in t.zh}
        return " ".join((self.question, *(a for a in self.added if a not in glossed)))


# ---------------------------------------------------------------- normalisation


def _nfkc(text: str) -> str:
    """Full-width letters, digits, brackets and Roman numerals (Ⅱ) fold to ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def _norm_zh(text: str) -> str:
    """Chinese matching key: NFKC, lower-case, whitespace removed ("每周 2次" == "每周2次")."""
    return re.sub(r"\s+", "", _nfkc(text).lower())


#: British spellings folded to American ones, on both sides of a match: "anaemia" meets
#: "anemia", "randomised" "randomized", "tumour" "tumor", "oedema" "edema", "diarrhoea"
#: "diarrhea", "centre" "center".
_BRITISH = (
    (re.compile(r"(?<=[a-z]{3})is(ation|ations|e|ed|es|ing|er|ers)$"), r"iz\1"),
    (re.compile(r"aem"), "em"),
    (re.compile(r"^oe(?=[a-z]{3})"), "e"),
    (re.compile(r"rhoea$"), "rhea"),
    (re.compile(r"paed"), "ped"),
    (re.compile(r"^(tum|col|hum|lab|fav|behavi|neighb)our(s?)$"), r"\1or\2"),
    (re.compile(r"^(cent|lit|met|fib)re(s?)$"), r"\1er\2"),
)


def _american(token: str) -> str:
    """A lower-case word in American spelling (``_BRITISH``); others as they are."""
    for pattern, repl in _BRITISH:
        token = pattern.sub(repl, token)
    return token


def _stem(token: str) -> str:
    """Plural folding so "responses" meets "response", British spelling so "anaemia" meets
    "anemia"; short tokens (acronyms) are kept."""
    token = _american(token)
    if len(token) <= 3 or not token.endswith("s") or token.endswith(("ss", "us", "is")):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("ches", "shes", "xes", "zes")):
        return token[:-2]
    return token[:-1]


@dataclass(frozen=True)
class _Token:
    raw: str
    key: str


#: Clinicians' short names of the myeloma drugs, read as the names within a regimen's words:
#: "bortezomib-dex" is bortezomib + dexamethasone (Vd), "len-dex" Rd.
_SHORT_DRUGS = {
    "dex": "dexamethasone",
    "btz": "bortezomib",
    "bort": "bortezomib",
    "cfz": "carfilzomib",
    "carf": "carfilzomib",
    "pom": "pomalidomide",
    "len": "lenalidomide",
    "dara": "daratumumab",
}


def _tokens(text: str) -> tuple[_Token, ...]:
    """Latin word tokens; hyphen, slash and space all separate ("half-life" == "half life")."""
    text = _POSSESSIVE_RE.sub("", _nfkc(text))
    found = (m.group(0) for m in _TOKEN_RE.finditer(text))
    return tuple(
        _Token(raw, _SHORT_DRUGS.get(raw.lower()) or _stem(raw.lower()))
        for raw in found
        if raw.lower() not in _CONNECTORS
    )


#: A token no variant has: Chinese between Latin tokens breaks a match across it.
_BREAK = _Token("", "\x00")


def _question_tokens(text: str) -> tuple[_Token, ...]:
    """A question's Latin tokens (``_tokens``), with a break where Chinese other than a
    connector (和, 联合) stands between two: "2019年7月3日" does not say "7 3" (the 7+3
    regimen), while "selinexor和dexamethasone" names Xd."""
    out: list[_Token] = []
    for i, run in enumerate(_CJK_RUN.split(text)):
        if i % 2 == 0:
            out.extend(_tokens(run))
        elif out and run not in _ZH_CONNECTORS:  # "selinexor和dexamethasone" is one regimen
            out.append(_BREAK)
    return tuple(out)


_CJK_RUN = re.compile(f"([{_CJK}]+)")
_AND_OLDER = re.compile(
    r"(\d+\s*(?:years?(?: old)?|yrs?)?)\s+and\s+(older|over|above)\b", re.IGNORECASE
)
#: "given in the review's intro" is stated there, not administered: read as "stated in"
_GIVEN_IN_TEXT = re.compile(
    r"\bgiven(?= (?:in|by) (?:the |this |its )?(?:review|paper|article|text|intro|introduction"
    r"|abstract|summary|conclusion|section|table|authors?)(?:'s)?\b)",
    re.IGNORECASE,
)
#: "new myeloma cases" are new cases (an incidence) of myeloma
_NEW_CASES = re.compile(r"\bnew ((?:multiple )?myeloma|mm) cases\b", re.IGNORECASE)
#: A question setting one thing aside and asking which others of its kind: "除了骨髓瘤，塞利尼索
#: 还在研究用于哪些肿瘤？", "Besides myeloma, which cancers is it being tried in?"
_BESIDES_ZH = re.compile(r"除了?|之外|以外")
_WHICH_KIND_ZH = re.compile(r"(哪些|哪种|什么)(?!其他)(肿瘤|癌症|癌|疾病|病)")
_BESIDES_EN = re.compile(r"\b(?:besides|apart from|aside from|other than|except)\b", re.IGNORECASE)
_WHICH_KIND_EN = re.compile(
    r"\b(which|what)\s+(?!other\b)(cancers|tumou?rs|malignancies|diseases)\b", re.IGNORECASE
)
#: "What biological reasons are given?": stated, as above
_REASONS_GIVEN = re.compile(
    r"(\b(?:reasons?|explanations?|examples?|causes?|mechanisms?|definitions?|evidence|data"
    r"|details?)(?: \w+){0,2} (?:is|are|was|were) )given\b",
    re.IGNORECASE,
)
#: "grade IV", "stage IV": a Roman numeral, not intravenous
_ROMAN_FOUR = re.compile(
    r"\b(grade|stage|phase|class|type|level|cycle|part|section|step)\s+IV\b", re.IGNORECASE
)
#: "still managed a very good partial response": reached one, not management
_ACHIEVED = re.compile(r"\bmanaged(?= (?:a|an|to)\b)", re.IGNORECASE)
#: How an English question is read before matching, in this order (each pattern above says why).
_READINGS = (
    (_AND_OLDER, r"\1 or older"),
    (_GIVEN_IN_TEXT, "stated"),
    (_ROMAN_FOUR, r"\1 4"),
    (_NEW_CASES, r"new cases of \1"),
    (_ACHIEVED, "achieved"),
    (_REASONS_GIVEN, r"\1stated"),
)
_ZH_CONNECTORS = frozenset({"和", "与", "及", "加", "联合", "合用", "并用", "联用"})


@lru_cache(maxsize=65536)
def en_key(variant: str) -> str:
    """Identity of an English text under the matching rules: its Latin words folded (plural,
    British spelling; hyphens are spaces), joined by spaces (for duplicate checks, and for
    finding a variant in a student's options: "heat-shock proteins" names heat shock protein)."""
    return " ".join(t.key for t in _tokens(variant))


def _has_cjk(text: str) -> bool:
    return bool(_CJK_RE.search(text))


def _is_acronym(variant: str) -> bool:
    """ORR, XPO-1, IMiDs, Xd, mRNA are acronyms; "Selinexor" or "overall survival" are not."""
    if " " in variant or _has_cjk(variant) or not any(c.isupper() for c in variant):
        return False
    return not (len(variant) > 3 and variant[0].isupper() and variant[1:].islower())


def _case_sensitive(variant: str) -> bool:
    return _is_acronym(variant) and sum(c.isalpha() for c in variant) <= _SHORT_ACRONYM_LETTERS


def detect_language(text: str) -> str:
    """Return "zh" when CJK characters are at least a fifth of letters plus CJK, else "en".

    One Chinese character carries about as much as an English word, so a mostly Chinese
    question with a few acronyms ("STORM试验的ORR是多少") still counts as Chinese. A question
    whose grammar is Chinese with English terms in it ("BOSTON里XVd和Vd的median
    time to first response各是多少？") is Chinese too: it has Chinese function words and no
    English ones.
    """
    zh_grammar, en_grammar = bool(_ZH_GRAMMAR.search(text)), bool(_EN_GRAMMAR.search(text))
    if zh_grammar != en_grammar:
        return "zh" if zh_grammar else "en"
    cjk = len(_CJK_RE.findall(text))
    letters = sum(1 for c in text if c.isalpha() and not _CJK_RE.match(c))
    total = cjk + letters
    return "zh" if total and cjk / total >= 0.2 else "en"


#: Function words of a sentence's grammar: Chinese ones, and English ones that terms never
#: hold ("time to first response" holds "to", so "to" is none).
#: A question's final particles (吗, 呢, 吧) only at its end: 吗啡 is morphine. English ones in
#: lower case or capitalised to open a sentence (WHO is a name).
_ZH_GRAMMAR = re.compile(r"[的了是里么哪几]|[吗呢吧](?=\s*(?:[？?。!！]|$))|多少|什么|怎么|多长")
_EN_GRAMMAR = re.compile(
    r"\b(?:[Ww]hat|[Ww]hich|[Hh]ow|[Ww]hy|[Ww]ho|[Ww]hen|[Dd]oes|[Dd]id|[Dd]o|[Ii]s|[Aa]re|[Ww]as"
    r"|[Ww]ere|[Tt]he|[Tt]his|[Tt]hat|[Cc]an|[Ss]hould|[Cc]ould|[Ww]ould|[Tt]here)\b"
)


# ---------------------------------------------------------------- parsing


def _split_variants(cell: str, what: str, lineno: int) -> tuple[str, ...]:
    variants = tuple(v.strip() for v in cell.split("|"))
    if not cell.strip() or any(not v for v in variants):
        raise GlossaryError(f"line {lineno}: empty {what} variant in {cell!r}")
    return variants


def _parse_line(line: str, lineno: int) -> Term:
    fields = line.split("\t")
    if len(fields) != len(HEADER):
        raise GlossaryError(f"line {lineno}: expected 3 tab-separated fields, got {len(fields)}")
    en = _split_variants(fields[0], "English", lineno)
    zh = _split_variants(fields[1], "Chinese", lineno)
    category = fields[2].strip()
    if category not in CATEGORIES:
        raise GlossaryError(f"line {lineno}: unknown category {category!r}")
    if not any(_has_cjk(v) for v in zh):
        raise GlossaryError(f"line {lineno}: no Chinese variant in {fields[1]!r}")
    if any(_has_cjk(v) for v in en):
        raise GlossaryError(f"line {lineno}: Chinese text in the English column")
    return Term(en=en, zh=zh, category=category)


def parse_glossary(text: str) -> list[Term]:
    """Parse glossary TSV text: a header line, then en/zh/category rows; '#' lines are comments."""
    terms: list[Term] = []
    seen_header = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not seen_header:
            if tuple(f.strip().lower() for f in line.split("\t")) != HEADER:
                raise GlossaryError(f"line {lineno}: expected header 'en<TAB>zh<TAB>category'")
            seen_header = True
            continue
        terms.append(_parse_line(line, lineno))
    if not seen_header:
        raise GlossaryError("line 1: glossary has no header line")
    return terms


# ---------------------------------------------------------------- matching structures


@dataclass(frozen=True)
class _EnVariant:
    tokens: tuple[_Token, ...]
    case_sensitive: bool
    term: int


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    exact: bool
    term: int
    kind: str  # "en" (token positions) or "zh" (character positions)


def _build_en_index(terms: tuple[Term, ...]) -> dict[str, tuple[_EnVariant, ...]]:
    """English variants grouped by their first token key, for a scan of question tokens."""
    index: dict[str, list[_EnVariant]] = {}
    for i, term in enumerate(terms):
        for variant in term.en:
            toks = _tokens(variant)
            if toks:
                entry = _EnVariant(toks, _case_sensitive(variant), i)
                index.setdefault(toks[0].key, []).append(entry)
    return {k: tuple(v) for k, v in index.items()}


def _build_zh_index(terms: tuple[Term, ...]) -> dict[str, tuple[tuple[str, int], ...]]:
    """Chinese variants (with CJK, two or more characters) grouped by their first character.

    Single characters such as 周 or 级 are too ambiguous to trigger a match; they are still
    offered as expansions of English terms.
    """
    index: dict[str, list[tuple[str, int]]] = {}
    for i, term in enumerate(terms):
        if term.from_dictionary:
            continue  # a dictionary's gloss of a review word bridges English questions only
        for variant in term.zh:
            for key in _combination_wordings(_norm_zh(variant)):
                if _has_cjk(key) and len(key) >= _MIN_ZH_MATCH:
                    index.setdefault(key[0], []).append((key, i))
    return {k: tuple(v) for k, v in index.items()}


def _combination_wordings(key: str) -> list[str]:
    """A Chinese regimen (塞利尼索+来那度胺+地塞米松) as questions also write it:
    塞利尼索联合来那度胺和地塞米松, 塞利尼索联合来那度胺、地塞米松, 塞利尼索加来那度胺加地塞米松,
    and so on."""
    parts = key.split("+")
    if len(parts) < 2 or not all(_has_cjk(p) for p in parts):
        return [key]
    head, rest = parts[0], parts[1:]
    wordings = [key]
    for joint in ("+", "和", "及", "、"):
        wordings.append(f"{head}联合{joint.join(rest)}")
    wordings.append("加".join(parts))  # 硼替佐米加地塞米松
    return list(dict.fromkeys(wordings))


def _token_matches(q: _Token, v: _Token, case_sensitive: bool) -> tuple[bool, bool]:
    """(matches, exact-case). Case-sensitive variants need the variant's capitals in q."""
    if not case_sensitive:
        return q.key == v.key, q.raw == v.raw
    if q.raw.lower() != v.raw.lower():
        return False, False
    caps_ok = all(qc.isupper() for qc, vc in zip(q.raw, v.raw, strict=True) if vc.isupper())
    return caps_ok, q.raw == v.raw


def _variant_at(
    toks: tuple[_Token, ...], i: int, variant: _EnVariant, relax_case: bool
) -> _Match | None:
    n = len(variant.tokens)
    if i + n > len(toks):
        return None
    exact = True
    for q, v in zip(toks[i : i + n], variant.tokens, strict=True):
        ok, same = _token_matches(q, v, variant.case_sensitive and not relax_case)
        if not ok:
            return None
        exact = exact and same
    return _Match(i, i + n, exact, variant.term, "en")


def _select(candidates: list[_Match]) -> list[_Match]:
    """Longest first, exact-case before case-folded, then leftmost; no overlaps."""
    chosen: list[_Match] = []
    taken: set[int] = set()
    for m in sorted(candidates, key=lambda m: (m.start - m.end, not m.exact, m.start)):
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


# ---------------------------------------------------------------- glossary


@dataclass(frozen=True)
class Glossary:
    """Curated (and optionally harvested) terms plus lookup tables built once at construction."""

    terms: tuple[Term, ...]
    _en_index: dict[str, tuple[_EnVariant, ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )
    _zh_index: dict[str, tuple[tuple[str, int], ...]] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "terms", tuple(self.terms))
        object.__setattr__(self, "_en_index", _build_en_index(self.terms))
        object.__setattr__(self, "_zh_index", _build_zh_index(self.terms))

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[Term]:
        return iter(self.terms)

    def _match_en(self, question: str, relax_case: bool) -> list[_Match]:
        # read as meant: "75 and older" as "75 or older" ("and older" alone would be "older",
        # which "the older two-drug treatment" says too), "grade IV" as grade 4, …
        read = question
        for pattern, reading in _READINGS:
            read = pattern.sub(reading, read)
        if _BESIDES_EN.search(read):  # "Besides myeloma, which cancers …?" asks of the others
            read = _WHICH_KIND_EN.sub(r"\1 other \2", read)
        toks = _question_tokens(read)
        candidates = [
            m
            for i, tok in enumerate(toks)
            for variant in self._en_index.get(tok.key, ())
            if (m := _variant_at(toks, i, variant, relax_case)) is not None
        ]
        return _select(candidates)

    def _match_zh(self, question: str) -> list[_Match]:
        text = _norm_zh(question)
        if _BESIDES_ZH.search(text):  # "除了骨髓瘤，还在研究用于哪些肿瘤？" asks of the others
            text = _WHICH_KIND_ZH.sub(r"\1其他\2", text)
        candidates = [
            _Match(i, i + len(key), True, term, "zh")
            for i, ch in enumerate(text)
            for key, term in self._zh_index.get(ch, ())
            if text.startswith(key, i)
        ]
        return _select(candidates)

    def expand(self, question: str, lang: str | None = None) -> Expansion:
        """Append the other language's variants of every glossary term found in the question.

        English and Chinese matching both run, so mixed questions ("STORM试验的ORR是多少")
        expand on both sides; ``lang`` decides acronym case handling and which side's
        additions come first.
        """
        lang = lang or detect_language(question)
        en = self._match_en(question, relax_case=lang == "zh")
        zh = self._match_zh(question)
        ordered = [*zh, *en] if lang == "zh" else [*en, *zh]
        indices = list(dict.fromkeys(m.term for m in ordered))
        # the field's terms before a general dictionary's glosses: theirs are added first
        indices.sort(key=lambda i: self.terms[i].from_dictionary)
        matched = tuple(self.terms[i] for i in indices)
        added = _pick_additions(question, [_candidates(t, lang) for t in matched])
        return Expansion(question=question, lang=lang, matched=matched, added=added)


def _candidates(term: Term, lang: str) -> list[str]:
    """Variants worth appending for one matched term, most useful first.

    The review writes acronyms (ORR, PFS, XVd) inside Chinese sentences, so acronyms are
    offered in both directions (plural spellings like "AEs" dropped); Chinese questions get
    the preferred English variant first, then acronyms, the first English name and Chinese
    synonyms (a user's 总缓解率 may be the review's 客观缓解率).
    """
    plurals = {v + "s" for v in term.en}
    acronyms = [v for v in term.en if _is_acronym(v) and v not in plurals]
    if lang == "en":
        return [*term.zh, *acronyms]
    names = [v for v in term.en if not _is_acronym(v)]
    return list(dict.fromkeys([term.en[0], *acronyms, *names[:1], *term.zh]))


def _present(candidate: str, zh_text: str, keys: tuple[str, ...]) -> bool:
    """Already in the question: substring for Chinese, whole-token sequence for Latin text."""
    if _has_cjk(candidate):
        return _norm_zh(candidate) in zh_text
    want = tuple(t.key for t in _tokens(candidate))
    if not want:
        return _norm_zh(candidate) in zh_text
    n = len(want)
    return any(keys[i : i + n] == want for i in range(len(keys) - n + 1))


def _pick_additions(question: str, per_term: list[list[str]]) -> tuple[str, ...]:
    """Round-robin over matched terms (every term's first variant before any second ones),
    skipping what the question already says, capped at MAX_ADDED to keep queries focused."""
    zh_text = _norm_zh(question)
    keys = tuple(t.key for t in _tokens(question))
    added: list[str] = []
    seen: set[str] = set()
    depth = max((len(c) for c in per_term), default=0)
    for rank in range(depth):
        for cands in per_term:
            if rank >= len(cands) or len(added) >= MAX_ADDED:
                continue
            cand = cands[rank]
            norm = _norm_zh(cand)
            if norm in seen or _present(cand, zh_text, keys):
                continue
            seen.add(norm)
            added.append(cand)
    return tuple(added)


def load_glossary(path: Path | None = None, extra: Iterable[Term] = ()) -> Glossary:
    """Load the curated TSV (the bundled one by default) and add ``extra`` terms via `merge`,
    so pairs harvested from the review never override or duplicate curated entries."""
    source = Path(path) if path is not None else DEFAULT_PATH
    terms = parse_glossary(source.read_text(encoding="utf-8"))
    return merge(Glossary(tuple(terms)), extra)


def merge(curated: Glossary, harvested: Iterable[Term]) -> Glossary:
    """Add harvested pairs that bring a new English and a new Chinese variant.

    Harvesting is heuristic; a pair touching a concept the curated list already knows is
    more likely a mis-trimmed duplicate than new knowledge, so curated entries always win.
    """
    seen_en = {en_key(v) for t in curated.terms for v in t.en}
    seen_zh = {_norm_zh(v) for t in curated.terms for v in t.zh}
    added: list[Term] = []
    for term in harvested:
        en_keys = {en_key(v) for v in term.en}
        zh_keys = {_norm_zh(v) for v in term.zh}
        if en_keys & seen_en or zh_keys & seen_zh:
            continue
        seen_en |= en_keys
        seen_zh |= zh_keys
        added.append(term)
    return Glossary(curated.terms + tuple(added))


# ---------------------------------------------------------------- harvesting

_PAREN_RE = re.compile(r"[（(]([^（）()\n]{1,80})[）)]")
_PART_SPLIT_RE = re.compile(r"\s*[，,;；/、]\s*")
_LATIN_PART_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9α-ωΑ-Ω\-'. ]*")
_UNITS = frozenset({"mg", "ml", "kg", "mmol", "min", "iu", "h", "d", "l/h", "mg/m2", "ng"})
# Run of Chinese text before a bracket: CJK, digits, hyphens, "+" (regimens), Roman
# numerals, a space right after a digit ("每周 2次"), and short capitals inside CJK
# ("嵌合抗原受体T细胞").
_ZH_RUN_RE = re.compile(
    rf"(?:[{_CJK}0-9Ⅰ-Ⅻ+\-]|[A-Z]{{1,3}}(?=[{_CJK}])|(?<=[0-9]) (?=[{_CJK}0-9]))+$"
)
_EN_WORD_RE = re.compile(r"([A-Za-z][A-Za-z0-9\-]{2,})\s*$")
_ZH_CONTENT_RE = re.compile(rf"[{_CJK}][{_CJK}0-9\-]{{1,11}}")
_GLUE_CHARS = frozenset("在于被为是对与和及或了将把从给其该即较达约如的由向以并且而但等")
_GLUE_WORDS = (
    "表面", "显示", "表明", "发现", "包括", "采用", "使用", "给予", "接受", "通过",
    "进行", "导致", "作为", "以及", "或者", "称为", "简称", "其中", "评估", "比较",
    "旨在", "观察", "例如", "诱导", "具有", "属于", "基于", "确定", "中位", "一种",
    "一项", "我国", "目前",
)  # fmt: skip
# Words that contain a glue character but are part of a term (给药剂量, 达雷妥尤单抗).
_NOT_GLUE = frozenset(
    {
        "对照", "对应", "对症", "给药", "达雷", "达峰", "及时", "其他", "其它", "以上",
        "以下", "以内", "为期", "如何", "与否", "较好", "好的", "等级", "等效", "合并",
        "对比", "而言", "由此", "经典", "经济", "使用", "用药", "因子", "当量",
    }
)  # fmt: skip
_MEASURE_CHARS = frozenset("次例个名位项种周天年月日期级")
# Only stripped from the very start (经嵌合抗原受体…): inside a run they are word parts (神经).
_LEADING_GLUE = _GLUE_CHARS | frozenset("经使用据因当若")


def _latin_parts(content: str) -> list[str] | None:
    """English name / acronym parts of a bracket, or None if it is not purely Latin text."""
    parts = [p.strip() for p in _PART_SPLIT_RE.split(content.strip()) if p.strip()]
    if not parts:
        return None
    for part in parts:
        if _LATIN_PART_RE.fullmatch(part) is None or re.search(r"\d\.\d", part):
            return None
        letters = sum(c.isalpha() for c in part)
        if letters < 2 or part.lower() in _UNITS or len(part.split()) > 8:
            return None
        if part[0].isdigit() and " " in part:  # "60 mg", "3 weeks"
            return None
    return parts


def _size_hint(parts: list[str]) -> int:
    """Rough upper bound on the Chinese term's length: ~3 characters per acronym letter
    (MM→多发性骨髓瘤, FDA→美国食品药品管理局), ~4 per English word (drug names run long)."""
    sizes = [
        3 * sum(c.isalpha() for c in p) + 2 if _is_acronym(p) else 4 * len(p.split()) + 4
        for p in parts
    ]
    return max(4, min(20, max(sizes)))


def _glue_at(run: str, i: int) -> int:
    """Length of a glue word ending at i (0 if none): the sentence, not the term, ends there."""
    for word in _GLUE_WORDS:
        if run.endswith(word, 0, i + 1):
            return len(word)
    if run[i] not in _GLUE_CHARS or run[i : i + 2] in _NOT_GLUE:
        return 0
    return 0 if i and run[i - 1 : i + 1] in _NOT_GLUE else 1


def _cut_after_glue(run: str) -> str:
    """Keep what follows the last glue word/character, if that leaves a plausible term."""
    for i in range(len(run) - 1, -1, -1):
        size = _glue_at(run, i)
        rest = run[i + 1 :]
        need = 3 if run[i] == "的" else 2  # 首次反应的时间 keeps its 的
        if size and len(_CJK_RE.findall(rest)) >= need:
            return rest
    return run


def _strip_leading(run: str) -> str:
    """Drop leading digits (with their measure word: "1次"), stray Latin and one glue char."""
    stripped = run.lstrip("0123456789 ")
    if stripped != run and stripped[:1] in _MEASURE_CHARS:
        stripped = stripped[1:]
    stripped = stripped.lstrip("+- ").lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    if stripped[:1] in _LEADING_GLUE and stripped[:2] not in _NOT_GLUE:
        stripped = stripped[1:]
    return stripped


def _trim_zh(run: str, limit: int) -> str:
    """Cut at sentence glue, bound the length by the English side, tidy the first character."""
    return _strip_leading(_cut_after_glue(run)[-limit:])


def _line_broken(text: str, start: int) -> bool:
    """True when the run starts a line that continues a Chinese word from the line above
    (PDF extraction splits 多发 | 性骨髓瘤 across lines), so its true beginning is unknown."""
    head = text[:start]
    return head.endswith("\n") and _has_cjk(head.rstrip()[-1:])


def _zh_before(before: str, parts: list[str]) -> str:
    """The Chinese term a bracketed English name/acronym explains, trimmed of sentence words."""
    before = before.rstrip(" \t")
    match = _ZH_RUN_RE.search(before[-60:])
    if match is None:
        return ""
    run = match.group(0)
    head, sep, tail = run.partition("+")  # regimen: trim only the first drug's side
    zh = _trim_zh(head, _size_hint(parts)) + sep + tail if sep else _trim_zh(run, _size_hint(parts))
    zh = zh.strip("+- ")
    if run.startswith(zh) and _line_broken(before, len(before) - len(run)):
        return ""  # nothing trimmed, and the line break may have cut the term's start
    return zh if len(_CJK_RE.findall(zh)) >= 2 else ""


def _en_form(part: str) -> str:
    return part if _is_acronym(part) else part.lower()


def _forward_pair(before: str, content: str) -> Term | None:
    """中文（English name / ACRONYM） → Term."""
    parts = _latin_parts(content)
    if parts is None:
        return None
    zh = _zh_before(before, parts)
    if not zh:
        return None
    en = tuple(dict.fromkeys(_en_form(p) for p in parts))
    return Term(en=en, zh=(zh,), category="other", source="harvested")


def _reverse_pair(before: str, content: str) -> Term | None:
    """Selinexor（塞利尼索） → Term; the bracket must be a short, purely Chinese name."""
    content = content.strip()
    if _ZH_CONTENT_RE.fullmatch(content) is None or content[0] in _GLUE_CHARS:
        return None
    word = _EN_WORD_RE.search(before[-40:])
    if word is None:
        return None
    prev = before[: len(before) - len(word.group(0))][-1:]
    if prev.isascii() and (prev.isalnum() or prev == "-"):  # inside a longer Latin token
        return None
    return Term(en=(_en_form(word.group(1)),), zh=(content,), category="other", source="harvested")


def harvest_pairs(text: str) -> list[Term]:
    """English/Chinese pairs the text itself states with brackets, in order of appearance.

    Reviews define terms as 客观缓解率（ORR） or Selinexor（塞利尼索）; harvesting them at
    index build lets expansion cover vocabulary the curated list lacks.  Brackets holding
    numbers, doses or Chinese explanations (（n=195）, （60 mg，2次/周）, （如罗拉匹坦）) are
    skipped.
    """
    pairs: dict[tuple[tuple[str, ...], str], Term] = {}
    for m in _PAREN_RE.finditer(text):
        before, content = text[: m.start()], m.group(1)
        term = _forward_pair(before, content) or _reverse_pair(before, content)
        if term is not None:
            pairs.setdefault((tuple(e.lower() for e in term.en), term.zh[0]), term)
    return list(pairs.values())
