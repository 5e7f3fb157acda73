"""Write statements sent to FalkorDB without waiting for each reply (redis pipelining).

The first load's writer builds the next statement while the server runs the last one: on one
connection, statements go out as they are built and run in the order sent; `drain` reads every
reply, in that order, and hands each to the check sent with its statement. The first error is
raised once every reply is read, so the connection stays usable (and the load stops there).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import redis

from kg.errors import QueryError, StoreError, one_line

Check = Callable[[list[list[Any]]], None]  # called with a statement's result rows
MAX_WAITING = 200  # statements in flight before their replies are read


class Pipeline:
    def __init__(self, pool: redis.ConnectionPool, graph: str) -> None:
        self._pool = pool
        self._graph = graph
        self._connection: Any = None
        self._waiting: list[Check | None] = []

    def send(self, query: str, check: Check | None = None) -> None:
        """Send one GRAPH.QUERY (its text with the parameter header already in front)."""
        self.send_command("GRAPH.QUERY", self._graph, query, "--compact", check=check)

    def send_command(self, *args: Any, check: Check | None = None) -> None:
        """Send any command (GRAPH.BULK: its reply is a line of counts, never checked)."""
        if self._connection is None:
            self._connection = self._pool.get_connection()
        try:
            self._connection.send_command(*args)
        except redis.ConnectionError as exc:
            raise StoreError(f"lost the connection to FalkorDB: {exc}") from exc
        self._waiting.append(check)
        if len(self._waiting) >= MAX_WAITING:
            self.drain()

    def drain(self) -> None:
        """Read every reply still due; raise the first error, after all of them are read."""
        waiting, self._waiting = self._waiting, []
        first: Exception | None = None
        for check in waiting:
            try:
                reply = self._connection.read_response()
                if check is not None:
                    check(
                        [[value for _, value in row] for row in reply[1]] if len(reply) >= 3 else []
                    )
            except redis.ConnectionError as exc:
                raise StoreError(f"lost the connection to FalkorDB: {exc}") from exc
            except redis.ResponseError as exc:
                first = first or QueryError(one_line(exc))
            except StoreError as exc:
                first = first or exc
        if first is not None:
            raise first

    def close(self) -> None:
        """Back to the pool, after every reply is read (or dropped when the connection broke)."""
        if self._connection is None:
            return
        try:
            if self._waiting:
                self.drain()
        except BaseException:
            self.abandon()
            raise
        self._pool.release(self._connection)
        self._connection = None

    def abandon(self) -> None:
        """Back to the pool unread, disconnected (a load that stops: its error is the one to
        see)."""
        connection, self._connection, self._waiting = self._connection, None, []
        if connection is not None:
            connection.disconnect()
            self._pool.release(connection)
