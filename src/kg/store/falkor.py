"""FalkorDB as the graph store: embedded (unix socket) or external (redis://host:port)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Mapping

import redis
from falkordb import FalkorDB
from falkordb.edge import Edge as FalkorEdge
from falkordb.node import Node as FalkorNode
from falkordb.path import Path as FalkorPath

from kg.errors import EmptyStoreError, QueryError, StoreError, one_line
from kg.ontology import Ontology
from kg.store import cypher
from kg.store.common import CypherStoreMixin
from kg.store.values import NodeValue, PathValue, RelValue

GRAPH = "kg"


class FalkorStore(CypherStoreMixin):
    def __init__(self, connection: redis.Redis, ontology: Ontology, info: dict[str, Any]) -> None:
        self.ontology = ontology
        self.info = info
        self._redis = connection
        self._db = FalkorDB(connection_pool=connection.connection_pool)
        self._graph = self._db.select_graph(GRAPH)
        self._writer = cypher.Writer(ontology)
        self.wrote = False

    # -- reading -------------------------------------------------------------------------
    def read(self, query: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self._graph.ro_query(query, _params(params))
        except redis.ConnectionError as exc:
            raise StoreError(f"lost the connection to FalkorDB: {exc}") from exc
        except redis.ResponseError as exc:
            if "empty key" in str(exc):  # FalkorDB's word for a graph that was never written
                raise EmptyStoreError(str(self.info.get("location", "?"))) from exc
            raise QueryError(one_line(exc)) from exc
        columns = [h[1] if isinstance(h, (list, tuple)) else h for h in result.header]
        columns = [c.decode() if isinstance(c, bytes) else str(c) for c in columns]
        return [dict(zip(columns, (_value(v) for v in row))) for row in result.result_set]

    # -- writing -------------------------------------------------------------------------
    def ensure_schema(self) -> None:
        existing = {(row["label"], row["prop"]) for row in self._indexes()}
        for label, prop in self.ontology.indexes():
            if (label, prop) not in existing:
                query = f"CREATE INDEX FOR (n:{cypher.name(label)}) ON (n.{cypher.name(prop)})"
                self._execute([(query, {})], atomic=False)

    def clear(self) -> None:
        try:
            self._graph.delete()
        except redis.ResponseError:
            pass  # no graph yet
        self.ensure_schema()

    def describe(self) -> dict[str, Any]:
        return {**self.info, "version": self._version()}

    # -- internals -----------------------------------------------------------------------
    def _execute(self, statements: Iterable[cypher.Statement], atomic: bool) -> None:
        """Send write statements one by one.

        Not MULTI/EXEC: FalkorDB 4.16 replaying GRAPH.QUERY inside MULTI/EXEC from the append-only
        file crashes the server (assertion '!server.in_exec', seen here). A document's write is
        crash-safe instead through its commit marker (the fingerprint, written last): a document
        without it is redone by the next load. `atomic` is kept for stores that have transactions.
        """
        commands = [
            ("GRAPH.QUERY", GRAPH, self._graph._build_params_header(_params(p)) + q, "--compact")
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
                return f"FalkorDB {ver // 10000}.{ver // 100 % 100}.{ver % 100} on Redis {redis_version}"
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
        return RelValue(str(value.id), value.relation, str(value.src_node), str(value.dest_node), dict(value.properties))
    if isinstance(value, FalkorPath):
        return PathValue(tuple(_value(n) for n in value.nodes()), tuple(_value(e) for e in value.edges()))
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value
