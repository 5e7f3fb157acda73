"""`kg view`: run a pack, an entity's neighbourhood or a query, and write the HTML view."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.config import Settings
from kg.errors import EmptyStoreError, UsageError
from kg.packs.guard import ensure_read_only
from kg.packs.model import coerce, find_pack
from kg.packs.run import resolve_entities
from kg.store import open_store
from kg.views.render import render_conflicts, render_graph, render_timeline
from kg.views.subgraph import subgraph_from_rows

CLAIM_QUOTES = (
    "MATCH (c:Claim)-[:SOURCED_FROM]->(:Passage)<-[:HAS_PASSAGE]-(d:Document) WHERE c.id IN $ids "
    "RETURN c.id AS id, c.quote AS quote, d.title AS title, d.url AS url"
)
ANY_NODE = "MATCH (n) RETURN n.id AS id LIMIT 1"
# For packs that return ids, not nodes: the entities those ids name and the edges among them.
ID_SUBGRAPH = (
    "MATCH (n) WHERE n.id IN $ids OPTIONAL MATCH (n)-[r]->(m) WHERE m.id IN $ids RETURN n, r, m"
)


def build_view(
    settings: Settings,
    output: Path,
    pack: str | None = None,
    params: dict[str, str] | None = None,
    entity: str | None = None,
    depth: int = 2,
    cypher: str | None = None,
) -> dict[str, int]:
    chosen = [x for x in (pack, entity, cypher) if x]
    if len(chosen) != 1:
        raise UsageError("give exactly one of: a pack name, --entity ID, or --cypher QUERY")
    if entity:
        pack, params = "neighborhood", {"id": entity, "depth": str(depth)}
    with open_store(settings, schema=False) as store:
        if cypher:
            ensure_read_only(cypher)
            title, rows = (
                "Query view",
                store.read(cypher, {k: coerce(v) for k, v in (params or {}).items()}),
            )
        else:
            found = find_pack(pack or "")
            bound = resolve_entities(found, found.bind(params or {}), store)
            title, rows = found.title, store.read(found.cypher, bound)
        graph = subgraph_from_rows(rows)
        if not graph.nodes and _is_conflicts(rows):
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(render_conflicts(rows, title), encoding="utf-8")
            return {"nodes": 0, "relationships": 0, "rows": len(rows), "claims": len(rows)}
        if not graph.nodes and not _is_timeline(rows):
            graph = subgraph_from_rows(store.read(ID_SUBGRAPH, {"ids": scalar_strings(rows)}))
        if graph.nodes:
            quotes = {r["id"]: r for r in store.read(CLAIM_QUOTES, {"ids": graph.claim_ids()})}
            html = render_graph(graph, title, quotes)
        elif _is_timeline(rows):
            html = render_timeline(rows, title)
        elif not store.read(ANY_NODE):
            raise EmptyStoreError(str(store.describe().get("location", "?")))
        else:
            raise UsageError(
                f"the result has no nodes, relationships or entity ids to draw ({len(rows)} rows)",
                hint="return nodes or paths, e.g. `kg view --entity deepseek`",
            )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    return {"nodes": len(graph.nodes), "relationships": len(graph.rels), "rows": len(rows)}


def _is_timeline(rows: list[dict[str, Any]]) -> bool:
    """The timeline pack's shape: a date and what happened."""
    return bool(rows) and {"date", "what"} <= set(rows[0])


def _is_conflicts(rows: list[dict[str, Any]]) -> bool:
    """The claims-conflicts pack's shape: claims with their subject, metric, figure and document."""
    return bool(rows) and {"subject", "metric", "value", "claim", "document"} <= set(rows[0])


def scalar_strings(rows: list[dict[str, Any]]) -> list[str]:
    """Every string a row holds (in lists too): the candidates for entity ids."""
    found: set[str] = set()
    for row in rows:
        for value in row.values():
            found.update(
                v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)
            )
    return sorted(found)
