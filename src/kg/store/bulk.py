"""The first load into an empty graph: CREATE from prepared rows instead of a MERGE per row.

When a load starts on a graph that holds nothing, whatever it writes is new unless this same load
wrote it before, and the load itself knows which those are. So this writer keeps, for one load,
the internal id of every node it created and a key of every relationship, and sends:

- new nodes as `UNWIND $rows AS row CREATE (n:Label {id: row[0], ...}) RETURN id(n)`, one
  positional row per node (no map per row, no index lookup, no existence check);
- new relationships as `CREATE`s between nodes found by internal id (`WHERE id(a) = row[0]`);
- a node or relationship met again (an entity named by many documents, a holding stated by
  several) as the incremental path writes it: `SET +=` its properties, claim ids appended.

Property values, dates and labels are checked and converted exactly as `cypher.Writer` does, so
the graph is the one the incremental path would build (tests/store/test_bulk.py compares them).
The derived-edge rule is not run per batch: `touched` collects the claim-backed edges, and the
caller runs the rule once over them when everything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping

from kg.errors import StoreError
from kg.graph import GraphBatch, NodeRef
from kg.ontology import Ontology
from kg.store import derived
from kg.store.base import WriteStats
from kg.store.cypher import BATCH_ROWS, Writer, _storable, name

# Runs one statement whose `$rows` parameter is already encoded as Cypher text; returns the
# statement's result rows.
Run = Callable[[str, str], list[list[Any]]]
CREATE_ROWS = 2000  # positional rows per CREATE statement

# json.dumps writes Cypher literals, except for these escapes, which FalkorDB's parser reads
# differently (it keeps `\u0001` as six characters): such a chunk goes through the client's encoder.
_NOT_CYPHER = re.compile(r"\\[ubf]")


NodeKey = tuple[str, str]  # (label, id)
EdgeKey = tuple[str, NodeKey, NodeKey]  # (type, source, target)


@dataclass
class BulkWriter:
    ontology: Ontology
    touched: set[derived.EdgeKey] = field(default_factory=set)  # claim-backed edges written
    groups: set[str] = field(default_factory=set)  # claim groups written (kg.store.conflicts)
    _nodes: dict[NodeKey, int] = field(default_factory=dict)  # internal id of each node created
    _edges: dict[str, set[int]] = field(default_factory=dict)  # per type, (source << 32 | target) created
    _dates: dict[str, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._writer = Writer(self.ontology)

    def write(self, batch: GraphBatch, run: Run, send: Callable[[str, dict[str, Any]], None]) -> WriteStats:
        """Write the batch: new nodes and edges through `run` (encoded rows), the rare repeats
        through `send` (ordinary parameters)."""
        nodes = _merged_nodes(batch)
        new = [(key, props) for key, props in nodes.items() if key not in self._nodes]
        for statement in self._node_updates(nodes, {key for key, _ in new}):
            send(*statement)
        for (label, dates), keys in _groups(new, self._date_keys).items():
            self._create_nodes(label, dates, keys, nodes, run)
        edges, count = self._merged_edges(batch)
        for statement in self._edge_statements(edges, run):
            send(*statement)
        return WriteStats(len(nodes), count)

    # -- nodes -------------------------------------------------------------------------------
    def _create_nodes(self, label: str, dates: tuple[str, ...], keys: list[NodeKey],
                      nodes: dict[NodeKey, dict[str, Any]], run: Run) -> None:
        """CREATE, one positional row per node. The statement returns the range of internal ids
        it gave: a new graph with nothing deleted numbers its nodes in creation order, which
        the range confirms (a gap or another count stops the load)."""
        self.ontology.label(label)
        plain = sorted({k for key in keys for k in nodes[key]} - set(dates) - {"id"})
        columns = [f"{name(k)}: row[{i}]" for i, k in enumerate(plain, 1)]
        columns += [f"{name(k)}: date(row[{i}])" for i, k in enumerate(dates, len(plain) + 1)]
        query = (f"UNWIND $rows AS row CREATE (n:{name(label)} {{id: row[0]{''.join(', ' + c for c in columns)}}}) "
                 "RETURN min(id(n)) AS low, max(id(n)) AS high, count(n) AS created")
        for chunk in _slices(keys, CREATE_ROWS):
            rows = [[key[1], *(self._plain(k, nodes[key].get(k)) for k in plain),
                     *(_iso(nodes[key].get(k)) for k in dates)] for key in chunk]
            [(low, high, created)] = run(query, encode(rows))
            if created != len(chunk) or high - low + 1 != created:
                raise StoreError(f"bulk load: {created} {label} nodes got ids {low}..{high}, not {len(chunk)} in a row")
            self._nodes.update(zip(chunk, range(low, high + 1)))

    def _node_updates(self, nodes: dict[NodeKey, dict[str, Any]],
                      new: set[NodeKey]) -> Iterator[tuple[str, dict[str, Any]]]:
        """Nodes an earlier batch of this load created, met again with properties: `SET +=`."""
        groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
        for key, props in nodes.items():
            if key in new or not props:
                continue
            plain, dates = self._split(props)
            groups[(key[0], tuple(sorted(dates)))].append({"n": self._nodes[key], "props": plain, **dates})
        for (label, dates), rows in groups.items():
            sets = "".join(f", n.{name(k[2:])} = date(row.{name(k)})" for k in dates)
            self.ontology.label(label)
            query = f"UNWIND $rows AS row WITH row, row.n AS node MATCH (n) WHERE id(n) = node SET n += row.props{sets}"
            yield from ((query, {"rows": chunk}) for chunk in _slices(rows, BATCH_ROWS))

    # -- relationships -----------------------------------------------------------------------
    def _merged_edges(self, batch: GraphBatch) -> tuple[dict[EdgeKey, dict[str, Any]], int]:
        """One entry per (type, source, target) whose ends exist, later properties winning, claim
        ids in order; and how many distinct relationships the batch names (the incremental
        path's count, ends missing or not)."""
        edges: dict[EdgeKey, dict[str, Any]] = {}
        named = set()
        for edge in batch.edges:
            src, dst = (edge.src.label, edge.src.id), (edge.dst.label, edge.dst.id)
            key = (edge.type, src, dst)
            named.add(key)
            if src not in self._nodes or dst not in self._nodes:
                continue  # as `MATCH ... MERGE` with an end that does not exist: nothing written
            props = edges.get(key)
            if props is None:
                edges[key] = props = {}
            claims = props.get("claims")
            props.update(edge.props)
            if claims is not None and edge.props.get("claims"):
                props["claims"] = list(dict.fromkeys([*claims, *edge.props["claims"]]))  # type: ignore[misc]
        return edges, len(named)

    def _edge_statements(self, edges: dict[EdgeKey, dict[str, Any]], run: Run) -> Iterator[tuple[str, dict[str, Any]]]:
        derived_types = set(derived.derived_types(self.ontology))
        new: list[tuple[EdgeKey, dict[str, Any]]] = []
        again: list[EdgeKey] = []
        for key, props in edges.items():
            rel, src, dst = key
            created = self._edges.get(rel)
            if created is None:
                self.ontology.relationship(rel)
                created = self._edges[rel] = set()
            if rel in derived_types:
                self.touched.add((rel, src[0], src[1], dst[0], dst[1]))
            ends = self._nodes[src] << 32 | self._nodes[dst]
            if ends in created:
                again.append(key)
            else:
                created.add(ends)
                new.append((key, props))
        for (rel, dates), keys in _groups(new, self._date_keys).items():
            self._create_edges(rel, dates, keys, edges, run)
        yield from self._edge_updates(again, edges)

    def _create_edges(self, rel: str, dates: tuple[str, ...], keys: list[EdgeKey],
                      edges: dict[EdgeKey, dict[str, Any]], run: Run) -> None:
        plain = sorted({k for key in keys for k in edges[key]} - set(dates))
        columns = [f"{name(k)}: row[{i}]" for i, k in enumerate(plain, 2)]
        columns += [f"{name(k)}: date(row[{i}])" for i, k in enumerate(dates, len(plain) + 2)]
        props = f" {{{', '.join(columns)}}}" if columns else ""
        # `WITH row[0] AS ...` first: FalkorDB seeks by id only a variable, never `row[0]` itself
        query = (f"UNWIND $rows AS row WITH row, row[0] AS source, row[1] AS target "
                 f"MATCH (a) WHERE id(a) = source MATCH (b) WHERE id(b) = target CREATE (a)-[:{name(rel)}{props}]->(b)")
        ids = self._nodes
        for chunk in _slices(keys, CREATE_ROWS):
            rows = [[ids[key[1]], ids[key[2]], *(self._plain(k, edges[key].get(k)) for k in plain),
                     *(_iso(edges[key].get(k)) for k in dates)] for key in chunk]
            run(query, encode(rows))

    def _edge_updates(self, keys: list[EdgeKey], edges: dict[EdgeKey, dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
        """Edges an earlier batch created, met again: properties set, claim ids appended (the
        derived-edge rule makes the list exact)."""
        groups: dict[tuple[str, tuple[str, ...], bool], list[dict[str, Any]]] = defaultdict(list)
        for key in keys:
            plain, dates = self._split(edges[key])
            claims = plain.pop("claims", None)
            row = {"a": self._nodes[key[1]], "b": self._nodes[key[2]], "props": plain, "claims": claims or [], **dates}
            groups[(key[0], tuple(sorted(dates)), bool(claims))].append(row)
        for (rel, dates, has_claims), rows in groups.items():
            sets = "".join(f", r.{name(k[2:])} = date(row.{name(k)})" for k in dates)
            if has_claims:
                sets += ", r.claims = coalesce(r.claims, []) + row.claims"
            query = (f"UNWIND $rows AS row WITH row, row.a AS source, row.b AS target MATCH (a) WHERE id(a) = source "
                     f"MATCH (a)-[r:{name(rel)}]->(b) WHERE id(b) = target SET r += row.props{sets}")
            yield from ((query, {"rows": chunk}) for chunk in _slices(rows, BATCH_ROWS))

    # -- values ------------------------------------------------------------------------------
    def _date_keys(self, props: Mapping[str, Any]) -> tuple[str, ...]:
        """The properties written with `date()`: as `cypher.Writer` decides, value by value."""
        return tuple(sorted(k for k, v in props.items() if v is not None and self._is_date(k, v)))

    def _is_date(self, key: str, value: Any) -> bool:
        declared = self._dates.get(key)
        if declared is None:
            declared = self._dates[key] = self.ontology.property(key).is_date
        return isinstance(value, dt.date) or (declared and isinstance(value, str))

    def _plain(self, key: str, value: Any) -> Any:
        if value is None or (key == "claims" and not value):  # no claims: no list (as cypher.Writer)
            return None
        return _storable(key, value)

    def _split(self, props: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """As `cypher.Writer` splits them, dates keyed `d_<name>`."""
        plain, dates = self._writer._split(props)
        return plain, {f"d_{k}": v for k, v in dates.items()}


def encode(rows: list[list[Any]]) -> str:
    """`rows` as Cypher list text for the query's parameter header."""
    try:
        text = json.dumps(rows, ensure_ascii=False, allow_nan=False)
    except ValueError:
        text = ""
    if not text or _NOT_CYPHER.search(text):
        from falkordb.helpers import stringify_param_value

        return stringify_param_value(rows)  # type: ignore[no-any-return]
    return text


def _merged_nodes(batch: GraphBatch) -> dict[NodeKey, dict[str, Any]]:
    nodes: dict[NodeKey, dict[str, Any]] = {}
    for node in batch.nodes:
        key = (node.label, node.id)
        props = nodes.get(key)
        if props is None:
            nodes[key] = dict(node.props)
        else:
            props.update(node.props)
    return nodes


def _groups(items: list[tuple[Any, dict[str, Any]]],
            date_keys: Callable[[Mapping[str, Any]], tuple[str, ...]]) -> dict[tuple[str, tuple[str, ...]], list[Any]]:
    """Items by (label or type, the properties they write as dates)."""
    groups: dict[tuple[str, tuple[str, ...]], list[Any]] = defaultdict(list)
    for key, props in items:
        groups[(key[0], date_keys(props))].append(key)
    return groups


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else value


def _slices(items: list[Any], size: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def all_statements(ontology: Ontology) -> list[str]:
    """Texts of the shapes this module sends, one per label and type (for the linter)."""
    writer = BulkWriter(ontology)
    texts: list[str] = []

    def capture(query: str, rows: str) -> list[list[Any]]:
        texts.append(query)
        created = len(json.loads(rows))
        return [[len(writer._nodes), len(writer._nodes) + created - 1, created]]

    batch = GraphBatch()
    for label in sorted(ontology.labels):
        batch.add_node(label, "x", name="x", date=dt.date(2024, 1, 1))
    writer.write(batch, capture, lambda q, p: texts.append(q))
    again = GraphBatch()
    for label in sorted(ontology.labels):
        again.add_node(label, "x", name="y", date=dt.date(2024, 1, 2))
    for rel in sorted(ontology.relationships):
        for src in ontology.relationships[rel].domains or ("Firm",):
            for dst in ontology.relationships[rel].ranges or ("Firm",):
                src, dst = ("Firm" if src == "Entity" else src), ("Firm" if dst == "Entity" else dst)
                again.add_edge(rel, NodeRef(src, "x"), NodeRef(dst, "x"), claims=["c"], date=dt.date(2024, 1, 1))
    writer.write(again, capture, lambda q, p: texts.append(q))
    writer.write(again, capture, lambda q, p: texts.append(q))
    return sorted(set(texts))
