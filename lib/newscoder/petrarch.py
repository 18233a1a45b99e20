"""Import PETRARCH / Phoenix actor dictionaries (their text format) into a newscoder codebook.

Researchers who coded events with PETRARCH or TABARI keep their actors in dictionary files such
as `Phoenix.Countries.actors.txt`. This module reads that text format and turns it into our model
(`Codebook`, with `Actor` and `Person` and dated `Role`s), so that the same actors can be used by
the entity and statement steps, or written once as `actors.yaml`/`persons.yaml` and edited by hand.

The format, as PETRARCH2 reads it (docs/source/dictionaries.rst and PETRreader.py in
openeventdata/petrarch2):

    GONDOR  [GON]                         # a primary phrase and its code
    +MINAS_TIRITH                         # synonyms start with '+'
    FRODO_BAGGINS_  [HOB]                 # default code, used when no date restriction holds
        [HOBGOV 700101-800101]            # date restrictions, usually on their own indented line
        [HOBELI >800101]
    ; legacy comment    <!-- XML comment, may span lines -->

* Words are joined by `_` or spaces; a trailing `_` marks a whole-word match (PETRARCH2 matches
  whole words anyway, and so does newscoder, so the flag is kept for information only).
* A code is a 3-character country or organisation code followed by optional 3-character agent
  codes: `GON`, `GONGOV`, `IGOUNO`, `PSEREBHMS`. `---` is the null code (a known name that stands
  for no actor); `A/B` lists several actors for one name (TABARI compound codes).
* A restriction is `<date` (up to and including date), `>date` (from date on) or `date-date`
  (both included); dates are `YYYYMMDD` or `YYMMDD`, where YY 00-30 means 20YY and 31-99 19YY.
  PETRARCH takes the first restriction, in file order, that holds on the sentence's date, then the
  first unrestricted (default) code, then the null code; `DictEntry.code_on` does the same.
* Comments: everything after `#` or `;`, lines starting with `<!`, and `<!-- ... -->` blocks.

`read_actor_dictionary` parses the text; `to_codebook` maps entries onto the codebook model;
`import_dictionary` writes the result as YAML files in our codebook format.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .codebook import ACTOR_FIELDS, Actor, Codebook, Person, Role, fold
from .errors import CodebookError

logger = logging.getLogger(__name__)

NULL_CODES = ("---", "+++", "###")  # PETRARCH's null code and two TABARI-era placeholders
# CAMEO "country" codes that are not states, and the actor type newscoder gives them.
NON_STATE_TYPES = {"IGO": "igo", "IMG": "armed_group", "NGO": "other", "NGM": "other", "MNC": "other", "UIS": "other", "INT": "other"}
# Short words left in lower case inside a title-cased name ("Group of 77", "Prince of Dol Amroth").
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "at", "to", "de", "del", "della", "di", "du", "des", "da", "do", "dos", "das", "la", "le", "van", "von", "der", "y"}

_CODE_PART = re.compile(r"^(?:---|\+\+\+|###|[A-Z0-9]{3})[A-Z0-9]*$")
_GROUP = re.compile(r"\[([^\[\]]*)\]")
_DATE = r"(\d+)"


@dataclass(frozen=True)
class DictPhrase:
    """One phrase of an entry: the primary phrase or a `+` synonym."""

    text: str  # words joined by single spaces, as written: "MINAS TIRITH"
    raw: str  # as written: "MINAS_TIRITH_"
    whole_word: bool  # the phrase ended in "_"
    line: int


@dataclass(frozen=True)
class DictCode:
    """One code of an entry, with its date restriction (both ends inclusive, as in PETRARCH)."""

    code: str  # upper case: "HOBGOV", "ELR/GAL", "---"
    start: dt.date | None = None  # first day the code applies
    end: dt.date | None = None  # last day the code applies
    raw: str = ""
    line: int = 0

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def parts(self) -> tuple[str, ...]:
        """The actor codes of a compound code (`FRO/BIL/SAM`), or the code alone."""
        return tuple(self.code.split("/"))

    def applies_on(self, date: dt.date) -> bool:
        """Does the restriction hold on `date`? (An unrestricted code always holds.)"""
        return (self.start is None or self.start <= date) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class DictEntry:
    """One actor-dictionary record: a primary phrase, its synonyms and its codes."""

    primary: DictPhrase
    synonyms: tuple[DictPhrase, ...] = ()
    codes: tuple[DictCode, ...] = ()
    comment: str = ""
    line: int = 0
    source: str = ""

    @property
    def phrases(self) -> tuple[DictPhrase, ...]:
        return (self.primary, *self.synonyms)

    def code_on(self, date: dt.date | None) -> str:
        """The code PETRARCH assigns on `date`.

        date (date | None): the sentence's date; None when unknown (only the default code applies).
        RETURNS (str): the first restricted code that holds, else the first unrestricted code, else '---'.
        """
        if date is not None:
            for code in self.codes:
                if code.restricted and code.applies_on(date):
                    return code.code
        for code in self.codes:
            if not code.restricted:
                return code.code
        return "---"


# ---------------------------------------------------------------------------------------------
# Reading the text format
# ---------------------------------------------------------------------------------------------


def read_actor_dictionary(path_or_text: str | Path, *, strict: bool = True) -> list[DictEntry]:
    """Parse a PETRARCH/Phoenix actor dictionary.

    path_or_text (str | Path): a Path or the name of an existing file, or the dictionary text itself
        (a str with a line break, or one that names no file).
    strict (bool): raise on a malformed line; with False, log a warning and skip the line instead.
    RETURNS (list[DictEntry]): the entries in file order.
    """
    text, source = read_source(path_or_text)
    entries: list[DictEntry] = []
    current: dict | None = None
    skipping = False  # a skipped primary line takes its synonyms and codes with it
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        body, comment, in_comment = _strip_comments(line, in_comment)
        stripped = body.strip()
        if not stripped:
            continue
        is_primary = not stripped.startswith(("[", "+"))
        if skipping and not is_primary:
            logger.warning("skipped %s, line %d: belongs to a skipped primary line (line: %r)", source, number, line.strip())
            continue
        try:
            if not is_primary and current is None:
                raise _LineError("a code or synonym line comes before any primary phrase")
            if stripped.startswith("["):
                current["codes"] += _codes_of(stripped, number)
            elif stripped.startswith("+"):
                phrase_text, rest = _split_phrase(stripped[1:])
                if rest:
                    raise _LineError("codes belong on the primary line or on a line of their own, not after a synonym")
                current["synonyms"].append(_phrase(phrase_text, number))
            else:
                if current is not None:
                    entries.append(_entry(current, source))
                current, skipping = None, False
                phrase_text, rest = _split_phrase(stripped)
                codes = _codes_of(rest, number) if rest else []
                current = {"primary": _phrase(phrase_text, number), "synonyms": [], "codes": codes, "comment": comment, "line": number}
                continue
            if comment and not current["comment"]:
                current["comment"] = comment
        except _LineError as exc:
            message = f"{source}, line {number}: {exc} (line: {line.strip()!r})"
            if strict:
                raise CodebookError(message + ". Fix the line, or read with strict=False to skip such lines.") from None
            logger.warning("skipped %s", message)
            skipping = is_primary
    if in_comment:
        message = f"{source}: an '<!--' comment is never closed with '-->'"
        if strict:
            raise CodebookError(message + ".")
        logger.warning(message)
    if current is not None:
        entries.append(_entry(current, source))
    return entries


class _LineError(ValueError):
    """A problem with one line; the caller adds the file and line number."""


def read_source(path_or_text: str | Path, what: str = "Actor dictionary", suffixes: tuple[str, ...] = (".txt", ".actors")) -> tuple[str, str]:
    """The text of a dictionary given as a file path or as the text itself, and its name.

    UTF-8 (with or without BOM), else Latin-1 with a warning; a path-like string naming no file
    (ending in one of `suffixes`) is an error, not text.
    """
    if isinstance(path_or_text, Path) or ("\n" not in path_or_text and _is_file(path_or_text)):
        path = Path(path_or_text)
        if not path.is_file():
            raise CodebookError(f"{what} {path} does not exist.")
        data = path.read_bytes()
        try:
            return data.decode("utf-8-sig"), path.name
        except UnicodeDecodeError:
            logger.warning("%s is not UTF-8; read as Latin-1", path)
            return data.decode("latin-1"), path.name
    if "\n" not in path_or_text and path_or_text.strip().lower().endswith(suffixes):
        raise CodebookError(f"{what} {path_or_text} does not exist.")
    return path_or_text, "<text>"


def _is_file(name: str) -> bool:
    try:
        return Path(name).is_file()
    except (OSError, ValueError):  # a long or odd one-line dictionary text is not a file name
        return False


def _strip_comments(line: str, in_comment: bool) -> tuple[str, str, bool]:
    """Remove XML, '#' and ';' comments. RETURNS (body, comment text, still inside an XML comment)."""
    body = line
    if in_comment:
        if "-->" not in body:
            return "", "", True
        body = body[body.index("-->") + 3 :]
    elif body.lstrip().startswith("<!") and not body.lstrip().startswith("<!--"):
        return "", "", False  # '<! -- ... -->' and other '<!' lines are comments as a whole
    while "<!--" in body:
        before, _, after = body.partition("<!--")
        if "-->" not in after:
            return before, "", True
        body = before + after[after.index("-->") + 3 :]
    comment = ""
    cut = min((i for i in (body.find("#"), body.find(";")) if i >= 0), default=-1)
    if cut >= 0:
        body, comment = body[:cut], body[cut + 1 :].strip(" \t#;")
    return body, comment, False


def _split_phrase(text: str) -> tuple[str, str]:
    """Split 'PHRASE  [CODE ...] [CODE ...]' into the phrase and the code part."""
    if "]" in text and ("[" not in text or text.index("]") < text.index("[")):
        raise _LineError("a ']' has no matching '['")
    if "[" not in text:
        return text.strip(), ""
    i = text.index("[")
    return text[:i].strip(), text[i:].strip()


def _phrase(raw: str, number: int) -> DictPhrase:
    if not raw:
        raise _LineError("the phrase is empty")
    words = raw.replace("_", " ").split()
    if not words:
        raise _LineError("the phrase is empty")
    return DictPhrase(text=" ".join(words).upper(), raw=raw, whole_word=raw.endswith("_"), line=number)


def _codes_of(text: str, number: int) -> list[DictCode]:
    """Every '[...]' group of a line; nothing but whitespace may stand between or after them."""
    codes = []
    leftover = _GROUP.sub(" ", text)
    if leftover.strip():
        if "[" in leftover or "]" in leftover:
            raise _LineError("a '[' is not closed by ']' (or a ']' has no '[')")
        raise _LineError(f"unexpected text {leftover.strip()!r} outside the [code] brackets")
    for group in _GROUP.findall(text):
        codes.append(_code(group, number))
    return codes


def _code(group: str, number: int) -> DictCode:
    content = group.strip()
    if not content:
        raise _LineError("a code in [] is empty")
    m = re.match(r"^([^\s<>]+)\s*(.*)$", content)
    if m is None:
        raise _LineError(f"[{content}] has a date restriction but no code before it")
    code, restriction = m.group(1).upper(), m.group(2).strip()
    for part in code.split("/"):
        if not _CODE_PART.match(part):
            raise _LineError(
                f"code {part!r} is not a code: it needs a 3-character country or organisation code "
                "(letters or digits, or '---') followed by optional agent codes"
            )
    start = end = None
    if restriction:
        if restriction.startswith("<"):
            end = _date(restriction[1:].strip())
        elif restriction.startswith(">"):
            start = _date(restriction[1:].strip())
        elif (r := re.fullmatch(_DATE + r"\s*-\s*" + _DATE, restriction)) is not None:
            start, end = _date(r.group(1)), _date(r.group(2))
            if start > end:
                raise _LineError(f"the date range {restriction!r} ends before it starts")
        else:
            raise _LineError(
                f"the date restriction {restriction!r} is not '<date', '>date' or 'date-date' (dates YYMMDD or YYYYMMDD)"
            )
    return DictCode(code=code, start=start, end=end, raw=content, line=number)


def _date(text: str) -> dt.date:
    """A PETRARCH date: YYYYMMDD, or YYMMDD with YY 00-30 as 20YY and 31-99 as 19YY."""
    if not re.fullmatch(r"\d{6}|\d{8}", text):
        raise _LineError(f"{text!r} is not a date (YYMMDD or YYYYMMDD)")
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _LineError(f"{text!r} is not a calendar date") from None


def _entry(current: dict, source: str) -> DictEntry:
    return DictEntry(
        primary=current["primary"], synonyms=tuple(current["synonyms"]), codes=tuple(current["codes"]),
        comment=current["comment"], line=current["line"], source=source,
    )


# ---------------------------------------------------------------------------------------------
# Mapping entries onto the codebook model
# ---------------------------------------------------------------------------------------------


def display_name(phrase: str) -> str:
    """Turn a dictionary phrase into a name for the codebook.

    An upper-case phrase is title-cased, except acronyms ("U.S.", "IMF", a word without vowels)
    and short words inside a name ("Group of 77"); a leading "THE" is dropped, because names are
    matched only where their first letter is a capital and running text writes "the Shire".
    phrase (str): the phrase, words separated by spaces or underscores.
    RETURNS (str): the name.
    """
    words = phrase.replace("_", " ").split()
    if len(words) > 1 and words[0].upper() == "THE":
        words = words[1:]
    if any(c.islower() for c in "".join(words)):
        return " ".join(words)  # written in mixed case by the dictionary's author: keep it
    return " ".join(_case_word(w, first=(i == 0), single=(len(words) == 1)) for i, w in enumerate(words))


def _case_word(word: str, *, first: bool, single: bool) -> str:
    letters = re.sub(r"[^A-Za-z]", "", word)
    if not letters:
        return word
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", word):
        return word  # initials and dotted acronyms: U.S., K.U., W.
    if word.startswith("(") and word.endswith(")") or (single and len(letters) <= 3 and word.isalnum()):
        return word  # (AAIA); a short name alone: UN, IMF, UAE
    if "." not in word and len(letters) >= 2 and not re.search(r"[AEIOUY]", letters):
        return word  # no vowel: KKK, FLNC
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    return "-".join(_capitalise(part) for part in lower.split("-"))


def _capitalise(part: str) -> str:
    for i, c in enumerate(part):
        if c.isalpha():
            return part[:i] + c.upper() + part[i + 1 :]
    return part


@dataclass
class _Import:
    """Bookkeeping while building a codebook, kept in `Codebook.extra['petrarch_import']`."""

    entries: int = 0
    actor_entries: int = 0
    person_entries: int = 0
    actors_added: list[str] = field(default_factory=list)
    actors_extended: list[str] = field(default_factory=list)
    duplicate_phrases: list[str] = field(default_factory=list)
    compound_codes: list[str] = field(default_factory=list)
    skipped_names: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self.__dict__.items()}


def to_codebook(entries: Iterable[DictEntry], *, base: Codebook | None = None) -> Codebook:
    """Turn dictionary entries into a codebook.

    Entries whose codes are all unrestricted 3-character country codes become actors: the id is the
    code, the phrases (see `display_name`) are the aliases, the type is "state" (or "igo",
    "armed_group", "other" for CAMEO's IGO, IMG, NGO/NGM/MNC/UIS/INT). All other entries (agent codes
    such as `GONGOV`, date restrictions, the null code) become persons whose dated roles reproduce
    PETRARCH's choice on every date: `Person.actor_on(date)` is the first 3 characters of
    `DictEntry.code_on(date)` ("" for the null code) and `role` is the rest of the code (`GOV`,
    `REBHMS`; "" for none). Codes that no actor entry defines become actors of type "other" with no
    aliases, so every role resolves. A phrase defined twice belongs to the later entry, as in
    PETRARCH. A compound code (`ELR/GAL`) of an actor entry makes its phrases aliases of the first
    actor that stand for all of them (`Codebook.compound_names`: the statement coder codes each);
    in a person's dated code only the first actor is used. What was added, overridden or skipped
    is listed in `extra['petrarch_import']`.
    entries (Iterable[DictEntry]): what `read_actor_dictionary` returned.
    base (Codebook | None): a codebook to extend; its names win over imported ones, and its
        outlets, titles and path (where the lexicon is read from) are kept.
    RETURNS (Codebook): the new codebook; `base` is not changed.
    """
    entries = list(entries)
    report = _Import(entries=len(entries))
    taken = _base_names(base)

    # 1. Which entry owns each name: the later definition of a phrase wins.
    owner: dict[str, int] = {}
    shown: dict[str, str] = {}
    for i, entry in enumerate(entries):
        for phrase in entry.phrases:
            name = display_name(phrase.raw)
            key = fold(name)
            if key in owner and owner[key] != i:
                report.duplicate_phrases.append(f"{name} (line {entries[owner[key]].primary.line} overridden by line {phrase.line})")
            owner[key] = i
            shown[key] = name
    names_of: dict[int, list[str]] = {}
    for key, i in owner.items():
        names_of.setdefault(i, []).append(key)
    for keys in names_of.values():
        keys.sort(key=lambda k: _phrase_order(entries, owner[k], k))

    # 2. Actors and persons.
    actors: dict[str, Actor] = dict(base.actors) if base else {}
    new_aliases: dict[str, list[str]] = {}
    defined: dict[str, str] = {}  # actor id -> display name of the first entry that defines it
    referenced: set[str] = set()
    persons: list[Person] = []
    compound: dict[str, tuple[str, ...]] = dict(base.compound_names) if base else {}  # fold(name) -> its actors
    for i, entry in enumerate(entries):
        keys = names_of.get(i, [])
        if _is_actor_entry(entry):
            report.actor_entries += 1
            parts = entry.codes[0].parts
            if len(parts) > 1:
                report.compound_codes.append(f"{entry.primary.text} [{entry.codes[0].code}] (line {entry.line}): an alias of {parts[0]} "
                                             f"that stands for {', '.join(parts)}")
            referenced.update(parts)
            actor_id = parts[0]
            if keys:
                defined.setdefault(actor_id, shown[keys[0]])
            for key in keys:
                if key in taken and taken[key] != ("actor", actor_id):
                    report.skipped_names.append(f"{shown[key]} (line {entry.line}): already {taken[key][0]} {taken[key][1]!r} in the base codebook")
                elif key not in taken:
                    new_aliases.setdefault(actor_id, []).append(shown[key])
                    if len(parts) > 1:
                        compound[key] = tuple(dict.fromkeys(parts))
        else:
            report.person_entries += 1
            person = _person(entry, [shown[k] for k in keys if k not in taken], report)
            for key in keys:
                if key in taken:
                    report.skipped_names.append(f"{shown[key]} (line {entry.line}): already {taken[key][0]} {taken[key][1]!r} in the base codebook")
            if person is not None:
                persons.append(person)
                referenced.update(r.actor for r in person.roles)
                referenced.update([person.actor] if person.actor else [])

    for actor_id in sorted(referenced - set(NULL_CODES) - {""}):
        aliases = tuple(new_aliases.get(actor_id, ()))
        if actor_id in actors:
            if aliases:
                old = actors[actor_id]
                actors[actor_id] = replace(old, aliases=old.aliases + aliases)
                report.actors_extended.append(actor_id)
            continue
        kind = NON_STATE_TYPES.get(actor_id, "state" if actor_id in defined else "other")
        actors[actor_id] = Actor(id=actor_id, name=defined.get(actor_id, actor_id), type=kind, aliases=aliases)
        report.actors_added.append(actor_id)

    return Codebook(
        path=base.path if base else Path.cwd(),
        actors=actors,
        persons=[*(base.persons if base else []), *persons],
        outlets=base.outlets if base else (),
        outlet_suffixes=base.outlet_suffixes if base else (),
        other_non_actors=base.other_non_actors if base else (),
        titles=base.titles if base else (),
        institution_nouns=base.institution_nouns if base else (),
        extra={**(base.extra if base else {}), "petrarch_import": report.as_dict()},
        compound_names=compound,
    )


def _phrase_order(entries: list[DictEntry], i: int, key: str) -> int:
    """Position of a name among its entry's phrases, so that the primary phrase comes first."""
    for n, phrase in enumerate(entries[i].phrases):
        if fold(display_name(phrase.raw)) == key:
            return n
    return len(entries[i].phrases)


def _base_names(base: Codebook | None) -> dict[str, tuple[str, str]]:
    """Every name the base codebook already uses -> (what it is, whose)."""
    taken: dict[str, tuple[str, str]] = {}
    if base is None:
        return taken
    for actor in base.actors.values():
        for field_name in ACTOR_FIELDS:
            for name in getattr(actor, field_name):
                taken.setdefault(fold(name), ("actor", actor.id))
    for person in base.persons:
        for name in (person.name, *person.variants):
            taken.setdefault(fold(name), ("person", person.name))
    for name in base.outlets:
        taken.setdefault(fold(name), ("outlet", name))
    for name in base.other_non_actors:
        taken.setdefault(fold(name), ("non-actor", name))
    return taken


def _is_actor_entry(entry: DictEntry) -> bool:
    """All codes undated, country level (3 characters) and not null: the phrases name the actor itself."""
    return bool(entry.codes) and all(
        not c.restricted and all(len(p) == 3 and p not in NULL_CODES for p in c.parts) for c in entry.codes
    )


def _person(entry: DictEntry, names: list[str], report: _Import) -> Person | None:
    """A person whose roles give, on every date, the country of PETRARCH's code for the entry."""
    if not names:
        return None
    roles = []
    for start, end, code in _timeline(entry):
        parts = code.split("/")
        if len(parts) > 1:
            report.compound_codes.append(f"{entry.primary.text} [{code}] (line {entry.line}): coded as {parts[0]}")
        country, agent = parts[0][:3], parts[0][3:]
        if country in NULL_CODES:
            continue
        roles.append(Role(actor=country, role=agent, start=start, end=end))
    default = next((c for c in entry.codes if not c.restricted), None)
    if default is not None:
        country = default.parts[0][:3]
        actor = "" if country in NULL_CODES else country
    elif roles:
        actor = max(roles, key=lambda r: (r.end or dt.date.max, r.start or dt.date.min)).actor
    else:
        actor = ""
    return Person(name=names[0], variants=tuple(names[1:]), actor=actor, roles=tuple(roles))


def _timeline(entry: DictEntry) -> list[tuple[dt.date | None, dt.date | None, str]]:
    """Split time where any restriction starts or ends; PETRARCH's code is constant in each piece.

    RETURNS (list): (start, end, code) with `end` exclusive (our Role convention), adjacent
        pieces with the same code merged; None = open-ended.
    """
    bounds = set()
    for code in entry.codes:
        if code.start is not None:
            bounds.add(code.start)
        if code.end is not None:
            bounds.add(code.end + dt.timedelta(days=1))  # PETRARCH's end day is included
    edges = sorted(bounds)
    pieces: list[tuple[dt.date | None, dt.date | None, str]] = []
    starts: list[dt.date | None] = [None, *edges]
    for n, start in enumerate(starts):
        end = edges[n] if n < len(edges) else None
        probe = start if start is not None else (end - dt.timedelta(days=1) if end is not None else None)
        code = entry.code_on(probe) if probe is not None else entry.code_on(None)
        if pieces and pieces[-1][2] == code:
            pieces[-1] = (pieces[-1][0], end, code)
        else:
            pieces.append((start, end, code))
    return pieces


# ---------------------------------------------------------------------------------------------
# Writing a codebook folder
# ---------------------------------------------------------------------------------------------


def import_dictionary(
    actors_path: str | Path, out_folder: str | Path, *, overwrite: bool = False, strict: bool = True
) -> dict[str, Path]:
    """Convert a PETRARCH/Phoenix actor dictionary into `actors.yaml` and `persons.yaml`.

    The files follow codebook/README.md, sorted (actors by id, persons by name) so that the same
    dictionary always gives the same bytes. To code texts with them, copy `triggers.yaml`,
    `issues.yaml`, `titles.yaml` and `non_actors.yaml` from the project's codebook/ next to them.
    actors_path (str | Path): the dictionary file.
    out_folder (str | Path): where to write; created if missing.
    overwrite (bool): replace existing actors.yaml/persons.yaml in `out_folder`.
    strict (bool): raise on a malformed line; with False, skip it with a logged warning.
    RETURNS (dict[str, Path]): "actors" and "persons" -> the files written.
    """
    source = Path(actors_path)
    if not source.is_file():
        raise CodebookError(f"Actor dictionary {source} does not exist.")
    codebook = to_codebook(read_actor_dictionary(source, strict=strict))
    out = Path(out_folder)
    paths = {"actors": out / "actors.yaml", "persons": out / "persons.yaml"}
    existing = [p for p in paths.values() if p.exists()]
    if existing and not overwrite:
        raise CodebookError(f"{', '.join(map(str, existing))} already exist(s); pass overwrite=True to replace.")
    out.mkdir(parents=True, exist_ok=True)
    report = codebook.extra["petrarch_import"]
    header = (
        f"# Generated by newscoder.petrarch.import_dictionary from {source.name}\n"
        f"# ({report['entries']} entries: {report['actor_entries']} actor entries, {report['person_entries']} person entries).\n"
        "# PETRARCH codes: the first 3 characters are the actor id; a person's `role` is the agent part of\n"
        "# the code (GOV, MIL, ...). Date restrictions are roles with start/end (end exclusive).\n"
        "# Actors that the dictionary only refers to have type 'other' and no aliases: edit as needed.\n"
    )
    actors = [
        {"id": a.id, "name": a.name, "type": a.type, **{f: sorted(set(getattr(a, f)), key=fold) for f in ACTOR_FIELDS}}
        for a in sorted(codebook.actors.values(), key=lambda a: a.id)
    ]
    persons = []
    for p in sorted(codebook.persons, key=lambda p: (fold(p.name), p.name)):
        roles = []
        for r in sorted(p.roles, key=lambda r: (r.start or dt.date.min, r.end or dt.date.max, r.actor, r.role)):
            role: dict[str, object] = {"actor": r.actor, "role": r.role}
            if r.start is not None:
                role["start"] = r.start
            if r.end is not None:
                role["end"] = r.end
            roles.append(role)
        persons.append({"name": p.name, "variants": sorted(p.variants, key=fold), "actor": p.actor, "roles": roles})
    dump = dict(Dumper=_Dumper, sort_keys=False, allow_unicode=True, default_flow_style=None, width=120)
    paths["actors"].write_text(header + yaml.dump({"actors": actors}, **dump), encoding="utf-8")
    paths["persons"].write_text(header + yaml.dump({"persons": persons}, **dump), encoding="utf-8")
    return paths


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """yaml.safe_dump's dumper (the C one when available), writing repeated dates in full, not as &anchors."""

    def ignore_aliases(self, data: object) -> bool:
        return True
