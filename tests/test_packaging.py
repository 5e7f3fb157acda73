"""kg as a user installs it: a wheel built from the sdist, in a fresh venv outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "src", "ontology", "loaders", "queries")
DATA = {"kg/data/ontology": "ontology", "kg/data/loaders/patterns": "loaders/patterns",
        "kg/data/loaders/reference": "loaders/reference", "kg/data/queries": "queries"}


def test_the_package_list_names_every_code_folder_under_src() -> None:
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    code = {".".join(p.relative_to(ROOT / "src").parts) for p in (ROOT / "src").rglob("*")
            if p.is_dir() and p.name != "__pycache__" and not p.name.endswith(".egg-info")}
    assert code == {p for p in listed if not p.startswith("kg.data.")}


def _clean_env(**extra: str) -> dict[str, str]:
    drop = {"PYTHONPATH", "KG_DATA_ROOT", "KG_HOME", "KG_REFERENCE_DIR", "VIRTUAL_ENV"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **extra}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`python -m build` on a copy of the checkout: an sdist, then the wheel built from that sdist
    (so the sdist must carry the data too)."""
    pytest.importorskip("build", reason="the `build` package is in the test extras")
    tree = tmp_path_factory.mktemp("tree")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, tree / name)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(tree)],
                          capture_output=True, text=True, env=_clean_env(), timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return next(dist.glob("kg-*.whl"))


def test_the_wheel_carries_every_data_file_of_the_checkout(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for inside, folder in DATA.items():
        files = [p for p in (ROOT / folder).iterdir() if p.is_file()]
        assert files
        for path in files:
            assert f"{inside}/{path.name}" in names
    for path in (ROOT / "src" / "kg" / "console" / "static").iterdir():  # the console's bundle and page
        assert f"kg/console/static/{path.name}" in names
    assert "kg/views/vis-options.json" in names and "kg/views/templates/conflicts.html.j2" in names


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed. Its dependencies come from this interpreter's
    site-packages through a .pth file, so the test needs no network; a .pth line adds a folder
    without running that folder's own .pth files, so this checkout's editable kg stays out."""
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=_clean_env())
    python = venv / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "kg_test_dependencies.pth").write_text("\n".join(sorted(deps)) + "\n")
    done = subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                          capture_output=True, text=True, env=_clean_env())
    assert done.returncode == 0, done.stderr
    return venv


def _kg(venv: Path, cwd: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(venv / "bin" / "kg"), "--data-dir", str(cwd / "store"), *args],
                          capture_output=True, text=True, cwd=cwd, timeout=300, env=_clean_env(**env))


@pytest.mark.slow
def test_the_installed_wheel_loads_the_seeds_and_runs_every_pack_outside_the_checkout(
        installed: Path, tmp_path: Path) -> None:
    where = subprocess.run([installed / "bin" / "python", "-c", "import kg; print(kg.__file__)"],
                           capture_output=True, text=True, cwd=tmp_path, env=_clean_env()).stdout
    assert Path(where).is_relative_to(installed), where
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    loaded = _kg(installed, tmp_path, "load", "seeds")
    assert loaded.returncode == 0, loaded.stderr
    counted = _kg(installed, tmp_path, "cypher", "MATCH (d:Document) RETURN count(d) AS n", "-f", "json")
    assert json.loads(counted.stdout) == [{"n": 2}], counted.stderr
    packs = sorted(p.stem for p in (ROOT / "queries").glob("*.cypher"))
    listed = _kg(installed, tmp_path, "query", "--list", "--format", "json")
    assert sorted(row["pack"] for row in json.loads(listed.stdout)) == packs, listed.stderr
    for pack in packs:
        ran = _kg(installed, tmp_path, "query", pack, "--format", "json")
        assert ran.returncode == 0 and isinstance(json.loads(ran.stdout), list), (pack, ran.stderr)
    rows = json.loads(_kg(installed, tmp_path, "query", "firm-holdings", "-f", "json").stdout)
    assert any(row.get("firm") == "deepseek" for row in rows), rows


@pytest.mark.slow
def test_a_data_root_adds_packs_to_the_installed_ones(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "mine" / "queries").mkdir(parents=True)
    (tmp_path / "mine" / "queries" / "my-count.cypher").write_text(
        "// name: my-count\n// title: How many chips?\n// params: label = 'Chip'\n"
        "MATCH (n) WHERE $label IN labels(n) RETURN count(n) AS n\n", encoding="utf-8")
    by_flag = _kg(installed, tmp_path, "--data-root", "mine", "query", "--list", "-f", "json")
    by_env = _kg(installed, tmp_path, "query", "--list", "-f", "json",
                 KG_DATA_ROOT=str(tmp_path / "mine"))
    for listed in (by_flag, by_env):
        names = [row["pack"] for row in json.loads(listed.stdout)]
        assert "my-count" in names and "firm-holdings" in names, listed.stderr


@pytest.mark.slow
def test_the_installed_wheel_serves_the_console_from_its_package_data(installed: Path, tmp_path: Path) -> None:
    import re
    import signal
    import urllib.request

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    assert _kg(installed, tmp_path, "load", "seeds").returncode == 0
    serve = subprocess.Popen([str(installed / "bin" / "kg"), "--data-dir", str(tmp_path / "store"), "serve"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                             env=_clean_env())
    try:
        found = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", serve.stdout.readline())  # type: ignore[union-attr]
        assert found, serve.stderr.read() if serve.stderr else ""
        base, token = found.groups()
        for path in ("console.js", "console.css", "licences.txt"):
            with urllib.request.urlopen(f"{base}/static/{path}?token={token}", timeout=30) as answer:
                assert answer.read() == (ROOT / "src" / "kg" / "console" / "static" / path).read_bytes()
        ask = urllib.request.Request(f"{base}/api/pack", method="POST", headers={
            "X-KG-Token": token, "Content-Type": "application/json"},
            data=json.dumps({"name": "firm-holdings", "params": {"id": "deepseek"}}).encode())
        with urllib.request.urlopen(ask, timeout=60) as answer:
            assert any(row.get("firm") == "deepseek" for row in json.loads(answer.read())["rows"])
    finally:
        serve.send_signal(signal.SIGINT)
        assert serve.wait(timeout=30) == 0
