"""Which sentences of a question ask something, and which only set the scene.

"我手上有个MM病人，骨质破坏灶特别多，换了几个方案都耐药。综述里有没有把XPO-1和这两种情况联系
起来？" asks no number: 几个 is "several" in a statement. A question's scene (a patient's
platelets, the regimen they are on) says why it is asked; what it asks is in the sentences
ending with a question mark and in the last one. A question with no question mark at all
("Tell me the ORR in STORM. Thanks!") asks with all of it.
"""

from __future__ import annotations

import re

#: Sentence ends: Chinese full stops and exclamations, and an English full stop or exclamation
#: followed by a capital ("…gum bleeding. Was serious…"); not a decimal point (1.5), not a
#: semicolon (t(4;14) is one name).
_SENTENCE_END = re.compile(
    r"(?<=[。！])|(?<=[a-z0-9)\]][.!])\s+(?=[A-Z])"
    r"|(?<=[A-Z][A-Z0-9][.!])\s+(?=[A-Z])"  # after an acronym: "…in STORM. In double-…"
)
#: Abbreviations whose full stop ends no sentence ("ORR vs. Vd", "Chari et al. reported").
_ABBREVIATION = re.compile(r"(?:\bvs|\be\.g|\bi\.e|\bDr|\bet al|\bapprox|\bFig|\bNo|\bcf)\.$")
_QUESTION_MARK = re.compile(r"[?？]\s*$")


def sentences(question: str) -> list[str]:
    """The question's sentences, in order; question marks end sentences too."""
    pieces = re.split(r"(?<=[?？])", question)
    out: list[str] = []
    for piece in pieces:
        for part in _SENTENCE_END.split(piece):
            part = part.strip()
            if not part:
                continue
            if out and _ABBREVIATION.search(out[-1]):
                out[-1] = f"{out[-1]} {part}"
            else:
                out.append(part)
    return out


def _asks(parts: list[str]) -> list[bool]:
    """For each sentence, whether it asks: it ends with a question mark, or is the last one;
    all of them when none has a question mark."""
    marked = [bool(_QUESTION_MARK.search(p)) for p in parts]
    if not any(marked):
        return [True] * len(parts)
    return [m or i == len(parts) - 1 for i, m in enumerate(marked)]


def split(question: str) -> tuple[str, str]:
    """The sentences that ask (the question as it is when it sets no scene), and those that
    only set the scene."""
    parts = sentences(question)
    flags = _asks(parts)
    if all(flags):
        return question, ""
    asks = " ".join(p for p, a in zip(parts, flags, strict=True) if a)
    return asks, " ".join(p for p, a in zip(parts, flags, strict=True) if not a)


#: A label before a colon that opens a question ("Pharmacist:", "Evidence appraisal for a
#: guideline panel:", "家属："): short, asking nothing itself. Not a time (7:30) or a ratio.
_LABEL = re.compile(r"^([^?？:：。!！]{2,100}?)(?:(?<!\d)：(?!\d)|:(?=\s))\s*(?=\S)")


def label(question: str) -> tuple[str, str]:
    """A question's leading label and the rest ("", question when it has none).

    The label names who asks or for what (a pharmacist, a guideline panel), or the topic
    ("STOMP XVd cohort:"); what is asked comes after it.
    """
    m = _LABEL.match(question)
    return (m.group(1), question[m.end() :]) if m else ("", question)


def asking(question: str) -> str:
    """The sentences that ask; the question as it is when it sets no scene."""
    return split(question)[0]


def scene(question: str) -> str:
    """The sentences that only set the scene (everything :func:`asking` leaves out)."""
    return split(question)[1]


#: Where one question asks a second thing: a new sentence, or a clause starting another
#: question ("which residue does it bind, and which pathway does it restrain?", "…多长？
#: 另外还提到了什么").
_NEXT_ASK = re.compile(
    r"(?<=[?？；;])"
    r"|,?\s+and\s+(?=(?:which|what|how|does|do|did|is|are|was|were|when|why)\b)"
    r"|[，,]\s*(?=(?:另外|还有|以及|并且|同时|那么?)(?:[^，,？?]{0,20})(?:什么|哪|多少|几|吗|如何|怎么))",
    re.IGNORECASE,
)


def asks_apart(question: str) -> list[str]:
    """The separate things a question asks, one piece each (a single piece when it asks one)."""
    pieces = [p.strip(" ,，") for p in _NEXT_ASK.split(asking(question))]
    return [p for p in pieces if p]


#: One patient described by age and sex as a clause of its own ("68岁男性，…", "女，70岁，…",
#: "A 72-year-old woman on Xd: …", "my patient is a 65 yo male."): who asks, not a group the
#: question narrows to. Not "65岁女性患者的ORR" or "in 70-year-old female patients", which ask
#: of such patients (the review breaks out none).
_DESCRIBED_PATIENT = re.compile(
    r"\d{1,3}\s*(?:岁|周岁)的?(?:男|女)性?士?(?=\s*[，,。：:；;])"
    r"|(?<![\u4e00-\u9fff])(?:男|女)性?[，,]\s*\d{1,3}\s*(?:岁|周岁)(?=\s*[，,。：:；;])"
    r"|\b(?:a|an|my|our|this|the)\s+\d{1,3}[- ]?(?:years?[- ]old|yo|y/o|yr[- ]old)\s+"
    r"(?:man|woman|male|female|gentleman|lady|gent)\b(?!\s*(?:patients?|people|subjects)\b)"
    # one patient by the regimen they are on, before what happens to them: "If a patient on
    # XVd develops thrombocytopenia…", "用XVd的病人出现了血小板减少" (not "patients on XVd")
    r"|\b(?:a|an|my|our|this|the|your)?\s*(?:patient|pt)\s+(?:on|taking|receiving)\s+"
    r"[A-Za-z][\w+-]{1,20}(?=\s+(?:develops?|developed|has|had|gets?|got|with|who|presents?)\b)"
    r"|(?:用|吃|在用|正在用|服用)着?[A-Za-z][\w+-]{1,8}(?:方案)?的(?:病人|患者)(?=\s*(?:出现|有|发生))",
    re.IGNORECASE,
)


def without_patient(question: str) -> str:
    """The question without its description of the patient by age and sex: what it names
    only there ("68岁男性，STORM的ORR是多少？" names 男性) is who asks, not what is asked."""
    return _DESCRIBED_PATIENT.sub(" ", question)


#: What a question sets aside before it asks: "Apart from thrombocytopenia, which …", "Besides
#: neuropathy, …", "除了血小板减少，还有…", "除贫血外，…". What it names there is not asked.
_SET_ASIDE = re.compile(
    r"\b(?:apart from|aside from|besides|other than|except(?: for)?|excluding|not counting)\s+"
    r"[^,，?？;；:：]{1,60}?(?=\s*[,，?？;；:：])"
    r"|(?:^|(?<=[，,。；;\s]))除了?[^，,？?；;。]{1,30}?(?:之外|以外|外)?(?=\s*[，,？?；;])",
    re.IGNORECASE,
)
#: "不管塞利尼索二联还是三联，…": both alternatives, so neither is asked, unless the question
#: then asks which of them, or each ("无论XVd还是Vd，哪个组多？")
_EITHER_WAY = re.compile(
    r"(?:不管|无论|不论)[^，,？?；;。]{1,24}?(?:还是|或是|或者)[^，,？?；;。]{1,16}?(?=\s*[，,？?；;])"
    r"|\b(?:regardless of|whether (?:it is |it's )?)[^,，?？;；:：]{1,40}? or "
    r"[^,，?？;；:：]{1,30}?(?=\s*,)",
    re.IGNORECASE,
)
_WHICH_OR_EACH = re.compile(
    r"哪(?:个|组|一|种)|分别|各自?|\bwhich (?:one|arm|group|regimen|of)\b|\beach\b|\brespectively\b"
    r"|\b(?:better|higher|lower|more|fewer|longer|shorter)\b",
    re.IGNORECASE,
)


#: 缓解 as "relieve", not a remission: "有什么办法缓解？", "吃什么能缓解恶心" (the review's own
#: "可通过给予类固醇……来缓解").
_RELIEF = re.compile(
    r"(?:办法|方法|怎么|如何|怎样|帮助|用于|用来|(?<![后本原起])来)\s*缓解(?!\s*(?:病情|了|率))"
    r"|缓解(?=\s*(?:一下|症状|不适|恶心|呕吐|腹泻|便秘|乏力|疼痛|副作用))"
)


def without_aside(question: str) -> str:
    """The question without what it only describes or sets aside: its patient by age and sex
    (``without_patient``), what it excepts ("Apart from thrombocytopenia, which blood
    counts…" asks of the others), and 缓解 meaning relief ("有什么办法缓解？" asks for no
    remission)."""
    rest = _SET_ASIDE.sub(" ", without_patient(question))
    if not _WHICH_OR_EACH.search(_EITHER_WAY.sub(" ", rest)):
        rest = _EITHER_WAY.sub(" ", rest)
    return _RELIEF.sub(" ", rest)


#: A clause saying what the patient is being treated with ("我爸72岁，在吃塞利尼索加地塞米松，",
#: "我爸吃XVd，", "my dad is on XVd and…"): when the question asks about an adverse event, the
#: regimen says who the patient is; the review's advice on the event is for every selinexor
#: regimen (``Evidence._describing`` sets aside only those).
_ON_TREATMENT = re.compile(
    r"(?:^|(?<=[，,。；;：:\s]))(?:我爸|我妈|我父亲|我母亲|父亲|母亲|老人|家人|病人|患者|他|她|我)?"
    r"(?:\d{1,3}岁[，,]?)?(?:现在|目前|一直|最近)?(?:在|正在)?(?:吃|用|服用|口服)着?(?:的是)?"
    r"[^，,。？?；;：:]{1,24}?(?=\s*[，,。；;])"
    r"|\b(?:is|was|has been|had been|are|were) (?:on|taking|receiving|being treated with) "
    r"[^,.;?]{1,40}?"
    r"(?=\s*(?:,|\.|\band (?:he|she|they|now|has|have|had|gets?|got|his|her|is|was)\b))",
    re.IGNORECASE,
)


def treatment_clauses(question: str) -> list[str]:
    """The clauses saying what the patient is treated with (see ``_ON_TREATMENT``)."""
    return [m.group(0) for m in _ON_TREATMENT.finditer(question)]
