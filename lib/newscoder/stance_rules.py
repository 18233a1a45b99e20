"""The named rules of the statement coder: stance rules, trigger filters, modality rules, source
rules, target rules of nominal events and row confidence.

Each rule is a small function with a docstring (what it codes, an example sentence); the ordered
lists `STANCE_RULES`, `TRIGGER_FILTERS`, `MODALITY_RULES` and `SOURCE_RULES` are the order
codebook/README.md ("Statements") documents them in. A filter that drops a trigger leaves its name in a `Drop`; the modality rule
that fired goes into the row's `rule` (`modality:<name>`). Word lists are in
codebook/stance_rules.yaml.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .errors import CodebookError
from .lexicon import PLOVER, Trigger
from .paths import project_root
from .stance_announced import announced_noun_act
from .stance_attempts import attempted_force
from .stance_formulae import collecting_material, topic_of_a_briefing, travel_advice
from .stance_nationals import NATIONAL
from .stance_relatives import participle_of_unnamed_people, relative_clause_without_subject
from .stance_senses import participle_of_partner, sense_between_forces, sense_by_object
from .stance_topics import topic_of_discussion
from .yamlio import read_mapping

if TYPE_CHECKING:
    from .stance import Party, StatementCoder, _Context

MODALITIES = ("asserted", "negated", "hypothetical", "future")
CONFIDENCE_LEVELS = ("high", "medium", "low")
_LIST_KEYS = (
    "hypothetical_aux", "future_aux", "reported_future_aux", "future_verbs", "hypothetical_verbs",
    "condition_marks", "distance_words", "negating_verbs", "content_categories", "partner_preps", "partner_verbs",
    "setting_preps", "first_person", "of_agent_categories", "background_preps", "one_way_categories",
    "partner_categories", "subject_pronouns", "pair_words", "counted_pair_words", "characterising_verbs", "hostile_words", "friendly_words", "regarding_verbs", "owned_body_nouns", "group_anaphors", "refusal_categories",
    "after_agent_preps", "doing_participles", "appeal_categories", "appeal_lemmas", "appeal_content_verbs", "appeal_content_objects", "demand_content_verbs", "demand_content_nouns", "appeal_for_lemmas",
    "victim_categories", "victim_nouns", "home_sectors", "referring_determiners",
    "allegation_categories", "denial_verbs",
    "from_place_categories", "undergo_verbs", "discourse_nouns",
    "place_anaphors", "nationality_nouns", "private_person_nouns", "private_sectors", "group_sectors", "national_quantifiers", "stance_prefixes", "quantity_nouns", "object_particles", "circumstance_preps", "hypothetical_modifiers", "future_modifiers", "anticipation_verbs", "term_nouns", "claim_nouns", "naming_verbs",
    "negation_sharing_conjunctions", "causative_verbs", "effort_verbs", "committed_act_verbs", "intent_nouns", "purpose_nouns",
    "own_force_categories", "movement_preps", "leaving_preps", "returning_preps", "path_participles", "quoted_first_person", "plural_pronouns", "relational_nouns", "topic_verbs", "force_nouns",
    "backing_nouns", "attempt_verbs", "announcing_verbs", "announced_plan_categories", "briefing_verbs", "press_nouns", "advice_verbs", "travel_nouns", "collected_objects",
)


@dataclass(frozen=True)
class StanceRules:
    """The word lists and category choices of codebook/stance_rules.yaml."""

    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    reported_future_aux: frozenset[str]
    future_verbs: frozenset[str]
    hypothetical_verbs: frozenset[str]
    condition_marks: frozenset[str]
    distance_words: frozenset[str]
    negating_verbs: frozenset[str]
    content_categories: frozenset[str]
    partner_preps: frozenset[str]
    partner_pairs: frozenset[tuple[str, str]]
    partner_verbs: frozenset[str]
    setting_preps: frozenset[str]
    first_person: frozenset[str]
    of_agent_categories: frozenset[str]
    background_preps: frozenset[str]
    one_way_categories: frozenset[str]
    partner_categories: frozenset[str]
    subject_pronouns: frozenset[str]
    pair_words: frozenset[str]
    counted_pair_words: frozenset[str]
    characterising_verbs: frozenset[str]
    hostile_words: frozenset[str]
    friendly_words: frozenset[str]
    regarding_verbs: frozenset[str]
    owned_body_nouns: frozenset[str]
    group_anaphors: frozenset[str]
    refusal_categories: frozenset[str]
    appeal_categories: frozenset[str]
    after_agent_preps: frozenset[str]
    doing_participles: frozenset[str]
    appeal_lemmas: frozenset[str]
    appeal_content_verbs: frozenset[str]
    appeal_content_objects: frozenset[str]
    demand_content_verbs: frozenset[str]
    demand_content_nouns: frozenset[str]
    appeal_for_lemmas: frozenset[str]
    victim_categories: frozenset[str]
    victim_nouns: frozenset[str]
    home_sectors: frozenset[str]
    referring_determiners: frozenset[str]
    allegation_categories: frozenset[str]
    denial_verbs: frozenset[str]
    from_place_categories: frozenset[str]
    undergo_verbs: frozenset[str]
    discourse_nouns: frozenset[str]
    place_anaphors: frozenset[str]
    nationality_nouns: frozenset[str]
    private_person_nouns: frozenset[str]
    private_sectors: frozenset[str]
    group_sectors: frozenset[str]
    national_quantifiers: frozenset[str]
    stance_prefixes: frozenset[str]
    quantity_nouns: frozenset[str]
    object_particles: frozenset[str]
    circumstance_preps: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    future_modifiers: frozenset[str]
    anticipation_verbs: frozenset[str]
    term_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    naming_verbs: frozenset[str]
    negation_sharing_conjunctions: frozenset[str]
    causative_verbs: frozenset[str]
    effort_verbs: frozenset[str]
    committed_act_verbs: frozenset[str]
    intent_nouns: frozenset[str]
    purpose_nouns: frozenset[str]
    direct_sources: frozenset[str]
    direct_targets: frozenset[str]
    remote_parties: frozenset[str]
    remote_rules: frozenset[str]
    imported_prefixes: frozenset[str] = frozenset()
    indirect_vias: frozenset[str] = frozenset()
    guessed_mentions: frozenset[str] = frozenset()
    # (PLOVER category, source sectors, target sector) of acts at home that name nobody (stance_own_country)
    own_country_targets: tuple[tuple[str, frozenset[str], str], ...] = ()
    # (trigger entry id, source sectors, target sector): an entry's own row of that table, before its category's
    own_country_entries: tuple[tuple[str, frozenset[str], str], ...] = ()
    pair_reach: int = 3
    characterisation_entry: str = ""
    friendly_entry: str = ""
    appeal_entry: str = ""
    demand_entry: str = ""
    path_participles: frozenset[str] = frozenset()  # "the roads *leading* into X" (stance_clauses.places_along_object)
    complex_prepositions: frozenset[tuple[str, str, str]] = frozenset()  # ("with", "respect", "to"): stance_clauses
    own_force_categories: frozenset[str] = frozenset()  # movements of one's own forces (stance_own_forces)
    movement_preps: frozenset[str] = frozenset()  # "from", "out of", "into": the place they leave or enter
    leaving_preps: frozenset[str] = frozenset()  # "from", "out of": the place a retreat without object leaves (stance_own_forces)
    returning_preps: frozenset[str] = frozenset()  # "to": whom what a retreat hands back goes to (stance_own_forces)
    force_nouns: frozenset[str] = frozenset()  # "troops", "soldiers": armed forces moved (stance_own_forces)
    quoted_first_person: frozenset[str] = frozenset()  # "we", "us" in a quotation: its speaker (stance_quotes)
    plural_pronouns: frozenset[str] = frozenset()  # "they": never one singular name (stance_agreement)
    relational_nouns: frozenset[str] = frozenset()  # "its neighbour": not its possessor (stance_agreement)
    topic_verbs: frozenset[str] = frozenset()  # "discussed punishing B": a topic, not the act (stance_topics)
    backing_nouns: frozenset[str] = frozenset()  # "with the backing of B": a backer, not a target (stance_partners)
    announcing_verbs: frozenset[str] = frozenset()  # "the withdrawal, announced by A": planned (stance_announced)
    announced_plan_categories: frozenset[str] = frozenset()  # RETREAT, MOBILIZE: acts announced before done
    attempt_verbs: frozenset[str] = frozenset()  # "tried to storm B": the attempt is the act (stance_attempts)
    briefing_verbs: frozenset[str] = frozenset()  # "spoke on condition of anonymity to discuss": a topic (stance_formulae)
    press_nouns: frozenset[str] = frozenset()  # "spoke to *reporters*": the press, not a party (stance_formulae)
    advice_verbs: frozenset[str] = frozenset()  # "advised against travel to B": advice at home (stance_formulae)
    travel_nouns: frozenset[str] = frozenset()  # "against *travel* to B" (stance_formulae)
    collected_objects: frozenset[str] = frozenset()  # "gather *evidence*": material, no meeting (stance_formulae)


def load_stance_rules(folder: str | Path | None = None) -> StanceRules:
    """Load and check `stance_rules.yaml`.

    folder (str | Path | None): the codebook folder; None for the project's codebook/.
    RETURNS (StanceRules): the rules' word lists.
    """
    path = Path(folder if folder is not None else project_root() / "codebook").resolve() / "stance_rules.yaml"
    return _load(path, path.stat().st_mtime_ns if path.is_file() else 0)


@lru_cache(maxsize=4)
def _load(path: Path, stamp: int) -> StanceRules:
    data = read_mapping(path, CodebookError, what="Codebook file", missing="Copy it from the project's codebook/ folder.")
    lists = {key: _words(data.get(key), f"{path.name}: {key}") for key in _LIST_KEYS}
    for key in ("content_categories", "of_agent_categories", "one_way_categories", "partner_categories", "refusal_categories", "appeal_categories", "victim_categories",
                "allegation_categories", "from_place_categories", "own_force_categories", "announced_plan_categories"):  # PLOVER category names are upper case
        lists[key] = frozenset(w.upper() for w in lists[key])
        unknown = sorted(lists[key] - set(PLOVER))
        if unknown:
            raise CodebookError(f"{path.name}: {key} names {unknown}, which are not PLOVER categories ({', '.join(PLOVER)}).")
    for key in ("home_sectors", "private_sectors", "group_sectors"):  # sector codes are upper case
        lists[key] = frozenset(w.upper() for w in lists[key])
    pairs = data.get("partner_pairs") or []
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise CodebookError(f"{path.name}: partner_pairs must be a list of two-word lists such as [together, with] (got {pairs!r}).")
    conf = data.get("confidence") or {}
    if not isinstance(conf, dict):
        raise CodebookError(f"{path.name}: confidence must be a mapping with direct_sources, direct_targets, remote_parties, remote_rules.")
    levels = {key: _words(conf.get(key), f"{path.name}: confidence.{key}")
              for key in ("direct_sources", "direct_targets", "remote_parties", "remote_rules", "imported_prefixes", "indirect_vias", "guessed_mentions")}
    reach = data.get("pair_reach", 3)
    if not isinstance(reach, int) or isinstance(reach, bool) or reach < 0:
        raise CodebookError(f"{path.name}: pair_reach must be a whole number of sentences, 0 or more (got {reach!r}).")
    entries = {key: data.get(key) or "" for key in ("characterisation_entry", "friendly_entry", "appeal_entry", "demand_entry")}
    for key, entry in entries.items():
        if not isinstance(entry, str):
            raise CodebookError(f"{path.name}: {key} must be the id of a trigger entry such as accuse (got {entry!r}).")
    own_country = _own_country_targets(data.get("own_country_targets"), path.name)
    own_country_entries = _own_country_targets(data.get("own_country_entries"), path.name, entries=True)
    complex_preps = frozenset(tuple(p.split()) for p in _words(data.get("complex_prepositions"), f"{path.name}: complex_prepositions"))
    if any(len(p) != 3 for p in complex_preps):
        raise CodebookError(f"{path.name}: complex_prepositions must be three-word phrases such as 'with respect to' (got {sorted(' '.join(p) for p in complex_preps)}).")
    return StanceRules(**lists, complex_prepositions=complex_preps, pair_reach=reach, **entries, own_country_targets=own_country,
                       own_country_entries=own_country_entries, partner_pairs=frozenset((str(a).lower(), str(b).lower()) for a, b in pairs), **levels)


def _own_country_targets(value: object, where: str, entries: bool = False) -> tuple[tuple[str, frozenset[str], str], ...]:
    """`own_country_targets`: (PLOVER category, source sectors, target sector) per category, checked;
    with `entries`, `own_country_entries`: the same per trigger entry id (kept as written)."""
    name, kind = ("own_country_entries", "a trigger entry id") if entries else ("own_country_targets", "a PLOVER category")
    if value is None:
        return ()
    if not isinstance(value, dict):
        raise CodebookError(f"{where}: {name} must map {kind} to source_sectors and target_sector (got {value!r}).")
    out: list[tuple[str, frozenset[str], str]] = []
    for key, spec in value.items():
        if (not entries and str(key).upper() not in PLOVER) or not isinstance(spec, dict) or not isinstance(spec.get("target_sector"), str):
            raise CodebookError(f"{where}: {name}.{key} must be {kind} with source_sectors "
                                f"(a list) and target_sector (a sector code) (got {spec!r}).")
        sectors = _words(spec.get("source_sectors"), f"{where}: {name}.{key}.source_sectors")
        out.append((str(key) if entries else str(key).upper(), frozenset(s.upper() for s in sectors), spec["target_sector"].upper()))
    return tuple(sorted(out, key=lambda t: t[0]))


def _words(value: object, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or any(isinstance(v, (bool, dict, list)) for v in value):
        raise CodebookError(f"{where} must be a list of words; put quotes around on, off, yes and no (got {value!r}).")
    return frozenset(str(v).lower() for v in value)


@dataclass(frozen=True)
class Drop:
    """A trigger word that a filter kept from being coded, and the filter's name."""

    sent_start: int
    token: int
    word: str
    trigger_id: str
    filter: str


# ---- stance rules ------------------------------------------------------------------------------
def asked_clause(token: Token) -> Token | None:
    """The verb of what a request asks for: "urged A to *honour* the truce", "called on A to
    *allow* access", "asked that A *allow* inspectors in"; None when nothing is asked in a clause."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            return child
    for child in token.children:  # "pressed both sides since May to return to talks": an infinitive parsed as advcl
        if child.dep_ == "advcl" and child.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            return child
    return None


def _head_words(heads: Iterable[Token]) -> set[str]:
    """The lemmas and forms of these nouns, with the lemmas of their compound and adjective modifiers."""
    words: set[str] = set()
    for head in heads:
        words |= {head.lemma_.lower(), head.lower_}
        words |= {m.lemma_.lower() for m in head.children if m.dep_ in ("compound", "amod")}
    return words


def _asked_words(clause: Token) -> set[str]:
    """The lemmas of the asked verb's objects, their modifiers and its prepositions' objects."""
    heads = [c for c in clause.children if c.dep_ in ("dobj", "attr", "oprd")]
    heads += [g for c in clause.children if c.dep_ in ("prep", "dative") for g in c.children if g.dep_ == "pobj"]
    return _head_words(heads)


def _asked_for(token: Token) -> set[str]:
    """The words of the request verb's own "for" objects: "asked A *for protection*",
    "appealed for *international help*"."""
    return _head_words(g for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj")


def appeal_or_demand(coder: StatementCoder, token: Token, entry: Trigger) -> tuple[Trigger, str]:
    """A request's stance follows what it asks (STATEMENTS_MANUAL 8.5): the verb and object of its
    "to"/"that" clause make it an appeal (`appeal_entry`, +1: "Mali urged both sides to honour the
    truce", "called on A to allow access") or a demand (`demand_entry`, -1: "urged A to withdraw
    its troops"); a demand verb wins over an appeal object ("to halt the offensive and accept a
    truce"). With no such clause, the verb's own "for" decides: a demand's noun keeps a hostile
    entry (`demand_content_nouns`: "asked Chile for the extradition of"), an appeal object makes it
    an appeal ("asked Chile for protection"), and so does any thing asked for after one of
    `appeal_for_lemmas` ("asked Chile for two patrol boats", CAMEO 02). Only for
    `appeal_categories` entries told by one of `appeal_lemmas`.
    RETURNS (tuple[Trigger, str]): the entry to code and the rule's name, or (entry, "") unchanged.
    """
    rules = coder.rules
    if entry.plover not in rules.appeal_categories or not {token.lemma_.lower(), token.lower_} & rules.appeal_lemmas:
        return entry, ""
    clause = asked_clause(token)
    if clause is None:
        asked = _asked_for(token)
        if entry.stance > 0 or not asked or asked & rules.demand_content_nouns:  # an appeal's own entry stays
            return entry, ""
        if not (asked & rules.appeal_content_objects or token.lemma_.lower() in rules.appeal_for_lemmas):
            return entry, ""
        chosen = coder.by_id.get(rules.appeal_entry)
    elif clause.lemma_.lower() in rules.demand_content_verbs:
        chosen = coder.by_id.get(rules.demand_entry)
    elif clause.lemma_.lower() in rules.appeal_content_verbs or _asked_words(clause) & rules.appeal_content_objects:
        chosen = coder.by_id.get(rules.appeal_entry)
    else:
        return entry, ""
    if chosen is None or chosen.id == entry.id:
        return entry, ""
    return chosen, "appeal_or_demand"


# ---- target rules of nominal events -------------------------------------------------------------
def target_after_agent(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party], ctx: _Context) -> tuple[list[Party], str] | None:
    """A noun act's target phrase that follows its "by" phrase is the act's, though the parser hangs
    it on the agent: "an assault by Chad *on Niger*", "raids by A *against* B" -> the agent's act
    on B (`target:after_agent`). None when the noun has no such phrase naming an actor."""
    source_ids = {p.actor for p in sources}
    for by in (c for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"):
        for agent in (g for g in by.children if g.dep_ == "pobj"):
            for prep in (c for c in agent.children if c.dep_ == "prep" and c.lower_ in coder.rules.after_agent_preps):
                found = [p for g in prep.children if g.dep_ == "pobj" for p in coder.parties(g, ctx) if p.actor not in source_ids]
                if found:
                    return found, "target:after_agent"
    return None


def undergoer_of_noun_act(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party], ctx: _Context) -> tuple[list[Party], str] | None:
    """The subject of a verb of undergoing (`undergo_verbs`) is the target of the noun act it
    undergoes: "*Peru* faced airstrikes from Chile", "*Peruvian forces* came under fire from Chile"
    -> Chile's act on Peru (`target:undergoer`). Not when that verb is itself a trigger ("Peru
    sought help from Chile" is a request)."""
    verb = token.head
    if token.dep_ == "pobj" and verb.lower_ == "under":
        verb = verb.head
    elif token.dep_ not in ("dobj", "obj"):
        return None
    if verb.lemma_.lower() not in coder.rules.undergo_verbs or coder.trigger_of(verb) is not None:
        return None
    subj = coder._subject(verb)
    own = {p.actor for p in sources}
    found = [p for p in coder.parties(subj, ctx) if p.actor not in own] if subj is not None else []
    return (found, "target:undergoer") if found else None


# ---- trigger filters ---------------------------------------------------------------------------
# Each takes (coder, token, entry, sport) and says whether the trigger is NOT an act of its own.

def sport_or_competition(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """An act whose object or prepositional phrase names a sport or competition (`discard_words`).

    "Brazil beat Italy in the World Cup qualifier": sport, not politics. A subject or time phrase
    naming one does not count.
    """
    from .stance import _about

    return bool(sport) and _about(token, sport)


def noun_named_by_trigger_verb(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A noun trigger that a trigger verb governs as the same act: "A held *talks* with B" (the
    verb's entry names the noun), "launched an *attack*" (the same category) code the verb only.
    "A condemned B's *bombing* of C" tells two acts, and the noun is coded with its own arguments."""
    if entry.pos != "NOUN" or token.head.i == token.i:
        return False
    outer = coder.trigger_of(token.head)
    if outer is None:
        return False
    if token.dep_ not in ("dobj", "obj", "nsubjpass", "attr"):
        return True
    return bool(outer.objects) or outer.plover == entry.plover


def noun_in_compound(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A noun trigger that only modifies another noun: "the peace talks venue", "ceasefire monitors"."""
    return entry.pos == "NOUN" and token.dep_ == "compound"


def noun_subject_as_topic(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A noun trigger that is the subject of a present or modal verb: "talks would help" is a topic.

    "The meetings with A were positive" (past) and "talks began" (`event_verbs`) tell acts that
    took place and are coded.
    """
    return (entry.pos == "NOUN" and token.dep_ in ("nsubj", "nsubjpass")
            and not (coder._reports_event(token.head) or coder._past(token.head)))


def purpose_of_another_act(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """An infinitive hanging off another trigger is its purpose: "Chile met Peru to establish a hotline".

    Not the infinitive of a verb of agreeing or deciding (`committed_act_verbs`): in "Chile agreed
    to lift the curfew" the lifting is the act agreed, coded as an act of its own.
    """
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in coder.rules.committed_act_verbs:
        return False
    return coder._purpose_of_act(token)


def topic_after_topic_noun(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """An act named after a `topic_nouns` word: "stressed the importance of restoring ties"."""
    return (token.dep_ in ("pcomp", "pobj") and token.head.lower_ in ("of", "for")
            and token.head.head.lemma_.lower() in coder.lexicon.topic_nouns)


def object_word_of_outer_trigger(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """The word that makes a governing verb a trigger: "offered to help *mediate*" is one act, the offer."""
    return coder._object_word_of_outer_trigger(token)


def predicted_compulsion(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """What a passive "will be forced to" predicts: "A will be forced to withdraw" is no act of A's."""
    return coder._compelled_later(token)


def content_of_request(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """What a request, warning or refusal names (`content_categories`): "urged A to *halt*", "refused to *discuss*"."""
    return coder._inside_request(token)


def content_of_accusation(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """What an accusation charges its target with (`allegation_categories`, in its "of" or "for"
    phrase): "Chile accused Peru *of shelling* Bolivia", "blamed A *for the attack*" code the
    accusation only; the act charged is the accuser's claim, not an act told (STATEMENTS_MANUAL 2)."""
    prep = token.head
    if token.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or prep.lower_ not in ("of", "for") or prep.head.i == prep.i:
        return False
    outer = coder.trigger_of(prep.head)
    return outer is not None and outer.plover in coder.rules.allegation_categories


def participle_as_description(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A participle that describes a group, with nothing it acts on: "rebels *fighting* under
    the banner of HTS" names who they are; "rebels fighting the army" still tells an act."""
    if token.dep_ != "acl" or token.tag_ != "VBG":
        return False
    return not any(c.dep_ in ("dobj", "obj", "dative") or c.dep_ == "prep" and c.lower_ in ("against", "with", "on", "to") for c in token.children)


def noun_as_predicate(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A noun act that a copula says something else is: "the plan was *an attack* on our
    sovereignty" characterises the plan (a speaker's accusation), it tells no attack. "It was the
    first meeting of the two" and "A is a threat to B" (a pronoun, a name or an act as subject)
    are still coded."""
    if entry.pos != "NOUN" or token.dep_ != "attr" or token.head.lemma_.lower() != "be":
        return False
    if characterised_subject(coder, token, entry) is not None:
        return False  # a speaker says it ("the plan was an attack on us", A said): A's accusation
    subj = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.pos_ == "NOUN" and not subj.ent_type_ and coder.trigger_of(subj) is None


def background_time_anchor(coder: StatementCoder, token: Token, entry: Trigger, sport: set[int]) -> bool:
    """A noun act that only dates a period (`background_preps`): "A has praised B *since* C's 1990
    invasion of D" is background to the praise. "*Following* a meeting with B, A said" is an act
    of its own (the setting rule)."""
    return entry.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in coder.rules.background_preps


STANCE_RULES: list[tuple[str, Callable[..., tuple[Trigger, str]]]] = [(f.__name__, f) for f in (appeal_or_demand,)]
"""Rules that choose the entry a trigger codes from the words around it, in order, before the filters."""

TRIGGER_FILTERS: list[tuple[str, Callable[..., bool]]] = [
    (f.__name__, f) for f in (
        sport_or_competition, noun_named_by_trigger_verb, noun_in_compound, noun_subject_as_topic,
        purpose_of_another_act, topic_after_topic_noun, object_word_of_outer_trigger, predicted_compulsion,
        content_of_request, content_of_accusation, participle_as_description, noun_as_predicate, background_time_anchor,
        topic_of_a_briefing, travel_advice, collecting_material,
        sense_by_object, sense_between_forces, participle_of_partner,
    )
]


# ---- source rules ------------------------------------------------------------------------------
# Each takes (coder, token, entry, ctx) and gives the sources (a list, maybe empty, which ends the
# search: no source, no statement) or None when it does not apply. `StatementCoder.sources` tries
# them in this order; the name of the one that gave the sources goes into `rule`.

def characterised_subject(coder: StatementCoder, token: Token, entry: Trigger) -> Token | None:
    """The subject a hostile noun act, or a word of `hostile_words` / `friendly_words`, is said of:
    "B's plan *was* an attack", "B *poses* a threat" (`characterising_verbs`), "B is *a close
    friend*", when that subject names an actor and a speaker reports the clause."""
    head = token.head
    if entry.pos != "NOUN" or entry.stance == 0 or head.i == token.i or coder.rules.characterisation_entry not in coder.by_id:
        return None
    copula = token.dep_ in ("attr", "acomp") and head.lemma_.lower() == "be"
    if not (copula or token.dep_ == "dobj" and head.lemma_.lower() in coder.rules.characterising_verbs):
        return None
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in coder.rules.first_person or head.dep_ not in ("ccomp", "parataxis", "ROOT"):
        return None
    return subj


def characterisation_trigger(coder: StatementCoder, token: Token) -> Trigger | None:
    """A word that is no lexicon entry but characterises an actor in a hostile or friendly way
    (`hostile_words`, `friendly_words`), in one of two constructions:

    - a verb of regarding with "as" (`regarding_verbs`): "A regards B *as* a terrorist group",
      "A described B's move as provocative" -> the verb is the trigger, A -> B, ACCUSE (or the
      `friendly_entry` category for "A sees B as a partner");
    - a copula a speaker reports: "B is a close friend", A said -> the predicate is the trigger
      (coded by the source rule `speaker_characterising`).
    RETURNS (Trigger | None): an entry of the characterisation's category, else None.
    """
    lemma = token.lemma_.lower()
    if lemma in coder.rules.regarding_verbs and token.pos_ == "VERB":
        holders = [token, *(c for c in token.children if c.dep_ in ("dobj", "obj"))]
        said = [t for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree]
        said += [w for p in small_clause_predicates(token) for w in (p, *(c for c in p.children if c.dep_ in ("amod", "compound", "conj")))]
        return _characterisation_entry(coder, said, "VERB")
    if token.dep_ in ("attr", "acomp") and token.head.lemma_.lower() == "be" and token.pos_ in ("NOUN", "ADJ"):
        words = [token, *(c for c in token.children if c.dep_ in ("amod", "compound", "conj"))]
        return _characterisation_entry(coder, words, "NOUN")
    return None


def small_clause_predicates(token: Token) -> list[Token]:
    """The predicate of a regarding verb's small clause, told without "as": "A considers B *a
    terrorist group*" (parsed as a clause whose subject is B), "deems B *to be* a threat" (the
    predicate of "be"), "designated B *a terrorist organisation*" (a second object)."""
    found: list[Token] = []
    for clause in (c for c in token.children if c.dep_ in ("ccomp", "xcomp", "oprd")):
        if clause.pos_ in ("NOUN", "ADJ") and (clause.dep_ == "oprd" or any(g.dep_ == "nsubj" for g in clause.children)):
            found.append(clause)
        elif clause.lemma_.lower() == "be" and any(g.dep_ == "nsubj" for g in clause.children):
            found += [g for g in clause.children if g.dep_ in ("attr", "acomp")]
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return found + objects[1:]


def characterised_in_small_clause(coder: StatementCoder, token: Token, ctx: _Context) -> tuple[list[Party], str] | None:
    """The actor a regarding verb's small clause characterises: its subject ("Turkey considers *the
    YPG* a terrorist group" -> YPG; "deems *B* to be a threat" -> B), for a characterisation
    (`characterisation_trigger`) that found no object. None when there is none."""
    subjects = [g for c in token.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj"]
    found = [p for subj in subjects for p in coder.parties(subj, ctx)]
    return (found, "target:characterised_in_small_clause") if found else None


def _characterisation_entry(coder: StatementCoder, words: list[Token], pos: str) -> Trigger | None:
    from dataclasses import replace as with_

    lemmas = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
    for kind, listed, base in (("hostile", coder.rules.hostile_words, coder.rules.characterisation_entry),
                               ("friendly", coder.rules.friendly_words, coder.rules.friendly_entry)):
        if lemmas & listed and base in coder.by_id:
            return with_(coder.by_id[base], id=f"characterisation_{kind}", lemmas=frozenset(lemmas & listed), pos=pos,
                         objects=frozenset(), particle=frozenset(), symmetric=False, speech=False, third_party=False,
                         reverse=False, also=())
    return None


def speaker_characterising(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A speaker who says an actor is or poses a hostile act accuses it: "Chile said the Peruvian
    plan was *an attack* on its waters", "Chile said Peruvian gangs posed *a threat*" -> CHL -> PER,
    ACCUSE (the category and stance of `characterisation_entry`; target `characterised_subject`)."""
    subj = characterised_subject(coder, token, entry)
    if subj is None or not coder.parties(subj, ctx):
        return None
    speakers = coder._speaker(token, ctx) or _inverted_speaker(coder, token.head, ctx)
    owners = {p.actor for c in token.children if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of"
              for g in ([c] if c.dep_ == "poss" else [x for x in c.children if x.dep_ == "pobj"]) for p in coder.parties(g, ctx)}
    if owners - {p.actor for p in speakers}:
        return None  # "B is C's ally", A said: a tie between B and C, not A's stance
    return speakers or None


def _inverted_speaker(coder: StatementCoder, clause: Token, ctx: _Context) -> list[Party]:
    """The speaker of a report verb the parser hung on the reported clause ("B is a threat, A said")."""
    for child in clause.children:
        if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in coder.lexicon.speech_verbs:
            subj = next((c for c in child.children if c.dep_ in ("nsubj",)), None)
            if subj is not None:
                return coder.parties(subj, ctx)
    return []


def their_joint_act(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """"A and B postponed *their* meeting": a joint noun act of a compound subject is the pair's."""
    from .stance import OBJECT_DEPS

    if not (entry.pos == "NOUN" and entry.symmetric and token.dep_ in OBJECT_DEPS
            and any(c.dep_ == "poss" and c.lower_ == "their" for c in token.children)):
        return None
    subj = coder._subject(token.head)
    members = coder.parties(subj, ctx) if subj is not None else []
    return members if len(members) >= 2 else None


def modifier(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A noun act's possessor or demonym: "*Israeli* airstrikes", "*Russia's* bombardment of B"."""
    if entry.pos != "NOUN":
        return None
    found = [p for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod") for p in coder.parties(c, ctx, 1)]
    return found or None


def by(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A noun act's "by" phrase: "the bombing of A *by B*"."""
    if entry.pos != "NOUN":
        return None
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            found = [p for c in child.children if c.dep_ == "pobj" for p in coder.parties(c, ctx)]
            if found:
                return found
    return None


def from_phrase(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A noun act's "from" phrase names who does it: "came under fire *from Chilean troops*",
    "threats *from B*", "pressure *from B*"; not for the categories in `from_place_categories`,
    whose "from" is the place left ("the withdrawal of A's troops *from B*")."""
    if entry.pos != "NOUN" or entry.plover in coder.rules.from_place_categories:
        return None
    found = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
             for g in c.children if g.dep_ == "pobj" for p in coder.parties(g, ctx)]
    return found or None


def agent_of_participle(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A noun act described by a past participle with an agent: "the raids *carried out by Chad*",
    "the airstrikes *launched by A* against B" -> Chad, A; only for `doing_participles` ("talks *hosted
    by C*" name the host, no party). Its target comes from the participle's phrases
    (`participle_targets`)."""
    if entry.pos != "NOUN":
        return None
    for acl in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in coder.rules.doing_participles):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            found = [p for c in agent.children if c.dep_ == "pobj" for p in coder.parties(c, ctx)]
            if found:
                return found
    return None


def participle_targets(coder: StatementCoder, token: Token, entry: Trigger, sources: list[Party], ctx: _Context) -> tuple[list[Party], str] | None:
    """The target of a noun act told through a participle with an agent, from the participle's (or
    its agent's) `after_agent_preps` phrase: "the airstrikes launched by A *against B*", "the raids
    carried out by A *on B's* villages" -> B (`target:participle_prep_against`, ...)."""
    source_ids = {p.actor for p in sources}
    for acl in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in coder.rules.doing_participles
                and any(a.dep_ == "agent" for a in c.children)):
        holders = [acl, *(g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj")]
        for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in coder.rules.after_agent_preps):
            found = [p for g in prep.children if g.dep_ == "pobj" for p in coder.parties(g, ctx) if p.actor not in source_ids]
            if found:
                return found, f"target:participle_prep_{prep.lower_}"
    return None


def noun_of(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A noun act's "of" phrase, for the categories in `of_agent_categories`: "the withdrawal *of Russian troops*"."""
    if entry.pos != "NOUN" or entry.plover not in coder.rules.of_agent_categories:
        return None
    found = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
             for g in c.children if g.dep_ == "pobj" for p in coder.parties(g, ctx)]
    return found or None


def parties_named_between(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """"talks *between A and B*": no source of its own; the two it names are the pair (rule `source:between`)."""
    if entry.pos == "NOUN" and entry.symmetric and any(c.lower_ == "between" for c in token.children):
        return []
    return None


def _told(coder: StatementCoder, token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "acl" and coder._reports_event(c) for c in token.children)


def participants_of_earlier_act(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A joint noun act told as happening with no parties named ("the latest meeting took place on
    May 2"): the parties of the joint act told just before (`pair_reach`; low confidence)."""
    if entry.pos != "NOUN" or not entry.symmetric or not _told(coder, token):
        return None
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in token.children):
        return None
    return ctx.pair_of(token) or None


def speaker_of_told_act(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A joint noun act told as happening, with no actor of its own: the speaker of the report, who
    takes part in it ("efforts were *underway*", said A's officials; a symmetric entry or one of
    `partner_categories`); else no source. A one-way act is not its reporter's: "Chile said *the
    attack* on Peru was a mistake" names no attacker."""
    if entry.pos != "NOUN" or not _told(coder, token):
        return None
    if not (entry.symmetric or entry.plover in coder.rules.partner_categories):
        return []
    return coder._speaker(token.head, ctx)


def passive_agent_of_shared_subject(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A passive sharing its subject with the one before: "The meeting was held in Baku and *hosted by Aliyev*"."""
    subj = coder._subject(token)
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is None or subj is None or subj.dep_ != "nsubjpass" or subj.head.i == token.i:
        return None
    return [p for c in agent.children if c.dep_ == "pobj" for p in coder.parties(c, ctx)] or None


def _own_passive_subject(coder: StatementCoder, token: Token) -> Token | None:
    subj = coder._subject(token)
    return subj if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == token.i else None


def passive_agent(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """The agent of a passive: "Greece was warned *by Turkey*"; after an "as" phrase the parser may
    hang it on the phrase's noun: "B is listed as a terrorist group *by A*"."""
    if _own_passive_subject(coder, token) is None:
        return None
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is None:
        agent = next((b for a in token.children if a.dep_ == "prep" and a.lower_ == "as" for g in a.children if g.dep_ == "pobj"
                      for b in g.children if b.dep_ in ("agent", "prep") and b.lower_ == "by"), None)
    return [p for c in (agent.children if agent is not None else []) if c.dep_ == "pobj" for p in coder.parties(c, ctx)] or None


def passive_subject_of_joint_act(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """"*Turkiye* is engaged in talks with Israel": a party to a joint act, not its object."""
    subj = _own_passive_subject(coder, token)
    if subj is None or not entry.symmetric:
        return None
    return coder.parties(subj, ctx)


def agentless_passive(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """"Dozens were killed in airstrikes": a passive with no agent names no source (manual 8.5)."""
    return [] if _own_passive_subject(coder, token) is not None else None


def relative_clause(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """The antecedent of "who/which/that": "the PKK, *which* has attacked Turkish posts"; also for
    an act in a phrase inside the clause ("Trump, *who* sent A a letter praising ...")."""
    subj = coder._subject(token)
    if subj is None:
        return None
    if subj.lower_ in ("who", "which", "that") and token.dep_ == "relcl":
        return _antecedent_parties(coder, token, ctx)
    if subj.lower_ in ("who", "which") and subj.head.dep_ == "relcl" and subj.head.i != token.i:
        return _antecedent_parties(coder, subj.head, ctx)
    return None


def _singular_verb(clause: Token) -> bool:
    """Is the relative clause's verb (or its auxiliary) in the third person singular ("which *has*")?"""
    verbs = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
    return any(v.tag_ == "VBZ" or v.lower_ == "was" for v in verbs)


def _antecedent_parties(coder: StatementCoder, clause: Token, ctx: _Context) -> list[Party]:
    """The actors of a relative clause's antecedent. A singular verb after a coordination refers
    to the conjunct just before the clause, wherever the parser hung it: "friction between A and
    *B, which has* used proxies" -> B alone (a plural verb, "A and B, which have ...", keeps both)."""
    noun = antecedent(clause)
    before = [c for c in (noun, *noun.conjuncts) if c.i < clause.i]
    if _singular_verb(clause) and len(before) > 1:
        return coder.parties(max(before, key=lambda c: c.i), ctx, 1)
    return coder.parties(noun, ctx)


def antecedent(clause: Token) -> Token:
    """What a relative clause refers to: the noun it hangs on, or the whole list when that noun is
    the last of a coordination and the clause's verb is plural: "Ghana and Togo, *which have*
    pledged troops" -> Ghana (with its conjunct Togo); "Ghana and Togo, which *has* a port" -> Togo.
    clause (Token): the relative clause's verb.
    RETURNS (Token): the token whose phrase the clause refers to.
    """
    noun = clause.head
    verbs = [clause, *(c for c in clause.children if c.dep_ in ("aux", "auxpass"))]
    plural = any(v.tag_ == "VBP" or v.lower_ == "were" for v in verbs)
    while plural and noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def act_as_subject(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A verbal act whose subject is itself an act names no speaker: "a possible Chilean
    *withdrawal* raised concern", "the Peruvian *offensive* drew criticism" -> no row. The actor
    beside the noun did the withdrawal, not the voicing; an event does not speak. A material act
    keeps such a subject ("Chilean *airstrikes* hit Peru": the strikes are Chile's)."""
    if entry.pos != "VERB" or entry.mode != "verbal":
        return None
    subj = coder._subject(token)
    if subj is None or subj.dep_ not in ("nsubj", "csubj") or subj.i in ctx.mention_at or subj.pos_ != "NOUN":
        return None
    act = coder.trigger_of(subj)
    return [] if act is not None and act.pos == "NOUN" else None


def object_controller(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """The object of the verb an infinitive hangs on is the infinitive's doer when it names an actor:
    "Chile trained *Peruvian units* to fight the rebels", "helped *Peru* to attack B" -> Peru, not
    Chile (object control). Only when the subject names an actor too: the rule gives the act to
    another actor than the subject. An object that names no actor leaves the act to the subject
    ("Chile sent troops to attack B" is Chile's). None when it does not apply."""
    from .stance import OBJECT_DEPS

    if entry.pos != "VERB" or token.dep_ not in ("xcomp", "advcl") or token.head.i == token.i:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return None
    head = token.head
    obj = next((c for c in head.children if c.dep_ in OBJECT_DEPS and c.dep_ != "attr" and c.i < token.i), None)
    if obj is None:
        return None
    subj = coder._subject(head)
    own = {p.actor for p in coder.parties(subj, ctx)} if subj is not None else set()
    if not own:
        return None  # "the truce commits both forces to halt ...": terms, not a doer re-assigned
    found = [p for p in coder.parties(obj, ctx) if p.actor not in own]
    return found or None


def subject(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """The grammatical subject, own or shared through "and" or "to": "*Egypt* condemned Ethiopia",
    "*A and B* both took over ...", and a list member the parser cut ("“A” and B had reached")."""
    from .stance import SUBJECT_DEPS, _unique

    subj = coder._subject(token)
    if subj is None:
        return None
    found = coder.parties(subj, ctx)
    if not found and subj.lower_ in ("both", "all", "each"):
        found = coder._actors_left_of(subj, ctx, start=subj.i)
    if found and subj.i > 0 and subj.doc[subj.i - 1].lower_ in ("and", ",") and subj.head.dep_ != "conj":
        # not the object of a clause coordinated before ("A criticized B, and C praised D")
        left = coder._actors_left_of(subj, ctx, start=subj.i)
        found = [p for p in left if not coder._object_before(subj, p, ctx)] + found
    # "Israel, Turkey hold talks": the parser may give a verb two subjects
    found += [p for other in subj.head.children if other.dep_ in SUBJECT_DEPS and other.i != subj.i for p in coder.parties(other, ctx)]
    return _unique(found) or None


def pronoun_of_previous_subject(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A pronoun subject no actor of its own sentence or of the article explains: the actors of the
    previous sentence's main subject, if the pronoun can stand for it ("he" or "she" for a person or
    an office, "it" or "they" for anything but a person). "A Chilean envoy spoke on Monday. *She*
    urged Peru to reopen the border" -> CHL. Confidence low (`previous_subject`)."""
    subj = coder._subject(token)
    if subj is None or subj.lower_ not in coder.rules.subject_pronouns or entry.pos != "VERB":
        return None
    before, found = ctx.previous_subject
    if before is None or not found:
        return None
    person = ctx.mention_at.get(before.i)
    is_person = (person is not None and person.kind == "person") or before.lower_ in ("he", "she")
    if subj.lower_ in ("he", "she") and not (is_person or before.pos_ == "NOUN" and before.tag_ == "NN"):
        return None  # "he" is no country or organisation named by its name
    if subj.lower_ in ("it", "they") and is_person:
        return None
    return [replace(p, how="previous_subject") for p in found]


def unresolved_subject(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A verb whose own subject names no actor has no source: "the militias had attacked B", A
    said, is not A's attack. "We" and "I" may still be the speaker's."""
    subj = coder._subject(token)
    own = subj is not None and (subj.head.i == token.i or token.dep_ in ("conj", "xcomp"))
    return [] if own and entry.pos == "VERB" and subj.lower_ not in coder.rules.first_person else None


def agent_of_subjectless_passive(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A passive participle the parser gave no subject: its source is its agent, never the words
    before it, which name what it was done to ("much of A remains *occupied by B*" -> B; "much of A
    remains *ravaged* by war" has no source)."""
    if entry.pos != "VERB" or token.tag_ != "VBN" or coder._subject(token) is not None:
        return None
    if not any(c.dep_ in ("agent", "auxpass") for c in token.children):
        return None
    return [p for a in token.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj" for p in coder.parties(g, ctx)]


def left_of_verb(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A verb the parser gave no subject: the actors named just before it ("A and B sign truce")."""
    if entry.pos != "VERB" or coder._subject(token) is not None:
        return None
    top = token
    while top.dep_ in ("conj", "xcomp", "advcl") and top.head.i != top.i:
        top = top.head
    return coder._actors_left_of(top, ctx) or None


def noun_of_participle(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """An "-ing" participle that describes an actor is that actor's act: "a Danish medic working
    beside *Kurdish fighters* battling B" is the fighters', not the medic's. Only when the noun the
    participle hangs on names an actor itself; "A launched a campaign targeting B" is left to
    `subject` (through the campaign to its launcher)."""
    if entry.pos != "VERB" or token.dep_ != "acl" or token.tag_ != "VBG" or token.head.i == token.i:
        return None
    return coder.parties(token.head, ctx) or None


def doer_of_noun_act(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A noun act that is the object of a verb of doing (`doing_participles`, active voice) is the
    subject's: "*Peru* launched an invasion of Bolivia", "*the rebels* began an offensive against
    the town" -> Peru, the rebels. Only when that verb is itself told as done: "Peru could launch an
    invasion" is no invasion (no row by this rule)."""
    from .stance import OBJECT_DEPS

    verb = token.head
    if (entry.pos != "NOUN" or token.dep_ not in OBJECT_DEPS or verb.i == token.i or verb.pos_ != "VERB"
            or verb.lemma_.lower() not in coder.rules.doing_participles or modality_of(coder, verb)[0] != "asserted"):
        return None
    subj = coder._subject(verb)
    return (coder.parties(subj, ctx) or None) if subj is not None and subj.dep_ != "nsubjpass" else None


def subject_of_setting_clause(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """A noun act that is the setting of its clause (`setting_preps`): "*He* raised the issue in a meeting with B"."""
    if entry.pos != "NOUN":
        return None
    setting = coder._setting_subject(token)
    return (coder.parties(setting, ctx) or None) if setting is not None else None


def speaker(coder: StatementCoder, token: Token, entry: Trigger, ctx: _Context) -> list[Party] | None:
    """The speaker of reported speech, for a verb with no subject of its own: "..., *adding* that
    it will respond", said A; "according to A". A noun act is never its speaker's by this rule."""
    if entry.pos != "VERB":
        return None
    return coder._speaker(token, ctx) or None


SOURCE_RULES: list[tuple[str, Callable[..., list | None]]] = [
    (f.__name__, f) for f in (
        speaker_characterising, their_joint_act, modifier, by, from_phrase, agent_of_participle, noun_of, parties_named_between, participants_of_earlier_act,
        speaker_of_told_act, passive_agent_of_shared_subject, passive_agent, passive_subject_of_joint_act,
        agentless_passive, relative_clause, noun_of_participle, participle_of_unnamed_people, doer_of_noun_act, act_as_subject, object_controller, subject, pronoun_of_previous_subject, unresolved_subject, agent_of_subjectless_passive,
        relative_clause_without_subject, left_of_verb,
        subject_of_setting_clause, speaker,
    )
]


# ---- modality ----------------------------------------------------------------------------------
# Each takes (coder, token) and gives a modality other than "asserted", or "".

def _governors(token: Token, deps: tuple[str, ...] = ("xcomp", "conj", "pcomp", "pobj", "prep", "acomp", "advcl")) -> list[Token]:
    """The token and the words it hangs on through "to", "and", a preposition or a complement, up to 5."""
    chain, current = [token], token
    for _ in range(5):
        if current.dep_ not in deps or current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    return chain


def negation(coder: StatementCoder, token: Token) -> str:
    """A negated act: "Kenya did not condemn Uganda", "no talks with A", "has yet to meet", "failed to agree"."""
    from .stance import _negated

    if _negated(token):
        return "negated"
    words = coder.rules.negating_verbs
    for head in _governors(token)[1:]:
        if head.lemma_.lower() in words or any(c.dep_ == "advmod" and c.lower_ in words for c in head.children):
            return "negated"
    return "negated" if _shares_negation(coder, token) else ""


def _shares_negation(coder: StatementCoder, token: Token) -> bool:
    """Is this a verb joined by "or" / "nor" (`negation_sharing_conjunctions`) to a negated verb
    whose auxiliary and subject it shares? "Peru would not lift the embargo or *recognise* Chile":
    neither act is done. A conjunct with an auxiliary or subject of its own ("did not lift the
    embargo, or it *has recognised* Chile") and one joined by "and" / "but" ("did not lift the
    embargo but *praised* Chile") keep their own modality."""
    from .stance import _negated

    words = coder.rules.negation_sharing_conjunctions
    current = token
    for _ in range(4):
        if current.dep_ != "conj" or current.head.i == current.i:
            return False
        if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "neg") for c in current.children):
            return False
        joined_by = [c.lower_ for c in current.children if c.dep_ == "cc"] or \
                    [c.lower_ for c in current.head.children if c.dep_ == "cc" and c.i < current.i]
        if not joined_by or joined_by[-1] not in words:
            return False
        current = current.head
        shared = [c for c in current.children if c.dep_ in ("aux", "auxpass")]  # "would not", "did not"
        if current.pos_ in ("VERB", "AUX") and shared and _negated(current):
            return True
    return False


def condition(coder: StatementCoder, token: Token) -> str:
    """An act in a clause opened by "if" or "unless" (`condition_marks`), or one such a clause
    conditions: "if Israel *strikes*, ...", "Iran will *strike* Israel if the talks fail"."""
    marks = coder.rules.condition_marks

    def opened(clause: Token) -> bool:
        return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)

    for head in _governors(token, ("xcomp", "conj", "pcomp", "pobj", "prep", "advcl", "ccomp", "acomp")):
        if opened(head):
            return "hypothetical"
        if any(c.dep_ == "advcl" and opened(c) for c in head.children) and not (head.i == token.i and _said_as_done(coder, head)):
            return "hypothetical"  # what was said keeps the condition the parser hung on the saying
    return ""


def _said_as_done(coder: StatementCoder, verb: Token) -> bool:
    """Is this a verb of saying told as done, in the past or perfect ("A *warned* of a clash if B
    strikes", "A *has threatened* to retaliate if B attacks")? Its "if" clause conditions what
    was said, not the saying; "A will condemn B if B attacks" is still conditional."""
    entry = coder.trigger_of(verb)
    if not (verb.lemma_.lower() in coder.lexicon.speech_verbs or entry is not None and entry.speech):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux):
        return False
    return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.lemma_.lower() == "have" for c in aux)


def distance(coder: StatementCoder, token: Token) -> str:
    """An act the text keeps its distance from (`distance_words`): "A *reportedly* shelled B" (manual 8.7)."""
    words = coder.rules.distance_words
    for head in _governors(token, ("xcomp", "conj")):
        if any(c.dep_ == "advmod" and c.lower_ in words for c in head.children):
            return "hypothetical"
    return ""


def auxiliary(coder: StatementCoder, token: Token) -> str:
    """A modal auxiliary: "could strike", "may send" are hypothetical; "will hold talks" is future.

    "would" is future in reported speech ("said it would withdraw") and hypothetical elsewhere.
    """
    rules = coder.rules
    for head in _governors(token, ("xcomp", "conj")):
        for child in head.children:
            if child.dep_ not in ("aux", "auxpass"):
                continue
            word = child.lower_
            if word in rules.hypothetical_aux:
                return "hypothetical"
            if word in rules.future_aux:
                return "future"
            if word in rules.reported_future_aux:
                reported = head.dep_ in ("ccomp", "parataxis") and head.head.lemma_.lower() in coder.lexicon.speech_verbs
                return "future" if reported else "hypothetical"
    return ""


def governing_plan(coder: StatementCoder, token: Token) -> str:
    """A verb, adjective or noun that the act hangs on through "to": "plans to deploy" (future),
    "is likely to attack", "it was not *possible* to talk to B", "felt no *need* to negotiate"
    (hypothetical); the planning word itself is not a trigger.

    A verb the act is coordinated with shares the act's governor, but does not govern it: in
    "Chile wants peace and has sent troops", "sent" is told as done, and in "Chile plans to meet
    Peru and sign a deal", "sign" is planned as "meet" is (the parse hangs the second verb on the
    first by "conj": that verb is passed over, neither a plan word nor a trigger that ends the search).
    """
    rules = coder.rules
    chain = _governors(token, ("xcomp", "conj", "pcomp", "pobj", "prep", "acomp", "advcl", "acl"))
    for below, head in zip(chain, chain[1:]):
        if below.dep_ == "conj":
            continue  # "wants peace and has sent troops": the first conjunct governs nothing of the second
        if below.dep_ == "xcomp" and attempted_force(coder, token, head):
            return ""  # "had tried to storm the embassy": an attempt at force told as done is the act
        if below.dep_ == "xcomp" and head.lemma_.lower() in rules.committed_act_verbs:
            return "future"  # "agreed to lift the curfew": the agreement is coded, the lifting is still to come
        if coder.trigger_of(head) is not None:
            return ""  # "vowed to strike": the vow is coded; its content is told by the other rules
        lemmas = {head.lemma_.lower()}
        if head.lemma_.lower() == "be":  # "it was not possible to talk": the adjective of the copula
            lemmas |= {c.lemma_.lower() for c in head.children if c.dep_ == "acomp"}
        if lemmas & rules.future_verbs:
            return "future"
        if lemmas & rules.hypothetical_verbs:
            return "hypothetical"
    return ""


def caused_not_yet(coder: StatementCoder, token: Token) -> str:
    """The act that a verb of causing or of urging aims at, when the text does not tell it done.

    After a verb of causing (`causative_verbs`: get, make, persuade, force, ...) the act follows
    only once the causing is told as done: "persuaded Chile to withdraw" keeps the withdrawal,
    while "the aim is *getting* Peru to negotiate" and "efforts to *persuade* Chile to withdraw"
    make it hypothetical. A verb of urging (`effort_verbs`: push, encourage, pressure, ...)
    never tells the act done: "Brazil *pushed* Peru to negotiate" is hypothetical.
    """
    rules = coder.rules
    for head in _governors(token, ("conj",)):
        cause = head.head
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)
        if cause.i == head.i or not (head.dep_ in ("ccomp", "xcomp") or head.dep_ == "advcl" and infinitive):
            continue  # the parser hangs "pushed Peru *to negotiate*" on the verb as advcl, too
        causee = any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children) or any(c.dep_ == "dobj" for c in cause.children)
        if not causee or any(c.dep_ == "prt" for c in cause.children):
            continue  # "is making up for lost time in the fight": no one is made to act
        lemma = cause.lemma_.lower()
        if lemma in rules.effort_verbs:
            return "hypothetical"
        if lemma not in rules.causative_verbs:
            continue
        aux = [c for c in cause.children if c.dep_ in ("aux", "auxpass")]
        done = cause.tag_ == "VBD" and not aux or cause.tag_ == "VBN" and any(c.lemma_.lower() == "have" for c in aux)
        return "" if done else "hypothetical"
    return ""


def intended_by_a_noun(coder: StatementCoder, token: Token) -> str:
    """An infinitive that says what a noun of intention or of licence is about: "Peru announced a
    *decision* to expel the envoy", "a *plan* to withdraw" (`intent_nouns`: future); "the *right*
    to attack", "an *alert* to the army to evacuate" (`purpose_nouns`: hypothetical). The noun
    names a plan, a licence or a call; the text does not tell the act as done. An attempt is the
    act, as PLOVER codes it ("an attempt to seize the town"), and after other nouns the act may
    have been done ("the long journey to join the rebels"): both keep their modality. A noun that
    is a trigger of its own ("a vow to retaliate") is coded, its content left to the other rules.
    The act may hang on the infinitive through "to" or a gerund ("a decision to begin *withdrawing*")."""
    clause = next((h for h in _governors(token, ("xcomp",)) if h.dep_ == "acl"), token)
    if clause.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return ""
    noun = clause.head
    if noun.i == clause.i or noun.pos_ not in ("NOUN", "PROPN") or coder.trigger_of(noun) is not None:
        return ""
    lemma = noun.lemma_.lower()
    if lemma in coder.rules.intent_nouns:
        return "future"
    return "hypothetical" if lemma in coder.rules.purpose_nouns else ""


def under_denial(coder: StatementCoder, token: Token) -> str:
    """Inside what a negated report verb reports: "did not confirm reports that the two had agreed"."""
    return "hypothetical" if coder._under_denial(token) else ""


def denial(coder: StatementCoder, token: Token) -> str:
    """What a verb of denial (`denial_verbs`) says did not happen: "Peru denied *shelling* Bolivia",
    "Peru denied that its troops had *shelled* Bolivia" -> negated (the text does not assert the act);
    an act coordinated with the denial ("denied the report and shelled B") is not under it."""
    words = coder.rules.denial_verbs
    for head in _governors(token, ("xcomp", "ccomp", "pcomp", "pobj", "prep"))[1:4]:
        if head.lemma_.lower() in words:
            return "negated"
    return ""


def terms_of_a_plan(coder: StatementCoder, token: Token) -> str:
    """An act in a relative clause that gives the terms of a deal or plan (`term_nouns`), opened by
    "in which", "under which" or "whereby": "a plan *under which* Chile withdraws from Peru",
    "the outlines of a deal, *in which* Peru backs ..." -> hypothetical. The clause says what the
    deal would have its parties do, not what they did; "the deal, which Chile signed" (the deal is
    the clause's object) is an act on the deal and keeps its modality."""
    rules = coder.rules
    for head in _governors(token, ("conj", "xcomp")):
        if head.dep_ != "relcl" or head.head.i == head.i:
            continue
        opened = any(c.lower_ == "whereby" for c in head.children) or any(
            c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ in ("which", "whom") for g in c.children) for c in head.children)
        antecedent = head.head
        nouns = {antecedent.lemma_.lower()} | {g.lemma_.lower() for c in antecedent.children if c.dep_ == "prep" and c.lower_ == "of"
                                               for g in c.children if g.dep_ == "pobj"}  # "the outlines *of a deal*"
        if opened and nouns & rules.term_nouns:
            return "hypothetical"
    return ""


def content_of_a_claim(coder: StatementCoder, token: Token) -> str:
    """An act told as the content of a claim, allegation or rumour (`claim_nouns`): "Chile disputed
    the Peruvian *claim* that Bolivia had backed Peru", "*allegations* that Peru shelled Chile" ->
    hypothetical. The noun marks what follows as someone's assertion, which the text does not make
    its own (manual 8.7); "Chile said Bolivia had backed Peru" is a report of a speaker and stays
    asserted."""
    for head in _governors(token, ("conj", "xcomp", "ccomp"))[:4]:
        noun = head.head
        if head.dep_ in ("acl", "ccomp", "relcl") and noun.i != head.i and noun.pos_ == "NOUN" \
                and noun.lemma_.lower() in coder.rules.claim_nouns and any(c.lower_ == "that" and c.dep_ == "mark" for c in head.children):
            return "hypothetical"
    return ""


def unrealised_noun_act(coder: StatementCoder, token: Token) -> str:
    """A noun act the text names as not (yet) done: one modified by a word of possibility or
    suspicion (`hypothetical_modifiers`: "a *possible* Peruvian strike on Chile", "the *alleged*
    raid") or of plan (`future_modifiers`: "the *planned* talks with B"), or the object of a verb
    that only fears, expects or plans it (`anticipation_verbs` -> hypothetical, `future_verbs` ->
    future: "Chile *feared* a Peruvian invasion", "Peru *is preparing* an offensive"). A noun has
    no tense or auxiliary of its own; these are the words that give it its mood. The verb's own
    modality does not pass on ("Chile condemned the invasion" is asserted)."""
    rules = coder.rules
    if token.pos_ not in ("NOUN", "PROPN"):
        return ""
    words = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound", "nmod")}
    words |= {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod")}
    if words & rules.hypothetical_modifiers:
        return "hypothetical"
    if words & rules.future_modifiers:
        return "future"
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head  # "prepared *for* an offensive", "warned *of* an attack"
    elif token.dep_ not in ("dobj", "obj"):
        return ""
    if verb.i == token.i or verb.pos_ not in ("VERB", "AUX") or coder.trigger_of(verb) is not None:
        return ""
    lemma = verb.lemma_.lower()
    if lemma in rules.anticipation_verbs:
        return "hypothetical"
    return "future" if lemma in rules.future_verbs else ""


MODALITY_RULES: list[tuple[str, Callable[..., str]]] = [
    (f.__name__, f) for f in (negation, under_denial, denial, condition, distance, auxiliary, governing_plan, caused_not_yet,
                              intended_by_a_noun, terms_of_a_plan, content_of_a_claim, unrealised_noun_act, topic_of_discussion,
                              announced_noun_act)
]


def modality_of(coder: StatementCoder, token: Token) -> tuple[str, str]:
    """The trigger's modality and the name of the rule that gave it ("asserted", "" when none fired).

    coder (StatementCoder): the coder (its lexicon and rules).
    token (Token): the trigger.
    RETURNS (tuple[str, str]): (modality, rule name).
    """
    for name, rule in MODALITY_RULES:
        found = rule(coder, token)
        if found:
            return found, name
    return "asserted", ""


# ---- confidence --------------------------------------------------------------------------------

# A joint act of this many parties or fewer can be high: two sides, each the other's partner.
JOINT_PARTIES_HIGH = 2


def confidence_of(rules: StanceRules, source_rule: str, target_rule: str, hows: list[str], has_target: bool, trigger_id: str = "",
                  told_by_another: bool = False, vias: list[str] = (), mention_rules: list[str] = (),
                  joint_parties: int = 0, modality: str = "asserted") -> str:
    """How sure a row is, from the rules that found its roles and how its parties were found.

    "Egypt condemned Ethiopia" (subject, object, both named there) is high; a source that is a
    pronoun for an actor of another sentence, or a pair told earlier, is low; the rest medium.
    A target in a prepositional phrase of the verb whose preposition has many roles ("agreed
    *with* B", "gave support *to* B", "pressed *for* B") is medium at most: `direct_targets`
    keeps only the prepositions of one role ("against", "toward", "between"), see
    stance_rules.yaml.
    rules (StanceRules): the confidence lists of stance_rules.yaml.
    source_rule (str): e.g. "source:subject".
    target_rule (str): e.g. "target:object", "" for a row toward an issue.
    hows (list[str]): Party.how of the source and target.
    has_target (bool): whether the row has a target actor (else an issue).
    trigger_id (str): the lexicon entry's id; an entry of an imported dictionary (`imported_prefixes`)
        makes a row medium at most, and so does a row toward an issue alone (both were right in
        fewer than half of their high rows on the seeds and dev-tune).
    told_by_another (bool): the act is a noun that another actor's verbal act takes as object
        ("Ghana condemned *Togo's invasion* of Benin"): the text tells it in that actor's words,
        so the row is medium at most.
    vias (list[str]): Party.via of the source and target: a name inside a prepositional phrase of
        the phrase that plays the role (`indirect_vias`: "rejected an accusation *by Peru*") is a
        guess at whom the act concerns, so the row is medium at most.
    mention_rules (list[str]): the entity rules of the mentions that name the source and target:
        an agent noun whose country the entity step took from the article, not from its sentence
        (`guessed_mentions`: "the military said", in an article that names Chile most), is a
        guess too, and makes the row low.
    joint_parties (int): how many parties a joint (symmetric) act names, 0 for an act of one
        side. A joint act of more than `JOINT_PARTIES_HIGH` parties ("A, B and C met", "A agreed
        with B, C and D") gives a row for every pair, though the text does not say who did what
        with whom (a summit's host, a mediator, the sides of a deal): each pair is a guess, and
        the rows are medium at most (Guardian audits, rows of today's coder: such rows had the
        right parties and stance in 3 of 12, from five sentences, against 25 of 38 rows of
        two-party joint acts; of those that were high, 0 of 3).
    modality (str): the row's modality. A row that says its act was not done ("negated",
        "hypothetical", "future") stacks a second reading on the first: the mood a modality rule
        read from a word outside the trigger (an auxiliary, a governing verb or noun, a
        condition, a claim). It is medium at most (audits: 4 of 8 such high rows judged right,
        against 36 of 53 asserted ones; the session before counted 2 of 7).
    RETURNS (str): "high", "medium" or "low".
    """
    src = source_rule.removeprefix("source:")
    tgt = target_rule.removeprefix("target:")
    if src in rules.remote_rules or tgt in rules.remote_rules or any(h in rules.remote_parties for h in hows):
        return "low"
    if any(g in r for r in mention_rules for g in rules.guessed_mentions):
        return "low"
    direct_target = tgt in rules.direct_targets or not has_target or (not tgt and src == "between")
    named = all(not h or h in ("actor", "demonym", "metonym", "institution", "person", "regime", NATIONAL) or h.startswith(("modifier:", "coordinated:")) for h in hows)
    imported = any(trigger_id.startswith(prefix) for prefix in rules.imported_prefixes)
    indirect = any(v in rules.indirect_vias for v in vias)
    high = (src in rules.direct_sources and direct_target and named and has_target and not imported and not told_by_another and not indirect
            and joint_parties <= JOINT_PARTIES_HIGH and modality in ("asserted", ""))
    return "high" if high else "medium"
