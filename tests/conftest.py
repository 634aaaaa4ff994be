"""Shared fixtures: the pipeline is loaded once per test session; ../shared is read in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "eval" / "seed" / "article.txt"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsgraph import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/eval/seed is not beside the checkout")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_analysis(nlp: Language):  # type: ignore[no-untyped-def]
    if not SEED.exists():
        pytest.skip("../shared/eval/seed is not beside the checkout")
    from newsgraph import analyze

    return analyze(SEED, nlp=nlp)
