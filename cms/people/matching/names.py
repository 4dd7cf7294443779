"""Spanish and Venezuelan names: normalised tokens and a Spanish sound key.

English Double Metaphone (what HOPE and Primero use) reads "Brijida" and "Brígida" apart; this key reads them
the way they are said in Spanish. Decisions:

- ñ becomes n: forms, passports (machine-readable zone) and many keyboards write "Munoz" for "Muñoz", and
  a pair of real surnames that differ only by ñ/n is rarer than that typo.
- x at the start of a word is j (Ximena/Jimena, Xavier/Javier); elsewhere ks (Alexander).
- w is b (Wilmer/Vilmer); y at the end or before a consonant is the vowel i (Deivys/Deivis, Greicy/Greisi).
- ch before r or l is k, as in names from Greek and English (Christian/Cristian).
- ll before a vowel is y (Llépez/Yépez); elsewhere l, as in names from English (Kelly/Keli).
- st and sp at the start take the e Spanish speakers say (Stefany/Estefany, Steven/Estiven).
- Venezuelan spellings of English names (Jhonny/Yoni, Jennifer/Yenifer, Michael/Maikel) are not sound
  rules of Spanish: a small table maps the sound key of each variant to that of its group's first name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

PARTICLES = frozenset({"de", "del", "la", "las", "los", "y", "da", "di", "van", "von", "e"})

# Each group: spellings of one name (Venezuela and Ecuador); the first is the group's canonical form.
VARIANT_GROUPS: tuple[tuple[str, ...], ...] = (
    ("yoni", "jhonny", "johnny", "jonny", "jhony", "johny", "yonny", "jony", "yony", "jhonni"),
    ("yenifer", "jennifer", "jenifer", "yennifer", "jeniffer", "yeniffer", "jenniffer"),
    ("yeferson", "jefferson", "jeferson", "yefferson", "jeffersson"),
    ("yorman", "jorman", "yhorman", "jhorman"),
    ("maikel", "michael", "maicol", "maikol", "mikel", "maykel"),
    ("deivis", "davis", "deibis", "deivys", "deyvis"),
    ("yonatan", "jonathan", "jhonatan", "jonatan", "yonathan", "johnatan"),
    ("yesica", "jessica", "jesica", "yessica"),
    ("yohana", "johana", "johanna", "joana", "yoana", "yohanna"),
    ("yeison", "jason", "jeison", "yeyson"),
    ("brayan", "brian", "bryan", "braian"),
    ("estiven", "steven", "stiven", "stephen"),
    ("wilmer", "guilmer", "vilmer"),
    ("yusmeli", "yusmely", "jusmeli"),
    ("eduard", "edward"),
    ("anyelo", "angelo"),
    ("anyela", "angela"),
    ("yeraldin", "geraldine", "jeraldine", "yeraldine", "jeraldin"),
)

_NON_LETTERS = re.compile(r"[^a-z ]+")
_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """Lower case ASCII words: accents and ñ dropped, punctuation and digits become spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACES.sub(" ", _NON_LETTERS.sub(" ", ascii_only)).strip()


_WORD_SEPARATORS = re.compile(r"[\s,;/\-]+")


def name_words(text: str) -> tuple[tuple[str, str], ...]:
    """(as written, normalised) for each word of a name, particles (de, del, la, los, y...) left out."""
    words = []
    for raw in _WORD_SEPARATORS.split(text.strip()):
        normalised = normalize_text(raw).replace(" ", "")
        if normalised and normalised not in PARTICLES:
            words.append((raw.strip(".'"), normalised))
    return tuple(words)


def name_tokens(text: str) -> tuple[str, ...]:
    """Normalised words of a name without particles (de, del, la, los, y...)."""
    return tuple(normalised for _, normalised in name_words(text))


def _replace_c_g_q(word: str) -> str:
    """Hard and soft c, g and qu: the sounds, not the letters."""
    word = re.sub(r"qu(?=[ei])", "k", word).replace("q", "k")
    word = re.sub(r"c(?=[ei])", "s", word)
    word = word.replace("c", "k")
    word = re.sub(r"gu(?=[ei])", "G", word)
    word = re.sub(r"g(?=[ei])", "j", word)
    return word.replace("G", "g")


def _spanish_sound(word: str) -> str:
    """The Spanish sound key of one normalised word, before the variants table."""
    if re.match(r"s[tp]", word):
        word = "e" + word
    if word.startswith("x"):
        word = "j" + word[1:]
    word = re.sub(r"ll(?=[aeiou])", "y", word.replace("ph", "f"))
    word = re.sub(r"ch(?=[rl])", "k", word).replace("ch", "C").replace("sh", "s")
    word = word.replace("h", "").replace("x", "ks")
    word = re.sub(r"y(?![aeiou])", "i", word)
    word = _replace_c_g_q(word).replace("C", "ch")
    word = word.replace("z", "s").replace("v", "b").replace("w", "b")
    return re.sub(r"(.)\1+", r"\1", word)


def _variant_keys() -> dict[str, str]:
    """Sound key of each variant -> sound key of its group's canonical name."""
    table: dict[str, str] = {}
    for group in VARIANT_GROUPS:
        canonical = _spanish_sound(group[0])
        for spelling in group:
            table[_spanish_sound(spelling)] = canonical
    return table


_VARIANTS = _variant_keys()


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """Spanish sound key of a word, with Venezuelan spellings folded: sound_key("Llépez") == sound_key("Yépez")."""
    normalised = normalize_text(word).replace(" ", "")
    key = _spanish_sound(normalised)
    return _VARIANTS.get(key, key)


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A person's name as tokens and sound keys: given names and surnames apart, in their order."""

    given: tuple[str, ...]
    surnames: tuple[str, ...]
    given_keys: tuple[str, ...]
    surname_keys: tuple[str, ...]
    given_shown: tuple[str, ...]
    surnames_shown: tuple[str, ...]


def parse_name(given_names: str, surnames: str) -> ParsedName:
    """Split and normalise both parts of a name (particles out, both surnames kept in order)."""
    given = name_words(given_names)
    family = name_words(surnames)
    return ParsedName(
        given=tuple(n for _, n in given),
        surnames=tuple(n for _, n in family),
        given_keys=tuple(sound_key(n) for _, n in given),
        surname_keys=tuple(sound_key(n) for _, n in family),
        given_shown=tuple(w for w, _ in given),
        surnames_shown=tuple(w for w, _ in family),
    )
