#!/usr/bin/env bash
# static_checks.sh -- checks of the tree that need no build: core header
# purity, nothing a trusted extension must not do, one version everywhere,
# README.md spliced from doc/reference, install scripts that only CREATE,
# tests that read nothing outside the repository.  One "ok"/"not ok" line each, then "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
passed=0
failed=0
check() {	# check NAME COMMAND...: the command's output is shown on failure
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		passed=$((passed + 1)); echo "ok - $name"
	else
		failed=$((failed + 1)); echo "not ok - $name"
		[ -n "$out" ] && sed 's/^/    /' <<<"$out" | head -20
	fi
}

versions() {
	local make control meta
	make=$(sed -n 's/^EXTVERSION *= *//p' Makefile)
	control=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" annot.control)
	meta=$(/usr/bin/python3 -c 'import json; m = json.load(open("META.json"))
print(m["version"], m["provides"]["annot"]["version"])')
	if [ "$make $make $make" != "$control $meta" ]; then
		echo "Makefile $make, annot.control $control, META.json $meta"
		return 1
	fi
	grep -q "^## $make\b" CHANGELOG.md || { echo "CHANGELOG.md has no section $make"; return 1; }
}

create_only() {
	! grep -niE 'CREATE[[:space:]]+OR[[:space:]]+REPLACE' src/ddl/[0-9]*.sql
}

# the test suites read their data from test/data ($ANNOT_REFDATA), never
# from beside the repository
self_contained() {
	! grep -rnE '\.\./shared|/shared/refdata|/work/' sql expected test/pgtap test/peers \
		test/upgrade test/unit test/fuzz/*.c scripts --include='*' |
		grep -vE '^scripts/static_checks.sh:|ANNOT_REFDATA'
}

# annot is a trusted extension (README, "Privileges"): no file, process,
# network, SPI or setting access in the C sources, nothing SECURITY DEFINER
trusted() {
	! grep -nE '\b(fopen|freopen|open|openat|creat|AllocateFile|OpenTransientFile|PathNameOpenFile|system|popen|exec[lv]p?e?|fork|socket|connect|PQconnectdb|SPI_[a-z_]+|set_config_option|SetConfigOption)[[:space:]]*\(' \
		src/core/*.[ch] src/pg/*.[ch] &&
		! grep -niE 'SECURITY[[:space:]]+DEFINER' src/ddl/[0-9]*.sql
}

check "src/core includes only core and C library headers" bash scripts/core_headers.sh
check "nothing in the sources a trusted extension must not do" trusted
check "one version in Makefile, annot.control, META.json and CHANGELOG.md" versions
check "README.md is spliced from doc/reference" bash scripts/readme.sh --check
check "install parts CREATE, never CREATE OR REPLACE" create_only
check "tests read nothing outside the repository" self_contained
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
