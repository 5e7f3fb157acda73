"""One kg process at a time per data dir: an exclusive flock, waited for a bounded time."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

from kg.config import env_number
from kg.errors import StoreBusyError, StoreError

DEFAULT_WAIT_SECONDS = 30.0  # KG_LOCK_TIMEOUT changes it


class DataDirLock:
    def __init__(self, data_dir: Path, wait_seconds: float | None = None) -> None:
        self.path = data_dir / "kg.lock"
        self.wait_seconds = wait_seconds
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreError(
                f"cannot use the data directory {self.path.parent}: {exc.strerror}"
            ) from None
        wait = self.wait_seconds
        if wait is None:
            wait = env_number("KG_LOCK_TIMEOUT", DEFAULT_WAIT_SECONDS)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise StoreBusyError(
                        f"store busy: another kg process{holder} is using {self.path.parent}",
                        hint="wait for it to finish, or raise KG_LOCK_TIMEOUT",
                    ) from None
                time.sleep(0.1)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> DataDirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _read_holder(fd: int) -> str:
    try:
        text = os.pread(fd, 32, 0).decode().strip()
        return f" (pid {int(text)})" if text else ""
    except (OSError, ValueError):
        return ""
