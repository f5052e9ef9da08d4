"""Who said what: direct and indirect quotes with their speakers, text in, quotes out.

A pure module: :func:`extract_quotes` takes an article's text and returns :class:`Quote`
objects with character offsets into that text. No database, no model, no network.

How it works (details in ``docs/quotes.md``):

1. The text is cut into *units*: paragraphs (blank-line separated; when a text has no
   blank line at all, as in exports that lost them, every line is a paragraph) and dash
   paragraphs, including dash quotes glued to the previous sentence (``...år.- Vi ...``).
2. A per-article person index finds names (capitalised runs that are not common words,
   places or organisations), their roles from appositions (``Natos generalsekretær, Jens
   Stoltenberg``; ``John Kirby, talsperson for ...``) and the sentence subjects that make
   a person *salient* for pronouns.
3. Units are read in order. Dash paragraphs become direct quotes, attributed by a tail
   (``..., siger han.``) or, without one, by the context (previous dash quote, an
   introducing paragraph, the next dash quote, the person the paragraph before names).
   Other paragraphs yield quotation-mark quotes (full or partial) and indirect speech
   (``X siger, at ...``, ``ifølge X ...``).
4. Every agent (surname, pronoun, role noun) is resolved to the full name the article
   introduced; what the text does not support stays ``None``.

Heuristics are data in :mod:`newsthread.quote_rules`. The trade-off throughout is
precision over recall: a speaker is only named when the article ties the words to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import quote_rules as qr
from .quote_rules import QuoteRules, rules_for

__all__ = ["Quote", "extract_quotes"]


@dataclass
class Quote:
    """One quote. ``text`` is ``article[start:end]``: the words only, no dash, marks or attribution."""

    text: str
    speaker: str | None
    speaker_role: str | None
    kind: str  # "direct" or "indirect"
    start: int
    end: int
    cue: str | None
    paragraph: int


# --------------------------------------------------------------------------- layout

@dataclass
class _Unit:
    """A paragraph or a dash paragraph: ``text[start:end]``; ``body`` skips the dash."""

    start: int
    end: int
    paragraph: int
    dash: bool
    body: int


_DASH_OPEN = re.compile(r"[ \t]*[-–—][ \t]+(?=\S)")
# A dash quote glued to the previous sentence: "... rekord.- Vi er ..." (lost newline).
_GLUED_DASH = re.compile(r"(?<=[.!?\"”»])(?=[-–—][ \t]+[\"«“„]?[^\W\d_])")
_TERMINAL = re.compile(r"[.!?…:\"”»’)][ \t]*$")


def _units(text: str) -> list[_Unit]:
    """Cut ``text`` into paragraphs and dash paragraphs.

    Blank lines separate paragraphs; if the text has none, each line is one (single
    newlines were paragraph breaks in the source). Inside a blank-line paragraph a
    line opening with a dash starts a new unit, other lines continue the unit (wrapping).
    """
    has_blank = re.search(r"\n[ \t\r]*\n", text) is not None
    units: list[_Unit] = []
    paragraph, prev_end = -1, 0
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        new_paragraph = not has_blank or paragraph < 0 or text.count("\n", prev_end, line.start()) >= 2
        paragraph += new_paragraph
        prev_end = line.end()
        cuts = [line.start()] + [m.start() + line.start() for m in _GLUED_DASH.finditer(line.group())]
        for i, cut in enumerate(cuts):
            end = cuts[i + 1] if i + 1 < len(cuts) else line.end()
            dash = _DASH_OPEN.match(text, cut, end)
            joins = has_blank and not new_paragraph and i == 0 and not dash and units
            if joins:
                units[-1].end = end
                continue
            body = dash.end() if dash else cut + len(text[cut:end]) - len(text[cut:end].lstrip())
            units.append(_Unit(cut, end, paragraph, bool(dash), body))
    return units


_ABBREV = frozenset(["bl.a", "f.eks", "ca", "dvs", "mr", "mrs", "ms", "dr", "nr", "st", "jf", "bl", "evt", "osv", "mv", "prof", "gen", "sen", "rep", "jr", "sr"])
_BOUNDARY = re.compile(r"[.!?…]+[\"»”’)]*(?:\s+|(?=[A-ZÆØÅÄÖÜ][a-zæøåäöü\s]))")


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in ``text[start:end]``; glued sentences ("år.Læger") are split too."""
    spans, begin = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        word = re.search(r"(\w[\w.]*)$", text[max(begin, m.start() - 12):m.start()])
        if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1 and word.group(1).isupper()):
            continue  # "bl.a. Nato", "J. Smith": not a boundary
        if m.start() > begin:
            spans.append((begin, m.end()))
        begin = m.end()
    if begin < end and text[begin:end].strip():
        spans.append((begin, end))
    return spans


# --------------------------------------------------------------------------- words


_TOKEN = re.compile(r"\w[\w'’\-]*\w|\w")


@lru_cache(maxsize=200_000)
def _zipf(word: str, language: str) -> float:
    """Word frequency (Zipf scale); 0 when wordfreq does not know the language."""
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(word, language)
    except (LookupError, ValueError):
        return 0.0


@lru_cache(maxsize=200_000)
def _lemma(word: str, language: str) -> str:
    """simplemma's lemma, or the word itself for languages it lacks."""
    import simplemma

    try:
        return simplemma.lemmatize(word, lang=language)
    except (ValueError, KeyError):
        return word


@lru_cache(maxsize=100_000)
def _role_head(token: str) -> tuple[str, str] | None:
    """(base form, organisation prefix) when ``token`` is a role noun, else None.

    "udenrigsministeren" -> ("udenrigsminister", ""), "Nato-chefen" -> ("chef", "nato").
    Suffix matching accepts compounds ("viceudenrigsminister") at the price of rare
    false friends; callers only ask in noun-phrase slots.
    """
    low = token.lower().strip("'’")
    org, _, word = low.rpartition("-")
    for head in _ROLE_HEADS_BY_LENGTH:
        for suffix in qr.ROLE_SUFFIXES:
            if word.endswith(head + suffix) and (len(word) - len(suffix)) >= len(head):
                return (word[: len(word) - len(suffix)] if suffix else word), org
    return None


_ROLE_HEADS_BY_LENGTH = tuple(sorted(set(qr.ROLE_HEADS), key=len, reverse=True))


def _is_cap(token: str) -> bool:
    return token[:1].isupper()


def _gender(name: str) -> str:
    """'m', 'f' or '' from the first name, using the small lists in quote_rules."""
    first = name.split()[0].lower() if name else ""
    if first in qr.MALE_NAMES or first in qr.MALE_NAME_EXCEPTIONS:
        return "m"
    if first in qr.FEMALE_NAMES or (len(name.split()) > 1 and first.endswith(qr.FEMALE_NAME_ENDINGS)):
        return "f"
    return ""


# --------------------------------------------------------------------------- people


@dataclass
class _Person:
    """A person (or, with ``org``, an organisation) the article names."""

    name: str
    gender: str = ""
    roles: list[str] = field(default_factory=list)
    org: bool = False


@dataclass
class _Speaker:
    """The resolved agent of a quote: a person, or an unresolved role/org."""

    name: str | None
    role: str | None
    gender: str = ""
    org: bool = False


@dataclass
class _Mention:
    start: int
    end: int
    person: _Person


class _People:
    """Names in one article, their roles, and who is salient where (for pronouns)."""

    def __init__(self, text: str, rules: QuoteRules, title: str | None) -> None:
        self.text, self.rules = text, rules
        self.persons: dict[str, _Person] = {}
        self.mentions: list[_Mention] = []
        self.events: list[tuple[int, _Speaker]] = []  # (position, salient speaker/subject)
        self._find_names(title or "", offset=None)
        self._find_names(text, offset=0)
        self._link_single_tokens()
        self.mentions.sort(key=lambda m: m.start)

    # ---- finding names
    def _find_names(self, text: str, offset: int | None) -> None:
        tokens = list(_TOKEN.finditer(text))
        i = 0
        while i < len(tokens):
            j = i
            while j + 1 < len(tokens) and self._continues(text, tokens, j):
                j += 1
            if _is_cap(tokens[i].group()) or tokens[i].group().startswith(("al-", "el-")):
                self._take_run(text, tokens[i:j + 1], offset)
            i = j + 1

    def _continues(self, text: str, tokens: list[re.Match], j: int) -> bool:
        """Whether token j+1 extends the capitalised run ending at token j."""
        a, b = tokens[j], tokens[j + 1]
        if text[a.end():b.start()] != " " or not (_is_cap(a.group()) or a.group() in qr.NAME_PARTICLES):
            return False
        nxt = b.group()
        if _is_cap(nxt) or nxt.startswith(("al-", "el-")):
            return True
        return nxt in qr.NAME_PARTICLES and j + 2 < len(tokens) and _is_cap(tokens[j + 2].group())

    def _take_run(self, text: str, run: list[re.Match], offset: int | None) -> None:
        """Register the run as a person when, trimmed of non-name words, it still looks like one."""
        words = [m.group() for m in run]
        k = 0
        if _sentence_initial(text, run[0].start()) and self._common(words[0]):
            k = 1
        while k < len(words) and (self._non_name(words[k]) or words[k] in qr.NAME_PARTICLES):
            k += 1
        # English capitalises titles: "Danish Utilities Minister Karen Vestergaard" is a
        # title and a name; the name starts after the last role word.
        roles = [i for i in range(k, len(words) - 2) if _role_head(words[i]) is not None]
        if roles:
            k = roles[-1] + 1
        words, run = words[k:], run[k:]
        while words and (words[-1] in qr.NAME_PARTICLES or self._non_name(words[-1])):
            words, run = words[:-1], run[:-1]
        if len(words) < 2 or any(w.lower() in qr.NON_PERSONS for w in words):
            return
        name = " ".join(words)
        person = self.persons.setdefault(name, _Person(name, _gender(name)))
        if offset is not None:
            self.mentions.append(_Mention(run[0].start(), run[-1].end(), person))

    def _common(self, word: str) -> bool:
        """A sentence-initial word that is (probably) an ordinary word, not a first name."""
        low = word.lower()
        if low in qr.MALE_NAMES or low in qr.FEMALE_NAMES:
            return False
        if self._non_name(word) or _zipf(low, self.rules.language) >= 4.5:
            return True
        # An inflected form of a dictionary word ("Kollegaen", "Engelske") is not a first name.
        return _lemma(word, self.rules.language).lower() != low

    def _non_name(self, word: str) -> bool:
        low = word.lower()
        return (
            low in qr.NON_PERSONS
            or low.rstrip("s") in qr.NON_PERSONS
            or low in self.rules.determiners
            or low in self.rules.pronouns
            or _role_head(word) is not None
            or (low.endswith("s") and low[:-1] in qr.NON_PERSONS)
            or not any(c.isalpha() for c in word)
        )

    def _link_single_tokens(self) -> None:
        """Surnames, first names and genitives of known persons count as mentions of them."""
        by_token: dict[str, _Person] = {}
        for person in self.persons.values():
            parts = person.name.split()
            by_token.setdefault(parts[-1], person)
            by_token.setdefault(parts[-1] + "s", person)
        taken = {(m.start, m.end) for m in self.mentions}
        covered = [(m.start, m.end) for m in self.mentions]
        for tok in _TOKEN.finditer(self.text):
            person = by_token.get(tok.group())
            if person and (tok.start(), tok.end()) not in taken and not _inside(tok.start(), covered):
                self.mentions.append(_Mention(tok.start(), tok.end(), person))
        self._strip_genitives()

    def _strip_genitives(self) -> None:
        """"Vladimir Putins" is "Vladimir Putin" when the article also writes "Putin"."""
        for name, person in list(self.persons.items()):
            last = name.split()[-1]
            if last.endswith("s") and re.search(rf"\b{re.escape(last[:-1])}\b", self.text):
                person.name = name[:-1]
                self.persons.setdefault(person.name, person)

    # ---- lookups
    def person_at(self, start: int, end: int) -> _Person | None:
        for m in self.mentions:
            if m.start <= start < m.end or start <= m.start < end:
                return m.person
        return None

    def by_name(self, name: str, pos: int) -> _Person | None:
        """The person a written name refers to: exact, else surname/first-name match."""
        if name in self.persons:
            return self.persons[name]
        base = name[:-1] if name.endswith("s") and name[:-1] in self.persons else name
        if base in self.persons:
            return self.persons[base]
        last = name.split()[-1]
        matches = [m for m in self.mentions if m.person.name.split()[-1] in (last, last.rstrip("s"))]
        matches = matches or [m for m in self.mentions if m.person.name.split()[0] == name]
        before = [m for m in matches if m.start < pos]
        chosen = (before or matches)
        return (before[-1] if before else chosen[0]).person if chosen else None

    def by_role(self, base: str, org: str, pos: int) -> _Person | None:
        """The person the article introduced with this role (most recent before ``pos``)."""
        candidates = []
        for m in self.mentions:
            if any(_role_matches(base, org, role) for role in m.person.roles):
                candidates.append(m)
        before = [m for m in candidates if m.start < pos]
        if before:
            return before[-1].person
        return candidates[0].person if candidates else None

    def add_role(self, person: _Person, role: str) -> None:
        role = role.strip(" ,")
        if role and role not in person.roles:
            person.roles.append(role)

    def salient(self, pos: int, gender: str) -> _Speaker | None:
        """The latest subject/speaker before ``pos`` compatible with a pronoun's gender."""
        best: tuple[int, _Speaker] | None = None
        for at, speaker in self.events:
            if at < pos and (best is None or at >= best[0]) and _compatible(gender, speaker):
                best = (at, speaker)
        return best[1] if best else None


def _compatible(gender: str, speaker: _Speaker) -> bool:
    if speaker.org:
        return False
    return not gender or not speaker.gender or gender == speaker.gender


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\"«“„‚'-–—")
    return not before or before[-1] in ".!?:\n" or before.endswith(("date", "date:"))


def _role_matches(base: str, org: str, role: str) -> bool:
    """Whether a role mention (base form, org prefix) fits a role given in the article."""
    words = [w for w in _TOKEN.findall(role)]
    heads = [_role_head(w) for w in words]
    for word, head in zip(words, heads, strict=True):
        if not head:
            continue
        full = head[0]
        if full == base or (len(base) >= 4 and full.endswith(base)):
            return not org or org in role.lower()
        if base in qr.LEADER_HEADS and org and org in role.lower() and full.endswith(tuple(qr.LEADER_TITLES)):
            return True
    return False


# --------------------------------------------------------------------------- patterns


@dataclass(frozen=True)
class _Patterns:
    verb: re.Pattern
    inverted: re.Pattern  # ", siger" / "? spørger"
    from_phrase: re.Pattern | None  # ", lød det fra"
    normal: re.Pattern  # ", han siger" / ", Stoltenberg said"
    according: re.Pattern
    framing: re.Pattern
    complementizer: re.Pattern
    this_says: re.Pattern | None
    bare: frozenset[str]


def _alternation(phrases: tuple[str, ...]) -> str:
    """Regex alternation; words of a phrase may have one adverb between them ("la imidlertid til")."""
    parts = [r"(?:\s+\w+)?\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True)]
    return "|".join(parts)


_PATTERN_CACHE: dict[str, _Patterns] = {}


def _patterns(rules: QuoteRules) -> _Patterns:
    """The compiled patterns for ``rules`` (compiled once per language: compiling costs ~10 ms)."""
    if rules.language not in _PATTERN_CACHE:
        _PATTERN_CACHE[rules.language] = _compile(rules)
    return _PATTERN_CACHE[rules.language]


def _compile(rules: QuoteRules) -> _Patterns:
    verbs = _alternation(rules.speech_verbs)
    verb = rf"(?<![\w-])(?:{verbs})(?![\w-])"
    sep = r"(?P<sep>[,?!…]|\.\.\.)[\"»”’“]?[ \t]+"
    frm = _alternation(rules.from_phrases)
    this = _alternation(rules.this_says)
    return _Patterns(
        verb=re.compile(verb),
        inverted=re.compile(rf"{sep}(?P<verb>{verb})(?=[ \t]+\S)"),
        from_phrase=re.compile(rf"{sep}(?P<verb>{frm})(?=[ \t]+\S)") if frm else None,
        normal=re.compile(rf"{sep}(?P<agent>[^\s,.!?:;]+(?:[ \t]+[^\s,.!?:;]+){{0,3}}?)[ \t]+(?P<verb>{verb})"
                          rf"(?=[ \t]*(?:[.,:;!?]|$)|[ \t]+(?:{_alternation(rules.tail_words)})(?![\w-]))"),
        according=re.compile(rf"(?<![\w-])(?:{_alternation(rules.according_to)})(?![\w-])", re.IGNORECASE),
        framing=re.compile(rf"(?<![\w-])(?:{_alternation(rules.framing_verbs)})(?![\w-])"),
        complementizer=re.compile(rf",?\s+(?:{_alternation(rules.complementizers)})\s+"),
        this_says=re.compile(rf"(?:{this})(?=\s)", re.IGNORECASE) if this else None,
        bare=frozenset(rules.bare_report_verbs),
    )


_WORDS = re.compile(r"\w[\w'’\-]*|[^\w\s]")
_END = re.compile(r"[.!?:](?=[\s\"»”’]|$)|\n|$")
_INDEFINITE = frozenset(["en", "et", "ei", "ett", "ein", "eit", "a", "an"])
_ROLE_PREPS = frozenset(["for", "i", "ved", "hos", "of", "at", "på", "in", "från", "fra", "frå", "på", "af", "til"]) - {"til"}
_ROLE_STOPS = frozenset(["til", "to", "ifølge", "enligt", "according", "onsdag", "torsdag", "mandag", "tirsdag", "fredag", "lørdag", "søndag"])
_CLAUSE_OPENERS = frozenset(["og", "men", "som", "der", "at", "så", "da", "and", "but", "who", "which", "that", "når", "när", "mens", "while"])


@dataclass
class _Agent:
    """Who an attribution names, as written: a pronoun, a name, or a role noun phrase."""

    kind: str  # "pronoun", "name" or "role"
    start: int
    end: int
    name: str | None = None
    role: str | None = None
    base: str = ""
    org: str = ""
    definite: bool = True


# --------------------------------------------------------------------------- extractor


class _Extractor:
    """Reads one article unit by unit, keeping the state speaker resolution needs."""

    def __init__(self, text: str, rules: QuoteRules, title: str | None) -> None:
        self.text, self.rules, self.pat = text, rules, _patterns(rules)
        self.people = _People(text, rules, title)
        self.units = _units(text)
        self.quotes: list[Quote] = []
        self._collect_roles()
        self._collect_subjects()

    # ---- static passes
    def _collect_roles(self) -> None:
        """Roles from "Natos generalsekretær, Jens Stoltenberg" and "John Kirby, talsperson for ..."."""
        text = self.text
        for m in self.people.mentions:
            if " " not in text[m.start:m.end]:
                continue  # roles are read around the full name, where the article introduces the person
            before = re.search(r"(?:([A-ZÆØÅÄÖ][\w\-]*s)\s+)?([\w\-]+),?\s+$", text[max(0, m.start - 80):m.start])
            if before and _role_head(before.group(2)):
                self.people.add_role(m.person, " ".join(g for g in before.groups() if g))
            after = self._apposition(m.end)
            if after:
                self.people.add_role(m.person, after)

    def _apposition(self, pos: int) -> str | None:
        """A role apposition right after a name: ", talsperson for X," / ", som er vicechef for X"."""
        m = re.match(r",\s+(?:(?:som|der|who|which)\s+(?:er|var|is|was|är|vart)\s+)?([^,.;:!?\n]+)", self.text[pos:])
        if not m:
            return None
        words = m.group(1).split()
        if not words or not (words[0][:1].islower() or words[0].endswith("s")):
            return None
        if not any(_role_head(w) for w in words[:2]) or self.pat.verb.match(words[0]):
            return None
        if any(w[:1].isupper() and any(p.name.startswith(w + " ") for p in self.people.persons.values())
               for w in words):
            return None  # "..., kampagnechefen Paul Manafort": another person, not this one's role
        kept = []
        for w in words:
            if w.lower() in _ROLE_STOPS:
                break
            kept.append(w)
        return " ".join(kept)

    def _collect_subjects(self) -> None:
        """Sentence subjects that are persons: the antecedents pronouns prefer."""
        for unit in self.units:
            for s, e in _sentences(self.text, unit.body, unit.end):
                first = next((m for m in self.people.mentions if s <= m.start < e), None)
                if first and self._only_role_words(s, first.start):
                    self.people.events.append((first.start, _Speaker(first.person.name, _first(first.person.roles),
                                                                     first.person.gender)))
                    continue
                agent = self._agent_after(s, e)
                if agent and agent.kind == "role" and agent.definite and not agent.name:
                    speaker = self._resolve(agent)
                    self.people.events.append((s, speaker))

    def _only_role_words(self, start: int, end: int) -> bool:
        words = _TOKEN.findall(self.text[start:end])
        return not words or (len(words) <= 5 and any(_role_head(w) for w in words))

    # ---- agents
    def _agent_after(self, pos: int, limit: int) -> _Agent | None:
        """The agent starting at ``pos`` (after an inverted verb or "ifølge")."""
        toks = [t for t in _WORDS.finditer(self.text, pos, limit)][:14]
        if not toks:
            return None
        first = toks[0].group()
        if first.lower() in self.rules.pronouns:  # "siger han"; capitalised only sentence-initially ("Han tilføjer")
            return _Agent("pronoun", toks[0].start(), toks[0].end(), base=self.rules.pronouns[first.lower()])
        if _is_cap(first) and first.lower() not in self.rules.determiners and not _role_head(first):
            run = self._run(toks, 0)
            later = self._name_after_descriptor(toks, run)
            if later:
                return self._named_agent(later)
            nxt = toks[len(run)].group() if len(run) < len(toks) else ""
            genitive = len(run) == 1 and first.endswith(("s", "'s", "’s"))
            if not (genitive and any(_role_head(t.group()) for t in toks[1:4])) and not _role_head(nxt):
                return self._named_agent(run)
        return self._role_agent(toks)

    def _name_after_descriptor(self, toks: list[re.Match], run: list[re.Match]) -> list[re.Match] | None:
        """"DR Sportens fodboldkommentator Henrik Liniger": the person is the name after the descriptor.

        Only when the first run is a genitive (an organisation's), one to three lower-case
        words follow with no preposition among them, and then a name of two words or more.
        """
        if not run[-1].group().endswith("s") or len(run) >= len(toks):
            return None
        i = len(run)
        while i < len(toks) and i - len(run) < 3 and toks[i].group()[:1].islower():
            if toks[i].group() in self.rules.tail_words or not toks[i].group().isalpha():
                return None
            i += 1
        if i == len(run) or i >= len(toks) or not _is_cap(toks[i].group()):
            return None
        later = self._run(toks, i)
        return later if len(later) >= 2 and not self._not_person(later[0].group()) else None

    def _run(self, toks: list[re.Match], i: int) -> list[re.Match]:
        """Capitalised tokens from ``i`` separated by single spaces (with name particles)."""
        run = [toks[i]]
        for t in toks[i + 1:]:
            gap = self.text[run[-1].end():t.start()]
            word = t.group()
            if gap != " " or not (_is_cap(word) or word in qr.NAME_PARTICLES or word.startswith(("al-", "el-"))):
                break
            run.append(t)
        while run and run[-1].group() in qr.NAME_PARTICLES:
            run.pop()
        return run

    def _named_agent(self, run: list[re.Match]) -> _Agent:
        start, end = run[0].start(), run[-1].end()
        role = self._apposition(end)
        stop = end
        if role:
            stop = self.text.index(role, end) + len(role)
        return _Agent("name", start, stop, name=self.text[start:end], role=role)

    def _role_agent(self, toks: list[re.Match]) -> _Agent | None:
        """"den russiske viceudenrigsminister, Sergej Rjabkov", "udenrigsministeren", "en talsperson for X"."""
        for k, tok in enumerate(toks[:5]):
            word = tok.group()
            if not word[0].isalnum() or word.lower() in _ROLE_STOPS or (k and self.pat.verb.fullmatch(word)):
                return None
            head = _role_head(word)
            if head and not (word[0].isupper() and k and word.lower() in qr.NON_PERSONS):
                return self._role_phrase(toks, k, head)
        return None

    def _role_phrase(self, toks: list[re.Match], k: int, head: tuple[str, str]) -> _Agent:
        """Build the role agent around the role token ``toks[k]``: genitive, complement, name."""
        start_tok = k - 1 if k and toks[k - 1].group()[:1].isupper() and toks[k - 1].group().endswith("s") else k
        definite = not any(t.group().lower() in _INDEFINITE for t in toks[:k])
        j = k + 1
        if j < len(toks) and self._role_prep(toks[j].group()):
            while j < len(toks) and toks[j].group()[0].isalnum() and toks[j].group().lower() not in _ROLE_STOPS \
                    and toks[j].group().lower() not in self.rules.complementizers and not self._first_name(toks[j]):
                j += 1
        role_end = toks[j - 1].end()
        role = self.text[toks[start_tok].start():role_end]
        agent = _Agent("role", toks[start_tok].start(), role_end, role=role, base=head[0], org=head[1],
                       definite=definite)
        rest = j + (j < len(toks) and toks[j].group() == ",")
        if rest < len(toks) and _is_cap(toks[rest].group()) and not self._not_person(toks[rest].group()):
            run = self._run(toks, rest)
            agent.name, agent.end = self.text[run[0].start():run[-1].end()], run[-1].end()
        return agent

    def _first_name(self, tok: re.Match) -> bool:
        """Token opens a full name: a role's complement stops there ("medlem af EU-Parlamentet Jeppe ...").

        Either a person already found in the article starts with it, or it is a listed
        first name followed by another capitalised word ("... i Aarhus Arrest Jens Vigh").
        """
        word = tok.group()
        if any(p.name.startswith(word + " ") for p in self.people.persons.values()):
            return True
        low = word.lower()
        if low not in qr.MALE_NAMES and low not in qr.FEMALE_NAMES:
            return False
        after = _WORDS.match(self.text, tok.end() + 1)
        return self.text[tok.end():tok.end() + 1] == " " and after is not None and _is_cap(after.group())

    def _role_prep(self, word: str) -> bool:
        """A preposition opening a role's complement ("talsperson for ..."), not "at" in da/nb/nn."""
        low = word.lower()
        return low in _ROLE_PREPS and low not in self.rules.complementizers

    def _not_person(self, word: str) -> bool:
        low = word.lower()
        return low in qr.NON_PERSONS or low in self.rules.determiners or low in self.rules.pronouns

    def _agent_before(self, clause_start: int, verb_start: int) -> _Agent | None:
        """The agent ending right before a verb in normal order ("Han kalder", "Jens Stoltenberg sier")."""
        segment = self.text[clause_start:verb_start].rstrip()
        segment = segment[:-1].rstrip() if segment.endswith(",") else segment
        toks = list(_WORDS.finditer(self.text, clause_start, clause_start + len(segment)))
        if not toks:
            return None
        last = toks[-1].group()
        if last.lower() in self.rules.pronouns and self._opens_clause(toks, len(toks) - 1, clause_start):
            return _Agent("pronoun", toks[-1].start(), toks[-1].end(), base=self.rules.pronouns[last.lower()])
        if _is_cap(last) and not _role_head(last) and last.lower() not in self.rules.determiners:
            i = len(toks) - 1
            while i > 0 and self.text[toks[i - 1].end():toks[i].start()] == " " and (
                    _is_cap(toks[i - 1].group()) or toks[i - 1].group() in qr.NAME_PARTICLES):
                i -= 1
            if self._sentence_word(toks[i]):
                if i == len(toks) - 1:
                    return None  # "Her sagde Rusland": a sentence-initial adverb, not an agent
                i += 1
            if self._opens_clause(toks, i, clause_start) or self._role_before(toks, i):
                return _Agent("name", toks[i].start(), toks[-1].end(), name=self.text[toks[i].start():toks[-1].end()])
            return None
        return self._role_before_verb(toks, clause_start)

    def _sentence_word(self, tok: re.Match) -> bool:
        """A capitalised sentence-initial common word in front of a name ("Her Putin ...")."""
        word = tok.group()
        if any(word in p.name.split() for p in self.people.persons.values()):
            return False  # "Putin sa ...": a known name, even at the start of a sentence
        return _sentence_initial(self.text, tok.start()) and self.people._common(word)

    def _role_before_verb(self, toks: list[re.Match], clause_start: int) -> _Agent | None:
        """"Præsidenten sagde", "Natos generalsekretær sagde", "John Kirby, talsperson for X, sier"."""
        last = toks[-1].group()
        head = _role_head(last)
        if head:
            i = len(toks) - 1
            while i > 0 and (toks[i - 1].group().lower() in self.rules.determiners or toks[i - 1].group().islower()
                             and not self.pat.verb.fullmatch(toks[i - 1].group()) and i > len(toks) - 3):
                i -= 1
            if self._opens_clause(toks, i, clause_start):
                return self._role_phrase(toks[i:], len(toks) - 1 - i, head)
        return None

    def _opens_clause(self, toks: list[re.Match], i: int, clause_start: int) -> bool:
        """Token i starts its clause: sentence start, after a comma, or after a conjunction."""
        if i == 0:
            return True
        prev = toks[i - 1].group()
        return prev in ",;:" or prev.lower() in _CLAUSE_OPENERS

    def _role_before(self, toks: list[re.Match], i: int) -> bool:
        return i > 0 and (_role_head(toks[i - 1].group()) is not None or toks[i - 1].group() == "," and i > 1
                          and _role_head(toks[i - 2].group()) is not None)

    # ---- resolution
    def _resolve(self, agent: _Agent | None) -> _Speaker:
        """Turn an agent into a speaker: full name and role as the article gave them, or unknown."""
        if agent is None:
            return _Speaker(None, None)
        if agent.kind == "pronoun":
            found = self.people.salient(agent.start, agent.base)
            return found if found else _Speaker(None, None, agent.base)
        if agent.name:
            return self._resolve_name(agent)
        if not agent.definite:
            return _Speaker(None, agent.role)
        person = self.people.by_role(agent.base, agent.org, agent.start)
        if person:
            return _Speaker(person.name, _first(person.roles) or agent.role, person.gender)
        return _Speaker(None, agent.role)

    def _resolve_name(self, agent: _Agent) -> _Speaker:
        name = agent.name or ""
        person = self.people.by_name(name, agent.start)
        if person is None:
            org = name.lower() in qr.NON_PERSONS or name.lower().rstrip("s") in qr.NON_PERSONS
            person = self.people.persons.setdefault(name, _Person(name, _gender(name), org=org))
            self.people.mentions.append(_Mention(agent.start, agent.start + len(name), person))
            self.people.mentions.sort(key=lambda m: m.start)
        if agent.role:
            self.people.add_role(person, agent.role)
        return _Speaker(person.name, _first(person.roles) or agent.role, person.gender, person.org)

    def _note(self, pos: int, speaker: _Speaker) -> None:
        """Make a resolved speaker salient from ``pos`` on."""
        if speaker.name or speaker.role:
            self.people.events.append((pos, speaker))

    def _emit(self, start: int, end: int, speaker: _Speaker, kind: str, cue: str | None, unit: _Unit) -> None:
        start, end = _trim(self.text, start, end)
        if end - start < 2:
            return
        self.quotes.append(Quote(self.text[start:end], speaker.name, speaker.role, kind, start, end,
                                 cue, unit.paragraph))


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


_TRIM_CHARS = " \t\n\"«»“”„‚‘’,;-–—"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, dashes, a trailing comma and unbalanced quote marks from the span.

    A mark is kept when its partner is inside the span ('at Nato skal "forstå alvoren"').
    """
    while start < end and text[start] in _TRIM_CHARS:
        if text[start] in _MARKS and _partner_inside(text, start, end):
            break
        start += 1
    while end > start and text[end - 1] in _TRIM_CHARS:
        if text[end - 1] in _MARKS and _partner_inside(text, start, end):
            break
        end -= 1
    return start, end


_MARKS = "\"«»“”„‚‘’"


def _partner_inside(text: str, start: int, end: int) -> bool:
    """Whether the quote marks in text[start:end] are balanced (an even number, counting pairs)."""
    inner = text[start:end]
    return sum(inner.count(c) for c in _MARKS) % 2 == 0 and any(inner.count(c) for c in _MARKS) and len(
        [c for c in inner if c in _MARKS]) >= 2


# --------------------------------------------------------------------------- reading units


@dataclass
class _Tail:
    """An attribution after quoted words: where the words stop and who said them."""

    quote_end: int
    cue: str
    agent: _Agent
    end: int


class _Reader(_Extractor):
    """The unit-by-unit pass: dash paragraphs, then quotation marks and indirect speech."""

    def run(self) -> list[Quote]:
        self.unit_speaker: dict[int, _Speaker | None] = {}  # unit index -> speaker it leaves in context
        self.dash_quote: set[int] = set()
        for index, unit in enumerate(self.units):
            if unit.dash:
                self._read_dash(index, unit)
            else:
                self._read_plain(index, unit)
        self.quotes.sort(key=lambda q: q.start)
        return self.quotes

    # ---- dash paragraphs
    def _read_dash(self, index: int, unit: _Unit) -> None:
        tail = self._tail(unit.body, unit.end)
        if tail is None and self._headline(unit):
            return  # a subheading or list item: no terminal punctuation, or too short to be speech
        if tail is None:
            speaker = self._context_speaker(index)
            self._emit(unit.body, unit.end, speaker, "direct", None, unit)
        else:
            speaker = self._resolve(tail.agent)
            self._note(tail.agent.start, speaker)
            self._emit(unit.body, tail.quote_end, speaker, "direct", tail.cue, unit)
            self._continuation(tail.end, unit, speaker)
        self.dash_quote.add(index)
        self.unit_speaker[index] = speaker

    def _continuation(self, pos: int, unit: _Unit, speaker: _Speaker) -> None:
        """Words after the attribution in a dash paragraph ("- A, siger han. B.") continue the quote."""
        while pos < unit.end and len(_TOKEN.findall(self.text[pos:unit.end])) >= 3:
            tail = self._tail(pos, unit.end)
            if tail is None:
                self._emit(pos, unit.end, speaker, "direct", None, unit)
                return
            own = self._resolve(tail.agent)
            self._note(tail.agent.start, own)
            self._emit(pos, tail.quote_end, own, "direct", tail.cue, unit)
            pos = tail.end

    def _headline(self, unit: _Unit) -> bool:
        body = self.text[unit.body:unit.end].rstrip()
        return not _TERMINAL.search(body) or len(_TOKEN.findall(body)) < 3

    def _tail(self, start: int, end: int) -> _Tail | None:
        """The earliest attribution in ``text[start:end]``: ", siger X", ", lød det fra X", ", he said"."""
        found: list[_Tail] = []
        for pattern in (self.pat.inverted, self.pat.from_phrase):
            for m in pattern.finditer(self.text, start, end) if pattern else ():
                stop = _END.search(self.text, m.end(), end).start()
                agent = self._agent_after(m.end("verb"), stop)
                if agent:
                    found.append(self._make_tail(m, agent, end))
                    break
        for m in self.pat.normal.finditer(self.text, start, end):
            agent = self._agent_before(m.start("agent"), m.start("verb"))
            if agent and agent.start == m.start("agent"):
                found.append(self._make_tail(m, agent, end))
                break
        return min(found, key=lambda t: t.quote_end) if found else None

    def _make_tail(self, m: re.Match, agent: _Agent, end: int) -> _Tail:
        sep = m.group("sep")
        quote_end = m.start("sep") + (len(sep) if sep in "?!…" or sep == "..." else 0)
        stop = _END.search(self.text, max(agent.end, m.end("verb")), end)
        return _Tail(quote_end, _norm_cue(m.group("verb")), agent, stop.end())

    def _context_speaker(self, index: int) -> _Speaker:
        """Speaker of an unattributed dash paragraph, from its neighbours (see module docstring)."""
        prev = index - 1
        while prev >= 0 and self.units[prev].dash and prev not in self.dash_quote:
            prev -= 1  # a skipped subheading line does not break the chain
        before = self.unit_speaker.get(prev) if prev >= 0 else None
        if before and before.name:
            return before
        ahead = self._next_attributed(index)
        if ahead and ahead.name and prev in self.dash_quote:
            return ahead
        if before and before.role:
            return before
        if ahead and ahead.name:
            return ahead
        return self._mentioned_before(prev) or _Speaker(None, None)

    def _next_attributed(self, index: int) -> _Speaker | None:
        """Speaker of the next dash paragraph in an unbroken run that names one."""
        for unit in self.units[index + 1:]:
            if not unit.dash:
                return None
            tail = self._tail(unit.body, unit.end)
            if tail:
                return self._resolve(tail.agent) if tail.agent.kind != "pronoun" else None
        return None

    def _mentioned_before(self, prev: int) -> _Speaker | None:
        """The person the previous paragraph names: the last speaker if named there, else the only one."""
        if prev < 0:
            return None
        unit = self.units[prev]
        named = [m.person for m in self.people.mentions if unit.start <= m.start < unit.end and not m.person.org]
        last = self.people.salient(unit.end, "")
        if last and last.name and any(p.name == last.name for p in named):
            return last
        distinct = {p.name: p for p in named}
        if len(distinct) == 1:
            person = next(iter(distinct.values()))
            return _Speaker(person.name, _first(person.roles), person.gender)
        return None

    # ---- other paragraphs
    def _read_plain(self, index: int, unit: _Unit) -> None:
        before = len(self.quotes)
        self.consumed: list[tuple[int, int]] = []
        intro: _Speaker | None = None
        for s, e in _sentences(self.text, unit.body, unit.end):
            intro = self._this_says(s, e) or intro
            for open_, close in _quoted_spans(self.text, s, e):
                self._read_marked(open_, close, s, e, unit)
            self._read_indirect(s, e, unit)
        made = [q for q in self.quotes[before:] if q.speaker]
        colon = self._colon_intro(unit)
        self.unit_speaker[index] = colon or intro or (self._speaker_of(made[-1]) if made else None)

    def _speaker_of(self, quote: Quote) -> _Speaker:
        person = self.people.persons.get(quote.speaker or "")
        return _Speaker(quote.speaker, quote.speaker_role, person.gender if person else "", bool(person and person.org))

    def _this_says(self, s: int, e: int) -> _Speaker | None:
        """"Det siger Natos generalsekretær, Jens Stoltenberg, onsdag." names the speaker around it."""
        m = self.pat.this_says.match(self.text, s) if self.pat.this_says else None
        if not m:
            return None
        speaker = self._resolve(self._agent_after(m.end(), e))
        self._note(m.end(), speaker)
        return speaker if speaker.name else None

    def _colon_intro(self, unit: _Unit) -> _Speaker | None:
        """"Stoltenberg understreger:" / "Han tilføjer:" introduces the dash paragraph after it."""
        body = self.text[unit.body:unit.end].rstrip()
        if not body.endswith(":"):
            return None
        s = _sentences(self.text, unit.body, unit.end)[-1][0]
        verbs = list(self.pat.verb.finditer(self.text, s, unit.body + len(body)))
        if not verbs:
            return None
        v = verbs[-1]
        agent = self._agent_before(s, v.start()) or self._agent_after(v.end(), unit.body + len(body) - 1)
        speaker = self._resolve(agent)
        self._note(v.start(), speaker)
        return speaker if (speaker.name or speaker.role) else None

    def _read_marked(self, open_: int, close: int, s: int, e: int, unit: _Unit) -> None:
        """A span in quotation marks: a full quote with its attribution, or a partial quote in context."""
        after = self._tail_after(close + 1, e)
        if after:
            speaker = self._resolve(after.agent)
            self._note(after.agent.start, speaker)
            self._emit(open_ + 1, close, speaker, "direct", after.cue, unit)
            self.consumed.append((open_, after.end))
            return
        lead = self._lead_before(s, open_)
        if lead:
            agent, cue = lead
            speaker = self._resolve(agent)
            self._note(agent.start, speaker)
            self._emit(open_ + 1, close, speaker, "direct", cue, unit)
            self.consumed.append((s, close + 1))
            return
        self._read_partial(open_, close, s, e, unit)

    def _tail_after(self, pos: int, e: int) -> _Tail | None:
        """Attribution right after a closing mark: "», sier han" / '," he said' / '," said X'."""
        m = re.match(r"[ \t]*[,.!?]?", self.text[pos:e])
        start = pos + (m.end() if m else 0)
        # Put a separator in front so the dash-tail patterns apply: '" she said' -> ', she said'.
        probe = ", " + self.text[start:e] if self.text[start:start + 1] not in ",?!" else self.text[start:e]
        offset = start - (2 if probe != self.text[start:e] else 0)
        tail = None
        for pattern in (self.pat.inverted, self.pat.from_phrase, self.pat.normal):
            m2 = pattern.match(probe) if pattern else None
            if not m2:
                continue
            if pattern is self.pat.normal:
                agent = self._agent_before(offset + m2.start("agent"), offset + m2.start("verb"))
                agent = agent if agent and agent.start == offset + m2.start("agent") else None
            else:
                agent = self._agent_after(offset + m2.end("verb"), _END.search(self.text, offset + m2.end(), e).start())
            if agent:
                stop = _END.search(self.text, max(agent.end, offset + m2.end("verb")), e)
                tail = _Tail(pos, _norm_cue(m2.group("verb")), agent, stop.end())
                break
        return tail

    def _lead_before(self, s: int, open_: int) -> tuple[_Agent, str] | None:
        """'X sier: «...»' / 'Han tilføjer: "..."' / 'sier han: «...»': the verb just before the quote."""
        head = self.text[s:open_].rstrip()
        if not head.endswith((":", ",")):
            return None
        verbs = list(self.pat.verb.finditer(self.text, s, s + len(head)))
        if not verbs or len(_TOKEN.findall(self.text[verbs[-1].end():s + len(head)])) > 6:
            return None
        v = verbs[-1]
        agent = self._agent_before(s, v.start()) or self._agent_after(v.end(), s + len(head) - 1)
        return (agent, _norm_cue(v.group())) if agent else None

    def _read_partial(self, open_: int, close: int, s: int, e: int, unit: _Unit) -> None:
        """Quoted words inside a sentence count only with a speech context in that sentence.

        Short fragments without one are names, titles or scare quotes («Steadfast Noon»);
        all-capitalised fragments are treated as titles even with a context.
        """
        inner = self.text[open_ + 1:close]
        words = _TOKEN.findall(inner)
        if not words or not re.search(r"[.!?…][\"»”’)]*$", self.text[s:e].rstrip()):
            return  # headline-like line ("Se video: Putin varsler «delvis mobilisering»")
        if len(words) <= 5 and all(w[:1].isupper() or w.isdigit() for w in words):
            return
        context = self._context_verb(s, e, open_, close)
        if context is None:
            return
        cue, agent = context
        speaker = self._resolve(agent)
        self._emit(open_ + 1, close, speaker, "direct", cue, unit)

    def _context_verb(self, s: int, e: int, open_: int, close: int) -> tuple[str, _Agent | None] | None:
        """The speech, framing or "ifølge" cue nearest before the quote (else after) and its agent."""
        cues = []
        for kind, pattern in (("verb", self.pat.verb), ("verb", self.pat.framing), ("according", self.pat.according)):
            for m in pattern.finditer(self.text, s, e):
                if not (open_ <= m.start() <= close) and not _inside(m.start(), self.consumed):
                    cues.append((kind, m))
        before = [c for c in cues if c[1].end() <= open_]
        chosen = max(before, key=lambda c: c[1].start()) if before else min(cues, key=lambda c: c[1].start(),
                                                                             default=None)
        if chosen is None:
            return None
        kind, m = chosen
        if kind == "according":
            return _norm_cue(m.group()), self._agent_after(m.end(), e)
        clause = self._clause_start(s, m.start())
        agent = self._agent_before(clause, m.start()) or self._agent_after(m.end(), e)
        if agent and open_ <= agent.start <= close:
            agent = None
        return _norm_cue(m.group()), agent

    def _clause_start(self, s: int, pos: int) -> int:
        """Start of the sentence (commas are kept so appositions stay with their name)."""
        return s

    def _read_indirect(self, s: int, e: int, unit: _Unit) -> None:
        """Reported speech: "X siger, at ...", "X sier Nato tar ...", "ifølge X ..."."""
        if self._indirect_verb(s, e, unit) or self._indirect_tail(s, e, unit):
            return
        for m in self.pat.according.finditer(self.text, s, e):
            if _inside(m.start(), self.consumed):
                continue
            agent = self._agent_after(m.end(), e)
            if agent and agent.kind != "pronoun":
                self._according(m, agent, s, e, unit)
                return

    def _indirect_tail(self, s: int, e: int, unit: _Unit) -> bool:
        """"USA tar truslene på alvor, sier en talsperson." : a dash-less statement with a tail."""
        tail = self._tail(s, e)
        if tail is None or _inside(tail.quote_end, self.consumed) or len(_TOKEN.findall(self.text[s:tail.quote_end])) < 4:
            return False
        speaker = self._resolve(tail.agent)
        self._note(tail.agent.start, speaker)
        self._emit(s, tail.quote_end, speaker, "indirect", tail.cue, unit)
        return True

    def _according(self, m: re.Match, agent: _Agent, s: int, e: int, unit: _Unit) -> None:
        """"Ifølge X er ..." -> the rest; "..., ifølge X." -> what comes before; mid-sentence -> the sentence."""
        speaker = self._resolve(agent)
        self._note(agent.start, speaker)
        end = _sentence_end(self.text, s, e)
        if not self.text[s:m.start()].strip():
            start, stop = agent.end, end
        elif self.text[s:m.start()].rstrip().endswith(",") and not self.text[agent.end:end].strip(" .,"):
            start, stop = s, self.text.rindex(",", s, m.start())
        else:
            start, stop = s, end
        if len(_TOKEN.findall(self.text[start:stop])) >= 3:
            self._emit(start, stop, speaker, "indirect", _norm_cue(m.group()), unit)

    def _indirect_verb(self, s: int, e: int, unit: _Unit) -> bool:
        for v in self.pat.verb.finditer(self.text, s, e):
            if _inside(v.start(), self.consumed) or _inside(v.start(), [(q.start, q.end) for q in self.quotes]):
                continue
            before = self._agent_before(s, v.start())
            after = None if before else self._agent_after(v.end(), e)
            agent = before or after
            if agent is None:
                continue
            pos = agent.end if after else v.end()
            clause = self._reported_clause(pos, e, v.group(), bare=before is not None)
            if clause is None:
                continue
            speaker = self._resolve(agent)
            self._note(agent.start, speaker)
            self._emit(clause, _sentence_end(self.text, s, e), speaker, "indirect", _norm_cue(v.group()), unit)
            return True
        return False

    def _reported_clause(self, pos: int, e: int, verb: str, *, bare: bool) -> int | None:
        """Where the reported clause starts after the verb (and agent), or None if there is none."""
        window = self.text[pos:e]
        m = re.match(r"(?:[ \t]+[^\s,.:;!?]+){0,4}?" + self.pat.complementizer.pattern, window)
        if m and "." not in window[:m.start()]:
            return pos + m.end() if len(_TOKEN.findall(window[m.end():])) >= 3 else None
        if bare and verb in self.pat.bare:
            words = window.split()
            if len(words) >= 4 and words[0][:1].isalpha() and words[0].lower() not in _NOT_CLAUSE_START:
                return pos + len(window) - len(window.lstrip())
        return None


_NOT_CLAUSE_START = frozenset(
    ["til", "to", "ja", "nei", "nej", "no", "yes", "noe", "noget", "något", "something", "det", "dette", "that", "this", "han", "hun", "hon", "ho", "he", "she", "dem", "them", "om", "about", "for", "for", "med", "with", "på", "på", "i", "in", "at"]
)


def _sentence_end(text: str, s: int, e: int) -> int:
    """End of the sentence without its final punctuation and closing marks."""
    end = e
    while end > s and text[end - 1] in " \t\n.!?":
        end -= 1
    return end


def _norm_cue(cue: str) -> str:
    return " ".join(cue.split()).lower()


def _quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(opening, closing) positions of quotation-mark pairs within one sentence or paragraph."""
    spans, i = [], start
    while i < end:
        ch = text[i]
        closers = qr.QUOTE_PAIRS.get(ch)
        if closers and _opens(text, i):
            j = _closing(text, i + 1, end, closers)
            if j is not None:
                spans.append((i, j))
                i = j + 1
                continue
        i += 1
    return spans


def _opens(text: str, i: int) -> bool:
    """An opening mark: at the start or after space/bracket/dash, and followed by a non-space."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([—–-/:") and not after.isspace()


def _closing(text: str, i: int, end: int, closers: tuple[str, ...]) -> int | None:
    for j in range(i, min(end, i + 800)):
        if text[j] == "\n":
            return None
        if text[j] in closers and not text[j - 1].isspace():
            nxt = text[j + 1] if j + 1 < len(text) else " "
            if not nxt.isalnum():
                return j
    return None


def extract_quotes(text: str, language: str, *, title: str | None = None) -> list[Quote]:
    """Quotes in ``text`` with speakers resolved to full names, in text order.

    ``language`` is an ISO 639-1 code (da, nb, nn, sv, en; ``no`` means nb); other
    languages get the English rules as a best effort. ``title`` only helps find names.
    Offsets are into ``text``; ``paragraph`` counts blank-line paragraphs (or lines when
    the text has no blank lines).
    """
    if not text or not text.strip():
        return []
    return _Reader(text, rules_for(language), title).run()
