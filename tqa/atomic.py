"""Editing a user's file in place, all or nothing: the one way ``tqa fix --write`` touches files.

    replace_file(path, expected=bytes read earlier, new=bytes to write)

A temporary file in the same folder (so the rename stays on one file system) gets the new bytes
and the original's permission bits, is flushed and fsynced, then ``os.replace``-d over the
original; the folder is fsynced so the rename survives a crash. If the file no longer holds the
bytes tqa read (an editor saved it meanwhile), nothing is written: a fix computed on old text
must never land on new text.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import TqaError


def replace_file(path: Path, expected: bytes, new: bytes) -> None:
    """Write ``new`` over ``path`` atomically, provided it still holds ``expected``."""
    shown = str(path)
    try:
        current = path.read_bytes()
        mode = os.stat(path).st_mode & 0o7777
    except OSError as exc:
        raise TqaError(f"cannot read: {exc.strerror}", path=shown) from None
    if current != expected:
        raise TqaError("file changed since it was read; not written (run tqa fix again)", path=shown)
    write_atomic(path, new, mode)


def write_atomic(path: Path, data: bytes, mode: int) -> None:
    """Write ``data`` to ``path`` through a fsynced temporary file in the same folder and a rename.

    Reports and baselines are written this way too, so an interrupted run never leaves a
    half-written file that looks complete.
    """
    shown = str(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tqa-tmp", dir=folder)
    except OSError as exc:
        raise TqaError(f"cannot write: {exc.strerror}", path=shown) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:  # KeyboardInterrupt too: never leave the temporary file behind
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise TqaError(f"cannot write: {exc.strerror}", path=shown) from None
        raise
    _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable; some file systems cannot open a folder, which is harmless."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
