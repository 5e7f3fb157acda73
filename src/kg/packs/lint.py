"""Run Neo4j's own Cypher linter (tools/cypher-lint, node) over Cypher texts."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from typing import Any

from kg import paths
from kg.errors import KgError
from kg.ontology import Ontology

LINTER = paths.checkout_root() / "tools" / "cypher-lint"


@dataclass(frozen=True)
class Finding:
    name: str
    errors: list[str]
    warnings: list[str]


def lint(queries: list[tuple[str, str, dict[str, Any]]], ontology: Ontology) -> list[Finding]:
    """Each (name, cypher, parameters) checked against a schema made from the ontology."""
    node = shutil.which("node")
    if node is None or not (LINTER / "node_modules" / "@neo4j-cypher").is_dir():
        raise KgError(
            "the Cypher linter is not installed", hint="run `make test-deps` (needs node and npm)"
        )
    schema = {
        "labels": sorted(ontology.labels),
        "relationshipTypes": sorted(ontology.relationships),
        "propertyKeys": sorted(ontology.properties),
    }
    payload = {
        "schema": schema,
        "queries": [{"name": n, "query": q, "parameters": p} for n, q, p in queries],
    }
    done = subprocess.run(
        [node, str(LINTER / "lint.mjs")],
        input=json.dumps(payload, default=str),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise KgError(f"the Cypher linter failed: {done.stderr.strip()[:300]}")
    return [Finding(r["name"], r["errors"], r["warnings"]) for r in json.loads(done.stdout)]
