"""What the installable app is made of, checked without building it (packaging/smoke_test.sh
runs the built bundle)."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from importlib.metadata import version
from pathlib import Path

import pytest

import app
from app.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"
APP_ID = "io.github.sellerdesk.SellerDesk"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
VERSION = PYPROJECT["project"]["version"]


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


# The version comes from one place: pyproject.toml.


def test_version_shown_everywhere_is_pyprojects(capsys):
    assert version("sellerdesk") == VERSION
    assert app.__version__ == VERSION
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"SellerDesk {VERSION}"


def test_no_code_or_build_file_writes_the_version_down_again():
    places = [*ROOT.glob("app/**/*.py"), *ROOT.glob("ui/**/*.py"), *PACKAGING.rglob("*")]
    repeating = [
        path.relative_to(ROOT)
        for path in places
        if path.is_file()
        and path.suffix in {".py", ".spec", ".sh", ".desktop"}
        and f'"{VERSION}"' in path.read_text(encoding="utf-8")
    ]
    assert repeating == []


def test_appstream_release_is_the_version_being_shipped():
    releases = ET.parse(METAINFO).getroot().find("releases")
    assert releases is not None
    assert releases[0].get("version") == VERSION


# Desktop entry and AppStream metadata.


def test_desktop_entry_launches_sellerdesk_from_the_office_menu():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "SellerDesk"
    assert entry["Exec"] == "sellerdesk"  # no file arguments: the window opens the data file
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert {"Office", "Finance"} <= set(entry["Categories"].rstrip(";").split(";"))
    assert entry["Categories"].endswith(";")
    # Qt names the window's class after the application name: the dock groups it with the entry.
    assert entry["StartupWMClass"] == "SellerDesk"


def test_desktop_entry_passes_the_freedesktop_validator():
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


def test_metainfo_describes_this_desktop_application():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "SellerDesk"
    assert root.findtext("project_license") == PYPROJECT["project"]["license"] == "MIT"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "sellerdesk"
    assert root.findtext("icon") == APP_ID


def test_metainfo_passes_appstream_validation():
    validator = shutil.which("appstreamcli")
    if validator is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run(
        [validator, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


# Icons.


def test_svg_icon_is_square_and_well_formed():
    root = ET.parse(ICONS / "sellerdesk.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, width, height = (float(part) for part in root.get("viewBox", "").split())
    assert width == height


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_icon_exists_at_each_size(size):
    assert _png_size(ICONS / f"sellerdesk-{size}.png") == (size, size)


def test_windows_icon_holds_small_and_large_images():
    data = (ICONS / "sellerdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sides = {data[6 + 16 * n] or 256 for n in range(count)}
    assert {16, 32, 48, 256} <= sides


def test_macos_icon_is_an_icns_file_of_the_declared_length():
    data = (ICONS / "sellerdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)


# Build files.


def test_every_spec_uses_the_shared_bundle_contents_and_an_existing_icon():
    specs = {
        PACKAGING / "sellerdesk.spec": None,
        PACKAGING / "windows" / "sellerdesk.spec": "sellerdesk.ico",
        PACKAGING / "macos" / "sellerdesk.spec": "sellerdesk.icns",
    }
    for spec, icon in specs.items():
        source = spec.read_text(encoding="utf-8")
        compile(source, str(spec), "exec")  # PyInstaller runs a spec as Python
        assert "from common import" in source, spec
        assert "data_files()" in source, spec
        if icon:
            assert icon in source, spec
            assert (ICONS / icon).is_file()


@pytest.mark.parametrize("script", ["build.sh", "smoke_test.sh", "linux/install.sh"])
def test_packaging_scripts_are_executable_bash(script):
    path = PACKAGING / script
    assert path.stat().st_mode & 0o111, f"{script} is not executable"
    result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_licence_is_mit_for_sellerdesk_developers():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert "SellerDesk developers" in licence
