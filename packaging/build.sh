#!/usr/bin/env bash
# Build the self-contained SellerDesk bundle dist/sellerdesk/ from a clean checkout.
#
#   packaging/build.sh            # venv in build/venv, bundle in dist/sellerdesk/
#   PYTHON=python3.12 packaging/build.sh
#   packaging/build.sh --archive  # also dist/sellerdesk-VERSION-linux-ARCH.tar.gz to hand out
#
# Needs: Python >= 3.11 with venv, and objdump (Debian: binutils) for PyInstaller.
# Prints the build time and the bundle size at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=build/venv
started=$(date +%s)

if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi

echo "== installing SellerDesk and PyInstaller into $VENV"
# A regular (not editable) install: the bundle takes the package and its
# dist-info metadata (for --version) from there, not from the source tree.
"$VENV/bin/pip" install --quiet --disable-pip-version-check \
  --upgrade --force-reinstall --no-deps .
"$VENV/bin/pip" install --quiet --disable-pip-version-check . 'pyinstaller>=6.10,<7'
rm -rf build/lib build/bdist.*  # setuptools leaves these after building the wheel

echo "== running PyInstaller"
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/sellerdesk.spec

# Desktop integration files travel with the bundle (see packaging/linux/install.sh).
mkdir -p dist/sellerdesk/share
cp packaging/linux/io.github.sellerdesk.SellerDesk.desktop \
   packaging/linux/io.github.sellerdesk.SellerDesk.metainfo.xml \
   packaging/linux/install.sh dist/sellerdesk/share/
cp -r resources/icons dist/sellerdesk/share/icons

if [ "${1:-}" = "--archive" ]; then
  version=$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("sellerdesk"))')
  archive="dist/sellerdesk-$version-linux-$(uname -m).tar.gz"
  tar -C dist -czf "$archive" sellerdesk
  echo "== archive $archive ($(du -h "$archive" | cut -f1))"
fi

finished=$(date +%s)
echo "== built dist/sellerdesk/ in $((finished - started)) s;" \
  "size $(du -sh dist/sellerdesk | cut -f1)" \
  "($(find dist/sellerdesk -type f | wc -l) files)"
