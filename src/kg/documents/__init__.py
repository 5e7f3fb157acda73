"""Documents: read files (encodings, front matter) and split them into passages."""

from kg.documents.model import Document, Passage

__all__ = ["Document", "Passage"]
