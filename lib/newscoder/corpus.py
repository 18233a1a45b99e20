"""Read a corpus folder (SCHEMA.md's corpus contract) into documents, accounting for every file.

A corpus is `<folder>/corpus.csv` (optional) plus `articles/<doc_id>.txt`. Every document the
folder holds, or the manifest names, becomes one `Document`, whatever happens to it: its
`status` is `ok`, `skipped` or `error`, and `status_detail` says why in words. Problems that make
the whole corpus unusable (no folder, no documents, a duplicate `doc_id`, a manifest without
`doc_id`/`file` columns) raise `CorpusError` with a message naming the file and row.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

from .boilerplate import Removal, blank_spans, find_boilerplate
from .datelines import infer_published
from .errors import CorpusError
from .textcheck import find_markup, guess_english

log = logging.getLogger(__name__)

MANIFEST = "corpus.csv"
MANIFEST_COLUMNS = ["doc_id", "file", "published", "published_confidence", "outlet", "title", "url", "language"]
REQUIRED_COLUMNS = ["doc_id", "file"]
SUPPORTED_LANGUAGES = {"", "en", "eng", "english"}
PREFERRED_LEGACY = ("cp1252", "latin_1", "iso8859_15")


@dataclass
class Document:
    """One document of the corpus, with its text, metadata and what happened to it."""

    doc_id: str
    file: str
    text: str = ""
    clean_text: str = ""
    published: str = ""
    published_source: str = "missing"
    outlet: str = ""
    title: str = ""
    url: str = ""
    language: str = ""
    encoding: str = ""
    sha256: str = ""
    status: str = "ok"
    warnings: list[str] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    markup: list[Removal] = field(default_factory=list)

    @property
    def status_detail(self) -> str:
        return "; ".join(self.warnings)

    def skip(self, reason: str) -> None:
        self.status = "skipped"
        self.warnings.append(reason)
        log.warning("%s: skipped: %s", self.doc_id, reason)

    def warn(self, message: str) -> None:
        self.warnings.append(message)
        log.warning("%s: %s", self.doc_id, message)

    def note(self, message: str) -> None:
        """Record how a field was filled (status_detail), without a warning: nothing went wrong."""
        self.warnings.append(message)
        log.info("%s: %s", self.doc_id, message)


def load_corpus(folder: str | Path, *, today: dt.date | None = None) -> list[Document]:
    """Read every document of a corpus folder, sorted by doc_id.

    folder (str | Path): the corpus folder.
    today (date): dates after this are flagged as in the future; the real date if None.
    RETURNS (list[Document]): one per document, including skipped ones.
    """
    folder = Path(folder)
    today = today or dt.date.today()
    docs = list_documents(folder, today=today)
    for doc in docs:
        if doc.status == "ok":
            _read(folder, doc, today)
    return docs


def list_documents(folder: str | Path, *, today: dt.date | None = None) -> list[Document]:
    """The corpus's documents from its manifest (or its files), sorted by doc_id, before any is read.

    Cheap: the runner calls it before any notebook starts, so that a corpus that cannot be used
    (no folder, no documents, duplicate doc_id, manifest without doc_id/file) stops the run at once.
    RETURNS (list[Document]): one per document; raises CorpusError naming the file and row.
    """
    folder = Path(folder)
    if not folder.exists():
        raise CorpusError(f"Corpus folder {folder} does not exist. Pass an existing folder with --corpus.")
    if not folder.is_dir():
        raise CorpusError(f"Corpus path {folder} is a file, not a folder. Pass the folder that holds corpus.csv or articles/.")
    manifest = folder / MANIFEST
    docs = _from_manifest(folder, manifest, today or dt.date.today()) if manifest.exists() else _from_files(folder)
    if not docs:
        raise CorpusError(
            f"Corpus folder {folder} holds no documents: expected {MANIFEST} or .txt files in "
            f"{folder / 'articles'} or in the folder itself."
        )
    return sorted(docs, key=lambda d: d.doc_id)


def _text_files(folder: Path) -> list[Path]:
    files = sorted((folder / "articles").glob("*.txt")) if (folder / "articles").is_dir() else []
    return files + sorted(folder.glob("*.txt"))


def _from_files(folder: Path) -> list[Document]:
    docs: dict[str, Document] = {}
    for path in _text_files(folder):
        rel = path.relative_to(folder).as_posix()
        if path.stem in docs:
            raise CorpusError(
                f"Two files give the doc_id {path.stem!r}: {docs[path.stem].file} and {rel}. Rename one of them."
            )
        doc = Document(doc_id=path.stem, file=rel)
        doc.warn("no corpus.csv: outlet and title unknown, publication date only what the text gives")
        docs[path.stem] = doc
    return list(docs.values())


def _from_manifest(folder: Path, manifest: Path, today: dt.date) -> list[Document]:
    rows = _read_manifest(manifest)
    docs: dict[str, Document] = {}
    listed: set[str] = set()
    for line_no, row in rows:
        where = f"{manifest.name} row {line_no}"
        doc_id = (row.get("doc_id") or "").strip()
        file = (row.get("file") or "").strip()
        if not doc_id:
            raise CorpusError(f"{manifest}: row {line_no} has an empty doc_id. Every row needs one.")
        if doc_id in docs:
            raise CorpusError(
                f"{manifest}: doc_id {doc_id!r} appears twice (row {line_no} and an earlier row). "
                "doc_id must be unique; rename or remove one of the rows."
            )
        doc = Document(
            doc_id=doc_id,
            file=file or f"articles/{doc_id}.txt",
            outlet=(row.get("outlet") or "").strip(),
            title=(row.get("title") or "").strip(),
            url=(row.get("url") or "").strip(),
            language=(row.get("language") or "").strip(),
        )
        docs[doc_id] = doc
        listed.add(str((folder / doc.file).resolve()))
        _set_published(doc, (row.get("published") or "").strip(), where, today)
        if not (folder / doc.file).is_file():
            doc.status = "error"
            doc.warn(f"{where}: file {doc.file!r} not found in {folder}")
        elif doc.language.lower() not in SUPPORTED_LANGUAGES:
            doc.skip(f"language {doc.language!r} in {where}: only English is supported by the pipeline")
    for path in _text_files(folder):
        if str(path.resolve()) in listed:
            continue
        rel = path.relative_to(folder).as_posix()
        doc_id = path.stem if path.stem not in docs else rel
        doc = Document(doc_id=doc_id, file=rel)
        doc.skip(f"file {rel} is not listed in {manifest.name}; add a row for it to include it")
        docs[doc_id] = doc
    return list(docs.values())


def _read_manifest(manifest: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = manifest.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{manifest} is not UTF-8 ({exc}). Save it as UTF-8 CSV.") from None
    reader = csv.DictReader(text.splitlines())
    columns = [c.strip() for c in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise CorpusError(
            f"{manifest}: missing column(s) {', '.join(missing)}. "
            f"The header must include {', '.join(REQUIRED_COLUMNS)} (see SCHEMA.md: {', '.join(MANIFEST_COLUMNS)})."
        )
    absent = [c for c in MANIFEST_COLUMNS if c not in columns]
    if absent:
        log.warning("%s: no column(s) %s; those fields are left empty", manifest, ", ".join(absent))
    extra = [c for c in columns if c not in MANIFEST_COLUMNS]
    if extra:
        log.warning("%s: column(s) %s are not part of the schema and are ignored", manifest, ", ".join(extra))
    reader.fieldnames = columns
    return [(i + 2, row) for i, row in enumerate(reader)]


def _set_published(doc: Document, value: str, where: str, today: dt.date) -> None:
    if not value:
        return
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        doc.warn(f"{where}: published date {value!r} is not YYYY-MM-DD; treated as unknown")
        return
    if date > today:
        doc.warn(f"{where}: published date {value} is in the future; treated as unknown")
        return
    doc.published = date.isoformat()
    doc.published_source = "manifest"


def _read(folder: Path, doc: Document, today: dt.date) -> None:
    """Read, decode and clean one document's file, recording what happened."""
    try:
        data = (folder / doc.file).read_bytes()
    except OSError as exc:  # a folder named like a text file, a broken link, a file that vanished
        doc.status = "error"
        doc.warn(f"could not read {doc.file}: {exc.strerror or exc}")
        return
    doc.sha256 = hashlib.sha256(data).hexdigest()
    text = decode(data, doc)
    if text is None:
        return
    doc.text = text
    if not text.strip():
        doc.skip("the file is empty" if not text else "the file holds only whitespace")
        return
    # HTML left by a scraper: tags and script/style contents are blanked (offsets kept), the rest is read.
    doc.markup = find_markup(text)
    unmarked = blank_spans(text, doc.markup)
    if doc.markup:
        doc.warn(
            f"the text holds HTML markup ({len(doc.markup)} tags or script/style blocks); it was left out "
            "of the analysis and the text between the tags was read"
        )
    doc.removals = find_boilerplate(unmarked)
    doc.clean_text = blank_spans(unmarked, doc.removals)
    _check_language(doc)
    if doc.status == "ok":
        _infer_published(doc, unmarked, today)


def _infer_published(doc: Document, text: str, today: dt.date) -> None:
    """Fill a missing publication date from the text's dateline or date lines (datelines.py).

    A manifest date is never overridden; where the text gives another day, status_detail says so.
    text (str): the document text with markup blanked (date lines are often page chrome, so not
        the boilerplate-free text).
    """
    found = infer_published(text)
    if doc.published_source == "manifest":
        if found.date is not None and found.date.isoformat() != doc.published:
            doc.note(f"the text gives the publication date {found.date.isoformat()} ({found.rule}); the manifest's {doc.published} is kept")
        return
    for note in found.notes:
        doc.note(note)
    if found.date is None:
        return
    if found.date > today:
        doc.warn(f"the publication date {found.date.isoformat()} inferred from {found.rule} is in the future; treated as unknown")
        return
    doc.published = found.date.isoformat()
    doc.published_source = "inferred"
    doc.note(f"publication date {doc.published} inferred from {found.rule}")


def _check_language(doc: Document) -> None:
    """Skip a document that does not read as English unless the manifest says it is English."""
    guess = guess_english(doc.clean_text)
    if guess.english is not False:
        return
    if doc.language:
        doc.warn(f"language is {doc.language!r} in the manifest, but the text does not look like English: "
                 f"{guess.describe()}; processed as English")
        return
    doc.skip(
        f"the text does not look like English ({guess.describe()}) and the pipeline reads English only; "
        "if it is English, set its language to en in corpus.csv to process it"
    )


def decode(data: bytes, doc: Document) -> str | None:
    """Decode file bytes: UTF-8 (with or without BOM), else the detected encoding, else skip."""
    if b"\x00" in data[:4096]:
        doc.skip("binary file (contains NUL bytes), not text")
        return None
    try:
        doc.encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return data.decode(doc.encoding)
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        doc.skip("could not detect a text encoding; convert the file to UTF-8")
        return None
    # Several encodings often fit equally well; English web text that is not UTF-8 is most often
    # Windows-1252, so it wins a tie.
    least_chaos = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos == least_chaos]
    best = next((m for m in tied if m.encoding in PREFERRED_LEGACY), tied[0])
    doc.encoding = best.encoding
    doc.warn(f"not UTF-8; decoded as {best.encoding}")
    return str(best)


def analysed_texts(documents: list[Document]) -> dict[str, str]:
    """doc_id -> document text as read from the file, for the documents that were analysed."""
    return {d.doc_id: d.text for d in documents if d.status == "ok"}


def find_document(documents: list[Document], doc_id: str = "") -> Document:
    """One document by id; the first analysed document if `doc_id` is empty.

    RAISES (ValueError): naming the parameter `show_doc` when no document has that id.
    """
    ok = [d for d in documents if d.status == "ok"]
    if not doc_id:
        if not ok:
            raise ValueError("No document of this corpus could be analysed; see documents.csv.")
        return ok[0]
    for d in documents:
        if d.doc_id == doc_id:
            return d
    sample = ", ".join(d.doc_id for d in ok[:5])
    raise ValueError(f"Parameter 'show_doc': {doc_id!r} is not a doc_id of this corpus (for example: {sample}).")


def write_corpus(folder: Path, records: list[dict]) -> None:
    """A corpus folder (articles/*.txt + corpus.csv) from (doc_id, text, manifest fields) records."""
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    with open(folder / "corpus.csv", "w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=MANIFEST_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for r in sorted(records, key=lambda r: r["doc_id"]):
            (folder / "articles" / f"{r['doc_id']}.txt").write_text(r["text"], encoding="utf-8")
            writer.writerow({c: r.get(c, "") for c in MANIFEST_COLUMNS} | {"file": f"articles/{r['doc_id']}.txt"})
