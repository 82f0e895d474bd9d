"""The drug-class table: parsing, resolution against the glossary, what it covers."""

from __future__ import annotations

import pytest

from assistant.classes import Kinship, load_classes, parse_classes
from assistant.glossary import Glossary, load_glossary, parse_glossary

HEADER = "class\tmembers\tuse\n"


def test_every_name_of_the_table_is_a_glossary_term() -> None:
    kin = Kinship.of(load_glossary(), load_classes())  # raises on a name the glossary lacks
    assert "地塞米松" in kin.covering("corticosteroid")  # a member names its class
    assert "5-羟色胺3受体拮抗剂" in kin.covering("ondansetron")  # supportive: class covers
    assert "抗CD38单抗" not in kin.covering("isatuximab")  # treatment: never
    assert kin.covering("isatuximab") == ()
    assert "美法仑" in kin.covering("chemotherapy")  # the review's alkylators are chemotherapy
    assert "血小板减少" in kin.covering("cytopenia")  # a low count of one kind is a cytopenia


def test_bad_tables_are_refused_with_the_line() -> None:
    with pytest.raises(ValueError, match="header"):
        parse_classes("class\tmembers\n")
    with pytest.raises(ValueError, match="line 2"):
        parse_classes(HEADER + "steroid\tdexamethasone\tsometimes\n")
    glossary = Glossary(parse_glossary("en\tzh\tcategory\ncorticosteroid\t类固醇\tdrug\n"))
    with pytest.raises(ValueError, match="'dexamethasone' is not a glossary term"):
        Kinship.of(glossary, parse_classes(HEADER + "corticosteroid\tdexamethasone\ttreatment\n"))


def test_regimens_are_doublets_or_triplets_by_their_drugs() -> None:
    glossary = Glossary(
        parse_glossary(
            "en\tzh\tcategory\n"
            "doublet\t二联\tregimen\n"
            "triplet\t三联\tregimen\n"
            "Xd|selinexor + dexamethasone\t塞利尼索+地塞米松\tregimen\n"
            "XVd\t塞利尼索+硼替佐米+地塞米松|塞利尼索+硼替佐米\tregimen\n"
        )
    )
    kin = Kinship.of(glossary, [])
    assert kin.covering("doublet") == ("Xd", "selinexor + dexamethasone", "塞利尼索+地塞米松")
    assert "XVd" in kin.covering("triplet") and "XVd" not in kin.covering("doublet")
    assert kin.covering("XVd") == ()  # a triplet's figures are not every triplet's


def test_a_general_word_is_named_by_its_kinds() -> None:
    glossary = Glossary(
        parse_glossary(
            "en\tzh\tcategory\n"
            "response|responses\t缓解\tresponse\n"
            "ORR|overall response rate\t客观缓解率\tendpoint\n"
            "non-response\t无缓解\tresponse\n"
            "responsiveness\t反应性\tother\n"
            "PFS|progression-free survival\t无进展生存期\tendpoint\n"
        )
    )
    kin = Kinship.of(glossary, [])
    # ORR is a response; "non-response" and "responsiveness" are not kinds of it
    assert kin.covering("response") == ("ORR", "overall response rate", "客观缓解率")
    assert kin.covering("survival") == ()  # not a term of this glossary


def test_a_smaller_glossary_of_ones_own_leaves_unknown_names_out() -> None:
    glossary = Glossary(parse_glossary("en\tzh\tcategory\ncorticosteroid\t类固醇\tdrug\n"))
    table = parse_classes(HEADER + "corticosteroid\tdexamethasone\ttreatment\n")
    kin = Kinship.of(glossary, table, strict=False)
    assert kin.covering("corticosteroid") == ()


def test_words_for_kinds_of_things_are_named_by_the_things() -> None:
    kin = Kinship.of(load_glossary(), load_classes())
    assert "无进展生存期" in kin.covering("endpoint")  # a passage reporting PFS names an endpoint
    assert "非难治" in kin.covering("subgroup")  # PI-refractory and non-refractory groups
    assert "难治" not in kin.covering("subgroup")  # every passage on RRMM says 难治
    assert "贫血" in kin.covering("hemoglobin")  # a count is named by the disorder of its fall
    assert "非常好的部分缓解" in kin.covering("best overall response")  # by the response reached
    assert "低钠血症" in kin.covering("sodium")
    assert "客观缓解率" in kin.covering("efficacy")  # a passage reporting an ORR speaks of it
    assert "总生存期" not in kin.covering("efficacy")  # OS: prognosis too
    assert "性别" in kin.covering("female")
    assert "P=" in kin.covering("statistically significant")  # a P value speaks of it
    # resistance to several drugs is multi-refractory (四重、五重难治), not RRMM's 难治
    assert "四重难治" in kin.covering("drug resistance")
    assert "难治" not in kin.covering("drug resistance")


def test_a_pharmacy_or_a_design_is_no_subject_of_its_own() -> None:
    glossary = load_glossary()
    # 药房备药 is where the asker works, not a question of where to buy
    assert not any(
        t.en[0] == "where to buy" for t in glossary.expand("药房备药用：有哪些药？").matched
    )
    design = [
        t for t in glossary.expand("What phase and design?").matched if t.en[0] == "study design"
    ]
    assert design and design[0].category == "general"  # the review's design words answer it
