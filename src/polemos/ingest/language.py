"""Which language a text is in (langdetect, seeded so the answer never changes)."""

from __future__ import annotations

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

DetectorFactory.seed = 0  # langdetect samples at random; a fixed seed makes it deterministic

MIN_WORDS = 12  # below this the detector guesses; short texts are taken as they come
MIN_CONFIDENCE = 0.8
SAMPLE_CHARS = 1000  # ~170 words: plenty to tell, and detection cost grows with length


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    if len(sample.split()) < MIN_WORDS:
        return None
    try:
        guesses = detect_langs(sample)
    except LangDetectException:
        return None
    best = guesses[0]
    if best.prob < MIN_CONFIDENCE:
        return None
    return str(best.lang)


def is_foreign(language: str | None) -> bool:
    """True only when the detector is confident the text is not English."""
    return language is not None and language != "en"
