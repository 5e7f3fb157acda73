"""Neo4j as the graph store, through the official driver with managed transactions."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from kg.config import redacted, without_password
from kg.errors import QueryError, QueryTimeoutError, StoreError, one_line
from kg.ontology import Ontology
from kg.store import cypher
from kg.store.common import CypherStoreMixin
from kg.store.values import NodeValue, PathValue, RelValue

if TYPE_CHECKING:  # the driver itself is imported when a Neo4j store is opened
    from neo4j import ManagedTransaction, Session

CONNECT_TIMEOUT_SECONDS = 4.0
T = TypeVar("T")


class Neo4jStore(CypherStoreMixin):
    def __init__(self, uri: str, ontology: Ontology) -> None:
        import neo4j

        self._neo4j = neo4j
        self.ontology = ontology
        self.uri = uri
        self.database = os.environ.get("NEO4J_DATABASE") or None
        auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
        try:
            self._driver = neo4j.GraphDatabase.driver(
                uri,
                auth=auth,
                connection_timeout=CONNECT_TIMEOUT_SECONDS,
                connection_acquisition_timeout=CONNECT_TIMEOUT_SECONDS,
                max_transaction_retry_time=15,
            )
            self._driver.verify_connectivity()
        except neo4j.exceptions.AuthError as exc:
            raise StoreError(
                f"Neo4j at {redacted(uri)} refused the credentials "
                "(NEO4J_USERNAME / NEO4J_PASSWORD)"
            ) from exc
        except (
            neo4j.exceptions.ServiceUnavailable,
            neo4j.exceptions.DriverError,
            OSError,
            ValueError,
        ) as exc:
            raise StoreError(
                f"cannot reach Neo4j at {redacted(uri)}: {without_password(one_line(exc), uri)}"
            ) from exc
        self._writer = cypher.Writer(ontology)

    def close(self) -> None:
        self._driver.close()

    def read(
        self, query: str, params: Mapping[str, Any] | None = None, *, timeout: float | None = None
    ) -> list[dict[str, Any]]:
        """A managed read transaction; `timeout` in seconds, enforced by the Neo4j server."""

        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(query, dict(params or {}))
            return [{k: _value(v) for k, v in record.items()} for record in result]

        if timeout is not None:
            work = self._neo4j.unit_of_work(timeout=timeout)(work)
        return self._run(lambda s: s.execute_read(work))

    def ensure_schema(self) -> None:
        for label, prop in self.ontology.indexes():
            target = f"FOR (n:{cypher.name(label)})"
            if prop == "id":
                query = (
                    f"CREATE CONSTRAINT kg_{label.lower()}_id IF NOT EXISTS {target} "
                    "REQUIRE n.id IS UNIQUE"
                )
            else:
                query = (
                    f"CREATE INDEX kg_{label.lower()}_{prop} IF NOT EXISTS {target} "
                    f"ON (n.{cypher.name(prop)})"
                )
            self._write([(query, {})])

    def clear(self) -> None:
        while self._run(lambda s: s.execute_write(_delete_some)):
            pass
        self.ensure_schema()

    def describe(self) -> dict[str, Any]:
        return {
            "kind": "neo4j",
            "location": redacted(self.uri),
            "database": self.database or "(default)",
        }

    def _execute(self, statements: Iterable[cypher.Statement], atomic: bool = True) -> None:
        self._write(list(statements))

    def _write(self, statements: list[cypher.Statement]) -> None:
        """All statements in one managed write transaction: retried as a whole, all or nothing."""

        def work(tx: ManagedTransaction) -> None:
            for query, params in statements:
                tx.run(query, params).consume()

        self._run(lambda s: s.execute_write(work))

    def _run(self, action: Callable[[Session], T]) -> T:
        neo4j = self._neo4j
        try:
            with self._driver.session(database=self.database) as session:
                return action(session)
        except neo4j.exceptions.CypherSyntaxError as exc:
            raise QueryError(one_line(exc)) from exc
        except neo4j.exceptions.ClientError as exc:
            if "TransactionTimedOut" in str(getattr(exc, "code", "")):
                raise QueryTimeoutError(
                    "the query ran past its time limit and was stopped",
                    hint="narrow it (a label, an id, a LIMIT)",
                ) from exc
            raise QueryError(one_line(exc)) from exc
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired) as exc:
            raise StoreError(f"lost Neo4j at {redacted(self.uri)}: {one_line(exc)}") from exc


def _delete_some(tx: ManagedTransaction) -> int:
    record = tx.run("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS n").single()
    return int(record["n"]) if record is not None else 0


def _value(value: Any) -> Any:
    import neo4j.graph as g
    import neo4j.time as t

    if isinstance(value, g.Node):
        return NodeValue(
            value.element_id, tuple(sorted(value.labels)), {k: _value(v) for k, v in value.items()}
        )
    if isinstance(value, g.Relationship):
        start, end = (
            value.start_node,
            value.end_node,
        )  # None only for a relationship without its nodes
        return RelValue(
            value.element_id,
            value.type,
            start.element_id if start else "",
            end.element_id if end else "",
            {k: _value(v) for k, v in value.items()},
        )
    if isinstance(value, g.Path):
        return PathValue(
            tuple(_value(n) for n in value.nodes), tuple(_value(r) for r in value.relationships)
        )
    if isinstance(value, (t.Date, t.DateTime)):
        return value.to_native()
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value
