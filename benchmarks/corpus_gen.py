"""Generate a large news-like corpus by recombining real sentences, for the scale benchmarks.

    .venv/bin/python benchmarks/corpus_gen.py --n 2000 --out /tmp/corpus2000 [--seed 20250501]

Sentences come from the seed articles (boilerplate removed, as the pipeline sees them) and,
when the project's shared folder is there (`../shared/peer/dna_sample_documents.jsonl`), from
its sample documents too; a user's clone has only the seeds, which is enough. Each article is a
title line and paragraphs of 1-3 sentences (5-14 sentences, about 70% from the seeds when
the peer documents are there), drawn without repeating a sentence inside one article (so the boilerplate rules, which drop lines repeated within a page, leave it intact),
with a publication date in April-May 2025 and one of a few outlets. The same `n` and `seed` give
the same corpus, byte for byte. The output is a corpus folder in SCHEMA.md's format.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

from newscoder.corpus import load_corpus
from newscoder.paths import project_root

DEFAULT_SEED = 20250501
OUTLETS = ["Wire One", "The Daily Record", "Global Post", "Evening Standard-Times", "Capital Report"]
# Share of sentences taken from the peer documents when they are there; the rest are seed news.
PEER_SHARE = 0.3
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'\u201d\u2019]))\s+(?=[A-Z\u201c\"'])")


def sentences(texts: list[str]) -> list[str]:
    """Whole sentences of 40-400 characters from texts, sorted and without duplicates."""
    pool = []
    for text in texts:
        for line in text.splitlines():
            for s in _SENT.split(line.strip()):
                s = " ".join(s.split())
                if 40 <= len(s) <= 400 and s[-1] in ".!?\"'\u201d" and not s.isupper():
                    pool.append(s)
    return sorted(set(pool))


def sentence_pools() -> tuple[list[str], list[str], list[str]]:
    """Seed sentences (international news), peer sentences (other real prose; may be empty), sources."""
    seeds = load_corpus(project_root() / "seeds")
    seed_pool = sentences([d.clean_text for d in seeds if d.status == "ok"])
    sources = [f"seeds/ ({len(seeds)} articles, {len(seed_pool)} sentences)"]
    peer_pool: list[str] = []
    peer = project_root().parent / "shared" / "peer" / "dna_sample_documents.jsonl"
    if peer.is_file():
        rows = [json.loads(line) for line in peer.read_text(encoding="utf-8").splitlines() if line.strip()]
        peer_pool = sentences([r.get("text", "") for r in rows])
        sources.append(f"../shared/peer/dna_sample_documents.jsonl ({len(rows)} documents, {len(peer_pool)} sentences)")
    return seed_pool, peer_pool, sources


def generate(n: int, out: Path, seed: int = DEFAULT_SEED) -> dict:
    """Write `n` articles and a manifest to `out`. RETURNS a description (counts, sources, words)."""
    seed_pool, peer_pool, sources = sentence_pools()
    rng = random.Random(seed)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    start = dt.date(2025, 4, 1)
    rows, words = [], 0
    for i in range(n):
        doc_id = f"gen{i:06d}"
        size = rng.randint(5, 14)
        n_peer = sum(rng.random() < PEER_SHARE for _ in range(size)) if peer_pool else 0
        picked = rng.sample(seed_pool, min(len(seed_pool), size - n_peer)) + rng.sample(peer_pool, n_peer)
        rng.shuffle(picked)
        title = picked[0].rstrip(".!?")[:90]
        paragraphs, k = [], 1
        while k < len(picked):
            m = rng.randint(1, 3)
            paragraphs.append(" ".join(picked[k : k + m]))
            k += m
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        words += len(text.split())
        (out / "articles" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        published = start + dt.timedelta(days=rng.randrange(61))
        rows.append([doc_id, f"articles/{doc_id}.txt", published.isoformat(), "", rng.choice(OUTLETS), title, "", "en"])
    with open(out / "corpus.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["doc_id", "file", "published", "published_confidence", "outlet", "title", "url", "language"])
        writer.writerows(rows)
    return {"articles": n, "seed": seed, "sources": sources, "words": words}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args()
    info = generate(args.n, Path(args.out), args.seed)
    print(json.dumps(info, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
