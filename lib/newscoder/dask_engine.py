"""The Dask engine: the corpus is cut into partitions that Dask workers parse and code.

Each worker process loads the spaCy model once (`load_model` is cached per process) and builds
the entity finder and statement coder once per run; every partition then runs the same
per-document step as the local engine (`rows.code_documents`), so the tables are the same
bytes. The client reads the corpus and sends document texts with the tasks, so workers need no
access to the corpus folder; a shared parse cache folder is used if the workers can reach it.

Without a scheduler address a `LocalCluster` with `n_workers` single-threaded worker processes
is started and closed again; with one (`tcp://host:8786`, e.g. from dask-jobqueue or the Dask
Kubernetes operator) the client connects to that cluster and leaves it running.
"""

from __future__ import annotations

import logging
import math
import sys
import uuid
from collections import deque
from pathlib import Path
from typing import Iterator

from tqdm import tqdm

from .codebook import Codebook
from .codebook_folder import CodebookFolder, load_codebook_folder
from .corpus import Document
from .errors import ParameterError
from .model import load_model
from .rows import DocumentRows, build_coders, code_documents
from .stagecache import codebook_digest

log = logging.getLogger(__name__)

# Per worker process: the tools of the current run (model and coders), built once.
_TOOLS: dict[str, tuple] = {}


def _tools(run_id: str, model: str, book: CodebookFolder) -> tuple:
    if run_id not in _TOOLS:
        _TOOLS.clear()
        nlp = load_model(model)
        _TOOLS[run_id] = (nlp, build_coders(nlp, book))
    return _TOOLS[run_id]


def code_partition(
    documents: list[Document],
    run_id: str,
    model: str,
    book: CodebookFolder,
    batch_size: int,
    cache: str | None,
    codebook: str = "",
) -> list[tuple[str, DocumentRows]]:
    """Runs on a worker: parse and code one partition, return (doc_id, DocumentRows) in order.

    codebook (str): the client's `stagecache.codebook_digest` of the codebook folder, so that
        the stage cache is keyed by the files the codebook was loaded from; "" leaves it off."""
    nlp, coders = _tools(run_id, model, book)
    return list(code_documents(nlp, documents, coders, batch_size=batch_size, cache=Path(cache) if cache else None, codebook=codebook))


def _client(scheduler: str, n_workers: int):
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise ParameterError(f"Parameter 'scheduler': cannot reach a Dask scheduler at {scheduler!r}: {exc}") from None
    cluster = LocalCluster(
        n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.WARNING
    )
    return Client(cluster), cluster


def dask_rows(
    documents: list[Document],
    codebook: Codebook | CodebookFolder,
    model: str,
    *,
    scheduler: str = "",
    n_workers: int = 2,
    batch_size: int = 64,
    cache: Path | None = None,
    progress: bool = False,
    partition_size: int = 0,
) -> Iterator[tuple[str, DocumentRows]]:
    """Yield (doc_id, DocumentRows) for the ok documents, in document order, computed on Dask.

    partition_size (int): documents per task; 0 = about four tasks per worker, at most 200.
    Only a few partitions per worker are in flight at a time, so memory stays bounded.
    """
    ready = [d for d in documents if d.status == "ok"]
    if not ready:
        return
    client, cluster = _client(scheduler, n_workers)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
        size = partition_size or max(1, min(200, math.ceil(len(ready) / (4 * workers))))
        parts = [ready[i : i + size] for i in range(0, len(ready), size)]
        run_id = uuid.uuid4().hex
        loaded = load_codebook_folder(codebook)
        book = client.scatter(loaded, broadcast=True)
        args = (run_id, model, book, batch_size, str(cache) if cache else None, codebook_digest(loaded.path) if cache else "")
        in_flight: deque = deque()
        todo = iter(parts)
        bar = tqdm(total=len(ready), desc="parsing and coding (dask)", unit="doc", disable=not progress, mininterval=1.0, file=sys.stderr)
        try:
            for part in todo:
                in_flight.append(client.submit(code_partition, part, *args, pure=False))
                if len(in_flight) >= 2 * workers:
                    break
            while in_flight:
                future = in_flight.popleft()
                rows = future.result()
                future.release()
                nxt = next(todo, None)
                if nxt is not None:
                    in_flight.append(client.submit(code_partition, nxt, *args, pure=False))
                yield from rows
                bar.update(len(rows))
        finally:
            bar.close()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
