"""The compiled attribute ruler sets what spaCy's AttributeRuler sets, token for token."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from reader.core.analysis.attribute_rules import CompiledAttributeRuler, compile_attribute_ruler
from reader.core.loaders import load_article

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def _attrs(doc) -> list[tuple]:
    return [(t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for t in doc]


def _tagged(nlp, text: str, tags: list[str], deps: list[str]):
    doc = nlp.make_doc(text)
    for token, tag, dep in zip(doc, tags, deps, strict=True):
        token.tag_, token.dep_ = tag, dep
    return doc


def test_each_operator_and_rule_order_as_spacys_ruler() -> None:
    """Equality, IN, NOT_IN, REGEX, IS_SPACE, a two-token rule, a negative index, and a later
    rule overwriting an earlier one on the same token."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "MORPH": "Number=Sing"})
    ruler.add([[{"TAG": "NN", "LOWER": {"IN": ["cat", "dog"]}}]], {"POS": "PROPN"})
    ruler.add([[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], {"POS": "PRON"})
    ruler.add([[{"LOWER": {"REGEX": "^n'?t$"}}]], {"LEMMA": "not", "POS": "PART"})
    ruler.add([[{"IS_SPACE": True}]], {"TAG": "_SP", "POS": "SPACE"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"}, index=0)
    ruler.add([[{"LOWER": "wan"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=-1)
    ruler.add([[{"DEP": "nsubj"}]], {"DEP": "dep"})
    text = "the cat that n't  gon na wan na dog"
    doc_tags = ["DT", "NN", "DT", "RB", "", "VB", "TO", "VB", "TO", "NN"]
    doc_deps = ["det", "nsubj", "nsubj", "neg", "", "ROOT", "aux", "xcomp", "aux", "dobj"]
    expected = ruler(_tagged(nlp, text, doc_tags, doc_deps))
    compiled = CompiledAttributeRuler()
    compiled.load(ruler)
    got = compiled(_tagged(nlp, text, doc_tags, doc_deps))
    assert [t.text for t in got] == [t.text for t in expected]
    assert _attrs(got) == _attrs(expected)
    assert got[1].pos_ == "PROPN" and got[9].pos_ == "PROPN"  # the later rule won
    assert got[5].lemma_ == "go" and got[8].lemma_ == "to"


def test_patterns_beyond_look_ups_keep_spacys_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN", "OP": "+"}]], {"POS": "NOUN"})
    assert not compile_attribute_ruler(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert not compile_attribute_ruler(spacy.blank("en"))  # no ruler at all


def _stock_model():
    """The model as spaCy loads it (``load_pipeline`` would compile its ruler)."""
    import importlib

    from reader.core.analysis.pipeline import MODEL_PACKAGES, UNUSED_COMPONENTS

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load(exclude=list(UNUSED_COMPONENTS))
    pytest.fail("no model installed")


@pytest.mark.model
def test_the_models_ruler_compiles_in_place_with_the_same_tokens(sample_path) -> None:
    stock, lean = _stock_model(), _stock_model()
    names = lean.pipe_names
    assert compile_attribute_ruler(lean)
    assert lean.pipe_names == names
    assert isinstance(lean.get_pipe("attribute_ruler"), CompiledAttributeRuler)
    texts = [load_article(sample_path).text]
    texts += [load_article(p).text for p in sorted(ARTICLES.glob("*.txt"))]
    for text in texts:
        assert _attrs(lean(text)) == _attrs(stock(text))
