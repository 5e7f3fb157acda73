"""Does extraction find the same as at a git revision? For speed work: what is found must not change.

    python -m bench.same_extraction REV [PATH ...]

Default paths: the texts of the dev split (tests/gold/real/dev; never the test split's, which the
extractor must not see before it is scored) and the seeds. REV's tree is
exported (`git archive`) to a temporary folder and run from there; the working tree is run as it
is. Per document, every sentence's record as `kg extract --format jsonl --all` prints it and the
graph batch `extract()` makes (nodes and edges with their properties) are compared byte for byte.
Prints the documents that differ; exit 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from itertools import chain
from pathlib import Path

from bench.extraction import dev_texts

ROOT = Path(__file__).resolve().parents[1]

# run inside each tree: one JSON object {path: output} on stdout
_SNAPSHOT = """
import json, sys
from pathlib import Path
from kg import ontology
from kg.cli.extract import sentence_record
from kg.documents.reader import read_document
from kg.extract import analyse, extract
onto = ontology.load()
out = {}
for name in sys.argv[1:]:
    doc = read_document(Path(name))
    lines = [json.dumps(sentence_record(s), ensure_ascii=False, default=str) for s in analyse(doc, onto)]
    batch = extract(doc, onto)
    out[name] = "\\n".join(lines + [repr(n) for n in batch.nodes] + [repr(e) for e in batch.edges])
print(json.dumps(out))
"""


def snapshot(tree: Path, paths: list[Path]) -> dict[str, str]:
    env = {"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", _SNAPSHOT, *map(str, paths)], cwd=tree, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: {done.stderr.strip().splitlines()[-1]}")
    result: dict[str, str] = json.loads(done.stdout)
    return result


def export(revision: str, into: Path) -> None:
    """REV's code and data (src, loaders, ontology, queries) written into `into`."""
    archive = subprocess.run(["git", "archive", revision, "src", "loaders", "ontology", "queries"],
                             cwd=ROOT, capture_output=True)
    if archive.returncode != 0:
        raise SystemExit(f"git archive {revision}: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revision")
    parser.add_argument("paths", nargs="*", type=Path)
    args = parser.parse_args(argv)
    seeds = sorted(p for p in (ROOT / "seeds").iterdir() if p.is_file())
    paths = [p.resolve() for p in args.paths] or [*chain.from_iterable(dev_texts().values()), *seeds]
    with tempfile.TemporaryDirectory() as tmp:
        export(args.revision, Path(tmp))
        before, after = snapshot(Path(tmp), paths), snapshot(ROOT, paths)
    differ = [p for p in map(str, paths) if before.get(p) != after.get(p)]
    for p in differ:
        print(f"differs: {p}")
    print(f"{len(paths) - len(differ)} of {len(paths)} documents: same extraction as {args.revision}")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
