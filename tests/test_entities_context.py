"""Type evidence from the words around a name (appositions, copulas, class nouns, ownership)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.nlp.entities.context import context_lexicon, context_type, mention_evidence
from newsgraph.nlp.entities.lexicon import lexicon
from newsgraph.nlp.entities.mentions import Cand
from newsgraph.nlp.entities.merge import make_groups
from newsgraph.nlp.entities.types import cluster_type
from newsgraph.nlp.state import get_state


def _parsed(nlp: Language, text: str) -> Doc:
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ner":
            break
    return doc


def _cand(doc: Doc, name: str, nth: int = 0, label: str | None = "ORG") -> Cand:
    """The ``nth`` occurrence of ``name`` in ``doc`` as a candidate (NER's spans vary by model)."""
    starts = [t.i for t in doc if doc[t.i : t.i + len(name.split())].text == name]
    i = starts[nth]
    span = doc[i : i + len(name.split())]
    return Cand(i=span.start, j=span.end, start=span.start_char, end=span.end_char, text=name, label=label)


def _evidence(nlp: Language, text: str, name: str, label: str | None = "ORG") -> str | None:
    doc = _parsed(nlp, text)
    return mention_evidence(doc, _cand(doc, name, label=label), context_lexicon())


def _types(nlp: Language, text: str) -> dict[str, str]:
    return {e.name: e.type for e in get_state(nlp(text)).entities}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Officials said Voltrenko, the state hydro operator, shut two turbines.", "Voltrenko", "ORG"),
        ("Ardenco is a mining company with three pits in the Andes.", "Ardenco", "ORG"),
        (
            "Talks stalled after Belgrano, a state-owned oil producer based in Rosario, withdrew.",
            "Belgrano",
            "ORG",
        ),
        ("Output rose at Minerasul, the world's largest copper miner, in May.", "Minerasul", "ORG"),
        ("Most brine is pumped from Cerro Blanco, a wide salt flat near the border.", "Cerro Blanco", "LOC"),
        ("A spokesman for the K17 denied the attack.", "K17", "ORG"),
        ("Prices rose after the copper giant Minerasul cut output.", "Minerasul", "ORG"),
        ("The K17 rebels seized two towns on Tuesday.", "K17", "ORG"),
        ("Shares of Minerasul fell 4% in early trading.", "Minerasul", "ORG"),
        ("Minerasul's chief executive resigned in March.", "Minerasul", "ORG"),
        ("Tankers loaded crude at the Baltic port of Varnholm on Friday.", "Varnholm", "GPE"),
        ("Lithium brines lie beneath the Quenaya salt flat, geologists say.", "Quenaya", "LOC"),
        ("Rain fell on Tarvik, a fishing town in the north, for a week.", "Tarvik", "GPE"),
        # an occupation in apposition is a person's
        ("Reporters asked Kowalska, a company spokeswoman, about the delay.", "Kowalska", "PERSON"),
        ("Prices will rise, said Oduya, chief economist at Marlow Bank.", "Oduya", "PERSON"),
        # an employer of an occupation, and a company based somewhere
        ("Prices will rise, said an analyst at Quenby, a broker.", "Quenby", "ORG"),
        ("Shares of the Oslo-based Varnholt fell.", "Varnholt", "ORG"),
    ],
)
def test_context_gives_the_type(nlp: Language, text: str, name: str, expected: str) -> None:
    assert _evidence(nlp, text, name) == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the apposition's head is a person ("director"), not the organisation before the possessive
        ("Reporters asked Kowalska, the agency's director, about the delay.", "Kowalska"),
        ("Reporters asked Kowalska, the country's energy minister, about the delay.", "Kowalska"),
        # a clause, not an apposition
        ("The plant will be sold to Ostrava, the company said on Monday.", "Ostrava"),
        # a town's mayor is no evidence of a company
        ("Lyon's mayor said the trams would run late.", "Lyon"),
        # "port" after the name, not "port of" before it
        ("Varnholm exports grain through a small port.", "Varnholm"),
    ],
)
def test_context_without_evidence(nlp: Language, text: str, name: str) -> None:
    assert _evidence(nlp, text, name) is None


def test_member_noun_after_a_person_is_no_group(nlp: Language) -> None:
    text = "Fighting resumed when Haftar forces advanced on the airport."
    assert _evidence(nlp, text, "Haftar", label="ORG") == "ORG"
    assert _evidence(nlp, text, "Haftar", label="PERSON") is None


def test_spokesman_for_a_person_is_no_group(nlp: Language) -> None:
    text = "A spokesman for Okafor declined to comment."
    assert _evidence(nlp, text, "Okafor", label="PERSON") is None
    assert _evidence(nlp, text, "Okafor", label="GPE") == "ORG"


def test_member_noun_after_a_known_place_is_no_group(nlp: Language) -> None:
    assert _evidence(nlp, "Government jets struck Idlib rebels overnight.", "Idlib") is None
    assert _evidence(nlp, "Government jets struck K17 rebels overnight.", "K17") == "ORG"


def test_tied_votes_give_no_type(nlp: Language) -> None:
    doc = _parsed(nlp, "Shares of Tarvik rose. Rain fell on Tarvik, a fishing town in the north.")
    cands = [_cand(doc, "Tarvik", 0), _cand(doc, "Tarvik", 1)]
    assert context_type(doc, cands) is None
    assert context_type(doc, cands[:1]) == "ORG"


def test_apposition_overrules_a_person_label_end_to_end(nlp: Language) -> None:
    text = (
        "Voltrenko, the state hydro operator, said on Monday that two turbines had stopped. "
        "Voltrenko has run the dams since 1992, and Ardenco is a mining company."
    )
    found = _types(nlp, text)
    assert found["Voltrenko"] == "ORG"
    assert found["Ardenco"] == "ORG"


def test_real_person_evidence_still_wins(nlp: Language) -> None:
    # A title before the name, and a first name with a surname, both outweigh "the firm" apposition.
    text = (
        "President Carvalho spoke on Tuesday. Carvalho, the firm's founder, later left. "
        "Helena Duarte, the group's treasurer, stayed."
    )
    found = _types(nlp, text)
    assert found["Carvalho"] == "PERSON"
    assert found["Helena Duarte"] == "PERSON"


def test_gazetteer_city_keeps_its_type_beside_its_mayor(nlp: Language) -> None:
    found = _types(nlp, "Lyon's mayor said on Monday the trams would run late. Lyon hosted the summit.")
    assert found["Lyon"] == "GPE"


def test_title_and_full_name_outweigh_context() -> None:
    lex = lexicon()
    titled = Cand(i=1, j=2, start=10, end=18, text="Carvalho", label="PERSON", titles=["President"])
    assert cluster_type(make_groups([titled], lex), "Carvalho", lex, context="ORG") == "PERSON"
    untitled = Cand(i=1, j=2, start=10, end=18, text="Voltrenko", label="PERSON")
    assert cluster_type(make_groups([untitled], lex), "Voltrenko", lex, context="ORG") == "ORG"
    full = make_groups([Cand(i=0, j=2, start=0, end=13, text="Helena Duarte", label="PERSON")], lex)
    full[0].person = True
    assert cluster_type(full, "Helena Duarte", lex, context="ORG") == "PERSON"


def test_major_place_outweighs_context() -> None:
    lex = lexicon()
    groups = make_groups([Cand(i=0, j=1, start=0, end=5, text="Chile", label="GPE")], lex)
    assert cluster_type(groups, "Chile", lex, context="ORG") == "GPE"
