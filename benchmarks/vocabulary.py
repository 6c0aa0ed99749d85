"""Danish text that reads like the sample minutes: a word-pair chain learnt from ``samples/*.txt`` at run time.

The samples are stripped of markup, split into sentences, and every word
pair counted, so generated sentences follow the samples' word frequencies,
word order and sentence lengths without shipping a corpus.
"""
from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent.parent / "samples"
MARKUP = re.compile(r"<[^>]+>|\*+|#+|\|+|_{2,}|-{3,}|\.{4,}\s*\d*|\t")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")
WORD = re.compile(r"^[\wæøåÆØÅé%§/.,:;()–\-]+$")
MIN_WORDS, MAX_WORDS = 4, 45
END = ""


@dataclass
class Vocabulary:
    """What the sample text teaches: first words, the word pairs, sentence lengths and long words."""

    starts: list[str]
    following: dict[str, list[str]]
    lengths: list[int]
    long_words: list[str]

    def sentence(self, rng: random.Random) -> str:
        """A sentence about as long as a sample sentence, walking the word-pair chain."""
        length = rng.choice(self.lengths)
        words = [rng.choice(self.starts)]
        while len(words) < length:
            nexts = self.following.get(words[-1])
            word = rng.choice(nexts) if nexts else END
            if word == END:
                if len(words) >= MIN_WORDS:
                    break
                word = rng.choice(self.starts)
            words.append(word)
        text = " ".join(words).rstrip(",;:–-")
        return text if text.endswith((".", "!", "?")) else text + "."

    def phrase(self, rng: random.Random, words: int) -> str:
        """A title-like phrase: a long word of the samples and what tends to follow it, without end punctuation."""
        out = [rng.choice(self.long_words)]
        while len(out) < words and (nexts := self.following.get(out[-1])):
            word = rng.choice(nexts)
            if word == END or word.endswith("."):
                break
            out.append(word)
        while len(out) > 1 and len(out[-1].strip(",;:–-")) <= 3:
            out.pop()
        text = " ".join(out).strip(",;:–- ")
        return text[:1].upper() + text[1:]


def sample_sentences(samples_dir: Path = SAMPLES_DIR) -> list[list[str]]:
    """The sentences of every sample document, as lists of words, markup and page furniture left out."""
    sentences = []
    for path in sorted(samples_dir.glob("*.txt")):
        text = MARKUP.sub(" ", path.read_text(encoding="utf-8"))
        for paragraph in re.split(r"\n\s*\n", text):
            for sentence in SENTENCE_END.split(" ".join(paragraph.split())):
                words = sentence.split()
                if MIN_WORDS <= len(words) <= MAX_WORDS and all(WORD.match(w) for w in words) and words[0][0].isupper():
                    sentences.append(words)
    return sentences


def learn(samples_dir: Path = SAMPLES_DIR) -> Vocabulary:
    sentences = sample_sentences(samples_dir)
    if not sentences:
        raise ValueError(f"no sentences found in {samples_dir}/*.txt to learn the vocabulary from")
    following: dict[str, list[str]] = defaultdict(list)
    for words in sentences:
        for word, after in zip(words, words[1:] + [END]):
            following[word].append(after)
    long_words = sorted({w for words in sentences for w in words if len(w) >= 9 and w.isalpha() and w.islower()})
    return Vocabulary(starts=[words[0] for words in sentences], following=dict(following),
                      lengths=[len(words) for words in sentences], long_words=long_words)
