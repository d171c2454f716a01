#!/usr/bin/env bash
# Install the SellerDesk bundle for the current user, so it shows in the applications menu.
#
#   ./share/install.sh             # from inside an unpacked dist/sellerdesk/ folder
#   ./share/install.sh --uninstall
#
# The bundle goes to ~/.local/opt/sellerdesk, a `sellerdesk` link to ~/.local/bin, the
# desktop entry, AppStream file and icons to ~/.local/share. Your orders are not touched:
# they live in your data folder (~/.local/share/SellerDesk), never in the bundle.
set -euo pipefail
APP_ID=io.github.sellerdesk.SellerDesk
HERE="$(cd "$(dirname "$0")/.." && pwd)"  # the bundle folder
PREFIX=${PREFIX:-$HOME/.local}
TARGET="$PREFIX/opt/sellerdesk"
SHARE="$PREFIX/share"

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$TARGET" "$PREFIX/bin/sellerdesk" "$SHARE/applications/$APP_ID.desktop" \
    "$SHARE/metainfo/$APP_ID.metainfo.xml"
  find "$SHARE/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
  echo "SellerDesk removed; your data folder was left as it was."
  exit 0
fi

mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo"
if [ "$HERE" != "$TARGET" ]; then
  rm -rf "$TARGET"
  cp -a "$HERE" "$TARGET"
fi
ln -sf "$TARGET/sellerdesk" "$PREFIX/bin/sellerdesk"
# Exec= is a bare name; write the full path so the menu works even without ~/.local/bin in PATH.
sed -e "s|^Exec=sellerdesk|Exec=$TARGET/sellerdesk|" -e "s|^TryExec=sellerdesk|TryExec=$TARGET/sellerdesk|" \
  "$TARGET/share/$APP_ID.desktop" >"$SHARE/applications/$APP_ID.desktop"
cp "$TARGET/share/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
for size in 16 32 48 64 128 256 512; do
  mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
  cp "$TARGET/share/icons/sellerdesk-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
mkdir -p "$SHARE/icons/hicolor/scalable/apps"
cp "$TARGET/share/icons/sellerdesk.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "SellerDesk installed in $TARGET; find it in your applications menu or run 'sellerdesk'."
