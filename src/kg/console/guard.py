"""Who may talk to the console, and what the browser may load: an ASGI middleware.

- the Host must be this server (127.0.0.1 or localhost on its port: no DNS rebinding);
- a request that says it comes from another origin (Origin, Sec-Fetch-Site) is refused;
- the page needs the token in its URL (`/?token=…`, as Jupyter prints it), and then carries it in
  a cookie for its own scripts and styles; the API wants it in the X-KG-Token header, which no
  other site's page can set (no CORS here), so a cookie alone never runs a query;
- every answer carries a strict Content-Security-Policy (no inline script, nothing off this
  origin), no-referrer (the token never leaks in a Referer), nosniff, no framing.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

TOKEN_HEADER = "x-kg-token"


def content_security_policy(nonce: str) -> str:
    return (
        "default-src 'none'; script-src 'self'; "
        f"style-src 'self' 'nonce-{nonce}'; img-src 'self' data:; font-src 'self'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


class Guard:
    def __init__(self, app: ASGIApp, token: str, port: int) -> None:
        self.app = app
        self.token = token
        self.port = port
        self.cookie = f"kg_token_{port}"
        self.origins = {f"http://127.0.0.1:{port}", f"http://localhost:{port}"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal:
            await _refuse(send, refusal)
            return
        await self.app(scope, receive, _with_headers(send))

    def refusal(self, scope: Scope) -> str | None:
        """Why this request is refused, or None."""
        headers = {
            k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])
        }
        if headers.get("host") not in {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}:
            return "refused: wrong Host (this console answers only at 127.0.0.1)"
        origin = headers.get("origin")
        if (origin is not None and origin not in self.origins) or headers.get(
            "sec-fetch-site"
        ) == "cross-site":
            return "refused: a request from another origin"
        if not self._token_ok(scope, headers):
            return "refused: the token is missing or wrong (open the URL `kg serve` printed)"
        return None

    def _token_ok(self, scope: Scope, headers: dict[str, str]) -> bool:
        path: str = scope.get("path", "")
        if path.startswith("/api/"):
            return self._same(headers.get(TOKEN_HEADER))
        given = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [None])[0]
        if path == "/":
            return self._same(given)
        return self._same(given) or self._same(_cookie(headers.get("cookie", ""), self.cookie))

    def _same(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.token.encode())


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value
    return None


async def _refuse(send: Send, reason: str) -> None:
    body = (reason + "\n").encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(body)).encode()),
                *_SECURITY_HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


_SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


def _with_headers(send: Send) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            names = {k.lower() for k, _ in headers}
            if b"content-security-policy" not in names:  # the page sets its own, with its nonce
                headers.append(
                    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")
                )
            message = {**message, "headers": headers + _SECURITY_HEADERS}
        await send(message)

    return sending
