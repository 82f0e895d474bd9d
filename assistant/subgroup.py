"""The group of patients a question asks a figure for, and whether a sentence gives it them.

"双重难治病人的ORR达73%，达雷妥尤单抗初治病人中位PFS可达12.5个月" states an ORR and names
daratumumab-naive patients, but gives them no ORR: a figure for a group must be stated for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from assistant.quantity import lacks_value

T = TypeVar("T")  # a passage hit, or whatever stands for one trial

#: The abnormalities that make myeloma cytogenetically high-risk, as written after
#: normalization: del(17p), t(4;14), t(14;16), t(14;20), gain(1q) / 1q21+; and as a question
#: may write them before it is normalized, in full-width brackets: t（4；14）.
_CYTOGENETICS = (
    r"del\s*[(（]?17p[)）]?|17p\s*(?:缺失|deletion)"
    r"|t\s*[(（]\s*(?:4\s*[;；]\s*14|14\s*[;；]\s*1[46]|14\s*[;；]\s*20)\s*[)）]"
    r"|1q21|gain\s*[(（]?1q"
)

#: Groups of patients a figure can be asked for (question wording, how the review names them).
#: "双重难治病人的ORR达73%，达雷妥尤单抗初治病人中位PFS可达12.5个月" gives no ORR for
#: daratumumab-naive patients, though it states an ORR and names them. 复发难治 is the disease.
_SUBGROUPS: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        "non-refractory patients",
        # "PI没耐药的", "未耐药的病人": not refractory, in everyday words
        re.compile(r"non[- ]?refractory|非难治|没有?耐药|未耐药|不耐药"),
        re.compile(r"非难治|non-?refractory"),
    ),
    (
        "refractory patients",
        # not the disease: relapsed/refractory, relapsed or refractory, 复发难治, 复发或难治
        re.compile(
            r"(?<!relapsed )(?<!relapsed/)(?<!relapsed-)(?<!relapsed and )(?<!relapsed or )"
            r"(?<!non-)(?<!non )"
            # nor a comparison of how hard a disease is to treat ("more refractory than
            # newly diagnosed ones")
            # nor a symptom that persists ("refractory fatigue": 顽固性)
            r"(?<!non)refractory(?! than| fatigue| nausea| vomiting| diarrh| pain| symptom)"
            # (not the disease becoming so: "治着治着就耐药/难治了")
            r"|(?<!复发)(?<!或)(?<!非)难治(?!性|了)"
            # "对蛋白酶体抑制剂已经耐药的病人"
            r"|(?<![没未不有])耐药的(?:病人|患者|人|那些|那部分)"
        ),
        re.compile(r"(?<!复发)(?<!非)难治(?!性)|(?<!non-)refractory"),
    ),
    (
        "treatment-naive patients",
        re.compile(
            r"na[iï]ve|初治|未接受过|未用过|未曾接受|没用过|没有用过|没接受过|没有接受过|未使用过"
            # "never received daratumumab", not "never had nausea"
            r"|never (?:been )?(?:received|taken|treated with|exposed to)"
            r"|not (?:been )?previously (?:treated|exposed|received)"
        ),
        re.compile(r"初治|未接受过|naive"),
    ),
    (
        # patients a response eluded: "在达到最小反应的病人中，中位OS可达15.6个月" is not theirs
        "non-responders",
        # a response not reached, not a drug not received ("did not have del(17p)") nor one
        # the disease resisted ("did not respond to pomalidomide" is refractory)
        re.compile(
            r"(?:did not|didn't|failed to|never) (?:reach|achieve|attain|have|get) "
            r"(?:even )?(?:at least )?"
            r"(?:a |an |any )?(?:minimal |partial |complete |objective |overall )?"
            r"(?:response|remission|mr\b|pr\b)"
            r"|(?:did not|didn't|failed to|never) respond(?! to)"
            r"|non-?responders?|no response|without (?:a |any )?response"
            r"|未达到?(?:最小反应|缓解|部分缓解|mr|pr)|未(?:获得)?缓解|(?:(?<=所有)|(?<!有))无缓解|(?<!有)没有?(?:达到)?缓解"
            r"|(?<!有)没有?达到?(?:最小反应|部分缓解|mr|pr)"
        ),
        re.compile(r"未达到?(?:最小反应|缓解|部分缓解|mr|pr)|未缓解|无缓解|non-?respon"),
    ),
    (
        "older patients",
        re.compile(
            r"老年|高龄|岁以上|岁及以上|\belderly\b|\bolder (?:patients|adults|people)\b"
            r"|(?:aged|age) (?:≥|>=|over |above )?\d+ (?:years )?(?:or|and) older"
            r"|(?:patients|people|those|adults) (?:over|above|older than) \d+|older than \d+"
            r"|(?:≥|>=|大于|超过)\s*\d+\s*岁"
        ),
        # ... or a finding across ages (药代数值"在年龄、性别和种族上差异无统计学意义": the
        # same for the old as for anyone)
        re.compile(r"老年|高龄|岁以上|elderly|older|年龄[、，和及性别种族]{0,10}上"),
    ),
    (
        # high-risk cytogenetics are named by their abnormalities as often as by the word
        "high-risk patients",
        re.compile(rf"high-risk|high risk|高危|{_CYTOGENETICS}"),
        re.compile(rf"高危|high-risk|{_CYTOGENETICS}"),
    ),
)

#: The patients of one dose or schedule of a trial or cohort.
DOSE_GROUP = "patients on one dose or schedule"

#: Groups named by what the patients had or reached rather than what they are: asked for only
#: when the question names none of the groups above ("那例三级难治、达到非常好的部分缓解的病人"
#: is the triple-refractory patient).
_SECONDARY: tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...] = (
    (
        # patients who had the drug before ("dara-exposed", "already exposed to daratumumab"),
        # for whom the review states no figure; not a drug's exposure (AUC, 暴露量), nor the
        # patients of a trial "exposed to selinexor", nor 经治疗
        "previously exposed patients",
        re.compile(r"\b(?:already|previously|prior(?:ly)?) (?:been )?exposed to\b|[a-z]-exposed\b"),
        re.compile(r"(?<!未)(?<!没有)暴露过|exposed"),
    ),
    (
        # patients of one dose or schedule of a cohort ("pts treated at the once-weekly RP2D",
        # "每周1次给药的病人"), whose figures the review never gives apart from the cohort's;
        # not an arm named by its schedule ("once-weekly XVd"), which is a regimen
        DOSE_GROUP,
        re.compile(
            r"\b(?:patients|pts|those|people)\b[^.?;]{0,25}?\b(?:at|on|with)\s+(?:the\s+|a\s+)?"
            r"(?:(?:once|twice)[- ]weekly\s+|weekly\s+|\d+(?:\.\d+)?\s*mg\s+|higher\s+|highest\s+"
            r"|lower\s+|lowest\s+|starting\s+|recommended\s+)*(?:selinexor\s+)?"
            r"(?:dose|dosing|schedule|rp2d|dose level)\b"
            r"|\b(?:patients|pts|people)\b[^.?;]{0,25}?\b(?:dosed|treated|given)\s+at\s+(?:\w+\s+)?"
            r"\d+(?:\.\d+)?\s*mg\b"
            r"|(?:用|给|服用|接受)了?[^，,。？?]{0,6}?\d+\s*mg(?:剂量)?[^，,。？?的]{0,6}的(?:病人|患者)"
            r"|(?:每周[12一两]次|\d+\s*mg|高剂量|低剂量|rp2d)(?:给药|剂量)(?:组|的病人|的患者)"
            # "每周只吃1次的病人", "每周给2次的患者"
            r"|每周(?:只|仅)?(?:吃|服|服用|给|用)?(?:药)?[12一两]次[^，,。？?的]{0,8}的(?:病人|患者)"
            # "patients dosed on the twice-weekly schedule", "patients given it once weekly"
            r"|\b(?:patients|pts|people)\b[^.?;]{0,40}?\b(?:dosed|treated|given)\s+(?:on|at|with)"
            r"\s+(?:the\s+|a\s+)?(?:once|twice)[- ]weekly\b"
            r"|剂量组"
        ),
        re.compile(r"剂量组|方案的?病人"),
    ),
    (
        # patients given a drug again after progressing on it: "在国际骨髓瘤工作组进行的一项关于
        # 硼替佐米再治疗的研究中显示，…再次给予硼替佐米治疗的ORR仅有22%" gives them an ORR, and
        # no count, PFS or dose
        "retreated patients",
        re.compile(r"再治疗|\bre-?treat"),
        re.compile(r"再治疗|再次给予|\bre-?treat"),
    ),
    *(
        # patients who reached a response, a group of its own: "在达到最小反应的病人中，中位OS
        # 可达15.6个月" is no figure for those reaching a partial response or better
        (
            f"patients reaching {name}",
            re.compile(
                rf"(?<![未没能])(?<!没有)(?:达到|获得|取得)了?(?:{zh})(?:及以上|以上|或更好|或以上)?的"
                r"(?:那部分|那些|这部分|这些)?(?:病人|患者|人)"
                rf"|\b(?:patients|those|people) (?:who |that )(?:achieved|reached|attained)"
                rf" (?:at least )?(?:an? )?(?:{en})\b|\b(?:achieving|reaching|attaining)"
                rf" (?:at least )?(?:an? )?(?:{en})\b"
            ),
            re.compile(rf"(?<![未没能])达到?(?:{zh})|(?:achiev|reach)\w* (?:an? )?(?:{en})\b"),
        )
        for name, zh, en in (
            ("a minimal response", r"最小反应|微小缓解|mr", r"minimal response|minor response|mr"),
            (
                "a partial response",
                r"(?<!非常好的)部分缓解|pr",
                r"(?<!very good )partial response|pr",
            ),
            ("a VGPR", r"非常好的部分缓解|vgpr", r"very good partial response|vgpr"),
            ("a complete response", r"完全缓解|cr", r"complete response|cr"),
        )
    ),
)

#: How many drugs or classes refractory patients resisted ("double-refractory", "四重、五重难治",
#: "三级难治"): a figure for one multiplicity is not another's. (question words, the review's)
_MULTIPLICITIES = (
    ("double", r"double|dual|双重|二重|双药|双", r"双重|二重|双药|double|dual"),
    ("triple", r"triple|三重|三级|三药|三类", r"三重|三级|三药|三类|triple"),
    ("quad", r"quad(?:ruple)?|四重|四药|四类", r"四重|四药|四类|quad"),
    ("penta", r"penta|五重|五药|五类", r"五重|五药|五类|penta"),
)
_MULTIPLE = "|".join(asked for _, asked, _ in _MULTIPLICITIES)
#: Multiplicity words right before "refractory" / 难治, one or several ("quad- and
#: penta-refractory", "四重、五重难治", "三类药物均难治"); not "双周给药和对硼替佐米难治" nor
#: "三级及以上AE在难治病人中".
_NAMED_MULTIPLE = re.compile(
    rf"(?:{_MULTIPLE})(?:[-\s]*(?:(?:class|类)[-\s]*)?"
    rf"(?:and|or|&|/|、|和|及|以及|与|或者?|,)[-\s]*(?:{_MULTIPLE}))*"
    r"[- ]?(?:class|类)?[- ]?(?:药物?|类药物?)?[均都]?\s*(?:refractory|难治)"
)
_REFRACTORY_TEXT = next(text for name, _, text in _SUBGROUPS if name == "refractory patients")
_ALL_GROUPS = _SUBGROUPS + _SECONDARY

#: What a sentence's clauses are split at.
CLAUSES = re.compile(r"[，。；,;]")
#: A clause about one patient of the group ("其中1例三级难治病人也得到了非常好的部分缓解"):
#: the figure in the clause after it is the cohort's, not the group's.
_ONE_PATIENT = re.compile(r"(?<!\d)1\s*例|one patient|a single patient")


def subgroup(question: str, each: bool = False) -> tuple[str, re.Pattern[str]] | None:
    """The one group of patients the (lower-cased) question asks a figure for, if any.

    A question naming two groups ("PI-refractory or non-refractory: which did better?")
    asks for a comparison, which a sentence comparing them answers; unless it asks a figure
    for ``each`` ("各有多少例": how many in each), when each group, so the first named
    here, needs its own, or quotes one group's figure to ask the other's. The groups of
    ``_SECONDARY`` count only when none of ``_SUBGROUPS`` is named.
    """
    named = [g for g in _SUBGROUPS if g[1].search(question)] or [
        g for g in _SECONDARY if g[1].search(question)
    ]
    if len(named) > 1 and not each:
        # "达到最小反应的病人中位OS是15.6个月，那达到部分缓解及以上的病人中位OS是多少？": the
        # other group's figure is quoted, the one of the last clause is asked for; without a
        # figure quoted ("double-refractory patients, compared with naive ones?") it compares
        clauses = CLAUSES.split(question.rstrip("？?。. "))
        asked = [g for g in named if g[1].search(clauses[-1])]
        quoted = [
            c for c in clauses[:-1] if _QUOTED.search(c) and any(g[2].search(c) for g in named)
        ]
        # ... and so does a last clause picking one of the groups the question has set out
        # ("硼替佐米队列分了PI难治组和非难治组，难治组单独的中位PFS是几个月？")
        set_out = all(any(g[1].search(c) for c in clauses[:-1]) for g in named)
        if len(asked) == 1 and (quoted or set_out):
            named = asked
    if not (len(named) == 1 or (each and named)):
        return None
    name, _, text = named[0]
    if text is _REFRACTORY_TEXT:
        return _multiplicity(question) or (name, text)
    return name, text


#: A figure quoted with its unit (15.6个月, 26%, 8.6 months).
_QUOTED = re.compile(r"\d+(?:\.\d+)?\s*(?:%|个月|月|周|天|例|mg|months?|weeks?|days?)")


def _multiplicity(question: str) -> tuple[str, re.Pattern[str]] | None:
    """Refractory patients of the multiplicities the question names ("double-refractory"):
    the group's figure is stated for those, not for refractory patients of another kind
    ("其中1例三级难治病人" counts no double-refractory patient)."""
    chains = " ".join(m.group() for m in _NAMED_MULTIPLE.finditer(question))
    found = tuple(name for name, asked, _ in _MULTIPLICITIES if re.search(asked, chains))
    return ("/".join(found) + "-refractory patients", _QUALIFIED[found]) if found else None


#: The text of refractory patients of one or more multiplicities, by their names.
_QUALIFIED = {
    names: re.compile(
        "(?:"
        + "|".join(text for name, _, text in _MULTIPLICITIES if name in names)
        + r")[^，,。；;]{0,6}(?:难治|refractory)"
    )
    for names in (
        tuple(name for i, (name, _, _) in enumerate(_MULTIPLICITIES) if mask >> i & 1)
        for mask in range(1, 2 ** len(_MULTIPLICITIES))
    )
}


def gives_value_for(
    text: str, kind: str, measures: Sequence[Sequence[str]], group: re.Pattern[str]
) -> bool:
    """Whether the text states the value for the group: in the clause naming the group or the
    clause right after it ("泊马度胺及来那度胺难治病人的病情也得到了一定缓解，中位PFS达4.2个月"),
    unless that clause names a group of its own ("…，达雷妥尤单抗初治病人中位PFS可达12.5个月"),
    or the clause before compares the group with another ("非难治组高于难治组，中位PFS达9.0
    个月": the 9.0 months are the whole cohort's)."""
    clauses = CLAUSES.split(text)
    return any(
        not lacks_value(clause, kind, measures)
        and (
            group.search(clause)
            or (
                i > 0
                and group.search(clauses[i - 1])
                and not names_a_group(clause)
                and not names_a_group(clauses[i - 1], besides=group)
                and not _ONE_PATIENT.search(clauses[i - 1])
            )
        )
        for i, clause in enumerate(clauses)
    )


def names_a_group(clause: str, besides: re.Pattern[str] | None = None) -> bool:
    """Whether the clause names a group of patients (other than ``besides``)."""
    base = _REFRACTORY_TEXT if besides in _QUALIFIED.values() else None
    return any(
        text.search(clause)
        for _, _, text in _ALL_GROUPS
        if text is not besides and text is not base
    )


#: A clause giving some patients of a series one treatment: "1例给予Xd" in "其中1例给予Xd，1例
#: 给予XVd，5例给予XKd，结果：1例（14%）达MR…".
_GIVEN = re.compile(r"(\d+)\s*例(?:病人|患者)?(?:给予|接受|采用|使用)([^，,；;。：:]+?)(?:治疗)?$")


def split_treatments(text: str) -> dict[str, str]:
    """The treatments a sentence splits its patients between (at least two), each with the
    clause that gives it: only that clause speaks of those patients alone."""
    out: dict[str, str] = {}
    for sentence in re.split(r"[。；;]", text):
        given: dict[str, tuple[int, str]] = {}
        for clause in CLAUSES.split(sentence):
            m = _GIVEN.search(clause.strip())
            if m:
                given[m.group(2).strip()] = (int(m.group(1)), clause)
        # the series itself ("7例病人接受Xd+PI治疗" before 1 + 1 + 5) is no part of it: a
        # first clause counting all the others
        counts = [n for n, _ in given.values()]
        if len(counts) > 2 and counts[0] == sum(counts[1:]):
            given = dict(list(given.items())[1:])
        if len(given) >= 2:
            out.update({t: c for t, (_, c) in given.items()})
    return out


def group_owner(
    question: str,
    group: tuple[str, re.Pattern[str]] | None,
    picked: Sequence[T],
    where: Sequence[tuple[int, T]],
) -> T | None:
    """The one trial a group compared belongs to, or None when it is every trial's.

    A group named between two trials is one trial's: the next one's when a preposition
    leads to it ("the lenalidomide cohort or the double-refractory patients in the
    daratumumab cohort"), else the one before ("达雷妥尤单抗队列中双重难治病人的ORR和来那度胺
    队列的ORR"). Named before or after them all ("among PI-refractory patients, the
    bortezomib or the carfilzomib cohort?"), it is every trial's.
    """
    found = group[1].search(question) if group is not None else None
    if found is None:
        return None
    named = sorted(((at, h) for at, h in where if h in picked), key=lambda x: x[0])
    before = [(at, h) for at, h in named if at < found.start()]
    after = [(at, h) for at, h in named if at > found.end()]
    leads = question[found.end() : after[0][0]] if after else ""
    led = re.search(r"\b(?:in|of|on|from|within|receiving|given|treated with)\b", leads)
    if after and led and not before and not re.search(r"[,，;；。?？]", leads):
        return after[0][1]  # "the double-refractory patients in the daratumumab cohort vs …"
    if before and not after:
        # "…与达雷妥尤单抗队列里的双重难治病人相比": the group inside the last one named
        held = question[before[-1][0] : found.start()]
        # ... not when joined to the one before ("来那度胺队列和达雷妥尤单抗队列中…": both's)
        last = min(at for at, h in before if h == before[-1][1])
        prior = [at for at, h in before if h != before[-1][1] and at < last]
        joined = prior and re.fullmatch(
            r"[^，,；;。？?]{1,16}?(?:和|及|以及|、)", question[prior[-1] : last]
        )
        if re.fullmatch(r"[^，,；;。？?]{0,12}?(?:里|中|内)的?", held) and not joined:
            return before[-1][1]
    if not before or not after:
        return None
    if led:
        return after[0][1]
    return before[-1][1]
