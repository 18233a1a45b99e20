"""Open-ended roles of a bulk import end a bounded time after the dictionary was compiled
(entities.py `_open_roles_end`, `_expire_open_roles`; tools/build_codebook.py writes the keys)."""

from __future__ import annotations

import datetime as dt
import importlib.util

import pytest

from newscoder.codebook import Person, Role
from newscoder.entities import _expire_open_roles, _open_roles_end
from newscoder.paths import project_root

TOOL = project_root() / "tools" / "build_codebook.py"


def test_open_roles_end_is_the_compilation_date_plus_the_years():
    text = "# header\ncompiled: 2015-02-17\nopen_roles_years: 2\n\npersons:\n  - name: A B\n"
    assert _open_roles_end(text) == dt.date(2017, 2, 17)
    assert _open_roles_end("persons:\n  - name: A B\n") is None  # a file without `compiled`: roles stay open
    assert _open_roles_end("compiled: 2012-02-29\nopen_roles_years: 1\n") == dt.date(2013, 2, 28)


def test_an_open_role_ends_and_a_closed_one_is_kept():
    ends = dt.date(2017, 2, 17)
    person = Person(name="Anna Example", actor="SWE", roles=(
        Role(actor="SWE", role="elite", start=dt.date(1990, 1, 1), end=dt.date(2000, 1, 1)),
        Role(actor="SWE", role="government", start=dt.date(2006, 11, 1)),
    ))
    expired = _expire_open_roles(person, ends)
    assert expired.roles[0] == person.roles[0]
    assert expired.roles[1].end == ends
    assert expired.actor_on(dt.date(2016, 6, 1)) == "SWE"
    assert expired.actor_on(dt.date(2018, 6, 1)) == ""
    assert expired.actor_on(None) == "SWE"  # no date: the default actor, as before
    assert _expire_open_roles(person, None) is person


@pytest.mark.parametrize("published, actor", [(dt.date(2012, 5, 1), "SWE"), (dt.date(2018, 5, 1), "")])
def test_a_bulk_imported_person_no_longer_speaks_for_a_state_years_later(finder, nlp, published, actor):
    ms = finder(nlp("Carl Bildt said the talks would go on."), published)
    bildt = next(m for m in ms if m.kind == "person")
    assert bildt.actor_id == actor


def test_a_curated_open_role_does_not_expire(finder, nlp):
    ms = finder(nlp("Recep Tayyip Erdoğan said the talks would go on."), dt.date(2026, 3, 1))
    assert next(m for m in ms if m.kind == "person").actor_id == "TUR"


def _tool():
    spec = importlib.util.spec_from_file_location("build_codebook", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    return tool


def test_builder_writes_and_checks_the_compilation_keys():
    tool = _tool()
    persons = [{"name": "A B", "roles": [{"actor": "SWE", "role": "government", "start": "2006-11-01"}]},
               {"name": "C D", "roles": [{"actor": "SWE", "role": "elite", "start": "1990-01-01", "end": "2011-05-02"}]}]
    lines = tool.open_roles_lines(persons)
    assert "compiled: 2011-05-02" in lines and f"open_roles_years: {tool.OPEN_ROLES_YEARS}" in lines
    errors = []
    tool.validate_open_roles({"compiled": "soon", "open_roles_years": -1, "persons": []}, "persons_x.yaml", errors)
    assert len(errors) == 2
    errors = []
    later = {"compiled": dt.date(2010, 1, 1), "persons": [{"name": "A B", "roles": [{"start": dt.date(2011, 1, 1)}]}]}
    tool.validate_open_roles(later, "persons_x.yaml", errors)
    assert errors and "after `compiled`" in errors[0]
