#!/usr/bin/env bash
# run.sh -- update paths: for every released version V (src/ddl/released),
# CREATE EXTENSION annot VERSION 'V' with data stored under it, then ALTER
# EXTENSION annot UPDATE; the catalog must equal a fresh install's and the
# data must read back unchanged, and so after pg_dump and pg_restore.
# Needs a running server (PGHOST, PGPORT, PGUSER); prints one line per
# check and "N passed, N failed".
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0
failed=0
check() {	# check NAME OK
	if [ "$2" = t ]; then
		passed=$((passed + 1)); echo "ok - $1"
	else
		failed=$((failed + 1)); echo "not ok - $1"
	fi
}
q() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"; }

q -c 'DROP DATABASE IF EXISTS annot_fresh' -c 'CREATE DATABASE annot_fresh' >/dev/null
q -d annot_fresh -c 'CREATE EXTENSION annot' >/dev/null
q -d annot_fresh -f "$here/catalog.sql" >"$out/fresh.txt"
current=$(q -d annot_fresh -Atc "SELECT extversion FROM pg_extension WHERE extname = 'annot'")

for script in "$root"/src/ddl/released/annot--*.sql; do
	v=$(basename "$script" .sql)
	v=${v#annot--}
	case "$v" in *--*) continue ;; esac
	db=annot_from_${v//./_}
	q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
	if ! q -d "$db" -c "CREATE EXTENSION annot VERSION '$v'" >"$out/err" 2>&1; then
		cat "$out/err"; check "$v installs" f; continue
	fi
	check "$v installs" t
	if q -d "$db" -f "$here/data.sql" >/dev/null 2>"$out/err" &&
		q -d "$db" -c "\\copy upgrade_data TO '$out/before.bin' WITH (FORMAT binary)" 2>"$out/err"; then
		check "$v stores data" t
	else
		cat "$out/err"; check "$v stores data" f
	fi
	if ! q -d "$db" -c 'ALTER EXTENSION annot UPDATE' >"$out/err" 2>&1; then
		cat "$out/err"; check "$v updates to $current" f; continue
	fi
	check "$v updates to $current" t
	q -d "$db" -f "$here/catalog.sql" >"$out/updated.txt"
	if diff -u "$out/fresh.txt" "$out/updated.txt" >"$out/diff"; then
		check "$v updated catalog equals a fresh $current" t
	else
		head -60 "$out/diff"; check "$v updated catalog equals a fresh $current" f
	fi
	# binary COPY out and in under the new release
	q -d "$db" -c "\\copy upgrade_data TO '$out/after.bin' WITH (FORMAT binary)" \
		-c 'CREATE TABLE upgrade_reread (LIKE upgrade_data)' \
		-c "\\copy upgrade_reread FROM '$out/before.bin' WITH (FORMAT binary)" 2>&1
	while IFS='|' read -r name ok; do
		[ -n "$name" ] && check "$v data: $name" "$ok"
	done < <(q -d "$db" -f "$here/check.sql" 2>&1)
	if [ -s "$out/before.bin" ] && cmp -s "$out/before.bin" "$out/after.bin"; then
		check "$v data: binary COPY writes the same bytes" t
	else
		check "$v data: binary COPY writes the same bytes" f
	fi
	# pg_dump writes CREATE EXTENSION and the data; the dump restores into
	# an empty database with the same catalog and values
	q -c "DROP DATABASE IF EXISTS annot_restored" -c "CREATE DATABASE annot_restored" >/dev/null
	if pg_dump -Fc -f "$out/dump" "$db" 2>"$out/err" &&
		pg_restore --exit-on-error -d annot_restored "$out/dump" 2>>"$out/err"; then
		check "$v updated database dumps and restores" t
		q -d annot_restored -f "$here/catalog.sql" >"$out/restored.txt"
		diff -u "$out/fresh.txt" "$out/restored.txt" >"$out/diff" &&
			same=t || { head -40 "$out/diff"; same=f; }
		check "$v restored catalog equals a fresh $current" "$same"
		for d in "$db" annot_restored; do
			q -d "$d" -c 'COPY (SELECT * FROM upgrade_data ORDER BY i) TO STDOUT' >"$out/$d.copy"
		done
		cmp -s "$out/$db.copy" "$out/annot_restored.copy" && [ -s "$out/$db.copy" ] &&
			same=t || same=f
		check "$v restored data equals the stored" "$same"
	else
		cat "$out/err"; check "$v updated database dumps and restores" f
	fi
	q -c "DROP DATABASE annot_restored" -c "DROP DATABASE $db" >/dev/null
done
q -c 'DROP DATABASE annot_fresh' >/dev/null
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
