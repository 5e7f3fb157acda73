"""Graph stores: the embedded FalkorDB (default), an external FalkorDB, or Neo4j.

with open_store(settings) as store:
    store.read("MATCH (d:Document) RETURN count(d) AS n")
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from urllib.parse import urlparse

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from kg import ontology as ontology_module
from kg.config import Settings, redacted
from kg.errors import StoreError, UsageError, one_line
from kg.store.base import Counts, WriteStats
from kg.store.protocol import Store

NEO4J_SCHEMES = {"neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc"}

__all__ = ["Counts", "QueryLimits", "Store", "WriteStats", "open_store"]


@dataclass(frozen=True)
class QueryLimits:
    """Server-wide caps on every query, for a server this process owns (the embedded one)."""

    memory_bytes: int
    max_rows: int


@contextmanager
def open_store(
    settings: Settings, *, schema: bool = True, limits: QueryLimits | None = None
) -> Iterator[Store]:
    """The configured store, open for the block and closed after it. `limits` apply to the
    embedded server only (`kg serve`): an external server is not ours to reconfigure."""
    onto = ontology_module.load()
    if settings.store == "embedded":
        with _embedded(settings, onto, schema, limits) as store:
            yield store
        return
    scheme = urlparse(settings.store).scheme
    if scheme in NEO4J_SCHEMES:
        from kg.store.neo4j_store import Neo4jStore

        with _closing(Neo4jStore(settings.store, onto), schema) as store:
            yield store
        return
    if scheme in {"redis", "rediss", "unix"}:
        from kg.store.falkor import FalkorStore

        connection = redis.Redis.from_url(settings.store, socket_connect_timeout=4)
        _ping(connection, settings.store)
        info = {"kind": "falkordb", "location": redacted(settings.store)}
        with _closing(FalkorStore(connection, onto, info), schema) as store:
            yield store
        return
    raise UsageError(
        f"unknown store '{redacted(settings.store)}'",
        hint="use 'embedded', neo4j://host:7687, bolt://…, neo4j+s://…, or redis://host:port",
    )


SCHEMA_SECONDS = 60.0  # creating the indexes of an empty graph takes well under a second


@contextmanager
def _embedded(
    settings: Settings, onto: ontology_module.Ontology, schema: bool, limits: QueryLimits | None
) -> Iterator[Store]:
    from kg.store.embedded import EmbeddedServer
    from kg.store.falkor import FalkorStore
    from kg.store.lock import DataDirLock

    data_dir = settings.data_dir
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the data directory {data_dir}: {exc.strerror}") from exc
    with DataDirLock(data_dir):
        server = EmbeddedServer(data_dir)
        for attempt in (
            1,
            2,
        ):  # a server that stops answering while it builds indexes is restarted once
            server.start()
            try:
                if schema:
                    watched = redis.Redis(
                        unix_socket_path=str(server.socket_path),
                        socket_timeout=SCHEMA_SECONDS,
                        retry=Retry(NoBackoff(), 0),
                    )
                    with closing(FalkorStore(watched, onto, {})) as indexer:
                        indexer.ensure_schema()
                break
            except (redis.TimeoutError, StoreError) as exc:
                server.stop(timeout=5)  # a hung server never gets to its SIGTERM handler
                if attempt == 2:
                    raise StoreError(
                        f"the embedded FalkorDB server stopped answering while creating indexes: "
                        f"{one_line(exc)}"
                    ) from exc
        try:
            info = {
                "kind": "embedded falkordb",
                "location": str(data_dir),
                "socket": str(server.socket_path),
                "pid": server.pid,
            }
            store = FalkorStore(server.client(), onto, info)
            try:
                if limits is not None:
                    store.limit_queries(limits.memory_bytes, limits.max_rows)
                yield store
            finally:
                store.close()
            if store.wrote:
                server.compact()
        finally:
            server.stop()


@contextmanager
def _closing(store: Store, schema: bool) -> Iterator[Store]:
    try:
        if schema:
            store.ensure_schema()
        yield store
    finally:
        store.close()


def _ping(connection: redis.Redis, uri: str) -> None:
    try:
        connection.ping()
    except (redis.ConnectionError, redis.TimeoutError, OSError) as exc:
        raise StoreError(f"cannot reach FalkorDB at {redacted(uri)}: {one_line(exc)}") from exc
