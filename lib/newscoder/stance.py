"""Actor-stance coding: who says or does what toward whom or toward which issue, from dependency parses.

`StatementCoder(nlp, lexicon)(doc, mentions)` codes one document in steps, each callable alone:

1. `screen_triggers`: lexicon words in each sentence (lemma, part of speech, required object or
   particle); the trigger filters of `stance_rules.TRIGGER_FILTERS` drop words that are no act
   of their own, each drop kept with the filter's name; the rest get a modality
   (`stance_rules.MODALITY_RULES`: asserted, negated, hypothetical, future).
2. `sources` / `targets`: the actors of the trigger's own clause. Sources by the ordered, named
   `stance_rules.SOURCE_RULES` (subject, passive agent, relative-clause antecedent, speaker, a noun
   act's possessor, "by" or "of"); targets from object, prepositional object or a noun act's
   argument (partners "alongside" / "together with" are never targets).
3. `issue_of`: an issue from the codebook whose phrase occurs in the trigger's clause.
4. `statements`: one row per (source, target), both directions for symmetric acts, each with a
   `confidence` from its rule path (`stance_rules.confidence_of`).

The rules are written out in codebook/README.md ("Statements"), in the order they run; each
row's `rule` names them. Word lists are in codebook/triggers.yaml and codebook/stance_rules.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import permutations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .entities import APPOSED_TITLE, Mention
from .lexicon import Lexicon, Trigger
from .stance_clauses import complex_preposition_target, list_after_appositive, one_name, maker_of_object_phrase, places_along_object, that_clause_subject
from .stance_backref import ToldAct, doers_of_act_named, remember_act
from .stance_partners import BACKER, backing_phrase
from .stance_owners import POSSESSIVE_OF, possessor_over_article_country, title_over_article_country, title_tied_before
from .stance_groups import group_named_before
from .stance_nationals import NATIONAL, private_national
from .stance_persons import person_subject_continued
from .stance_own_country import OWN_COUNTRY, own_country_target
from .stance_own_forces import own_forces_moved, place_left
from .stance_quotes import first_person_in_quote
from .stance_senses import sense_of_parties
from .stance_agreement import plural_for_single_name, relational_noun
from .stance_places import Geography, victims_country
from .stance_reasons import DUPLICATE, NAMED_BEFORE, NO_ACTOR, NO_GIVER, NO_SOURCE, NO_TARGET, NOUN_NO_TARGET, OUTER_ACT, OWN_TARGET
from .stance_rules import CONFIDENCE_LEVELS, SOURCE_RULES, STANCE_RULES, TRIGGER_FILTERS, Drop, StanceRules, antecedent, characterisation_trigger, characterised_in_small_clause, participle_targets, target_after_agent, undergoer_of_noun_act, characterised_subject, confidence_of, load_stance_rules, modality_of

ACTOR_KINDS = {"actor", "demonym", "metonym", "institution", "person", "regime", "agent"}
SUBJECT_DEPS = {"nsubj", "csubj"}
VICTIMS = ("victims_in_place", "victims_at_home")  # Party.how of a country whose unnamed people an act hits
OBJECT_DEPS = {"dobj", "obj", "dative", "iobj", "attr", "oprd"}
TARGET_PREPS = {"with", "to", "against", "toward", "towards", "on", "between", "upon", "at", "for", "from", "over"}
NP_PREPS = {"of", "from", "within", "in", "at", "by"}
MODIFIER_DEPS = {"poss", "amod", "compound", "nmod", "npadvmod", "appos"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
PRONOUNS_ACTOR = {"it", "its", "they", "them", "their", "we", "our"}
TIME_PREPS = {"following", "after", "before", "during", "since", "amid", "ahead"}
TERRITORY_WORDS = {"territory", "territories", "land", "lands", "soil", "airspace", "waters", "border", "borders", "village", "villages", "town", "towns", "city", "cities", "province", "provinces", "region"}
# Prepositions by which the object word of a light-verb entry ("voiced *concern*", "reiterated its
# *support*") names whom the act is toward: "support *for* X", "concern *over* X's tests"
LIGHT_OBJECT_PREPS = {"for", "over", "about", "toward", "towards"}
ABOUT_PREPS = {"for", "on", "over", "about", "against", "into", "toward", "towards"}  # what an act is about, not where or when
FORMER_WORDS = {"former", "retired", "ex", "ex-", "erstwhile"}
COMPEL_VERBS = {"force", "compel", "oblige", "obligate", "coerce", "pressure"}
CLAUSE_DEPS = {"acl", "relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "appos"}


@dataclass(frozen=True)
class Party:
    """An actor taking part in a statement, and how it was found."""

    actor: str
    person: str = ""
    how: str = ""
    start_char: int = -1  # where the mention that names it starts (-1: none, e.g. a pair from earlier)
    # where that mention sits in the phrase that plays the role: "" the phrase's head ("condemned *Peru*"),
    # "modifier" a demonym, possessor or compound of a head that names no actor ("condemned the
    # *Peruvian* raid"), "pp_<prep>" the object of a preposition inside it ("condemned the raid *on Peru*")
    via: str = ""
    sector: str = ""  # the sector the party plays in, when no mention names it (an own-country target)


@dataclass(frozen=True)
class Statement:
    doc_id: str
    sent_id: int
    start_char: int
    end_char: int
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int
    source_actor: str
    source_person: str
    target_actor: str
    target_person: str
    issue: str
    stance: int
    mode: str
    plover: str
    rule: str
    source_sector: str = ""
    target_sector: str = ""
    modality: str = "asserted"
    confidence: str = ""
    source_char: int = -1  # start of the mention playing the source (for its sector), -1 if none in the text
    target_char: int = -1  # ... the target


@dataclass(frozen=True)
class Candidate:
    """A trigger kept by the filters: the token, its lexicon entry, a note for `rule`, its modality."""

    token: Token
    entry: Trigger
    note: str
    modality: str


@dataclass
class Coding:
    """What coding one document gives: the statements, the triggers the filters dropped, and why
    each trigger they kept gave no row (token index -> a `stance_reasons` value)."""

    statements: list[Statement]
    drops: list[Drop]
    no_row: dict[int, str] = field(default_factory=dict)


class StatementCoder:
    """Code the statements of parsed documents with one trigger lexicon."""

    def __init__(self, nlp: Language, lexicon: Lexicon, rules: StanceRules | None = None, geography: Geography | None = None) -> None:
        """nlp (Language): the pipeline the documents were parsed with (for the phrase matchers).
        lexicon (Lexicon): the trigger lexicon and issues.
        rules (StanceRules | None): the word lists of stance_rules.yaml; None loads the project's.
        geography (Geography | None): where the codebook's places lie and its groups are at home,
            for acts on unnamed victims (`stance_places`); None codes no such act.
        """
        self.geography = geography
        self.lexicon = lexicon
        self.rules = rules if rules is not None else load_stance_rules()
        self.by_id = {trigger.id: trigger for trigger in lexicon.triggers}
        self.by_lemma: dict[tuple[str, str], list[Trigger]] = {}
        for trigger in lexicon.triggers:
            for lemma in trigger.lemmas:
                self.by_lemma.setdefault((lemma, trigger.pos), []).append(trigger)
        for entries in self.by_lemma.values():
            # Entries that need an object or particle are more specific: try them first.
            entries.sort(key=lambda t: (not (t.objects or t.particle),))
        self.issue_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.issue_lemmas = PhraseMatcher(nlp.vocab, attr="LEMMA")
        for issue in lexicon.issues:
            self.issue_matcher.add(issue.id, list(nlp.tokenizer.pipe(issue.phrases)))
            self.issue_lemmas.add(issue.id, list(nlp.pipe(issue.phrases)))
        self.discard = PhraseMatcher(nlp.vocab, attr="LOWER")
        if lexicon.discard_words:
            self.discard.add("discard", list(nlp.tokenizer.pipe(sorted(lexicon.discard_words))))

    # ---- step 1: triggers ------------------------------------------------------------------
    def trigger_of(self, token: Token) -> Trigger | None:
        """The lexicon entry a token triggers, if any."""
        pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ in ("VERB", "AUX") else ""
        if not pos:
            return None
        for entry in self.by_lemma.get((token.lemma_.lower(), pos), []) + self.by_lemma.get((token.lower_, pos), []):
            if self._matches(token, entry):
                return entry
        return None

    def _matches(self, token: Token, entry: Trigger) -> bool:
        """Does the token have the entry's lemma, part of speech, object and particle?"""
        pos = "NOUN" if token.pos_ in ("NOUN", "PROPN") else "VERB" if token.pos_ in ("VERB", "AUX") else ""
        if pos != entry.pos or not {token.lemma_.lower(), token.lower_} & entry.lemmas:
            return False
        if entry.objects and not _has_object(token, entry.objects, self.rules.quantity_nouns, self.rules.object_particles,
                                                  self.rules.circumstance_preps):
            return False
        # a particle right after the verb counts whatever the parser calls it ("pulled *back* from B": advmod)
        return not entry.particle or any((c.dep_ in ("prt", "prep") or c.dep_ == "advmod" and c.i == token.i + 1)
                                         and c.lower_ in entry.particle for c in token.children)

    def screen_triggers(self, sent: Span) -> tuple[list[Candidate], list[Drop]]:
        """The triggers of a sentence, each with its modality, and the ones the filters dropped.

        Filters (`stance_rules.TRIGGER_FILTERS`, in order) drop words that are no act of their own
        ("urged A to *halt*"); every other trigger is kept with a modality (`MODALITY_RULES`):
        negated, hypothetical and future acts are coded, marked as such, not left out.
        sent (Span): the sentence.
        RETURNS (tuple[list[Candidate], list[Drop]]): the kept triggers and the dropped ones.
        """
        found: list[Candidate] = []
        drops: list[Drop] = []
        sport = {i for _, start, end in self.discard(sent) for i in range(start, end)}
        for token in sent:
            entry = self.trigger_of(token) or characterisation_trigger(self, token)
            if entry is None:
                continue
            stance_rules = []
            for _, rule in STANCE_RULES:  # "urged A to honour the truce": the asked act decides the stance
                entry, fired = rule(self, token, entry)
                stance_rules += [fired] if fired else []
            stance_rule = "+".join(stance_rules)
            dropped_by = next((name for name, rule in TRIGGER_FILTERS if rule(self, token, entry, sport)), "")
            if dropped_by:
                drops.append(Drop(sent.start, token.i, token.text, entry.id, dropped_by))
                continue
            modality, why = modality_of(self, token)
            note = f"+modality:{why}" if why else ""
            note += f"+stance:{stance_rule}" if stance_rule else ""
            found.append(Candidate(token, entry, note, modality))
            # "backed A's case against B": supports A and accuses B, one entry each
            found += [Candidate(token, self.by_id[other], note, modality) for other in entry.also if self._matches(token, self.by_id[other])]
        return found, drops

    def find_triggers(self, sent: Span) -> list[tuple[Token, Trigger, str]]:
        """The triggers `screen_triggers` keeps, as (token, entry, rule note), whatever their modality."""
        return [(c.token, c.entry, c.note) for c in self.screen_triggers(sent)[0]]

    def _names_an_act(self, token: Token) -> bool:
        """Is this trigger a noun phrase that only names an act ("the meetings between A and B"),
        rather than telling it with a verb ("talks began", "talks were underway")?"""
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        told = token.dep_ in ("nsubj", "nsubjpass") and self._reports_event(token.head)
        return not (told or any(c.dep_ == "acl" and self._reports_event(c) for c in token.children))

    @staticmethod
    def _past(verb: Token) -> bool:
        """Is this verb in the simple past, without a modal ("were positive", "focused on")?"""
        return verb.tag_ == "VBD" and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)

    def _reports_event(self, verb: Token) -> bool:
        """Does this verb say that the act its subject names happened ("talks began", "talks were underway")?"""
        events = self.lexicon.event_verbs
        return verb.lemma_.lower() in events or any(c.dep_ in ("advmod", "acomp", "prep") and c.lower_ in events for c in verb.children)

    def _modal(self, token: Token) -> str:
        """A modal or plan word governing the trigger ("could strike", "will be forced to withdraw", "plans to deploy")."""
        words = self.lexicon.modal_words | self.lexicon.intent_words
        for child in token.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in words:
                return child.lower_
        head = token
        while head.dep_ == "xcomp" and head.head.i != head.i:
            head = head.head
            if head.lemma_.lower() in words:
                return head.lemma_.lower()
            for child in head.children:
                if child.dep_ in ("aux", "auxpass") and child.lower_ in words:
                    return child.lower_
        return ""

    def _purpose_of_act(self, token: Token) -> bool:
        """An infinitive hanging off another trigger is that act's purpose or content ("agreed to establish")."""
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if not infinitive:
            return False
        if token.dep_ in ("advcl", "acl", "xcomp", "relcl") and self.trigger_of(token.head) is not None:
            return True
        # "convened ..., aiming to establish a mechanism": an aim given as a participle of the act
        aim = token.head
        return (token.dep_ == "xcomp" and aim.lemma_.lower() in self.lexicon.intent_words and aim.tag_ == "VBG"
                and aim.dep_ in ("advcl", "acl") and self.trigger_of(aim.head) is not None)

    def _object_word_of_outer_trigger(self, token: Token) -> bool:
        """Is the token the object word that makes a governing verb a trigger ("offered to help *mediate*")?"""
        head = token
        for _ in range(2):
            if head.head.i == head.i or head.dep_ not in ("xcomp", "dobj", "ccomp"):
                return False
            head = head.head
            outer = self.trigger_of(head)
            if outer is not None and outer.objects and {token.lemma_.lower(), token.lower_} & outer.objects:
                return True
        return False

    def _compelled_later(self, token: Token) -> bool:
        """Is this the act a passive "will be forced / compelled to" predicts ("X will be forced to withdraw")?"""
        head = token.head
        if token.dep_ != "xcomp" or head.lemma_.lower() not in COMPEL_VERBS:
            return False
        aux = [c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")]
        return any(c.dep_ == "auxpass" for c in head.children) and any(a in self.lexicon.modal_words | self.lexicon.intent_words for a in aux)

    def _under_denial(self, token: Token) -> bool:
        """Inside what a negated report verb reports: "did not confirm reports that the two had agreed"."""
        head = token
        for _ in range(6):
            if head.head.i == head.i:
                return False
            head = head.head
            if any(c.dep_ == "neg" for c in head.children) and head.lemma_.lower() in self.lexicon.speech_verbs:
                return True
        return False

    def _inside_request(self, token: Token) -> bool:
        head = token
        for _ in range(3):
            if head.dep_ not in ("xcomp", "ccomp") or head.head.i == head.i:
                return False
            head = head.head
            entry = self.trigger_of(head)
            if entry is not None and entry.plover in self.rules.content_categories and entry.speech:
                return True
        return False

    # ---- step 2: who ---------------------------------------------------------------------------
    def parties(self, token: Token, ctx: "_Context", depth: int = 0) -> list[Party]:
        """The actors a noun phrase refers to: the phrase itself, its conjuncts, modifiers, 'of' phrases."""
        heads = [token]
        if depth == 0:
            heads += [t for t in token.conjuncts if t.i > token.i]
            # "Israel, Turkey hold talks": a name in apposition; "China, North Korea's ally" describes China
            heads += [c for c in token.children if c.dep_ == "appos" and c.i in ctx.mention_at]
            heads += list_after_appositive(token, ctx)  # "A, the B, C and D welcomed": C and D too
        named = self._naming_appositive(token, ctx) if depth == 0 else []
        if named:  # "its Syrian militia allies, the SDF": the name says who, not the description
            # "its neighbours, Uganda and Tanzania": every conjunct of the name
            names = [named[0], *named[0].conjuncts]
            heads = [*names, *(h for h in heads[1:] if h.i not in {t.i for t in names})]
        found: list[Party] = []
        for head in heads:
            found += self._party_of_head(head, ctx, depth)
        return _unique(found)

    def _naming_appositive(self, noun: Token, ctx: "_Context") -> list[Token]:
        """The appositive that names whom a described noun stands for ("its Syrian allies, *the SDF*").

        In "worked with its Malian partners, the Tuareg rebels", the appositive identifies the
        partners; a demonym or possessor inside the description says where they are from or whose
        allies they are, and is no party of its own. A noun that is itself a name ("China, North
        Korea's main ally") keeps its own actor. RETURNS (list[Token]): the appositive, or [].
        """
        if noun.i in ctx.mention_at or noun.pos_ != "NOUN":
            return []
        return [c for c in noun.children if c.dep_ == "appos" and self._party_of_head(c, ctx, 1)][:1]

    def _party_of_head(self, head: Token, ctx: "_Context", depth: int) -> list[Party]:
        m = ctx.mention_at.get(head.i)
        if (m is None or m.kind != "person") and any(c.lower_ in FORMER_WORDS for c in head.children if c.dep_ in ("amod", "advmod")):
            return []  # "former Israeli officials" speak for no state (a named person's roles are dated instead)
        if m is not None and m.actor_id and m.kind in ACTOR_KINDS:
            owned = possessor_over_article_country(self, head, m, ctx, depth)
            if owned is not None:  # "accused B, saying *its* government ...": B's, not the article's country
                return owned  # each keeps how its pronoun was resolved (a pronoun across sentences is low)
            tied = title_over_article_country(self, head, m, ctx)
            if tied is not None:  # "Peru's foreign minister ... the foreign minister said", in an article about Chile
                return [tied]
            kind = NATIONAL if private_national(head, m, self.rules) else m.kind  # "300 Britons", "a Briton"
            if m.kind == "person" and APPOSED_TITLE in m.rule:
                kind = "apposed_person"  # "Chile's envoy, Ana Ruiz, ...": her actor is read from the apposition (medium)
            # a name that stands for several actors (Mention.members: "the Shire" [FRO/BIL/SAM]) is each of them
            members = m.members.split("/") if m.members else []
            also = [Party(a, "", kind, m.start_char) for a in members[1:]] if members[:1] == [m.actor_id] else []
            return [Party(m.actor_id, m.person, kind, m.start_char), *also] + self._coordinated_modifiers(head, ctx)
        quoted = first_person_in_quote(self, head, ctx) if m is None else None
        if quoted is not None:  # "“We are no threat to A,” said B's minister": B
            return quoted
        grouped = group_named_before(self, head, m, ctx)
        if grouped:  # "The RLA shelled the town. ... The rebels said": the RLA
            return grouped
        lower = head.lower_
        # A possessive may refer to the subject ("al-Sharaa said his government ..."), and so may the
        # subject of a clause inside the sentence ("Ghana said *it* would meet Togo"); "him" may not
        # ("Katz met Hasanov, thanking him").
        inner_subject = head.dep_ in SUBJECT_DEPS | {"nsubjpass"} and head.head.dep_ in ("ccomp", "advcl", "conj", "xcomp", "parataxis")
        # "Putin travelled to Cairo, where *he* met Sisi": the subject of an adverbial relative clause
        # may be the main subject too (an object relative, "whom *he* called", is handled below)
        inner_subject = inner_subject or (head.dep_ in SUBJECT_DEPS and head.head.dep_ == "relcl" and lower in PRONOUNS_PERSON
                                          and not _subject_of_object_relative(head)
                                          and not any(c.lower_ in ("who", "which", "that") for c in head.head.children if c.dep_ in SUBJECT_DEPS))
        possessive = head.dep_ == "poss" or inner_subject
        if inner_subject and head.head.dep_ in ("ccomp", "advcl") and lower in PRONOUNS_PERSON | PRONOUNS_ACTOR and depth == 0:
            # "B, which X says is backed by Y, warned that *it* would ...", "A has not condemned C since *it*
            # backed ...": the subject of the clause this one hangs on, before any actor named in between
            governing = head.head.head
            outer = next((c for c in governing.children if c.dep_ in SUBJECT_DEPS and c.i != head.i), None)
            while outer is None and governing.dep_ == "conj" and governing.head.i != governing.i:
                # "A condemned B's test, and said *it* had ...": the subject the coordinated verbs share
                governing = governing.head
                outer = next((c for c in governing.children if c.dep_ in SUBJECT_DEPS), None)
            if outer is not None and plural_for_single_name(self.rules, head, outer):
                return []  # "Peru said that *they* had attacked B": not Peru
            if outer is not None and outer.lower_ not in PRONOUNS_PERSON | PRONOUNS_ACTOR:
                # the outer subject is the antecedent even when it names no actor ("the envoy said he was
                # asking A ..." is no act of the last actor named before)
                return [replace(p, how="pronoun_same_sentence") for p in self.parties(outer, ctx, 1)]
        same = _subject_pronoun_owning(head)
        if same is not None:
            return self._party_of_head(same, ctx, 0)  # "it had raised *its* readiness": "its" is "it"
        if lower in PRONOUNS_PERSON and depth == 0 and _subject_of_object_relative(head):
            # "Trump praised Erdogan, whom *he* called a friend": the main subject, not the antecedent
            found = self._main_subject_not_antecedent(head, ctx)
            if found:
                return found
        if lower in PRONOUNS_PERSON:
            earlier = ctx.earlier_in_sentence(head, persons_only=True, include_subjects=possessive)
            if earlier is not None:
                return [replace(earlier, how="pronoun_same_sentence")]
            continued = person_subject_continued(head, ctx) if depth == 0 else None
            if continued:  # "A met B's envoy C. *He* accused ...": A, the subject, not C
                return continued
            if ctx.last_person and not _unresolved_person_since(head, ctx):
                return [replace(ctx.last_person, how="pronoun")]
        if lower in PRONOUNS_ACTOR and depth == 0 and _subject_of_object_relative(head):
            # "Turkey criticised the PKK, which *it* regards as ...": not the antecedent, the main subject
            return self._main_subject_not_antecedent(head, ctx)
        if lower in PRONOUNS_ACTOR:
            earlier = ctx.earlier_in_sentence(head, include_subjects=possessive)
            if earlier is not None:
                return [replace(earlier, how="pronoun_same_sentence")]
            if ctx.last_actor:
                return [replace(ctx.last_actor, how="pronoun")]
        found = []
        modifiers = [c for c in head.children if c.dep_ in MODIFIER_DEPS and not (c.dep_ == "poss" and relational_noun(self.rules, head))]
        modifiers += [cc for c in modifiers for cc in c.conjuncts]  # "Israeli and Turkish officials"
        # "Turkish-Israeli talks": the parser hangs the first demonym on the second, across the hyphen
        # ("US-British strikes", the first hung as an adverbial); not "US-backed rebels", whose first word
        # names the backer of the people, not one of them
        modifiers += [g for c in modifiers if c.i in ctx.mention_at and any(p.tag_ == "HYPH" for p in c.children)
                      for g in c.children if g.dep_ in ("amod", "compound", "npadvmod", "nmod") and g.i < c.i]
        for child in modifiers:
            if child.i in ctx.mention_at:
                cm = ctx.mention_at[child.i]
                if _names_no_member(cm, child.doc, self.rules):
                    continue  # "*anti-*Assad forces", "*pro-*Russian separatists"
                if cm.actor_id and cm.kind in ACTOR_KINDS:
                    # "two French volunteers", "Russian nationals": private persons' nationality
                    how = NATIONAL if private_national(child, cm, self.rules) else f"modifier:{cm.kind}"
                    found.append(Party(cm.actor_id, cm.person, how, cm.start_char, via="modifier"))
        if not found and any(c.lower_ in ("the", "this", "that") for c in head.children if c.dep_ == "det"):
            # "the army delegation", "the police commanders": the body named before with its owner
            # ("Sudan's army ... the army delegation" -> Sudan), a back-reference (confidence low)
            for body in (c for c in modifiers if c.dep_ == "compound" and c.lemma_.lower() in self.rules.owned_body_nouns):
                owner = _owner_named_before(body, ctx)
                found += [replace(owner, how="anaphor")] if owner is not None else []
        if not found:
            # "his country's role": the possessive pronoun, only when nothing closer names the actor
            for child in modifiers:
                if child.dep_ == "poss" and child.lower_ in PRONOUNS_ACTOR | {"his", "her"}:
                    found += self._party_of_head(child, ctx, depth + 1)
        if found:
            return found
        if depth < 2:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in NP_PREPS:
                    for pobj in (c for c in child.children if c.dep_ == "pobj"):
                        # "the ambassadors of A, B and C": every conjunct of the prepositional object
                        for part in [pobj, *pobj.conjuncts]:
                            inner = self.parties(part, ctx, depth + 1) or self._country_named_as_place(part, child, ctx)
                            found += [replace(p, via=f"pp_{child.lower_}") for p in inner]
        if found:
            return _unique(found)
        counted = any(c.lower_ in ("both", "each", "two") for c in head.children)
        pair = head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in self.rules.pair_words or counted and head.lemma_.lower() in self.rules.counted_pair_words
        pair = pair and _determined(head)  # "urged countries with influence to ...": a bare plural refers back to no pair
        if pair and len(ctx.counts) >= 2:
            # "both sides", "the two countries": the pair the sentence has told acting, else the two actors
            # the article has named most so far
            return [replace(p, how="pair_anaphor") for p in ctx.pair_of(head) or ctx.pair_named_most()]
        group = head.lemma_.lower() in self.rules.group_anaphors and head.dep_ in SUBJECT_DEPS | {"nsubjpass"}  # "the group said"
        if (head.lemma_.lower() in self.lexicon.anaphors or group) and any(c.lower_ in ("the", "this", "that") for c in head.children):
            owner = _owner_named_before(head, ctx) if head.lemma_.lower() in self.rules.owned_body_nouns else None
            if owner is not None:  # "Sudan's army ... the army": the actor named with the same noun before
                return [replace(owner, how="anaphor")]
            tied = title_tied_before(head, ctx)
            if tied is not None:  # "Peru's foreign minister ... the foreign minister said": Peru
                return [tied]
            if head.lemma_.lower() in self.rules.place_anaphors and head.tag_ == "NN":
                # "the Chilean government vowed to retake the whole country": the state named earlier in
                # the sentence, before the article's last acting actor
                earlier = ctx.earlier_in_sentence(head, include_subjects=True)
                if earlier is not None:
                    return [replace(earlier, how="anaphor")]
            if ctx.last_actor:
                return [replace(ctx.last_actor, how="anaphor")]
        return []

    def _coordinated_modifiers(self, head: Token, ctx: "_Context") -> list[Party]:
        """Actors coordinated with a named actor that the parser hung on it as a modifier.

        "Fornost and the evil Gondor welcomed": the parse makes "Fornost" (with its "and") a modifier of
        "Gondor"; a modifier that carries a coordinating conjunction or conjuncts is a list member, and
        so is one joined to it by a hyphen ("the *US*-British strikes").
        """
        found: list[Party] = []
        for child in head.children:
            if child.dep_ not in ("nmod", "compound", "npadvmod") or child.i > head.i:
                continue
            members = [child, *child.conjuncts]
            hyphen = any(p.tag_ == "HYPH" and child.i < p.i < head.i for p in head.children)  # "US-British strikes"
            if not any(c.dep_ == "cc" for t in members for c in t.children) and len(members) < 2 and not hyphen:
                continue
            for member in members:
                mm = ctx.mention_at.get(member.i)
                if mm is not None and mm.actor_id and mm.kind in ACTOR_KINDS:
                    found.append(Party(mm.actor_id, mm.person, f"coordinated:{mm.kind}", mm.start_char))
        return found

    def _country_named_as_place(self, token: Token, prep: Token, ctx: "_Context") -> list[Party]:
        """'Lawmakers in Fornost', 'soldiers from Gondor': a country named as a place inside a noun
        phrase gives the actor of the group the phrase's head names."""
        group = prep.head
        if prep.lower_ not in ("in", "from") or not (group.tag_ == "NNS" or group.lemma_.lower() in self.lexicon.anaphors):
            return []  # people named by a plural or an office ("officials", "the army"), not "a forum in X"
        m = ctx.mention_at.get(token.i)
        if m is None or m.kind != "place" or not m.actor_id:
            return []
        return [Party(m.actor_id, "", "place_of_group", m.start_char)]

    def sources(self, token: Token, entry: Trigger, ctx: "_Context") -> tuple[list[Party], str]:
        """Who acts or speaks, and the rule that found them: the first of `SOURCE_RULES` that applies.

        A rule that applies and finds no actor ends the search: no source, no statement.
        RETURNS (tuple[list[Party], str]): the sources and "source:<rule name>" ("" when none).
        """
        for name, rule in SOURCE_RULES:
            found = rule(self, token, entry, ctx)
            if found is not None:
                found = [p for p in found if p.how != NATIONAL]  # private persons act for no state (rule private_national)
                return (found, f"source:{name}") if found else ([], "")
        return [], ""

    @staticmethod
    def _object_before(subj: Token, party: Party, ctx: "_Context") -> bool:
        """Is this actor, named before a subject, the object of a verb there ("criticized *B*, and C ...")?"""
        for j in range(subj.i - 1, subj.sent.start - 1, -1):
            m = ctx.mention_at.get(j)
            if m is not None and m.actor_id == party.actor:
                return subj.doc[j].dep_ in ("dobj", "pobj", "dative", "attr") or subj.doc[j].head.dep_ in ("dobj", "pobj", "dative")
        return False

    def _actors_left_of(self, verb: Token, ctx: "_Context", start: int | None = None) -> list[Party]:
        """When the parse gives a verb no subject, the actors named just before it ("..., Turkey and Israel have launched")."""
        i = start if start is not None else min([verb.i] + [c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < verb.i])
        found: list[Party] = []
        # "Azerbaijan, which maintains ties with Ankara, has stepped in": skip the relative clause.
        relative = {t.i for r in verb.sent if r.dep_ == "relcl" and r.i < verb.i for t in r.subtree}
        j = i - 1
        # a sentence the splitter began at "and" ("“Tel Aviv” | and Ankara are said to ..."): the list goes on
        # in the sentence before
        floor = verb.sent.start
        if verb.sent[0].lower_ == "and" and floor > 0:
            floor = verb.doc[floor - 1].sent.start
        while j >= floor:
            token = verb.doc[j]
            if j in relative:
                j -= 1
                continue
            m = ctx.mention_at.get(j)
            if m is not None and m.actor_id and m.kind in ACTOR_KINDS:
                found.append(Party(m.actor_id, m.person, m.kind, m.start_char))
                j = m.start - 1
            elif token.lower_ in ("and", ",", "both", "also", "“", "”", '"'):
                j -= 1
            else:
                break
        return _unique(list(reversed(found)))

    def _subject(self, token: Token) -> Token | None:
        """The token's own subject, or the one it shares with the verb it is coordinated with."""
        current = token
        for _ in range(4):
            subj = next((c for c in current.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"}), None)
            if subj is not None:
                return subj
            if current.dep_ in ("conj", "xcomp", "advcl", "acomp", "attr") and current.head.i != current.i:
                current = current.head  # also "is about to restore": through the adjective to "is"
            elif current.dep_ == "pcomp" and current.head.head.i != current.head.i:
                # "Turkiye was most vocal in demanding ...", "reaffirmed its role in promoting ...":
                # up to the verb the phrase hangs on
                current = current.head.head
                while current.pos_ not in ("VERB", "AUX") and current.dep_ in ("dobj", "pobj", "prep") and current.head.i != current.i:
                    current = current.head
            elif current.dep_ == "relcl":
                return next((c for c in current.children if c.lower_ in ("who", "which", "that")), None)
            elif current.dep_ == "acl" and current.tag_ == "VBG" and current.head.dep_ in ("dobj", "pobj"):
                # "launched a campaign targeting X": the campaign's launcher acts
                current = current.head.head if current.head.dep_ == "dobj" else current.head.head.head
            else:
                return None
        return None

    def _setting_subject(self, token: Token) -> Token | None:
        """The subject of the clause a noun act is the setting of: "*He* raised the issue in a
        meeting with B", "*A* spoke during talks with B" (`setting_preps` in stance_rules.yaml)."""
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in self.rules.setting_preps or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        return next((c for c in prep.head.children if c.dep_ in SUBJECT_DEPS), None)

    def _speaker(self, token: Token, ctx: "_Context") -> list[Party]:
        """The speaker of the reported speech a trigger sits in ('X said that ...', 'according to X')."""
        current = token
        for _ in range(4):
            for child in current.children:
                if child.dep_ == "prep" and child.lower_ == "according":
                    for to in child.children:
                        for pobj in (c for c in to.children if c.dep_ == "pobj"):
                            found = self.parties(pobj, ctx)
                            if found:
                                return found
            if current.head.i == current.i:
                break
            parent = current.head
            if current.dep_ in ("ccomp", "parataxis") or parent.lemma_.lower() in self.lexicon.speech_verbs:
                subj = next((c for c in parent.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None and parent.lemma_.lower() in self.lexicon.speech_verbs | {t for e in self.lexicon.triggers if e.speech for t in e.lemmas}:
                    found = self.parties(subj, ctx)
                    if found:
                        return found
            current = parent
        return []

    def targets(self, token: Token, entry: Trigger, sources: list[Party], ctx: "_Context") -> tuple[list[Party], str]:
        """Who is acted upon or addressed."""
        found: list[Party] = []
        how = ""
        if _reciprocal_object(token):
            return [], "target:reciprocal"  # "A and B accused each other": each source is the other's target
        if entry.stance < 0:
            # "backed the case against Israel", "sought backing against Turkey": the one it is against.
            own = _own_clause(token)
            against = [t for t in own if t.lower_ == "against" and t.dep_ == "prep" and t.i > token.i]
            found = [p for a in against[:1] for g in a.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
            if found:
                foreign = [p for p in _unique(found) if p.actor not in {q.actor for q in sources}]
                domestic = [p for p in found if self._domestic(sources, p, ctx)]
                return (foreign, "target:against") if foreign or not domestic else (_unique(domestic), "target:domestic")
        # "A demanded that B withdraw, and C froze ...": a noun after the verb's own "and" begins a
        # clause coordinated with it (the parser may hang C on the verb as its object)
        cut = min([c.i for c in token.children if c.dep_ == "cc" and c.i > token.i], default=len(token.doc))
        for child in token.children:
            if child.dep_ in OBJECT_DEPS and child.i > cut:
                continue
            if child.dep_ in OBJECT_DEPS or child.dep_ == "nsubjpass":
                named = self.parties(child, ctx)
                if child.dep_ == "dative" and child.pos_ == "ADP":
                    # "provided weapons to X": the parser hangs the recipient's "to" as a dative
                    named = [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
                    how = how or ("target:prep_to" if named else "")
                if not named and child.lower_ in ("which", "that", "whom", "who") and token.dep_ == "relcl" and child.dep_ in OBJECT_DEPS:
                    named = self.parties(token.head, ctx)  # "the PKK, which Turkey regards as ...": the antecedent
                found += named
                how = how or ("target:object" if named else "")
            elif child.dep_ == "prep" and (child.lower_ in TARGET_PREPS or child.lower_ in entry.particle) and not self._partner_prep(child):
                # an entry's own preposition introduces its object: "approved *of* Peru's policy"
                if any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children):
                    continue  # "demanded *on Feb. 12* that ...": a time, whatever the parser hangs on it
                if child.lower_ in ("against", "at") and entry.stance > 0:
                    # "sought backing against X": X is the adversary, not the one asked or helped;
                    # "thanked X at the United Nations": a venue
                    continue
                if child.lower_ == "for" and entry.plover in self.rules.allegation_categories and any(c.dep_ in OBJECT_DEPS for c in token.children):
                    continue  # "blamed A for the shelling of B": what A is blamed for, not a second target
                if any(g.dep_ == "pobj" and g.lemma_.lower() in self.rules.discourse_nouns for g in child.children):
                    continue  # "*For its part*, A vowed ...": a discourse marker, aimed at no one
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    named = self.parties(pobj, ctx)
                    found += named
                    how = how or (f"target:prep_{child.lower_}" if named else "")
            elif child.dep_ == "prt" and child.lower_ in ("on", "upon"):
                for obj in (c for c in token.children if c.dep_ in OBJECT_DEPS):
                    found += self.parties(obj, ctx)
        if not found:
            found, how = self._what_it_called(token, ctx) or (found, how)
        if not found and entry.id.startswith("characterisation_"):
            found, how = characterised_in_small_clause(self, token, ctx) or (found, how)  # "A considers B a terrorist group"
        if not found:  # "acted rashly with respect to X"
            found, how = complex_preposition_target(self, token, sources, ctx) or (found, how)
        source_ids = {p.actor for p in sources}
        domestic = [p for p in found if self._domestic(sources, p, ctx)]
        found = [p for p in _pair_without(found, source_ids, token, ctx) if p.actor not in source_ids]
        moved = own_forces_moved(self, token, entry, sources, ctx) if not found else None
        if moved is None and not found:
            moved = place_left(self, token, entry, sources, ctx)  # "pulled out of B"
        if moved is not None and moved[0]:
            return moved  # "pulled Peruvian troops out of B": at B, not at the own forces
        if not found and domestic and moved is None:
            return _unique(domestic), "target:domestic"  # "Serbian police detained students": one country, two sectors
        if not found and entry.pos == "NOUN" and entry.plover not in self.rules.of_agent_categories:
            # "Russia's bombing of Aleppo", "the arrest of A's envoy by B": whom the named act is done to
            found = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj" for p in self.parties(g, ctx) if p.actor not in source_ids]
            how = "target:noun_of" if found else how
        if not found and entry.pos == "NOUN":
            found, how = (target_after_agent(self, token, entry, sources, ctx) or participle_targets(self, token, entry, sources, ctx)
                          or undergoer_of_noun_act(self, token, entry, sources, ctx) or (found, how))
        if not found and entry.pos == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
            # "talks had begun with Israel"
            for child in token.head.children:
                if child.dep_ == "prep" and child.lower_ in ("with", "between"):
                    found += [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
                    how = "target:event_verb_prep"
        if not found:
            # "hosted talks between A and B", "facilitated cooperation between A and B", "host Turkish-Israeli talks",
            # "restored ties with Israel"
            objects = [c for c in token.children if c.dep_ in OBJECT_DEPS | {"nsubjpass"} and not (c.dep_ in OBJECT_DEPS and c.i > cut)]
            # "engaged in talks with X"; an "as" phrase says what the act calls its object ("condemned
            # the test as a breach of the UN's resolutions") and is aimed at no one
            objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ != "as" and not self._partner_prep(c)
                        for g in c.children if g.dep_ == "pobj"]
            objects += _particle_objects(token, self.rules.object_particles)  # "pulled out of the deal with X"
            # "welcomed a resumption of ties with X"
            objects += [g for o in list(objects) for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            for obj in objects:
                for child in obj.children:
                    if child.dep_ == "prep" and child.lower_ in ("between", "with"):
                        found += [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
                        how = "target:object_between"
                    elif child.dep_ == "prep" and (child.lower_ == "on" or child.lower_ == "against" and entry.stance < 0) and obj.head.i == token.i and entry.objects:
                        # "lift sanctions on X", "imposed an embargo against X": whom the named measure is on
                        # ("sought backing against X" names an adversary instead)
                        found += [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
                        how = how or "target:object_on"
                    elif child.dep_ == "prep" and child.lower_ in LIGHT_OBJECT_PREPS and obj.head.i == token.i and obj.lemma_.lower() in entry.objects:
                        # "reiterated its support for X", "voiced concern over X's tests": the verb and its
                        # object word tell the act together, and the object's phrase says whom it is toward
                        named = [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
                        # its own name: the object's owner ("*its* support") may have set a `how` of its own
                        how = "target:object_prep" if named and not found else how
                        found += named
                    elif child.dep_ == "prep" and child.lower_ == "to" and obj.head.i == token.i:
                        # "contributed a million kroner to X", "presented credentials to X's president"
                        found += [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
                        how = how or "target:object_to"
                    elif child.dep_ == "acl" and obj.head.i == token.i:
                        # "welcomed memos sent by X", "welcomed assurances sent from X": who made the thing welcomed
                        for prep in (c for c in child.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "from")):
                            found += [p for g in prep.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
                            how = how or "target:maker_of_object"
                    elif child.dep_ in ("amod", "compound") and child.i in ctx.mention_at and not _names_no_member(ctx.mention_at[child.i], child.doc, self.rules):
                        # "Turkish-Israeli talks": the modifier, its conjuncts and its own modifiers
                        related = [child, *child.conjuncts, *(g for g in child.children if g.dep_ in ("amod", "compound"))]
                        found += [p for r in related for p in self.parties(r, ctx, 1)]
                        how = how or "target:object_modifier"
            if not found:  # "welcomed assurances on trade sent from X": the parser hangs "sent" inside the object
                found, how = maker_of_object_phrase(self, token, objects, sources, ctx) or (found, how)
        if not found:
            # "Israeli airstrikes on Syrian territory came to a halt": the act in the subject has the target
            for subj in (c for c in token.children if c.dep_ in SUBJECT_DEPS and self.trigger_of(c) is not None):
                for prep in (c for c in subj.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
                    found += [p for g in prep.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
                    how = how or "target:of_the_act_in_the_subject"
            found = [p for p in found if p.actor not in {q.actor for q in sources}]
        if not found:
            # "Chad shelled Niger. Mali condemned the attack": the doers of the act the object names again
            found, how = doers_of_act_named(self, token, entry, sources, ctx) or (found, how)
        if not found and entry.stance < 0 and entry.mode == "verbal":
            # "voiced concern over the possibility that Syria's government could allow Turkiye ...":
            # the actors of the clause the concern is about
            holders = [token, *(c for c in token.children if c.dep_ in OBJECT_DEPS)]  # "voiced concern over ..."
            for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("over", "about", "at", "regarding")):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    for clause in (c for c in pobj.children if c.dep_ in ("acl", "ccomp", "relcl")):
                        for part in (c for c in clause.children if c.dep_ in SUBJECT_DEPS | OBJECT_DEPS):
                            found += self.parties(part, ctx)
                    how = how or "target:clause_of_concern"
            found = [p for p in found if p.actor not in {q.actor for q in sources}]
        if not found and entry.speech and entry.stance < 0:
            # "vowed to wage war on X", "threatened to strike X": the one the announced act is aimed at
            for clause in (c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
                inner = self.trigger_of(clause)
                if inner is not None and inner.stance > 0 and entry.plover not in self.rules.refusal_categories:
                    continue  # "vowed to cooperate with X" is no threat to X; "refused to meet X" rejects X
                found += self._arguments(clause, ctx)
                how = "target:of_announced_act" if found else how
            announced, found = found, [p for p in found if p.actor not in {q.actor for q in sources}]
            if not found and any(self._domestic(sources, p, ctx) for p in announced):
                # "the Bolivian government threatened to ban opposition parties": at home, another sector
                return _unique([p for p in announced if self._domestic(sources, p, ctx)]), "target:domestic"
        if not found and entry.plover == "AGREE":
            # "agreed to send X aid", "signed an accord to supply X with wheat": whom the agreed act is for
            holders = [token, *(c for c in token.children if c.dep_ in OBJECT_DEPS)]
            for clause in (c for h in holders for c in h.children if c.dep_ in ("xcomp", "advcl", "acl") and c.pos_ == "VERB"
                           and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                found += self._arguments(clause, ctx)
                how = "target:of_agreed_act" if found else how
            found = [p for p in found if p.actor not in {q.actor for q in sources}]
        if not found and entry.stance > 0 and not entry.speech and entry.plover != "AGREE":
            # "sent arms to support the Yemeni government", "pledged funds to help strengthen Mali's army":
            # whom the act's purpose helps
            found = [p for p in self._purpose_beneficiaries(token, ctx) if p.actor not in {q.actor for q in sources}]
            how = "target:of_purpose" if found else how
        if not found and entry.stance < 0 and not entry.speech:
            # "mobilised troops to attack B", "fired tear gas to disperse B's protesters": whom the act's
            # hostile purpose is aimed at
            found = [p for p in self._purpose_targets(token, ctx) if p.actor not in {q.actor for q in sources}]
            how = "target:of_hostile_purpose" if found else how
        if not found and not entry.speech:
            found, how = that_clause_subject(self, token, entry, sources, ctx) or (found, how)  # "allowed that B ..."
        if not found and entry.speech:
            for child in token.children:
                if child.dep_ in ("ccomp", "xcomp"):
                    subj = next((c for c in child.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"}), None)
                    if subj is None:
                        continue
                    named = self.parties(subj, ctx)
                    own = {q.actor for q in sources}
                    if named and not [p for p in named if p.actor not in own] and entry.stance < 0:
                        # "A warned that *it* would strike B": the speaker's own announced act is aimed at B
                        inner = self.trigger_of(child)
                        if inner is not None and inner.stance > 0 and entry.plover not in self.rules.refusal_categories:
                            continue  # "A warned that it would cooperate with B" is no threat to B
                        aimed = [p for p in self._arguments(child, ctx) if p.actor not in own]
                        if aimed:
                            found += aimed
                            how = "target:of_announced_act"
                            continue
                    found += named
                    how = "target:reported_subject"
        if not found and (entry.plover in ("ASSAULT", "COERCE") or entry.place_target):
            # "struck depots in Syria", "arrived in Gondor": the country where a blow lands, or that is visited.
            places = [ctx.mention_at[t.i] for t in _phrases_of(token) if t.i in ctx.mention_at]
            places += places_along_object(self, token, ctx)  # "cordoned off the roads leading into X"
            # "arrived in *Haiti's* capital", "shelled *Syria's* north": the owner of the place named
            owners = {ctx.mention_at[t.i].start_char for t in _phrases_of(token) if t.i in ctx.mention_at and t.dep_ == "poss"
                      and t.head.dep_ == "pobj" and t.head.head.lower_ in ("in", "to", "into", "on")}
            found = [Party(m.actor_id, how="place", start_char=m.start_char) for m in places
                     if m.actor_id and (m.kind == "place" or m.start_char in owners and m.kind in ACTOR_KINDS)]
            if not found and entry.plover in ("ASSAULT", "COERCE") and entry.pos == "VERB":
                # "cordoned off the roads leading into X", "fired shells near a vessel from X": the first
                # actor named after the act in its own clause, outside a 'by' phrase
                agents = {t.i for a in token.children if a.dep_ == "agent" for t in a.subtree}
                after = [m for m in places if m.actor_id and m.kind in ACTOR_KINDS and m.start > token.i and m.start not in agents]
                found = [Party(m.actor_id, m.person, "named_after_act", m.start_char) for m in after[:1]]
            # "seized villages deep into Syrian territory": the state whose land it is
            found += [Party(ctx.mention_at[t.i].actor_id, how="territory") for t in _own_clause(token)
                      if t.i in ctx.mention_at and ctx.mention_at[t.i].actor_id and ctx.mention_at[t.i].kind in ACTOR_KINDS
                      and t.dep_ in ("amod", "poss", "compound") and t.head.lemma_.lower() in TERRITORY_WORDS]
            if found:
                how = {"place": "target:place_of_attack"}.get(found[0].how, f"target:{found[0].how}")
        if not found and not entry.symmetric and entry.plover != "CONSULT":
            # "criticized the closure of guest houses in X", "appealed for peace in X": a one-way act about
            # what happens in a country is aimed at it (joint acts are not: "talks in Geneva" is a venue)
            objects = [c for c in token.children if c.dep_ in OBJECT_DEPS or (c.dep_ == "prep" and c.lower_ in ABOUT_PREPS)]
            places = [ctx.mention_at[t.i] for o in objects for t in o.subtree if t.i in ctx.mention_at]
            own = {q.actor for q in sources}
            found = [Party(m.actor_id, how="place", start_char=m.start_char) for m in places if m.kind == "place" and m.actor_id and m.actor_id not in own][:1]
            how = "target:place_in_object" if found else how
        if not found and not entry.symmetric:
            victims = victims_country(self, token, entry, sources, ctx)
            if victims:
                return victims  # "police detained dozens of people in X": may be the source's own country
            home = own_country_target(self, token, entry, sources, ctx)
            if home:
                return home  # "Peruvian teachers went on strike": at their own government
        if not found and sources and self._third_party_without_parties(token, entry):
            # "hosted the meeting", "offered to mediate": between the parties of the joint act told before
            # a go-between is never one of the two it acts between
            found, how = ctx.pair_of(token, exclude={p.actor for p in sources}), "target:participants_of_earlier_act"
        source_ids = {p.actor for p in sources}
        found = _pair_without(found, source_ids, token, ctx)
        return [p for p in _unique(found) if p.actor not in source_ids], how

    def _main_subject_not_antecedent(self, pronoun: Token, ctx: "_Context") -> list[Party]:
        """The parties of the sentence's main subject other than the antecedent, for a pronoun subject
        of an object relative ("the PKK, which *it* regards as ...", "whom *he* called"); [] if none."""
        main = next((c for c in pronoun.sent.root.children if c.dep_ in SUBJECT_DEPS), None)
        antecedents = {p.actor for p in self.parties(pronoun.head.head, ctx, 1)}
        found = self.parties(main, ctx, 1) if main is not None and main.i != pronoun.i else []
        return [replace(p, how="pronoun_same_sentence") for p in found if p.actor not in antecedents]

    def _predicated_of(self, token: Token, sources: list[Party], ctx: "_Context") -> list[Party]:
        """The subject a copula predicate characterises, through a relative pronoun to its antecedent:
        "the Kurds, who had been US *partners*" -> the Kurds; [] when it names no actor."""
        head = token.head
        if token.dep_ not in ("attr", "acomp") or head.i == token.i:
            return []
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return []
        if subj.lower_ in ("who", "which", "that") and head.dep_ == "relcl":
            subj = antecedent(head)
        own = {q.actor for q in sources}
        return [p for p in self.parties(subj, ctx) if p.actor not in own]

    def _object_of_verbal_act(self, token: Token, entry: Trigger) -> bool:
        """Is this noun act the object of another trigger's verbal act ("Ghana condemned *Togo's
        invasion* of Benin", "welcomed *the talks* between A and B")? Its roles are the speaker's words."""
        if entry.pos != "NOUN" or token.dep_ not in ("dobj", "obj") or token.head.i == token.i:
            return False
        outer = self.trigger_of(token.head)
        return outer is not None and outer.mode == "verbal"

    def _what_it_called(self, token: Token, ctx: "_Context") -> tuple[list[Party], str] | None:
        """The target named in a free relative of naming that is the act's object: "A condemned
        *what it called* Israeli aggression", "denounced what it described as American
        interference" -> the actors of the name given (`naming_verbs`; `target:what_it_called`)."""
        for clause in (c for c in token.children if c.dep_ in ("ccomp", "dobj", "xcomp") and c.lemma_.lower() in self.rules.naming_verbs):
            if not any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "what" for c in clause.children):
                continue
            names = [c for c in clause.children if c.dep_ in ("oprd", "attr", "dobj") and c.lower_ != "what"]
            names += [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
            found = [p for n in names for p in self.parties(n, ctx)]
            if found:
                return found, "target:what_it_called"
        return None

    def _domestic(self, sources: list[Party], target: Party, ctx: "_Context") -> bool:
        """Is this target of the source's own country but another sector of it, both named in the
        clause ("Serbian police detained students": COP -> EDU; "the army shelled rebel positions":
        MIL -> REB)? A domestic act is coded as one (`target:domestic`); the same body twice is not."""
        if target.start_char < 0 or target.how.removeprefix("modifier:") not in ACTOR_KINDS | {NATIONAL}:
            return False  # named in the clause, not a pronoun or a back-reference
        sector = ctx.sector_at.get(target.start_char, "")
        return bool(sector) and any(
            s.actor == target.actor and s.start_char >= 0 and s.start_char != target.start_char
            and ctx.sector_at.get(s.start_char, "") not in ("", sector)
            for s in sources)

    def _purpose_beneficiaries(self, token: Token, ctx: "_Context") -> list[Party]:
        """The actors a purpose infinitive of a cooperative act helps: its verb is a cooperative
        trigger or one of `partner_verbs` ("to support B", "to help strengthen B's army")."""
        holders = [token, *(c for c in token.children if c.dep_ in OBJECT_DEPS)]
        found: list[Party] = []
        for clause in (c for h in holders for c in h.children if c.dep_ in ("xcomp", "advcl", "acl") and c.pos_ == "VERB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            chain = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]  # "to help strengthen B"
            inner = self.trigger_of(clause)
            helping = clause.lemma_.lower() in self.rules.partner_verbs or (inner is not None and inner.stance > 0)
            if helping:
                found += [p for verb in chain for p in self._arguments(verb, ctx)]
        return found

    def _purpose_targets(self, token: Token, ctx: "_Context") -> list[Party]:
        """The actors a hostile purpose infinitive of a conflict act is aimed at: its verb is a trigger
        of negative stance ("mobilised troops *to attack* B"); "sent troops to protect B" names no target."""
        holders = [token, *(c for c in token.children if c.dep_ in OBJECT_DEPS)]
        found: list[Party] = []
        for clause in (c for h in holders for c in h.children if c.dep_ in ("xcomp", "advcl", "acl") and c.pos_ == "VERB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
            inner = self.trigger_of(clause)
            if inner is not None and inner.stance < 0:
                found += self._arguments(clause, ctx)
        return found

    def _arguments(self, clause: Token, ctx: "_Context") -> list[Party]:
        """The actors a clause's verb acts on: its objects and its target prepositions' objects."""
        found = []
        for child in clause.children:
            if child.dep_ in OBJECT_DEPS:
                found += self.parties(child, ctx)
                # "to resume talks *with the rebels*": the partner of a joint act named as the object
                found += [p for c in child.children if c.dep_ == "prep" and c.lower_ in ("with", "between")
                          for g in c.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS and not self._partner_prep(child):
                found += [p for g in child.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]
        return found

    def _partner_prep(self, prep: Token) -> bool:
        """Does this preposition make its object a partner of the source, not a target?

        "fought *alongside* B against C", "attacked C *together with* B" (`partner_preps`, `partner_pairs`).
        """
        word = prep.lower_
        if word in self.rules.partner_preps or backing_phrase(self.rules, prep):  # "with the backing of B"
            return True
        before = {c.lower_ for c in prep.children if c.dep_ == "advmod"}
        if prep.i > prep.sent.start:
            before.add(prep.doc[prep.i - 1].lower_)
        return any(second == word and first in before for first, second in self.rules.partner_pairs)

    def partners(self, token: Token, ctx: "_Context") -> list[Party]:
        """The actors a partner phrase names, who do the act with the source: "A fought alongside *B* against C"."""
        return [replace(p, how=BACKER if backing_phrase(self.rules, c) else "partner")
                for c in token.children if c.dep_ == "prep" and self._partner_prep(c)
                for g in c.children if g.dep_ == "pobj" for p in self.parties(g, ctx)]

    def _third_party_without_parties(self, token: Token, entry: Trigger) -> bool:
        """A hosting or mediating act, told as a clause of its own, whose parties the sentence does not name."""
        if token.dep_ == "pobj" and token.head.lower_ == "under" and entry.third_party:
            return True  # "the meetings with A, under B's auspices": B hosted them
        if token.dep_ in ("pcomp", "pobj", "acl", "advcl") or self._subject(token) is None:
            return False  # "thanked X for facilitating the talks": the reason for another act
        if entry.third_party:
            return not any(c.dep_ in OBJECT_DEPS and c.pos_ == "PROPN" for c in token.children)
        if entry.plover != "CONSULT" or entry.symmetric:
            return False
        named_acts = [c for c in token.children if c.dep_ in OBJECT_DEPS | {"nsubjpass"}]
        return any((e := self.trigger_of(c)) is not None and e.symmetric and e.pos == "NOUN" for c in named_acts)

    # ---- step 3: about what --------------------------------------------------------------------
    def issue_of(self, token: Token, doc: Doc) -> str:
        """The first codebook issue whose phrase lies in the trigger's clause."""
        clause = sorted(t.i for t in _own_clause(token))  # not the clauses coordinated with it
        lo, hi = clause[0], clause[-1] + 1
        if token.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
            lo = min(lo, token.head.i)
        hits = self._issues_in(doc[lo:hi])
        if not hits and any(c.lower_ in ("it", "this") and c.dep_ in OBJECT_DEPS for c in token.children):
            hits = self._issues_in(token.sent)  # "... normalization should not stop; we support it"
        return hits[0][1] if hits else ""

    def _issues_in(self, span: Span) -> list[tuple[int, str]]:
        doc = span.doc
        return sorted((start, doc.vocab.strings[mid]) for mid, start, end in [*self.issue_matcher(span), *self.issue_lemmas(span)])

    # ---- step 4: rows --------------------------------------------------------------------------
    def __call__(self, doc: Doc, mentions: list[Mention], doc_id: str = "", sent_ids: dict[int, int] | None = None) -> list[Statement]:
        """Code every sentence of a document.

        doc (Doc): the parsed document.
        mentions (list[Mention]): its resolved entity mentions.
        doc_id (str): the document id for the rows.
        sent_ids (dict): token index -> sentence number, as in mentions.csv.
        RETURNS (list[Statement]): the coded statements in text order.
        """
        return self.code(doc, mentions, doc_id, sent_ids).statements

    def code(self, doc: Doc, mentions: list[Mention], doc_id: str = "", sent_ids: dict[int, int] | None = None) -> Coding:
        """Code every sentence of a document, keeping the triggers the filters dropped and why.

        Arguments as for `__call__`.
        RETURNS (Coding): the statements in text order, the dropped triggers, and why each kept
            trigger that gave no row gave none.
        """
        ctx = _Context({i: m for m in mentions for i in range(m.start, m.end)}, self.rules.pair_reach)
        rows: list[Statement] = []
        drops: list[Drop] = []
        why: dict[int, str] = {}  # token index of a kept trigger -> why it gave no row (`stance_reasons`)
        with_rows: dict[int, int] = {}  # character offset -> token index of the triggers that gave rows
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            kept_triggers, dropped = self.screen_triggers(sent)
            drops += dropped
            found = []
            for c in kept_triggers:
                made, reason = self.statement_rows(c.token, c.entry, c.note, sent, ctx, doc_id, (sent_ids or {}).get(sent.start, 0), c.modality)
                found += [(c.token, row) for row in made]
                if not made:
                    why.setdefault(c.token.i, reason)  # a token with two entries: the first entry's reason
            kept = _outer_acts_only(found)
            why.update({t.i: OUTER_ACT for t, _ in found if all(k.i != t.i for k, _ in kept)})
            told = {self._act_key(r) for r in rows if r.modality == "asserted"}
            # "The meetings between A and B signaled progress", after "A and B met": a noun phrase
            # naming an act already coded refers back to it; a verb telling it again is a new report
            new = [row for token, row in kept if not (self._names_an_act(token) and self._act_key(row) in told)]
            why.update({t.i: NAMED_BEFORE for t, row in kept if all(r.trigger_start != t.idx for r in new)})
            rows += new
            with_rows.update({r.trigger_start: t.i for t, r in kept if r in new})
            subjects = self.subject_of_sentence(sent, ctx)
            ctx.advance(sent)
            ctx.previous_subject = subjects
        rows = _dedupe(rows)
        coded = {r.trigger_start for r in rows}
        why.update({i: DUPLICATE for idx, i in with_rows.items() if idx not in coded})  # its rows kept at another trigger
        return Coding(with_sectors(rows, mentions), drops, {i: r for i, r in sorted(why.items()) if doc[i].idx not in coded})

    def subject_of_sentence(self, sent: Span, ctx: "_Context") -> tuple[Token | None, list[Party]]:
        """The subject of a sentence's main verb and the actors it names, for a pronoun in the next.

        "A State Department spokesperson said ...": the spokesperson, USA. A pronoun subject that
        was itself resolved this way passes its actors on ("He said ... He added ...").
        """
        subj = next((c for c in sent.root.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"}), None)
        if subj is None:
            return None, []
        found = self.parties(subj, ctx)
        if not found and subj.lower_ in PRONOUNS_PERSON | PRONOUNS_ACTOR:
            found = ctx.previous_subject[1]
        return subj, found

    def _act_key(self, row: Statement) -> tuple[str, str, str, bool]:
        """What makes two rows the same act for a back-reference: the actors, the category, and
        whether the source took part or hosted (A hosting B's talks is not A meeting B)."""
        entry = self.by_id.get(row.rule.split(";")[0].removeprefix("trigger:"))
        return row.source_actor, row.target_actor, row.plover, bool(entry and entry.third_party)

    def statements(self, token: Token, entry: Trigger, note: str, sent: Span, ctx: "_Context", doc_id: str, sent_id: int,
                   modality: str = "asserted") -> list[Statement]:
        """The rows one trigger gives (`statement_rows` without the reason)."""
        return self.statement_rows(token, entry, note, sent, ctx, doc_id, sent_id, modality)[0]

    def statement_rows(self, token: Token, entry: Trigger, note: str, sent: Span, ctx: "_Context", doc_id: str, sent_id: int,
                       modality: str = "asserted") -> tuple[list[Statement], str]:
        """The rows one trigger gives, and why it gives none (a `stance_reasons` value; "" with rows).

        Arguments as for `statements`. "Chile condemned the verdict" gives ([], NO_TARGET): a
        source was found, but no target actor nor issue.
        """
        sources, source_rule = self.sources(token, entry, ctx)
        targets, target_rule = self.targets(token, entry, sources, ctx)
        if source_rule == "source:speaker_characterising":
            # "A said B's plan was an attack on it": A accuses B (the act is A's words, not B's attack)
            if entry.stance < 0:
                said = self.by_id[self.rules.characterisation_entry]
                entry = replace(entry, plover=said.plover, stance=said.stance, mode=said.mode, symmetric=False, reverse=False, also=())
            subj = characterised_subject(self, token, entry)
            said_of = _pair_without(self.parties(subj, ctx), {q.actor for q in sources}, token, ctx) if subj is not None else []
            targets = [p for p in _unique(said_of) if p.actor not in {q.actor for q in sources}]
            target_rule = "target:characterised_subject"
        elif entry.id.startswith("characterisation_") and source_rule == "source:modifier" and targets:
            # "the Kurds, who had been *US partners* in the fight against B": the one the copula says is
            # the owner's partner (or enemy), never an actor of a phrase around it (rule `predicated_of`;
            # it only narrows: a characterisation no other rule aimed at anyone stays without a row)
            targets, target_rule = self._predicated_of(token, sources, ctx), "target:predicated_of"
        entry, sense = sense_of_parties(self, token, entry, sources, targets, ctx)  # "the presidents clashed": an argument
        note += f"+sense:{sense}" if sense else ""
        if sources:
            # "A fought alongside B against C": B is a partner, never the target (manual 8.5). A material
            # act done "alongside" or "together with" B is B's too ("fought alongside B against C" says
            # B fought C): B is a second source, found less directly (confidence medium); a verbal act
            # ("condemned C together with B") is said by its subject alone.
            found_partners = self.partners(token, ctx)
            partners = {p.actor for p in found_partners}
            targets = [p for p in targets if p.actor not in partners]
            if entry.mode == "material" and targets:
                sources = _unique(sources + [p for p in found_partners if p.actor not in {t.actor for t in targets} and p.how != BACKER])
        if target_rule == "target:against" or entry.symmetric and entry.plover in self.rules.one_way_categories and target_rule == "target:object":
            # "A fought against B", "A fought B": one way, whatever "fight" is otherwise ("A and B clashed" stays joint)
            entry = replace(entry, symmetric=False)
        if target_rule == "target:of_agreed_act":
            entry = replace(entry, symmetric=False)  # "agreed to send X aid": a pledge to X, not a deal X made
        if entry.reverse:
            # "X received weapons from Y": Y gives, X receives
            holders = [token, *(c for c in token.children if c.dep_ in OBJECT_DEPS)]
            froms = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"]
            givers = _unique([p for f in froms for g in f.children if g.dep_ == "pobj" for p in self.parties(g, ctx)])
            receivers = sources
            if not receivers and any(c.dep_ == "nsubjpass" for c in token.children):  # "X was freed from Y"
                receivers = [p for p in targets if p.actor not in {g.actor for g in givers}]
            givers = [p for p in givers if p.actor not in {q.actor for q in receivers}]
            if not givers or not receivers:
                return [], NO_GIVER
            sources, targets, source_rule, target_rule = givers, receivers, "source:giver_from", "target:receiver"
        if not sources and entry.symmetric and len(targets) >= 2 and target_rule in ("target:prep_between", "target:object_between", "target:of_the_act_in_the_subject"):
            # "a ceasefire agreed between A, B and C": the parties a "between" phrase names; other lists
            # ("forces fighting to the south, A and B", "touring A, B and C") name no pair
            sources, targets, source_rule = targets, [], "source:between"
        if not sources:
            return [], NO_SOURCE if targets else NO_ACTOR
        partner_named = any(c.dep_ == "prep" and c.lower_ in ("with", "between") for t in [token, *token.children] for c in t.children)
        if (entry.symmetric and len(sources) == 1 and not targets and entry.pos == "VERB" and not partner_named
                and entry.plover in self.rules.partner_categories):
            # a joint act with one party named, just after a joint act of that party was told ("A and B met
            # on Monday. ... efforts were underway to build channels", said A's officials): the other party
            # of that act (a back-reference, low confidence; never the article's most named actors)
            pair = ctx.pair_of(token)
            if sources[0].actor in {p.actor for p in pair}:
                targets = [replace(p, how="earlier_pair") for p in pair if p.actor != sources[0].actor]
                target_rule = "target:partner_of_earlier_joint_act"
        remember_act(ctx, token, entry, sources, targets, modality)
        if entry.symmetric and len(_unique(sources + targets)) >= 2:
            ctx.last_pair, ctx.last_pair_sent = _unique(sources + targets), sent.start
        elif target_rule == "target:object_between" and len(targets) >= 2:
            ctx.last_pair, ctx.last_pair_sent = list(targets), sent.start  # "hosted talks between A and B"
        elif len(sources) >= 2:
            ctx.last_pair, ctx.last_pair_sent = list(sources), sent.start  # "A and B both took over ...".
        # "launched an offensive": an assault is aimed at an actor, never at the issue its words restate
        issue = "" if entry.plover in self.lexicon.actor_only_categories else self.issue_of(token, sent.doc)
        pairs: list[tuple[Party, Party | None]] = []
        joint = entry.symmetric and len(sources) >= 2 and not one_name(sources)  # "the Shire" [FRO/BIL/SAM] is one party
        if joint:
            targets = []  # "A and B held talks on X": the pair; other actors are topics
        if entry.pos == "NOUN" and not targets and not (entry.symmetric and len(sources) >= 2):
            return [], NOUN_NO_TARGET  # "Israeli airstrikes" alone: a mention of an act, not a statement toward anyone
        if targets:
            pairs = [(s, t) for s in sources for t in targets]
            if entry.symmetric:
                pairs += [(t, s) for s in sources for t in targets]
        elif (joint or target_rule == "target:reciprocal") and len(sources) >= 2:
            pairs = list(permutations(sources, 2))
        elif issue:
            pairs = [(s, None) for s in sources]
        trigger_text = _trigger_text(token, entry)
        told_by_another = self._object_of_verbal_act(token, entry)
        rule = f"trigger:{entry.id};{source_rule}" + (f";{target_rule}" if target_rule else "") + note
        if entry.symmetric and (targets or len(sources) >= 2):
            rule += ";symmetric"
        if not targets and len(sources) >= 2 and entry.symmetric:
            target_rule = "target:joint_subject"  # "A and B held talks": each is the other's partner
        if not pairs:
            return [], NO_TARGET
        joint_parties = len(_unique(sources + targets)) if entry.symmetric else 0  # confidence: every pair of a joint act
        rows = [
            Statement(
                doc_id=doc_id, sent_id=sent_id, start_char=sent.start_char, end_char=sent.end_char,
                sentence=sent.text.strip(), trigger=trigger_text, trigger_start=token.idx, trigger_end=token.idx + len(token.text),
                source_actor=s.actor, source_person=s.person, target_actor=t.actor if t else "", target_person=t.person if t else "",
                issue=issue, stance=entry.stance, mode=entry.mode, plover=entry.plover, rule=rule, modality=modality,
                confidence=confidence_of(self.rules, source_rule, target_rule, [s.how, t.how if t else ""], t is not None, entry.id,
                                         told_by_another, [s.via, t.via if t else ""], [ctx.rule_at(s), ctx.rule_at(t)],
                                         joint_parties, modality),
                source_char=s.start_char, target_char=t.start_char if t else -1, target_sector=t.sector if t else "",
            )
            for s, t in pairs
            if t is None or s.actor != t.actor or self._domestic([s], t, ctx) or t.how in (*VICTIMS, OWN_COUNTRY)
        ]
        return rows, "" if rows else OWN_TARGET


class _Context:
    """What earlier sentences of the document tell later ones: the last person and actors named."""

    def __init__(self, mention_at: dict[int, Mention], pair_reach: int = 3) -> None:
        self.mention_at = mention_at
        self.sector_at = {m.start_char: m.sector for m in mention_at.values()}  # where a mention starts -> its sector
        self.mention_rule_at = {m.start_char: m.rule for m in mention_at.values()}  # ... -> the entity rule that made it
        self.pair_reach = pair_reach  # how many sentences back a joint act told without its parties may look
        self.last_person: Party | None = None
        self.last_actor: Party | None = None
        self.counts: dict[str, int] = {}
        self.first_seen: dict[str, int] = {}
        self.last_pair: list[Party] = []  # the parties of the last joint act told (meeting, talks)
        self.last_pair_sent = -1
        self.sent_order: dict[int, int] = {}  # sentence start token -> its number, for sentences seen so far
        self.previous_subject: tuple[Token | None, list[Party]] = (None, [])  # the last sentence's main subject and its actors
        self.told_acts: list[ToldAct] = []  # asserted acts with a source, in text order (stance_backref)

    def rule_at(self, party: Party | None) -> str:
        """The entity rule of the mention that names a party in the text ("" for none: a pair told earlier)."""
        return self.mention_rule_at.get(party.start_char, "") if party is not None and party.start_char >= 0 else ""

    def pair_of(self, token: Token, exclude: set[str] = frozenset()) -> list[Party]:
        """Who took part in a joint act the sentence names without its parties ("the latest meeting").

        The parties of the joint act told last, earlier in the same sentence or in one of the two
        sentences before (then marked `earlier_pair`, a remote role); never the article's most
        named actors, which were often not the ones acting.
        """
        told = [p for p in self.last_pair if p.actor not in exclude]
        if len(told) < 2:
            return []
        if self.last_pair_sent == token.sent.start:
            return told
        if self.sentences_since(self.last_pair_sent, token.sent.start) <= self.pair_reach:
            return [replace(p, how="earlier_pair") for p in told]
        return []

    def pair_named_most(self, exclude: set[str] = frozenset()) -> list[Party]:
        """The two actors the article has named most so far: what "both sides" and "the two
        countries" refer to when no joint act was told just before (a remote role, `pair_anaphor`)."""
        named = [a for a in self.counts if a not in exclude]
        if len(named) < 2:
            return []
        top = sorted(named, key=lambda a: (-self.counts[a], self.first_seen[a]))[:2]
        return [Party(a, how="pair_anaphor") for a in top]


    def sentences_since(self, start: int, now: int) -> int:
        """How many sentences lie between the sentence starting at token `start` and the one at `now`."""
        if start not in self.sent_order:
            return 1 << 30
        return self.sent_order.get(now, len(self.sent_order)) - self.sent_order[start]

    def earlier_in_sentence(self, token: Token, persons_only: bool = False, include_subjects: bool = False) -> Party | None:
        """The last actor (or person) named before `token` in its sentence, other than a subject
        unless `include_subjects` allows it (for a possessive pronoun).

        "... with Israel and joined the case against it" -> Israel; "met with Hasanov, thanking him" -> Hasanov;
        "al-Sharaa said his government" -> al-Sharaa.
        """
        subjects = set() if include_subjects else {t.i for t in token.sent if t.dep_ in SUBJECT_DEPS | {"nsubjpass"}}
        for j in range(token.i - 1, token.sent.start - 1, -1):
            m = self.mention_at.get(j)
            if m is None or not m.actor_id or m.kind not in ACTOR_KINDS or (persons_only and m.kind != "person"):
                continue
            if not any(k in subjects for k in range(m.start, m.end)):
                return Party(m.actor_id, m.person, m.kind, m.start_char)
        return None

    def advance(self, sent: Span) -> None:
        """Take in what a coded sentence tells the ones after it."""
        self.sent_order.setdefault(sent.start, len(self.sent_order))
        for token in sent:
            m = self.mention_at.get(token.i)
            if m is None or token.i != m.start or not m.actor_id or m.kind not in ACTOR_KINDS:
                continue
            party = Party(m.actor_id, m.person, m.kind, m.start_char)
            if m.kind == "person":
                self.last_person = party
            if token.dep_ in SUBJECT_DEPS or token.head.dep_ in SUBJECT_DEPS:
                self.last_actor = party
            self.counts[m.actor_id] = self.counts.get(m.actor_id, 0) + 1
            self.first_seen.setdefault(m.actor_id, token.i)


def _subject_of_object_relative(token: Token) -> bool:
    """Is the token the subject of a relative clause whose relative pronoun is its object ("the PKK,
    which *it* regards as a threat")?"""
    clause = token.head
    return (token.dep_ in SUBJECT_DEPS and clause.dep_ == "relcl"
            and any(c.dep_ in OBJECT_DEPS and c.lower_ in ("which", "that", "whom", "who") for c in clause.children))


def _subject_pronoun_owning(token: Token) -> Token | None:
    """The subject pronoun a possessive pronoun repeats: in "it had raised *its* readiness" and
    "they recalled *their* envoys" the owner is the clause's own subject ("it", "they"), whoever
    that stands for, not the last actor named before."""
    if token.dep_ != "poss" or token.lower_ not in POSSESSIVE_OF:
        return None
    verb = token.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS | {"nsubjpass"} and c.i < token.i
                 and c.lower_ == POSSESSIVE_OF[token.lower_]), None)


def _names_no_member(m: Mention, doc: Doc, rules: StanceRules) -> bool:
    """Is this modifier of a noun phrase no party of it, though it names an actor?

    A name after a prefix of `stance_prefixes` says whom the people are for or against: "*anti*-
    Assad forces", "*pro*-Russian separatists" are not Assad's or Russia's (rule
    `names_no_member`). "Turkish-Israeli talks" is a list and keeps both.
    """
    start = m.start
    if start >= 2 and doc[start - 1].text in ("-", "‐", "–") and doc[start - 2].lower_ in rules.stance_prefixes:
        return True
    return start >= 1 and doc[start - 1].lower_ in {f"{p}-" for p in rules.stance_prefixes}


def _determined(noun: Token) -> bool:
    """Has the noun a determiner, number or possessor ("the sides", "both countries", "their two
    leaders"), as a back-reference must? A bare plural ("countries with influence") has none."""
    return any(c.dep_ in ("det", "predet", "nummod", "poss", "preconj") for c in noun.children)


def _reciprocal_object(token: Token) -> bool:
    """Is the act's object "each other" or "one another" ("A and B accused *each other*")?"""
    return any(c.dep_ in OBJECT_DEPS | {"pobj"} and c.lower_ in ("other", "another") and any(g.lower_ in ("each", "one") for g in c.children)
               for c in [*token.children, *(g for p in token.children if p.dep_ == "prep" for g in p.children)])


def _owner_named_before(noun: Token, ctx: _Context) -> Party | None:
    """The actor last named as the owner of the same noun before ("*Sudan's* army ... the army",
    "the *Kenyan* police ... the police"): what a definite description refers back to."""
    lemma = noun.lemma_.lower()
    for j in range(noun.i - 1, -1, -1):
        t = noun.doc[j]
        m = ctx.mention_at.get(j)
        if m is not None and m.actor_id and m.kind in ACTOR_KINDS and t.dep_ in ("poss", "amod", "compound") and t.head.lemma_.lower() == lemma:
            return Party(m.actor_id, m.person, m.kind, m.start_char)
    return None


def _unresolved_person_since(pronoun: Token, ctx: _Context) -> bool:
    """Was a person the codebook does not know named after the last known one, before the pronoun?

    "Ruto met envoys. ... The talks were led by Amina Odhiambo. *She* said ...": "she" is Odhiambo,
    whose actor is unknown, not Ruto; such a pronoun gets no actor from earlier sentences.
    """
    since = ctx.last_person.start_char if ctx.last_person is not None else -1
    for ent in pronoun.doc.ents:
        if ent.label_ == "PERSON" and since < ent.start_char and ent.end <= pronoun.i:
            m = ctx.mention_at.get(ent.root.i)
            if m is None or m.kind != "person" or not m.actor_id:
                return True
    return False


def _pair_without(found: list[Party], source_ids: set[str], token: Token, ctx: _Context) -> list[Party]:
    """Targets with "both sides" or "the two nations" re-read when the source is one of the pair.

    "A played a role in restoring ties between the two nations", "A urged both sides": A is not
    one of the two, so they are the two actors the article names most other than A.
    """
    if not any(p.how == "pair_anaphor" and p.actor in source_ids for p in found):
        return found
    return [p for p in found if p.how != "pair_anaphor"] + (ctx.pair_of(token, exclude=source_ids) or ctx.pair_named_most(source_ids))


def _about(token: Token, words: set[int]) -> bool:
    """Whether an act's object or prepositional phrase holds one of the token indices `words`.

    Its subject does not count (a sports team can restore ties), nor a time phrase ("five years
    after volleyball crowds burned the embassy").
    """
    for child in token.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ in ("prep", "agent") and child.lower_ not in TIME_PREPS:
            if any(t.i in words for t in child.subtree):
                return True
    return False


def _phrases_of(token: Token) -> list[Token]:
    """The words of a trigger's objects and prepositional phrases, without the clauses inside them,
    phrases of time and "according to": where an act lands ("struck depots *in Syria*"), not what
    else the sentence tells ("travelled to Moscow *ahead of* ... inside Syria")."""
    out: list[Token] = []

    def walk(t: Token) -> None:
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS or c.dep_ == "prep" and c.lower_ in TIME_PREPS | {"according", "despite"}:
                continue
            walk(c)

    for child in token.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ in ("prep", "npadvmod", "advmod") and child.lower_ not in TIME_PREPS | {"according", "despite"}:
            walk(child)
    return sorted(out, key=lambda t: t.i)


def _own_clause(token: Token) -> list[Token]:
    """The token's subtree without the clauses coordinated with it ("suspended trade ... and joined a case")."""
    skip = {t.i for c in token.children if c.dep_ == "conj" for t in c.subtree}
    return [t for t in token.subtree if t.i not in skip]


def _has_object(token: Token, objects: frozenset[str], quantity_nouns: frozenset[str] = frozenset(), particles: frozenset[str] = frozenset(),
                circumstances: frozenset[str] = frozenset()) -> bool:
    """Does the token have one of these words as object, modifier or object of its preposition?

    The verb's active subject is never its object: in "the bombardment continued" the pattern
    "continue * bombardment" does not fire (the noun is the act, coded with its own arguments).
    The object may hang below a particle's preposition ("pulled *out of* the deal") or below a
    quantity or container noun of `quantity_nouns` ("delivered *a convoy of* aid", "sent two
    *tonnes of* grain"), which says how much of the object, not what it is. A phrase of time, cause or
    concession (`circumstances`: "during", "amid", "despite", ...) tells when or why the act was done,
    never what it was done to: "launched an offensive *during the talks*" is not holding talks.
    token (Token): the trigger word.
    objects (frozenset[str]): the entry's object words.
    quantity_nouns (frozenset[str]): nouns whose "of" phrase holds the object (stance_rules.yaml).
    particles (frozenset[str]): particles whose preposition holds the object (`object_particles`).
    circumstances (frozenset[str]): prepositions whose phrase holds no object (`circumstance_preps`).
    RETURNS (bool): whether one of the words is there.
    """
    def named(t: Token) -> bool:
        return t.lemma_.lower() in objects or t.lower_ in objects

    for child in token.children:
        if child.dep_ in ("nsubj", "csubj", "expl") or child.dep_ == "prep" and child.lower_ in circumstances:
            continue
        if named(child):
            return True
        if child.dep_ in ("prep", "agent", "xcomp", "dobj", "pobj", "attr", "oprd", "dative"):
            if any(named(g) for g in child.children if g.dep_ in ("pobj", "dobj", "compound", "amod", "prep")):
                return True
            for g in child.children:
                if g.dep_ == "pobj" and any(h.lemma_.lower() in objects for h in g.children if h.dep_ in ("compound", "amod")):
                    return True
        if child.dep_ in ("dobj", "obj", "pobj", "nsubjpass", "attr") and child.lemma_.lower() in quantity_nouns:
            # "a shipment of oil", "two tonnes of grain"
            if any(named(o) for p in child.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"):
                return True
    if any(named(o) for o in _particle_objects(token, particles)):
        return True  # "pulled out of the deal", "walked away from the accord"
    if token.dep_ in ("nsubjpass", "nsubj") and token.head.lemma_.lower() in objects:
        return True
    return False


def _particle_objects(token: Token, particles: frozenset[str]) -> list[Token]:
    """The objects of the preposition a particle of `particles` takes: "pulled *out of the deal*",
    "walked *away from the accord*" -> deal, accord."""
    return [o for c in token.children if c.dep_ in ("prt", "prep") and c.lower_ in particles
            for p in c.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.pos_ in ("NOUN", "PROPN") and any(c.lower_ in ("no", "without") for c in token.children):
        return True
    head = token.head
    return token.dep_ in ("dobj", "pobj", "attr") and any(c.dep_ == "neg" for c in head.children)  # "we are not a threat"


def _trigger_text(token: Token, entry: Trigger) -> str:
    words = [token]
    for child in token.children:
        if entry.particle and child.lower_ in entry.particle:
            words.append(child)
        elif entry.objects and (child.lemma_.lower() in entry.objects or child.lower_ in entry.objects):
            words.append(child)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


def _unique(parties: list[Party]) -> list[Party]:
    """One party per actor, in order."""
    seen, out = set(), []
    for p in parties:
        if p.actor not in seen:
            seen.add(p.actor)
            out.append(p)
    return out


def _outer_acts_only(found: list[tuple[Token, Statement]]) -> list[tuple[Token, Statement]]:
    """Drop a row that repeats, between the same actors, an act coded by a trigger governing it.

    "convened for discussions", "reached understanding on coordinating": one act told twice.
    """
    kept = []
    for token, row in found:
        key = (row.source_actor, row.target_actor, row.stance, row.modality)
        ancestors = {a.i for a in token.ancestors}
        # "referred to X as ... and has backed the case against X": coordinated clauses are two acts
        walk = token
        while walk.dep_ == "conj" and walk.head.i != walk.i:
            walk = walk.head
            ancestors.discard(walk.i)
        # A different act inside it ("met ..., thanking him") stays; the same act, or one named
        # in a prepositional phrase of the outer one ("understanding on coordinating"), goes.
        # A phrase of time ("following a meeting with X, affirmed ...") tells an act of its own.
        inside_phrase = token.dep_ in ("pcomp", "pobj") and token.head.lower_ not in TIME_PREPS
        if any(
            other_token.i != token.i
            and other_token.i in ancestors
            and (other.source_actor, other.target_actor, other.stance, other.modality) == key
            and (other.plover == row.plover or inside_phrase)
            for other_token, other in found
        ):
            continue
        kept.append((token, row))
    return kept


def with_sectors(rows: list[Statement], mentions: list[Mention]) -> list[Statement]:
    """Give each statement the sector of the mentions that play its source and target.

    The role's mention is one of its actor (and person, if any) in the statement's sentence: for
    the source the nearest before the trigger, else after; for the target the nearest after,
    else before. A role filled from an earlier sentence ("it", "the ministry") takes the last
    mention of its actor before the sentence. "Syrian troops shelled rebel positions" -> MIL.
    """
    def sector(actor: str, person: str, row: Statement, prefer_before: bool, at: int = -1) -> str:
        if not actor:
            return ""
        own = [m for m in mentions if m.actor_id == actor and (not person or m.person == person)]
        played = [m for m in own if at >= 0 and m.start_char <= at < m.end_char]
        if played:  # the coder says which mention played the role
            return played[0].sector
        here = [m for m in own if row.start_char <= m.start_char < row.end_char]
        before = sorted((m for m in here if m.start_char < row.trigger_start), key=lambda m: -m.start_char)
        after = sorted((m for m in here if m.start_char >= row.trigger_end), key=lambda m: m.start_char)
        earlier = sorted((m for m in own if m.start_char < row.start_char), key=lambda m: -m.start_char)
        candidates = (before + after if prefer_before else after + before) + earlier
        return candidates[0].sector if candidates else ""

    return [
        replace(row, source_sector=sector(row.source_actor, row.source_person, row, True, row.source_char),
                target_sector=row.target_sector or sector(row.target_actor, row.target_person, row, False, row.target_char))
        for row in rows
    ]


def _dedupe(rows: list[Statement]) -> list[Statement]:
    """One row per (sentence, source, target, issue, category, modality), the most confident one.

    Two triggers of a sentence may code the same statement ("condemned and denounced B"), found by
    rules of different strength; the row kept is the one its roles were found most surely, in the
    place of the first (text order is kept). Equal confidence keeps the first.
    rows (list[Statement]): the rows of a document in text order.
    RETURNS (list[Statement]): the rows without duplicates.
    """
    rank = {level: i for i, level in enumerate(CONFIDENCE_LEVELS)}
    best: dict[tuple, int] = {}
    out: list[Statement] = []
    for row in rows:
        key = (row.start_char, row.source_actor, row.target_actor, row.issue, row.plover, row.modality)
        if key not in best:
            best[key] = len(out)
            out.append(row)
        elif rank.get(row.confidence, len(rank)) < rank.get(out[best[key]].confidence, len(rank)):
            out[best[key]] = row
    return out
