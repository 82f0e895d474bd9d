"""Which sentences of the retrieved passages answer a question, and what the review lacks.

The checks that keep the assistant honest live here: a question naming something the review
never mentions, a passage that never names the trial, drug or endpoint asked about, a sentence
that names the measure but not its value.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeVar, cast

from assistant.absence import (
    NAME,
    alternatives,
    capitalised_names,
    mentions,
    occurrences,
    offered_alternatives,
    proper_names,
    uncovered,
    unknown_doses,
    unknown_drugs,
    unknown_names,
    unknown_words,
    worded_combination_zh,
)
from assistant.answer import (
    AnswerConfig,
    Candidate,
    choose_sentences,
    concept_overlap,
    inverse_document_frequencies,
    is_meta,
)
from assistant.asked import (
    ACTS,
    AIM,
    ATTRIBUTES,
    BENEFITS,
    CAUSE,
    CLAIM,
    COMPARES,
    DESIGN,
    MECHANISM,
    ROUTE,
    ROUTE_STATED,
    ROUTE_TERMS,
    Asked,
    named_in,
)
from assistant.asking import (
    asking,
    label,
    sentences,
    split,
    treatment_clauses,
    without_aside,
)
from assistant.choices import bears_a_figure, options, spared_options, spared_words, unchosen
from assistant.classes import Kinship, load_classes
from assistant.comparison import Comparing, measured_names
from assistant.quantity import (
    MEASURED_KINDS,
    asked_kind,
    figures,
    gives_value_of,
    lacks_statistic,
    lacks_value,
)
from assistant.ranking import (
    within,
)
from assistant.referring import TrialDescriptors, trial_sections
from assistant.subgroup import DOSE_GROUP, split_treatments
from index.segment import normalize, tokenize
from index.store import passage_index_text

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    import numpy as np

    from assistant.glossary import Expansion, Glossary, Term
    from assistant.retrieval import HybridRetriever, Signals
    from assistant.types import Hit
    from corpus import Document, Passage
    from index.embedder import Embedder
    from index.store import ReviewIndex

_T = TypeVar("_T")

#: Categories of things a question asks about in their own right, never as one of two ways
#: ("with warfarin or dex?"); a regimen too, unless it names no drugs (see ``_a_way``).
ENTITIES = frozenset({"drug", "disease", "regimen", "adverse_event"})


def _a_way(category: str, variants: tuple[str, ...]) -> bool:
    """Whether a concept may be offered as one of two ways of doing something: not a drug,
    disease or adverse event, nor a regimen of named drugs (XVd, DRd: "XVd还是DRd？" asks
    about both); monotherapy, a combination or a doublet may ("单药还是联合？")."""
    if category == "regimen":
        return not any("+" in v for v in variants)
    if _GRADES.match(variants[0]):
        return True  # "mostly grade 1-2 or grade 3-4?": the grade stated answers it
    return category not in ENTITIES


#: Grades of an adverse event (grade 3 or 4, grade 1-2): a degree, not an event of its own.
_GRADES = re.compile(r"grade \d")


#: A group of a trial's patients: a drug named with one is the regimen its patients took.
_COHORT_WORDS = frozenset({"cohort", "arm"})

#: Categories of what a question of efficacy asks: an endpoint, a response.
EFFICACY = frozenset({"endpoint", "response"})

#: The glossary's umbrella term for adverse events (不良反应, side effects).
UMBRELLA = "adverse event"
#: Adverse-event words that name no event in particular.
GENERAL_EVENTS = frozenset(
    {
        UMBRELLA,
        "toxicity",
        "supportive care",
        "symptom",
        "management",
        "prophylaxis",
        "grade",
        "grade 3 or 4",
        "grade 1 or 2",
        "manageable",
        "reversible",
        "transfusion",
        "gastrointestinal",
        "hematologic",
        "non-hematologic",
        "exercise",
        "sleep",
    }
)


#: Categories of the subjects a question can be about on its own (what it asks, not how).
SUBJECTS = frozenset({"endpoint", "adverse_event", "pk", "response", "drug", "biology"})
#: A question asking which drug ("顽固性乏力可以用什么药物？每天推荐剂量是多少？"): the dose
#: asked is that drug's, not the review's own drug's.
_WHICH_DRUG = re.compile(
    r"什么药|哪(?:种|些|个|一种)?药|\b(?:what|which) (?:\w+ )?(?:drugs?|medicines?|medications?)\b"
)
#: Words pointing back to what an earlier sentence named ("relieve it", "这种情况").
BACK_REFERENCE = re.compile(
    r"\b(?:it|its|these|those|they|them|their|he|she|him|her|his)\b"
    # "this", but not as a degree ("is low sodium expected this early?")
    r"|\bthis\b(?! (?:early|late|soon|often|long|high|low|much|many|fast|quickly|common)\b)"
    r"|(?<!其)它|(?<!其)他|她|这种|这个|这些|(?<![因如彼])此(?!外)|(?<![应活])该|(?<![尤极])其(?!他|它|中|实)"
)


#: Ways of finding something out that a question names with what they found (a low count, a
#: value), and questions asking for a test itself.
_MEANS_OF_KNOWING = frozenset({"laboratory test", "regular check-up"})
#: ... a drug level's monitoring, named as why a peak's timing is asked
_LEVEL_MONITORING = _MEANS_OF_KNOWING | {"therapeutic drug monitoring"}
#: ... and tests named by the report of what they found ("FISH查出del(17p)")
_REPORTING_TESTS = _MEANS_OF_KNOWING | {"FISH"}
_FINDING = re.compile(
    r"偏?低|偏?高|异常|下降|升高|降低|掉|少了|\d\s*(?:mmol|g/l|×|x\s*10)"
    r"|\b(?:low|high|dropped|fell|abnormal|showed|shows|came back)\b",
    re.IGNORECASE,
)
#: ... a finding a report gave ("FISH查出del(17p)", "FISH报告有…", "FISH showed"): not a test
#: asked about ("STORM是用FISH检测的吗？")
_REPORTED = re.compile(
    r"查出|检出|查到|阳性|报告(?:有|显示|提示)|结果(?:有|显示|提示)"
    r"|\b(?:showed|shows|came back|positive|detected|revealed)\b",
    re.IGNORECASE,
)
#: A test named as the reason for asking when a drug peaks: "几个小时血药浓度到顶？想安排抽血
#: 时间", "timing the blood draw for the peak level" (not "how often should blood tests be
#: scheduled?", which asks the test).
_TEST_FOR = re.compile(
    r"(?:峰|浓度|peak|level|concentration).*(?:安排(?:抽血|化验|验血)"
    r"|(?:抽血|化验|验血)(?:时间|时机|最?合适)|什么时候(?:抽血|化验|验血)"
    r"|\b(?:time|timing)\b[^?]{0,20}\bblood draws?\b)"
    r"|(?:安排(?:抽血|化验|验血)|(?:抽血|化验|验血)(?:时间|时机)|\b(?:time|timing)\b[^?]{0,20}"
    r"\bblood draws?\b).*(?:峰|浓度|peak|level|concentration)",
    re.IGNORECASE,
)
_ASKS_TEST = re.compile(
    r"(?:哪些|什么|哪种|哪个)(?:化验|检查|检测|项目)|查哪些|做什么检查|要查"
    r"|\b(?:which|what) (?:\w+ ){0,2}tests?\b|\bis there a (?:\w+ )?test\b|\btests? for\b"
    r"|\bmeasured by\b",
    re.IGNORECASE,
)

#: A label naming who asks ("护士随访：", "Pharmacist checking an order:").
#: (Not 患者 or "Patients with …:": such a label says whom the question is about.)
_ASKER = re.compile(
    r"^\W*(?:护士|药师|医生|大夫|家属|学生|同学|进修|规培|住院医|主治|主任"
    r"|(?:the |a |an |our |my )?(?:nurse|pharmacist|doctor|physician|student|caregiver"
    r"|son|daughter|gp|resident|fellow|clinician|oncologist|ha?ematologist|trainee|intern"
    r"|registrar|mdt|multidisciplinary team|tumou?r board)s?\b|多学科(?:团队|会诊|讨论)?)",
    re.IGNORECASE,
)

#: A clause of a scene telling a patient's history ("硼替佐米和来那度胺都耐药了", "he progressed
#: on lenalidomide").
_HISTORY_CLAUSE = re.compile(
    r"[^，,。；;.!?？！]*(?:用过|吃过|打过|耐药|进展|难治|失败|既往|之前用|以前用|以前打"
    r"|previously|prior|progressed on|refractory to|failed)[^，,。；;.!?？！]*",
    re.IGNORECASE,
)


#: A question pointing back at its scene: "that figure", "this trial", "its", "该研究", "这个队列".
_REFERS_BACK = re.compile(
    r"\b(?:that|this|those|these|the same) (?:figure|number|result|finding|trial|study|cohort"
    r"|arm|group|subgroup|series|regimen|combination|analysis|value|estimate|report)s?\b"
    r"|\bthe subgroup\b|\bits\b"
    r"|(?:该|这个?|这一|那个?|那项|此)(?:研究|试验|队列|组|方案|数据|结果|数字|数值|报道|亚组)",
    re.IGNORECASE,
)

#: A question asking to choose between alternatives ("which", "prefer", "还是").
_CHOOSES = re.compile(
    r"\bwhich\b|\bprefer|\bbetter\b|\bspecifically\b|\brather\b|\bfavou?r|哪|还是|更好|首选|优先",
    re.IGNORECASE,
)

#: A regimen by its name: an acronym (XVd, Vd) or its drugs joined (塞利尼索+卡非佐米).
_NAMED_REGIMEN = re.compile(r"^[A-Z][A-Za-z]{0,4}$|\+")

#: Any cancer, of which the review's myeloma is one: "had the cancer shrink" names the
#: patients' myeloma, which the review names as MM (unlike "which other tumour types").
_CANCER = frozenset({"tumor"})
_THE_CANCER = re.compile(
    r"\b(?:the|his|her|their|your) (?:cancer|tumou?r)\b(?! types?\b)"
    r"|(?:他的|她的|病人的)(?:癌|肿瘤)",
    re.IGNORECASE,
)

#: The generic word for what a trial measures ("its stated endpoints").
_ENDPOINTS = "endpoint"
#: A symptom not relieved ("乏力一直缓解不了"): 缓解 is relief there, no response.
_RELIEF = re.compile(r"缓解不了|(?:不能|无法|难以|没有?|得不到|不见|还没)(?:能)?缓解")
#: ... ways asked to relieve one ("有哪些办法可以缓解", "怎么缓解恶心").
_RELIEVED_BY = re.compile(
    r"(?:怎么|如何|怎样|办法|方法|措施|手段)[^，,。？?；;]{0,6}缓解(?!率)"
    # ... or a symptom that measures have not relieved ("fatigue that doesn't respond to
    # supportive measures"): no response to treatment is asked
    r"|\b(?:does ?n[o']t|do ?n[o']t|did ?n[o']t|fails? to|failing to|not) respond(?:ing)? to\b"
    r"|\bunresponsive to\b"
)

#: Words naming relapsed or refractory patients: a count of them must say so (not of NDMM ones).
_RELAPSED = re.compile(r"relaps|refractory|复发|难治")
#: Relapsed or refractory patients in a text, by any name (RRMM too).
_RELAPSED_TEXT = re.compile(r"relaps|refractory|rrmm|复发|难治", re.IGNORECASE)
#: A yes/no question ("…吗？", "Were …?", "Did …?").
_YES_NO = re.compile(r"吗\s*[？?]?\s*$|^\s*(?:were|was|did|do|does|is|are|had|has)\b", re.I)
#: Newly diagnosed patients in a text.
_NEWLY_DIAGNOSED = re.compile(r"ndmm|newly diagnosed|new(?:ly)?[- ]diagnosed|新诊断|初诊", re.I)


#: Categories besides adverse events whose sections the review titles by them: its place for
#: selinexor in transplant (3.4, ASCT) ranks before a passing mention ("the development of
#: autologous hematopoietic stem cell transplantation" in the English abstract) for a question
#: naming selinexor; one on transplant alone is the abstract's.
_TITLED_KINDS = frozenset({"procedure"})


#: A question about an approval ("Is it approved for NDMM?"): the approval's sentence answers,
#: not a trial's in those patients.
_APPROVAL = re.compile(r"approv|licen[cs]|indicat|批准|获批|上市|适应症|适应证", re.IGNORECASE)

#: Words for adverse events in general, which a passage naming one in particular answers.
_ANY_EVENT = frozenset({UMBRELLA, "toxicity"})
#: A question asking which event brought an outcome about ("what toxicity made it
#: intolerable?"), not which events a treatment has ("What toxicity does CAR-T cause?" is
#: not answered by a death after XPd).
_WHICH_EVENT = re.compile(
    r"\b(?:what|which)\s+(?:\w+\s+)?(?:toxicit\w*|adverse events?|side[- ]effects?)\s+"
    r"(?:made|makes|caused|causes|led|leads|forced|limited|prompted|resulted|sank|sunk|killed"
    r"|ended|stopped|halted|ruled|drove|drives)\b"
    r"|(?:什么|哪些|哪种|哪个|哪一种)(?:样的)?(?:毒性|不良反应|副作用)(?:导致|引起|使|让)"
    # "被放弃，是因为病人受不了哪种不良反应？"
    r"|(?:受不了|耐受不了|不能耐受|无法耐受|难以耐受)(?:的是)?(?:什么|哪些|哪种|哪个|哪一种)(?:样的)?"
    r"(?:毒性|不良反应|副作用)"
    # "方案后来被放弃了，是因为哪种毒性？"
    r"|(?:因为|由于|是因)(?:什么|哪些|哪种|哪个|哪一种)(?:样的)?(?:毒性|不良反应|副作用)"
    # "后来放弃了…给药方式，原因是什么不良反应？"
    r"|原因是(?:什么|哪些|哪种|哪个|哪一种)(?:样的)?(?:毒性|不良反应|副作用)",
    re.IGNORECASE,
)

#: Words giving drugs together: "当与地塞米松联合使用时", "in combination with".
_COMBINED = re.compile(r"联合|联用|合用|combination|combined|together with")

#: The review's sentences on all its drug's regimens at once: "无论是二联还是三联疗法",
#: "regardless of whether it is a doublet or a triplet".
_EVERY_REGIMEN = re.compile(
    r"无论是?(?:塞利尼索)?二联(?:疗法|方案)?(?:还是|或是|或者?)三联"
    r"|(?:regardless of|whether (?:as|in)) (?:a )?doublets? or (?:a )?triplets?"
)


class Evidence(Comparing):
    """The review's sentences, ready to be scored against a question and checked."""

    def __init__(
        self,
        index: ReviewIndex,
        embedder: Embedder,
        retriever: HybridRetriever,
        glossary: Glossary | None,
        config: AnswerConfig,
    ) -> None:
        self.index, self.embedder, self.retriever = index, embedder, retriever
        self.glossary, self.config = glossary, config
        self.doc: Document = index.doc
        self._sentence_vectors: np.ndarray | None = None
        # what was read of the last question, by reader: ranking, checking and choosing all
        # read the same signals (one tuple, swapped whole: safe across threads)
        self._last_read: tuple[Signals, dict[str, object]] | None = None
        self._sentences = index.doc.sentences
        self._sentence_offsets = _sentence_offsets(index.doc)
        self._corpus = normalize(
            " ".join([index.doc.text, *(implied_names(p.text) for p in index.doc.passages)])
        )
        self._sentence_tokens = [set(tokenize(s.text)) for s in index.doc.sentences]
        self._sentence_texts = [normalize(s.text) for s in index.doc.sentences]
        self._title = normalize(index.doc.title)
        # the review's own drug, by every name (selinexor, 塞利尼索, KPT-330)
        self._subject = frozenset(
            v
            for t in (glossary.terms if glossary is not None else ())
            if t.category == "drug" and any(mentions(self._title, x) for x in t.en + t.zh)
            for v in t.en + t.zh
        )
        self._subject_tokens = frozenset(tokenize(" ".join(self._subject)))
        # the review's disease by every name (MM, 多发性骨髓瘤, RRMM): "the cancer" of its patients
        self._disease_names = tuple(
            v
            for t in (glossary.terms if glossary is not None else ())
            if t.en[0] in ("MM", "RRMM")
            for v in t.en + t.zh
        )
        # relapsed/refractory myeloma by every name: its patients are relapsed patients
        self._relapsed_names = tuple(
            normalize(v)
            for t in (glossary.terms if glossary is not None else ())
            if t.en[0] == "RRMM"
            for v in t.en + t.zh
        )
        # each country or region by every name that names it: its own, and its institutions'
        # (美国食品药品管理局, FDA name the United States; 中国临床肿瘤学会 names China)
        terms = glossary.terms if glossary is not None else ()
        self._places = {
            t.en[0]: tuple(
                dict.fromkeys(
                    normalize(v)
                    for u in terms
                    if u is t or (u.category != "place" and any(y.startswith(t.zh) for y in u.zh))
                    for v in u.en + u.zh
                )
            )
            for t in terms
            if t.category == "place"
        }
        self._idf = inverse_document_frequencies(self._sentence_tokens)
        # the umbrella term for side effects by every name (不良反应, adverse event)
        self._umbrella = tuple(v for t in terms if t.en[0] == UMBRELLA for v in t.en + t.zh)
        classes = load_classes()
        self._kin = Kinship.of(glossary, classes, strict=False) if glossary is not None else None
        # drugs given for side effects (olanzapine, loperamide): each is named in the passage
        # on the side effect it treats, and only there
        self._supportive = frozenset(
            m for c in classes if c.use == "supportive" for m in (c.name, *c.members)
        )
        self._section_texts: dict[str, str] = {}
        for p in index.doc.passages:
            self._section_texts[p.section] = (
                f"{self._section_texts.get(p.section, '')} " + normalize(p.text)
            )
        # each adverse event in particular that the review names, by every name it uses
        self._event_names = tuple(
            n
            for t in terms
            if t.category == "adverse_event" and t.en[0] not in GENERAL_EVENTS
            for n in dict.fromkeys(map(normalize, t.en + t.zh))
            if n in self._corpus
        )
        # each drug by every name, and the drugs each sentence names (by their first names)
        self._drug_names = {
            normalize(v): t.en[0] for t in terms if t.category == "drug" for v in t.en + t.zh
        }
        # ... the review's own drug among them, by first name (selinexor)
        self._subject_drugs = frozenset(self._drug_names[normalize(v)] for v in self._subject)
        self._sentence_drugs = [
            frozenset(d for v, d in self._drug_names.items() if v in text and mentions(text, v))
            for text in self._sentence_texts
        ]
        # the drugs regimens are made of (bortezomib, carfilzomib): a sentence naming one
        # names another regimen than selinexor with dexamethasone
        self._regimen_drugs = frozenset(
            d for t in terms if t.category == "regimen" for d in self._combination(t.en + t.zh)
        )
        self._figures = {p.id: figures(normalize(p.text)) for p in index.doc.passages}
        self._figure_counts = Counter(f for found in self._figures.values() for f in found)
        langs = [p.lang for p in index.doc.passages]
        self._body_lang = max(set(langs), key=langs.count)  # zh: the abstract-en is not
        self._titles = normalize(" ".join(f"{s.title} {s.title_en}" for s in index.doc.sections))
        self._proper = capitalised_names(index.doc.text)  # Chari
        # the glossary's variants the review uses, normalized, longest first
        self._present_variants = sorted(
            {v for t in terms for v in map(normalize, t.en + t.zh) if v in self._corpus},
            key=len,
            reverse=True,
        )
        self._described = _trial_descriptors(index.doc, terms, self._present_variants)
        # What each passage names: its text and its parent sections' titles (a cohort's
        # passage sits under its trial's heading, 3.2.4 under 3.2 STOMP).
        self._named = {p.id: self._naming(p, p.text) for p in index.doc.passages}
        self._own_titles = {
            p.id: normalize(f"{p.section_title} {p.section_title_en}") for p in index.doc.passages
        }
        # What each passage can be cited for: a sentence about the review itself ("现对……
        # 不良反应加以综述") is cited only for a question about the review, so the concepts it
        # names do not let the passage's other sentences answer ("主要不良反应有哪些" is not
        # answered by the abstract's approval sentence).
        self._citable = {
            p.id: self._naming(p, " ".join(s.text for s in p.sentences if not is_meta(s.text)))
            for p in index.doc.passages
        }

    def is_subject(self, term: Term) -> bool:
        """Whether the term is the review's own drug (selinexor, 塞利尼索, KPT-330)."""
        return not self._subject.isdisjoint(term.en + term.zh)

    def _naming(self, passage: Passage, text: str) -> str:
        """What a passage whose text is ``text`` names: that text, its section heading as
        indexed, and its parent sections' titles."""
        indexed = passage_index_text(replace(passage, text=text))
        return normalize(f"{indexed} {self._ancestry(passage.section)} {implied_names(text)}")

    def _singled_out(
        self, question: str, matched: Sequence[Term], absent: Sequence[str]
    ) -> list[str]:
        """Members of a class the question singles out beside their class, when the review
        names the class alone, none of its members: "Is eltrombopag the TPO receptor agonist of
        choice?" asks about eltrombopag itself, which advice on TPO receptor agonists cannot
        settle ("Is the NK-1 antagonist it names aprepitant?" is answered by the rolapitant it
        names). Not members listed with their class ("TPO receptor agonists such as
        eltrombopag or romiplostim"), which the class's advice answers."""
        if self._kin is None:
            return []
        flat = normalize(question)
        kin = self._kin
        singling = _SINGLING.search(flat) is not None

        def singled(variant: str) -> bool:
            v = re.escape(normalize(variant))
            return (
                singling
                or re.search(rf"(?:\b(?:is|was)\s+(?:it\s+)?|是不是|是){v}", flat) is not None
            )

        def memberless(term: Term) -> bool:
            """A class the review names without any of its members."""
            members = kin.members.get(term.en[0], ())
            return bool(members) and not any(self._in_review(v) for v in members)

        out = []
        for t in matched:
            parents = {normalize(v) for v in kin.classes.get(t.en[0], ())}
            named = [c for c in matched if parents & {normalize(v) for v in c.en + c.zh}]
            if (
                t.en[0] not in absent
                and named
                and all(memberless(c) for c in named)
                and not any(self._in_review(v) for v in t.en + t.zh)
                and any(singled(v) for v in t.en + t.zh)
            ):
                out.append(t.en[0])
        return out

    def missing(self, question: str, signals: Signals) -> list[str]:
        """What the question names that the review never mentions (glossary terms, codes)."""
        expansion = signals.expansion
        if expansion is None and self.glossary is not None:
            expansion = self.glossary.expand(question)
        matched = expansion.matched if expansion else ()
        # "general" words (compared, proportion) shape a question; they name no subject. A
        # class is named by its members, a supportive drug by its class (ondansetron by 5-HT3
        # antagonists).
        kin = self._kin.covering if self._kin else (lambda name: ())
        # a test reported with what it found ("化验单上白细胞低了") is how the asker knows, not
        # what is asked; "what blood tests are needed?", "is there a test for XPO-1?" ask the
        # test itself
        # ... and "想安排抽血时间" says why the peak is asked: a test is what is asked only
        # when the question asks which test, or whether one is needed
        tells = _ASKS_TEST.search(question) is None  # names a test without asking it
        # ... a drug level measured for the peak asked about ("想做个TDM测峰浓度，几个小时抽血
        # 最合适？") is why the peak is asked
        timed = tells and _TEST_FOR.search(question) is not None
        found = timed or (
            tells
            and any(t.category in ("biology", "adverse_event") for t in matched)
            and _FINDING.search(question) is not None
        )
        reported = tells and _REPORTED.search(question) is not None
        concepts = [
            t.en + t.zh + kin(t.en[0])
            for t in matched
            if t.category != "general"
            and not (found and t.en[0] in _MEANS_OF_KNOWING)
            and not (timed and t.en[0] in _LEVEL_MONITORING)
            and not (reported and t.en[0] in _REPORTING_TESTS)
        ]
        ways = [t.en + t.zh for t in matched if _a_way(t.category, t.en + t.zh)]
        spared = offered_alternatives(question, ways, self._corpus, self._in_review)
        if ROUTE.search(question) and ROUTE_STATED.search(self._corpus):
            # "is it given intravenously?" is answered by the route the review states (口服)
            spared += [c for c in ways if c[0] in ROUTE_TERMS]
        rejected = unchosen(question, concepts, mentions, self._corpus)
        spared += spared_options(question, concepts, mentions, rejected)
        # what a description of a trial says of it ("the single-arm phase 2b study") names it
        if phrases := self._described.phrases(question):
            design = [t.en + t.zh for t in matched if t.category == "design"]
            spared += [c for c in design if _only_within(question, c, phrases)]
        concepts = [c for c in concepts if c not in spared]
        if expansion is not None and (described := self._describing(expansion)):
            concepts = [c for c in concepts if c[0] not in described]
        known = [v for t in matched for v in t.en + t.zh]
        absent = [c[0] for c in concepts if not any(self._in_review(v) for v in c)]
        # "eltrombopag or romiplostim?": the review names both only through their class (TPO
        # receptor agonists), so it cannot say which
        # ... when it asks to choose; "can it be treated with eltrombopag or romiplostim?" is
        # answered by the class
        own = {t.en[0]: t.en + t.zh for t in matched if t.category != "general"}
        absent += [
            f"{a[0]} or {b[0]}"
            for a, b in alternatives(question, list(own.values()))
            if _CHOOSES.search(question)
            and a[0] != b[0]
            and not any(self._in_review(v) for v in a + b)
            and kin(a[0])
            and kin(b[0])
        ]
        absent += self._singled_out(question, matched, absent)
        if expansion is not None and (staged := self._scene_only(expansion, labelled=True)):
            # "病人本来就有糖尿病周围神经病变…综述怎么评价周围神经病变发生率？": the scene's
            # diabetes is the asker's worry, not what the review must speak of; but a disease
            # named with a question of efficacy, or as its label, is whom the question is about
            # ("病人有淀粉样变性。ORR是多少？", "AL amyloidosis: what ORR…?")
            tag, proper = label(split(question)[0])
            efficacy = any(t.category in EFFICACY for t in named_in(expansion, proper))
            kept = {
                t.en[0]
                for t in named_in(expansion, question if efficacy else tag)
                if t.category == "disease"
            }
            absent = [a for a in absent if a not in staged or a in kept]
        if expansion is not None:
            # "Our MDT is weighing XVd: …": who asks, and their weighing, are no subject
            asker = _asker_only(expansion, question)
            absent = [a for a in absent if a not in asker]
        if CLAIM.search(question) and len(absent) < len(
            [c for c in concepts if not any(mentions(self._title, v) for v in c)]
        ):
            # a claim checked against the review ("同事说周围神经病变很常见、要常规预防，是这样
            # 吗？") may add what the review never says; what it is about is still in it. Not
            # patients or diseases it never speaks of ("同事说在儿童中的ORR是26%，对吗？")
            populations = {v for t in matched if t.category == "disease" for v in t.en}
            absent = [a for a in absent if a in populations]
        unknown = (
            unknown_names(question, self._corpus, known)
            + unknown_drugs(question, self._corpus, known)
            + unknown_words(question, self._corpus, known)
            + self._unknown_doses(question)
        )
        # a trial given another's phase, design or size ("STORM那个随机对照研究")
        if not CLAIM.search(question):  # a claim checked is answered by what the review says
            unknown += self._described.misattributed(question)
        # a code only a wrong option uses ("A、CD38 B、XPO-1") is a distractor's
        distractors = spared_words(question, unknown, rejected)
        unknown = [u for u in unknown if u not in distractors]
        return list(dict.fromkeys(absent + unknown))

    def _unknown_doses(self, question: str) -> list[str]:
        """Doses the question names that the review never gives; not a claim's (a claim is
        answered by the dose the review does give), nor a wrong option's when another option's
        figures are all the review's ("(B) 2, 3 or 4 mg on days 1–21 (C) 1 mg daily")."""
        if CLAIM.search(question):
            return []
        doses = unknown_doses(question, self._corpus)
        stem, opts = options(question)
        if doses and opts and bears_a_figure(question, self._corpus):
            in_stem = set(unknown_doses(stem, self._corpus))
            doses = [d for d in doses if d in in_stem]
        return doses

    def choose(
        self, signals: Signals, hits: list[Hit]
    ) -> tuple[list[Candidate], Candidate | None, list[str]]:
        """Sentences from the best passage that speaks to what the question asks about.

        Passages are tried in rank order (at most ``fallback`` of them): when the top one never
        names the endpoint or adverse event asked about, the next one may. Passages that never
        name the trial asked about (one the review gives a section to: STORM, BOSTON), or the
        adverse event or the drug given for one (便秘, 奥氮平), are passed over first, however
        high they rank: they cannot answer.
        """
        cfg = self.config.for_language(signals.expansion.lang if signals.expansion else None)
        asked = self._asked(signals)  # once per question, not once per passage tried
        required = self._required(signals)
        ranked = hits  # before the filters below: a comparison may need passages they drop
        trials = self._trials(required)
        if trials:
            hits = [h for h in hits if self._names_all(h, trials)] or hits
            if (
                len(trials) == 1
                and required is not None
                and not asked.kind
                and not re.search(r"\d", required.question)
                and not self._names_a_partner(required)
                and not _WHICH_COHORT.search(required.question.lower())
            ):
                # "What was STOMP set up to find?", "STOMP里塞利尼索跟哪些药联用？": the trial's
                # own section says what the trial is, before its cohorts' sections, which name
                # it through their heading (the carfilzomib cohort is no answer for STOMP);
                # unless a cohort is what is asked ("哪个队列收的是NDMM病人？"), or a value, or
                # a figure is checked ("Did STOMP enroll 42 patients?"): its cohorts give those
                hits = sorted(
                    hits,
                    key=lambda h: (
                        not all(mentions(self._own_titles[h.passage_id], t.lower()) for t in trials)
                    ),
                )
        if signals.parts:
            # "the closing section says ___ further trials…": only the part named can say it
            hits = [h for h in hits if any(within(h.section, p) for p in signals.parts)]
        if required is not None and required.events:
            # a named adverse event (便秘, 腹泻) or drug given for one (奥氮平) is the question's
            # subject: passages that never name it are passed over before the fallback depth is
            # counted, however high dense similarity of a colloquial question ("吃这个药以后便秘")
            # ranks them
            hits = [h for h in hits if self._names_every(h, required.events)] or hits
            if _named_by_kinds_only(required) and not _asks_signs(required.question):
                # an event the review names only by its kinds (骨髓抑制, by 贫血 and 血小板减少)
                # is a side effect: the passages on side effects first, not the introduction
                # listing anaemia among the disease's signs (unless signs are asked: "骨髓抑制是
                # MM的表现吗？")
                hits = sorted(hits, key=lambda h: not self._names_every(h, [self._umbrella]))
        if required is not None and (kinetics := self._rare_kinetics(required)):
            # a pharmacokinetic measure asked about (蓄积, 半衰期) is stated in one or two
            # passages: those first, however the words around it ("twice a week", "her
            # blood") rank the trials' dosing passages
            hits = sorted(hits, key=lambda h: not self._names_every(h, kinetics))
        if required is not None:
            # a population the review's title does not name (NDMM, among its RRMM) is named in
            # few passages: those first, however dense similarity ranks the rest
            # (not one an option names: "(d) high calcium" is no population asked about)
            stem, opts = options(required.question)
            diseases = [
                v
                for c, v in required.concepts
                if c == "disease" and (not opts or any(mentions(normalize(stem), x) for x in v))
            ]
            # ... unless offered as one of two ("newly diagnosed or relapsed patients?")
            offered = {c for pair in alternatives(required.question, diseases) for c in pair}
            populations = [
                v
                for v in diseases
                if v not in offered
                and not any(mentions(self._title, x) for x in v)
                and self._rare(v)  # not "cancer", of which every passage speaks
            ]
            if populations and not _APPROVAL.search(required.question):
                hits = [h for h in hits if self._names_every(h, populations)] or hits
                if any(not self._subject.isdisjoint(d) for d in required.drugs):
                    # "has selinexor been tried in NDMM?": a passage treating them with it
                    # first, before one contrasting them with relapsed patients
                    subject = [tuple(self._subject)]
                    hits = sorted(hits, key=lambda h: not self._names_every(h, subject))
        if required is not None and (partners := self._partners(required)):
            # selinexor's partner in a cohort few passages name (卡非佐米, 来那度胺): the section
            # its regimen titles first, however BM25 over the expansion's many words for RRMM or
            # PFS ranks the abstract and the introduction ("the len cohort", "selinexor with
            # Kyprolis"); not the passages merely naming it (泼尼松, as a corticosteroid)
            hits = sorted(
                hits, key=lambda h: not any(self._titled_by(h, [v]) for d in partners for v in d)
            )
        if required is not None and required.aside and signals.expansion is not None:
            # "Apart from thrombocytopenia, which…": the section it titles is not the answer's
            variants = [
                v
                for t in signals.expansion.matched
                if t.en[0] in required.aside
                for v in t.en + t.zh
            ]
            hits = sorted(
                hits,
                key=lambda h: any(mentions(self._own_titles[h.passage_id], v) for v in variants),
            )
        if (
            required is not None
            and not required.events
            and any(c == "regimen" for c, _ in required.concepts)
            and MECHANISM.search(required.question.lower())
        ):
            # "What is the mechanistic basis for combining selinexor with dexamethasone?": the
            # section titled by the drug's mechanism first, before the regimen's trials, which
            # its name ranks first
            hits = sorted(hits, key=lambda h: not self._titled_by(h, ["mechanism"]))
        if required is not None and required.sizes:
            # "42人那个研究": the passages of the section counting those patients first
            hits = sorted(
                hits, key=lambda h: not all(self._counts(h.section, c) for c in required.sizes)
            )
        if asked.route:
            # "塞利尼索是打针还是吃的？": the passages stating how it is given (口服) first
            hits = sorted(hits, key=lambda h: not ROUTE_STATED.search(self._citable[h.passage_id]))
        if asked.spells:
            # "what do RRMM and FDA stand for?": the passages spelling them out answer it
            spelling = {h.passage_id: len(asked.spelled(self._named[h.passage_id])) for h in hits}
            hits = (
                sorted(
                    (h for h in hits if spelling[h.passage_id]),
                    key=lambda h: -spelling[h.passage_id],
                )
                or hits
            )
        if asked.identifies:
            # "what is selinexor?": the passages saying what it is ("塞利尼索是一种…") first, an
            # abstract's before the body's: its opening says it whole (oral, what it inhibits)
            saying = sorted(
                (h for h in hits if self._identifies(h, asked)),
                key=lambda h: not h.section.startswith("abstract"),
            )
            hits = saying + [h for h in hits if h not in saying]
        ranking = self._ranking(signals, ranked, asked, required, cfg) if required else None
        if ranking is not None:
            return ranking  # each group's figure, never the first passage's as "the highest"
        listing = self._listing(signals, ranked, asked, required) if required else None
        if listing is not None:
            return listing  # each group that has what is asked, not the first passage's alone
        first_gaps: list[str] | None = None
        for start in range(0, min(cfg.fallback, len(hits)), cfg.passages):
            candidates = self._candidates(signals, hits[start : start + cfg.passages], asked)
            chosen = self._each_part(candidates, choose_sentences(candidates, cfg), asked)
            gaps = self._uncovered(required, chosen, asked)
            if chosen and not gaps:
                gaps = self._unplaced(required, chosen, asked)
            if chosen and not gaps:
                return chosen, max(candidates, key=lambda c: c.dense), []
            first_gaps = gaps if first_gaps is None else first_gaps
        if required is not None and (across := self._across(signals, ranked, asked, required, cfg)):
            return across
        return [], None, first_gaps or []

    def _asked(self, signals: Signals) -> Asked:
        """What the question asks (``Asked.of``). A count of myeloma patients ("BOSTON纳入了多少
        例骨髓瘤病人") is a count of those enrolled: the review's title names them, and its
        sentences say "402名病人". Not so of relapsed ones: "8例NDMM病人" are newly diagnosed;
        "42名RRMM病人" have relapsed (RRMM's names count as relapsed patients' names)."""
        return self._once(signals, self._read_asked)

    def _once(self, signals: Signals, read: Callable[[Signals], _T]) -> _T:
        """What ``read`` finds in the question, read once per question: ranking, checking and
        choosing each ask it of the same signals."""
        last = self._last_read
        if last is None or last[0] is not signals:
            last = (signals, {})
            self._last_read = last
        if read.__name__ not in last[1]:
            last[1][read.__name__] = read(signals)
        return cast("_T", last[1][read.__name__])

    def _read_asked(self, signals: Signals) -> Asked:
        """``_asked``, read afresh."""
        asked = Asked.of(signals)
        if phrases := self._described.phrases(signals.question):
            # "In the global, open-label phase 2b trial of Xd, which doses…": the design words
            # name the trial; they neither ask its design nor make its aim sentence ("…是一项
            # 全球、多中心、开放标签的2b期研究") a better answer
            rest = normalize(signals.question)
            for phrase in phrases:
                rest = rest.replace(phrase, " ")
            words = " ".join(phrases)
            if signals.expansion is not None:  # and the other-language names of their terms
                kept = {t.en[0] for t in named_in(signals.expansion, rest)}
                words += " " + " ".join(
                    v
                    for p in phrases
                    for t in named_in(signals.expansion, p)
                    if t.en[0] not in kept
                    for v in t.en + t.zh
                )
            naming = set(tokenize(words)) - set(tokenize(rest))
            asked = replace(
                asked,
                # "What was the aim of the phase 3 trial?" still asks it
                design=asked.design and DESIGN.search(rest) is not None,
                tokens=asked.tokens - naming,
                concepts=[g - naming for g in asked.concepts if g - naming],
            )
        if asked.kind != "count":
            return asked
        own = [
            m + self._relapsed_names if any(v.startswith(("relapsed", "复发")) for v in m) else m
            for m in asked.measures
            if not any(mentions(self._title, v) for v in m) or any(_RELAPSED.search(v) for v in m)
        ]
        return asked if own == asked.measures else replace(asked, measures=own)

    def _asked_places(self, asked: Asked) -> list[tuple[str, tuple[str, ...]]]:
        """The countries or regions the question asks about (``Asked.places``), each with all
        the names that name it."""
        return [(name, self._places[name]) for name in asked.places]

    def _unplaced(
        self, required: _Required | None, chosen: list[Candidate], asked: Asked
    ) -> list[str]:
        """The places asked about that the chosen sentences never name: "Myeloma incidence in
        the US?" is not answered by China's incidence."""
        places = self._asked_places(asked)
        if not places:
            return []
        cited = " ".join(self._sentence_texts[c.sentence_index] for c in chosen)
        out = [name for name, names in places if not any(mentions(cited, v) for v in names)]
        if out or required is None:
            return out
        # what is asked of that place must be in the passage too: "塞利尼索在中国上市了吗？" is
        # not answered by the two Chinese case reports, which never speak of approval (a
        # trial's design or a regulator's step; other words of the question were too brittle
        # to check: 放弃继续治疗 is a discontinuation)
        passages = {self._sentences[c.sentence_index].passage_id for c in chosen}
        evidence = " ".join(self._citable[p] for p in passages)
        return [
            v[0]
            for c, v in required.concepts
            if c == "design" and not any(mentions(evidence, x) for x in v)
        ]

    def quoting(self, question: str, hits: list[Hit]) -> list[Hit] | None:
        """The hits with those stating the figures the question quotes first, or None when it
        quotes none that sets a passage apart.

        "Which cohort reported an ORR of 86%?" or "which comparison had P = 0.0012?" is about
        the passage stating that figure, however little else of it the question words (dev:
        R@1 of English questions 0.689 -> 0.728). A figure stated in more than two passages
        (20 mg, 28 d) sets none apart.
        """
        if CLAIM.search(question):
            return None  # a claim's figure may be wrong: "PFS只有3.7个月，是这样吗？" (9.0)
        quoted = figures(normalize(question))
        telling = {f for f in quoted if 0 < self._figure_counts[f] <= 2}
        if not any(telling & self._figures[h.passage_id] for h in hits):
            return None
        order = sorted(hits, key=lambda h: -len(telling & self._figures[h.passage_id]))
        return [replace(h, rank=i) for i, h in enumerate(order, start=1)]

    def body_first(self, signals: Signals, hits: list[Hit], depth: int = 3) -> list[Hit]:
        """Hits where a passage in the question's own language (the English abstract, for an
        English question) ranked first gives way to the one of the next ``depth - 1`` whose
        best sentence covers as many of the question's concepts.

        Sharing the question's language lifts the abstract's broad sentences above the body's
        specific ones; coverage of glossary concepts does not depend on language (dev, English
        questions: R@1 0.747 -> 0.783, facts 0.905 -> 0.911).
        """
        if len(hits) < 2 or hits[0].lang == self._body_lang:
            return hits  # first is in the body's language: nothing lifted it
        asked = self._asked(signals)
        coverage = [  # each passage scored once
            max((c.lexical for c in self._candidates(signals, [h], asked)), default=0.0)
            for h in hits[:depth]
        ]
        best = max(range(1, len(coverage)), key=coverage.__getitem__)  # the first of equals
        if coverage[best] == 0 or coverage[best] < coverage[0]:
            return hits
        order = [hits[best], *hits[:best], *hits[best + 1 :]]
        return [replace(h, rank=i) for i, h in enumerate(order, start=1)]

    def reranked(self, signals: Signals, hits: list[Hit]) -> list[Hit]:
        """The first ``rerank`` hits reordered by the score of their best sentence.

        Fused ranks of the top passages are often near ties (RRF gives each of the first four
        about 0.032 when BM25 and e5 disagree), and the passage holding the one sentence
        closest to the question is the better first try (dev, Chinese questions: R@1 0.815
        -> 0.902, facts 0.920 -> 0.960; English questions: R@1 0.818 -> 0.890, facts 0.904 ->
        0.922). The languages it is used for are ``AnswerConfig.rerank_languages``; for others,
        ``body_first``.
        """
        n = self.config.rerank
        if n < 2 or len(hits) < 2:
            return hits
        asked = self._asked(signals)
        prior = self.config.rank_weight
        trials = self._trials(self._required(signals))

        def best(hit: Hit) -> float:
            if not self._names_all(hit, trials):
                return float("-inf")  # never before a passage of the trial asked about
            cands = self._candidates(signals, [hit], asked)
            if any(c.fits for c in cands):  # as choose_sentences: a value asked, a value given
                cands = [c for c in cands if c.fits]
            return max((c.score - prior / hit.rank for c in cands), default=float("-inf"))

        # a passage of the section titled by the trial asked about before one merely naming
        # it: the summary's "STORM、STOMP、BOSTON等试验结果显示…" is close to any question on
        # them, in English most of all
        titled = {h.passage_id: self._titled_by(h, trials) for h in hits[:n]}
        top = sorted(hits[:n], key=lambda h: (titled[h.passage_id], best(h)), reverse=True)
        return [replace(h, rank=i) for i, h in enumerate(top, start=1)] + hits[n:]

    def _required(self, signals: Signals) -> _Required | None:
        """What a cited passage must name for this question: its specific concepts, the drugs
        asked about (as regimens, unless the review's subject), and its names (STOMP, XVd)."""
        return self._once(signals, self._read_required)

    def _read_required(self, signals: Signals) -> _Required | None:
        """``_required``, read afresh."""
        if signals.expansion is None:
            return None
        matched = signals.expansion.matched
        # "a side effect such as numbness" names the event: the umbrella term need not appear
        named_event = any(t.category == "adverse_event" and t.en[0] != UMBRELLA for t in matched)
        kin = self._kin.covering if self._kin else (lambda name: ())
        question = signals.expansion.question
        proper_part, scene_part = split(question)
        staged = self._scene_only(signals.expansion)
        if staged is None:
            # the scene is part of what is asked, but not the patient's history ("来那度胺、
            # 硼替佐米都用过了", "progressed on bortezomib"): its drugs and events say who the
            # patient is, not what is asked
            proper = {t.en[0] for t in named_in(signals.expansion, proper_part)}
            proper_part = question
            staged = {
                t.en[0]
                for clause in _HISTORY_CLAUSE.findall(scene_part)
                for t in named_in(signals.expansion, clause)
            } - proper
        # "护士随访：…", "Pharmacist on a ward round: …": the asker and the occasion (a
        # follow-up call), not what the passage must speak of
        staged = staged | _asker_only(signals.expansion, question)
        # what only describes the patient or is set aside is no concept at all ("Besides
        # aspirin, …" needs no passage naming aspirin)
        aside = self._describing(signals.expansion)
        relief = [normalize(m.group()) for m in _RELIEF.finditer(question)]
        if any(t.category == "adverse_event" for t in matched):
            # "累、没劲，有哪些办法可以缓解？": a way to relieve a symptom
            relief += [normalize(m.group()) for m in _RELIEVED_BY.finditer(question)]
        if relief:
            # "乏力一直缓解不了" is a symptom not relieved, no response to treatment
            aside = aside | {
                t.en[0]
                for t in matched
                if t.category == "response" and _only_within(question, t.en + t.zh, relief)
            }
        if _ASKS_TEST.search(question) is None and _TEST_FOR.search(question) is not None:
            aside = aside | _LEVEL_MONITORING  # the level measured is why the peak is asked
        staged = staged | aside
        terms = [
            t for t in matched if not (named_event and t.en[0] == UMBRELLA) and t.en[0] not in aside
        ]
        concepts = self._with_regimens([(t.category, t.en + t.zh + kin(t.en[0])) for t in terms])
        if _THE_CANCER.search(question):
            # "had the cancer shrink": the patients' myeloma, named as the review names it
            concepts = [(c, v + self._disease_names if v[0] in _CANCER else v) for c, v in concepts]
        # each concept's first variant is its term's first English one (a drug's regimen too)
        asked = [(category, v) for category, v in concepts if v[0] not in staged]
        # names the review uses, which the passage must use too: trials and acronyms (STOMP,
        # XVd) and proper names (Chari, whose series is one passage's)
        known = [v for t in matched for v in t.en + t.zh]
        names = [
            n
            for n in NAME.findall(proper_part) + proper_names(proper_part, self._proper, known)
            if mentions(self._corpus, n)
        ]
        # a trial named by what only it is ("the randomized phase 3 study", "那项纳入122人的2b期
        # 研究") is named as surely as by its name
        names += [n for n in self._described.described(question) if n not in names]
        if scene_part and _REFERS_BACK.search(proper_part):
            # "The XKd cohort reported an OS of 22.4 months. What was the median follow-up
            # behind that figure?": a question pointing back at the scene, naming no trial or
            # regimen of its own, asks of the scene's
            measured = measured_names(matched)
            own_drugs = [v for c, v in asked if c == "drug"]
            if not [n for n in names if n.lower() not in measured] and not any(
                c == "regimen" and v not in own_drugs for c, v in asked
            ):
                names += [
                    n
                    for n in NAME.findall(scene_part)
                    + proper_names(scene_part, self._proper, known)
                    if mentions(self._corpus, n) and n.lower() not in measured and n not in names
                ]
                # named regimens (XKd, 塞利尼索+卡非佐米), not descriptions filed with them
                # (salvage therapy, heavily pretreated, second-line)
                asked += [
                    (c, v)
                    for c, v in concepts
                    if c == "regimen"
                    and (c, v) not in asked
                    and any(_NAMED_REGIMEN.search(x) for x in v)
                ]
        drugs = [variants for category, variants in concepts if category == "drug"]
        subjects = [
            variants
            for category, variants in concepts
            if category != "general" and not any(mentions(self._title, v) for v in variants)
        ]
        # A term the review names only through its relatives (hemoglobin through 贫血, a
        # subgroup through 非难治组) is in the review by them alone: a passage citing none of
        # them speaks of something else.
        relatives = [
            t.en + t.zh + related
            for t in matched
            if t.en[0] not in staged
            and t.category not in {"dosing", "general"}  # ways of giving a drug, not subjects
            and (related := kin(t.en[0]))
            and not any(mentions(self._corpus, v) for v in t.en + t.zh)
        ]
        events = [
            variants
            for category, variants in asked
            if (category == "adverse_event" and variants[0] not in GENERAL_EVENTS)
            or (category == "drug" and variants[0] in self._supportive)
        ]
        return _Required(
            asked,
            names,
            drugs,
            subjects,
            relatives,
            events,
            question,
            frozenset(aside),
            tuple(self._described.sizes(question)),
        )

    def _describing(self, expansion: Expansion) -> set[str]:
        """Terms (first English names) the question names only in describing its patient by
        age and sex ("68岁男性，STORM的ORR是多少？") or in what it sets aside ("Apart from
        thrombocytopenia, which…"): neither a passage nor the review need name them, and the
        section they title is not the answer's. "STORM里男性病人的ORR" still asks of men."""
        rest = without_aside(expansion.question)
        named = {t.en[0] for t in named_in(expansion, expansion.question)}
        aside = named - {t.en[0] for t in named_in(expansion, rest)}
        if any(
            t.category == "adverse_event" and t.en[0] not in GENERAL_EVENTS
            for t in expansion.matched
        ):
            # "我爸在吃塞利尼索加地塞米松，最近老说没劲儿…有啥办法？": the regimen is the
            # patient's; what the review says of the event holds for every selinexor regimen
            clauses = treatment_clauses(rest)
            outside = rest
            for clause in clauses:
                outside = outside.replace(clause, " ")
            kept = {t.en[0] for t in named_in(expansion, outside)}
            for clause in clauses:
                terms = named_in(expansion, clause)
                if self._names_subject(terms):
                    aside |= {
                        t.en[0]
                        for t in terms
                        if t.category in ("regimen", "drug") and t.en[0] not in kept
                    }
        return aside

    def _names_subject(self, terms: Sequence[Term]) -> bool:
        """Whether the terms name the review's drug, alone or in a regimen (Xd, XVd): a patient
        on lenalidomide alone is no patient of the review's."""
        return any(
            mentions(normalize(v), s)
            for t in terms
            if t.category in ("regimen", "drug")
            for v in t.en + t.zh
            for s in self._subject
        )

    def _scene_only(self, expansion: Expansion, labelled: bool = False) -> set[str] | None:
        """Terms (first English names) that only the question's scene names, when the question
        proper stands on its own; None when it does not.

        A scene ("a patient on XVd has gum bleeding.", "Evidence appraisal for a guideline
        panel: …") says why the question is asked. The question proper stands on its own when
        it names a subject of its own ("which antiemetics for severe vomiting?") and does not
        point back to the scene ("…has grade 1 nausea. Are steroids among the options to
        relieve it?": the scene says what "it" is). With ``labelled``, a leading label is
        scene too: it names the asker ("Pharmacist:") or the topic ("STOMP XVd cohort:"), so
        only what the review never names is spared by it, never what a passage must name.
        """
        proper_part, scene_part = split(expansion.question)
        tag, proper_part = label(proper_part) if labelled else ("", proper_part)
        proper = named_in(expansion, proper_part)
        # "这个药" asked to be approved is the review's drug when the scene names no other
        # ("医生建议换成塞利尼索加地塞米松。这个药是哪一天批准的？"); of other questions it may be
        # the scene's regimen ("My dad is on XVd. What's the ORR of this drug?")
        approval = _APPROVAL.search(proper_part) is not None and not any(
            t.category in ("drug", "regimen")
            and not self.is_subject(t)
            and self._subject.isdisjoint(self._combination(t.en + t.zh))
            and t.en[0] not in _GENERIC_REGIMENS
            for t in named_in(expansion, scene_part)
        )
        if _points_back(proper_part, proper, self._title, approval) or not (
            any(
                t.category in SUBJECTS and not any(mentions(self._title, v) for v in t.en + t.zh)
                for t in proper
            )
            # "这个药是哪一天在美国批准的？": the drug's approval is the review's drug's own
            or approval
        ):
            return None
        scene = named_in(expansion, f"{scene_part} {tag}")
        return {t.en[0] for t in scene} - {t.en[0] for t in proper}

    def _with_regimens(
        self, concepts: list[tuple[str, tuple[str, ...]]]
    ) -> list[tuple[str, tuple[str, ...]]]:
        """The concepts, and each drug again as a regimen: a drug asked about must be in the
        cited passage, unless it is the review's subject (selinexor is in every passage's
        context, if not in its words)."""
        return concepts + [
            ("regimen", variants)
            for category, variants in concepts
            if category == "drug" and not any(mentions(self._title, v) for v in variants)
        ]

    def _uncovered(
        self,
        required: _Required | None,
        chosen: list[Candidate],
        asked: Asked,
        across: bool = False,
    ) -> list[str]:
        """Endpoints, adverse events and PK measures asked about that the cited passage lacks.

        ``across``: the sentences come from one passage per trial compared, so the comparison
        asked for is the reader's to draw from their figures, not a sentence's to state.
        """
        if required is None or not chosen:
            return []
        passages = {self._sentences[c.sentence_index].passage_id for c in chosen}
        named = self._named if asked.about_review else self._citable
        evidence = " ".join(named[p] for p in passages)
        spared: list[tuple[str, ...]] = []
        if asked.claim:
            # a claim to check names what it claims ("approved with bortezomib"): the passage on
            # the trial or drug it is about answers it by what it does say
            gaps = uncovered([], evidence, self._unnamed(required, evidence), [])
        else:
            # "单药用还是和别的药搭配？" is answered by the passage naming one of the two
            # a drug is also among the concepts as its regimen, and is no way either
            ways = [v for c, v in required.concepts if _a_way(c, v) and v not in required.drugs]
            spared = offered_alternatives(required.question, ways, evidence)
            if asked.route:  # the route given is the answer, whichever the question offers
                spared += [v for _, v in required.concepts if v[0] in ROUTE_TERMS]
            values = [v for _, v in required.concepts]
            rejected = unchosen(required.question, values, mentions, evidence)
            spared += spared_options(required.question, values, mentions, rejected)
            concepts = [(c, v) for c, v in required.concepts if v not in spared]
            # "Is STOMP registered as NCT02343042 or as NCT03110562?": the one it gives answers
            answered = {
                name
                for pair in alternatives(required.question, [(n,) for n in required.names])
                if any(mentions(evidence, c[0]) for c in pair)
                for (name,) in pair
            }
            unnamed = [n for n in self._unnamed(required, evidence) if n not in answered]
            gaps = uncovered(concepts, evidence, unnamed, required.drugs)
            gaps += self._comparators_unnamed(required.question, concepts, evidence, gaps)
            if _ENDPOINTS in gaps and any(
                AIM.search(self._sentences[c.sentence_index].text) for c in chosen
            ):
                # "what are its stated endpoints?" is answered by what the trial set out to
                # evaluate ("旨在评估…最大耐受剂量、安全性和有效性"), in no word for endpoint
                gaps.remove(_ENDPOINTS)
            if (
                any(g in _ANY_EVENT for g in gaps)
                and _WHICH_EVENT.search(required.question)
                and not any(d[0] in self._supportive for d in required.drugs)
                and self._names_an_event(
                    normalize(" ".join(self._sentences[c.sentence_index].text for c in chosen))
                )
            ):
                # "what toxicity made it intolerable?" is answered by the event a cited sentence
                # names (周围神经病变难以耐受), whether or not it says "toxicity"; not "what side
                # effects does methylphenidate have?" by the fatigue it is given for
                gaps = [g for g in gaps if g not in _ANY_EVENT]
            # what only some passages name by what they state (dose levels, by the doses they
            # list): the cited one must ("which other dose levels were tried?" is not answered
            # by a passage giving one dose)
            gaps += [
                v[0]
                for _, v in concepts
                if v[0] in IMPLIED_TERMS
                and v[0] not in gaps
                and not any(mentions(evidence, x) for x in v)
            ]
            # one regimen asked about, not two set against each other ("XKd or XPd: which
            # caused more?"); a doublet or triplet names no drugs of its own
            named_regimens = {
                self._combination(v)
                for c, v in concepts
                if c == "regimen" and v[0] not in _GENERIC_REGIMENS and self._combination(v)
            }
            alone = not asked.compares and len(named_regimens) < 2
            # "which qualities do selinexor doublets and triplets share?" asks of them all
            generic = any(v[0] in _GENERIC_REGIMENS for c, v in concepts if c == "regimen")
            combined = {
                v[0]
                for c, v in concepts
                if c == "regimen"
                and v[0] in gaps
                and (
                    self._combined_in(v, passages)
                    # not two compared ("XKd or XVd: which has more?")
                    or (alone and self._of_every_regimen(v, passages, generic))
                )
            }
            gaps = [g for g in gaps if g not in combined]
            # a distractor the review names only through its relatives (anti-CD38 antibodies,
            # by daratumumab) is spared like any other
            distractors = {v[0] for v in spared}
            gaps += [
                r[0]
                for r in required.relatives
                if r[0] not in distractors and not any(mentions(evidence, v) for v in r)
            ]
        # a route offered ("打针还是吃的？") is no subject either: the route stated answers it
        subjects = [s for s in required.subjects if s not in spared or not asked.route]
        if asked.kind == "dose":
            # "What dose of selinexor was used in BOSTON?": the dose stated is what is asked
            # for (checked below), whether or not the passage says "dose"
            dosing = [v for c, v in required.concepts if c == "dosing"]
            subjects = [s for s in subjects if s not in dosing]
        if (
            subjects
            and not any(mentions(evidence, v) for s in subjects for v in s)
            and not any(self._combined_in(s, passages) for s in subjects)
        ):
            # a passage naming nothing the question is about (sodium, a transplant) does not
            # answer it, however close its wording: the English abstract's background sentence
            # is not an answer to "his sodium is low, must he stop?"
            gaps += [s[0] for s in subjects]
        if not gaps and not across:
            gaps += self._other_cohorts(required, passages)
        if not gaps and not across and required.sizes:
            # "42人那个研究的RP2D": a cohort described by its size is the one counting it, in
            # its section ("Vd（n=207）" is a passage before its OS): not 42 mg or 42%
            sections = {c.section for c in chosen}
            gaps += [
                f"{c} patients"
                for c in required.sizes
                if not any(self._counts(section, c) for section in sections)
            ]
        cited = normalize(" ".join(self._sentences[c.sentence_index].text for c in chosen))
        if not gaps:
            gaps += self._kinetics_of_another(required, cited)
        if not gaps and bears_a_figure(required.question, evidence) is False:
            gaps.append("any option's figure")  # "A. 2.1 y B. 3.8 y": none is the passage's
        if asked.about_group and not gaps and not asked.about_group[1].search(evidence):
            gaps.append(asked.about_group[0])  # "did high-risk patients benefit from XPd?"
        if not gaps and self._of_newly_diagnosed(required.question, cited):
            gaps.append("relapsed patients")  # "XRd队列复发病人的PFS": its 8 were NDMM
        if asked.mechanism and required.events and not gaps and not ATTRIBUTES.search(cited):
            # "why does it cause low sodium?" of a sentence on managing it: the review ties some
            # adverse events to a cause (乏力 "可能与药物本身有关"), not this one
            gaps.append("a cause")
        if (
            not required.events
            and not gaps
            and MECHANISM.search(options(required.question)[0].lower())  # not an option's
            and not ACTS.search(cited)
        ):
            gaps.append("a mechanism")  # "how does its mechanism differ?" of a trial's results
        if asked.why_finding and not gaps and not (CAUSE.search(cited) or ATTRIBUTES.search(cited)):
            gaps.append("a reason")  # "why was it chosen?" of the sentence reporting the choice
        if (
            asked.why
            and not required.events
            and not gaps
            and not _GROUNDS_ASKED.search(required.question.lower())
            and not any(p.search(cited) for p in (CAUSE, ATTRIBUTES, ACTS, BENEFITS, AIM))
        ):
            # "why do patients relapse?" of "most patients eventually relapse": a reason is a
            # cause, a mechanism or what a choice gains ("三联疗法…可以提高其PFS和OS")
            gaps.append("a reason")
        if (
            asked.compares
            and not across
            and not gaps
            and not COMPARES.search(cited)
            and not _each_valued(asked, cited)
        ):
            gaps.append("a comparison")  # "which schedule did better?" of a dosing sentence
        if asked.route and not gaps and not self._states_route(required, chosen):
            gaps.append("the route asked for")  # "STORM dex 20 mg, PO or IV?" of its doses
        if asked.defines and not gaps and not asked.defined(cited):
            gaps.append("a definition")  # "how does it define CBR?" of "CBR达71%"
        if asked.calculate:
            return gaps  # the figures it is worked out from are the answer
        if (
            asked.kind == "dose"
            and not gaps
            and all(not self._subject.isdisjoint(d) for d in required.drugs)
            and not _WHICH_DRUG.search(required.question.lower())
            and not required.events  # "What's the dose for fatigue?": its remedy's
            and self._subject
            and not any(mentions(cited, v) for v in self._subject)
        ):
            # "What is the usual dose?" asks the review's drug's: methylphenidate's 10 mg a
            # day is no answer
            gaps.append("the dose asked for")
        if asked.kind and not gaps and lacks_value(cited, asked.kind, asked.measures):
            gaps.append(f"the {asked.kind} asked for")
        elif (
            asked.group
            and not gaps
            and not asked.for_group(cited)
            and not self._whole_cohort(asked, passages)
        ):
            gaps.append(f"the {asked.kind} for {asked.group[0]}")
        elif not gaps and not asked.for_whole(self._lead(chosen[0]) + cited):
            gaps.append(f"the {asked.kind} for the whole trial")  # not one cohort's
        elif not gaps and not asked.for_everyone(cited):
            gaps.append(f"the {asked.kind} for all the patients")  # not one group's
        if not gaps:
            # a question in parts asks each part's value of its own measure ("BOSTON总共入组
            # 多少人？XVd组的中位PFS具体是多少个月？"): the enrolment sentence answers the first
            gaps += [
                f"the {k} asked for"
                for k, named in asked.others
                if k in MEASURED_KINDS and named and lacks_value(cited, k, named)
            ][:1]
        if not gaps:
            gaps += self._of_treated(required, cited, asked)
        if (
            not gaps
            and asked.kind in MEASURED_KINDS
            and not asked.measures
            and not self._names_own_term(required, cited, passages)
        ):
            gaps.append(f"the {asked.kind} asked for")
        if not gaps and asked.kind is None and not self._states_amount(required, cited):
            gaps.append("the figure in the question")
        if not gaps and (statistic := lacks_statistic(required.question.lower(), cited)):
            gaps.append(f"the {statistic}")
        return gaps

    @staticmethod
    def _of_newly_diagnosed(question: str, cited: str) -> bool:
        """Whether the cited text is about newly diagnosed patients only, when the question asks
        about relapsed or refractory ones (and offers no newly diagnosed ones as well): "What
        was the median PFS for relapsed patients in the lenalidomide cohort?" of its 8 NDMM."""
        if _NEWLY_DIAGNOSED.search(cited) is None or _RELAPSED_TEXT.search(cited) is not None:
            return False
        # a value asked of relapsed patients in one sentence ("复发病人的PFS是多少？"), not
        # whether the cohort enrolled any ("XRd队列纳入的是复发难治病人吗？") nor a patient's
        # story ("我爸复发了，能用XRd吗？")
        return any(
            asked_kind(part.lower()) is not None
            and _RELAPSED_TEXT.search(part) is not None
            and _NEWLY_DIAGNOSED.search(part) is None
            and _YES_NO.search(part) is None
            for part in sentences(asking(question))
        )

    @staticmethod
    def _states_amount(required: _Required, cited: str) -> bool:
        """Whether the cited text gives a figure for the endpoint a yes/no question puts an
        amount on, if it puts one ("XVd组的中位PFS比Vd组长了4个多月，对吗？", "Did XVd roughly
        double median PFS?"): "中位PFS…均高于Vd组" confirms no amount."""
        question = options(required.question)[0].lower()  # not an option's "约50%"
        if not AMOUNT.search(question) or figures(normalize(question)) & figures(cited):
            return True  # none put, or the figure is the passage's ("这个9.0个月真的是OS吗？")
        if _SHARE.search(question) and "%" not in cited:
            return False  # "超过三成的病人需要…，对吗？": a share is confirmed by a percent
        endpoints = [v for c, v in required.concepts if c == "endpoint" and v[0] not in _BARE]
        return not endpoints or any(gives_value_of(cited, v, "number") for v in endpoints)

    @staticmethod
    def _unnamed(required: _Required, evidence: str) -> list[str]:
        """The names asked (STOMP, VGPR) the evidence does not give by another of their
        term's variants: 非常好的部分缓解 is VGPR spelled out."""
        return [
            n
            for n in required.names
            if not any(
                n.lower() in (x.lower() for x in v) and any(mentions(evidence, x) for x in v)
                for _, v in required.concepts
            )
        ]

    def _counts(self, section: str, size: str) -> bool:
        """Whether the section counts ``size`` patients ("共纳入42名", "Vd（n=207）"), not 42 mg."""
        return (
            re.search(
                rf"(?<![\d.]){size}\s*(?:例|名|人|位|patients)|n\s*=\s*{size}(?![\d.])",
                self._section_texts.get(section, ""),
            )
            is not None
        )

    def _names_an_event(self, text: str) -> bool:
        """Whether the text names an adverse event in particular (not "adverse event")."""
        return any(v in text and mentions(text, v) for v in self._event_names)

    def _combination(self, variants: tuple[str, ...]) -> frozenset[str]:
        """The drugs a regimen combines, by their first names, from its first variant whose
        every part is a drug ("塞利尼索+地塞米松": selinexor and dexamethasone); none if none."""
        for v in variants:
            parts = [self._drug_names.get(normalize(p.strip())) for p in v.split("+")]
            if len(parts) > 1 and all(parts):
                return frozenset(cast("list[str]", parts))
        return frozenset()

    def _comparators_unnamed(
        self,
        question: str,
        concepts: list[tuple[str, tuple[str, ...]]],
        evidence: str,
        gaps: list[str],
    ) -> list[str]:
        """Comparator arms (without the review's drug) asked as arms beside a regimen holding
        them, which the evidence does not name: "XVd组的中位PFS…？Vd组又是…？" asks of BOSTON's
        Vd arm, and STOMP's "给予塞利尼索、硼替佐米和地塞米松" is XVd, not it. The arm may be named
        by its drugs outside the larger regimen ("与每周给予2次硼替佐米+地塞米松的治疗方案相比",
        "泊马度胺与地塞米松的二联方案")."""
        regimens = [(v, self._combination(v)) for c, v in concepts if c == "regimen"]
        flat = normalize(question)
        out = []
        for v, drugs in regimens:
            larger = [w for w, other in regimens if drugs < other]
            if (
                v[0] in gaps
                or not drugs
                or drugs & self._subject_drugs
                or not larger
                or not _ARM_NAME.fullmatch(v[0])
                or not re.search(rf"(?<![a-z]){v[0].lower()}\s*(?:组|arm\b|group\b)", flat)
                or mentions(evidence, v[0].lower())
            ):
                continue
            rest = evidence
            for w in larger:  # the larger regimen's own mentions set aside
                for x in w:
                    if "+" in x and not x.isascii():
                        rest = worded_combination_zh(normalize(x)).sub(" ", rest)
            if not any(mentions(rest, x) for x in v if "+" in x and not x.isascii()):
                out.append(v[0])
        return out

    def _combined_in(self, variants: tuple[str, ...], passages: set[str]) -> bool:
        """Whether a sentence of the passages gives a regimen's drugs together, naming no
        other regimen's drug: "此外，塞利尼索还可以诱导糖皮质激素受体的表达，当与地塞米松联合
        使用时…" and "Selinexor … was approved … in combination with dexamethasone" name Xd;
        a sentence also naming bortezomib names XVd."""
        drugs = self._combination(variants)
        if not drugs:
            return False
        for pid in passages:
            first, last = self._sentence_offsets[pid]
            for i in range(first, last):
                named = self._sentence_drugs[i]
                if (
                    drugs <= named
                    and named & self._regimen_drugs <= drugs
                    and _COMBINED.search(self._sentence_texts[i])
                ):
                    return True
        return False

    def _of_every_regimen(
        self, variants: tuple[str, ...], passages: set[str], generic: bool = False
    ) -> bool:
        """Whether the evidence speaks of every regimen of the review's drug at once ("无论是
        塞利尼索二联或是三联疗法，最常见的不良反应为…"), and the regimen is one of them: what it
        says of all holds for Xd and for XVd. Only the sections on adverse events say so, unless
        the question asks of doublets and triplets itself (``generic``): the conclusion's
        "二联或是三联方案均具有较好的…活性" is no answer on XPd's adverse events."""
        drugs = self._combination(variants)
        return (
            bool(drugs)
            and not self._subject.isdisjoint(drugs)
            # the sections on adverse events, not the conclusion's "二联或是三联方案均具有…"
            # (unless doublets and triplets are what is asked about)
            and any(
                (generic or p.startswith("4")) and _EVERY_REGIMEN.search(self._citable[p])
                for p in passages
            )
        )

    def _other_cohorts(self, required: _Required, passages: set[str]) -> list[str]:
        """The cohorts named by their drug ("the lenalidomide cohort", "来那度胺队列") that no
        cited passage is about: the pomalidomide cohort's passage names lenalidomide (泊马度胺
        及来那度胺难治病人), and its 48 patients are not the lenalidomide cohort's 8. A passage
        is about a cohort when its section's title names the drug or its text names the
        cohort."""
        question = normalize(required.question)
        cohorts = [
            d
            for d in self._other_drugs(required)
            if any(
                re.search(rf"{re.escape(normalize(v))}\s*(?:队列|cohorts?\b)", question) for v in d
            )
        ]
        return [
            f"the {d[0]} cohort"
            for d in cohorts
            if not any(
                mentions(self._own_titles[p], v)
                or re.search(rf"{re.escape(normalize(v))}\s*(?:队列|cohort)", self._citable[p])
                for p in passages
                for v in d
            )
        ]

    def _whole_cohort(self, asked: Asked, passages: set[str]) -> bool:
        """Whether the group asked about is every patient of the cited passages: patients on one
        dose, in a trial or cohort that gave one ("STORM中用80 mg的病人ORR": all of STORM's)."""
        return (
            asked.group is not None
            and asked.group[0] == DOSE_GROUP
            and not any(_MANY_DOSES.search(self._citable[p]) for p in passages)
        )

    def _names_a_partner(self, required: _Required) -> bool:
        """Whether the question names a drug or regimen besides selinexor and dexamethasone:
        one cohort of a trial, not the trial as a whole."""
        own = self._subject_drugs | {"dexamethasone"}
        return any(
            c == "regimen" and not self._combination(v) <= own for c, v in required.concepts
        ) or any(self._drug_names.get(normalize(d[0])) not in own for d in required.drugs)

    def _other_drugs(self, required: _Required) -> list[tuple[str, ...]]:
        """The drugs the question names other than the review's own (selinexor): what a
        cohort, a kinetic measure or a route is asked of, when it is not selinexor's."""
        return [d for d in required.drugs if self._subject.isdisjoint(d)]

    def _kinetics_of_another(self, required: _Required, cited: str) -> list[str]:
        """A pharmacokinetic measure asked of another drug than the review's ("the half-life of
        dexamethasone"), which the cited sentences never state of it: the review's kinetics
        ("其终末半衰期约为6 h") are selinexor's, though its passage names dexamethasone too. A
        question naming selinexor as well asks selinexor's, unless only another drug is named
        in the sentence asking the measure ("地塞米松的半衰期是多少？跟塞利尼索一起吃…")."""
        kinetics = [v for c, v in required.concepts if c == "pk"]
        if not kinetics:
            return []
        others = self._other_drugs(required)
        if len(others) < len(required.drugs):
            named = [
                d
                for s in sentences(required.question)
                if any(mentions(normalize(s), x) for v in kinetics for x in v)
                for d in required.drugs
                if any(mentions(normalize(s), x) for x in d)
            ]
            if not named or any(not self._subject.isdisjoint(d) for d in named):
                return []
            others = [d for d in others if d in named]
        return [f"the kinetics of {d[0]}" for d in others if not any(mentions(cited, v) for v in d)]

    def _states_route(self, required: _Required, chosen: list[Candidate]) -> bool:
        """Whether a cited sentence states how the drug asked about is given: another drug's
        beside its name ("塞利尼索作为一种口服…" says selinexor is oral, not that the 地塞米松 it
        is approved with is); the review's own, when the question names no other, anywhere."""
        others = self._other_drugs(required)
        texts = [self._sentence_texts[c.sentence_index] for c in chosen]
        if not others:  # the review's own drug: its sentences speak of it ("在口服给药后…")
            return any(ROUTE_STATED.search(t) for t in texts)
        window = 8
        return any(
            ROUTE_STATED.search(text[max(0, a - window) : b + window])
            for text in texts
            for d in others
            for v in d
            for a, b in occurrences(text, v.lower())
        )

    def _names_own_term(self, required: _Required, cited: str, passages: set[str]) -> bool:
        """Whether the cited sentences name a term of the question's own: not a general word,
        not the review's subject. A trial the question describes, cited from its own
        section, is such a term ("3期随机对照那个研究一共入了多少人？" is answered by
        "共纳入402名病人" of BOSTON's section)."""
        own = [
            v
            for c, v in required.concepts
            if c != "general" and not any(mentions(self._title, x) for x in v)
        ]
        if not own or any(mentions(cited, x) for v in own for x in v):
            return True
        trials = self._described.described(required.question)  # named by description
        return all(
            self._section_titled_by(p, self.index.doc.passage(p).section, trials) for p in passages
        )

    def _each_part(
        self, candidates: list[Candidate], chosen: list[Candidate], asked: Asked
    ) -> list[Candidate]:
        """The chosen sentences, and for each further thing the question asks that none of
        them names ("which residue does it bind, and which pathway does it restrain?"), the
        best sentence of the same section naming it, up to one more than usual."""
        if len(asked.pieces) < 2 or not chosen:
            return chosen
        best, out = chosen[0], list(chosen)
        cited = " ".join(self._sentence_texts[c.sentence_index] for c in out)
        for i, terms in enumerate(asked.pieces):
            others = {t for j, piece in enumerate(asked.pieces) if j != i for t in piece}
            own = [
                t for t in terms if t not in others and not any(mentions(self._title, v) for v in t)
            ]
            if not own or any(mentions(cited, v) for t in own for v in t):
                continue
            pool = [
                c
                for c in candidates
                if c.section == best.section
                and c not in out
                and not c.aim
                and any(mentions(self._sentence_texts[c.sentence_index], v) for t in own for v in t)
            ]
            if pool and len(out) <= self.config.max_sentences:
                extra = max(pool, key=lambda c: c.score)
                out.append(extra)
                cited += " " + self._sentence_texts[extra.sentence_index]
        return sorted(out, key=lambda c: c.sentence_index)

    def _lead(self, cand: Candidate) -> str:
        """The (normalized) sentences of the candidate's passage before it: "在卡非佐米队列中，
        …" makes every figure after it the cohort's."""
        first, _ = self._sentence_offsets[self._sentences[cand.sentence_index].passage_id]
        return " ".join(self._sentence_texts[first : cand.sentence_index]) + " "

    def _of_treated(self, required: _Required, cited: str, asked: Asked) -> list[str]:
        """The outcome asked for patients given one treatment of a series split between several
        ("其中1例给予Xd，1例给予XVd，5例给予XKd，结果：…4例（57%）达VGPR以上"): unless the clause
        giving that treatment states it, the series' results are everyone's, not theirs."""
        split = split_treatments(cited)
        if not split:
            return []
        outcomes = [v for c, v in required.concepts if c in {"response", "endpoint"}]
        for category, variants in required.concepts:
            name = next((v.lower() for v in variants if v.lower() in split), None)
            if category != "regimen" or name is None:
                continue
            # the part of the question naming the treatment itself (not Xd of "Xd+PI"), and
            # what it asks of those patients besides how many they were
            own = re.compile(
                rf"(?<![a-z0-9+]){re.escape(name)}(?![a-z0-9+])(?!\s*(?:\+|plus\b|联合|加用?))"
            )
            in_full = [v for v in variants if v.lower() != name]
            clause = split[name]
            # an outcome the series' own description names ("7例CAR-T后进展病人里，Xd二联几例？":
            # they progressed after CAR-T) is no outcome asked of those given it
            described = cited[: cited.find(name)] if name in cited else ""
            for part in asked.parts:
                at = own.search(part)
                if not at and not any(mentions(normalize(part), v) for v in in_full):
                    continue
                named = [
                    o
                    for o in outcomes
                    if any(mentions(part, v) for v in o)
                    and not any(mentions(described, v) for v in o)
                ]
                kind = asked_kind(part)
                if named:
                    stated = any(mentions(clause, v) for o in named for v in o)
                else:
                    stated = kind in (None, "count") or not lacks_value(clause, kind, [])
                if not stated:
                    return [f"the outcome of the patients given {variants[0]}"]
        return []

    def _in_review(self, variant: str) -> bool:
        """Whether the review mentions the variant. One it mentions only once normalized (the
        glossary's Ⅱ期 as ii期) counts only outside a longer term of the glossary: 推荐Ⅱ期给药剂量
        names the recommended phase 2 dose, not a phase 2 study the review never reports."""
        if not mentions(self._corpus, variant):
            return False
        flat = normalize(variant)
        if flat == variant.lower():
            return True
        text = self._corpus
        for longer in self._present_variants:
            if flat in longer and longer != flat:
                text = text.replace(longer, " ")
        return mentions(text, flat)

    def _trials(self, required: _Required | None) -> list[str]:
        """The trials the question names that the review gives a section to (STORM, BOSTON)."""
        return [n for n in required.names if mentions(self._titles, n)] if required else []

    def titled_first(self, signals: Signals, hits: list[Hit], depth: int = 4) -> list[Hit]:
        """Hits with the first of the top ``depth`` whose own section's title names the adverse
        event asked about (or a procedure asked of selinexor: ``_TITLED_KINDS``) moved first.

        A section titled 血小板减少 is the review's place for thrombocytopenia; another
        section's passing mention of it ranks above it only by chance ("How are low platelets
        managed?" of 4.2's anaemia sentence). Dev: R@1 0.856 -> 0.859, facts 0.915 -> 0.916;
        moving a section titled by the regimen or trial asked about too measured worse (R@1
        0.770: "XVd" titles 3.2.1, but BOSTON's passages answer most XVd questions).
        """
        required = self._required(signals)
        if required is None or len(hits) < 2 or _asks_signs(asking(required.question)):
            return hits  # "这个病一般会有哪些表现？": anaemia as the disease's sign, not 4.2's
        of_subject = any(not self._subject.isdisjoint(d) for d in required.drugs)
        about = [
            v
            for c, v in required.concepts
            if (c == "adverse_event" and v[0] not in GENERAL_EVENTS)
            or (c in _TITLED_KINDS and of_subject)
        ]
        if not about:
            return hits
        for i, h in enumerate(hits[:depth]):
            title = self._own_titles[h.passage_id]
            if any(mentions(title, x) for v in about for x in v):
                if i == 0:
                    return hits
                order = [h, *hits[:i], *hits[i + 1 :]]
                return [replace(x, rank=r) for r, x in enumerate(order, start=1)]
        return hits

    def _partners(self, required: _Required) -> list[tuple[str, ...]]:
        """Drugs asked about as selinexor's partners in a cohort: named few places, with
        selinexor or a cohort (arm), in a question listing no options nor adverse events."""
        own = [d for d in required.drugs if not self._subject.isdisjoint(d)]
        cohort = any(v[0] in _COHORT_WORDS for c, v in required.concepts if c == "design")
        if not (own or cohort) or required.events or options(required.question)[1]:
            return []  # an adverse event asked about has its own section
        return [d for d in required.drugs if self._subject.isdisjoint(d) and self._rare(d)]

    def _rare_kinetics(self, required: _Required) -> list[tuple[str, ...]]:
        """The pharmacokinetic measures asked about that few passages name (none named by
        the question's scene alone, which ``required.concepts`` already leaves out)."""
        return [v for c, v in required.concepts if c == "pk" and self._rare(v, 2)]

    def _rare(self, variants: tuple[str, ...], most: int = 3) -> bool:
        """Whether the review names a concept in ``most`` passages or fewer."""
        return (
            sum(any(mentions(text, v) for v in variants) for text in self._citable.values()) <= most
        )

    def _identifies(self, hit: Hit, asked: Asked) -> bool:
        """Whether a sentence of the passage says what the term of a "what is X" is."""
        first, last = self._sentence_offsets[hit.passage_id]
        return any(asked.identified(self._sentence_texts[i]) for i in range(first, last))

    def _names_every(self, hit: Hit, concepts: list[tuple[str, ...]]) -> bool:
        """Whether the passage names each concept (by any of its variants)."""
        named = self._named[hit.passage_id]
        return all(any(mentions(named, v) for v in variants) for variants in concepts)

    def _titled_by(self, hit: Hit, names: list[str]) -> bool:
        """Whether the hit's section, or a section it sits under, is titled by every name."""
        return self._section_titled_by(hit.passage_id, hit.section, names)

    def _section_titled_by(self, passage_id: str, section: str, names: list[str]) -> bool:
        """Whether the passage's section, or a section it sits under, is titled by every
        name (and there is one)."""
        titles = normalize(f"{self._own_titles[passage_id]} {self._ancestry(section)}")
        return bool(names) and all(mentions(titles, n.lower()) for n in names)

    def _names_all(self, hit: Hit, names: list[str]) -> bool:
        return self._names_every(hit, [(n,) for n in names])

    def _ancestry(self, number: str) -> str:
        """Titles (both languages) of the section's parents, e.g. 3.2 for 3.2.4."""
        titles = []
        while "." in number:
            number = number.rsplit(".", 1)[0]
            with contextlib.suppress(KeyError):
                section = self.doc.section(number)
                titles.append(f"{section.title} {section.title_en}")
        return " ".join(titles)

    def _candidates(self, signals: Signals, hits: list[Hit], asked: Asked) -> list[Candidate]:
        """Every sentence of the hits, scored: e5 similarity, rare-term overlap, passage rank.

        A sentence about the review itself is left out unless the question asks about the
        review; one stating the kind of value asked for is marked ``fits``.
        """
        vector = signals.query_vector
        if vector is None:  # a BM25-only configuration still needs a vector to pick sentences
            text = self.retriever.dense_text(signals.question, signals.query_text)
            vector = self.embedder.queries([text])[0]
        if self._sentence_vectors is None:
            self._sentence_vectors = self.index.sentence_vectors()
        # The review's own drug is in every sentence's context, if not in its words: naming it
        # makes no sentence a better answer ("Does selinexor cause neuropathy?" is answered by
        # 4.6's "周围神经病变发生率极低" as much as by its sentence naming 塞利尼索). Dev: R@1
        # 0.861 -> 0.865, citation precision 0.906 -> 0.908.
        query_tokens = asked.tokens - self._subject_tokens
        concepts = [g - self._subject_tokens for g in asked.concepts]
        concepts = [g for g in concepts if g]
        cfg = self.config
        kind = asked.kind
        places = self._asked_places(asked)
        # "是哪种毒性导致的？" is answered by the sentence naming the event (周围神经病变难以耐受)
        which_event = _WHICH_EVENT.search(signals.question) is not None
        out = []
        for hit in hits:
            first, last = self._sentence_offsets[hit.passage_id]
            for i in range(first, last):
                if not asked.about_review and is_meta(self._sentences[i].text):
                    continue
                dense = float(self._sentence_vectors[i] @ vector)
                lexical = concept_overlap(concepts, self._sentence_tokens[i], self._idf)
                score = dense + cfg.lexical_weight * lexical + cfg.rank_weight / hit.rank
                kinds = asked.stated(self._sentence_texts[i])
                fits = bool(kinds) if kind else None
                score += cfg.value_weight * bool(kinds)
                # the full names asked for are given like values: "RRMM和FDA分别指什么" is
                # answered by the sentences spelling each out
                spelled = asked.spelled(self._sentence_texts[i])
                score += cfg.value_weight * bool(spelled)
                identified = asked.identified(self._sentence_texts[i])
                score += cfg.value_weight * identified
                if fits is None and asked.identifies:
                    fits = identified  # "what is X?" is answered by a sentence saying what X is
                kinds |= {f"the full name of {a}" for a in spelled}
                if asked.why and CAUSE.search(self._sentence_texts[i]):
                    score += cfg.cause_weight
                if which_event and self._names_an_event(self._sentence_texts[i]):
                    score += cfg.cause_weight
                if asked.route and ROUTE_STATED.search(self._sentence_texts[i]):
                    score += cfg.value_weight  # "是静脉给药的吗？": 在口服给药后… says how

                if places and all(
                    any(mentions(self._sentence_texts[i], v) for v in names) for _, names in places
                ):
                    score += cfg.place_weight  # 我国报道了2例… for "国内报道的两例…"
                # a trial's aim is what it is: "What is STORM?" is answered by it
                aim = (
                    not asked.design
                    and not identified
                    and AIM.search(self._sentence_texts[i]) is not None
                )
                if aim:
                    score -= cfg.aim_weight
                terms = frozenset(query_tokens & self._sentence_tokens[i])
                out.append(
                    Candidate(
                        i, hit.rank, dense, lexical, score, hit.section, fits, terms, kinds, aim
                    )
                )
        return out


#: Doses of one drug listed as alternatives ("泊马度胺采用剂量递增（2 mg、3 mg或4 mg）",
#: "60 mg/80 mg"): the passage gives the dose levels tried, though it never says 剂量水平.
_DOSE_LEVELS = re.compile(
    r"\d+(?:\.\d+)?\s*mg\s*(?:[、，,/]|或|和)\s*\d+(?:\.\d+)?\s*mg(?!\s*/\s*m)", re.IGNORECASE
)


#: A passage giving its patients several doses or schedules: "60/80 mg，2次/周或80/100 mg，1次/
#: 周", "2 mg、3 mg或4 mg", dose escalation. One that gives one dose gives it to everyone.
_MANY_DOSES = re.compile(
    r"剂量递增|dose escalation|次/周或|mg[^，。；;]{0,12}或\s*\d|\d+\s*/\s*\d+\s*mg(?!\s*/\s*m)"
    r"|\d+\s*mg\s*/\s*\d+\s*mg",
    re.IGNORECASE,
)
#: A dose lowered or adjusted: "从第5个疗程起改为10 mg", "调整剂量来控制", "无须调整剂量".
_DOSE_CHANGED = re.compile(r"调整剂量|剂量调整|改为\s*\d")
#: A recommended phase 2 dose (as normalized: 推荐Ⅱ期 is 推荐ii期).
_RP2D = re.compile(r"rp2d|推荐\s*(?:ii|2)\s*期", re.IGNORECASE)
#: The glossary terms (by first English variant) that ``implied_names`` can supply.
IMPLIED_TERMS = frozenset({"dose level", "dose reduction", "dose adjustment", "recommended dose"})


def implied_names(text: str) -> str:
    """What a passage names by what it states rather than by a word: dose levels, by the
    doses it lists for one drug. Matched like its words ("which dose levels of pomalidomide
    were tried?" is answered by "2 mg、3 mg或4 mg"); dose reductions by a dose changed or
    adjusted; a recommended dose by a cohort's recommended phase 2 dose."""
    text = normalize(text)
    levels = "剂量水平" if _DOSE_LEVELS.search(text) else ""
    # "要不要减量？", "does it need a dose adjustment?" are answered by a passage changing or
    # adjusting the dose, as by one saying 减量; a passage naming no change of dose cannot
    changed = " 减量 剂量调整" if _DOSE_CHANGED.search(text) else ""
    # "最后推荐的剂量" is a cohort's recommended phase 2 dose, where it has one
    recommended = " 推荐剂量" if _RP2D.search(text) else ""
    return f"{levels}{changed}{recommended}"


#: A question asking which cohort or arm: one cohort's section answers it.
_WHICH_COHORT = re.compile(
    r"哪(?:个|一个|些|几个|一)?(?:队列|组)|\b(?:which|what) (?:\w+ )?(?:cohorts?|arms?)\b"
)


@dataclass(frozen=True)
class _Required:
    """What any passage cited for a question must name (read from the question once)."""

    concepts: list[tuple[str, tuple[str, ...]]]  # (category, variants), not the scene's
    names: list[str]
    drugs: list[tuple[str, ...]]
    subjects: list[tuple[str, ...]]  # what it is about, beyond the review's own subject
    relatives: list[tuple[str, ...]]  # terms the review names only by their relatives
    events: list[tuple[str, ...]]  # named adverse events, and drugs given for them
    question: str = ""  # as asked: the alternatives it offers ("单药还是联用") are read from it
    aside: frozenset[str] = frozenset()  # terms it only describes or sets aside (_describing)
    sizes: tuple[str, ...] = ()  # counts of patients describing a cohort ("42人那个研究")


#: Demonstratives that point back with a noun of their own ("这种血小板减少", "this nausea").
_DEMONSTRATIVE = re.compile(r"这种|这个|这些|\bthis\b|\bthese\b")
#: What follows a demonstrative naming a drug and nothing more ("这个药", "this medicine").
_THE_DRUG = re.compile(r"\s*(?:药物?|口服药|新药|drug|medicine|medication|pill|tablet)")
#: A regimen's acronym (Vd, Kd, Pd), by which trials name their arms ("Vd组").
_ARM_NAME = re.compile(r"[A-Za-z]{1,4}d")

#: Words singling out one of a class: "the TPO receptor agonist of choice", "首选哪种".
_SINGLING = re.compile(r"\bof choice\b|\bpreferred\b|\bspecific(?:ally)?\b|首选|具体|指的是")

#: Regimens by their number of drugs only (doublet, 三联): no drug of their own.
_GENERIC_REGIMENS = frozenset({"doublet", "triplet", "quadruplet"})


def _points_back(
    part: str, named: Sequence[Term], title: str, drug_is_subject: bool = False
) -> bool:
    """Whether the part points back at an earlier sentence for something it does not name:
    "relieve it" does; "综述里说这种血小板减少可以用哪些办法控制？" names what 这种 points at
    (an adverse event, an endpoint: a subject of its own, not "this drug", which is the
    review's). With ``drug_is_subject`` (the scene names no other drug), "这个药" and "this
    drug" point at the review's drug, which needs no scene to say it."""
    text = normalize(part)
    own = [
        normalize(v)
        for t in named
        if t.category in SUBJECTS and not any(mentions(title, x) for x in t.en + t.zh)
        for v in t.en + t.zh
    ]

    def names_own(m: re.Match[str]) -> bool:
        if _DEMONSTRATIVE.fullmatch(m.group(0)) is None:
            return False
        if drug_is_subject and _THE_DRUG.match(text, m.end()):
            return True
        return any(text.startswith(v, m.end()) or text.startswith(v, m.end() + 1) for v in own)

    return any(not names_own(m) for m in BACK_REFERENCE.finditer(text))


#: A "why" asking the grounds of a judgement ("为什么说塞利尼索有前景？", "Why is it considered
#: promising?"), which the judgement's own sentence gives ("…具有较好的抗骨髓瘤活性").
_GROUNDS_ASKED = re.compile(
    r"为什么说|为何说|为什么认为|为什么[^，,。？?]{0,12}(?:前景|耐受性)"
    r"|\bwhy (?:is|are|was|were) (?:it|they|selinexor|this|the \w+) "
    r"(?:\w+ )?(?:said|considered|called|described|seen|regarded|thought)\b"
)
#: An amount a question puts on an endpoint: a figure with its unit, or a multiple.
#: N成 as a share of patients: after 超过/约/不到…, or before 的病人.
_TENTHS = (
    r"(?:超过|约|大约|不到|将近|近|达到?|只有|仅)[一二三四五六七八九两]成"
    r"|[一二三四五六七八九两]成(?:的|以上的|左右的)?(?:病人|患者)"
)
AMOUNT = re.compile(
    rf"\d+(?:\.\d+)?\s*(?:个多?月|%|months?\b|weeks?\b|倍)|{_TENTHS}|翻倍|翻了一?番|(?:一|两|三)倍"
    r"|\b(?:doubled|doubling|tripled|tripling|halved|halving)\b"
    r"|\b(?:double|triple|halve)\s+(?:the|its|their|median)\b|减半"
)
#: A share of patients a claim puts ("超过三成", "over 30%", "half of them"); not 八成 as
#: "probably" ("八成是药物引起的") nor a change ("高了三成").
_SHARE = re.compile(
    rf"\d+(?:\.\d+)?\s*%|{_TENTHS}|半数|一半|\bhalf of\b|\bmost of (?:them|the patients)\b"
)
#: Endpoint words that measure nothing on their own.
_BARE = frozenset({"median", "mean"})


def _each_valued(asked: Asked, cited: str) -> bool:
    """Whether the cited text gives a value of the kind asked beside each of two or more
    measures the question sets side by side: "STORM的mDOR和mPFS哪个更长？分别是多少？" is answered
    by "中位DOR达4.4个月，中位PFS达3.7个月", which the reader compares."""
    return (
        asked.kind is not None
        and len(asked.measures) >= 2
        and all(gives_value_of(cited, m, asked.kind) for m in asked.measures)
    )


def _asker_only(expansion: Expansion, question: str) -> set[str]:
    """Terms (first English names) that only a leading label naming the asker names ("护士随访：",
    "Our MDT is weighing XVd:"); what the label names of the treatment or the illness is not
    among them."""
    tag, rest = label(question)
    if not tag or not _ASKER.search(tag):
        return set()
    named_rest = {t.en[0] for t in named_in(expansion, rest)}
    return {
        t.en[0]
        for t in named_in(expansion, tag)
        if t.category not in ENTITIES and t.en[0] not in named_rest
    }


def _named_by_kinds_only(required: _Required) -> bool:
    """Whether an adverse event asked about is one the review names only by its kinds
    (骨髓抑制, by 贫血 and 血小板减少)."""
    return any(e[0] == r[0] for e in required.events for r in required.relatives)


#: Signs and symptoms ...
_SIGNS = re.compile(
    r"表现|症状|征象|体征|\bsigns?\b|\bsymptoms?\b|\bmanifestations?\b|\bpresent(?:ing|s)?\b",
    re.IGNORECASE,
)
#: ... of the disease, not of a side effect ("低钠血症有什么症状" asks the event's).
_THE_DISEASE = re.compile(
    r"骨髓瘤|这个病|这种病|该病|\bMM\b|myeloma|\bthe disease\b", re.IGNORECASE
)


def _asks_signs(question: str) -> bool:
    """Whether the question asks the disease's signs ("这个病一般会有哪些表现？", "Is
    myelosuppression a symptom of multiple myeloma?"), where anaemia is a sign, not a side
    effect."""
    return _SIGNS.search(question) is not None and _THE_DISEASE.search(question) is not None


def _only_within(question: str, variants: tuple[str, ...], phrases: list[str]) -> bool:
    """Whether the question names the concept only inside the (normalized) phrases."""
    rest = normalize(question)
    for phrase in phrases:
        rest = rest.replace(phrase, " ")
    return any(mentions(p, v) for p in phrases for v in variants) and not any(
        mentions(rest, v) for v in variants
    )


def _trial_descriptors(
    doc: Document, terms: Iterable[Term], present: Sequence[str]
) -> TrialDescriptors:
    """What the review states of one of its trials only (STORM's 2b期, BOSTON's 402 patients),
    from the text of each trial's sections and of the rest; ``present`` are the glossary's
    variants the review uses (normalized), inside which a design word states no design."""
    sections = trial_sections((s.number, f"{s.title} {s.title_en}") for s in doc.sections)

    trials = {
        name: normalize(" ".join(p.text for p in doc.passages if within(p.section, number)))
        for name, number in sections.items()
    }
    rest = normalize(
        " ".join(
            p.text
            for p in doc.passages
            if not any(within(p.section, number) for number in sections.values())
        )
    )
    design = [t.en + t.zh for t in terms if t.category == "design"]
    # a trial's size is what its own section counts: its cohorts' sizes (STOMP's 21, 48) are
    # theirs, and name no trial
    own = {
        name: normalize(" ".join(p.text for p in doc.passages if p.section == number))
        for name, number in sections.items()
    }
    return TrialDescriptors.of(trials, rest, design, present, sizes=own)


def _sentence_offsets(doc: Document) -> dict[str, tuple[int, int]]:
    """Passage id → the range of its sentences in ``doc.sentences``."""
    out, i = {}, 0
    for p in doc.passages:
        out[p.id] = (i, i + len(p.sentences))
        i += len(p.sentences)
    return out
