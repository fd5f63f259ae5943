"""Checks of the packaged artefacts in dist/, when packaging/build.sh has made them.

The normal test run (and CI) has no dist/: every test here is then skipped, with the reason,
because building takes minutes (packaging/build.sh, by hand or in a release job). With
artefacts present, these run the frozen binary headless and compare its output with this
source tree's, and read the tar.gz and .deb listings. The full proof, including installing the
.deb into a clean Debian root, is packaging/smoke_test.sh (root, network, ~1.5 min).

A dist/ left over from an older tree fails here on purpose: rebuild, or delete dist/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from importlib.metadata import version
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
APP = DIST / "wsis-viewer"
FROZEN = APP / "wsis-viewer"
VERSION = version("wsis-viewer")
TARBALL = DIST / f"wsis-viewer-{VERSION}-linux-x86_64.tar.gz"
DEB = next(iter(sorted(DIST.glob(f"wsis-viewer_{VERSION}-*_amd64.deb"))),
           DIST / f"wsis-viewer_{VERSION}-1_amd64.deb")
APP_ID = "org.wsis_viewer.WSISViewer"
STALE = "dist/ may be from an older tree: run packaging/build.sh again, or delete dist/"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not FROZEN.is_file(),
                       reason="no frozen build in dist/ (packaging/build.sh makes one; "
                              "it takes minutes, so the normal test run does not)"),
]


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOURCE_DATE_EPOCH="1417392000")
    env.pop("PYTHONPATH", None)  # the frozen app must not see this tree's sources
    return env


def _run(cmd: list[str | Path]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(c) for c in cmd], capture_output=True, env=_env(), timeout=120,
                          check=False)


def _source(*args: str) -> list[str]:
    return [sys.executable, "-m", "wsis_viewer", *args]


def _has_command(name: str) -> bool:
    return _run([*_source(name, "--help")]).returncode == 0


def test_frozen_version_is_the_package_version():
    result = _run([FROZEN, "--version"])
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == f"wsis-viewer {VERSION}", STALE


def test_frozen_export_equals_source_export(tmp_path):
    frozen = _run([FROZEN, "export", "-o", tmp_path / "frozen.json"])
    source = _run(_source("export", "-o", str(tmp_path / "source.json")))
    assert frozen.returncode == 0, frozen.stderr.decode()
    assert source.returncode == 0, source.stderr.decode()
    assert (tmp_path / "frozen.json").read_bytes() == (tmp_path / "source.json").read_bytes(), \
        STALE


def test_frozen_app_reads_its_bundled_resources():
    """paths.py, unchanged, finds _internal/wsis_viewer/_bundled/ in the frozen layout."""
    result = _run([FROZEN, "check"])
    assert result.returncode == 0, result.stderr.decode()
    bundled = APP / "_internal" / "wsis_viewer" / "_bundled"
    assert str(bundled / "resources" / "data") in result.stdout.decode()
    assert (bundled / "db" / "wsis.sqlite").is_file()
    assert sorted(p.name for p in (bundled / "resources" / "fonts").glob("*.otf")) == \
        sorted(p.name for p in (ROOT / "resources" / "fonts").glob("*.otf"))


def test_frozen_screenshot_equals_source_screenshot(tmp_path):
    if not _has_command("screenshot"):
        pytest.skip("this tree has no `wsis-viewer screenshot` command yet")
    for lang in ("en", "zh"):
        frozen = _run([FROZEN, "screenshot", "--lang", lang, tmp_path / f"frozen-{lang}.png"])
        source = _run(_source("screenshot", "--lang", lang, str(tmp_path / f"source-{lang}.png")))
        assert frozen.returncode == 0, frozen.stderr.decode()
        assert source.returncode == 0, source.stderr.decode()
        assert (tmp_path / f"frozen-{lang}.png").read_bytes() == \
            (tmp_path / f"source-{lang}.png").read_bytes(), f"{lang}: {STALE}"


def test_frozen_report_is_written(tmp_path):
    if not _has_command("report"):
        pytest.skip("this tree has no `wsis-viewer report` command yet")
    out = tmp_path / "report.pdf"
    result = _run([FROZEN, "report", "--lang", "zh", out])
    assert result.returncode == 0, result.stderr.decode()
    assert out.read_bytes().startswith(b"%PDF-")


def test_tarball_carries_readme_licences_and_fonts():
    if not TARBALL.is_file():
        pytest.skip(f"no {TARBALL.name} in dist/")
    top = f"wsis-viewer-{VERSION}-linux-x86_64"
    with tarfile.open(TARBALL) as tar:
        names = set(tar.getnames())
    for needed in ("wsis-viewer", "README.txt", "licenses/README.txt",
                   "licenses/wsis-viewer-MIT.txt", "licenses/NotoSansSC-OFL.txt",
                   "licenses/LGPL-3.txt", "install.sh",
                   f"share/applications/{APP_ID}.desktop", "share/man/man1/wsis-viewer.1",
                   f"share/icons/hicolor/256x256/apps/{APP_ID}.png",
                   "_internal/wsis_viewer/_bundled/db/wsis.sqlite",
                   "_internal/wsis_viewer/_bundled/resources/fonts/NotoSansSC-WSIS-subset.otf"):
        assert f"{top}/{needed}" in names, needed


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb not installed")
def test_deb_layout_and_depends():
    if not DEB.is_file():
        pytest.skip(f"no {DEB.name} in dist/")
    listing = subprocess.run(["dpkg-deb", "-c", str(DEB)], capture_output=True, text=True,
                             check=True).stdout
    for path in ("./opt/wsis-viewer/wsis-viewer", "./usr/bin/wsis-viewer -> "
                 "/opt/wsis-viewer/wsis-viewer", f"./usr/share/applications/{APP_ID}.desktop",
                 f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
                 f"./usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
                 "./usr/share/mime/packages/wsis-viewer.xml",
                 "./usr/share/man/man1/wsis-viewer.1.gz",
                 "./usr/share/bash-completion/completions/wsis-viewer",
                 "./usr/share/zsh/vendor-completions/_wsis-viewer",
                 "./usr/share/doc/wsis-viewer/copyright",
                 "./usr/share/doc/wsis-viewer/changelog.Debian.gz"):
        assert path in listing, path
    for size in (16, 32, 48, 64, 128, 256):
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png" in listing
    fields = subprocess.run(["dpkg-deb", "-f", str(DEB), "Version", "Depends", "Homepage"],
                            capture_output=True, text=True, check=True).stdout
    assert f"Version: {VERSION}-" in fields, STALE
    assert "Homepage: https://" in fields
    for package in ("libgl1", "libegl1", "libxcb1", "libxcb-cursor0", "libxkbcommon-x11-0",
                    "libfontconfig1", "libc6 (>= "):
        assert package in fields, package
