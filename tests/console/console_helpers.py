"""Start and stop a real `kg serve`, and run `kg`, for the console tests."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
EVIL_NAME = "<img src=x onerror=alert(1)>"
EVIL_TEXT = ('<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'">'
             '<b id="injected">x</b>')
EVIL_URL = "javascript:document.title='pwned'"
SERVE_TIMEOUT = 2.0  # seconds a query may run in the test console
SERVE_ROWS = 1000


@dataclass
class Console:
    url: str
    base: str
    token: str
    process: subprocess.Popen
    data_dir: Path

    def client(self, **headers: str) -> httpx.Client:
        return httpx.Client(base_url=self.base, headers={"X-KG-Token": self.token, **headers}, timeout=60)


def kg(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "--data-dir", str(data_dir), *args], capture_output=True,
                          text=True, timeout=180, cwd=ROOT, env={**os.environ, **env})


def start_console(data_dir: Path, *args: str) -> Console:
    process = subprocess.Popen([sys.executable, "-m", "kg", "--data-dir", str(data_dir), "serve", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout is not None
    line = process.stdout.readline()  # the first line names the URL (or the process failed)
    found = re.search(r"(http://127\.0\.0\.1:\d+)/\?token=(\S+)", line)
    if not found:
        process.kill()
        raise AssertionError(f"kg serve printed no URL: {line!r} {process.stderr.read() if process.stderr else ''}")
    return Console(found.group(0), found.group(1), found.group(2), process, data_dir)


def stop_console(console: Console) -> int:
    console.process.send_signal(signal.SIGINT)  # Ctrl-C
    try:
        return console.process.wait(timeout=30)
    finally:
        if console.process.poll() is None:
            console.process.kill()



def wait_for(predicate, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
