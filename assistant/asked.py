"""What a question asks, read from its wording once: the kind of value, the measures it must
sit beside, the group it is for, whether it asks why, which did better, or about a trial's
design; and the sentence wordings that answer those (a cause, a comparison, a trial's aim).

Sentence choice (``evidence.py``) scores every candidate sentence against this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from assistant.absence import NAME, mentions, occurrences
from assistant.answer import asks_about_review
from assistant.asking import asking, asks_apart, label, sentences, split
from assistant.choices import options
from assistant.quantity import (
    MEASURED_KINDS,
    asked_kind,
    gives,
    gives_before,
    lacks_value,
    measures,
    part_kinds,
    quoted,
    unquoted,
)
from assistant.subgroup import CLAUSES, DOSE_GROUP, gives_value_for, names_a_group, subgroup
from index.segment import normalize, tokenize

if TYPE_CHECKING:
    from collections.abc import Sequence

    from assistant.glossary import Expansion, Term
    from assistant.retrieval import Signals


#: A question asking for a reason, and the words with which a sentence states one
#: (因 alone, but not of 基因 or 因子).
WHY = re.compile(r"为什么|为何|为啥|原因|怎么会|\bwhy\b|how come|\breasons?\b|what causes?")
#: A question asking how something comes about ("what is the mechanism by which it causes
#: nausea", "为什么会引起低钠"), and the words with which a sentence ties an adverse event to
#: a cause ("可能与药物本身有关，抑或为疾病本身所致").
MECHANISM = re.compile(
    r"机制|机理|原理|怎么(?:会)?(?:引起|导致|造成)|为什么会|为何会|\bmechanis(?:m|tic)"
    # "how does selinexor cause nausea", not "how can I treat the nausea it may cause"
    r"|\bhow (?:does|do|did|can|could) (?:it|selinexor|the drug|this drug|this medicine)"
    r" (?:\w+ ){0,2}(?:cause|lead to|induce|trigger|result in)"
)
#: What a sentence describing how a drug works says it does: binds, blocks, induces …
ACTS = re.compile(
    r"通过|结合|阻断|抑制(?!剂)|诱导|激活|上调|下调|介导|转录|凋亡|信号通路|从而"
    r"|\bbind|\bblock|\binhibit(?!or)|\binduc|\bactivat|apoptosis|\bexport|pathway"
)
ATTRIBUTES = re.compile(
    r"有关|相关|所致|引起|导致|由于|因(?![素子])|associated with|related to|caused by|due to"
)
#: What a treatment gains, which answers "why use it?" ("三联疗法…可以提高其PFS和OS").
BENEFITS = re.compile(r"提高|改善|延长|优于|更优|获益|\bimprov|\bprolong|\bbenefit|\bsuperior")
CAUSE = re.compile(
    r"由于|导致|从而|致使|使得|引起|(?<![原基病诱])因(?![素子])"
    r"|because|due to|le(?:ad|ads|ading|d) to|result(?:s|ed)? in|owing to"
)


#: A reason asked for a choice or a difference the review reports ("为什么来那度胺队列选的是
#: 新诊断病人", "why did the non-refractory group do better"): it reports the finding, and
#: answers only with a sentence giving a cause.
FINDING = re.compile(
    # phrases, not characters: 多 of 多发性, 选 of 选择性, 比 of 比例 report no finding
    r"选的是|选了|选择了|选用|为什么选|比[^，。？?]{0,12}(?:更|高|低|好|差|多|少|长|短)"
    r"|更(?:好|高|低|多|少|长|短|快|慢|常见)|增多|升高|上升|逐年|改(?:为|成|用)|减(?:为|到|至)|放弃"
    r"|\b(?:choose|chose|chosen|than|going up|rising|increas\w*"
    r"|higher|lower|better|worse|differ\w*|cut|reduc\w*|switch\w*|drop\w*)\b",
    re.IGNORECASE,
)

#: A claim brought to be checked ("同事说STORM里的8.6个月是中位PFS，对吗？", "my notes say …
#: is that correct?"): it may name what the review words otherwise or not at all, and is
#: answered by what the review does say.
CLAIM = re.compile(
    # someone's word, then a closing check of it: not any 吗, not "what does the review say …"
    r"(?:(?:有人|同事|同学|资料|医生|护士|病友|家属|朋友|师兄|师姐|老师|药师|网上有人|网上|群里有人"
    r"|书上|别人)[^，,。？?]{0,10}说|听说|笔记|据说|看到.{0,20}写着?|(?:ppt|幻灯片|课件|医嘱|处方)上?(?:我|他|她)?写)"
    r"[^？?]{2,}"
    r"(?:对吗|是吗|是真的吗|真的吗|真的假的|是真是假|靠谱吗|真的是|是这样吗|是这样的吗|是不是这样|没错吧"
    r"|准确吗|这么说的吗|(?:这句话?|这么写|这样写)?有(?:没有)?问题吗?|有没有问题"
    r"|是不是记反了|哪(?:几|两|一)?处(?:写)?错|错在哪|哪里(?:写|说得?)?(?:错|不对)|有没有(?:写)?错"
    r"|一致吗|对不对|(?:这样|这么)(?:写|说)的吗|(?:按|对照)综述"
    r"|综述[^？?。]{0,12}(?:说|写|报))"
    # the claim first, then whose word it is ("…都达到CR了？病友这么说，真的假的？")
    r"|[？?，,]\s*(?:有人|同事|同学|医生|护士|病友|家属|朋友|老师|药师|网上|别人)(?:都|也)?(?:这么|这样)说"
    r"[，,]?\s*(?:真的假的|是真是假|是真的吗|真的吗|对吗|对不对|是吗|靠谱吗)"
    r"|(?:\bsays?\b|\bsaid\b|\bclaims?\b|\bnotes\b|\bslide\b|\bi read\b|\bi heard\b|\btold me\b"
    r"|\bi was told\b|\bwe were told\b|\bi(?:'ve| have) heard\b"
    r"|\bread online\b|\bimpression\b|\bassum(?:e|es|ed)\b|\blists\b)"
    r"[^?]{0,200}(?:\bis (?:that|this|it) (?:correct|right|true|accurate|so)\b"
    r"|\bback (?:that|this) up\b|\bsupport (?:that|this|it)\b|\bcan you confirm\b"
    r"|\bwhat (?:\w+ ){0,3}does the (?:english |chinese )?(?:review|abstract) (?:actually )?"
    r"(?:say|report|give)\b"
    r"|\bwhat (?:\w+ ){0,3}did (?:storm|stomp|boston|the trial|the study) actually)"
    # someone's word put up to be checked: "A classmate says … Does the review agree?"
    r"|(?:\bsays?\b|\bsaid\b|\bclaims?\b)[^?]{0,200}\bdoes the (?:review|paper|article) agree\b",
    re.IGNORECASE,
)

#: A value to be worked out from the review's figures ("按63%的ORR算，大概有多少人有效？",
#: "how many milligrams does one cycle add up to?"): the review states the figures, not it.
CALCULATE = re.compile(
    r"粗算|估算|推算|算一下|算下来|按[^，。？?]{1,24}(?:算|推)|累计|几倍|多少倍"
    r"|\badds? up\b|\bwork(?:ed)? out\b|\bgoing by\b|back-of|\bhow many times\b",
    re.IGNORECASE,
)

#: A question asking which of two does better ("哪种疗效更好", "which arm did better"), and
#: the words with which a sentence compares ("非难治组高于难治组", "优于").
WHICH_BETTER = re.compile(
    # (not "在哪个阶段比较常见": when, not which of two)
    r"哪(?!里|儿|些)(?!(?:个|一个)?(?:阶段|时候|时期)[^？?，,。]{0,10}(?:比较|较)?(?:常见|多见|出现|发生))"
    r"(?:个|种|组|一组|一种)?"
    r"[^？?，,。]{0,8}(?:更|比较|较)?"
    r"(?:好(?!处|不好)|优|有效|高(?!危)|低(?!剂量)|长(?!期)|短(?!期)|多(?![少大久长])|(?<!多)少(?!数)"
    r"|快|慢|重(?!难治|要|新)|严重|常见|合适|适合)"
    r"|谁[^？?，,。]{0,8}更"
    # (not "which three developments drove better outcomes": a list asked for)
    r"|which (?!(?:two|three|four|five|several|other)\b)(?:\w+ ){0,6}"
    r"(?:is |was |were |are |did |had |has |have )?(?:the )?(?:better|more "
    r"effective|superior|higher|lower|longer|shorter|worse|faster|more suitable|more appropriate)"
    # a superlative of groups or treatments, not "which is the best way to manage fatigue"
    r"|which (?:\w+ ){0,2}(?:cohort|arm|subgroup|group|regimen|combination|trial|patients)s?\b"
    r"(?: \w+){0,4} (?:best|worst|highest|lowest|longest|shortest|fastest|most effective)\b"
)
#: Ways a drug is given, as a question offers them ("PO or IV?", "口服还是静脉？") or asks
#: them, and as a sentence states them (口服, 静脉输注).
_ROUTES = (
    r"(?:\b(?:po|iv|sc|oral(?:ly)?|by mouth|intravenous(?:ly)?|subcutaneous(?:ly)?|infusion"
    r"|injection|injected|infused|a drip)\b"
    r"|口服|静脉|皮下|输注|注射|静推|打针|输液|打点滴|吊瓶)"
)
ROUTE = re.compile(
    rf"{_ROUTES}\s*(?:\bor\b|还是|或者?|/)\s*{_ROUTES}"
    # (not 给药方式 or 怎么给药: those ask a dosing schedule as often)
    r"|\broute\b|给药途径|(?:口服|静脉|皮下)(?:给药)?(?:的)?吗"
    # one route checked: "is it given intravenously?", "判断：塞利尼索是静脉给药的"
    r"|\b(?:given|taken|administered|dosed)\s+(?:\w+\s+){0,2}?"
    r"(?:orally|intravenously|subcutaneously|by mouth|by injection|iv|i\.v|po|sc|by (?:a )?drip"
    r"|into a vein|as an? (?:infusion|injection|drip|shot|pill|tablet))(?![a-z])"
    # "is selinexor an injection?", "is it a pill?"
    r"|\b(?:is|are) (?:it|selinexor|this drug|this medicine|the drug) (?:an? )?(?:injection"
    r"|injectable|infusion|iv drug|pill|tablet|oral drug)\b"
    r"|是(?:口服|静脉|皮下)(?:给药|注射|输注)?的|(?:要|需要|得|是)(?:打针|输液|注射|打点滴)(?:的)?吗"
    # eating against a drip ("打针还是吃的？"), not eating against eating ("一直吃还是吃几个疗程")
    r"|(?:打针|输液|打点滴|吊瓶|静脉|注射)\S{0,4}还是\S{0,2}吃|吃的?还是\S{0,4}(?:打针|输液|静脉|注射)",
    re.IGNORECASE,
)
#: The glossary's routes (by first English variant): offered in a route question, one the review
#: never uses ("is it given intravenously?") is answered by the one it states.
ROUTE_TERMS = frozenset({"oral", "intravenous", "subcutaneous", "intramuscular", "injection"})
#: ... a route stated: not an infusion or injection of something else (输注血小板)
ROUTE_STATED = re.compile(
    r"\b(?:po|iv|sc|oral(?:ly)?|by mouth|intravenous(?:ly)?|subcutaneous(?:ly)?)\b"
    r"|口服|静脉|皮下|静推",
    re.IGNORECASE,
)

#: A yes/no question setting one thing against another ("XKd是不是比XVd效果更好？", "Do women get
#: more nausea than men?"): answered only by a sentence that compares.
#: What follows 比 when it compares no two things asked about: a figure (比一年长), 比较
#: ("fairly"), 比例, 比如, or another measure of the same patients (总生存是不是比无进展生存长).
_NOT_AGAINST = r"(?![一两二三四五六七八九十半\d]|较|例|如|无进展|总生存|中位|全组|pfs|os\b)"
BETTER_THAN = re.compile(
    rf"(?:是不是|是否|会不会)[^，,。；;？?]{{0,10}}比{_NOT_AGAINST}[^，,。；;？?]{{1,16}}"
    r"(?:好|优|有效|高|低|长|短|多|少|快|慢|严重|常见)(?![^，,。；;？?]*(?:多少|几))"
    rf"|比{_NOT_AGAINST}[^，,。；;？?]{{1,16}}(?:更|还|要)?"
    r"(?:好|优|有效|高|低|长|短|多|少|快|慢|严重|常见)"
    r"[^，,。；;？?多几]{0,4}(?:吗|么)"
    r"|(?:^|[.?!:;,—-]\s*)(?:do|does|did|is|are|was|were|can|could|will|would|has|have|had)\b"
    r"(?! it true)[^?.;]{0,80}\b(?!(?:other|rather)\b)(?:better|worse|more|less|fewer|higher"
    r"|lower|longer|shorter|faster|slower|\w{3,}er) (?:\w+ ){0,3}?than\b"
    # not against a figure ("longer than 12 months") nor another measure of its own
    # nor against the asker's own patient ("older or younger than that?", "than him")
    r"(?! (?:\d|(?:half|a|an|one|two|three|four|five|six|ten|twice|its|their|that|this|him|her"
    r"|my|our)\b))"
    # "does XRd beat lenalidomide-dex alone?", "did it outperform Vd?"
    r"|(?:^|[.?!:;,—-]\s*)(?:do|does|did|can|could|would|will)\b[^?.;]{0,80}"
    r"\b(?:beat|outperform(?:ed)?|outdo|outdid|improve (?:on|upon))\b",
    re.IGNORECASE,
)
COMPARES = re.compile(
    r"高于|低于|优于|劣于|长于|短于|多于|少于|不及|更(?:高|低|好|长|短|多|少|快|慢|优|重|轻|明显|常见)"
    r"|明显(?:降低|升高|延长|缩短|改善)|相比|相较|\d\s*(?:个月|%)?\s*比\s*\d"
    # "在STORM中…较少，而在BOSTON中…有所上升": two settings set against each other (较少
    # alone is "rather few")
    r"|较(?:少|多|高|低|长|短|快|慢)[，,]\s*而"
    r"|\bthan\b|superior|inferior|\bvs\b"
)


#: A value asked for everyone ("整个研究的", "all patients"), whatever group came before.
WHOLE = re.compile(
    r"整个|全部|所有|总体|整体|\boverall\b|\ball (?:the )?patients|\bwhole\b"
    r"|\b(?:did|does|do) the (?:cohort|study|trial|arm) (?:report|show|have|achieve)"
)

#: The group a figure is not asked for ("not just the naive patients", "不只是初治病人").
_NOT_JUST = re.compile(
    r"\b(?:not (?:just|only)|rather than|instead of)\b[^,.;?]*"
    r"|(?:不只是|不仅仅?是|而不是)[^，。；？]*"
)

#: A clause asking a yes-or-no or a how question of its own after a value's ("what was the ORR,
#: and did anyone penta-refractory respond at all?", "…, and how did double-refractory patients
#: do?"): the group it names is not the value's.
_YES_NO_CLAUSE = re.compile(
    r"(?:[,，;；]\s*(?:and|but|or)?|\band)\s+(?:how\s+)?(?:did|does|do|is|are|was|were|has|have|can"
    r"|could)\b"
    r"[^,，;；?？]*|[，；](?:那|而且|并且|另外)?(?:有没有|是否|能否|会不会)[^，；？]*",
    re.IGNORECASE,  # the value's sentence keeps the asker's capitals
)

#: A value's sentence pointing back to patients named elsewhere ("what was their ORR?").
_THEIRS = re.compile(
    r"\b(?:their|they|these|those|them)\b|他们|她们|这些|这类|这部分|其(?!他|它|中)"
)

#: A sentence asking a value and naming nothing ("是多少？", "What was it?"): the value is
#: the one the sentences before name, for the group they name.
_BARE_ASK = re.compile(
    r"\W*(?:那|那么)?(?:是|为|有|各|分别|大概|具体)*(?:多少|几|多长|多久)\W*"
    r"|\W*(?:and )?(?:what|how much|how many|how long)(?: (?:is|was|were|are) (?:it|that|they))?\W*"
)
#: A figure asked for a whole trial, all its cohorts together ("STOMP所有队列加起来一共入组了
#: 多少病人"): one cohort's figure ("在STOMP的硼替佐米队列中，共纳入42名") is not it.
TOTAL = re.compile(
    r"整个|全部|所有|加起来|\bwhole\b|\b(?:across (?:all )?|all )(?:the |its )?(?:cohorts|arms)"
)
COHORT = re.compile(r"队列|cohorts?\b|\barms?\b")
#: A figure asked for everyone a cohort or trial treated, not one group of them ("what was the
#: ORR for the whole cohort, not just the pomalidomide-naive patients?", "整个队列的ORR"):
#: "先前未接受过泊马度胺治疗的病人ORR可达58%" is not it. (Not "overall response rate", a
#: measure's name.)
EVERYONE = re.compile(
    r"(?:整个|整体)(?:队列|研究|试验|组)?|(?:全部|所有|全体)(?:的)?(?:入组)?(?:病人|患者)"
    r"|不只是|不仅仅?是|而不是|\bnot (?:just|only) (?:the|in|for)\b|\brather than\b"
    r"|\bwhole (?:cohort|arm|trial|study|group|population)\b|\bas a whole\b"
    r"|\b(?:all|every) (?:the )?(?:patients|participants|enrolled)\b"
    r"|\boverall\b(?![\s-]+(?:response|survival|rates?|orr|os)\b)"
)

#: A question asking a figure for each of several groups ("各有多少例", "respectively").
EACH = re.compile(r"各|分别|\beach\b|respectively|separately")

#: A sentence stating what a trial set out to do ("旨在比较…", "aimed to evaluate"), and a
#: question about a trial's design (its aim, phase, blinding, registration) it answers.
AIM = re.compile(r"旨在|\baim(?:s|ed)? to")
DESIGN = re.compile(
    r"\bphase|\brandom|open[- ]label|\bblind(?:ed)?\b|multi-?cent|\bnct\d*|regist|\baims?\b"
    r"|purpose|\bgoal|design"
    r"|what (?:kind|type) of (?:study|trial)|设计|几期|哪一期|随机|盲|多中心|全球|注册|编号|目的"
    r"|旨在|开放|什么(?:样的|类型的)?(?:研究|试验)"
    # what a trial set out to learn: "what was STOMP trying to find out?"
    r"|\btrying to (?:find|learn|show|test|answer)\b|\bset out to\b"
    # what a trial compared: "BOSTON比的是哪两个方案？", "what did BOSTON compare?"
    r"|(?:比|比较|对比)的是|比较了?哪|\bcompared? (?:what|which)\b|\bwhat did \S+ compare\b"
)


#: A question asking what a term means ("how does the review define double-refractory?",
#: "移植动力学具体指哪些指标？"), and how a sentence defines a term right after naming it
#: ("多发性骨髓瘤（MM）为单克隆浆细胞恶性增殖性疾病", "multiple myeloma (MM) is a …"): naming
#: the term is no definition of it ("双重难治病人的ORR达73%").
DEFINE = re.compile(
    r"\bdefin(?:e|es|ed|ition)\b|\bmean by\b|\bwhat does .{1,40}\bmean\b"
    r"|具体指|是指|指的是|(?:分别)?指(?:什么|哪些|哪几|对哪)|什么意思|含义|定义"
)
#: An abbreviation's full name is asked: the review spells it out ("复发难治性多发性骨髓瘤
#: （RRMM）") without defining it.
_NOT_DEFINITION = re.compile(r"abbreviat|stands? for|spell(?:ed|s)? out|缩写|全称|全名")
#: An acronym as a question writes it (RRMM, CAR-T, IMiDs, XPO-1, RP2D).
_ACRONYMS = re.compile(  # beside Chinese too: "NDMM的英文全称"
    r"(?<![A-Za-z0-9-])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Z0-9]+)?(?![A-Za-z0-9-])"
)
#: An acronym as a question names it (Xd, RRMM): asked what it means, its spelling out answers.
_ACRONYM = re.compile(r"^(?=[^a-z]*[A-Z])[A-Za-z][A-Za-z0-9-]{0,7}$")
_DEFINES = (
    r"\s*(?:试验|研究|trial|study)?\s*(?:[（(][^）)]{1,30}[）)])?\s*[，,]?\s*"
    r"(?:为|是|即|指|系|:|：|作为一种|,?\s*(?:is|are|refers to|means)\b|,\s*an?\b)(?!\s*\d)"
)
#: A question that is nothing but "what is X" ("What is selinexor?", "塞利尼索是什么药？",
#: "什么是RRMM"): the sentence saying what X is ("塞利尼索是一种…", "Selinexor, an oral
#: selective inhibitor…") answers it best, but one that only says what X does answers too.
_WHAT_IS = re.compile(
    r"^\W*(?:what|who)(?:\s+(?:is|are)|'s)\s+(?:an?\s+|the\s+)?(?P<en>[^?？,，]{1,40}?)\W*$"
    r"|^\W*(?:什么是|啥是|何为)(?P<zh1>[^?？,，]{1,20}?)[呢啊呀]?\W*$"
    r"|^\W*(?P<zh2>[^?？,，]{1,20}?)(?:到底)?(?:是|是一种)(?:什么|啥|哪类|哪一类|哪种)"
    r"(?:药物?|东西|类药物?|物质|蛋白|疾病|病|研究|试验|方案)?[呢啊呀]?\W*$"
    # "what kind of drug is selinexor?", "a one-line description of selinexor: what sort of
    # medicine is it?", "简单说说塞利尼索属于哪种药"
    r"|^\W*what (?:sort|kind|type|class) of (?:an? )?(?:medicine|drug|agent) is "
    r"(?P<en2>[^?？,，]{1,40}?)\W*$"
    r"|^\W*(?:(?:please )?(?:give me|i need|tell me) )?(?:an? |the )?"
    r"(?:one-line |short |brief |quick )?"
    r"(?:description|overview|summary) of (?P<en3>[^?？,，—–:;]{1,40}?)"
    r"(?:\s*[—–:;-]+\s*what (?:sort|kind|type|class) of (?:medicine|drug|agent) is it)?\W*$"
    r"|^\W*(?:简单|请)?(?:说说|讲讲|介绍一下|介绍下)?(?P<zh3>[^?？,，]{1,20}?)(?:属于|算是?)"
    r"(?:哪种|哪类|哪一类|什么|什么样的?)(?:类型的?)?(?:药物?|药品)[呢啊呀]?\W*$",
    re.IGNORECASE,
)
_QUOTED = re.compile(  # an apostrophe (don't) is no quote
    r"[“\"‘「]([^”\"’」]{2,30})[”\"’」]|(?<![A-Za-z])'([^']{2,30})'(?![A-Za-z])"
)


@dataclass(frozen=True)
class Asked:
    """What sentence choice needs to know of a question, read from it once."""

    kind: str | None  # the kind of value asked for (quantity.asked_kind)
    measures: list[tuple[str, ...]]  # what that value must sit beside
    about_review: bool  # asks what the review covers
    tokens: set[str]  # tokens of the expanded question
    concepts: list[frozenset[str]]  # those tokens grouped by glossary concept
    group: tuple[str, re.Pattern[str]] | None  # the patients a figure is asked for
    why: bool = False  # asks for a reason or a mechanism
    mechanism: bool = False  # asks how something comes about
    why_finding: bool = False  # asks the reason for a choice or difference reported
    # the patients the question asks about, whatever it asks of them ("did high-risk patients
    # benefit?"): the passage answering must speak of them
    about_group: tuple[str, re.Pattern[str]] | None = None
    claim: bool = False  # brings a claim to be checked
    calculate: bool = False  # asks a value worked out from the review's figures
    others: tuple[tuple[str, list[tuple[str, ...]]], ...] = ()  # kinds asked by other parts
    design: bool = False  # asks about a trial's design (its aim, phase, blinding)
    compares: bool = False  # asks which of two does better, or whether one does
    route: bool = False  # asks how a drug is given (by mouth, into a vein, under the skin)
    places: tuple[str, ...] = ()  # countries asked about (first English names; see _places)
    defines: tuple[tuple[str, ...], ...] = ()  # terms whose definition is asked (their variants)
    # the term a bare "what is X" asks about (its variants): a sentence saying what it is is
    # preferred, none is required
    identifies: tuple[str, ...] = ()
    total: bool = False  # asks a figure for a whole trial, not one of its cohorts
    everyone: bool = False  # asks a figure for everyone treated, not one group (EVERYONE)
    parts: tuple[str, ...] = ()  # the (lower-cased) sentences that ask
    # each separate thing asked, as the variants of the glossary terms it names (not general)
    pieces: tuple[tuple[tuple[str, ...], ...], ...] = ()
    spells: tuple[str, ...] = ()  # acronyms whose full name is asked (lower-case)

    def stated(self, text: str) -> frozenset[str]:
        """The kinds of value asked (by any part of the question) that the sentence states."""
        stated = {k for k, m in self.others if gives(text, k) and not lacks_value(text, k, m)}
        if (
            self.kind is not None
            and gives(text, self.kind)
            and not lacks_value(text, self.kind, self.measures)
            and self.for_group(text)
            and self.for_whole(text)
        ):
            stated.add(self.kind)
        return frozenset(stated)

    def defined(self, text: str) -> bool:
        """Whether the (normalized) text defines a term whose definition is asked, or spells
        out an acronym of them ("塞利尼索+地塞米松（Xd）" says what Xd is)."""
        return not self.defines or any(
            _says_what(text, v, all(_ACRONYM.match(w) for w in t)) for t in self.defines for v in t
        )

    def identified(self, text: str) -> bool:
        """Whether the (normalized) text says what the term of a bare "what is X" is."""
        return any(_says_what(text, v, _ACRONYM.match(v) is not None) for v in self.identifies)

    def spelled(self, text: str) -> frozenset[str]:
        """The acronyms asked about that the (normalized) text spells out: "复发难治性多发性
        骨髓瘤（rrmm）"."""
        return frozenset(a for a in self.spells if _spells_out(text, a))

    def for_whole(self, text: str) -> bool:
        """Whether the text gives the value for the whole trial, when that is asked: not only
        after naming a cohort."""
        return not self.total or self.kind is None or gives_before(text, self.kind, COHORT)

    def for_everyone(self, text: str) -> bool:
        """Whether the text gives the value for everyone treated, when that is asked: its
        first clause stating the value names no group of patients (those after may give a
        comparator's: "明显优于泊马度胺与地塞米松的二联方案（ORR 31%")."""
        if not self.everyone or self.kind is None:
            return True
        stating = (c for c in CLAUSES.split(text) if not lacks_value(c, self.kind, self.measures))
        first = next(stating, None)
        return first is not None and not names_a_group(first)

    def for_group(self, text: str) -> bool:
        """Whether the text gives the value asked for the group asked about (if any)."""
        if self.group is None or self.kind is None:
            return True
        return gives_value_for(text, self.kind, self.measures, self.group[1])

    @classmethod
    def of(cls, signals: Signals) -> Asked:
        question = signals.question.lower()
        asks = asking(signals.question)  # "换了几个方案都耐药。" sets the scene, asks no number
        asking_clauses = unquoted(asks)  # "ORR was 26%; its PFS?" asks no percent
        kind = asked_kind(asking_clauses)
        tokens = set(tokenize(signals.query_text))
        parts = part_kinds(asking_clauses)
        if len({k for k, _ in parts}) > 1:
            # A question in parts: each kind's value belongs to the measures of its own part
            # ("入组例数为多少？其中……中位PFS为多少？": the count is not PFS's).
            kind = parts[0][0]
            kinds = [(k, measures(within(signals.expansion, part), k)) for k, part in parts]
        else:
            kinds = [(kind, measures(signals.expansion, kind))] if kind else []
        own = kinds[0][1] if kinds else []
        # "各有多少例", "PI难治组和非难治组的中位PFS分别是几个月": each group's own value
        each = kind in MEASURED_KINDS and EACH.search(question) is not None
        # the group is named where the value is asked: "有没有带t(4;14)的？整个研究的中位DOR
        # 是多少？" asks the whole study's DOR
        said = sentences(asks)
        asking_said = [p for p in said if asked_kind(p)]
        valued = " ".join(asking_said) or asks
        if asked_kind(stripped := _YES_NO_CLAUSE.sub("", valued).lower()):
            valued = stripped  # not when the yes-or-no clause is what asks ("…, was X below 6?")
        valued = valued.lower()
        # "for the whole cohort, not just the pomalidomide-naive patients": not theirs
        everyone = bool(EVERYONE.search(valued))
        valued = _NOT_JUST.sub("", valued)
        group = None
        if kind in MEASURED_KINDS:
            group = subgroup(valued, each=each)
            if group is None and not WHOLE.search(valued) and _THEIRS.search(valued):
                # "What about patients with del(17p)? What was their ORR?": theirs; not "what
                # was the cohort's ORR? how did double-refractory patients do?"
                group = subgroup(_YES_NO_CLAUSE.sub("", question), each=each)
            elif group is None and len(asking_said) > 1:
                # "双重难治病人的中位PFS是多少？比初治病人短多少？": the first sentence asking names
                # whom the value is for; the second compares with others
                group = subgroup(_YES_NO_CLAUSE.sub("", asking_said[0]).lower(), each=each)
            elif group is None and _BARE_ASK.fullmatch(valued):
                # "…四重难治病人的中位OS，综述给出具体数字了吗？是多少？": the sentence just before
                # names whom the value is for (not the patient's story before it)
                before = [p for p in said if not asked_kind(p)]
                if before:
                    group = subgroup(_YES_NO_CLAUSE.sub("", before[-1]).lower(), each=each)
        if group is not None and kind != "count":
            # the group is whom the value is for, not what it measures (unless it is counted):
            # "双重难治病人的ORR达73%" gives double-refractory patients no PFS, and the response
            # that names "patients reaching a minimal response" is none of their measures
            own = [
                m
                for m in own
                if not any(group[1].search(v) for v in m)
                and not any(next(occurrences(group[0], v), None) for v in m if v.isascii())
            ]
        if kind in MEASURED_KINDS and len(own) > 1:
            # a measure quoted with its figure is what the asker knows ("a 15.6-month median
            # OS for them: what was their PFS?"); the others are asked
            flat = normalize(question)
            own = [m for m in own if not quoted(flat, m)] or own
        lowered = asks.lower()
        why = WHY.search(question) is not None
        compares = (
            WHICH_BETTER.search(question) is not None or BETTER_THAN.search(question) is not None
        )
        expansion = signals.expansion
        defines = _defined_terms(expansion, said)
        # acronyms asked what they mean are answered by their spelling out ("ORR是什么意思？")
        spelled_out = [v.lower() for t in defines if all(_ACRONYM.match(v) for v in t) for v in t]
        abbreviations = [
            a.lower()
            for p in said
            if _NOT_DEFINITION.search(p.lower())
            for a in _ACRONYMS.findall(p)
        ]
        return cls(
            kind=kind,
            measures=own,
            about_review=asks_about_review(signals.question),
            tokens=tokens,
            concepts=_concepts(signals, tokens),
            group=group,
            why=why,
            mechanism=why or MECHANISM.search(question) is not None,
            why_finding=why and FINDING.search(lowered) is not None,
            about_group=_about_group(lowered),
            claim=CLAIM.search(signals.question) is not None,
            calculate=CALCULATE.search(signals.question) is not None,
            others=tuple((k, m) for k, m in kinds[1:] if k != kind),
            design=DESIGN.search(question) is not None,
            compares=compares,
            route=_asks_route(signals.question),
            places=_places(signals, kind, compares),
            defines=defines,
            identifies=_identified_term(expansion, signals.question),
            total=kind in MEASURED_KINDS
            and group is None
            and _asks_total(valued)
            # a regimen named is its cohort: "XPd方案所有病人" are the pomalidomide cohort
            and not any(
                t.category == "regimen" for t in (named_in(expansion, valued) if expansion else ())
            ),
            everyone=kind in MEASURED_KINDS and group is None and everyone,
            parts=tuple(p.lower() for p in said),
            pieces=tuple(
                tuple(t.en + t.zh for t in named_in(expansion, piece) if t.category != "general")
                for piece in asks_apart(signals.question)
            )
            if expansion is not None
            else (),
            spells=tuple(dict.fromkeys(abbreviations + spelled_out)),
        )


#: What differs from one country to another: outcomes, a trial's or a regulator's steps
#: (approval, enrolment), how common a disease is.
_VARIES_BY_PLACE = frozenset({"endpoint", "response"})
_STEPS_AND_RATES = frozenset(
    {
        "approval",
        "accelerated approval",
        "full approval",
        "conditional approval",
        "market withdrawal",
        "enrolled",
        "inclusion criteria",
        "recruitment rate",
        "incidence",
        "prevalence",
    }
)


def _places(signals: Signals, kind: str | None, compares: bool) -> tuple[str, ...]:
    """The countries or regions the question asks about (first English names).

    Named in the question proper (not its scene or label: "I'm in China: …", "A US patient
    asks: …") and asking what varies by place: a figure, a comparison, an outcome, how common a
    disease is, a trial's or a regulator's step (approval, enrolment).
    "国内病人吃塞利尼索恶心，怎么处理？" asks how nausea is managed wherever the patient is.
    None for a claim brought to be checked (it may place what it claims wrongly).
    """
    expansion = signals.expansion
    if expansion is None or CLAIM.search(signals.question):
        return ()
    varies = (
        kind in MEASURED_KINDS
        or compares
        or any(
            t.category in _VARIES_BY_PLACE or t.en[0] in _STEPS_AND_RATES for t in expansion.matched
        )
    )
    if not varies:
        return ()
    stem, opts = options(signals.question)
    # a multiple-choice stem ends on its colon ("在中国获批联合的药物是：A.…"): no label
    _, proper = (None, stem) if opts else label(split(signals.question)[0])
    return tuple(t.en[0] for t in named_in(expansion, proper) if t.category == "place")


def _spells_out(text: str, acronym: str) -> bool:
    """Whether the (normalized) text spells the (lower-case) acronym out: "…（rrmm）"."""
    return re.search(rf"[（(]\s*{re.escape(acronym)}\s*[）)]", text) is not None


def _about_group(asks: str) -> tuple[str, re.Pattern[str]] | None:
    """The patients a question asks about, whatever it asks of them; not the asker's own
    history ("我还没用过这个药" is no treatment-naive group)."""
    group = subgroup(asks)
    if group is None or group[0] == "treatment-naive patients":
        return None
    # a response reached (or a drug had before) is checked of a figure asked for the group
    # (for_group), not as a population a passage must name: "is the 15.6-month OS that of
    # patients reaching a partial response?" is answered by the sentence stating it
    # (nor the patients of one dose: "what dose did patients get at the RP2D?" asks the dose)
    if group[0] == DOSE_GROUP:
        return None
    return None if group[0].startswith(("patients reaching", "previously exposed")) else group


def _asks_total(valued: str) -> bool:
    """Whether the (lower-cased) value-asking sentences ask it for a whole trial, naming no
    cohort of it ("所有队列加起来": all the cohorts, none named)."""
    whole = bool(TOTAL.search(valued))
    named = re.sub(
        r"(?:所有|全部|各个?)队列|\b(?:all|across) (?:the |its )?(?:cohorts|arms)", "", valued
    )
    return whole and not COHORT.search(named)


def _says_what(text: str, variant: str, spelling: bool) -> bool:
    """Whether the (normalized) text says what ``variant`` is: the term, then a copula (为, 是,
    "is", ", an"); or, for an acronym (``spelling``), its spelling out."""
    term = variant.lower()
    # ... or its class before it as an example: "皮质类固醇（如地塞米松或泼尼松）" says
    # dexamethasone is a corticosteroid
    example = r"[\u4e00-\u9fffa-z]{2,}\s*[（(]\s*如\s*(?:[^）)]{0,20}?[或和、])?\s*" + re.escape(
        term
    )
    return (
        re.search(re.escape(term) + _DEFINES, text) is not None
        or re.search(example, text) is not None
        or (spelling and _spells_out(text, term))
    )


def routes_offered(question: str) -> bool:
    """Whether the question offers options that are all routes ("A) given intravenously
    B) taken orally C) given subcutaneously")."""
    return _all_routes(options(question)[1])


def _all_routes(opts: Sequence[str]) -> bool:
    """Whether there are options and every one is a route."""
    return bool(opts) and all(re.search(_ROUTES, o.lower()) for o in opts)


def _asks_route(question: str) -> bool:
    """Whether the question asks how a drug is given. In a multiple-choice question a route in
    one option ("D) a proteasome inhibitor given by injection") is a claim to weigh; the stem
    asks it, or options that are all routes."""
    stem, opts = options(question)
    return ROUTE.search(stem.lower()) is not None or _all_routes(opts)


def _identified_term(expansion: Expansion | None, question: str) -> tuple[str, ...]:
    """The variants of the one glossary term a bare "what is X" question asks about."""
    m = _WHAT_IS.match(question.strip())
    if m is None or expansion is None:
        return ()
    asked = normalize(next(g for g in m.groups() if g)).lower()
    for t in expansion.matched:
        if any(normalize(v).lower() == asked for v in t.en + t.zh):
            return t.en + t.zh
    # a trial's name, with or without the word: "What is STORM?", "STORM试验是什么？"
    name = re.fullmatch(r"([a-z][a-z0-9-]{2,})\s*(?:试验|研究|trial|study)?", asked)
    return (name.group(1),) if name and NAME.fullmatch(name.group(1).upper()) else ()


def _defined_terms(expansion: Expansion | None, said: list[str]) -> tuple[tuple[str, ...], ...]:
    """The terms (each with its variants) of the sentences asking what a term means: the
    glossary's terms they name, and what they quote (“移植动力学”)."""
    out: list[tuple[str, ...]] = []
    for part in said:
        quoted = [a or b for a, b in _QUOTED.findall(part)]
        if (
            not DEFINE.search(part.lower())
            or _NOT_DEFINITION.search(part.lower())
            or any(re.search(r"\d", q) for q in quoted)  # “26%”指的是哪项指标: a figure's measure
        ):
            continue
        out += [(q,) for q in quoted]
        for t in named_in(expansion, part) if expansion is not None else ():
            if t.category == "general":
                continue
            # an acronym the question names stays one: spelt out, it is answered
            acronyms = [v for v in t.en + t.zh if _ACRONYM.match(v)]
            named = any(
                re.search(rf"(?<![A-Za-z0-9]){re.escape(v)}(?![A-Za-z0-9])", part) for v in acronyms
            )
            out.append(tuple(acronyms) if named else t.en + t.zh)  # every spelling (CBR, CRB)
    return tuple(out)


def named_in(expansion: Expansion, part: str) -> tuple[Term, ...]:
    """The expansion's terms that the part of the question names."""
    text = normalize(part)
    return tuple(t for t in expansion.matched if any(mentions(text, v) for v in t.en + t.zh))


def within(expansion: Expansion | None, part: str) -> Expansion | None:
    """The expansion narrowed to the terms that the part of the question names."""
    if expansion is None:
        return None
    return replace(expansion, matched=named_in(expansion, part))


#: Chinese particles, pronouns and light words, as jieba leaves them standing alone.
_PARTICLES = frozenset(
    "上下里中内外吗呢吧啊呀的了是有在和与及就都也还又么很太被把对向从让会能要想说看个些这那其它"
    "他她我你您们啥谁"
)


def _concepts(signals: Signals, tokens: set[str]) -> list[frozenset[str]]:
    """The question's tokens grouped: one group per glossary term matched, one per other token."""
    matched = signals.expansion.matched if signals.expansion else ()
    groups = [frozenset(tokenize(" ".join(t.en + t.zh))) & tokens for t in matched]
    # a dictionary's gloss of a word a term of the field already groups ("blood" of "peak
    # blood level") is that term's, not a concept of its own
    fields = set().union(
        *(g for g, t in zip(groups, matched, strict=True) if not t.from_dictionary)
    )
    groups = [
        g for g, t in zip(groups, matched, strict=True) if not t.from_dictionary or not g & fields
    ]
    groups = [g for g in dict.fromkeys(groups) if g]
    grouped = set().union(*groups) if groups else set()
    # a particle or pronoun outside any term ("机制上"'s 上, 吗, 他) is no concept a sentence
    # should be chosen for; other single characters may be (周, 次, 天 of a schedule)
    return groups + [frozenset({t}) for t in sorted(tokens - grouped) if t not in _PARTICLES]
