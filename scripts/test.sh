#!/usr/bin/env bash
# test.sh -- install, build, start a throwaway cluster and run every suite:
# clang warnings, static checks of the tree, C unit tests of src/core, fuzz corpus
# replay, pg_regress, update paths, README examples against their stated
# results, the function index, pgTAP (with the reference-data and peer
# checks).  Suites that do not depend on each other run at the same time;
# each prints one line "SUITE: N passed, N failed", in a fixed order, and
# the run ends with "N passed, N failed" (exit status non-zero when
# anything failed).  Safe to run again.
source "$(dirname "$0")/common.sh"

PASSED=0
FAILED=0
STARTED=$SECONDS
TIMES=""
WORK=$(mktemp -d /tmp/annot-test.XXXXXX)
chmod 755 "$WORK"
# Whatever happens, stop the background suites and the cluster and print
# the closing count; a step that dies before its suite has counted counts
# as one failure.
summary() {
	local rc=$? pid
	for pid in $(jobs -p); do kill_tree "$pid"; done
	wait 2>/dev/null || true
	stop_cluster
	[ "$rc" -ne 0 ] && [ "$FAILED" -eq 0 ] && FAILED=1
	rm -rf "$WORK"
	log "finished in $((SECONDS - STARTED)) s${TIMES:+; suites done at:$TIMES}"
	echo
	echo "$PASSED passed, $FAILED failed"
	if [ "$FAILED" -eq 0 ]; then exit 0; else exit 1; fi
}
trap summary EXIT
kill_tree() {
	local child
	for child in $(pgrep -P "$1" || true); do kill_tree "$child"; done
	kill "$1" 2>/dev/null || true
}

# The reference data of the pgTAP suites is part of the repository.
if [ ! -f "$ANNOT_REFDATA/README.md" ]; then
	echo "test data missing: $ANNOT_REFDATA has no README.md (the reference data" \
		"of the tests is part of the repository; clone it whole, or set" \
		"ANNOT_REFDATA to a copy)" >&2
	exit 1
fi

ensure_packages

# count SUITE PASSED FAILED: what a suite leaves for report(), with the
# second of the run at which it finished.
count() { echo "$2 $3 $((SECONDS - STARTED))" >"$WORK/$1.count"; }

# start SUITE FUNCTION: run a suite in the background; its output goes to
# $WORK/SUITE.log, its counts to $WORK/SUITE.count.  A failing command does
# not end a suite early: the suite counts its failures itself.
start() {
	( set +e; "$2" ) >"$WORK/$1.log" 2>&1 &
	eval "PID_$1=$!"
}

# report SUITE: wait for it, print what it logged and its line.
report() {
	local pid p f t
	pid=$(eval echo "\${PID_$1:-}")
	[ -n "$pid" ] && { wait "$pid" || true; }
	[ -s "$WORK/$1.log" ] && cat "$WORK/$1.log"
	if [ -f "$WORK/$1.count" ]; then
		read -r p f t <"$WORK/$1.count"
		TIMES="$TIMES $1 ${t}s"
	else
		p=0 f=1
		echo "$1: the suite ended before counting"
	fi
	printf '%-10s %6d passed, %d failed\n' "$1:" "$p" "$f"
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
}

# sum_counts FILE: the sums of the "N passed, N failed" lines in FILE.
sum_counts() {
	awk '/^[0-9]+ passed, [0-9]+ failed$/ {p += $1; f += $3} END {print p + 0, f + 0}' "$1"
}

# --- suites without a server -------------------------------------------

# The extension builds warning-free (-Werror) with clang as well as gcc:
# clang checks every source with the build's flags, generating no code.
suite_clang() {
	if make -s -C "$ANNOT_ROOT" check-clang >"$WORK/clang.out" 2>&1; then
		count clang 1 0
	else
		head -20 "$WORK/clang.out"
		count clang 0 1
	fi
}

# Checks of the tree that need no build (scripts/static_checks.sh): src/core
# includes no server header, the sources do nothing a trusted extension must
# not, one version everywhere, README.md spliced from doc/reference, install
# parts that only CREATE, tests that read nothing from beside the repository.
suite_static() {
	local rc p f
	if bash "$ANNOT_ROOT/scripts/static_checks.sh" >"$WORK/static.out" 2>&1; then rc=0; else rc=$?; fi
	grep -vE '^ok |^[0-9]+ passed, [0-9]+ failed$' "$WORK/static.out" || true
	read -r p f < <(sum_counts "$WORK/static.out")
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	count static "$p" "$f"
}

# Unit tests of the core and replay of the fuzz corpora, under ASan and
# UBSan, no server; both link one sanitizer build of the core, built first.
suite_core() {
	if ! make -s -j2 -C "$ANNOT_ROOT/test/unit" binaries >"$WORK/build.out" 2>&1 ||
		! make -s -j2 -C "$ANNOT_ROOT/test/fuzz" binaries >>"$WORK/build.out" 2>&1; then
		tail -30 "$WORK/build.out" >"$WORK/unit.log"
		count unit 0 1
		count fuzz 0 1
		return
	fi
	core_run unit run >"$WORK/unit.log" 2>&1 &
	core_run fuzz replay >"$WORK/fuzz.log" 2>&1
	wait
}

# core_run SUITE TARGET: make TARGET in test/SUITE, two at a time
core_run() {
	local rc p f dir=$1
	[ "$1" = unit ] || dir=fuzz
	if make -s -k -j2 -C "$ANNOT_ROOT/test/$dir" "$2" >"$WORK/$1.out" 2>&1; then rc=0; else rc=$?; fi
	grep -E '^not ok' "$WORK/$1.out" || true
	read -r p f < <(sum_counts "$WORK/$1.out")
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && { tail -20 "$WORK/$1.out"; f=1; }
	count "$1" "$p" "$f"
}

# Peer generators write pgTAP files comparing annot with python peers.
suite_peers() {
	local gen
	mkdir -p "$WORK/peers"
	for gen in "$ANNOT_ROOT"/test/peers/*.py; do
		[ -f "$gen" ] || continue
		/usr/bin/python3 "$gen" "$WORK/peers" || echo "peer generator failed: $gen"
	done
}

# --- suites on the cluster ---------------------------------------------

# pg_regress over sql/ against expected/.
suite_regress() {
	local rc p f
	cd "$ANNOT_ROOT"
	if make -s installcheck >"$WORK/regress.out" 2>&1; then rc=0; else rc=$?; fi
	grep -E '\.\.\. (FAILED|failed)' "$WORK/regress.out" || true
	p=$(grep -cE '\.\.\. ok' "$WORK/regress.out" || true)
	f=$(grep -cE '\.\.\. (FAILED|failed)' "$WORK/regress.out" || true)
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then tail -20 "$WORK/regress.out"; f=1; fi
	[ -f regression.diffs ] && [ "$f" -gt 0 ] && head -100 regression.diffs
	count regress "$p" "$f"
}

# Update paths from every released version to this one.
suite_upgrade() {
	local rc p f
	if bash "$ANNOT_ROOT/test/upgrade/run.sh" >"$WORK/upgrade.out" 2>&1; then rc=0; else rc=$?; fi
	grep -vE '^ok ' "$WORK/upgrade.out" | grep -vE '^[0-9]+ passed' | head -80 || true
	read -r p f < <(sum_counts "$WORK/upgrade.out")
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	count upgrade "$p" "$f"
}

# Every ```sql example of README.md runs, and shows what it says it shows.
suite_readme() {
	local rc p f
	if /usr/bin/python3 "$ANNOT_ROOT/scripts/readme_examples.py" "$ANNOT_ROOT/README.md" \
		>"$WORK/readme.out" 2>&1; then rc=0; else rc=$?; fi
	grep -vE '^[0-9]+ passed, [0-9]+ failed$' "$WORK/readme.out" || true
	read -r p f < <(sum_counts "$WORK/readme.out")
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	count readme "$p" "$f"
}

# doc/FUNCTIONS.md is the index the catalog's comments give.
suite_functions() {
	if bash "$ANNOT_ROOT/scripts/functions.sh" --stdout >"$WORK/functions.md" 2>"$WORK/functions.err" &&
		diff -u "$ANNOT_ROOT/doc/FUNCTIONS.md" "$WORK/functions.md" >"$WORK/functions.diff"; then
		count functions 1 0
	else
		echo "doc/FUNCTIONS.md is not what the catalog says: run bash scripts/functions.sh"
		head -40 "$WORK/functions.err" "$WORK/functions.diff" 2>/dev/null
		count functions 0 1
	fi
}

# pgTAP properties, reference data and peer comparisons, two files at a
# time; files named *cancel*.sql measure how fast a cancel is honoured and
# run alone, after everything else.
suite_pgtap() {
	local rc p f files=() cancel=() t
	for t in "$ANNOT_ROOT"/test/pgtap/*.sql "$WORK"/peers/*.sql; do
		[ -f "$t" ] || continue
		case "$(basename "$t")" in
		*cancel*) cancel+=("$t") ;;
		*) files+=("$t") ;;
		esac
	done
	cd "$ANNOT_ROOT"
	export PGDATABASE=annot_tap
	rc=0
	pg_prove -j 2 --verbose --ext .sql "${files[@]}" >"$WORK/tap.out" 2>&1 || rc=$?
	if [ ${#cancel[@]} -gt 0 ]; then
		wait_for_others
		pg_prove --verbose --ext .sql "${cancel[@]}" >>"$WORK/tap.out" 2>&1 || rc=$?
	fi
	grep -E '^\s*not ok|^Parse errors|^# Looks like|Dubious' "$WORK/tap.out" || true
	p=$(grep -cE '^\s*ok [0-9]' "$WORK/tap.out" || true)
	f=$(grep -cE '^\s*not ok [0-9]' "$WORK/tap.out" || true)
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then tail -30 "$WORK/tap.out"; f=1; fi
	count pgtap "$p" "$f"
}

# Block until the other background suites have ended (for timing tests).
wait_for_others() {
	local pid
	for pid in "$PID_clang" "$PID_static" "$PID_core" "$PID_regress" "$PID_upgrade" \
		"$PID_readme" "$PID_functions"; do
		while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
	done
}

# --- the run -----------------------------------------------------------

log "building annot, unit tests and fuzz replay; starting the cluster"
start core suite_core
start static suite_static
start peers suite_peers
( build_and_install ) &
build=$!
start_cluster test "${ANNOT_TEST_PORT:-54362}"
wait "$build"
# (clang reads the Makefile's dependency files: not while gcc writes them)
start clang suite_clang

log "server suites ($((SECONDS - STARTED)) s)"
psql -X -q -c 'CREATE DATABASE annot_tap' >/dev/null
PGDATABASE=annot_tap psql -X -q -v ON_ERROR_STOP=1 \
	-c 'CREATE EXTENSION pgtap; CREATE EXTENSION annot; CREATE EXTENSION postgis' \
	-f "$ANNOT_ROOT/test/pgtap/setup.psql" >/dev/null
start regress suite_regress
start upgrade suite_upgrade
start readme suite_readme
start functions suite_functions
wait "$PID_peers" || true
[ -s "$WORK/peers.log" ] && cat "$WORK/peers.log"
grep -q 'peer generator failed' "$WORK/peers.log" && FAILED=$((FAILED + 1))
start pgtap suite_pgtap

report clang
report static
wait "$PID_core" || true
report unit
report fuzz
report regress
report upgrade
report readme
report functions
report pgtap
