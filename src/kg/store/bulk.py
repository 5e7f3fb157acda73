"""The first load into an empty graph: CREATE from prepared rows instead of a MERGE per row.

When a load starts on a graph that holds nothing, whatever it writes is new unless this same load
wrote it before, and the load itself knows which those are. So this writer keeps, for one load,
the internal id of every node it created and a key of every relationship, and sends:

- new nodes as `UNWIND $rows AS row CREATE (n:Label {id: row[0], ...}) RETURN id(n)`, one
  positional row per node (no map per row, no index lookup, no existence check);
- new relationships as `CREATE`s between nodes found by internal id (`WHERE id(a) = row[0]`);
- a node met again (an entity named by many documents) as the incremental path writes it: `SET +=`
  its properties; a relationship met again (a holding stated by several documents) the same way,
  but once at the end of the load, with what every later batch said of it merged in order.

Property values, dates and labels are checked and converted exactly as `cypher.Writer` does, so
the graph is the one the incremental path would build (tests/store/test_bulk.py compares them).
The derived-edge rule and the conflict marks are not computed per batch: everything in the graph
is this load's, so the caller runs both once over the whole graph when everything is written.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.errors import StoreError
from kg.graph import GraphBatch, NodeRef
from kg.ontology import Ontology
from kg.store import bulk_format, falkor_params
from kg.store.base import WriteStats
from kg.store.cypher import BATCH_ROWS, Writer, _storable, name

# Sends one statement whose `$rows` parameter is already encoded as Cypher text; the check, when
# given, is called with the statement's result rows when its reply comes (maybe later: pipelined).
Check = Callable[[list[list[Any]]], None]
Run = Callable[[str, str, "Check | None"], None]
# Sends one GRAPH.BULK: node count, relationship count, node tokens, relationship tokens
# (kg.store.bulk_format).
Insert = Callable[[int, int, list[bytes], list[bytes]], None]
CREATE_ROWS = 2000  # positional rows per CREATE statement
INSERT_ROWS = 20000  # rows per GRAPH.BULK token
# The nodes a GRAPH.BULK created, looked up by the internal ids the writer expects them at.
INSERTED = (
    "UNWIND $rows AS node WITH node MATCH (n) WHERE id(n) = node RETURN id(n) AS node, n.id AS id"
)

# json.dumps writes Cypher literals, except for these escapes, which FalkorDB's parser reads
# differently (it keeps `\u0001` as six characters): such a chunk goes through
# kg.store.falkor_params.
_NOT_CYPHER = re.compile(r"\\[ubf]")


_SCALARS = frozenset({str, int, float, bool})  # stored as they are (see cypher._storable)
_UNDATED = frozenset(
    {str, int, float, bool, list, tuple, dict, type(None)}
)  # types that are never a date
NodeKey = tuple[str, str]  # (label, id)
EdgeKey = tuple[str, NodeKey, NodeKey]  # (type, source, target)


@dataclass
class BulkWriter:
    ontology: Ontology
    _nodes: dict[NodeKey, int] = field(default_factory=dict)  # internal id of each node created
    _next_id: int = 0  # the internal id the next node created gets
    _again: dict[EdgeKey, dict[str, Any]] = field(
        default_factory=dict
    )  # edges met again, written by `finish`
    _edges: dict[str, set[int]] = field(
        default_factory=dict
    )  # per type, (source << 32 | target) created
    sources: dict[str, set[str]] = field(
        default_factory=dict
    )  # per type, the labels its new edges start at
    _dates: dict[str, bool] = field(default_factory=dict)
    _declared: dict[tuple[str, ...], bool] = field(
        default_factory=dict
    )  # names of which one is a date

    def __post_init__(self) -> None:
        self._writer = Writer(self.ontology)

    def write(
        self,
        batch: GraphBatch,
        run: Run,
        send: Callable[[str, dict[str, Any]], None],
        insert: Insert,
    ) -> WriteStats:
        """Write the batch: new nodes and edges without dates through `insert` (GRAPH.BULK), those
        with dates through `run` (Cypher CREATE from encoded rows), the rare repeats through
        `send` (ordinary parameters). All go down one connection in this order, so the ids the
        server gives are the ones counted here."""
        nodes = _merged_nodes(batch)
        new = [(key, props) for key, props in nodes.items() if key not in self._nodes]
        for statement in self._node_updates(nodes, {key for key, _ in new}):
            send(*statement)
        for (label, dates), keys in _groups(new, self._date_keys).items():
            if dates:
                self._create_nodes(label, dates, keys, nodes, run)
            else:
                self._insert_nodes(label, keys, nodes, run, insert)
        return WriteStats(len(nodes), self._write_edges(batch, run, insert))

    # -- nodes -------------------------------------------------------------------------------
    def _create_nodes(
        self,
        label: str,
        dates: tuple[str, ...],
        keys: list[NodeKey],
        nodes: dict[NodeKey, dict[str, Any]],
        run: Run,
    ) -> None:
        """CREATE, one positional row per node. A new graph with nothing deleted numbers its nodes
        in creation order, so their internal ids are known before the reply (the relationships
        after them need not wait for it); the statement returns the range of ids it gave, which
        must be that one (a gap or another count stops the load)."""
        self.ontology.label(label)
        plain = sorted({k for key in keys for k in nodes[key]} - set(dates) - {"id"})
        columns = [f"{name(k)}: row[{i}]" for i, k in enumerate(plain, 1)]
        columns += [f"{name(k)}: date(row[{i}])" for i, k in enumerate(dates, len(plain) + 1)]
        query = (
            f"UNWIND $rows AS row CREATE (n:{name(label)} "
            f"{{id: row[0]{''.join(', ' + c for c in columns)}}}) "
            "RETURN min(id(n)) AS low, max(id(n)) AS high, count(n) AS created"
        )
        for chunk in _slices(keys, CREATE_ROWS):
            rows = [[key[1], *self._cells(nodes[key], plain, dates)] for key in chunk]
            low = self._next_id
            self._next_id += len(chunk)
            self._nodes.update(zip(chunk, range(low, self._next_id), strict=True))
            run(query, encode(rows), _confirm(label, low, len(chunk)))

    def _insert_nodes(
        self,
        label: str,
        keys: list[NodeKey],
        nodes: dict[NodeKey, dict[str, Any]],
        run: Run,
        insert: Insert,
    ) -> None:
        """GRAPH.BULK, one token per chunk; then the first and last node of the chunk are looked
        up by the ids expected (another id stops the load). A chunk with a value the binary
        format cannot carry goes as Cypher CREATE."""
        self.ontology.label(label)
        plain = sorted({k for key in keys for k in nodes[key]} - {"id"})
        head = bulk_format.header(label, ["id", *plain])
        for chunk in _slices(keys, INSERT_ROWS):
            try:
                body = bulk_format.node_rows(
                    [key[1] for key in chunk], [nodes[key] for key in chunk], plain, self._plain
                )
            except bulk_format.NotBinary:
                self._create_nodes(label, (), chunk, nodes, run)
                continue
            low = self._next_id
            self._next_id += len(chunk)
            self._nodes.update(zip(chunk, range(low, self._next_id), strict=True))
            insert(len(chunk), 0, [head + body], [])
            ends = [(low, chunk[0][1]), (self._next_id - 1, chunk[-1][1])]
            run(INSERTED, encode([low, self._next_id - 1]), _found(label, ends))

    def _node_updates(
        self, nodes: dict[NodeKey, dict[str, Any]], new: set[NodeKey]
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Nodes an earlier batch of this load created, met again with properties: `SET +=`."""
        groups: dict[tuple[str, tuple[str, ...]], list[dict[str, Any]]] = defaultdict(list)
        for key, props in nodes.items():
            if key in new or not props:
                continue
            plain, dates = self._split(props)
            groups[(key[0], tuple(sorted(dates)))].append(
                {"n": self._nodes[key], "props": plain, **dates}
            )
        for (label, date_keys), rows in groups.items():
            sets = "".join(f", n.{name(k[2:])} = date(row.{name(k)})" for k in date_keys)
            self.ontology.label(label)
            query = (
                "UNWIND $rows AS row WITH row, row.n AS node MATCH (n) WHERE id(n) = node "
                f"SET n += row.props{sets}"
            )
            yield from ((query, {"rows": chunk}) for chunk in _slices(rows, BATCH_ROWS))

    # -- relationships -----------------------------------------------------------------------
    def _write_edges(self, batch: GraphBatch, run: Run, insert: Insert) -> int:
        """One relationship per (type, source, target) whose ends exist, later properties winning,
        claim ids in order: new ones created now, ones met again held for `finish`. Returns how
        many distinct relationships the batch names (the incremental path's count, ends missing
        or not: `MATCH ... MERGE` with an end that does not exist writes nothing)."""
        merged = _merged_edges(batch)
        ids, by_type, date_keys = self._nodes, self._edges, self._date_keys
        groups: dict[tuple[str, tuple[str, ...]], list[EdgeKey]] = defaultdict(list)
        ends: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
        for key, props in merged.items():
            rel, src, dst = key
            source, target = ids.get(src), ids.get(dst)
            if source is None or target is None:
                continue
            created = by_type.get(rel)
            if created is None:
                self.ontology.relationship(rel)
                created = by_type[rel] = set()
            pair = source << 32 | target
            if pair in created:
                self._hold(key, props)
                continue
            created.add(pair)
            group = (rel, date_keys(props) if props else ())
            groups[group].append(key)
            ends[group] += (source, target)
        for (rel, dates), keys in groups.items():
            self.sources.setdefault(rel, set()).update(key[1][0] for key in keys)
            if dates:
                self._create_edges(rel, dates, keys, merged, run)
            else:
                self._insert_edges(rel, keys, ends[(rel, dates)], merged, run, insert)
        return len(merged)

    def _hold(self, key: EdgeKey, props: Mapping[str, Any]) -> None:
        """An edge an earlier batch created, met again: merged across the whole load, one update
        per edge, sent by `finish`."""
        held = self._again.get(key)
        if held is None:
            self._again[key] = dict(props)
        else:
            _merge(held, props)

    def finish(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """The updates of edges met again after the batch that created them, one per edge (later
        properties winning, claim ids appended in order: what one update per batch would leave)."""
        again, self._again = self._again, {}
        yield from self._edge_updates(list(again), again)

    def _create_edges(
        self,
        rel: str,
        dates: tuple[str, ...],
        keys: list[EdgeKey],
        edges: Mapping[EdgeKey, Mapping[str, Any]],
        run: Run,
    ) -> None:
        plain = sorted({k for key in keys for k in edges[key]} - set(dates))
        columns = [f"{name(k)}: row[{i}]" for i, k in enumerate(plain, 2)]
        columns += [f"{name(k)}: date(row[{i}])" for i, k in enumerate(dates, len(plain) + 2)]
        props = f" {{{', '.join(columns)}}}" if columns else ""
        # `WITH row[0] AS ...` first: FalkorDB seeks by id only a variable, never `row[0]` itself
        query = (
            f"UNWIND $rows AS row WITH row, row[0] AS source, row[1] AS target "
            f"MATCH (a) WHERE id(a) = source MATCH (b) WHERE id(b) = target "
            f"CREATE (a)-[:{name(rel)}{props}]->(b)"
        )
        ids = self._nodes
        for chunk in _slices(keys, CREATE_ROWS):
            rows = [
                [ids[key[1]], ids[key[2]], *self._cells(edges[key], plain, dates)] for key in chunk
            ]
            run(query, encode(rows), None)

    def _insert_edges(
        self,
        rel: str,
        keys: list[EdgeKey],
        ends: list[int],
        edges: Mapping[EdgeKey, Mapping[str, Any]],
        run: Run,
        insert: Insert,
    ) -> None:
        """GRAPH.BULK between nodes by internal id (`ends`: source, target, ... of `keys`); a
        chunk the binary format cannot carry as Cypher."""
        plain = sorted({k for key in keys for k in edges[key]})
        head = bulk_format.header(rel, plain)
        for start in range(0, len(keys), INSERT_ROWS):
            chunk = keys[start : start + INSERT_ROWS]
            try:
                body = bulk_format.edge_rows(
                    ends[2 * start : 2 * (start + len(chunk))],
                    [edges[key] for key in chunk],
                    plain,
                    self._plain,
                )
            except bulk_format.NotBinary:
                self._create_edges(rel, (), chunk, edges, run)
                continue
            insert(0, len(chunk), [], [head + body])

    def _edge_updates(
        self, keys: list[EdgeKey], edges: dict[EdgeKey, dict[str, Any]]
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Edges an earlier batch created, met again: properties set, claim ids appended (the
        derived-edge rule makes the list exact)."""
        groups: dict[tuple[str, tuple[str, ...], bool], list[dict[str, Any]]] = defaultdict(list)
        for key in keys:
            plain, dates = self._split(edges[key])
            claims = plain.pop("claims", None)
            row = {
                "a": self._nodes[key[1]],
                "b": self._nodes[key[2]],
                "props": plain,
                "claims": claims or [],
                **dates,
            }
            groups[(key[0], tuple(sorted(dates)), bool(claims))].append(row)
        for (rel, date_keys, has_claims), rows in groups.items():
            sets = "".join(f", r.{name(k[2:])} = date(row.{name(k)})" for k in date_keys)
            if has_claims:
                sets += ", r.claims = coalesce(r.claims, []) + row.claims"
            query = (
                "UNWIND $rows AS row WITH row, row.a AS source, row.b AS target "
                "MATCH (a) WHERE id(a) = source "
                f"MATCH (a)-[r:{name(rel)}]->(b) WHERE id(b) = target SET r += row.props{sets}"
            )
            yield from ((query, {"rows": chunk}) for chunk in _slices(rows, BATCH_ROWS))

    # -- values ------------------------------------------------------------------------------
    def _date_keys(self, props: Mapping[str, Any]) -> tuple[str, ...]:
        """The properties written with `date()`: as `cypher.Writer` decides, value by value (every
        name checked against the ontology once)."""
        if not props:
            return ()
        names = tuple(props)
        declared = self._declared.get(names)
        if declared is None:
            known = (
                self.ontology.properties
            )  # an unknown name takes the exact path below (and fails there)
            declared = self._declared[names] = any(
                k not in known or known[k].is_date for k in names
            )
        if not declared and _UNDATED.issuperset(map(type, props.values())):
            return ()  # no name declared a date, no value a date: the common case, at C speed
        declared_dates = self._dates
        found = []
        for key, value in props.items():
            if value is None:
                continue
            declared = declared_dates.get(key)
            if declared is None:
                declared = declared_dates[key] = self.ontology.property(key).is_date
            if isinstance(value, dt.date) or (declared and isinstance(value, str)):
                found.append(key)
        return tuple(sorted(found)) if found else ()

    def _cells(
        self, props: Mapping[str, Any], plain: list[str], dates: tuple[str, ...]
    ) -> list[Any]:
        """A row's values: the plain properties as `cypher.Writer` stores them, then the dates."""
        get = props.get
        cells = []
        for key in plain:
            value = get(key)
            cells.append(
                value if value is None or type(value) in _SCALARS else self._plain(key, value)
            )
        cells += [_iso(get(key)) for key in dates]
        return cells

    def _plain(self, key: str, value: Any) -> Any:
        if value is None or (
            key == "claims" and not value
        ):  # no claims: no list (as cypher.Writer)
            return None
        return _storable(key, value)

    def _split(self, props: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
        """As `cypher.Writer` splits them, dates keyed `d_<name>`."""
        plain, dates = self._writer._split(props)
        return plain, {f"d_{k}": v for k, v in dates.items()}


def _merge(props: dict[str, Any], later: Mapping[str, Any]) -> None:
    """`later`'s properties over `props`, claim ids appended (each once)."""
    claims = props.get("claims")
    props.update(later)
    if claims is not None and later.get("claims"):
        props["claims"] = list(dict.fromkeys([*claims, *later["claims"]]))


def _confirm(label: str, low: int, count: int) -> Check:
    def check(rows: list[list[Any]]) -> None:
        [(first, last, created)] = rows
        if (first, last, created) != (low, low + count - 1, count):
            raise StoreError(
                f"bulk load: {created} {label} nodes got ids {first}..{last}, "
                f"not {low}..{low + count - 1}"
            )

    return check


def _found(label: str, expected: list[tuple[int, str]]) -> Check:
    def check(rows: list[list[Any]]) -> None:
        found = {
            node: ident.decode() if isinstance(ident, bytes) else ident for node, ident in rows
        }
        for node, ident in expected:
            if found.get(node) != ident:
                raise StoreError(
                    f"bulk load: node {node} is {found.get(node)!r}, not the {label} {ident!r} "
                    "written there"
                )

    return check


def encode(rows: list[Any]) -> str:
    """`rows` as Cypher list text for the query's parameter header."""
    try:
        text = json.dumps(rows, ensure_ascii=False, allow_nan=False)
    except ValueError:
        text = ""
    if not text or _NOT_CYPHER.search(text):
        return falkor_params.literal(rows)
    return text


def _merged_edges(batch: GraphBatch) -> dict[EdgeKey, Mapping[str, Any]]:
    """One entry per (type, source, target): later properties winning, claim ids in order. An
    edge's own properties are copied only when a later one is merged into them."""
    merged: dict[EdgeKey, Mapping[str, Any]] = {}
    copied: set[EdgeKey] = set()
    for edge in batch.edges:
        src, dst = edge.src, edge.dst
        key = (edge.type, (src.label, src.id), (dst.label, dst.id))
        props = merged.get(key)
        if props is None:
            merged[key] = edge.props
            continue
        if key not in copied:
            props = merged[key] = dict(props)
            copied.add(key)
        _merge(props, edge.props)  # type: ignore[arg-type]
    return merged


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


def _groups(
    items: list[tuple[Any, dict[str, Any]]],
    date_keys: Callable[[Mapping[str, Any]], tuple[str, ...]],
) -> dict[tuple[str, tuple[str, ...]], list[Any]]:
    """Items by (label or type, the properties they write as dates)."""
    groups: dict[tuple[str, tuple[str, ...]], list[Any]] = defaultdict(list)
    for key, props in items:
        groups[(key[0], date_keys(props) if props else ())].append(key)
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

    def capture(query: str, rows: str, check: Check | None) -> None:
        texts.append(query)

    batch = GraphBatch()
    for label in sorted(ontology.labels):
        batch.add_node(label, "x", name="x", date=dt.date(2024, 1, 1))
    writer.write(batch, capture, lambda q, p: texts.append(q), lambda *_: None)
    again = GraphBatch()
    for label in sorted(ontology.labels):
        again.add_node(label, "x", name="y", date=dt.date(2024, 1, 2))
    for rel in sorted(ontology.relationships):
        for src in ontology.relationships[rel].domains or ("Firm",):
            for dst in ontology.relationships[rel].ranges or ("Firm",):
                src, dst = (
                    ("Firm" if src == "Entity" else src),
                    ("Firm" if dst == "Entity" else dst),
                )
                again.add_edge(
                    rel,
                    NodeRef(src, "x"),
                    NodeRef(dst, "x"),
                    claims=["c"],
                    date=dt.date(2024, 1, 1),
                )
    writer.write(again, capture, lambda q, p: texts.append(q), lambda *_: None)
    writer.write(again, capture, lambda q, p: texts.append(q), lambda *_: None)
    undated = GraphBatch()
    undated.add_node("Firm", "y", name="y")
    undated.add_edge("HOLDS", NodeRef("Firm", "y"), NodeRef("Firm", "x"), claims=["c"])
    writer.write(undated, capture, lambda q, p: texts.append(q), lambda *_: None)
    texts += [query for query, _ in writer.finish()]
    return sorted(set(texts))
