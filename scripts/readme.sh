#!/usr/bin/env bash
# readme.sh -- splice doc/reference/*.md (in name order) into README.md
# between the reference markers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python3 - "$root" <<'PY'
import pathlib, sys
root = pathlib.Path(sys.argv[1])
readme = root / "README.md"
text = readme.read_text()
begin, end = "<!-- reference:begin -->", "<!-- reference:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
parts = [p.read_text().strip() + "\n" for p in sorted((root / "doc/reference").glob("*.md"))]
readme.write_text(head + begin + "\n\n" + "\n".join(parts) + "\n" + end + tail)
PY
