"""Gather the licence texts that must travel with the frozen app into one folder.

    build/pkg-venv/bin/python packaging/collect_licenses.py dist/wsis-viewer
    build/pkg-venv/bin/python packaging/collect_licenses.py dist/wsis-viewer \
        --dep5 opt/wsis-viewer SOURCE_URL > copyright        (debian/copyright, DEP-5)

writes dist/wsis-viewer/licenses/:
  README.txt                  what is where, one line per component (name, version, licence)
  wsis-viewer-MIT.txt         the app itself (packaging/licenses/LICENSE-MIT.txt)
  NotoSansSC-OFL.txt          the bundled CJK font subset (resources/fonts/LICENSE-OFL.txt)
  python/<dist>/...           licence files of every runtime dependency, from its dist-info
  CPython-LICENSE.txt         the interpreter embedded by PyInstaller
  PyInstaller-COPYING.txt     the bootloader (GPL with an exception that allows any licence)
  LGPL-3.txt, GPL-3.txt       Qt / PySide6 / shiboken6 (LGPL-3.0; their wheels carry no text)
  system/<package>.copyright  Debian copyright files of the system libraries PyInstaller copied

It must run with the build venv's Python: the dependency closure and dist-info files are read
from the environment that was frozen. The system part uses dpkg (Debian-like build hosts).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

APP = "wsis-viewer"
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LICENSE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
COMMON_LICENSES = Path("/usr/share/common-licenses")
LIB_DIRS = (Path("/lib/x86_64-linux-gnu"), Path("/usr/lib/x86_64-linux-gnu"), Path("/lib64"),
            Path("/usr/lib"), Path("/lib"))


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str) -> list[metadata.Distribution]:
    """`root` and everything it requires at run time (extras and other platforms left out)."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = _norm(todo.pop())
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # an optional or other-platform requirement that is not installed
        seen[name] = dist
        for req in dist.requires or []:
            if "extra ==" in req:
                continue
            todo.append(re.split(r"[\s;<>=!~\[(]", req, maxsplit=1)[0])
    return [seen[k] for k in sorted(seen)]


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    text = meta.get("License-Expression") or meta.get("License") or ""
    if not text or len(text) > 80:  # some put the whole text in License:
        classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                       if c.startswith("License ::")]
        text = ", ".join(classifiers) or "see files"
    return text


def copy_python_licences(out: Path) -> list[str]:
    rows = []
    for dist in runtime_closure(APP):
        name, ver = dist.metadata["Name"], dist.version
        if _norm(name) == APP:
            continue
        dest = out / "python" / f"{name}-{ver}"
        copied = 0
        candidates = [f for f in dist.files or []
                      if LICENSE_NAME.search(Path(str(f)).name) or "/licenses/" in f"/{f}"]
        # The dist-info copies are the declared licence files; other matches (numpy/ma/LICENSE)
        # duplicate them, so use those only for a package that declares none.
        in_dist_info = [f for f in candidates if ".dist-info/" in str(f)]
        for file in in_dist_info or candidates:
            src = Path(str(file.locate()))
            if not src.is_file():
                continue
            rel = str(file).split(".dist-info/licenses/", 1)[-1]
            # Keep the sub-path when names repeat (numpy has a dozen LICENSE.md files).
            target = dest / rel.replace("/", "__")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, target)
            copied += 1
        where = f"python/{name}-{ver}/" if copied else "LGPL-3.txt, GPL-3.txt"
        rows.append(f"{name} {ver}: {licence_of(dist)} -> {where}")
    return rows


def copy_fixed_texts(out: Path) -> list[str]:
    rows = []
    fixed = [
        (HERE / "licenses" / "LICENSE-MIT.txt", "wsis-viewer-MIT.txt",
         f"{APP} {metadata.version(APP)}: MIT"),
        (REPO / "resources" / "fonts" / "LICENSE-OFL.txt", "NotoSansSC-OFL.txt",
         "Noto Sans SC (subset, resources/fonts): SIL Open Font License 1.1"),
        (Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt", "CPython-LICENSE.txt",
         f"CPython {sys.version.split()[0]}: PSF-2.0"),
        (Path(str(metadata.distribution("pyinstaller").locate_file(""))) / "pyinstaller-"
         f"{metadata.version('pyinstaller')}.dist-info" / "licenses" / "COPYING.txt",
         "PyInstaller-COPYING.txt",
         "PyInstaller bootloader: GPL-2.0-or-later WITH Bootloader-exception"),
        # The PySide6/shiboken6 wheels ship no licence text; Qt is used under LGPL-3.0, which
        # is GPL-3.0 plus extra permissions, so both texts are needed.
        (COMMON_LICENSES / "LGPL-3", "LGPL-3.txt", "Qt 6 / PySide6 / shiboken6: LGPL-3.0"),
        (COMMON_LICENSES / "GPL-3", "GPL-3.txt", "(GPL-3.0 text, part of LGPL-3.0)"),
    ]
    for src, name, row in fixed:
        if not src.is_file():
            raise SystemExit(f"collect_licenses: missing {src}")
        shutil.copyfile(src, out / name)
        rows.append(f"{row} -> {name}")
    return rows


def _owning_package(library: str) -> tuple[str, Path] | None:
    for folder in LIB_DIRS:
        path = folder / library
        if path.exists():
            real = path.resolve()
            for candidate in (real, path):
                result = subprocess.run(["dpkg", "-S", str(candidate)], capture_output=True,
                                        text=True, check=False)
                if result.returncode == 0:
                    return result.stdout.split(":", 1)[0].strip(), real
    return None


def _system_packages(bundle: Path) -> dict[str, list[str]]:
    """Debian package -> the libraries PyInstaller copied from it into _internal/."""
    packages: dict[str, list[str]] = {}
    for lib in sorted((bundle / "_internal").glob("*.so*")):
        if lib.is_symlink() or lib.name.startswith(("libpython", "libpyside6", "libshiboken6")):
            continue
        owner = _owning_package(lib.name)
        if owner is None:
            packages.setdefault("(not from a Debian package)", []).append(lib.name)
            continue
        packages.setdefault(owner[0], []).append(lib.name)
    return packages


def copy_system_licences(out: Path, bundle: Path) -> list[str]:
    """Copyright files of the Debian packages whose libraries PyInstaller bundled.

    PyInstaller puts such libraries at the top of _internal/; wheel-provided ones live in
    package folders (PySide6/Qt/lib, numpy.libs) and are covered by the Python part.
    """
    if shutil.which("dpkg") is None:
        return ["system libraries: dpkg not available, copyright files not collected"]
    packages = _system_packages(bundle)
    rows = []
    for package, libs in sorted(packages.items()):
        copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
        if copyright_file.is_file():
            (out / "system").mkdir(exist_ok=True)
            shutil.copyfile(copyright_file, out / "system" / f"{package.split(':')[0]}.copyright")
            where = f"system/{package.split(':')[0]}.copyright"
        else:
            where = "no copyright file found"
        rows.append(f"{package}: {', '.join(libs)} -> {where}")
    return rows


# DEP-5 short names (https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/) of
# the licence expressions met in the bundle's Python packages; anything else is kept verbatim.
SPDX_TO_DEP5 = {"MIT": "Expat", "PSF-2.0": "PSF-2.0", "BSD-3-Clause": "BSD-3-clause",
                "BSD License": "BSD-3-clause", "MIT License": "Expat"}
DEP5_FORMAT = "https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"


def _top_level_dirs(dist: metadata.Distribution) -> list[str]:
    names = {str(f).split("/", 1)[0] for f in dist.files or [] if "/" in str(f)}
    return sorted(n for n in names if not n.endswith((".dist-info", ".data")) and n != "..")


def _paragraph(files: list[str], copyright_: str, licence: str, body: list[str]) -> str:
    lines = [f"Files: {files[0]}", *(f"       {f}" for f in files[1:]),
             f"Copyright: {copyright_}", f"License: {licence}"]
    lines += [f" {b}" if b else " ." for b in body]
    return "\n".join(lines)


def dep5(bundle: Path, root: str, source: str) -> str:
    """debian/copyright in the machine-readable format, for the bundle installed at `root`.

    Every bundled component gets a Files paragraph with its licence; the licence texts are
    the files collected under <root>/licenses/ (the body says which), or Debian's
    common-licenses where the licence is one of those.
    """
    lic = f"/{root}/licenses"
    paras = [
        "\n".join([f"Format: {DEP5_FORMAT}", f"Upstream-Name: {APP}", f"Source: {source}"]),
        _paragraph(["*"], "2026 WSIS Timeline Viewer developers", "Expat",
                   (HERE / "licenses" / "LICENSE-MIT.txt").read_text().splitlines()),
        _paragraph([f"{root}/_internal/wsis_viewer/_bundled/resources/fonts/*"],
                   "2014-2021 Adobe (http://www.adobe.com/)", "OFL-1.1",
                   [f"The full text is in {lic}/NotoSansSC-OFL.txt."]),
        _paragraph([f"{root}/_internal/libpython3*", f"{root}/_internal/base_library.zip",
                    f"{root}/_internal/python3*/*"],
                   "2001-2024 Python Software Foundation", "PSF-2.0",
                   [f"The full text is in {lic}/CPython-LICENSE.txt."]),
        _paragraph([f"{root}/wsis-viewer"], "2010-2024 PyInstaller Development Team",
                   "GPL-2+ with Bootloader exception",
                   [f"The full text and the exception are in {lic}/PyInstaller-COPYING.txt.",
                    "On Debian systems the GPL-2 is in /usr/share/common-licenses/GPL-2."]),
        _paragraph([f"{root}/_internal/PySide6/*", f"{root}/_internal/shiboken6/*"],
                   "The Qt Company Ltd. and other contributors", "LGPL-3",
                   ["On Debian systems the full text is in /usr/share/common-licenses/LGPL-3",
                    "(and the GPL-3 it extends in /usr/share/common-licenses/GPL-3)."]),
    ]
    for dist in runtime_closure(APP):
        name, ver = dist.metadata["Name"], dist.version
        if _norm(name) in (APP, "pyside6-essentials", "shiboken6"):
            continue
        dirs = _top_level_dirs(dist)
        if not dirs:
            continue
        licence = licence_of(dist)
        short = SPDX_TO_DEP5.get(licence, licence)
        paras.append(_paragraph([f"{root}/_internal/{d}/*" for d in dirs],
                                f"{name} contributors", short,
                                [f"{name} {ver}; the full text is in {lic}/python/{name}-{ver}/."]))
    for lib_pkg, libs in sorted(_system_packages(bundle).items()):
        if lib_pkg.startswith("("):
            continue
        pkg = lib_pkg.split(":")[0]
        paras.append(_paragraph([f"{root}/_internal/{lib}" for lib in libs],
                                f"see {lic}/system/{pkg}.copyright", f"other-{pkg}",
                                [f"Copied from the Debian package {pkg}; its copyright file, "
                                 "with every licence,", f"is {lic}/system/{pkg}.copyright."]))
    return "\n\n".join(paras) + "\n"


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[1] == "--dep5":
        # collect_licenses.py BUNDLE --dep5 INSTALL_ROOT SOURCE_URL > copyright
        sys.stdout.write(dep5(Path(argv[0]), argv[2].strip("/"), argv[3]))
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[0])
    out = bundle / "licenses"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    rows = copy_fixed_texts(out)
    python_rows = copy_python_licences(out)
    system_rows = copy_system_licences(out, bundle)
    text = ["Licences of WSIS Timeline Viewer and of everything bundled with it.", "",
            "The application and fonts:", *rows, "", "Python packages:", *python_rows, "",
            "System libraries copied from the build machine (Debian packages):", *system_rows,
            "", "Qt and PySide6 are used under the LGPL-3.0: their libraries are the separate",
            "files under _internal/PySide6/ and may be replaced by compatible builds.", ""]
    (out / "README.txt").write_text("\n".join(text), encoding="utf-8")
    print(f"collect_licenses: {len(python_rows)} Python packages, "
          f"{len(system_rows)} system packages -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
