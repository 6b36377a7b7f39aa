#!/usr/bin/env bash
# test_time.sh BASE [TARGET] -- the test command's end-to-end time from a
# fresh clone at BASE and at TARGET (default HEAD), run one after the other
# in empty directories, and the speed-up of TARGET over BASE (anchor: at
# least 3x).  Uses the environment of scripts/test.sh (ANNOT_PG_BIN,
# PG_CONFIG, ANNOT_TEST_PORT); the machine's load average is printed with
# each run, since other work on the machine slows both.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || { echo "usage: $0 BASE [TARGET]" >&2; exit 2; }
work=$(mktemp -d /tmp/annot-test-time.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

# run NAME REV: clone at REV, run the test command, print its seconds
run() {
	local dir=$work/$1/annot start end
	mkdir -p "$work/$1"
	git clone -q "$root" "$dir"
	git -C "$dir" checkout -q "$2"
	echo "$1 ($(git -C "$dir" rev-parse --short HEAD)): load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
	start=$(date +%s.%N)
	if ! bash "$dir/scripts/test.sh" >"$work/$1.out" 2>&1; then
		tail -5 "$work/$1.out" >&2
	fi
	end=$(date +%s.%N)
	echo "$1: $(tail -1 "$work/$1.out")" >&2
	echo "$end - $start" | bc
}

base=$(run base "$1")
target=$(run target "${2:-HEAD}")
printf 'test command from a fresh clone: base %.0f s, target %.0f s, speed-up %.2fx (anchor 3x)\n' \
	"$base" "$target" "$(echo "$base / $target" | bc -l)"
