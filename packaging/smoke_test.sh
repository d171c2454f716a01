#!/usr/bin/env bash
# Smoke test of the BUILT bundle (not the source tree): run after packaging/build.sh.
#
#   packaging/smoke_test.sh [BUNDLE_DIR]     # default dist/sellerdesk
#
# Checks what a seller would notice first: the version, the commands on a fresh
# database in the default data folder, the shipped resources, the demo, the PDF
# summary, the window under Xvfb (in English and French), and that the bundle never
# writes into its own folder. Exits non-zero if any check fails; only the window
# check is skipped, with a message, on a machine without xvfb-run.
set -uo pipefail
cd "$(dirname "$0")/.."

BUNDLE=${1:-dist/sellerdesk}
EXE="$BUNDLE/sellerdesk"
[ -x "$EXE" ] || { echo "no bundle at $EXE: run packaging/build.sh first" >&2; exit 2; }
EXE="$(cd "$BUNDLE" && pwd)/sellerdesk"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# A fresh home: the default data folder must be created under it, nowhere else.
export HOME="$WORK/home"
unset XDG_DATA_HOME XDG_CONFIG_HOME SELLERDESK_DATA_DIR SELLERDESK_DB
mkdir -p "$HOME"
DATA_DIR="$HOME/.local/share/SellerDesk"
DEMO_DB="$WORK/demo.sqlite"

passed=0 failed=0 skipped=0
pass() { echo "PASS  $1"; passed=$((passed + 1)); }
fail() { echo "FAIL  $1"; [ -n "${2:-}" ] && sed 's/^/      /' <<<"$2"; failed=$((failed + 1)); }
skip() { echo "SKIP  $1"; skipped=$((skipped + 1)); }

bundle_state() { (cd "$BUNDLE" && find . -printf '%p %s %T@\n' | sort | sha256sum); }
before=$(bundle_state)

# 1. --version prints pyproject's version.
expected=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
out=$("$EXE" --version 2>&1)
if [ "$out" = "SellerDesk $expected" ]; then pass "--version says SellerDesk $expected"
else fail "--version said '$out', pyproject says $expected"; fi

# 2. A command on no database creates one in the platformdirs data folder and migrates it.
out=$("$EXE" list --json 2>&1)
if [ "$out" = "[]" ] && [ -f "$DATA_DIR/sellerdesk.sqlite" ]; then
  pass "list --json on a new database: [] and the file is in $DATA_DIR"
else fail "list --json on a new database" "$out"; fi

# 3. Resources come from the bundle: the carrier list is read before the order is looked up.
out=$("$EXE" ship 123-1234567-1234567 --carrier DHL 2>&1); status=$?
if [ "$status" -ne 0 ] && grep -q "^sellerdesk: " <<<"$out" && ! grep -q Traceback <<<"$out"; then
  pass "ship to an unknown order: carrier list read from the bundle, one-line refusal"
else fail "ship to an unknown order (exit $status)" "$out"; fi

# 4. The demo fills a database; list --json shows its orders.
out=$("$EXE" --db "$DEMO_DB" demo 2>&1); status=$?
count=$("$EXE" --db "$DEMO_DB" list --json 2>/dev/null | grep -c '"order_id"')
if [ "$status" -eq 0 ] && [ "$count" -gt 0 ]; then pass "demo then list --json: $count orders"
else fail "demo then list --json (exit $status, $count orders)" "$out"; fi

# 5. The PDF summary, headless (Qt's offscreen platform from the bundle).
out=$(QT_QPA_PLATFORM=offscreen "$EXE" --db "$DEMO_DB" summary --pdf "$WORK/summary.pdf" 2>&1)
status=$?
if [ "$status" -eq 0 ] && [ "$(head -c 5 "$WORK/summary.pdf" 2>/dev/null)" = "%PDF-" ]; then
  pass "summary --pdf wrote a PDF ($(stat -c %s "$WORK/summary.pdf") bytes)"
else fail "summary --pdf (exit $status)" "$out"; fi

# 6. The window starts and quits by itself under a real X server, in English and French.
run_window() {  # $1 = language
  LANGUAGE=$1 LANG=$1.UTF-8 SELLERDESK_QUIT_AFTER_MS=3000 timeout 120 \
    xvfb-run -a -s "-screen 0 1400x900x24" "$EXE" --demo 2>&1
}
if ! command -v xvfb-run >/dev/null; then
  skip "window: xvfb-run is not installed (Debian: xvfb)"
else
  for language in en_US fr_FR; do
    out=$(run_window "$language"); status=$?
    if [ "$status" -eq 0 ] && ! grep -qiE "Traceback|could not (load|find) the Qt platform" <<<"$out"; then
      pass "window ($language) opened on the demo and quit by itself"
    else fail "window ($language) (exit $status)" "$out"; fi
  done
fi

# 7. Nothing was written into the bundle (no database, no __pycache__, no logs).
if [ "$(bundle_state)" = "$before" ] && [ -z "$(find "$BUNDLE" -name __pycache__)" ]; then
  pass "the bundle folder is unchanged"
else fail "the bundle folder changed while running" "$(find "$BUNDLE" -newer "$EXE" | head)"; fi

echo "smoke: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
