"""Check hand-coded gold against its texts and, for texts that may not be shipped, keep only spans.

    .venv/bin/python tools/anchor_gold.py check tests/gold/dev/own_a.yaml [...]
    .venv/bin/python tools/anchor_gold.py guardian PRIVATE.yaml [...] -o tests/gold/dev/guardian.yaml

`check` confirms that every quoted sentence occurs in its own document, every trigger in its
sentence, every boilerplate fragment and sector phrase in the document (own articles, whose text
is in the repo). `guardian` does the same against ../shared/peer/guardian_syria_dev.jsonl and
writes the gold with each quotation replaced by `{start, end, sha256}`, so that no Guardian text
enters the repository. This is the only scripting the hand-coding used: a substring check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from newscoder.devgold import anchor_span, default_peer, dev_folder, read_guardian_texts


def _load(paths: list[str]) -> tuple[dict, list[dict]]:
    documents, statements = {}, []
    for p in paths:
        data = yaml.safe_load(Path(p).read_text(encoding="utf-8"))
        documents.update(data.get("documents") or {})
        statements += data.get("statements") or []
    return documents, statements


def anchored(documents: dict, statements: list[dict], texts: dict[str, str]) -> dict:
    """The gold with its quotations replaced by checked spans; raises on the first quote not found."""
    docs_out = {}
    for doc_id, doc in sorted(documents.items()):
        text = texts[doc_id]
        doc = dict(doc)
        doc["boilerplate"] = [anchor_span(text, b, what=f"{doc_id} boilerplate") for b in doc.get("boilerplate") or []]
        doc["sectors"] = [{**s, "text": anchor_span(text, s["text"], what=f"{doc_id} sector phrase")} for s in doc.get("sectors") or []]
        docs_out[doc_id] = doc
    rows = []
    for k, row in enumerate(statements, 1):
        text = texts[row["doc_id"]]
        row = dict(row)
        sentence = anchor_span(text, row["sentence"], what=f"statement {k} sentence")
        row["sentence"] = sentence
        row["trigger"] = anchor_span(text, row["trigger"], (sentence["start"], sentence["end"]), what=f"statement {k} trigger")
        rows.append(row)
    return {"documents": docs_out, "statements": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["check", "guardian"])
    parser.add_argument("files", nargs="+")
    parser.add_argument("-o", "--output")
    parser.add_argument("--peer", default=str(default_peer()))
    args = parser.parse_args(argv)
    documents, statements = _load(args.files)
    if args.mode == "check":
        own = dev_folder() / "own" / "articles"
        texts = {d: (own / f"{d}.txt").read_text(encoding="utf-8") for d in documents}
    else:
        texts = {k: v["text"] for k, v in read_guardian_texts(Path(args.peer)).items()}
    try:
        result = anchored(documents, statements, texts)
    except (ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{len(result['documents'])} documents, {len(result['statements'])} statements: every quotation found")
    if args.mode == "guardian":
        header = ("# Hand-coded development gold for Guardian articles of ../shared/peer/guardian_syria_dev.jsonl.\n"
                  "# The texts are (c) Guardian News & Media and are not in this repository: every quotation is a\n"
                  "# span {start, end, sha256} (character offsets into the record's `text`, first 16 hex digits of\n"
                  "# the SHA-256 of the span). Written by tools/anchor_gold.py; format: README.md beside this file.\n")
        body = yaml.safe_dump(result, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
        Path(args.output).write_text(header + body, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
