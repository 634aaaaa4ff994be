"""Language check: the pipeline is English, so other languages are refused with a clear reason."""

from __future__ import annotations

import functools

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from newsgraph.errors import LanguageError

# Below ~200 characters (a headline, two sentences full of names) py3langid's guesses are often
# wrong, so short texts are let through rather than refused on a false alarm.
MIN_CHARS = 200
# Normalized probability needed to refuse: on English news paragraphs py3langid gives "en" > 0.99;
# 0.9 keeps mixed pages (English article with a foreign quote) from being refused.
MIN_CONFIDENCE = 0.9
# Classifying the first 20k characters is as accurate as the whole text and bounds the cost.
SAMPLE_CHARS = 20_000

_NAMES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "fa": "Persian", "tr": "Turkish", "zh": "Chinese",
    "ja": "Japanese", "ko": "Korean", "pl": "Polish", "sv": "Swedish", "he": "Hebrew", "hi": "Hindi",
}  # fmt: skip


@functools.lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """ISO 639-1 code and probability of the text's language."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def require_english(text: str, *, source: str) -> str:
    """Return ``"en"`` or raise :class:`LanguageError` naming the language found."""
    if len(text.strip()) < MIN_CHARS:
        return "en"
    lang, prob = detect(text)
    if lang != "en" and prob >= MIN_CONFIDENCE:
        name = _NAMES.get(lang, lang)
        raise LanguageError(
            f"the text is in {name} ({lang}, p={prob:.2f}); newsgraph analyzes English only, "
            "so translate it first",
            source=source,
        )
    return "en"
