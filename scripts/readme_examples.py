#!/usr/bin/python3
"""readme_examples.py -- run every ```sql example of a Markdown file and
check the results it states.

Usage: readme_examples.py FILE.md   (connects with the PG* environment)

Each example runs in one transaction that is rolled back, so examples do
not see each other's tables or settings: in a database where annot is
installed, as a reader's would be (annot_docs), or, when the example
creates annot itself, in one where it is not (annot_docs_bare).  An
example with transaction control of its own runs in a fresh database
instead.

A stated result is the run of `--` comment lines directly below the line
that ends a query (SELECT, VALUES, TABLE, WITH, SHOW, EXPLAIN, or a
statement with RETURNING), no blank line between: psql's aligned output
of that query, without the row count.  With psql's header and its
`---+---` line it is compared with the header; without, with the rows
only (a single value is then just `-- value`).  Runs of blanks do not
matter, nor do the lengths of the `---` runs; everything else does.

Prints a line for each failure and ends with "N passed, N failed": one
test per example that runs, one per stated result.
"""
import os
import pathlib
import re
import subprocess
import sys
import tempfile

DB = "annot_docs"
TXN_CONTROL = re.compile(
    r"^\s*(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|VACUUM|CREATE\s+DATABASE|"
    r"DROP\s+DATABASE|ALTER\s+SYSTEM)\b(?!\s+ATOMIC)", re.I | re.M)


def psql(*args, **kw):
    return subprocess.run(["psql", "-X", "-q", *args], capture_output=True,
                          text=True, **kw)


def statement_ends(lines):
    """For each line, the column of a ';' on it that ends a statement and
    is followed only by blanks or a -- comment, or None.  Quotes, dollar
    quotes and block comments are tracked across lines."""
    ends = []
    state = None        # None, "'", '"', "/*" or a dollar tag
    for line in lines:
        end = None
        i = 0
        n = len(line)
        while i < n:
            c = line[i]
            if state is None:
                if line.startswith("--", i):
                    break
                if line.startswith("/*", i):
                    state = "/*"
                    i += 2
                    continue
                if c in "'\"":
                    state = c
                elif c == "$":
                    m = re.match(r"\$([A-Za-z_][A-Za-z_0-9]*)?\$", line[i:])
                    if m:
                        state = m.group(0)
                        i += len(state)
                        continue
                elif c == ";":
                    end = i
                elif not c.isspace():
                    end = None
            elif state == "/*":
                if line.startswith("*/", i):
                    state = None
                    i += 2
                    continue
            elif state in ("'", '"'):
                if c == state:
                    if line.startswith(state * 2, i):
                        i += 2
                        continue
                    state = None
            elif line.startswith(state, i):
                i += len(state)
                state = None
                continue
            i += 1
        ends.append(end if state is None else None)
    return ends


def is_rule(line):
    return re.fullmatch(r"-+(\+-+)*", line) is not None


def normalize(line):
    line = " ".join(line.split())
    if is_rule(line.replace(" ", "")):
        return re.sub(r"-+", "-", line.replace(" ", ""))
    return line


QUERY = re.compile(r"(SELECT|VALUES|TABLE|WITH|SHOW|EXPLAIN|\()", re.I)


def is_query(text):
    """Whether a statement's text (comments removed) returns rows."""
    text = text.lstrip()
    return QUERY.match(text) is not None or re.search(r"\bRETURNING\b", text, re.I) is not None


def prepare(block, outdir, index):
    """The block as a psql script whose checked statements write their
    output to files, and the list of (line, expected lines, file)."""
    lines = block.split("\n")
    ends = statement_ends(lines)
    out = []
    checks = []
    stmt = []           # the current statement's code, comments removed
    i = 0
    while i < len(lines):
        line = lines[i]
        expected = []
        j = i + 1
        code = re.sub(r"--.*", "", line) if ends[i] is None else line[:ends[i]]
        stmt.append(code)
        query = ends[i] is not None and is_query(" ".join(stmt))
        if ends[i] is not None:
            stmt = []
        if query:
            while j < len(lines) and lines[j].lstrip().startswith("--"):
                expected.append(lines[j].lstrip()[2:])
                j += 1
        if not expected:
            out.append(line)
            i += 1
            continue
        header = len(expected) >= 2 and is_rule(expected[1].strip().replace(" ", ""))
        path = os.path.join(outdir, f"{index:03d}_{len(checks):02d}.out")
        opts = "format=aligned footer=off tuples_only=" + ("off" if header else "on")
        out.append(line[:ends[i]] + f" \\g ({opts}) {path}")
        out.extend(lines[i + 1:j])
        checks.append((i, expected, path))
        i = j
    return "\n".join(out), checks


def main():
    md = pathlib.Path(sys.argv[1])
    text = md.read_text()
    blocks = [(text.count("\n", 0, m.start(1)) + 1, m.group(1))
              for m in re.finditer(r"^```sql\n(.*?)^```", text, re.S | re.M)]
    passed = failed = 0
    bare = DB + "_bare"
    r = psql("-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {DB}",
             "-c", f"DROP DATABASE IF EXISTS {bare}",
             "-c", f"CREATE DATABASE {DB}", "-c", f"CREATE DATABASE {bare}")
    if r.returncode == 0:
        r = psql("-d", DB, "-c", "CREATE EXTENSION annot")
    if r.returncode != 0:
        print(r.stderr.strip())
        print("0 passed, 1 failed")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        for index, (start, block) in enumerate(blocks, 1):
            script, checks = prepare(block, tmp, index)
            own_txn = TXN_CONTROL.search(block) is not None
            creates = "CREATE EXTENSION annot" in block
            if own_txn:
                db = f"{DB}_{index}"
                psql("-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {db}",
                     "-c", f"CREATE DATABASE {db}")
                body = ("" if creates else "CREATE EXTENSION annot;\n") + script + "\n"
            else:
                db = bare if creates else DB
                body = "BEGIN;\n" + script + "\nROLLBACK;\n"
            path = os.path.join(tmp, f"{index:03d}.sql")
            pathlib.Path(path).write_text(body)
            r = psql("-d", db, "-v", "ON_ERROR_STOP=1", "-f", path)
            if own_txn:
                psql("-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {db}")
            if r.returncode != 0:
                failed += 1
                print(f"{md.name} example at line {start} failed:")
                for line in (r.stdout + r.stderr).strip().split("\n")[-5:]:
                    print("    " + line)
                continue
            passed += 1
            for line, expected, out in checks:
                got = pathlib.Path(out).read_text().rstrip("\n").split("\n")
                want = [normalize(x) for x in expected]
                have = [normalize(x) for x in got]
                if want == have:
                    passed += 1
                    continue
                failed += 1
                print(f"{md.name} line {start + line}: the statement shows")
                for x in got:
                    print("    -- " + x.rstrip())
                print("  where the text says")
                for x in expected:
                    print("    --" + x.rstrip())
    psql("-d", "postgres", "-c", f"DROP DATABASE IF EXISTS {DB}",
         "-c", f"DROP DATABASE IF EXISTS {bare}")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
