"""FalkorDB as the graph store: embedded (unix socket) or external (redis://host:port)."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge as FalkorEdge
from falkordb.node import Node as FalkorNode
from falkordb.path import Path as FalkorPath

from kg.errors import EmptyStoreError, QueryError, QueryTimeoutError, StoreError, one_line
from kg.graph import GraphBatch
from kg.ontology import Ontology
from kg.store import conflicts, cypher, derived, falkor_params
from kg.store.base import WriteStats
from kg.store.bulk import BulkWriter, Check
from kg.store.common import CypherStoreMixin
from kg.store.pipelined import Pipeline
from kg.store.values import NodeValue, PathValue, RelValue

GRAPH = "kg"
STAGING = "kg.first-load"  # where a first load writes until it is complete
ANY_NODE = "MATCH (n) RETURN 1 AS found LIMIT 1"


class FalkorStore(CypherStoreMixin):
    def __init__(
        self, connection: redis.Redis, ontology: Ontology, info: dict[str, Any], graph: str = GRAPH
    ) -> None:
        self.ontology = ontology
        self.info = info
        self._redis = connection
        self._db = FalkorDB(connection_pool=connection.connection_pool)
        self._name = graph
        self._graph = self._db.select_graph(graph)
        self._writer = cypher.Writer(ontology)
        self._bulk: BulkWriter | None = None
        self._pipeline: Pipeline | None = None  # the bulk writer's statements, sent without waiting
        self.wrote = False

    # -- reading -------------------------------------------------------------------------
    def read(
        self, query: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """GRAPH.RO_QUERY (the server refuses any write); `timeout` in seconds, enforced by
        FalkorDB."""
        try:
            result = self._graph.ro_query(
                query,
                _params(params),
                timeout=None if timeout is None else max(1, int(timeout * 1000)),
            )
        except redis.ConnectionError as exc:
            raise StoreError(f"lost the connection to FalkorDB: {exc}") from exc
        except redis.ResponseError as exc:
            if "empty key" in str(exc):  # FalkorDB's word for a graph that was never written
                raise EmptyStoreError(str(self.info.get("location", "?"))) from exc
            if "timed out" in str(exc):
                raise QueryTimeoutError(
                    f"the query ran past its time limit of {timeout:g} s and was stopped",
                    hint="narrow it (a label, an id, a LIMIT)",
                ) from exc
            raise QueryError(one_line(exc)) from exc
        columns = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        columns = [c.decode() if isinstance(c, bytes) else str(c) for c in columns]
        return [
            dict(zip(columns, (_value(v) for v in row), strict=True)) for row in result.result_set
        ]

    # -- writing -------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        """One index statement per label, each awaited until FalkorDB has built it: statements sent
        while another index is still being built have been seen to deadlock the server."""
        existing = {(row["label"], row["prop"]) for row in self._indexes()}
        missing: dict[str, list[str]] = {}
        for label, prop in self.ontology.indexes():
            if (label, prop) not in existing:
                missing.setdefault(label, []).append(prop)
        for label, props in missing.items():
            fields = ", ".join(f"n.{cypher.name(p)}" for p in props)
            self._execute(
                [(f"CREATE INDEX FOR (n:{cypher.name(label)}) ON ({fields})", {})], atomic=False
            )
            self._await_indexes()

    def _await_indexes(self, seconds: float = 30.0) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                rows = self.read("CALL db.indexes() YIELD status RETURN status")
            except QueryError:
                return
            if all(r["status"] == "OPERATIONAL" for r in rows):
                return
            time.sleep(0.01)

    def clear(self) -> None:
        try:
            self._graph.delete()
        except redis.ResponseError:
            pass  # no graph yet
        self.ensure_schema()

    def is_empty(self) -> bool:
        return not self.read(ANY_NODE)

    # -- the first load ----------------------------------------------------------------------
    @contextmanager
    def first_load(self) -> Iterator[FalkorStore]:
        """A store to load into while this graph is empty: it writes through `BulkWriter` into a
        staging graph (statements pipelined, see kg.store.pipelined), runs the derived-edge rule
        and the conflict marks once over the whole graph, and then
        the staging graph replaces this (empty) one in one RENAME. A load that fails or is
        interrupted drops the staging graph: this graph stays as it was. On a graph that holds
        anything, the store itself (the incremental MERGE path)."""
        if not self.is_empty():
            yield self
            return
        staging = FalkorStore(self._redis, self.ontology, self.info, graph=STAGING)
        staging.clear()  # a staging graph a killed load left behind
        staging._bulk = BulkWriter(self.ontology)
        staging._pipeline = Pipeline(self._redis.connection_pool, STAGING)
        try:
            yield staging
            staging._leave_bulk()
            self._take(staging)
        except BaseException:
            staging._close_pipeline(abandon=True)
            staging._drop()
            raise

    def _take(self, staging: FalkorStore) -> None:
        if not self.is_empty():
            raise StoreError(
                "the graph was written to during a first load into it; nothing was loaded",
                hint="run `kg load` again",
            )
        try:
            self._redis.rename(STAGING, self._name)
        except redis.RedisError as exc:
            raise StoreError(f"cannot publish the loaded graph: {one_line(exc)}") from exc
        self.wrote = True

    def _drop(self) -> None:
        try:
            self._graph.delete()
        except redis.RedisError:
            pass  # nothing was written, or the server is gone (the next first load drops it)

    def _write_graph(
        self, batch: GraphBatch, then: list[cypher.Statement], atomic: bool
    ) -> WriteStats:
        if self._bulk is None:
            return super()._write_graph(batch, then, atomic)
        batch = conflicts.with_groups(batch)
        stats = self._bulk.write(batch, self._send_rows, self._send, self._send_insert)
        for query, params in then:
            self._send(query, params)
        assert self._pipeline is not None
        self._pipeline.drain()  # the write is done when the server has run all of it
        return stats

    def write_new_documents(self, documents: list[tuple[str, GraphBatch]]) -> WriteStats:
        """In a first load, with their commit markers: the staging graph is published whole or
        not at all."""
        if self._bulk is None:
            return super().write_new_documents(documents)
        combined = GraphBatch()
        for _, batch in documents:
            combined.extend(batch)
        return self._write_graph(combined, [], atomic=False)

    def replace_document(self, doc_id: str, batch: GraphBatch) -> WriteStats:
        self._leave_bulk()
        return super().replace_document(doc_id, batch)

    def forget_document(self, doc_id: str) -> bool:
        self._leave_bulk()
        return super().forget_document(doc_id)

    def _leave_bulk(self) -> None:
        """Back to the MERGE path (a removal makes the bulk writer's internal ids stale), after
        the derived-edge rule and the conflict marks have been computed over what it wrote."""
        bulk, self._bulk = self._bulk, None
        if bulk is not None:
            for query, params in bulk.finish():
                self._send(query, params)
        self._close_pipeline()
        if bulk is not None:
            self._execute(
                derived.recompute_all(self.ontology, bulk.sources)
                + [(conflicts.RECOMPUTE_ALL, {})],
                atomic=False,
            )

    def _close_pipeline(self, abandon: bool = False) -> None:
        pipeline, self._pipeline = self._pipeline, None
        if pipeline is not None:
            pipeline.abandon() if abandon else pipeline.close()

    def describe(self) -> dict[str, Any]:
        return {**self.info, "version": self._version()}

    def close(self) -> None:
        """The connections go back (the embedded server is stopped by kg.store.open_store)."""
        self._close_pipeline(abandon=True)
        self._redis.close()

    def limit_queries(self, memory_bytes: int, max_rows: int) -> None:
        """Server-wide caps for a server this process owns (the embedded one, for `kg serve`): a
        query that would allocate more than `memory_bytes` fails instead of taking the server
        down (`UNWIND range(1, 1000000000)` does without it), and no result carries more than
        `max_rows` rows."""
        try:
            self._redis.execute_command(
                "GRAPH.CONFIG", "SET", "QUERY_MEM_CAPACITY", int(memory_bytes)
            )
            self._redis.execute_command("GRAPH.CONFIG", "SET", "RESULTSET_SIZE", int(max_rows))
        except redis.RedisError as exc:
            raise StoreError(f"cannot set FalkorDB's query limits: {one_line(exc)}") from exc

    # -- internals -----------------------------------------------------------------------
    def _execute(self, statements: Iterable[cypher.Statement], atomic: bool) -> None:
        """Send write statements one by one.

        Not MULTI/EXEC: FalkorDB 4.16 replaying GRAPH.QUERY inside MULTI/EXEC from the append-only
        file crashes the server (assertion '!server.in_exec', seen here). A document's write is
        crash-safe instead through its commit marker (the fingerprint, written last): a document
        without it is redone by the next load. `atomic` is kept for stores that have transactions.
        """
        commands = [
            ("GRAPH.QUERY", self._name, falkor_params.header(_params(p)) + q, "--compact")
            for q, p in statements
        ]
        self.wrote = self.wrote or bool(commands)
        try:
            for command in commands:
                self._redis.execute_command(*command)
        except redis.ConnectionError as exc:
            raise StoreError(f"lost the connection to FalkorDB: {exc}") from exc
        except redis.ResponseError as exc:
            if "MISCONF" in str(exc) or "OOM" in str(exc) or "disk" in str(exc).lower():
                raise StoreError(f"FalkorDB cannot persist writes: {one_line(exc)}") from exc
            raise QueryError(one_line(exc)) from exc

    def _send_rows(self, query: str, rows: str, check: Check | None) -> None:
        """One bulk write whose `$rows` is Cypher text already (see kg.store.bulk.encode),
        pipelined."""
        assert self._pipeline is not None
        self.wrote = True
        self._pipeline.send(f"CYPHER rows={rows} {query}", check)

    def _send_insert(
        self, nodes: int, edges: int, node_tokens: list[bytes], edge_tokens: list[bytes]
    ) -> None:
        """One GRAPH.BULK into the (existing) staging graph, pipelined (kg.store.bulk_format)."""
        assert self._pipeline is not None
        self.wrote = True
        self._pipeline.send_command(
            "GRAPH.BULK",
            self._name,
            nodes,
            edges,
            len(node_tokens),
            len(edge_tokens),
            *node_tokens,
            *edge_tokens,
        )

    def _send(self, query: str, params: Mapping[str, Any]) -> None:
        """One bulk write with ordinary parameters, pipelined after the ones before it."""
        assert self._pipeline is not None
        self.wrote = True
        self._pipeline.send(falkor_params.header(_params(params)) + query)

    def _version(self) -> str:
        """'FalkorDB 4.16.3 on Redis 8.2.3' (the module reports 41603 for 4.16.3)."""
        try:
            redis_version = self._redis.info("server")["redis_version"]
            modules = self._redis.execute_command("MODULE", "LIST")
        except (redis.RedisError, KeyError):
            return "unknown"
        for module in modules:
            fields = {_text(k): v for k, v in module.items()} if isinstance(module, dict) else {}
            if _text(fields.get("name", b"")) == "graph":
                ver = int(fields["ver"])
                release = f"{ver // 10000}.{ver // 100 % 100}.{ver % 100}"
                return f"FalkorDB {release} on Redis {redis_version}"
        return f"Redis {redis_version} (no FalkorDB module)"

    def _indexes(self) -> list[dict[str, str]]:
        try:
            rows = self.read("CALL db.indexes() YIELD label, properties RETURN label, properties")
        except QueryError:
            return []
        return [{"label": r["label"], "prop": p} for r in rows for p in (r["properties"] or [])]


def _text(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def _params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in (params or {}).items()}


def _value(value: Any) -> Any:
    if isinstance(value, FalkorNode):
        return NodeValue(str(value.id), tuple(value.labels or ()), dict(value.properties))
    if isinstance(value, FalkorEdge):
        return RelValue(
            str(value.id),
            value.relation,
            str(value.src_node),
            str(value.dest_node),
            dict(value.properties),
        )
    if isinstance(value, FalkorPath):
        return PathValue(
            tuple(_value(n) for n in value.nodes()), tuple(_value(e) for e in value.edges())
        )
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value
