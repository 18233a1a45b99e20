"""Import PETRARCH / TABARI verb dictionaries (their text format) as newscoder trigger entries.

Event coders that used PETRARCH keep their event vocabulary in verb dictionaries such as
`CAMEO.2.0.txt`. This module reads that format and turns what our trigger model can express into
`lexicon.Trigger` entries, so that a researcher can code with (or next to) that vocabulary. The
shipped codebook does so by default: tools/build_cameo_lexicon.py imports PETRARCH2's CAMEO.2.0.txt
into `codebook/triggers_cameo.json`, which `load_lexicon` merges after `codebook/triggers.yaml`.

The format, as PETRARCH2 reads it (docs/source/dictionaries.rst and PETRreader.py in
openeventdata/petrarch2):

    &CURRENCY                          # a synset: a label, then '+' lines of words or phrases
    +DOLLARS
    +SWISS FRANCS
    --- GRANT  [070]  ---              # a block: a description and the block's code
    GRANT                              # verbs of the block, one a line; PETRARCH adds -S, -ED, -ING
    GIVE {GAVE GIVEN GIVING}           # irregular forms in {...}
    DONATE [073]                       # a verb with its own code
    +HAND_OVER                         # a multi-word verb: '+' marks the word that is the verb
    - * &CURRENCY  [071]               # patterns: '*' the verb, '$' source, '+' target, '%' both
    - * LOAN  [0711:0712]              #   (compound), '^' skip a phrase; then the pattern's code

* Codes are CAMEO codes (TABARI-era files may hold WEIS codes). `---` is the null code: a verb or
  pattern that PETRARCH deliberately does not code. `A:B` is a paired code: A for the event from
  source to target, B for the one from target back to source (`[042:043]` visit / host a visit).
* Comments: everything after `#` or `;`, lines starting with `<!`, and `<!-- ... -->` blocks.

`read_verb_dictionary` parses the text; `to_triggers` maps it onto `Trigger`s (each with its CAMEO
code in `cameo`) and reports what it left out; `add_triggers` and `merge_triggers` (in lexicon.py)
put them after an existing lexicon's own entries.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from .errors import CodebookError
from .lexicon import PLOVER, Trigger
from .petrarch import NULL_CODES, _strip_comments, read_source

logger = logging.getLogger(__name__)

# How a PLOVER category is coded by our coder when the dictionary says nothing more: stance, mode
# and whether the verb reports speech (its clause is what was said, not an act of its own). These
# follow the hand-written entries of codebook/triggers.yaml.
PLOVER_DEFAULTS: dict[str, tuple[int, str, bool]] = {
    "AGREE": (1, "verbal", False), "CONSULT": (1, "verbal", False), "SUPPORT": (1, "verbal", False),
    "CONCEDE": (1, "material", False), "COOPERATE": (1, "material", False), "AID": (1, "material", False),
    "RETREAT": (1, "material", False), "REQUEST": (-1, "verbal", True), "ACCUSE": (-1, "verbal", True),
    "REJECT": (-1, "verbal", True), "THREATEN": (-1, "verbal", True), "PROTEST": (-1, "verbal", False),
    "SANCTION": (-1, "material", False), "MOBILIZE": (-1, "material", False), "COERCE": (-1, "material", False),
    "ASSAULT": (-1, "material", False),
}
# Pattern words our trigger model reads as the verb's particle or preposition ("pull out", "call for").
PARTICLES = frozenset(
    "up down out off back away over on upon in into for from with to at against about by of through around".split()
)
ADVERB_PARTICLES = frozenset("up down out off back away".split())  # "set up a committee": particle AND object
SKIPPED_WORDS = frozenset("the a an its their his her our this that these those".split())
ACTOR_SLOTS = frozenset("$+%^")

_CODE = re.compile(r"\[([^\[\]]*)\]")


# ---------------------------------------------------------------------------------------------
# The dictionary, as written
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerbForm:
    """One verb line of a block: `GIVE {GAVE GIVEN}`, `+CORDON_OFF [1721]`, `WIRE_+TAP`."""

    verb: str  # the word that is the verb, upper case: "GIVE", "CORDON", "TAP"
    before: tuple[str, ...] = ()  # words of a multi-word verb before the verb ("WIRE")
    after: tuple[str, ...] = ()  # words after it ("OFF")
    forms: tuple[str, ...] = ()  # irregular forms given in {...}, verb word only ("GAVE", "GIVEN")
    code: str = ""  # the verb's own code; "" = the block's code
    line: int = 0


@dataclass(frozen=True)
class VerbPattern:
    """One pattern line: the tokens before and after the verb (`*`) and the pattern's code."""

    before: tuple[str, ...]  # words, synset labels (&X), actor slots ($ + % ^), brackets ( ) { }
    after: tuple[str, ...]
    code: str
    line: int = 0
    raw: str = ""
    comment: str = ""  # the line's comment; CAMEO.2.0.txt names there the verb(s) the pattern was found with


@dataclass(frozen=True)
class VerbBlock:
    """A `--- DESCRIPTION [code] ---` block: verbs that share patterns, and the patterns."""

    name: str
    code: str  # the block's code; "---" when the header gives none
    forms: tuple[VerbForm, ...] = ()
    patterns: tuple[VerbPattern, ...] = ()
    line: int = 0
    extra_codes: tuple[str, ...] = ()  # further [codes] on the header line (PETRARCH uses the first)


@dataclass(frozen=True)
class VerbDictionary:
    blocks: tuple[VerbBlock, ...]
    synsets: dict[str, tuple[str, ...]]  # "&CURRENCY" -> ("DOLLARS", "SWISS FRANCS", ...), upper case
    source: str = ""


class _LineError(ValueError):
    """A problem with one line; the caller adds the file and line number."""


def read_verb_dictionary(path_or_text: str | Path, *, strict: bool = True) -> VerbDictionary:
    """Parse a PETRARCH/TABARI verb dictionary.

    path_or_text (str | Path): a Path or the name of an existing file, or the dictionary text itself.
    strict (bool): raise a CodebookError naming the line on a malformed line; with False, log a
        warning and skip the line.
    RETURNS (VerbDictionary): the blocks in file order and the synsets by label.
    """
    text, source = read_source(path_or_text, "Verb dictionary", (".txt", ".verbs"))
    blocks: list[dict] = []
    synsets: dict[str, list[str]] = {}
    synset: str | None = None  # the synset whose '+' lines are being read
    in_comment = False
    skipping = False  # the block header was skipped: so are its verbs and patterns, not given to another block
    for number, line in enumerate(text.splitlines(), start=1):
        # '[###]' is a code (TABARI's placeholder), not the start of a comment
        body, comment, in_comment = _strip_comments(line.replace("[###]", "[\x00]"), in_comment)
        stripped = body.replace("[\x00]", "[###]").strip()
        if not stripped:
            continue
        try:
            if stripped.startswith("+") and synset is not None:
                synsets[synset].append(_words_of(stripped[1:], number))
                continue
            synset = None
            if stripped.startswith("---"):
                skipping = True
                blocks.append(_header(stripped, number))
                skipping = False
            elif skipping and not stripped.startswith("&"):
                logger.warning("skipped %s, line %d: belongs to a skipped block header (line: %r)", source, number, line.strip())
            elif stripped.startswith("&"):
                synset = stripped.split()[0].rstrip("_").upper()
                if len(stripped.split()) > 1:
                    raise _LineError("a synset label line holds only the label ('&NAME'); its words go on '+' lines below")
                synsets[synset] = []
            elif not blocks:
                raise _LineError("a verb or pattern comes before any '--- DESCRIPTION [code] ---' block header")
            elif stripped.startswith("-"):
                blocks[-1]["patterns"].append(_pattern(stripped, number, comment))
            else:
                blocks[-1]["forms"].append(_verb_form(stripped, number))
        except _LineError as exc:
            message = f"{source}, line {number}: {exc} (line: {line.strip()!r})"
            if strict:
                raise CodebookError(message + ". Fix the line, or read with strict=False to skip such lines.") from None
            logger.warning("skipped %s", message)
    if in_comment:
        message = f"{source}: an '<!--' comment is never closed with '-->'"
        if strict:
            raise CodebookError(message + ".")
        logger.warning(message)
    return VerbDictionary(
        blocks=tuple(VerbBlock(**{**b, "forms": tuple(b["forms"]), "patterns": tuple(b["patterns"])}) for b in blocks),
        synsets={k: tuple(v) for k, v in synsets.items()},
        source=source,
    )


def _codes(text: str) -> tuple[list[str], str]:
    """The [codes] of a line and the text before the first one."""
    if text.count("[") != text.count("]"):
        raise _LineError("a '[' is not closed with ']' (or a ']' has no '[')")
    codes = [c.strip().upper() for c in _CODE.findall(text)]
    if any(not c for c in codes):
        raise _LineError("a code '[]' is empty; write the null code '[---]' for 'no event'")
    head = text.split("[", 1)[0]
    if _CODE.sub("", text).strip() != head.strip():
        raise _LineError("words follow a [code]; the code comes last on the line")
    return codes, head


def _header(stripped: str, number: int) -> dict:
    inner = stripped[3:].strip()
    if inner.endswith("---"):
        inner = inner[:-3].strip()
    codes, name = _codes(inner)
    name = " ".join(name.replace("_", " ").split())
    if not name:
        raise _LineError("a block header needs a description: '--- VERB [code] ---'")
    return {"name": name.upper(), "code": codes[0] if codes else "---", "extra_codes": tuple(codes[1:]),
            "line": number, "forms": [], "patterns": []}


def _words_of(text: str, number: int) -> str:
    if any(c in text for c in "[]{}*$%^"):
        raise _LineError("a synset member holds words only (no codes, '*', '$', '%', '^' or brackets)")
    words = " ".join(text.replace("_", " ").split()).upper()
    if not words:
        raise _LineError("a synset member '+' has no words")
    return words


def _verb_form(stripped: str, number: int) -> VerbForm:
    codes, head = _codes(stripped)
    forms: tuple[str, ...] = ()
    if "{" in head or "}" in head:
        if head.count("{") != 1 or head.count("}") != 1 or head.index("{") > head.index("}"):
            raise _LineError("irregular forms go in one '{...}' after the verb")
        head, _, rest = head.partition("{")
        inner, _, tail = rest.partition("}")
        if tail.strip():
            raise _LineError("only a [code] may follow the '{...}' forms")
        forms = tuple(_verb_word(f) for f in inner.split())
    words = head.replace("_", " ").split()
    if not words:
        raise _LineError("a verb line needs a verb")
    if len(codes) > 1:
        raise _LineError("a verb has at most one [code]")
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    if len(marked) > 1:
        raise _LineError("mark only one word of a multi-word verb with '+'")
    at = marked[0] if marked else 0
    words = [w.lstrip("+").upper() for w in words]
    if not all(re.fullmatch(r"[A-Z][A-Z'\-]*", w) for w in words):
        raise _LineError("a verb is made of letters (with ' or -); patterns start with '-', synsets with '&'")
    return VerbForm(verb=words[at], before=tuple(words[:at]), after=tuple(words[at + 1 :]), forms=forms,
                    code=codes[0] if codes else "", line=number)


def _verb_word(form: str) -> str:
    """The verb word of an irregular form: `GAVE`, or `CORDONED` in `+CORDONED_OFF`."""
    parts = form.split("_")
    marked = [p for p in parts if p.startswith("+")]
    return (marked[0] if marked else parts[0]).lstrip("+").upper()


def _pattern(stripped: str, number: int, comment: str = "") -> VerbPattern:
    codes, head = _codes(stripped[1:])
    if not codes:
        raise _LineError("a pattern ends with its [code]")
    if len(codes) > 1:
        raise _LineError("a pattern has one [code]")
    spaced = re.sub(r"([(){}])", r" \1 ", head.replace("_", " ")).replace("**", "*")
    spaced = re.sub(r"\*", " * ", spaced)
    tokens = [t.upper() for t in spaced.split()]
    if tokens.count("*") != 1:
        raise _LineError("a pattern marks the verb with one '*'")
    at = tokens.index("*")
    return VerbPattern(before=tuple(tokens[:at]), after=tuple(tokens[at + 1 :]), code=codes[0], line=number,
                       raw=" ".join(stripped[1:].split()), comment=comment)


# ---------------------------------------------------------------------------------------------
# From codes to PLOVER
# ---------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def cameo_to_plover() -> Mapping[str, str]:
    """The CAMEO -> PLOVER map shipped with newscoder (data/cameo_plover.yaml, from PLOVER, CC BY-SA 4.0).

    RETURNS (Mapping[str, str]): codes ("0311", "042") and two-digit roots ("04") -> PLOVER category
        (read-only: it is shared; copy it with dict() to change it).
    """
    raw = yaml.safe_load(resources.files("newscoder").joinpath("data/cameo_plover.yaml").read_text("utf-8"))
    return MappingProxyType({**{str(k): v for k, v in raw["roots"].items()}, **{str(k): v for k, v in raw["codes"].items()}})


def plover_of(code: str, code_map: Mapping[str, str]) -> tuple[str, str]:
    """The PLOVER category of one dictionary code, and how it was found.

    The rule: the code itself; else its leading digits without a letter suffix ("174K" -> "174");
    else its two-digit CAMEO root ("1010" -> "10"); else none. Null codes and codes that are not
    numbers ("def") have none.
    code (str): one code, without brackets or ':' ("042", "1717", "---").
    code_map (Mapping[str, str]): code or root -> PLOVER category.
    RETURNS (tuple[str, str]): (category or "", "exact" | "digits" | "root" | "null" | "unknown").
    """
    if code in NULL_CODES:
        return "", "null"
    if code in code_map:
        return code_map[code], "exact"
    digits = re.match(r"\d+", code)
    if not digits:
        return "", "unknown"
    if digits.group() in code_map:
        return code_map[digits.group()], "digits"
    if len(digits.group()) >= 3 and digits.group()[:2] in code_map:
        return code_map[digits.group()[:2]], "root"
    return "", "unknown"


# ---------------------------------------------------------------------------------------------
# From the dictionary to triggers
# ---------------------------------------------------------------------------------------------


@dataclass
class VerbImport:
    """What `to_triggers` made and left out; every list holds short examples with line numbers."""

    blocks: int = 0
    verb_forms: int = 0
    patterns: int = 0
    triggers: int = 0
    verb_triggers: int = 0
    pattern_triggers: int = 0
    null_verbs: list[str] = field(default_factory=list)  # verbs PETRARCH does not code on their own
    null_patterns: list[str] = field(default_factory=list)
    mapped_by_root: list[str] = field(default_factory=list)  # code -> the code or root used
    unknown_codes: list[str] = field(default_factory=list)  # verbs/patterns left out: code not in the map
    reverse_only: list[str] = field(default_factory=list)  # '[:110]': only the target-to-source event
    reverse_made: list[str] = field(default_factory=list)  # such patterns made `reverse` entries (reverse_only=True)
    patterns_left_out: list[str] = field(default_factory=list)  # patterns a Trigger cannot express
    verbs_left_out: list[str] = field(default_factory=list)  # multi-word verbs a Trigger cannot express
    same_as_verb: int = 0  # patterns coded like their verb alone: nothing to add
    same_shape_resolved: list[str] = field(default_factory=list)  # entries alike but for the code: one kept
    same_shape_left_out: list[str] = field(default_factory=list)  # such groups with no majority: all left out
    extra_header_codes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)

    def summary(self, examples: int = 3) -> str:
        """A few lines for people: counts, then examples of what was left out or mapped by a rule."""
        lines = [
            f"{self.blocks} blocks, {self.verb_forms} verb lines, {self.patterns} patterns -> {self.triggers} triggers "
            f"({self.verb_triggers} for verbs alone, {self.pattern_triggers} for patterns)"
        ]
        for name, what in (
            ("null_verbs", "null-coded verb lines (PETRARCH does not code them alone): no trigger"),
            ("null_patterns", "null-coded patterns: left out (a trigger cannot say 'not with this word')"),
            ("unknown_codes", "verbs/patterns left out: code unknown to the CAMEO->PLOVER map, also as a root"),
            ("mapped_by_root", "codes mapped through their digits or two-digit CAMEO root"),
            ("reverse_only", "paired codes with only a target-to-source event ('[:code]'): left out"),
            ("reverse_made", "patterns with only a target-to-source event ('[:code]'): reverse entries (the source after 'from')"),
            ("patterns_left_out", "patterns a trigger cannot express: left out"),
            ("verbs_left_out", "multi-word verbs a trigger cannot express: left out"),
            ("extra_header_codes", "block headers with more than one [code]: the first is used"),
            ("same_shape_resolved", "entries alike but for their code (context words dropped): one code kept"),
            ("same_shape_left_out", "entries alike but for their code, no category ahead: all left out"),
        ):
            items = getattr(self, name)
            if items:
                lines.append(f"  {len(items):4} {what}; e.g. " + "; ".join(items[:examples]))
        if self.same_as_verb:
            lines.append(f"  {self.same_as_verb:4} patterns coded like their verb alone: no extra trigger needed")
        return "\n".join(lines)


def to_triggers(
    dictionary: VerbDictionary,
    nlp: Language,
    *,
    code_map: Mapping[str, str] | None = None,
    prefix: str = "petr",
    found_with: bool = False,
    reverse_only: bool = False,
) -> tuple[list[Trigger], VerbImport]:
    """Turn a verb dictionary into trigger entries, and say what was left out.

    Each block gives (1) one trigger per group of its verbs that share a code (the verb's own code,
    else the block's), with the verbs' lemmas; and (2) one trigger per pattern our model can
    express: nothing but actor slots before the verb, and after it at most one word or synset (the
    trigger's `objects`, with their lemmas) and a particle or preposition (`particle`, "* DOWN",
    "*_UP COMMITTEE", "* FOR"). Patterns apply to the block's one-word verbs. Codes are mapped with
    `plover_of`; stance, mode and `speech` come from `PLOVER_DEFAULTS`. A paired code `A:B` uses A
    and is `symmetric` when B gives the same category, as is a pattern with a compound actor `%`; a
    pattern with the target before the verb and the source after "from" (`+ * FROM $`) is `reverse`.
    Null-coded verbs and patterns give no trigger: PETRARCH deliberately leaves them uncoded.
    dictionary (VerbDictionary): what `read_verb_dictionary` returned.
    nlp (Language): a pipeline with a rule lemmatizer, used to turn the listed forms into lemmas.
    code_map (Mapping[str, str] | None): code or root -> PLOVER; None = the shipped CAMEO map.
    prefix (str): the start of every trigger id (ids are `<prefix>.<block>.<code>[.L<line>]`).
    found_with (bool): apply a pattern whose comment names verbs of its block only to those verbs
        (CAMEO.2.0.txt notes where each pattern was found: "- * STRIKE [143]  # HOLD"; applied to
        the whole block, "hold a strike" would also give "keep a strike"); a pattern whose comment
        names only other verbs (a multi-word verb, a verb of another block) is left out. Patterns
        without a comment apply to the whole block, as in PETRARCH.
    reverse_only (bool): make a pattern coded only for the event from its target to its source
        (`[:B]`: "- * CRITICISM [:111]  # FACE", "X faced criticism from Y") a `reverse` entry of
        code B, whose source is the actor after "from" (with no such actor, no row); a pattern with
        no object word, or with another preposition ("- * BORDER (INTO)"), is left out, as are such
        patterns when False. Verb lines with `[:B]` are left out either way.
    RETURNS (tuple[list[Trigger], VerbImport]): the triggers in file order, and the report.
    """
    code_map = cameo_to_plover() if code_map is None else code_map
    lemmatize = verb_lemmatizer(nlp)
    noun_lemma = _noun_lemmatizer(nlp)
    report = VerbImport(blocks=len(dictionary.blocks))
    triggers: list[Trigger] = []
    ids: set[str] = set()
    dropped: dict[str, int] = {}  # trigger id -> the pattern's context words the trigger does not check

    def add(trigger: Trigger, context: int = 0) -> None:
        tid = trigger.id
        n = 2
        while tid in ids:
            tid, n = f"{trigger.id}.{n}", n + 1
        ids.add(tid)
        dropped[tid] = context
        triggers.append(replace(trigger, id=tid))

    for block in dictionary.blocks:
        report.verb_forms += len(block.forms)
        report.patterns += len(block.patterns)
        if block.extra_codes:
            report.extra_header_codes.append(f"{block.name} [{block.code}] [{'] ['.join(block.extra_codes)}] (line {block.line})")
        slug = re.sub(r"[^a-z0-9]+", "_", block.name.lower()).strip("_")
        single_lemmas: set[str] = set()
        verb_plover: dict[str, str] = {}  # lemma -> the category its verb line gives alone
        groups: dict[tuple, set[str]] = {}
        for form in block.forms:
            lemmas = lemmatize(form.verb, form.forms)
            if not form.before and not form.after:
                single_lemmas |= lemmas
            code = form.code or block.code
            coded = _coding(code, f"{' '.join((*form.before, form.verb, *form.after))} [{code}] (line {form.line})", code_map, report, null=report.null_verbs)
            if coded is None:
                continue
            plover, symmetric = coded
            shape = _form_shape(form, noun_lemma)
            if shape is None:
                report.verbs_left_out.append(f"{'_'.join((*form.before, '+' + form.verb, *form.after))} (line {form.line})")
                continue
            for lemma in lemmas:
                verb_plover.setdefault(lemma, plover)
            particle, objects = shape
            groups.setdefault((_primary(code), plover, symmetric, particle, objects), set()).update(lemmas)
        for (code, plover, symmetric, particle, objects), lemmas in groups.items():
            stance, mode, speech = PLOVER_DEFAULTS[plover]
            add(Trigger(id=f"{prefix}.{slug}.{code}", lemmas=frozenset(lemmas), plover=plover, stance=stance, mode=mode,
                        particle=particle, objects=objects, symmetric=symmetric, speech=speech, cameo=code))
            report.verb_triggers += 1
        for pattern in block.patterns:
            where = f"{block.name}: - {pattern.raw} (line {pattern.line})"
            told_backwards = reverse_only and _reverse_only(pattern.code)
            code = pattern.code.partition(":")[2] if told_backwards else pattern.code
            coded = _coding(code, where, code_map, report, null=report.null_patterns)
            if coded is None:
                continue
            plover, symmetric = coded
            if not single_lemmas:
                report.patterns_left_out.append(f"{where}: the block has no one-word verb")
                continue
            pattern_lemmas = _found_with(pattern.comment, single_lemmas, lemmatize) if found_with else set(single_lemmas)
            if not pattern_lemmas:
                report.patterns_left_out.append(f"{where}: found with {pattern.comment!r}, no one-word verb of the block")
                continue
            # "- + * FROM $": the subject receives, the actor after "from" acts (our `reverse`)
            after = [t for t in pattern.after if t not in "(){}"]
            reverse = told_backwards or "+" in pattern.before and any(t == "FROM" and "$" in after[i + 1 :] for i, t in enumerate(after))
            if not reverse and all(verb_plover.get(lemma) == plover for lemma in pattern_lemmas):
                report.same_as_verb += 1
                continue
            shape, reason = _pattern_shape(pattern, dictionary.synsets, noun_lemma)
            if shape is None:
                report.patterns_left_out.append(f"{where}: {reason}")
                continue
            particle, objects = shape
            if told_backwards and (not objects or any(t.lower() in PARTICLES - {"from"} for t in after)):
                # "- * (TO) [:075]  # IMMIGRATE", "- * BORDER (INTO) [:074]": the other party is not after "from"
                report.patterns_left_out.append(f"{where}: a target-to-source event whose other party is not after 'from'")
                continue
            stance, mode, speech = PLOVER_DEFAULTS[plover]
            symmetric = symmetric or "%" in pattern.before + pattern.after  # '%': "A and B" act together
            add(Trigger(id=f"{prefix}.{slug}.{_primary(code)}.L{pattern.line}", lemmas=frozenset(pattern_lemmas),
                        plover=plover, stance=stance, mode=mode, particle=particle, objects=objects,
                        symmetric=symmetric and not reverse, speech=speech, reverse=reverse,
                        cameo=_primary(code)), _context_words(pattern, particle, objects))
            report.pattern_triggers += 1
            if told_backwards:
                report.reverse_made.append(where)
    misread = misread_forms(nlp)
    triggers = [t if not (extra := frozenset(f for lemma in t.lemmas for f in misread(lemma)) - t.lemmas)
                else replace(t, lemmas=t.lemmas | extra) for t in triggers]
    triggers = resolve_same_shape(triggers, dropped, report)
    report.triggers = len(triggers)
    return triggers, report


def _context_words(pattern: VerbPattern, particle: frozenset[str], objects: frozenset[str]) -> int:
    """How many words of a pattern its trigger does not check: `- * {MOCK ATTACK}` 1 (mock), `- * ATTACK` 0."""
    words = [t for t in (*pattern.before, *pattern.after) if t not in ACTOR_SLOTS and t not in "(){}" and t.lower() not in SKIPPED_WORDS]
    return max(0, len(words) - bool(objects) - bool(particle))


def resolve_same_shape(triggers: list[Trigger], dropped: Mapping[str, int], report: VerbImport | None = None) -> list[Trigger]:
    """One entry for entries alike in all a trigger checks (verbs, particle, object words) but for their code.

    The import drops the context words that told such patterns apart ("- * {MOCK ATTACK} [150]" and
    "- * ATTACK [190]" both become "stage" + "attack"), so the coder would take whichever came first.
    The rule, for each such group: the category of the plain patterns (those that dropped no word:
    "staged an attack" is what "- * ATTACK" says), when they agree; else the category most entries
    of the group give; a tie leaves the whole group out (listed in the report). Within the category
    the code the plain entries (else all its entries) give most often, the first in file order on
    a tie; that first entry is kept, the others are left out.
    triggers (list[Trigger]): entries in file order. dropped (Mapping[str, int]): id -> context
        words dropped (0 or missing: plain). report (VerbImport | None): notes what was done.
    RETURNS (list[Trigger]): the entries in file order, one for each group.
    """
    groups: dict[tuple, list[Trigger]] = {}
    for t in triggers:
        groups.setdefault((t.pos, t.lemmas, t.particle, t.objects, t.reverse), []).append(t)
    out_ids: set[str] = set()
    for (_, lemmas, particle, objects, reverse), group in groups.items():
        if len({t.cameo for t in group}) < 2:
            continue
        what = " ".join(filter(None, (min(lemmas), "/".join(sorted(particle)), "/".join(sorted(objects)[:3]))))
        codes = ", ".join(f"{t.cameo} {t.plover}{'' if dropped.get(t.id, 0) else ' (plain)'}" for t in group)
        plain = [t for t in group if not dropped.get(t.id, 0)]
        category = _ahead([t.plover for t in plain]) if len({t.plover for t in plain}) == 1 else _ahead([t.plover for t in group])
        if category is None:
            out_ids |= {t.id for t in group}
            if report is not None:
                report.same_shape_left_out.append(f"{what}: {codes}")
            continue
        chosen = [t for t in plain if t.plover == category] or [t for t in group if t.plover == category]
        counts = {code: [t.cameo for t in chosen].count(code) for code in dict.fromkeys(t.cameo for t in chosen)}
        code = max(counts, key=lambda c: counts[c])  # the first in file order among the most frequent
        kept = next(t for t in chosen if t.cameo == code)
        out_ids |= {t.id for t in group if t is not kept}
        if report is not None:
            report.same_shape_resolved.append(f"{what}: {codes} -> {code} {category}")
    return [t for t in triggers if t.id not in out_ids]


def _ahead(categories: list[str]) -> str | None:
    """The category given most often, or None when two tie for most."""
    counts = sorted(((categories.count(c), c) for c in set(categories)), reverse=True)
    if not counts or len(counts) > 1 and counts[0][0] == counts[1][0]:
        return None
    return counts[0][1]


def _found_with(comment: str, block_lemmas: set[str], lemmatize: Callable) -> set[str]:
    """The block's verbs that a pattern's comment names ("CONFIRM , REAFFIRM"); all of them if it names no verb."""
    words = [w for w in re.split(r"[\s,/]+", comment) if re.fullmatch(r"[A-Z][A-Z'_\-]*", w)]
    if not words:
        return set(block_lemmas)
    named: set[str] = set()
    for word in words:
        if "_" not in word:  # "SET_UP": found with a multi-word verb, which patterns do not apply to
            named |= lemmatize(word, ())
    return named & block_lemmas


def _reverse_only(code: str) -> bool:
    """Does a code give only the event from target to source (`:110`)?"""
    first, _, second = code.partition(":")
    return not first and bool(second)


def _primary(code: str) -> str:
    return code.split(":")[0] or code


def _coding(code: str, where: str, code_map: Mapping[str, str], report: VerbImport, *, null: list[str]) -> tuple[str, bool] | None:
    """(PLOVER, symmetric) for a code, or None with the reason noted in the report."""
    first, _, second = code.partition(":")
    if not first and second:
        report.reverse_only.append(where)
        return None
    plover, how = plover_of(first, code_map)
    if how == "null":
        null.append(where)
        return None
    if how == "unknown":
        report.unknown_codes.append(where)
        return None
    if how != "exact":
        report.mapped_by_root.append(f"{first} -> {plover} ({where})")
    if plover not in PLOVER:
        raise CodebookError(f"The code map gives {plover!r} for code {first!r}; it must be one of {', '.join(PLOVER)}.")
    symmetric = bool(second) and plover_of(second, code_map)[0] == plover
    return plover, symmetric


def _form_shape(form: VerbForm, noun_lemma: Callable[[str], str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """(particle, objects) of a multi-word verb (`+CORDON_OFF` -> particle off); None if it has a word before the verb."""
    if form.before:
        return None  # "WIRE_+TAP": a trigger cannot ask for a word before the verb
    words = [w.lower() for w in form.after]
    particle: frozenset[str] = frozenset()
    if words and words[0] in PARTICLES:
        particle, words = frozenset([words[0]]), words[1:]
    words = [w for w in words if w not in SKIPPED_WORDS]
    if len(words) > 1:
        return None
    return particle, frozenset(_word_forms(words[0], noun_lemma)) if words else frozenset()


def _pattern_shape(
    pattern: VerbPattern, synsets: Mapping[str, tuple[str, ...]], noun_lemma: Callable[[str], str]
) -> tuple[tuple[frozenset[str], frozenset[str]] | None, str]:
    """((particle, objects), "") for a pattern a trigger can express, else (None, the reason)."""
    if any(t not in ACTOR_SLOTS for t in pattern.before):
        return None, "words before the verb"
    tokens = [t for t in pattern.after if t not in "()"]
    if any(t in ("NOT", "NO", "NEVER", "N'T") for t in tokens):
        return None, "a negation"
    particle: frozenset[str] = frozenset()
    units: list[frozenset[str]] = []
    first_particle = ""
    seen_slot = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "{":  # a noun phrase of consecutive words: its last word is its head
            close = tokens.index("}", i) if "}" in tokens[i:] else len(tokens)
            group = [t for t in tokens[i + 1 : close] if t not in ACTOR_SLOTS]
            i = close + 1
            if group:
                if seen_slot:
                    return None, "words after an actor slot"
                head = group[-1]
                if head.startswith("&") and head not in synsets:
                    return None, f"synset {head} is not defined"
                units.append(_unit_forms(head, synsets, noun_lemma))
            continue
        i += 1
        if token == "}":
            continue
        if token in ACTOR_SLOTS:
            seen_slot = True
            continue
        lower = token.lower()
        if lower in PARTICLES:
            if not units and not first_particle:
                first_particle = lower
            continue
        if lower in SKIPPED_WORDS:
            continue
        if token.startswith("&") and token not in synsets:
            return None, f"synset {token} is not defined"
        if seen_slot:
            return None, "words after an actor slot"
        units.append(_unit_forms(token, synsets, noun_lemma))
    if len(units) > 1:
        return None, "more than one word after the verb (a trigger checks one object word)"
    if units:
        if first_particle in ADVERB_PARTICLES and pattern.after and pattern.after[0].lower() == first_particle:
            particle = frozenset([first_particle])
        return (particle, units[0]), ""
    if first_particle:
        return (frozenset([first_particle]), frozenset()), ""
    return None, "nothing after the verb but actor slots (the verb alone says as much)"


def _unit_forms(token: str, synsets: Mapping[str, tuple[str, ...]], noun_lemma: Callable[[str], str]) -> frozenset[str]:
    """The words an object slot accepts: a word and its lemma, or each synset phrase's last word and its lemma."""
    if token.startswith("&"):
        words: set[str] = set()
        for phrase in _expand(token, synsets, set()):
            words |= _word_forms(phrase.split()[-1].lower(), noun_lemma)
        return frozenset(words)
    return frozenset(_word_forms(token.lower(), noun_lemma))


def _expand(label: str, synsets: Mapping[str, tuple[str, ...]], seen: set[str]) -> list[str]:
    """A synset's phrases, with synsets inside it expanded (TABARI allowed them; loops are cut)."""
    out: list[str] = []
    seen = seen | {label}
    for phrase in synsets.get(label, ()):
        if phrase.startswith("&"):
            if phrase.split()[0] not in seen:
                out += _expand(phrase.split()[0], synsets, seen)
        else:
            out.append(phrase)
    return out


def _word_forms(word: str, noun_lemma: Callable[[str], str]) -> set[str]:
    return {word, noun_lemma(word)}


# ---------------------------------------------------------------------------------------------
# Lemmas of the listed forms
# ---------------------------------------------------------------------------------------------


def verb_lemmatizer(nlp: Language) -> Callable[[str, tuple[str, ...]], frozenset[str]]:
    """A function giving the verb lemmas of a dictionary verb and its irregular forms.

    PETRARCH matches word forms: it adds -S, -ED (-D after E) and -ING to a listed word unless
    irregular forms are given, and dictionaries list past forms ("SAID", "KILLED") or even stems
    ("EXCHANG") as the verb. Our coder matches lemmas, so every such form is lemmatised as a verb
    by the pipeline's rule lemmatizer: the listed word's and its irregular forms' lemmas that are
    known English verbs; for a listed word that is no known verb, those of PETRARCH's regular forms
    ("EXCHANGED" -> exchange); failing all, the listed word's own lemma.
    nlp (Language): a pipeline with a rule-based "lemmatizer" component (en_core_web_sm has one).
    RETURNS (Callable): (verb word, irregular forms) -> lemmas, lower case.
    """
    lemmatizer = _lemmatizer(nlp)
    known = _known(lemmatizer, "verb")

    def lemmas(verb: str, irregular: tuple[str, ...] = ()) -> frozenset[str]:
        word = verb.lower()
        own = [lemma for lemma in _rule_lemmas(nlp, lemmatizer, word, "VERB") if lemma in known]
        # Only a word that is no known verb ("EXCHANG", "DEFIE") is read through PETRARCH's forms.
        forms = [f.lower() for f in irregular] if irregular or own else _regular_forms(word)
        found = list(own)
        for form in forms:
            found += [lemma for lemma in _rule_lemmas(nlp, lemmatizer, form, "VERB") if lemma in known and lemma not in found]
        return frozenset(found or _rule_lemmas(nlp, lemmatizer, word, "VERB")[:1] or [word])

    return lemmas


def misread_forms(nlp: Language) -> Callable[[str], frozenset[str]]:
    """A function giving the regular forms of a verb that the pipeline lemmatises as another verb.

    The rule lemmatizer takes the first verb its suffix rules give: "waged" -> wag, "staged" ->
    stag, "sniped" -> snip, "relaunched" -> relaunche. The coder matches a token's lemma or its
    lower-case form, so an entry lists such forms beside its lemma ("wage", "waged", "wages",
    "waging") and "waged war" is found.
    nlp (Language): the pipeline the coder parses with (a rule lemmatizer).
    RETURNS (Callable): verb lemma -> the forms to list as well (none for most verbs).
    """
    lemmatizer = _lemmatizer(nlp)

    def forms(lemma: str) -> frozenset[str]:
        if not lemma.isalpha():
            return frozenset()
        return frozenset(f for f in _regular_forms(lemma) if (_rule_lemmas(nlp, lemmatizer, f, "VERB") or [lemma])[0] != lemma)

    return forms


def _regular_forms(word: str) -> list[str]:
    if word.endswith("e"):
        return [word + "s", word + "d", word[:-1] + "ing"]
    return [word + "s", word + "ed", word + "ing"]


def _noun_lemmatizer(nlp: Language) -> Callable[[str], str]:
    """Word -> its noun lemma ("talks" -> talk); a word that is a noun as written stays ("news", not "new")."""
    lemmatizer = _lemmatizer(nlp)
    nouns = _known(lemmatizer, "noun")
    return lambda word: word if word in nouns else (_rule_lemmas(nlp, lemmatizer, word, "NOUN") or [word])[0]


def _lemmatizer(nlp: Language):
    if "lemmatizer" not in nlp.pipe_names or not hasattr(nlp.get_pipe("lemmatizer"), "rule_lemmatize"):
        raise CodebookError("Importing a verb dictionary needs a spaCy pipeline with a rule lemmatizer (such as en_core_web_sm).")
    return nlp.get_pipe("lemmatizer")


def _known(lemmatizer, pos: str) -> frozenset[str]:
    index = lemmatizer.lookups.get_table("lemma_index", {}).get(pos, [])
    exceptions = lemmatizer.lookups.get_table("lemma_exc", {}).get(pos, {})
    return frozenset(index) | frozenset(lemma for lemmas in exceptions.values() for lemma in lemmas)


def _rule_lemmas(nlp: Language, lemmatizer, word: str, pos: str) -> list[str]:
    doc = Doc(nlp.vocab, words=[word])
    doc[0].pos_ = pos
    return [lemma.lower() for lemma in lemmatizer.rule_lemmatize(doc[0])]
