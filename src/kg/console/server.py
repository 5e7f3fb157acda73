"""Run the console: hold the store for the server's lifetime, listen on 127.0.0.1 only, print the
URL with its token (and leave it, for `kg query` and `kg cypher`, in the data dir:
kg.console.client), stop cleanly on Ctrl-C (the store is released as after any command)."""

from __future__ import annotations

import secrets
import socket
from collections.abc import Callable

from kg.config import Settings
from kg.console import client
from kg.console.session import Console, Limits
from kg.errors import UsageError
from kg.store import QueryLimits, open_store

HOST = "127.0.0.1"
MEMORY_PER_QUERY = (
    1 << 30
)  # 1 GiB: a query past it fails instead of taking the embedded server down


def listening_socket(port: int | None) -> socket.socket:
    """Bound here, then handed to uvicorn: a port in use is one clear line, and the URL printed is
    the one that answers (port 0: a free one)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((HOST, port or 0))
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on {HOST}:{port}: {exc.strerror}", hint="give another --port, or none"
        ) from exc
    sock.setsockopt(
        socket.IPPROTO_TCP, socket.TCP_NODELAY, 1
    )  # accepted sockets inherit it: no 40 ms
    sock.listen(64)  # Nagle/delayed-ACK stall per answer
    return sock


def serve(
    settings: Settings, port: int | None, limits: Limits, announce: Callable[[str], None]
) -> None:
    import uvicorn

    from kg.console.app import create_app

    sock = listening_socket(port)
    chosen = int(sock.getsockname()[1])
    token = secrets.token_urlsafe(24)
    try:
        with open_store(
            settings, schema=False, limits=QueryLimits(MEMORY_PER_QUERY, limits.rows + 1)
        ) as store:
            console = Console(store, limits)
            config = uvicorn.Config(
                create_app(console, token, chosen),
                log_level="warning",
                access_log=False,
                server_header=False,
                lifespan="off",
            )
            address = client.announce(settings, f"http://{HOST}:{chosen}", token)
            announce(
                f"kg console for {store.describe().get('location', settings.store)}: "
                f"http://{HOST}:{chosen}/?token={token}"
            )
            announce(
                f"read-only; {limits.seconds:g} s and {limits.rows} rows per query; Ctrl-C stops it"
            )
            try:
                uvicorn.Server(config).run(sockets=[sock])
            except KeyboardInterrupt:  # uvicorn hands Ctrl-C back once it has shut down
                pass
            finally:
                console.close()
                if address is not None:
                    address.unlink(missing_ok=True)
    finally:
        sock.close()
    announce("stopped; the store is released")
