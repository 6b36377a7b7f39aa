#!/usr/bin/env bash
# readme.sh -- splice doc/reference/*.md (in name order) into README.md
# between the reference markers.  With --check, change nothing and exit
# non-zero when README.md is not what the splice gives.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python3 - "$root" "${1:-}" <<'PY'
import pathlib, sys
root = pathlib.Path(sys.argv[1])
readme = root / "README.md"
text = readme.read_text()
begin, end = "<!-- reference:begin -->", "<!-- reference:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
parts = [p.read_text().strip() + "\n" for p in sorted((root / "doc/reference").glob("*.md"))]
spliced = head + begin + "\n\n" + "\n".join(parts) + "\n" + end + tail
if sys.argv[2] == "--check":
    if spliced != text:
        print("README.md is not what doc/reference gives: run bash scripts/readme.sh")
        sys.exit(1)
else:
    readme.write_text(spliced)
PY
