"""Run the console: hold the store for the server's lifetime, listen on 127.0.0.1 only, print the
URL with its token, stop cleanly on Ctrl-C (the store is released as after any command)."""

from __future__ import annotations

import secrets
import socket
from typing import Callable

from kg.config import Settings
from kg.console.session import Console, Limits
from kg.errors import UsageError
from kg.store import open_store

HOST = "127.0.0.1"
MEMORY_PER_QUERY = 1 << 30  # 1 GiB: a query past it fails instead of taking the embedded server down


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def serve(settings: Settings, port: int | None, limits: Limits, announce: Callable[[str], None]) -> None:
    import uvicorn

    from kg.console.app import create_app

    chosen = port or free_port()
    token = secrets.token_urlsafe(24)
    with open_store(settings, schema=False) as store:
        if settings.store == "embedded":
            store.limit_queries(MEMORY_PER_QUERY, limits.rows + 1)  # type: ignore[attr-defined]
        console = Console(store, limits)
        config = uvicorn.Config(create_app(console, token, chosen), host=HOST, port=chosen, log_level="warning",
                                access_log=False, server_header=False, lifespan="off")
        server = uvicorn.Server(config)
        announce(f"kg console for {store.describe().get('location', settings.store)}: "
                 f"http://{HOST}:{chosen}/?token={token}")
        announce(f"read-only; {limits.seconds:g} s and {limits.rows} rows per query; Ctrl-C stops it")
        try:
            server.run()
        finally:
            console.close()
        if not server.started:
            raise UsageError(f"cannot listen on {HOST}:{chosen} (in use?)", hint="give another --port, or none")
