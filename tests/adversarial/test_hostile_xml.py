"""Hostile XML (the attack files in tests/readers/data/hostile): refused with a line naming the
file, nothing ever fetched — a live listener proves it — and memory bounded."""

import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cli_run import run_tqa as tqa

HOSTILE = Path(__file__).parent.parent / "readers" / "data" / "hostile"

REFUSED = {  # file: (line, what is wrong); columns move when the URLs are re-aimed
    "billion-laughs.xlf": (3, "entity declarations are not allowed ('lol')"),
    "billion-laughs-utf16.xlf": (3, "entity declarations are not allowed ('lol')"),
    "quadratic-blowup.xlf": (2, "entity declarations are not allowed ('a')"),
    "xxe-file.xlf": (2, "entity declarations are not allowed ('xxe')"),
    "xxe-network.xlf": (2, "entity declarations are not allowed ('leak')"),
    "parameter-entity.tmx": (3, "parameter entity declarations are not allowed ('remote')"),
    "dtd-parameter-fetch.tmx": (2, "parameter entity declarations are not allowed ('dtd')"),
    "external-dtd-entity.tmx": (4, "undefined entity &secret;"),
}


@pytest.fixture
def listener():
    """A TCP port that records whether anyone connected: the attack files are pointed at it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.setblocking(False)
    yield server
    server.close()


def _aimed_at(port: int, folder: Path) -> list[str]:
    """Copies of every attack file, their URLs rewritten to the live port."""
    names = sorted(p.name for p in HOSTILE.iterdir())
    for name in names:
        raw = (HOSTILE / name).read_bytes()
        aimed = raw.replace(b"127.0.0.1:9/", f"127.0.0.1:{port}/".encode())
        aimed = aimed.replace("127.0.0.1:9/".encode("utf-16-le"), f"127.0.0.1:{port}/".encode("utf-16-le"))
        (folder / name).write_bytes(aimed)
    return names


def test_every_attack_is_refused_and_nothing_is_fetched(listener, tmp_path):
    names = _aimed_at(listener.getsockname()[1], tmp_path)
    result = tqa("check", *names, "-s", "en", "-t", "fr", "-f", "json", cwd=tmp_path)
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    for name, (line_number, message) in REFUSED.items():
        assert any(line.startswith(f"tqa: error: {name}:{line_number}:") and message in line for line in errors), name
    assert len(errors) == len(REFUSED)  # the plain DOCTYPE … SYSTEM and XInclude files are read
    with pytest.raises(BlockingIOError):
        listener.accept()  # no DTD, entity or XInclude fetch ever connected


def test_a_plain_external_dtd_reads_fine_and_fetches_nothing(listener, tmp_path):
    _aimed_at(listener.getsockname()[1], tmp_path)
    result = tqa("check", "external-dtd.tmx", "-s", "en", "-t", "fr", cwd=tmp_path)
    assert result.returncode in (0, 1) and result.stderr == ""
    with pytest.raises(BlockingIOError):
        listener.accept()


MEASURE = textwrap.dedent("""
    import resource, sys
    from pathlib import Path
    from tqa.errors import TqaError
    from tqa.readers import read_document
    from tqa.segment import segment_document
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for path in sorted(Path(sys.argv[1]).iterdir()):
        try:
            segment_document(read_document(path, path.name))
        except TqaError:
            pass
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
""")


def test_memory_stays_bounded_on_every_attack(tmp_path):
    """Max RSS growth (KiB on Linux) while reading every attack, plus generated big ones."""
    _aimed_at(9, tmp_path)
    entity = "A" * 100_000  # quadratic blow-up at full size: 100 KB entity, 20,000 references
    (tmp_path / "quadratic-full.xlf").write_text(
        f'<!DOCTYPE x [<!ENTITY a "{entity}">]><xliff>{"&a;" * 20_000}</xliff>', encoding="utf-8")
    (tmp_path / "deep.xlf").write_text("<a>" * 300_000 + "</a>" * 300_000, encoding="utf-8")
    (tmp_path / "wide.tmx").write_text("<tmx " + " ".join(f"a{i}='x'" for i in range(200_000)) + "/>",
                                       encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", MEASURE, str(tmp_path)], capture_output=True, text=True,
                         timeout=120, check=True)
    assert int(out.stdout) < 64 * 1024, f"max RSS grew by {int(out.stdout) // 1024} MiB"
