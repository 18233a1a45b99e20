"""Large YAML files are cached as JSON keyed by their bytes: same values, an edit misses, nothing unsafe."""

from __future__ import annotations

import datetime as dt

from newscoder import yamlio
from newscoder.errors import CodebookError


def test_large_file_reads_the_same_from_the_cache_and_an_edit_misses(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlio, "CACHE_FROM_BYTES", 10)
    monkeypatch.setattr(yamlio, "_cache_path", lambda raw: tmp_path / "cache" / f"{len(raw)}-{hash(raw)}.json")
    path = tmp_path / "persons.yaml"
    path.write_text("persons:\n  - name: Ana Díaz\n    roles: [{actor: CHL, start: 2022-03-11}]\n", encoding="utf-8")
    first = yamlio.read_mapping(path, CodebookError, what="Codebook file")
    assert len(list((tmp_path / "cache").iterdir())) == 1
    second = yamlio.read_mapping(path, CodebookError, what="Codebook file")
    assert first == second and second["persons"][0]["roles"][0]["start"] == dt.date(2022, 3, 11)
    path.write_text(path.read_text(encoding="utf-8").replace("Ana", "Eva"), encoding="utf-8")
    assert yamlio.read_mapping(path, CodebookError, what="Codebook file")["persons"][0]["name"] == "Eva Díaz"
