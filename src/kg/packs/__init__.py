"""Query packs: `queries/*.cypher` files with a comment header, run read-only with parameters."""

from kg.packs.guard import ensure_read_only
from kg.packs.model import Pack, all_packs, coerce, find_pack

__all__ = ["Pack", "all_packs", "find_pack", "coerce", "ensure_read_only"]
