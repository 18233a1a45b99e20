"""The text of a spaCy Doc, joined once per Doc.

spaCy's `Doc.text` joins every token's text again at each call: on an article of 8,000 tokens that
is 8,000 Token objects, and the entity finder and the date reader ask for it once per mention or
sentence. `doc_text` keeps the joined text in the Doc's `user_data` (the parse cache stores Docs
without their user data, so nothing of it reaches the disk). A Doc's text never changes: the
tokens' texts and spaces are fixed once it is made.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TEXT = "newscoder_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, joined on the first call for this Doc and kept.

    doc (Doc): a parsed document.
    RETURNS (str): the same string as `doc.text`.
    """
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text
