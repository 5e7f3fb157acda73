"""A web site on 127.0.0.1, started in the test: pages, PDFs and feeds the team wrote, and every
way a server misbehaves (404, 500, a stall, a redirect loop, 50 MB, a picture). Never the internet."""

from __future__ import annotations

import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Iterator

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
Body = bytes | Callable[[], Iterator[bytes]]


@dataclass
class Route:
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    body: Body = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        self.busy, self.most_busy = 0, 0  # requests being answered now, and the most at once
        lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.hits[self.path] += 1
                site.agents.append(self.headers.get("User-Agent", ""))
                route = site.routes.get(self.path, Route(404, "text/plain", b"not here"))
                # busy while the request is worked on, until its answer starts: a client that has
                # the whole answer may ask again before this thread runs once more
                with lock:
                    site.busy += 1
                    site.most_busy = max(site.most_busy, site.busy)
                try:
                    if route.delay:
                        time.sleep(route.delay)
                finally:
                    with lock:
                        site.busy -= 1
                self._answer(route)

            def _answer(self, route: Route) -> None:
                try:
                    self.send_response(route.status)
                    self.send_header("Content-Type", route.content_type)
                    for name, value in route.headers.items():
                        self.send_header(name, value.replace("{base}", site.base))
                    if isinstance(route.body, bytes):
                        self.send_header("Content-Length", str(len(route.body)))
                        self.end_headers()
                        self.wfile.write(route.body)
                    else:  # streamed without a length: only the bytes read tell the size
                        self.end_headers()
                        for chunk in route.body():
                            self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading (a size cap, a timeout): as it should

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, **route: object) -> str:
        body = route.get("body")
        if isinstance(body, str):
            route["body"] = body.replace("{base}", self.base).encode()
        self.routes[path] = Route(**route)  # type: ignore[arg-type]
        return self.url(path)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[LocalSite]:
    served = LocalSite()
    served.thread.start()
    try:
        yield served
    finally:
        served.stop()


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
