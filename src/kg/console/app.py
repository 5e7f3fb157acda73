"""The console's web app (Starlette): the page, its bundled script and style, and a small JSON
API over kg.console.session. Every error is one line of JSON (`{"error": …, "hint": …}`), never a
traceback, and never takes the server down."""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from kg.console.guard import Guard, content_security_policy
from kg.console.session import Console
from kg.errors import KgError, QueryTimeoutError, StoreError, one_line
from kg.views.grass import node_style, styled_labels

MAX_BODY_BYTES = 1_000_000
STATIC_TYPES = {
    "console.js": "text/javascript; charset=utf-8",
    "console.css": "text/css; charset=utf-8",
    "licences.txt": "text/plain; charset=utf-8",
}


def static_file(name: str) -> bytes:
    return (resources.files("kg.console.static") / name).read_bytes()


def create_app(console: Console, token: str, port: int) -> Guard:
    async def page(request: Request) -> Response:
        return await _page(request, port, token)

    routes = [
        Route("/", page),
        Route("/static/{name}", _static),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Route("/api/schema", _api(lambda _: {**console.schema(), "styles": _styles()})),
        Route("/api/packs", _api(lambda _: {"packs": console.packs()})),
        Route(
            "/api/query",
            _api(lambda body: console.query(str(body.get("cypher") or ""), body.get("params", {}))),
            methods=["POST"],
        ),
        Route(
            "/api/pack",
            _api(lambda body: console.pack(str(body.get("name") or ""), body.get("params", {}))),
            methods=["POST"],
        ),
        Route(
            "/api/claim",
            _api(lambda body: console.claim(str(body.get("id") or ""))),
            methods=["POST"],
        ),
    ]
    return Guard(Starlette(routes=routes), token, port)


async def _page(request: Request, port: int, token: str) -> Response:
    nonce = secrets.token_urlsafe(16)
    html = static_file("index.html").decode("utf-8").replace("{{nonce}}", nonce)
    response = HTMLResponse(
        html,
        headers={
            "content-security-policy": content_security_policy(nonce),
            "cache-control": "no-store",
        },
    )
    response.set_cookie(f"kg_token_{port}", token, httponly=True, samesite="strict", path="/")
    return response


async def _static(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in STATIC_TYPES:
        return Response("not found\n", status_code=404, media_type="text/plain")
    return Response(static_file(name), media_type=STATIC_TYPES[name])


def _api(
    work: Callable[[dict[str, Any]], dict[str, Any]],
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            body = await _body(request)
            result = await run_in_threadpool(work, body)
            answer = json.dumps(finite(result), default=str, allow_nan=False, ensure_ascii=False)
        except _BadRequest as exc:
            return _error(str(exc), None, 400)
        except QueryTimeoutError as exc:
            return _error(str(exc), exc.hint, 408)
        except StoreError as exc:
            return _error(str(exc), exc.hint, 503)
        except KgError as exc:
            return _error(str(exc), exc.hint, 400)
        except Exception as exc:  # anything unforeseen: one line, the server goes on
            return _error(f"{type(exc).__name__}: {one_line(exc)}", None, 500)
        return Response(
            answer, media_type="application/json", headers={"cache-control": "no-store"}
        )

    return endpoint


class _BadRequest(Exception):
    pass


async def _body(request: Request) -> dict[str, Any]:
    if request.method != "POST":
        return {}
    if "application/json" not in request.headers.get("content-type", ""):
        raise _BadRequest("send JSON (content-type: application/json)")
    if int(request.headers.get("content-length") or 0) > MAX_BODY_BYTES:
        raise _BadRequest(f"request body over {MAX_BODY_BYTES} bytes")
    raw = await request.body()
    if len(raw) > MAX_BODY_BYTES:
        raise _BadRequest(f"request body over {MAX_BODY_BYTES} bytes")
    try:
        body = json.loads(raw or b"{}")
    except ValueError as exc:
        raise _BadRequest(f"the request is not JSON: {exc}") from None
    if not isinstance(body, dict):
        raise _BadRequest("the request must be a JSON object")
    return body


def finite(value: Any) -> Any:
    """NaN and infinities (`RETURN 0.0 / 0.0`) as text: JSON has no word for them."""
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value


def _error(message: str, hint: str | None, status: int) -> Response:
    return JSONResponse(
        {"error": message, "hint": hint}, status_code=status, headers={"cache-control": "no-store"}
    )


def _styles() -> dict[str, dict[str, str]]:
    return {label: {"colour": node_style(label).colour} for label in styled_labels()}
