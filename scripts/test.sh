#!/usr/bin/env bash
# test.sh -- install, build, start a throwaway cluster and run every suite:
# C unit tests of src/core, fuzz corpus replay, pg_regress, pgTAP (with the
# reference-data and peer checks).  Ends with "N passed, N failed"; exits
# non-zero when anything failed.  Safe to run again.
source "$(dirname "$0")/common.sh"

PASSED=0
FAILED=0
WORK=$(mktemp -d /tmp/annot-test.XXXXXX)
chmod 755 "$WORK"
# Whatever happens, stop the cluster and print the closing count; a step
# that dies before its suite has counted counts as one failure.
summary() {
	local rc=$?
	stop_cluster
	[ "$rc" -ne 0 ] && [ "$FAILED" -eq 0 ] && FAILED=1
	rm -rf "$WORK"
	echo
	echo "$PASSED passed, $FAILED failed"
	if [ "$FAILED" -eq 0 ]; then exit 0; else exit 1; fi
}
trap summary EXIT

ensure_packages
build_and_install

# add_counts SUITE PASSED FAILED
add_counts() {
	printf '%-10s %6d passed, %d failed\n' "$1:" "$2" "$3"
	PASSED=$((PASSED + $2))
	FAILED=$((FAILED + $3))
}

# Suite 0: the extension builds warning-free (-Werror) with clang as well
# as gcc (the install above used gcc).
log "clang build"
mkdir -p "$WORK/clang"
cp -r "$ANNOT_ROOT/Makefile" "$ANNOT_ROOT/annot.control" "$ANNOT_ROOT/src" "$WORK/clang/"
find "$WORK/clang" -name '*.o' -delete
if make -s -C "$WORK/clang" CC=clang >"$WORK/clang.out" 2>&1; then
	add_counts clang 1 0
else
	head -20 "$WORK/clang.out"
	add_counts clang 0 1
fi

# Suite 1: unit tests of the core, under ASan and UBSan, no server.
log "unit tests"
if make -s -C "$ANNOT_ROOT/test/unit" run >"$WORK/unit.out" 2>&1; then rc=0; else rc=$?; fi
grep -E '^(not ok|#)' "$WORK/unit.out" | grep -v '^# .* 0 failed' || true
p=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {s += $1} END {print s + 0}' "$WORK/unit.out")
f=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {s += $3} END {print s + 0}' "$WORK/unit.out")
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && { tail -20 "$WORK/unit.out"; f=1; }
add_counts unit "$p" "$f"

# Suite 2: replay of the fuzz corpora through every decoder target.
log "fuzz corpus replay"
if make -s -C "$ANNOT_ROOT/test/fuzz" replay >"$WORK/fuzz.out" 2>&1; then rc=0; else rc=$?; fi
p=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {s += $1} END {print s + 0}' "$WORK/fuzz.out")
f=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {s += $3} END {print s + 0}' "$WORK/fuzz.out")
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && { tail -20 "$WORK/fuzz.out"; f=1; }
add_counts fuzz "$p" "$f"

start_cluster test "${ANNOT_TEST_PORT:-54362}"

# Suite 3: pg_regress over sql/ against expected/.
log "pg_regress"
cd "$ANNOT_ROOT"
if make -s installcheck >"$WORK/regress.out" 2>&1; then rc=0; else rc=$?; fi
grep -E '\.\.\. (FAILED|failed)' "$WORK/regress.out" || true
p=$(grep -cE '\.\.\. ok' "$WORK/regress.out" || true)
f=$(grep -cE '\.\.\. (FAILED|failed)' "$WORK/regress.out" || true)
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then tail -20 "$WORK/regress.out"; f=1; fi
[ -f regression.diffs ] && [ "$f" -gt 0 ] && head -100 regression.diffs
add_counts regress "$p" "$f"

# Suite 3b: update paths from every released version to this one.
log "update paths"
if bash "$ANNOT_ROOT/test/upgrade/run.sh" >"$WORK/upgrade.out" 2>&1; then rc=0; else rc=$?; fi
grep -vE '^ok ' "$WORK/upgrade.out" | grep -vE '^[0-9]+ passed' | head -80 || true
p=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {print $1}' "$WORK/upgrade.out")
f=$(awk '/^[0-9]+ passed, [0-9]+ failed$/ {print $3}' "$WORK/upgrade.out")
p=${p:-0}
f=${f:-0}
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
add_counts upgrade "$p" "$f"

# Suite 4: every ```sql example of README.md runs without error, each in a
# fresh database with annot installed.
log "README examples"
/usr/bin/python3 - "$ANNOT_ROOT/README.md" "$WORK/docs" <<'PY'
import pathlib, re, sys
out = pathlib.Path(sys.argv[2]); out.mkdir()
blocks = re.findall(r"^```sql\n(.*?)^```", pathlib.Path(sys.argv[1]).read_text(), re.S | re.M)
for i, b in enumerate(blocks, 1):
    # examples after the first assume the extension exists, as a reader's
    # database would have it
    if "CREATE EXTENSION annot" not in b:
        b = "SET client_min_messages = warning;\nCREATE EXTENSION IF NOT EXISTS annot;\nRESET client_min_messages;\n" + b
    (out / f"{i:03d}.sql").write_text(b)
PY
p=0
f=0
for ex in "$WORK"/docs/*.sql; do
	[ -f "$ex" ] || continue
	psql -X -q -c 'DROP DATABASE IF EXISTS annot_docs' -c 'CREATE DATABASE annot_docs' >/dev/null 2>&1
	if psql -X -q -d annot_docs -v ON_ERROR_STOP=1 -f "$ex" >"$WORK/docs.out" 2>&1; then
		p=$((p + 1))
	else
		f=$((f + 1))
		echo "README example $(basename "$ex" .sql) failed:"
		sed 's/^/    /' "$WORK/docs.out" | tail -5
	fi
done
add_counts readme "$p" "$f"

# Suite 5: pgTAP properties, reference data and peer comparisons.
log "pgTAP"
psql -X -q -c 'CREATE DATABASE annot_tap' >/dev/null
export PGDATABASE=annot_tap
psql -X -q -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION pgtap; CREATE EXTENSION annot; CREATE EXTENSION postgis' >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -f "$ANNOT_ROOT/test/pgtap/setup.psql" >/dev/null
tap_files=("$ANNOT_ROOT"/test/pgtap/*.sql)
# Peer generators write pgTAP files comparing annot with python peers.
mkdir -p "$WORK/peers"
for gen in "$ANNOT_ROOT"/test/peers/*.py; do
	[ -f "$gen" ] || continue
	if ! /usr/bin/python3 "$gen" "$WORK/peers"; then
		echo "peer generator failed: $gen"
		FAILED=$((FAILED + 1))
	fi
done
for f in "$WORK"/peers/*.sql; do [ -f "$f" ] && tap_files+=("$f"); done
cd "$ANNOT_ROOT"
if pg_prove --verbose --ext .sql "${tap_files[@]}" >"$WORK/tap.out" 2>&1; then rc=0; else rc=$?; fi
grep -E '^\s*not ok|^Parse errors|^# Looks like|Dubious' "$WORK/tap.out" || true
p=$(grep -cE '^\s*ok [0-9]' "$WORK/tap.out" || true)
f=$(grep -cE '^\s*not ok [0-9]' "$WORK/tap.out" || true)
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then tail -30 "$WORK/tap.out"; f=1; fi
add_counts pgtap "$p" "$f"

