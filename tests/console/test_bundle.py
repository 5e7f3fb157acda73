"""The console's bundle: rebuilt from web/ it is byte for byte the one committed in the package,
every npm package inside it has a permissive licence (MIT, BSD, ISC, Apache-2.0), and the page
loads nothing but it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
STATIC = ROOT / "src" / "kg" / "console" / "static"


def _node() -> str:
    node = shutil.which("node")
    if node is None or not (WEB / "node_modules" / "esbuild").is_dir():
        pytest.fail("node and the console's npm packages are needed: run `make test-deps`")
    return node


def test_the_committed_bundle_is_a_build_of_web_and_every_bundled_licence_is_permissive() -> None:
    done = subprocess.run([_node(), "build.mjs", "--check"], cwd=WEB, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    listed = re.findall(r"^(ok |BAD) (\S+)@(\S+)\s+(.+)$", done.stdout, re.M)
    names = {name for _, name, _, _ in listed}
    assert {"@neo4j-cypher/codemirror", "vis-network", "@codemirror/view"} <= names
    assert all(flag == "ok " for flag, *_ in listed)
    notices = (STATIC / "licences.txt").read_text(encoding="utf-8")
    assert all(f"== {name} " in notices for name in names)


def test_the_licence_check_refuses_a_licence_that_is_not_permissive(tmp_path: Path) -> None:
    """The check itself can fail: its SPDX reading, run on expressions."""
    script = (WEB / "build.mjs").read_text(encoding="utf-8")
    body = re.search(r"(const PERMISSIVE = .*?;\n).*?(function permissive\(expression\) \{.*?\n\})", script, re.S)
    assert body, "build.mjs names its permissive licences and its permissive() reading"
    probe = tmp_path / "probe.mjs"
    probe.write_text(body.group(1) + body.group(2) + "\nconsole.log(JSON.stringify(process.argv.slice(2)"
                     ".map(permissive)));\n", encoding="utf-8")
    cases = ["MIT", "(Apache-2.0 OR MIT)", "BSD-3-Clause", "ISC", "GPL-3.0", "MIT AND GPL-2.0",
             "(GPL-2.0 OR MIT)", "UNLICENSED", "SEE LICENSE IN LICENSE.txt", "AGPL-3.0-only", ""]
    done = subprocess.run([_node(), str(probe), *cases], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[true,true,true,true,false,false,true,false,false,false,false]"


def test_the_page_loads_only_its_own_script_and_style() -> None:
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    loaded = re.findall(r'<(?:script|link|img|iframe)[^>]*(?:src|href)="([^"]+)"', page)
    assert loaded == ["/static/console.css", "/static/console.js"]
    assert re.findall(r'<a [^>]*href="([^"]+)"', page) == ["/static/licences.txt"]
    assert "<script>" not in page and "<style" not in page and " style=" not in page
    bundle = (STATIC / "console.js").read_text(encoding="utf-8")
    for source in (WEB / "src").glob("*.js"):  # graph text only ever goes in as text
        text = source.read_text()
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(", text), source
    assert not re.search(r"https?://(?!www\.w3\.org)[a-z0-9.-]+\.(?:com|net|io|org)/[^\"' ]*\.(?:js|css)\b", bundle)
