"""The Danish text pipeline of lunr-languages 1.22.0 (``lunr.da.js``), in Python.

lunr.py's own language support needs NLTK and downloads stop words at run
time; this module needs nothing but ``snowballstemmer`` and the stop words and
word characters copied from the vendored ``lunr.da.js``. The functions are
registered under the names lunr.js knows (``trimmer-da``, ``stopWordFilter-da``,
``stemmer-da``), so a serialized pipeline loads in the browser once
``lunr.stemmer.support.js`` and ``lunr.da.js`` are on the page.
"""
from __future__ import annotations

import functools
import re

import snowballstemmer
from lunr.pipeline import Pipeline

# lunr.da.wordCharacters; lunr.stemmerSupport.generateTrimmer adds ASCII digits.
WORD_CHARACTERS = (
    r"A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C"
    r"\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A"
    r"\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-\uA7B7"
    r"\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A" "0-9"
)

STOP_WORDS = frozenset(
    "ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din "
    "disse dog du efter eller en end er et for fra ham han hans har havde have hende hendes her "
    "hos hun hvad hvis hvor i ikke ind jeg jer jo kunne man mange med meget men mig min mine mit "
    "mod ned noget nogle nu når og også om op os over på selv sig sin sine sit skal skulle som "
    "sådan thi til ud under var vi vil ville vor være været".split()
)

_LEADING = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRAILING = re.compile(f"[^{WORD_CHARACTERS}]+$")
_STEMMER = snowballstemmer.stemmer("danish")


def trim(word: str) -> str:
    """Strip what is not a word character from both ends, as ``lunr.da.trimmer`` does."""
    return _TRAILING.sub("", _LEADING.sub("", word))


@functools.lru_cache(maxsize=1 << 18)
def stem(word: str) -> str:
    """Snowball's Danish stem; cached, as a corpus repeats a small vocabulary over and over."""
    return _STEMMER.stemWord(word)


def term(word: str) -> str | None:
    """The index term for one lower-cased token, or None when the pipeline drops it."""
    word = trim(word)
    if not word or word in STOP_WORDS:
        return None
    return stem(word)


def trimmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: trim(s))


def stop_word_filter(token, i=None, tokens=None):
    return token if str(token) and str(token) not in STOP_WORDS else None


def stemmer(token, i=None, tokens=None):
    return token.update(lambda s, metadata=None: stem(s))


Pipeline.register_function(trimmer, "trimmer-da")
Pipeline.register_function(stop_word_filter, "stopWordFilter-da")
Pipeline.register_function(stemmer, "stemmer-da")

INDEX_PIPELINE = (trimmer, stop_word_filter, stemmer)
