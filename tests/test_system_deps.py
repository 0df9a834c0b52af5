"""The set-up script as a normal user: it names what is missing and how to install it."""

from __future__ import annotations

import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "system-deps.sh"


def fake_bin(tmp_path: Path, *, uid: int, installed: set[str]) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    listed = " ".join(sorted(installed))
    (bin_dir / "dpkg-query").write_text(
        "#!/bin/sh\n"
        "for pkg; do :; done\n"
        f"for p in {listed}; do\n"
        '  [ "$p" = "$pkg" ] && { printf "install ok installed"; exit 0; }\n'
        "done\n"
        "exit 1\n"
    )
    (bin_dir / "apt-get").write_text('#!/bin/sh\necho "apt-get $*" >> "$APT_LOG"\n')
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    return bin_dir


def run(bin_dir: Path, tmp_path: Path, mode: str = "run") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/bin/bash", str(SCRIPT), mode],
        env={"PATH": str(bin_dir), "APT_LOG": str(tmp_path / "apt.log")},
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_normal_user_is_told_the_install_command(tmp_path: Path) -> None:
    result = run(fake_bin(tmp_path, uid=1000, installed={"python3"}), tmp_path)
    assert result.returncode == 1
    assert "libzbar0" in result.stderr and "fonts-noto-cjk" in result.stderr
    assert "sudo apt-get install -y --no-install-recommends" in result.stderr
    assert not (tmp_path / "apt.log").exists()


def test_root_installs_only_what_is_missing(tmp_path: Path) -> None:
    result = run(fake_bin(tmp_path, uid=0, installed={"python3", "libzbar0"}), tmp_path, "test")
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "apt.log").read_text()
    assert "apt-get update" in log
    install = next(line for line in log.splitlines() if " install " in line)
    assert "fonts-noto-cjk" in install and "xvfb" in install
    assert "libzbar0" not in install and " python3 " not in install


def test_nothing_happens_when_everything_is_there(tmp_path: Path) -> None:
    script = SCRIPT.read_text()
    block = (
        script.split("RUNTIME=(", 1)[1].split(")", 1)[0]
        + script.split("TEST=(", 1)[1].split(")", 1)[0]
    )
    everything = set(block.split())
    result = run(fake_bin(tmp_path, uid=1000, installed=everything), tmp_path, "test")
    assert result.returncode == 0 and result.stderr == ""
