#!/usr/bin/env bash
# bench/run.sh -- run every benchmark in bench/ (each prints its own times
# and ratios).  Benchmarks are never part of the test command.
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)
for b in "$dir"/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	echo "### $(basename "$b" .sh)"
	bash "$b"
	echo
done
