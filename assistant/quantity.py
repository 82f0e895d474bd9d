"""What kind of value a question asks for (a count, a rate, a time, a dose) and whether a text
gives it.

A question such as "what was the median PFS of XVd in BOSTON?" is about a passage that names
PFS but reports no figure for it; similarity alone would cite that passage as if it answered.
Knowing that the question wants a time lets the assistant prefer the sentence that states
one, and refuse when the review names the measure without ever giving its value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from assistant.absence import occurrences
from index.segment import normalize

if TYPE_CHECKING:
    from assistant.glossary import Expansion

#: How far (characters of normalized text) a value may sit from the measure it belongs to:
#: "中位PFS达9.0个月" is 2 apart, a follow-up time two clauses away is not PFS's value.
WINDOW = 12
#: ... and a P value from its measure: after the figures it compares ("下一次骨髓瘤治疗的时间较
#: Vd组有所延长（16.1个月比10.8个月，P=0.001 2）" is 35 apart).
_P_WINDOW = 40

#: Where a figure comes from ("which trial did those doublet figures come from?", "来自哪项
#: 研究"): a study named, which a sentence reporting the figure alone does not give.
_SOURCE = re.compile(
    r"\bwhich (?:trials?|stud(?:y|ies)|papers?|sources?|references?|reports?) (?:\S+ ){0,6}"
    r"(?:come|came|comes|derive|derived|taken|drawn)\b|\bwhere (?:\S+ ){0,4}(?:come|came)"
    r" from\b|(?:来自|出自|来源于|引自)(?:哪|什么|何)(?:一)?(?:项|个|篇)?(?:研究|试验|文献)"
)

#: Question wordings for each kind, in the order they are tried (the most specific first).
_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # how many cycles were given ("how many cycles did STORM patients get?"), not which one
    # (第几个疗程) nor how long one is (几周为一个疗程)
    (
        "cycles",
        re.compile(
            r"(?<!第)(?:几|多少)个?(?:疗程|周期)(?!的?(?:时间|长度))|(?:疗程|周期)数"
            r"|how many (?:\w+ ){0,2}(?:cycles|courses)\b"
            r"|number of (?:\w+ ){0,2}(?:cycles|courses)\b"
        ),
    ),
    # a trial's registration number ("临床编号是多少", "STOMP's NCT number?"): an identifier,
    # which no figure of a results sentence answers
    (
        "identifier",
        re.compile(
            # not one given to name the trial ("注册号为NCT02336815的那项研究")
            r"(?:编号|注册号|登记号|nct\s*号)(?!\s*(?:为|是|[:：])?\s*nct\s*\d)"
            r"|\b(?:nct|registration|registry|trial|clinicaltrials\.gov)"
            r" (?:number|id|identifier)s?\b(?!\s*(?:is |was |of |[:：(（]\s*)?nct\s*\d)"
        ),
    ),
    ("source", _SOURCE),
    # a P value ("这个差异的P值是多少", "what was the p-value for OS?")
    ("p value", re.compile(r"(?<![a-z])p\s*值|\bp[- ]?values?\b")),
    # how many people fall ill ("每年多少人得骨髓瘤", "how many people get myeloma each year"):
    # an incidence, which the review gives per 100 000; not how many die of it
    (
        "incidence",
        re.compile(
            r"多少(?:个)?人(?:会)?(?:得|患|新发|被确诊|确诊|发病)|几个人(?:会)?(?:得|患)|发病人数"
            r"|(?:新)?确诊(?:几|多少)(?:例|个|人)|新发(?:几|多少)(?:例|个|人)"
            r"|how many (?:\w+ ){0,2}(?:people|persons|patients|adults)\b[^?]{0,40}"
            r"\b(?:get|gets|develop|develops|are diagnosed|diagnosed|fall ill)\b"
            r"|how many new cases|how many new (?:\w+ ){0,2}cases"
            r"|per 100[, ]?000\b|每10万|每十万"
        ),
    ),
    (
        "count",
        re.compile(
            r"多少(?:例|名|位|个?病人|个?患者|个?人)|几(?:例|名|位|个?人|个病人|个患者)|例数|人数"
            r"|(?:病人|患者)(?:有|是|共)?(?:几个|多少个)(?=\s*(?:[？?，,。]|$))"
            r"|how many (?:of (?:the |these |those )?)?(?:\w+ ){0,3}(?:patients|people|subjects"
            r"|participants|cases|pts)\b"
            # "of the 21 enrolled, how many were evaluable?": people, with no noun between
            r"|how many (?:of (?:them|those|these) )?(?:were|had|achieved|reached|responded|died"
            r"|progressed|developed|carried|harbou?red|showed)\b"
            r"|number of (?:patients|participants|subjects|cases)|sample size|样本量"
            # "of the 122 enrolled, what number achieved MR or better?"
            r"|\bwhat number (?:of (?:them|those|these|patients|people) )?"
            r"(?:achieved|reached|attained|responded|had|got|were|went|did|progressed|died)\b"
        ),
    ),
    # hours, of a drug's kinetics or a dosing interval: a follow-up in months is no answer;
    # tried before a dose, which "how many hours after an oral dose of it" names too
    ("hours", re.compile(r"几个?小时|多少个?小时|how many hours")),
    (
        "percent",
        re.compile(
            # a rate of patients (缓解率, 发生率), not a clearance rate (清除率 is 18 L/h)
            r"百分之|百分比|百分点|(?<![按成])比例|占比|多少%"
            r"|占(?:了|到)?(?:多少|几成|多大)"
            r"|\bin per ?cent\b|\bper cent\b"
            r"|(?:缓解|发生|发病|生存|有效|控制|获益|收益|反应|应答|死亡|进展)率[^？?，,]{0,8}"
            r"(?:多少|多高|几成)"
            r"|percent|proportion of|fraction of|what (?:\w+ ){0,2}(?:proportion|fraction|share)"
            r"|\bshare of\b|\bthe share (?:who|that)\b"
            # "name the three … and give their rates"
            r"|\b(?:give|with|and|list) (?:their|the|its) (?:\w+ )?rates\b"
            # a rate asked for ("what response rate", "response rate of XKd?"), not one that
            # is only the subject ("which drugs drove the gains in response rates")
            r"|(?:^|\b(?:what|how high|how much|how large|tell me|give me)\b(?:\W+\w+){0,5}?\W+"
            # "Give the exact response rate…", not "does it give a better response rate?"
            r"|(?:^|[.:;!?]\s*)(?:give|state|quote)\b(?:\W+\w+){0,5}?\W+)"
            r"(?:\w+ ){0,2}(?:response|incidence|survival|benefit|control|remission|mortality"
            r"|death|relapse|progression|failure|event|discontinuation|infection)s? rates?\b"
            # a keyword query: "STORM's response rate?"
            r"|^(?:\S+\s+){0,3}(?:response|incidence|survival|remission)s? rates?\s*\?$"
            # "STORM grade 3 thrombocytopenia rate?", not a clearance or heart rate
            r"|^(?:\S+\s+){0,4}(?!(?:clearance|heart|infusion|flow|filtration)\b)\S+\s+rates?\s*\?$"
            r"|^(?!which\b)(?![^?？]*\b(?:as a number|in numbers|numerically)\b)"
            r"(?:\S+\s+){0,5}(?:orr|cbr|crb)\b[^?？]{0,60}[?？]$"
            # ... typed without words around it: "XKd因不良反应停药率", "BOSTON 肺炎 发生率"
            r"|^(?![^？?]*(?:哪|什么|吗|是否|怎|如何|为了))[^，,。；;？?]{0,24}(?<!清除)率\s*[?？]$"
            # (not "saw an increased rate of bleeding": whether it rose, not by how much)
            r"|(?<!clearance )(?<!heart )(?<!increased )(?<!higher )(?<!lower )(?<!reduced )"
            r"(?<!decreased )(?<!elevated )\brates? of\b"
            r"|\bwhat (?:\w+ ){0,3}(?:orr|cbr|crb)s?\b"
            r"|(?:^|[.:;!?]\s*)(?:give|state|quote) (?:\w+ ){0,3}(?:orr|cbr|crb)\b"
            # "what were the grade 3-4 thrombocytopenia rates?", "at what rates?"
            r"|\bwhat (?![^?？]*\b(?:clearance|heart|infusion|flow|filtration) rate)"
            r"(?:[\w–-]+ ){0,6}rates?\b"
            # a percent sign for a number: "what % had grade 3?", "grade 3+ thrombocytopenia %"
            r"|\bwhat\s*%|(?<![\d.])\s%\s*[?？]?$"
        ),
    ),
    (
        "dose",
        re.compile(
            r"多少剂量|剂量(?:是|为|各|分别)?(?:是|为)?多少|(?:多少|几)\s*(?:mg|毫克)|多大剂量|给多少|用多少"
            # pills of a drug: "一天最多可以吃几粒"
            r"|(?:吃|服|用)[^，,。？?]{0,4}(?:几|多少)\s*(?:粒|片|颗)\s*(?=[？?]|$)"
            r"|how many (?:pills|tablets|capsules)\b[^?？]*"
            r"\b(?:a day|per day|daily|at a time|at once)\b"
            r"|(?:什么|哪种|何种)剂量|(?:吃|服用?)多少(?!天|周|个?月|次|年|钱)"
            # "a dose of X" asks it, "after a dose of X" times from it
            r"|what (?:\w+ ){0,5}doses?\b|which doses?\b|dosage|how many mg"
            r"|\b(?:starting|initial|maximum|max|target) (?:daily )?doses?\b"
            r"|\bhow (?:should|is|are|was|were) (?:\w+ ){1,3}dosed\b"
            r"|(?<!\bafter )(?<!\bafter an )(?<!\bafter a )(?<!\bafter the )(?<!\bafter each )"
            r"(?<!\boral )\bdoses? of\b|(?<!\bafter an )\boral doses? of\b"
            # "which stimulant, and how much per day?", "一天吃多少？"
            r"|how much (?:\w+ ){0,3}(?:per day|a day|daily|each day|per dose|each dose)\b"
            r"|(?:每天|一天|每日|每次|一次)(?:吃|服|用|给)?多少(?!天|周|个?月|次|年|人|例|钱)"
            # a keyword query: "Ondansetron dose for nausea?", "XVd selinexor dose?"; not
            # "Dose modifications for low sodium?" or "My dose was cut, is that normal?"
            r"|^(?!(?:does|did|do|is|was|were|are|has|had|have|can|could|will|would|should|why"
            r"|how|what if|my|after)\b)(?:\S+\s+){0,3}doses?"
            r"(?:\s+(?:for|of|in|with|on)\b[^?？]{0,40})?\s*[?？]$"
            # ... "罗拉匹坦剂量", "XVd 塞利尼索 剂量"; not "要不要减剂量"
            r"|^(?![^？?]*(?:哪|什么|吗|是否|怎|如何|为了))[^，,。；;？?]{0,24}(?<![减增降调改])剂量\s*[?？]$"
        ),
    ),
    # "what grade is it usually", not "what grade 3 or 4 events occurred"
    # (not "到了哪一级缓解": a depth of response, named by its category)
    (
        "grade",
        re.compile(
            r"(?:几级|哪一?级|什么级别)(?!的?(?:缓解|反应|疗效))"
            r"|分级(?:一般|通常|大多|多半)?(?:有)?(?:多高|多少|是多少|怎样|如何)"
            r"|(?:what|which) grades?\b(?!\s*[≥>]?\s*\d)"
        ),
    ),
    # a trial's phase: "是几期的", "what phase was it"
    (
        "phase",
        re.compile(
            r"(?:研究|试验|临床)[^？?，,。]{0,6}(?:几期|哪一?期|什么期)(?![间限])"
            r"|(?:几期|哪一?期|什么期)(?![间限])[^？?，,。]{0,3}(?:研究|试验|临床)"
            r"|是几期的|属于几期|(?:what|which) phase\b(?! of)"
            # a search-box query: "STOMP phase?", "STOMP 几期"
            r"|^\s*[a-z]{3,8}\s*(?:phase|是?几期|哪一?期)\s*[?？]?$"
        ),
    ),
    # ... or when a study ends: "预计什么时候完成", "when is it expected to finish?"
    (
        "year",
        re.compile(
            r"哪一?年(?!龄)|什么年份|(?:what|which) year\b"
            r"|(?:什么时候|何时|哪年)(?:能|会|才)?(?:完成|结束|出结果|公布结果|揭盲)"
            # ... or begins: "什么时候开始入组的", "when did enrolment start?"
            r"|(?:什么时候|何时|哪年)(?:开始|启动)(?:入组|招募)"
            r"|\bwhen (?:did|was|were) (?:\w+ ){0,4}"
            r"(?:start|begin|began|open)(?:ed)? (?:enrol|recruit|accru)\w*"
            r"|\bwhen (?:\w+ ){0,5}(?:expected|due|scheduled|planned|set) to (?:finish|complete|end"
            r"|report|read out)\b"
            r"|\bwhen will (?:\w+ ){0,5}(?:finish|complete|end|report|read out)\b"
            r"|\b(?:completion|end) date\b"
        ),
    ),
    # a calendar date, of an approval or a report: "批准的具体日期是哪一天" asks no day of a
    # schedule, "给药日期是每周哪两天" does
    (
        "date",
        re.compile(
            r"(?:批准|获批|上市|发表|公布)的?(?:具体)?(?:日期|时间)?(?:是|为|在|于)?"
            r"(?:哪一?天|几月几[日号]|日期)"
            r"|(?:哪一?天|几月几[日号])(?:被|由)?\S{0,4}?(?:批准|获批|上市|发表|公布)(?!的?(?:方案|用法))"
            # "哪一天拿到美国药监部门批文的"
            r"|(?:哪一?天|几月几[日号])[^，,。？?]{0,12}批文"
            r"|具体日期|日期是哪一?天"  # "…批准…治疗RRMM的具体日期是哪一天？"
            r"|(?:what|which) date\b|\b(?:approval|publication) date\b"
            r"|\bdate of (?:approval|publication)\b"
            r"|(?:what|which) day (?:was|were|did)\b[^?]{0,40}\b(?:approved|published)\b"
        ),
    ),
    # "第几天": a day of a schedule (移植前第2天和第3天), or loosely when something happens
    # (给药后3~4 h达峰, 第5个疗程起减量)
    ("day", re.compile(r"第几天")),
    # the days of a schedule: "每周哪两天吃", "on which days was it given"
    # ... or a list of them checked against it ("是在第1、8、15、22天吃吗？", "days 1, 8 and 15?")
    (
        "days",
        re.compile(
            r"哪(?:几|两|三|一|些)天|(?<![每一两二三几])(?:周|星期|礼拜)几(?![次个周])"
            r"|(?:what|which) days?\b(?![-‐–]to[-‐–]day)"
            r"|第\s*\d+\s*[、,，]\s*\d+(?:\s*[、,，]\s*\d+)*\s*天"
            r"|\bdays? \d+(?:\s*(?:,|and)\s*\d+)+"
        ),
    ),
    # lines of prior therapy: "中位接受过几线治疗", "how many prior lines"
    (
        "lines",
        re.compile(
            r"几线|多少线|how many (?:\w+ ){0,2}lines\b|number of (?:\w+ )?lines\b"
            # "此前经历过几种治疗方案", "how many regimens had they been through"
            r"|(?:经历|接受|用|试)过?了?(?:几|多少)种(?:治疗)?方案"
            r"|how many (?:\w+ ){0,2}(?:regimens|prior therapies|previous therapies"
            r"|prior treatments|previous treatments)\b"
        ),
    ),
    (
        "time",
        re.compile(
            r"多久|多长时间|多长|几个月|多少个?月|多少天|几天|几周(?!期)|多少周(?!期)"
            r"|how long|how soon|how quickly|how fast|how many (?:months|days|weeks|hours|years)"
            r"|\b(?:cycle|course) length\b"
            # the figures asked in a unit of time: "what were the figures for each, in months?"
            r"|\b(?:figures?|numbers?|values?|durations?)\b[^?？.]{0,30}"
            r"\bin (?:months|weeks|days|years)\b"
            r"|\blength of (?:the |each |a |one )?(?:cycles?|courses?)\b"
            r"|多快"
        ),
    ),
    (
        "frequency",
        # dosing frequency; "rank in frequency among blood cancers" asks no schedule
        re.compile(
            r"几次|多少次|给药频率|频次|how often|how many times|how frequently|dosing freq"
        ),
    ),
    (
        "number",
        re.compile(
            # 哪几个 asks which ones, 举几个例子 for examples, "几个试验里，哪个…" which of
            # several: none a number
            # ... nor 另外几个是什么 ("the others, which are they?")
            # ... nor 有几种办法 ("what ways are there?": the ways are the answer)
            r"多少|(?<!哪)几(?!个例子)(?![个种项][^，,。？?]{0,12}(?:里|中|当中)[，,]?\s*哪)"
            r"(?![种个条](?:办法|方法|方式|措施|手段|途径|处理))"
            r"(?![个种项](?:分别)?(?:是什么|是哪些|都是什么|分别是))"
            r"(?:个|种|次|级|期|周期|疗程)|多高|多大(?!(?:的)?(?:希望|把握|可能|作用|区别|差别|影响|意义|帮助|用))"
            r"|how many|how much|what number|\bnumerically\b"
            # an age: "how old were they at the median?", "多大年纪"
            r"|\bhow old\b|多大年纪|多大岁数|(?<![一二三四五六七八九十])几岁"
            r"|(?<!increase )(?<!increases )(?<!rise )(?<!growth )\bin (?:actual )?numbers\b(?! of)"
            # "what were the actual figures for each?", "give me the numbers"
            r"|\bwhat (?:was|were|are|is) (?:the |their |its )?(?:actual |exact |precise )?"
            r"(?:figures?|numbers?|values?)\b"
            r"|\bwhat (?:was|were|are|is) the (?:two|three|\w+ing) (?:figures?|numbers?)\b"
            r"|\bas an? (?:number|figure|percentage|percent)\b"
            # a threshold: "below what sodium level should it be held?", "what cut-off?"
            r"|\b(?:below|above|under|over|at|to) what (?:\w+ ){0,3}(?:level|count|value|threshold"
            r"|concentration|number)s?\b|\bwhat (?:\w+ ){0,2}(?:threshold|cut-?off)s?\b"
            r"|what (?:was|were|is|are) (?:the )?(?:\w+ )?(?:median|mean|average)\b"
            r"|\bwhat (?:\w+ )?(?:median|mean|average)\b|\bby (?:\w+ )?what factor\b|几倍|多少倍"
            # a kinetic measure's value: "What Cmax is reached after a single 80 mg dose?"
            r"|\bwhat (?:\w+ ){0,2}(?:cmax|auc|tmax|bioavailability|volume of distribution)\b"
            # a keyword query for a median: "Median age of BOSTON patients?", "队列的中位年龄？"
            r"|(?:^|[—–:：]\s*|\s-\s*)(?:\S+\s+){0,2}(?:median|mean|average)\b[^?？]{0,60}[?？]$"
            r"|中位[^？?吗呢么，,。]{1,8}[？?]?$"
            # a keyword query for a time endpoint: "STORM mPFS in t(4;14) patients?"
            # (not a yes/no or why question: "Did XVd improve PFS?")
            r"|^(?!(?:does|did|do|is|was|were|are|has|had|have|can|could|will|would|why|how)\b)"
            r"(?:\S+\s+){0,3}m?(?:pfs|os|dor|ttnt|ttp|ttr)\b[^?？]{0,60}[?？]$"
        ),
    ),
)

_NUMBER = r"\d+(?:\.\d+)?(?:\s*[~\-–/]\s*\d+(?:\.\d+)?)*"
#: A rate per population ("1~2.5/100 000", "3/10万").
_PER_100_000 = rf"{_NUMBER}\s*/\s*(?:100\s*000|100,000|10\s*万)"
#: What counts as a value of each kind in the (normalized, lower-case) review.
_GIVES: dict[str, re.Pattern[str]] = {
    # a number of cycles given, not the length of one (28 d为1个疗程: see ``_values``)
    "cycles": re.compile(rf"{_NUMBER}\s*个?(?:疗程|周期)|{_NUMBER}\s*(?:cycles|courses)"),
    "p value": re.compile(r"(?<![a-z])p\s*[=<>＜≤≥]\s*0?\.\d"),
    "count": re.compile(rf"{_NUMBER}\s*(?:例|名|位|人)|n\s*=\s*\d+|{_NUMBER}\s*(?:patients|cases)"),
    # how many fall ill, given as a rate per population ("每年1~2.5/100 000")
    "incidence": re.compile(_PER_100_000),
    "dose": re.compile(rf"{_NUMBER}\s*(?:mg|g\b|毫克|μg|ml)"),
    "percent": re.compile(rf"{_NUMBER}\s*%|百分之|/\s*\d{{2,}}"),
    # how often something happens, which the review may say in words ("发生率极低")
    "rate": re.compile(
        # (a level, not a change against a comparator: "发生率明显降低" is a comparison)
        rf"{_NUMBER}\s*%|百分之|(?:发生率|发病率)\s*(?:极|较|很|相对)?(?:低|高)(?!于)"
        r"|罕见|少见|常见|多见|较少|较多|大多|多为|" + _PER_100_000
    ),
    "time": re.compile(
        rf"{_NUMBER}\s*(?:个月|月|天|日|周|年|h(?![a-z])|小时|d(?![a-z])|min|分钟|months?|days?|weeks?|hours?)"
    ),
    "hours": re.compile(rf"{_NUMBER}\s*(?:h\b|小时|hours?)"),
    "lines": re.compile(rf"{_NUMBER}\s*(?:线|lines?\b)"),
    "frequency": re.compile(rf"{_NUMBER}\s*次|每周|每天|每日|twice|once|weekly|daily"),
    # a figure, but not a grade (3~4级), phase (2b期) or day of a schedule (第1、3天)
    "number": re.compile(
        r"(?<![第\d.a-z-])\d+(?:\.\d+)?(?![\d.]*\s*(?:[~～、/]\s*\d+\s*)?[a-z]?[级期天])"
    ),
    "identifier": re.compile(r"nct\s*\d{6,}"),
    # a study named: a trial, a registration, a cited group ("Chari等", 国际骨髓瘤工作组)
    "source": re.compile(
        r"storm|stomp|boston|nct\s*\d|试验|研究|工作组|等报道|等人|\bet al\b|\btrial\b|\bstudy\b"
    ),
    "grade": re.compile(r"\d\s*(?:[~～\-–]\s*\d\s*)?级|grade\s*\d"),
    # 2b期, Ⅱ期 (ii期 once normalized), phase 3
    # (not a recommended phase 2 dose's: "推荐Ⅱ期给药剂量" is no trial's phase)
    "phase": re.compile(
        r"(?:\d\s*[ab]?\s*期|(?<![a-z])(?:i{1,3}|iv)\s*[ab]?\s*期)(?!\s*(?:给药)?剂量)"
        r"|phase\s*(?:\d|i{1,3}[ab]?\b|iv\b)(?!\s*dose)"
    ),
    "day": re.compile(
        r"第\s*\d+(?:\s*[、,~～\-–和及]\s*(?:第\s*)?\d+)*\s*(?:天|个?疗程|个?周期)"
        rf"|{_NUMBER}\s*(?:h(?![a-z])|小时|天|d(?![a-z]))"
    ),
    "days": re.compile(r"第\s*\d+(?:\s*[、,~～\-–和及]\s*\d+)*\s*天|\bdays?\s*\d+|\bd\s*\d+\b"),
    "date": re.compile(
        r"\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    ),
    # a calendar year (2019年), not a duration (3年)
    "year": re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)"),
}

#: Kinds of value that belong to a measure (a rate of ORR, a time of PFS, a count of VGPRs).
#: A dose belongs to a drug, wherever the sentence names the adverse event it treats.
#: (Not a dose, cycles or a schedule.) A P value belongs to its comparison's measure: the
#: P=0.001 2 of BOSTON's time to next treatment is not its PFS's.
MEASURED_KINDS = frozenset(
    {"count", "incidence", "percent", "rate", "time", "hours", "number", "p value"}
)


#: "How often" asks a dosing schedule only when the question is about giving the drug;
#: "how often does nausea occur" asks how common it is.
_DOSING = re.compile(
    r"\b(?:given|give|dosed|dose|dosing|administered|taken|take|infused|injected)\b"
)


#: The words a cycle's length stands beside.
_CYCLE_WORDS = ("疗程", "周期", "cycle", "course")

#: A question about cycles asks a schedule's duration ("how long after a dose" asks a time).
_SCHEDULE_WORDS = re.compile(r"疗程|周期|cycles?\b|schedule|course")


#: A question asking which trial, cohort or drug ("Which of the trials was designed to find
#: the maximum tolerated dose?"): the dose it names is not what it asks for.
_WHICH_THING = re.compile(
    r"^\W*(?:\w+\W+){0,3}?which (?:one )?(?:of the )?(?:trials?|stud(?:y|ies)|cohorts?|arms?|drugs?"
    r"|regimens?|combinations?)\b(?! (?:had|has|have|showed|reached|achieved|gave|reported)\b)"
    r"|^\W*(?:\S{0,12}?)哪(?:一|个|项|一项|一个)?(?:研究|试验|队列|组合|方案|药)"
    r"(?![^，,？?]{0,12}(?:最|更|比较|多少|几))"
)


#: A blank to fill, with the unit written after it ("中位PFS为___个月", "ORR was ___%"): the
#: unit says the kind of value asked for. A blank without a unit may want a word.
_BLANK = re.compile(
    r"(?:_{2,}|＿+|[（(]\s*[)）])\s*(%|％|个月|月|months?\b|例|名|patients\b|mg"
    r"|小时|h\b|hours?\b|天|days?\b|周|weeks?\b|年|years?\b|级|期)"
)
#: ... a blank before what it counts ("___ further phase 3 trials", "___项"): a number.
_BLANK_COUNTED = re.compile(
    r"(?:_{2,}|＿+)\s*(?:[a-z0-9-]+\s+){0,3}[a-z]+s\b|(?:_{2,}|＿+)\s*[项个种]"
)
_BLANK_KINDS = (
    ("percent", ("%", "％")),
    ("time", ("个月", "月", "month", "months", "天", "day", "days", "周", "week", "weeks")),
    ("count", ("例", "名", "patients")),
    ("dose", ("mg",)),
    ("hours", ("小时", "h", "hour", "hours")),
    ("grade", ("级",)),
    ("phase", ("期",)),
    ("number", ("年", "year", "years")),
)


#: A search-box query: no sentence's punctuation and no verb ("rolapitant dose for sel nausea",
#: "XKd因不良反应停药率"). It is read as if it ended in a question mark, as the keyword
#: queries of ``_ASKS`` do; "STORM's ORR was 26%" is a claim, not a query.
_TERSE = re.compile(
    r"(?![^。.!！?？;；:：]*(?:\b(?:is|are|was|were|be|been|has|had|have|do|does|did|reached"
    r"|achieved|showed|gave|got)\b|是|为|达|了))[^。.!！?？;；:：]+"
)


_SEVERAL = re.compile(r"好几|没几")


#: A population a rate is given per: "每10万人", "per 100,000".
_PER_POPULATION_ASKED = re.compile(r"每\s*(?:10|十)\s*万|per 100[, ]?000|/\s*100\s*000")
#: How often something happens to patients, not how often a figure was reported.
_HAPPENS = re.compile(r"\b(?:happens?|occurs?|develops?|gets?|seen|see|experiences?|arises?)\b")


#: A share asked of a number of patients named ("402人中…占多少"), and words asking a percent.
_SHARE_OF_COUNT = re.compile(r"\d+\s*(?:人|例|名|位)(?:中|里|当中)[^？?]*占")
_PERCENT_WORD = re.compile(r"%|百分|percent|比例")


#: Numbers written as words ("six months", "twenty patients").
_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|hundred)"
)
#: A figure put up to be checked, with the kind of value it is: "more than half", "超过四分之一",
#: "above 50%", "ORR是不是也在48%左右", "隔了半年以上", "more than 20 patients".
_CHECKED_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "percent",
        re.compile(
            # a share of patients, not a half-life, half a year or two and a half years
            r"\d+(?:\.\d+)?\s*(?:%|％|percent\b|per cent\b)|百分之"
            r"|(?<![\w-])(?<!and )(?<!and a )(?:a |one )?half\b(?![- ](?:life|lives|a |an ))"
            r"(?! (?:of )?(?:the |its |a )?(?:drug|dose|level|concentration|amount|selinexor))"
            r"|\b(?:a|one) (?:quarter|third|fifth|tenth)\b(?! of an? (?:year|month|week|day))"
            r"|\btwo[- ]thirds\b|\bthree[- ]quarters\b"
            # ... nor a drug level falling by half (降到一半, 减少一半: a half-life)
            r"|(?<!降到)(?<!降为)(?<!降低)(?<!减少)(?<!减到)(?<!剩下)(?<!少了)(?<!降)一半|半数"
            r"|[一二三四五六七八九十]\s*分之|[一二三四五六七八九]成"
        ),
    ),
    (
        "time",
        re.compile(
            # months and weeks of a response or survival, not "once a week" nor an age in years
            rf"(?<!once )(?<!twice )(?<!times )(?:\d+(?:\.\d+)?|{_WORD_NUMBER}|a|one)\s*-?\s*"
            r"(?:months?|weeks?)\b"
            r"|(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)\s*(?:个月|周)(?!\s*[1一]次)|半年"
        ),
    ),
    ("dose", re.compile(r"\d+(?:\.\d+)?\s*(?:mg|毫克)")),
    (
        "count",
        re.compile(
            rf"(?:\d+|{_WORD_NUMBER})\s*(?:patients|people|participants|subjects|cases)\b"
            r"|(?:\d+|[一二两三四五六七八九十百]+)\s*(?:例|名|位|个病人|个患者)"
        ),
    ),
)
#: ... the words that put it up: a comparison or an estimate.
_CHECKED_BY = re.compile(
    r"\b(?:more|greater|higher|longer|fewer|less|lower|shorter|larger|smaller|better|worse)"
    r" than\b|\b(?:above|over|below|under|exceed(?:s|ed|ing)?|beyond|at least|at most|upwards of"
    r"|in excess of|roughly|about|around|approximately|nearly|almost|close to|as (?:high|low|many"
    r"|few|long) as)\b|超过|超出|多于|高于|低于|少于|不到|不足|大于|小于|以上|以下|左右|大约|将近"
    r"|接近|过半|能到|达到"
)
#: ... in a question asking yes or no.
_YES_NO = re.compile(
    r"^\W*(?:(?:so|and|but|also|then)\s+|[^,，?？]{0,80}[,，]\s*)?(?:is|was|were|are|did|does|do"
    r"|has|have|had|can|could|will|would)\b|\bis it (?:true|right|correct)\b|\btrue or false\b"
    r"|是不是|是否|吗|么[？?]|有没有|能不能|会不会|对不对|对吗"
)


def checked_kind(question: str) -> str | None:
    """The kind of value a yes-or-no question puts a figure up against ("Was grade 3–4
    thrombocytopenia seen in more than half of STORM patients?" asks a percent): to check it,
    the review must give that value; a sentence naming the event without one settles nothing."""
    for clause in re.split(r"(?<=[?？。])", question):
        if not _YES_NO.search(clause) or not (by := _CHECKED_BY.search(clause)):
            continue
        for kind, figure in _CHECKED_FIGURES:
            # a figure starting near the words putting it up (what follows may run on)
            if any(by.start() - 12 <= m.start() <= by.end() + 16 for m in figure.finditer(clause)):
                return kind
    return None


#: A rank asked ("where does myeloma rank among blood cancers", "排第几"): a place, not a value.
_RANK = re.compile(
    r"\bwhere (?:\w+ ){0,4}ranks?\b|\bwhat (?:\w+ ){0,2}rank\b|排(?:在|名)?第几|第几位"
)


def asked_kind(question: str) -> str | None:
    """The kind of value the (lower-cased) question asks for, or None if it asks for none."""
    # 好几 is "several" in a statement ("一周吃好几次会不会蓄积"), never a question word
    text = _SEVERAL.sub("多", question.lower().strip())
    if _RANK.search(text):
        return None  # "where does it rank in how often it occurs": a place, 居第2位
    if _TERSE.fullmatch(text):
        text += "?"
    if blank := _BLANK.search(text):
        unit = blank.group(1)
        kind = next(kind for kind, units in _BLANK_KINDS if unit in units)
        # "每10万人大约发病___例" is a rate per population, not a count of patients
        return "incidence" if kind == "count" and _PER_POPULATION_ASKED.search(text) else kind
    if _BLANK_COUNTED.search(text):
        return "number"
    if _WHICH_THING.search(text):
        # "which trial did those figures come from?" asks a source; "which trial had…" none
        return "source" if _SOURCE.search(text) else None
    kind = next((kind for kind, pattern in _ASKS if pattern.search(text)), None)
    if kind == "percent" and _SHARE_OF_COUNT.search(text) and not _PERCENT_WORD.search(text):
        return None  # "402人中XVd组占多少？" may be answered by a count (n=195) as by a share
    if kind == "frequency" and text.isascii() and not _DOSING.search(text):
        # "how often does neuropathy happen?" is answered by "发生率极低" as by a percent
        return "rate" if _HAPPENS.search(text) else "percent"
    if kind == "time" and _SCHEDULE_WORDS.search(text):
        return "schedule"  # "how long was each cycle": a dosing duration is the answer
    return kind or checked_kind(text)


def part_kinds(question: str) -> list[tuple[str, str]]:
    """Each part of a question of several with the kind of value it asks, in order
    ("入组例数为多少？其中……中位PFS为多少？" → count, then number)."""
    # a semicolon before a digit is inside a name (t(4;14)), not between parts
    parts = re.split(r"[？?]|[；;](?!\s*\d)|\band\b|以及|另外|其中", question)
    return [(k, part) for part in parts if part.strip() and (k := asked_kind(part))]


#: A duration that belongs to a dosing schedule (28 d为1个疗程, 共3周, 第1~21天): it says
#: how long a cycle is, never how long a response or survival lasted.
_SCHEDULE_BEFORE = re.compile(r"[共第前每]\s*$")
_SCHEDULE_AFTER = re.compile(r"^\s*(?:为|一)?\s*1?\s*个?(?:疗程|周期)|^[^，。；]{0,3}(?:为1|/周)")


#: Cytogenetic names, whose digits are no values: t（4；14）, del（17p）, 1q21.
_CYTOGENETIC = re.compile(r"(?:\bt|del|amp|gain)\s*[（(][^）)]{1,12}[）)]|1q21|17p", re.IGNORECASE)


def _values(text: str, kind: str) -> Iterable[re.Match[str]]:
    """Values of the kind in the text; for a time, not the durations of dosing schedules."""
    pattern = _GIVES["time" if kind == "schedule" else kind]
    genes = [g.span() for g in _CYTOGENETIC.finditer(text)]
    for m in pattern.finditer(text):
        if any(start <= m.start() < end for start, end in genes):
            continue  # the 4 and 14 of t(4;14) name a translocation, and count nothing
        if kind == "schedule" and text[max(0, m.start() - 1) : m.start()] == "第":
            continue  # 第1~21天 are days of a cycle, not its length
        if kind == "cycles" and re.search(r"[为第]\s*$", text[max(0, m.start() - 2) : m.start()]):
            continue  # 28 d为1个疗程 defines a cycle; 第2个疗程 is one of them
        if kind == "time" and (
            _SCHEDULE_BEFORE.search(text[max(0, m.start() - 2) : m.start()])
            or _SCHEDULE_AFTER.search(text[m.end() : m.end() + 8])
        ):
            continue
        yield m


#: A figure a question may quote as a result: a number with a decimal point (9.0, 0.0012), a
#: percent (63%), a registration number (02199665), or a count or time with its unit (42例,
#: 21 months): not a bare number, which may be a patient's age or platelet count.
_FIGURE = re.compile(
    r"(?<![\d.])(?:\d+\.\d+|\d+\s*%|\d{5,}|\d{2,}(?=\s*(?:例|名|个月|months?\b|patients\b)))"
    r"(?![\d.]*\d)"
)


def figures(text: str) -> frozenset[str]:
    """The figures stated in the (normalized) text, spaces removed ("86 %" is "86%")."""
    return frozenset(m.group(0).replace(" ", "") for m in _FIGURE.finditer(text))


def gives(text: str, kind: str) -> bool:
    """Whether the (normalized) text states a value of that kind anywhere."""
    return any(True for _ in _values(text, kind))


def gives_before(text: str, kind: str, before: re.Pattern[str]) -> bool:
    """Whether the text states a value of the kind with nothing matching ``before`` ahead of it
    ("共纳入42名" after "在STOMP的硼替佐米队列中" is the cohort's, not the whole trial's)."""
    return any(not before.search(text[: m.start()]) for m in _values(text, kind))


#: A count and the patients it counts with a relative clause between them, in Chinese order:
#: "7例[在接受CAR-T治疗后病情进展]的病人" counts patients whose disease progressed, however
#: long the clause.
_COUNTED_CLAUSE = re.compile(
    rf"{_NUMBER}\s*(?:例|名|位)([^，。；,;]{{1,40}}?)的(?:病人|患者|病例|受试者)"
)

#: A rate per population and the clause before it, which says of what: "我国MM发病率约为每年
#: 1~2.5/100 000" is an incidence of myeloma.
_PER_POPULATION = re.compile(rf"([^，。；,;]{{0,30}}?){_PER_100_000}")


def gives_value_of(text: str, variants: Sequence[str], kind: str, window: int = WINDOW) -> bool:
    """Whether some mention of the measure (any variant) has a value of that kind beside it;
    for a count, also a mention inside the clause describing the patients counted, and for an
    incidence, inside the clause before the rate."""
    spans = [(m.start(), m.end()) for m in _values(text, kind)]
    if any(
        a >= start - window and b <= end + window
        for variant in variants
        for start, end in occurrences(text, variant.lower())
        for a, b in spans
    ):
        return True
    if kind == "count":  # the clause describing the patients counted
        clauses = [m.group(1) for m in _COUNTED_CLAUSE.finditer(text)]
    elif kind == "incidence":  # the clause before the rate ("我国MM发病率约为每年1~2.5/100 000")
        clauses = [m.group(1) for m in _PER_POPULATION.finditer(text)]
    else:
        return False
    return any(
        next(occurrences(clause, variant.lower()), None) is not None
        for clause in clauses
        for variant in variants
    )


#: A figure a question quotes as known ("a 15.6-month median OS", "ORR 26%", "中位OS是15.6个月"):
#: a decimal, a percent, or a whole number with its unit; not a grade or a phase.
_QUOTED = re.compile(r"(?<![\d.a-z])(?:\d+\.\d+|\d+\s*(?:%|-?\s*months?\b|个月|例|patients\b))")
#: How far a quoted figure may start from its measure ("15.6-month median os": 18).
_QUOTE_WINDOW = 20


#: What separates a clause from the next: a figure beyond it is another clause's.
_CLAUSE_BREAK = re.compile(r"[,，;；。?？!！—]|\.(?!\d)")  # (not a decimal point)


#: Where a question's clauses part ("STORM's ORR was 26%; what was its PFS?", "…OS — what …").
#: (an English full stop ends a clause too: "the ORR was 63%. What median PFS…?")
_CLAUSES = re.compile(
    r"(?:[^,，;；。:：—.]|\.(?!\s))+(?:[,，;；。:：—]|\.(?=\s))*|(?:[,，;；。:：—]|\.(?=\s))+"
)


def unquoted(question: str) -> str:
    """The question without the clauses before its last that quote a figure and ask nothing
    ("STORM's ORR was 26%; what was its median DOR?" asks a number, not a percent): what it
    knows is not what it asks. Unchanged unless the last clause asks a value itself ("How
    many of the 21 patients …, overall?" asks in its first)."""
    pieces = _CLAUSES.findall(question)
    if len(pieces) < 2 or asked_kind(pieces[-1]) is None:
        return question
    kept = [
        p for p in pieces[:-1] if not _QUOTED.search(p.lower()) or asked_kind(p) is not None
    ] + pieces[-1:]
    return question if len(kept) == len(pieces) else "".join(kept)


def quoted(question: str, measure: Sequence[str]) -> bool:
    """Whether every mention of the measure (its variants) in the (normalized) question has a
    figure beside it, in its clause: the question quotes the measure's value, it does not ask
    it ("中位os是15.6个月，那pfs呢" quotes OS, not PFS)."""
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(question)]
    mentions = [span for v in measure for span in occurrences(question, v.lower())]

    def beside(a: int, b: int, start: int, end: int) -> bool:
        between = question[min(b, end) : max(a, start)]
        near = a >= start - _QUOTE_WINDOW and b <= end + _QUOTE_WINDOW
        return near and not _CLAUSE_BREAK.search(between)

    return bool(mentions) and all(
        any(beside(a, b, start, end) for a, b in spans) for start, end in mentions
    )


def lacks_value(text: str, kind: str, measures: Iterable[Sequence[str]]) -> bool:
    """True when the text cannot supply the value asked for.

    ``measures`` are the question's measures (PFS, ORR, nausea), each as its variants: one of
    them must carry a value of the kind beside it. A question naming no measure, or asking a
    dose, takes a value of the kind anywhere.
    """
    if kind == "schedule":  # a duration beside a cycle: 28 d为1个疗程, not a PFS of 12.2个月
        return not gives_value_of(text, _CYCLE_WORDS, kind)
    measures = list(measures) if kind in MEASURED_KINDS else []
    # a P value closes its comparison's parenthesis: "未达到中位OS（风险比HR=0.84，P=0.185 2）"
    window = _P_WINDOW if kind == "p value" else WINDOW
    if measures:
        return not any(gives_value_of(text, m, kind, window) for m in measures)
    return not gives(text, kind)


#: Glossary categories of the things a value is reported for (PFS, ORR, Cmax, nausea).
_MEASURED = frozenset({"endpoint", "response", "pk", "adverse_event"})
#: ... and of trial design, the patients' age: 65 in "年龄中位数为65岁" is theirs, a cohort
#: size or a dose in the same sentence is not.
_MEASURED_TERMS = frozenset({"age"})


#: What a count is of, besides measures: patients with del(17p), NDMM patients.
_COUNTED = frozenset({"biology", "disease"})
#: ... and patients whose treatment changed: 21 in "共纳入21例…直至因不良反应无法耐受停止"
#: counts the cohort, not those who stopped; nor those evaluable for response.
_COUNTED_CHANGES = frozenset(
    {"dose adjustment", "dose reduction", "dose interruption", "discontinuation", "evaluable"}
)

#: ... but the evaluable patients a share is taken among are its denominator, not what it
#: measures ("what percentage of the evaluable patients responded?": 86% in "可评估疗效的病人
#: 7例，ORR达86%" is the responders')
_AMONG_EVALUABLE = re.compile(
    r"\b(?:of|among|in) (?:the |those |all )?(?:\w+ )?evaluable\b"
    r"|可评估(?:疗效)?的?(?:病人|患者|人)?(?:中|里|当中)"
)


#: A question asking the level a value must reach: "at what serum sodium level", "低于多少".
_LEVEL = re.compile(
    r"\b(?:below|above|under|over|at|to) what (?:\w+ ){0,3}(?:level|count|value|threshold"
    r"|concentration)s?\b|\bwhat (?:\w+ ){0,2}(?:threshold|cut-?off)s?\b"
    r"|(?:低于|高于|超过|小于|大于|降到|升到)多少"
)


#: Measure-like glossary terms that qualify a value rather than name one.
_UNMEASURED = frozenset(
    {
        "median",
        "response",
        "efficacy",
        "safety",
        "tolerability",
        "survival",
        "benefit",
        "endpoint",
        "statistically significant",
        "p value",
        "no significant difference",
        "not reached",
        "durable response",
        "rapid response",
        "deep response",
        "adverse event",
        "toxicity",
    }
)


def measures(expansion: Expansion | None, kind: str | None = None) -> list[tuple[str, ...]]:
    """The question's measures with a name of their own (PFS, Cmax, 随访, 恶心), not "median".

    Only these decide where a value must sit: "median" or "response" appear all over a
    results sentence, beside values that belong to other measures. A count is also of the
    patients a question singles out (del(17p), NDMM): 122 in "实验共纳入122例" counts all.
    """
    if expansion is None:
        return []
    q = expansion.question.lower()
    counted = kind in ("count", "incidence")
    # a share of patients whose treatment changed ("discontinuation rate") is theirs too
    changed = counted or kind == "percent"
    wanted = _MEASURED | (_COUNTED if counted else frozenset())
    if kind == "hours":  # how soon something happens in the cell ("多少小时开始凋亡")
        wanted |= {"biology"}
    if kind == "number" and _LEVEL.search(expansion.question.lower()):
        wanted |= {"biology"}  # "at what sodium level should it be held?": sodium's value
    return [
        tuple(normalize(v) for v in term.en + term.zh)
        + (
            _TO_PEAK
            if kind in ("hours", "time") and term.en[0] == "Cmax" and _AFTER_DOSE.search(q)
            else ()
        )
        for term in expansion.matched
        if (
            term.category in wanted
            or term.en[0].lower() in _MEASURED_TERMS
            or (
                changed
                and term.en[0].lower() in _COUNTED_CHANGES
                and not (term.en[0] == "evaluable" and _AMONG_EVALUABLE.search(q))
            )
        )
        and term.en[0].lower() not in _UNMEASURED
        and not (term.en[0] == "PD" and _only_describes(q, term.en + term.zh))
    ]


#: Progression that says who the patients are ("CAR-T后进展的病人", "patients who progressed
#: after CAR-T"), not what is measured of them.
_DESCRIBED_PROGRESSION = re.compile(
    r"(?:后|之后|以后)(?:病情)?(?:进展|复发)的(?:病人|患者|人)"
    r"|\b(?:who|that) (?:had )?(?:progressed|relapsed)\b"
    r"|\bprogressed (?:after|on|following|despite)\b|\bafter progressing\b"
)


def _only_describes(question: str, variants: tuple[str, ...]) -> bool:
    """Whether the (lower-cased) question names the term only where it describes patients."""
    if not _DESCRIBED_PROGRESSION.search(question):
        return False
    rest = normalize(_DESCRIBED_PROGRESSION.sub(" ", question))
    return not any(next(occurrences(rest, normalize(v).lower()), None) for v in variants)


#: Hours, or how long, asked of a peak concentration after a dose ("how many hours after the
#: dose for the peak level?", "how long after a dose does it peak?", "吃下去以后几个小时抽血")
#: are the time it takes to reach it: the review's
#: "给药后3~4 h，血药浓度达到峰值"; not how long the peak lasts.
_TO_PEAK = ("达到峰值", "达峰", "time to peak")
_AFTER_DOSE = re.compile(
    r"\bafter\b|\bpost[- ]dose\b|\breach(?:es|ed)?\b|\bdraw|以后|之后|服药后|给药后|吃下去|吃完"
    r"|达到|抽血|采血"
)


#: Statistics a question can ask of a figure that the review, reporting medians, gives only
#: where it says so: (name, how a question asks it, how a sentence gives it). A range is asked
#: of a measure (年龄范围, "dose range"), not a scope (适用范围, "a wide range of side effects"),
#: and given as one (1~2.5), not as grades, phases or the days of a schedule (3~4级, 第1~21天).
_RANGE_GIVEN = (
    r"范围|\brange\b"
    r"|(?<![第\d.])\d+(?:\.\d+)?\s*(?:[~～–\-]|至|到)\s*\d+(?:\.\d+)?(?![\d.])(?!\s*[级期天])"
)
_STATISTICS = (
    (
        "range",
        re.compile(
            r"(?:年龄|年纪|岁数|剂量|发病率|随访)[^，。？?]{0,4}(?:范围|区间)"
            r"|最小[^，。？?]{0,6}最大|最大[^，。？?]{0,6}最小|中位\S{0,6}(?:及其?|和)范围"
            r"|\bmedian \w+ (?:and|\() ?range\b"
            r"|\b(?:age|dose|dosing|incidence|follow-up) range\b"
            r"|\brange of (?:ages?|doses?|incidence|follow-up)\b"
        ),
        re.compile(_RANGE_GIVEN),
    ),
    (
        "maximum",
        # how far a dose may be raised, a cap (not the highest of the doses a trial gave)
        re.compile(r"最多(?:可以|能|可)?(?:加|增加|加量|调)到|\bmax(?:imum)? daily dose\b"),
        re.compile(r"最大|最高|最多|maximum|不超过"),
    ),
    (
        "oldest or youngest",
        re.compile(r"(?:年纪|年龄)最(?:大|小)|最年长|最年轻|\boldest\b|\byoungest\b"),
        re.compile(rf"最(?:大|小|年长|年轻)|oldest|youngest|{_RANGE_GIVEN}"),
    ),
)


def lacks_statistic(question: str, cited: str) -> str | None:
    """The statistic the (lower-cased) question asks (a range, the oldest patient) that the
    cited text does not give: "年龄范围是多少？" is not answered by "年龄中位数为65岁"."""
    return next(
        (
            name
            for name, asks, gives in _STATISTICS
            if asks.search(question) and not gives.search(cited)
        ),
        None,
    )
