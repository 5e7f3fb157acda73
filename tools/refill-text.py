"""Re-fill one article text of the real-text set from its recipe and a pasted excerpt.

    python3 tools/refill-text.py RECIPE.yaml EXCERPT.txt [--out tests/gold/real/texts]

EXCERPT.txt holds the search answer's excerpt, verbatim. The script writes
`texts/<id>.md` (front matter from the recipe, then the excerpt) only when the excerpt is the
recipe's seen span: it starts and ends with the recorded words and has the recorded length
(within 2%, for whitespace a copy may have changed). Anything else is one error line and exit 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml


def front_matter(recipe: dict[str, object]) -> str:
    lines = ["---"]
    for key in ("title", "url", "published", "lang"):
        value = recipe.get(key)
        if value is None:
            continue
        lines.append(
            f"{key}: {json.dumps(str(value), ensure_ascii=False)}"
            if key != "lang"
            else f"lang: {value}"
        )
    lines.append("---")
    return "\n".join(lines) + "\n"


def check(recipe: dict[str, object], excerpt: str, raw: str = "") -> str | None:
    """Why `excerpt` is not the recipe's seen span, or None (`raw`: the excerpt as pasted,
    trailing blank lines and all)."""
    span = recipe.get("seen_span")
    if not isinstance(span, dict):
        return "recipe has no seen_span"
    squashed = " ".join(excerpt.split())
    starts = " ".join(str(span["starts_with"]).split())
    ends = " ".join(str(span["ends_with"]).split())
    if not squashed.startswith(starts):
        return f"excerpt does not start with {starts!r}"
    if not squashed.endswith(ends):
        return f"excerpt does not end with {ends!r}"
    chars, slack = int(span["chars"]), max(20, int(span["chars"]) // 50)
    if all(abs(n - chars) > slack for n in (len(excerpt), len(raw))):
        return f"excerpt has {len(excerpt)} characters, the recipe says {chars}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("recipe", type=Path)
    parser.add_argument("excerpt", type=Path)
    parser.add_argument("--out", type=Path, default=Path("tests/gold/real/texts"))
    args = parser.parse_args()
    recipe = yaml.safe_load(args.recipe.read_text(encoding="utf-8"))
    raw = args.excerpt.read_text(encoding="utf-8")
    excerpt = raw.strip("\n")
    problem = check(recipe, excerpt, raw)
    if problem:
        print(f"{args.recipe}: {problem}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{recipe['id']}.md"
    target.write_text(front_matter(recipe) + excerpt + "\n", encoding="utf-8")
    print(f"{target}: {len(excerpt)} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
