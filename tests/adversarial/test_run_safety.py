"""A run never touches its inputs, stops cleanly on Ctrl-C, and keeps untrusted text inert in outputs."""

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from cli_run import DATA, run_tqa as tqa

READERS_DATA = Path(__file__).parent.parent / "readers" / "data"
FORMATS = ["terminal", "json", "sarif", "junit", "github", "gitlab", "html"]


def fingerprint(folder: Path) -> dict[str, tuple[str, int, int]]:
    """Every file's content hash, modification time and mode."""
    return {p.relative_to(folder).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns,
                                                p.stat().st_mode)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_no_input_file_is_ever_written(tmp_path):
    inputs = tmp_path / "in"
    shutil.copytree(READERS_DATA, inputs / "readers")
    shutil.copytree(DATA / "encodings", inputs / "encodings")
    shutil.copytree(DATA / "malformed", inputs / "malformed")
    before = fingerprint(inputs)
    outputs = [arg for fmt in FORMATS for arg in ("-f", f"{fmt}:{tmp_path / ('out.' + fmt)}")]
    for extra in (outputs, ["-f", "json"], ["--write-baseline", str(tmp_path / "baseline.json")]):
        result = tqa("check", "in", *extra, cwd=tmp_path, timeout=300)
        assert result.returncode == 2  # the malformed files
    assert fingerprint(inputs) == before


def test_ctrl_c_exits_130_and_leaves_no_report_behind(tmp_path):
    text = ("The talks went on late into the night.  Delegates met again on Monday. " * 700 + "\n\n") * 4
    for i in range(300):
        (tmp_path / f"doc{i:03}.txt").write_text(text, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "tqa", "check", ".", "-f", "json:report.json"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)  # well into the run: a start-up takes about a second
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stderr.splitlines()[-1] == "tqa: interrupted" and "Traceback" not in stderr
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("doc")) == []


ESC = "\x1b"
PAYLOAD = f"Bonjour {ESC}[2J{ESC}]0;pwned\x07 %0A ::error::fake\r\n::warning file=x::y, a: b"


def test_control_characters_and_workflow_commands_in_text_stay_inert(tmp_path):
    # A PO target with ANSI escapes (clear screen, set title), CR/LF and a workflow command, in a
    # file whose own name holds an escape: a French target left untranslated, so LANG01 reports it.
    name = f"evil{ESC}[31m.po"
    body = PAYLOAD.replace("\\", "\\\\").replace('"', '\\"').replace("\r", "\\r").replace("\n", "\\n")
    po = f'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgid "Hello"\nmsgstr "{body}  {body}"\n'
    (tmp_path / name).write_text(po, encoding="utf-8")
    terminal = tqa("check", name, cwd=tmp_path)
    assert terminal.returncode == 1
    assert ESC not in terminal.stdout + terminal.stderr and "\x07" not in terminal.stdout
    assert "\\x1b[2J" in terminal.stdout and "evil\\x1b[31m.po" in terminal.stdout
    github = tqa("check", name, "-f", "github", cwd=tmp_path)
    lines = github.stdout.split("\n")[:-1]
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert all(line.count("::") == 2 for line in lines)  # the payload's "::error::" was escaped
    assert ESC not in github.stdout


SEED = Path(__file__).parent.parent.parent / "seeds" / "morocco-israel-security-agreement.en.txt"
GLOSSARY = Path(__file__).parent.parent.parent / "glossaries" / "news.fr-en.csv"


def test_a_fix_killed_mid_run_leaves_every_file_whole(tmp_path):
    """SIGKILL while ``tqa fix --write`` edits 200 files: each is the original or fully fixed."""
    original = SEED.read_bytes()
    fixed_folder = tmp_path / "expected"
    fixed_folder.mkdir()
    (fixed_folder / "one.en.txt").write_bytes(original)
    assert tqa("fix", "one.en.txt", "-g", str(GLOSSARY), "--write", cwd=fixed_folder).returncode in (0, 1)
    fixed = (fixed_folder / "one.en.txt").read_bytes()
    assert fixed != original
    work = tmp_path / "work"
    work.mkdir()
    for i in range(200):
        (work / f"doc{i:03}.en.txt").write_bytes(original)
    process = subprocess.Popen([sys.executable, "-m", "tqa", "fix", ".", "-g", str(GLOSSARY), "--write"], cwd=work,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    paths = sorted(work.glob("doc*.en.txt"))
    while process.poll() is None and all(p.stat().st_size == len(original) for p in paths):
        time.sleep(0.01)  # kill as soon as the first file is rewritten: in the middle of the writes
    process.kill()
    process.wait(timeout=30)
    contents = [p.read_bytes() for p in sorted(work.glob("doc*.en.txt"))]
    assert len(contents) == 200 and all(c in (original, fixed) for c in contents)
    assert fixed in contents
