"""`kg view`: run a pack, an entity's neighbourhood or a query, and write the HTML view."""

from __future__ import annotations

from pathlib import Path


from kg.config import Settings
from kg.errors import UsageError
from kg.packs.guard import ensure_read_only
from kg.packs.model import coerce, find_pack
from kg.store import open_store
from kg.views.render import render_graph, render_timeline
from kg.views.subgraph import subgraph_from_rows

CLAIM_QUOTES = (
    "MATCH (c:Claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document) WHERE c.id IN $ids "
    "RETURN c.id AS id, c.quote AS quote, d.title AS title, d.url AS url"
)


def build_view(settings: Settings, output: Path, pack: str | None = None, params: dict[str, str] | None = None,
               entity: str | None = None, depth: int = 2, cypher: str | None = None) -> dict[str, int]:
    chosen = [x for x in (pack, entity, cypher) if x]
    if len(chosen) != 1:
        raise UsageError("give exactly one of: a pack name, --entity ID, or --cypher QUERY")
    if entity:
        pack, params = "neighborhood", {"id": entity, "depth": str(depth)}
    with open_store(settings, schema=False) as store:
        if cypher:
            ensure_read_only(cypher)
            title, rows = "Query view", store.read(cypher, {k: coerce(v) for k, v in (params or {}).items()})
        else:
            found = find_pack(pack or "")
            title, rows = found.title, store.read(found.cypher, found.bind(params or {}))
        graph = subgraph_from_rows(rows)
        if graph.nodes:
            quotes = {r["id"]: r for r in store.read(CLAIM_QUOTES, {"ids": graph.claim_ids()})}
            html = render_graph(graph, title, quotes)
        elif rows and "date" in rows[0]:
            html = render_timeline(rows, title)
        else:
            raise UsageError(f"the result has no nodes or relationships to draw ({len(rows)} rows)",
                             hint="return nodes or paths, e.g. `kg view --entity deepseek`")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return {"nodes": len(graph.nodes), "relationships": len(graph.rels), "rows": len(rows)}


