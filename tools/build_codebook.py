#!/usr/bin/env python3
"""Build and validate the newscoder actor codebook (codebook/*.yaml).

What it does
  1. (Re)generates codebook/persons_phoenix.yaml from the Phoenix actor dictionaries
     (Phoenix.Countries / Phoenix.International / Phoenix.MilNonState .actors.txt of
     openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf, MIT licence),
     read from the JSONL extract `phoenix_actors.jsonl` in the project's shared/peer
     folder (looked up as ../shared/peer/ next to the repository, then
     /work/shared/peer/). That folder is NOT part of a user's clone: without it the step
     is skipped and the committed persons_phoenix.yaml is only validated.
  2. Validates every codebook file (actors, persons, persons_phoenix, non_actors,
     titles) and exits non-zero on any error.

Usage
  python tools/build_codebook.py                 # regenerate if Phoenix data is found, then validate
  python tools/build_codebook.py --check         # validate only
  python tools/build_codebook.py --phoenix PATH  # regenerate from PATH/phoenix_actors.jsonl (or the file itself)

Only the standard library and PyYAML are used.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CODEBOOK = ROOT / "codebook"
DEFAULT_PHOENIX = [
    ROOT.parent / "shared" / "peer" / "phoenix_actors.jsonl",
    Path("/work/shared/peer/phoenix_actors.jsonl"),
]
PHOENIX_SOURCE = "openeventdata/petrarch2 @ 676801cd9cb2924bbbad09f86d15c9323e7097bf"

ACTOR_TYPES = {"state", "igo", "armed_group", "de_facto_state", "party", "community", "other"}
STRING_FIELDS = ("aliases", "demonyms", "metonyms", "institutions")

# The 193 UN member states (ISO 3166-1 alpha-3) plus the two observer states, Taiwan
# and Kosovo (XKX, user-assigned). actors.yaml must contain exactly these as `state`.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH
BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP
CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU
GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ
KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS
MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN
PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC
SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN
TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
EXTRA_STATES = ["PSE", "VAT", "TWN", "XKX"]

# --------------------------------------------------------------------------- helpers

_TRANSLATE = str.maketrans({
    "ı": "i", "ə": "e", "Ə": "E", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ð": "d", "þ": "th", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "–": "-", "—": "-",
})


def norm_key(text: str) -> str:
    """Comparison key: diacritics stripped, typographic apostrophes/dashes unified, casefolded."""
    text = unicodedata.normalize("NFKD", str(text).translate(_TRANSLATE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().casefold()


def merge_key(text: str) -> str:
    """Looser key used to merge Phoenix duplicates: also ignores periods ("R.K." = "R K")."""
    return re.sub(r"\s+", " ", norm_key(text).replace(".", " ")).strip()


def parse_date(value, where: str, errors: list) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    errors.append(f"{where}: bad date {value!r} (want YYYY-MM-DD)")
    return None


def load_yaml(path: Path, errors: list):
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        errors.append(f"{path.name}: missing")
    except yaml.YAMLError as exc:
        errors.append(f"{path.name}: YAML error: {exc}")
    return None


def yq(text: str) -> str:
    """Render a string as a YAML scalar: plain when safe, else JSON-style double quotes."""
    if re.fullmatch(r"[^\W\d_][\w .'\-]*[\w.]", text) and not re.search(r"\s$", text) \
            and text.lower() not in {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}:
        return text
    return json.dumps(text, ensure_ascii=False)


# --------------------------------------------------------------------------- Phoenix import

# Phoenix agent codes (3 letters after the country code) -> readable role words.
AGENT_WORDS = {
    "GOV": "government", "MIL": "military", "ELI": "elite", "OPP": "opposition", "REB": "rebel",
    "LEG": "legislature", "JUD": "judiciary", "SPY": "intelligence", "COP": "police",
    "BUS": "business", "MED": "media", "HLH": "health", "EDU": "education", "AGR": "agriculture",
    "DEV": "development", "ENV": "environment", "LAB": "labour", "HRI": "human rights",
    "REL": "religion", "MUS": "Muslim", "CHR": "Christian", "JEW": "Jewish", "BUD": "Buddhist",
    "HIN": "Hindu", "PTY": "party", "CVL": "civilian", "REF": "refugees", "CRM": "criminal",
    "UAF": "armed group", "RAD": "radical", "NGO": "NGO", "INS": "insurgent", "SEP": "separatist",
    "IGO": "IGO", "PPL": "people", "SET": "settlers", "MOD": "moderate", "CTH": "Catholic",
    "ORT": "Orthodox", "PRO": "Protestant", "SHI": "Shia", "SUN": "Sunni", "SUF": "Sufi",
    "IMG": "militant", "UNR": "unrecognised", "MNC": "corporation", "ATH": "athletes",
    "NMR": "non-Muslim religious", "ADM": "administration", "INT": "international",
}

# Phoenix IGO codes -> our ids; longest prefix wins. IGOUNO* catches UN bodies without their own id.
IGO_MAP = {
    "IGOUNOIAE": "IAEA", "IGOUNOHLHWHO": "WHO", "IGOUNODEVWBK": "WB", "IGOUNOWBK": "WB",
    "IGOUNOREFHCR": "UNHCR", "IGOUNOKID": "UNICEF", "IGOUNOWFP": "WFP", "IGOUNOJUDICJ": "ICJ",
    "IGOUNO": "UN", "IGOBUSIMF": "IMF", "IGOBUSWTO": "WTO", "IGOWSTNAT": "NATO", "IGOEUREEC": "EU",
    "IGOMEAARL": "ARAB_LEAGUE", "IGOAFRAFU": "AU", "IGOSEAASN": "ASEAN", "IGOBUSOPC": "OPEC",
    "IGOOPC": "OPEC", "IGOOAS": "OAS", "IGOWAFWAS": "ECOWAS", "IGOWAFBUSWAS": "ECOWAS",
    "IGOSAFDEVSAD": "SADC", "IGOSAFSAD": "SADC", "IGOPGSGCC": "GCC", "IGOCOPITP": "INTERPOL",
    "IGOJUDICC": "ICC", "IGOCASCIS": "CIS", "IGOEURCOE": "COE", "IGOMOSOIC": "OIC",
    "IGOEAFDEVIAD": "IGAD", "IGODEVIAD": "IGAD", "IGOEAFEAC": "EAC", "IGOSASSAA": "SAARC",
    "IGOCWN": "COMMONWEALTH",
}
# Generic Phoenix codes (IGO, IGOCRB, IGOWSTBUS, IGOCAS ...) resolved by the entry's comment.
IGO_COMMENT_MAP = [
    (re.compile(r"criminal police|interpol", re.I), "INTERPOL"),
    (re.compile(r"security and co-?operation in europe|\bOSCE\b", re.I), "OSCE"),
    (re.compile(r"chemical weapons|\bOPCW\b", re.I), "OPCW"),
    (re.compile(r"caribbean community|caricom", re.I), "CARICOM"),
    (re.compile(r"economic co-?operation and development|\bOECD\b", re.I), "OECD"),
    (re.compile(r"shanghai", re.I), "SCO"),
    (re.compile(r"gulf cooperation", re.I), "GCC"),
    (re.compile(r"\bASEAN\b|southeast asia", re.I), "ASEAN"),
]
# Phoenix armed-group code fragments -> our ids.
GROUP_MAP = {"MUSALQ": "ALQAEDA", "MUSISI": "ISIS", "REBHMS": "HAMAS"}
# Old / CAMEO-specific country codes -> our ids. Historic states (SUN, USR, YUG, SCG, DDR,
# CSK), dependencies (HKG, ABW, BMU, ...) and the fictional test country KNT are not mapped.
COUNTRY_ALIAS = {"KSV": "XKX", "TMP": "TLS", "ROM": "ROU", "ZAR": "COD"}

ORG_WORDS = re.compile(
    r"\b(MINISTRY|MINISTRIES|MINISTER|MINISTERS|DEPARTMENT|ARMY|FORCES?|COUNCIL|PARTY|GOVERNMENT|"
    r"COMMITTEE|COMMISSION|ASSEMBLY|PARLIAMENT|CONGRESS|UNION|FRONT|MOVEMENT|ORGANI[SZ]ATION|"
    r"AGENCY|BANK|OFFICE|COURT|SENATE|POLICE|GUARDS?|BRIGADES?|GROUPS?|ALLIANCE|REPUBLIC|KINGDOM|"
    r"STATES?|NATIONS?|LEAGUE|ISLANDS?|SERVICES?|BUREAU|AUTHORITY|INSTITUTE|UNIVERSITY|"
    r"ASSOCIATION|FEDERATION|CORPS|CABINET|REGIME|COALITION|NAVY|MILITARY|ADMINISTRATION|JUNTA|"
    r"OFFICIALS|DIRECTORATE|SECRETARIAT|CHAMBER|BOARD|FUND|TRIBUNAL|DECLARATION|PALACE|HOUSE|"
    r"STREET|RESERVE|SECRETARY|DIRECTOR|PRESIDENT|PREMIER|CHANCELLOR|AMBASSADOR|SPOKESMAN|"
    r"CONTINGENT|MISSION|MONITOR|PEACEKEEPERS?|TROOPS|SOLDIERS|REBELS|MILITANTS|SUPPORTERS|"
    r"FAMILY|CLAN|TRIBE|PEOPLE|COMMUNITY|NETWORK|CENTER|CENTRE|FOUNDATION|TRUST|COMPANY|"
    r"CORPORATION|INC|LTD|PROJECT|PROGRAMME|PROGRAM|INITIATIVE|OPERATION|TREATY|ACCORD|"
    r"AGREEMENT|CONFERENCE|SUMMIT|ELECTION|REGION|PROVINCE|DISTRICT|CITY|TOWN|VILLAGE|CAMP|"
    r"MUJAHIDEEN|MUJAHIDIN|JIHAD|JEMAAH|JAMAAH|JAMAAT|LASHKAR|LASKAR|HARKAT|HARAKAT|HARAKUT|"
    r"TALIBAN|QAEDA|QAIDA|SHAM|ISLAMIYA|ISLAMIYAH|ISLAMI|ANSAR|SABHA|KNESSET|DUMA|MAJLIS|"
    r"RADA|YUAN|SEJM|DIET|ARMED|GENERAL|COMMAND|HEADQUARTERS|WING|DIVISION|BATTALION|"
    r"REGIMENT|UNIT|UNITS|CELL|CELLS|SQUAD|TEAM|TEAMS|NEWS|TIMES|POST|RADIO|TELEVISION|TV|"
    r"YARD|ROUGE|RIFLES|SS|RIOT|HEZBOLLAH|REVOLUTION|JIHADIA|PANTHERS|MILITIA|COMMANDOS?|"
    r"VOLUNTEERS|FACTION|NUCLEUS|NUCLEI|STRUGGLE|RESISTANCE|SOLIDARITY|ACTION|LIBERATION|"
    r"REVOLUTIONARY|REVOLUTIONARIES|ANARCHISTS?|GUERRILLAS|GUERILLAS|YOUTHS?|SOCIETY|ORDER|"
    r"BROTHERHOOD|LEGION|AVENGERS|WARRIORS|PATRIOTS|FIGHTERS|SONS|CHILDREN|DAUGHTERS|KNIGHTS|"
    r"WIDOWS|SWORD|BANNER|PARTISANS|MARTYRS|HEROES|TIGERS|HAWKS|GANG|COUNTRIES|BODIES|ENVOY|"
    r"RESIDENT|REPRESENTATIVE|PANEL|CLIMATE|SKINHEADS|FREEMEN|PRIESTS|PRIESTHOOD|OPPOSITION|"
    r"SOCIALISTS|COMMUNISTS?|INTIFADA|MUSLIMS|ISLAMIC|SHARIAT|QA'IDA|QAI'DAH|QA'EDA|KATA'IB|"
    r"SARAYA|JAISH|SALAFIA|SALAFIST|RED|PROLETARIAN|NATIONALIST|IMPERIALIST|THINK|TANK)\b")
# Phrases starting with an organisation acronym are descriptions ("UN ENVOY", "EU HIGH REPRESENTATIVE").
LEADING_ACRONYM = re.compile(r"^(UN|U\.N\.|EU|E\.U\.|US|U\.S\.|ASEAN|OHCHR|NATO|AU|IMF|WHO|ICC|ICJ|IAEA|OPEC|GCC|OIC)\b")
# Agent codes that may mark a person in an entry WITHOUT dates (group codes such as REB,
# UAF, CRM, INS, SEP, RAD are excluded there: such undated entries are nearly all groups).
UNDATED_PERSON_AGENTS = {"GOV", "ELI", "MIL", "OPP", "LEG", "JUD", "SPY", "COP", "MED", "BUS",
                         "HLH", "EDU", "AGR", "DEV", "ENV", "LAB", "HRI"}
# Leading words that make a phrase a title/description rather than a name.
TITLE_LEAD = re.compile(
    r"^(PRESIDENT|PRIME|MINISTER|FORMER|EX|DEPUTY|VICE|GENERAL|GEN\.?|LT\.?|COL\.?|MAJ\.?|"
    r"CAPT\.?|ADM\.?|ADMIRAL|MARSHAL|FIELD|COLONEL|CAPTAIN|KING|QUEEN|PRINCE|PRINCESS|EMIR|"
    r"AMIR|CROWN|SULTAN|SHAH|AYATOLLAH|GRAND|SUPREME|CHAIRMAN|CHIEF|LEADER|COMMANDER|"
    r"AMBASSADOR|ENVOY|SENATOR|SEN\.?|REP\.?|GOVERNOR|GOV\.?|MAYOR|SECRETARY|SPEAKER|JUDGE|"
    r"JUSTICE|DR\.?|MR\.?|MRS\.?|MS\.?|SIR|LADY|LORD|DAME|REV\.?|REVEREND|FATHER|POPE|"
    r"CARDINAL|BISHOP|ARCHBISHOP|PATRIARCH|CHANCELLOR|PREMIER|OPPOSITION|REBEL|MILITANT|"
    r"EXTREMIST|COMMANDER|OFFICIAL|THE|A|AN)\b")
LEADING_HONORIFIC = re.compile(r"^(SIR|DR\.?|MR\.?|MRS\.?|MS\.?|DAME)\s+")
PARTICLES = {"al", "el", "bin", "bint", "ibn", "ben", "de", "da", "das", "do", "dos", "del",
             "della", "di", "du", "van", "von", "der", "den", "ter", "y", "e", "ould", "ag", "wa"}
ROMAN = re.compile(r"^(II|III|IV|VI|VII|VIII|IX|XI|XII)$")


def _cap_word(word: str) -> str:
    if ROMAN.match(word):
        return word
    if re.fullmatch(r"(?:[A-Z]\.?)+", word) and ("." in word or len(word) == 1):
        return word  # initials: B.  R.K.
    lower = word.lower()
    out = lower[:1].upper() + lower[1:]
    # O'Brien, D'Escoto (single-letter prefix before an apostrophe)
    out = re.sub(r"^([A-Za-z])'([a-z])", lambda m: m.group(1).upper() + "'" + m.group(2).upper(), out)
    # McCully
    out = re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), out)
    return out


def title_case(phrase: str) -> str:
    """Title-case an UPPERCASE Phoenix phrase, keeping name particles lower-case."""
    tokens = phrase.split()
    words = []
    for i, tok in enumerate(tokens):
        parts = tok.split("-")
        cased = []
        for j, part in enumerate(parts):
            low = part.lower()
            is_particle = low in PARTICLES and (i > 0 or j > 0)
            if is_particle and (j < len(parts) - 1 or (j == 0 and len(parts) == 1)):
                cased.append(low)
            else:
                cased.append(_cap_word(part) if part else part)
        words.append("-".join(cased))
    return " ".join(words)


def looks_like_name(phrase: str) -> bool:
    p = phrase.strip()
    toks = p.split()
    if len(toks) < 2 or len(toks) > 6:
        return False
    if re.search(r"[0-9/()&,;:!?\"]", p):
        return False
    if ORG_WORDS.search(p) or TITLE_LEAD.match(p) or LEADING_ACRONYM.match(p):
        return False
    # abbreviations such as "SEC." / "MIN." (initials like "B." are fine)
    if any(re.fullmatch(r"[A-Z]{2,}\.", t) for t in toks):
        return False
    return True


def map_code(code: str, comment: str, state_ids: set, actor_ids: set):
    """Return (actor_id, role) for one Phoenix code, or None if it maps to nothing we code."""
    if not code or code.startswith("---"):
        return None
    for frag, gid in GROUP_MAP.items():
        if frag in code:
            return gid, "member"
    if code.startswith("IGO"):
        target = None
        for prefix in sorted(IGO_MAP, key=len, reverse=True):
            if code.startswith(prefix):
                target = IGO_MAP[prefix]
                break
        if target is None:
            for rx, gid in IGO_COMMENT_MAP:
                if rx.search(comment or ""):
                    target = gid
                    break
        if target is None or target not in actor_ids:
            return None
        role = "Council of the EU presidency" if target == "EU" and "CoEU" in (comment or "") else "official"
        return target, role
    if code[:3] in ("MNC", "NGO", "IMG", "INT"):
        return None
    cc = COUNTRY_ALIAS.get(code[:3], code[:3])
    if cc not in state_ids:
        return None
    agents = [code[i:i + 3] for i in range(3, len(code), 3)]
    if not agents:
        return cc, "state"
    words = [AGENT_WORDS.get(a, a.lower()) for a in agents]
    role = words[0] + (f" ({', '.join(words[1:])})" if len(words) > 1 else "")
    return cc, role


def build_phoenix(phoenix_path: Path, actors: list, curated_keys: set, actor_keys: dict) -> tuple[list, dict]:
    """Return (persons, stats) extracted from phoenix_actors.jsonl."""
    state_ids = {a["id"] for a in actors if a.get("type") == "state"}
    actor_ids = {a["id"] for a in actors}
    stats = collections.Counter()
    raw = []
    with phoenix_path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("file") not in ("Phoenix.Countries", "Phoenix.International", "Phoenix.MilNonState"):
                continue
            stats["entries"] += 1
            codes = rec.get("codes") or []
            phrases = [p for p in rec.get("phrases") or [] if p and p.strip()]
            if not codes or not phrases:
                continue
            primary = LEADING_HONORIFIC.sub("", phrases[0].strip())
            if len(primary.split()) < 2:
                stats["skip_single_word"] += 1
                continue
            dated = any(c.get("start") or c.get("end") or c.get("date_parse_error") for c in codes)
            if rec["file"] == "Phoenix.MilNonState":
                # armed-group file: only members of groups we code (al-Qaeda, ISIS, Hamas)
                agentish = any(frag in c["code"] for c in codes for frag in GROUP_MAP)
            else:
                agentish = any(
                    len(c["code"]) >= 6 and c["code"][3:6] in UNDATED_PERSON_AGENTS for c in codes
                ) or any(c["code"].startswith("IGO") for c in codes) or any(
                    frag in c["code"] for c in codes for frag in GROUP_MAP)
            if not (dated or agentish):
                continue
            if rec["file"] == "Phoenix.MilNonState" and not agentish:
                continue
            if not looks_like_name(primary):
                stats["skip_not_a_name"] += 1
                continue
            comment = rec.get("comment") or ""
            roles, default = [], None
            for c in codes:
                mapped = map_code(c["code"], comment, state_ids, actor_ids)
                if mapped is None:
                    continue
                actor, role = mapped
                if c.get("start") or c.get("end"):
                    r = {"actor": actor, "role": role}
                    if c.get("start"):
                        r["start"] = c["start"]
                    if c.get("end"):
                        r["end"] = c["end"]
                    if "start" in r and "end" in r and r["start"] >= r["end"]:
                        stats["skip_bad_interval"] += 1
                        continue
                    if r not in roles:
                        roles.append(r)
                elif c.get("date_parse_error"):
                    default = default or actor  # date unreadable in Phoenix: keep the actor only
                else:
                    default = default or actor
            if not roles and default is not None:
                # Only an undated code: keep its sector as an always-valid role so that the
                # role word (opposition, elite, ...) stays visible.
                undated = [map_code(c["code"], comment, state_ids, actor_ids) for c in codes
                           if not (c.get("start") or c.get("end") or c.get("date_parse_error"))]
                undated = [m for m in undated if m is not None]
                if undated:
                    roles.append({"actor": undated[0][0], "role": undated[0][1]})
            if default is None and roles:
                latest = max(roles, key=lambda r: (r.get("end", "9999-12-31"), r.get("start", "")))
                default = latest["actor"]
            if default is None:
                stats["skip_unmapped_code"] += 1
                continue
            variants = []
            for p in phrases[1:]:
                p = p.strip()
                if looks_like_name(p):
                    v = title_case(p)
                    if norm_key(v) != norm_key(title_case(primary)) and v not in variants:
                        variants.append(v)
            raw.append({"name": title_case(primary), "variants": variants, "actor": default,
                        "roles": roles, "_file": rec["file"], "_line": rec.get("line")})
    stats["candidates"] = len(raw)

    # Merge entries that share a name (the same person listed in several files/sections)
    # when their non-IGO affiliations agree; drop the name as ambiguous otherwise.
    by_name = collections.defaultdict(list)
    for p in raw:
        by_name[merge_key(p["name"])].append(p)
    merged = []
    for key, group in by_name.items():
        if len(group) == 1:
            merged.append(group[0])
            continue
        states = {p["actor"] for p in group if p["actor"] in state_ids}
        if len(states) > 1:
            stats["skip_same_name_different_country"] += len(group)
            continue
        base = dict(group[0])
        base["variants"] = list(group[0]["variants"])
        base["roles"] = list(group[0]["roles"])
        for p in group[1:]:
            base["variants"] += [v for v in p["variants"] if v not in base["variants"]]
            base["roles"] += [r for r in p["roles"] if r not in base["roles"]]
        base["actor"] = states.pop() if states else group[0]["actor"]
        stats["merged_duplicates"] += len(group) - 1
        merged.append(base)

    # Curated persons.yaml overrides: skip any Phoenix person whose name or variant collides.
    kept = []
    for p in merged:
        keys = {norm_key(p["name"])} | {norm_key(v) for v in p["variants"]}
        if keys & curated_keys:
            stats["skip_collides_with_curated"] += 1
            continue
        kept.append(p)

    # Variants shared by two Phoenix persons (or equal to another person's name, or to an
    # actor string) are dropped from all of them.
    owners = collections.defaultdict(set)
    for i, p in enumerate(kept):
        owners[norm_key(p["name"])].add(i)
        for v in p["variants"]:
            owners[norm_key(v)].add(i)
    for i, p in enumerate(kept):
        good = []
        for v in p["variants"]:
            k = norm_key(v)
            if len(owners[k]) > 1 or k in actor_keys:
                stats["dropped_shared_variants"] += 1
                continue
            good.append(v)
        p["variants"] = good
    # Names equal to an actor string would shadow the actor: skip those persons.
    final = []
    for p in kept:
        if norm_key(p["name"]) in actor_keys:
            stats["skip_name_is_actor_string"] += 1
            continue
        final.append(p)
    final.sort(key=lambda p: (p["actor"], norm_key(p["name"])))
    stats["persons"] = len(final)
    return final, stats


def write_phoenix_yaml(persons: list, stats: dict, out: Path) -> None:
    lines = [
        "# newscoder — persons_phoenix.yaml (GENERATED, do not edit by hand)",
        "#",
        "# Generated by tools/build_codebook.py from the Phoenix actor dictionaries",
        "# (Phoenix.Countries / Phoenix.International / Phoenix.MilNonState .actors.txt),",
        f"# {PHOENIX_SOURCE}, MIT licence, Copyright (c) the openeventdata contributors.",
        "# Upper-case Phoenix phrases were title-cased automatically; spellings are Phoenix's.",
        "#",
        "# * Curated codebook/persons.yaml OVERRIDES this file: any Phoenix person whose name or",
        "#   variant collides with a curated person was left out.",
        "# * STALE for recent years: Phoenix was last updated around 2014-2016; offices held",
        "#   after that are missing and open-ended roles (no `end`) may have ended long ago.",
        "# * Same schema as persons.yaml. `role` is Phoenix's sector code in words: government,",
        "#   military, elite (prominent but out of office), opposition, rebel, legislature,",
        "#   judiciary, intelligence, police, business, media, ...; for an IGO `official`.",
        "#   A role of opposition/rebel means the person belongs to that country's opposition or",
        "#   rebels, NOT that the person speaks for its government.",
        "#   A role without `start` is valid from the beginning of the record (Phoenix gave only",
        "#   an end date); a role with neither `start` nor `end` is always valid (Phoenix gave",
        "#   the person one undated code). `actor` is the undated (default) Phoenix code's actor,",
        "#   else the actor of the latest role.",
        "# * Skipped: one-word names, non-person entries, codes we do not map (historic states,",
        "#   dependencies, NGOs, companies, unmapped IGOs), names shared by people of different",
        "#   countries; variants shared between Phoenix persons were dropped from all of them.",
        "#",
        "# Counts: " + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())),
        "",
        "persons:",
    ]
    for p in persons:
        lines.append(f"  - name: {yq(p['name'])}")
        lines.append("    variants: [" + ", ".join(yq(v) for v in p["variants"]) + "]")
        lines.append(f"    actor: {p['actor']}")
        if p["roles"]:
            lines.append("    roles:")
            for r in sorted(p["roles"], key=lambda r: (r.get("start", ""), r.get("end", ""))):
                parts = [f"actor: {r['actor']}", f"role: {yq(r['role'])}"]
                if "start" in r:
                    parts.append(f"start: {r['start']}")
                if "end" in r:
                    parts.append(f"end: {r['end']}")
                lines.append("      - {" + ", ".join(parts) + "}")
        else:
            lines.append("    roles: []")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- validation

def check_str_list(value, where: str, errors: list, allow_empty=True) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append(f"{where}: expected a list, got {type(value).__name__}")
        return []
    out = []
    for item in value:
        if not isinstance(item, str):
            errors.append(f"{where}: non-string item {item!r} (quote it in YAML)")
        elif not item.strip() or item != item.strip():
            errors.append(f"{where}: empty or padded string {item!r}")
        else:
            out.append(item)
    if not out and not allow_empty:
        errors.append(f"{where}: empty list")
    return out


def validate_actors(data, errors: list, warnings: list):
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        errors.append("actors.yaml: top-level key `actors:` with a list is required")
        return [], {}
    actors = data["actors"]
    ids = collections.Counter()
    owner = {}
    for i, a in enumerate(actors):
        where = f"actors.yaml[{i}]"
        if not isinstance(a, dict):
            errors.append(f"{where}: not a mapping")
            continue
        aid = a.get("id")
        if not isinstance(aid, str) or not re.fullmatch(r"[A-Z][A-Z0-9_]*", aid):
            errors.append(f"{where}: bad id {aid!r}")
            continue
        where = f"actors.yaml {aid}"
        ids[aid] += 1
        if not isinstance(a.get("name"), str) or not a["name"].strip():
            errors.append(f"{where}: missing name")
        if a.get("type") not in ACTOR_TYPES:
            errors.append(f"{where}: type {a.get('type')!r} not in {sorted(ACTOR_TYPES)}")
        if a.get("type") == "state" and not re.fullmatch(r"[A-Z]{3}", aid):
            errors.append(f"{where}: state ids must be 3-letter codes")
        extra = set(a) - {"id", "name", "type", "country", "sector", "groups", "homonym_cues", *STRING_FIELDS}
        if extra:
            errors.append(f"{where}: unknown fields {sorted(extra)}")
        seen_here = {}
        for field in STRING_FIELDS:
            if field not in a:
                errors.append(f"{where}: field `{field}` missing (use [] for none)")
            for s in check_str_list(a.get(field), f"{where}.{field}", errors):
                k = norm_key(s)
                # Diacritic / case / apostrophe variants of one string are intentional
                # (ASCII and native forms); only exact repeats are reported.
                if s in seen_here:
                    warnings.append(f"{where}: {s!r} listed twice ({seen_here[s]} and {field})")
                seen_here.setdefault(s, field)
                if k in owner and owner[k][0] != aid:
                    errors.append(f"string {s!r} maps to two actors: {owner[k][0]} ({owner[k][1]}) and {aid} ({field})")
                owner.setdefault(k, (aid, field))
        if not check_str_list(a.get("aliases"), f"{where}.aliases", []):
            errors.append(f"{where}: at least one alias is required")
    for aid, n in ids.items():
        if n > 1:
            errors.append(f"actors.yaml: id {aid} appears {n} times")
    states = {a["id"] for a in actors if isinstance(a, dict) and a.get("type") == "state"}
    expected = set(UN_MEMBERS) | set(EXTRA_STATES)
    if len(UN_MEMBERS) != 193:
        errors.append("build script: UN member list is not 193 long")
    for missing in sorted(expected - states):
        errors.append(f"actors.yaml: state {missing} missing")
    for unexpected in sorted(states - expected):
        errors.append(f"actors.yaml: unexpected state id {unexpected}")
    return actors, owner


def validate_persons(data, fname: str, actor_ids: set, errors: list, warnings: list,
                     taken: dict | None = None, require_start=True):
    if not isinstance(data, dict) or not isinstance(data.get("persons"), list):
        errors.append(f"{fname}: top-level key `persons:` with a list is required")
        return {}
    owners = {} if taken is None else taken
    mine = {}
    for i, p in enumerate(data["persons"]):
        where = f"{fname}[{i}]"
        if not isinstance(p, dict):
            errors.append(f"{where}: not a mapping")
            continue
        name = p.get("name")
        if not isinstance(name, str) or not name.strip():
            errors.append(f"{where}: missing name")
            continue
        where = f"{fname} {name!r}"
        extra = set(p) - {"name", "variants", "actor", "roles"}
        if extra:
            errors.append(f"{where}: unknown fields {sorted(extra)}")
        if p.get("actor") not in actor_ids:
            errors.append(f"{where}: actor {p.get('actor')!r} not in actors.yaml")
        strings = [name] + check_str_list(p.get("variants"), f"{where}.variants", errors)
        local, exact = set(), set()
        for s in strings:
            k = norm_key(s)
            if s in exact:
                warnings.append(f"{where}: variant {s!r} repeated")
            exact.add(s)
            if k in local:
                continue  # ASCII / diacritic / case forms of one variant are intentional
            local.add(k)
            if k in mine and mine[k] != name:
                errors.append(f"{fname}: variant {s!r} belongs to two persons: {mine[k]!r} and {name!r}")
            elif k in owners and owners[k][1] != fname:
                errors.append(f"{fname}: variant {s!r} of {name!r} collides with {owners[k][0]!r} in {owners[k][1]}")
            mine.setdefault(k, name)
        roles = p.get("roles")
        if roles is None:
            roles = []
        if not isinstance(roles, list):
            errors.append(f"{where}: roles must be a list")
            continue
        spans = []
        for j, r in enumerate(roles):
            rw = f"{where}.roles[{j}]"
            if not isinstance(r, dict):
                errors.append(f"{rw}: not a mapping")
                continue
            extra = set(r) - {"actor", "role", "start", "end"}
            if extra:
                errors.append(f"{rw}: unknown fields {sorted(extra)}")
            if r.get("actor") not in actor_ids:
                errors.append(f"{rw}: actor {r.get('actor')!r} not in actors.yaml")
            if not isinstance(r.get("role"), str) or not r["role"].strip():
                errors.append(f"{rw}: role missing")
            start = parse_date(r["start"], rw + ".start", errors) if "start" in r else None
            end = parse_date(r["end"], rw + ".end", errors) if "end" in r else None
            if "start" not in r and require_start:
                errors.append(f"{rw}: start missing")
            if start and end and not start < end:
                errors.append(f"{rw}: start {start} is not before end {end}")
            if start and start > dt.date(2026, 12, 31):
                errors.append(f"{rw}: start {start} in the future")
            if isinstance(r, dict) and (start or end):
                spans.append((start or dt.date.min, end or dt.date.max, r.get("actor")))
        if require_start:
            for a in range(len(spans)):
                for b in range(a + 1, len(spans)):
                    s1, e1, x1 = spans[a]
                    s2, e2, x2 = spans[b]
                    if x1 != x2 and s1 < e2 and s2 < e1:
                        warnings.append(f"{where}: roles for {x1} and {x2} overlap")
    for k, n in mine.items():
        owners.setdefault(k, (n, fname))
    return owners


def validate_non_actors(data, actor_owner: dict, person_owner: dict, errors: list, warnings: list):
    if not isinstance(data, dict):
        errors.append("non_actors.yaml: mapping with outlets / outlet_suffixes / other required")
        return {}
    extra = set(data) - {"outlets", "outlet_suffixes", "other", "geographic_nouns", "capitals_only", "credit_before", "credit_after",
                         "event_nouns", "places", "transliteration"}
    if extra:
        errors.append(f"non_actors.yaml: unknown keys {sorted(extra)}")
    counts = {}
    counts["event_nouns"] = len(check_str_list(data.get("event_nouns"), "non_actors.yaml.event_nouns", errors))
    pairs = data.get("transliteration") or []
    if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) and x for x in p) for p in pairs):
        errors.append("non_actors.yaml.transliteration: expected a list of [spelling, spelling] pairs of non-empty strings")
    counts["transliteration"] = len(pairs) if isinstance(pairs, list) else 0
    places = data.get("places") or {}
    actor_ids = {aid for aid, _ in actor_owner.values()}
    if not isinstance(places, dict):
        errors.append("non_actors.yaml.places: expected a mapping of actor id -> list of place names")
        places = {}
    for aid, names in places.items():
        if aid not in actor_ids:
            errors.append(f"non_actors.yaml.places: {aid!r} is not an actor id of actors.yaml")
        for name in check_str_list(names, f"non_actors.yaml.places.{aid}", errors):
            if norm_key(name) in actor_owner:
                warnings.append(f"non_actors.yaml.places.{aid}: {name!r} is also an actor string of {actor_owner[norm_key(name)][0]}")
    counts["places"] = sum(len(v or []) for v in places.values())
    seen, exact = {}, set()
    suffixes = {norm_key(x) for x in check_str_list(data.get("outlet_suffixes"), "outlet_suffixes", [])}
    # An actor string or curated person variant ending in an outlet suffix would be
    # swallowed by the outlet rule ("... Post", "... Times").
    for k, (aid, field) in actor_owner.items():
        if " " in k and k.rsplit(" ", 1)[1] in suffixes:
            errors.append(f"actors.yaml {aid}.{field}: {k!r} ends in an outlet suffix")
    for k, (who, fname) in person_owner.items():
        if " " in k and k.rsplit(" ", 1)[1] in suffixes and fname == "persons.yaml":
            errors.append(f"persons.yaml {who!r}: variant {k!r} ends in an outlet suffix")
    for key in ("outlets", "outlet_suffixes", "other"):
        items = check_str_list(data.get(key), f"non_actors.yaml.{key}", errors, allow_empty=False)
        counts[key] = len(items)
        for s in items:
            k = norm_key(s)
            if key != "outlet_suffixes":
                if k in seen and seen[k] != key:
                    errors.append(f"non_actors.yaml: {s!r} listed in {seen[k]} and {key}")
                elif s in exact:
                    warnings.append(f"non_actors.yaml: {s!r} listed twice in {key}")
                exact.add(s)
                seen.setdefault(k, key)
                if k in actor_owner:
                    errors.append(f"non_actors.yaml: {s!r} is also an actor string of {actor_owner[k][0]}")
                if k in person_owner:
                    errors.append(f"non_actors.yaml: {s!r} is also a person variant of {person_owner[k][0]!r}")
    return counts


def validate_titles(data, errors: list, warnings: list):
    if not isinstance(data, dict):
        errors.append("titles.yaml: mapping with titles / institution_nouns required")
        return {}
    extra = set(data) - {"titles", "institution_nouns", "person_nouns"}
    if extra:
        errors.append(f"titles.yaml: unknown keys {sorted(extra)}")
    counts = {}
    for key in ("titles", "institution_nouns", "person_nouns"):
        items = check_str_list(data.get(key), f"titles.yaml.{key}", errors, allow_empty=key == "person_nouns")
        c = collections.Counter(norm_key(s) for s in items)
        for k, n in c.items():
            if n > 1:
                warnings.append(f"titles.yaml.{key}: {k!r} listed {n} times")
        counts[key] = len(items)
    return counts


# --------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="validate only; do not regenerate persons_phoenix.yaml")
    ap.add_argument("--phoenix", type=Path, help="phoenix_actors.jsonl, or the folder holding it")
    ap.add_argument("-v", "--verbose", action="store_true", help="print warnings")
    args = ap.parse_args(argv)

    errors: list[str] = []
    warnings: list[str] = []

    actors_data = load_yaml(CODEBOOK / "actors.yaml", errors)
    actors, actor_owner = validate_actors(actors_data, errors, warnings)
    actor_ids = {a["id"] for a in actors if isinstance(a, dict) and "id" in a}
    curated = load_yaml(CODEBOOK / "persons.yaml", errors)
    person_owner = validate_persons(curated, "persons.yaml", actor_ids, errors, warnings)

    if not args.check:
        phoenix = args.phoenix
        if phoenix is not None and phoenix.is_dir():
            phoenix = phoenix / "phoenix_actors.jsonl"
        if phoenix is None:
            phoenix = next((p for p in DEFAULT_PHOENIX if p.is_file()), None)
        if phoenix is None or not phoenix.is_file():
            print("Phoenix data not found (shared/peer is not part of a clone): "
                  "keeping the committed persons_phoenix.yaml, validating only.")
        elif errors:
            print("actors.yaml / persons.yaml have errors: not regenerating persons_phoenix.yaml.")
        else:
            persons, stats = build_phoenix(phoenix, actors, set(person_owner), actor_owner)
            write_phoenix_yaml(persons, stats, CODEBOOK / "persons_phoenix.yaml")
            print(f"Wrote persons_phoenix.yaml from {phoenix}: "
                  + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())))

    phx = load_yaml(CODEBOOK / "persons_phoenix.yaml", errors)
    all_person_owner = dict(person_owner)
    validate_persons(phx, "persons_phoenix.yaml", actor_ids, errors, warnings,
                     taken=all_person_owner, require_start=False)
    for k, (who, fname) in all_person_owner.items():
        if k in actor_owner:
            warnings.append(f"{fname}: variant of {who!r} equals an actor string of {actor_owner[k][0]}")
    na_counts = validate_non_actors(load_yaml(CODEBOOK / "non_actors.yaml", errors),
                                    actor_owner, person_owner, errors, warnings)
    t_counts = validate_titles(load_yaml(CODEBOOK / "titles.yaml", errors), errors, warnings)

    # ---- counts
    by_type = collections.Counter(a.get("type") for a in actors if isinstance(a, dict))
    n_strings = collections.Counter()
    for a in actors:
        if isinstance(a, dict):
            for f in STRING_FIELDS:
                n_strings[f] += len(a.get(f) or [])
    print(f"actors.yaml: {len(actors)} actors ("
          + ", ".join(f"{t}={by_type[t]}" for t in sorted(ACTOR_TYPES)) + "); strings: "
          + ", ".join(f"{f}={n_strings[f]}" for f in STRING_FIELDS))
    for fname, data in (("persons.yaml", curated), ("persons_phoenix.yaml", phx)):
        if isinstance(data, dict) and isinstance(data.get("persons"), list):
            ps = data["persons"]
            nv = sum(len(p.get("variants") or []) for p in ps if isinstance(p, dict))
            nr = sum(len(p.get("roles") or []) for p in ps if isinstance(p, dict))
            print(f"{fname}: {len(ps)} persons, {nv} variants, {nr} roles")
    print("non_actors.yaml: " + ", ".join(f"{k}={v}" for k, v in na_counts.items()))
    print("titles.yaml: " + ", ".join(f"{k}={v}" for k, v in t_counts.items()))
    size = (CODEBOOK / "persons_phoenix.yaml").stat().st_size if (CODEBOOK / "persons_phoenix.yaml").exists() else 0
    print(f"persons_phoenix.yaml size: {size / 1e6:.2f} MB")

    if args.verbose or len(warnings) <= 20:
        for w in warnings:
            print("warning:", w)
    else:
        print(f"{len(warnings)} warnings (use -v to list)")
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    if errors:
        print(f"FAILED: {len(errors)} error(s)", file=sys.stderr)
        return 1
    print("OK: codebook valid")
    return 0


if __name__ == "__main__":
    sys.exit(main())
