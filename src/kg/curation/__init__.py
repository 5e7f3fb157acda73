"""Curation: an analyst's decisions about the graph (reject or confirm a claim, accept a candidate
entity, merge two entities, add an alias), kept as data apart from the package and replayed after
every load.

    decisions = read(curation_path(settings))     # the curation file, validated
    onto = curated_ontology(ontology.load(), decisions)  # accepted entities, aliases: extraction
    warnings = replay(store, decisions)  # marks and merges in the store; a line per missing id
"""

from kg.curation.file import Decision, append, curation_path, read
from kg.curation.marks import replay
from kg.curation.names import curated_ontology, extraction_fingerprint

__all__ = [
    "Decision",
    "append",
    "curation_path",
    "read",
    "curated_ontology",
    "extraction_fingerprint",
    "replay",
]
