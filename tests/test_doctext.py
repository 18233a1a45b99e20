"""doc_text: the text of a Doc, joined once."""

from __future__ import annotations

from spacy.tokens import DocBin

from newscoder.doctext import doc_text


def test_doc_text_is_the_docs_text_and_is_joined_once(nlp):
    doc = nlp("Mira Osei flew to Accra on Monday.\n\nThe talks resumed a day later.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)


def test_doc_text_stays_out_of_a_docbin_without_user_data(nlp):
    doc = nlp("The envoy left Lima.")
    doc_text(doc)
    again = next(DocBin(store_user_data=False).from_bytes(DocBin(docs=[doc], store_user_data=False).to_bytes()).get_docs(nlp.vocab))
    assert again.user_data == {} and again.text == doc.text
