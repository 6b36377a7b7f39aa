#!/usr/bin/env bash
# core_headers.sh -- src/core stays pure C: every #include names a header of
# src/core itself ("name.h") or of the C library (<name.h> from the list
# below), never a PostgreSQL header.  Prints each offending line and exits
# non-zero when there is one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
allowed=' assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h
	limits.h locale.h math.h setjmp.h signal.h stdalign.h stdarg.h stdatomic.h
	stdbool.h stddef.h stdint.h stdio.h stdlib.h stdnoreturn.h string.h tgmath.h
	threads.h time.h uchar.h wchar.h wctype.h'
allowed=" $(echo $allowed) "
bad=0
for f in "$root"/src/core/*.[ch]; do
	while IFS= read -r line; do
		n=${line%%:*}
		inc=${line#*:}
		name=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]([^>"]*)[>"].*/\1/' <<<"$inc")
		case "$inc" in
		*'"'*) [[ $name != */* && -f $root/src/core/$name ]] && continue ;;
		*'<'*) [[ $allowed == *" $name "* ]] && continue ;;
		esac
		echo "src/core/$(basename "$f"):$n: not a core or C library header: $inc"
		bad=1
	done < <(grep -nE '^[[:space:]]*#[[:space:]]*include' "$f" || true)
done
exit $bad
