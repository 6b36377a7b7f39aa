#!/usr/bin/env bash
# functions.sh -- write doc/FUNCTIONS.md, the index of every SQL object of
# annot with its COMMENT, from the catalog of a database where the built
# extension is installed.
#   bash scripts/functions.sh            build, install, throwaway cluster
#                                        (port $ANNOT_DOC_PORT, 54363), write
#                                        doc/FUNCTIONS.md
#   bash scripts/functions.sh --stdout   print the index, using the server
#                                        of the PG* environment (the test
#                                        command compares it with the file)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

index() {
	local db=annot_function_index
	export PGOPTIONS="-c client_min_messages=warning"
	psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -f - <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION annot;
-- names print qualified unless they are PostgreSQL's own
SET search_path = pg_catalog;
CREATE TEMP TABLE members AS
SELECT d.classid, d.objid, obj_description(d.objid, c.relname) AS about
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'annot'
JOIN pg_class c ON c.oid = d.classid
WHERE d.deptype = 'e';
CREATE TEMP TABLE entries (section int, heading text, sortkey text, line text);
-- a table cell: code spans for names, | escaped, one line
CREATE FUNCTION pg_temp.cell(s text) RETURNS text LANGUAGE sql IMMUTABLE
RETURN replace(regexp_replace(coalesce(s, ''), '\s+', ' ', 'g'), '|', '\|');

INSERT INTO entries
SELECT 1, 'Types', t.typname, '| `' || format_type(t.oid, NULL) || '` | ' ||
	CASE t.typtype WHEN 'c' THEN 'composite' WHEN 'd' THEN 'domain' WHEN 'e' THEN 'enum'
		ELSE CASE WHEN t.typlen = -1 THEN 'variable length' ELSE t.typlen || ' bytes' END END ||
	' | ' || pg_temp.cell(m.about) || ' |'
FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
WHERE NOT (t.typelem <> 0 AND t.typlen = -1);

INSERT INTO entries
SELECT CASE WHEN p.prokind = 'a' THEN 3
		WHEN p.proargtypes::oid[] || p.prorettype && '{internal,cstring}'::regtype[]::oid[] THEN 7 ELSE 2 END,
	CASE WHEN p.prokind = 'a' THEN 'Aggregates'
		WHEN p.proargtypes::oid[] || p.prorettype && '{internal,cstring}'::regtype[]::oid[]
		THEN 'Support functions (type input and output, aggregates, indexes)'
		ELSE 'Functions' END,
	p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')',
	'| `' || pg_temp.cell(p.pronamespace::regnamespace || '.' || quote_ident(p.proname) || '(' ||
		pg_get_function_arguments(p.oid) || ')') || '` | `' ||
		pg_temp.cell(pg_get_function_result(p.oid)) || '` | ' || pg_temp.cell(m.about) || ' |'
FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid;

INSERT INTO entries
SELECT 4, 'Operators', o.oprname || ' ' || o.oprleft::regtype || ' ' || o.oprright::regtype,
	'| `' || pg_temp.cell(CASE WHEN o.oprleft <> 0 THEN format_type(o.oprleft, NULL) || ' ' ELSE '' END ||
		o.oprname || ' ' || format_type(o.oprright, NULL)) || '` | `' ||
		format_type(o.oprresult, NULL) || '` | `' || o.oprcode::regproc || '` | ' ||
		pg_temp.cell(m.about) || ' |'
FROM members m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid;

INSERT INTO entries
SELECT 5, 'Casts', format_type(c.castsource, NULL) || ' ' || format_type(c.casttarget, NULL),
	'| `' || format_type(c.castsource, NULL) || '` | `' || format_type(c.casttarget, NULL) ||
	'` | ' || CASE c.castcontext WHEN 'i' THEN 'implicit' WHEN 'a' THEN 'assignment'
		ELSE 'explicit' END || ' | ' || pg_temp.cell(m.about) || ' |'
FROM members m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid;

INSERT INTO entries
SELECT 6, 'Operator classes', a.amname || ' ' || c.opcname,
	'| `' || c.opcnamespace::regnamespace || '.' || c.opcname || '` | ' || a.amname || ' | `' ||
	format_type(c.opcintype, NULL) || '` | ' || CASE WHEN c.opcdefault THEN 'yes' ELSE 'no' END ||
	' | ' || pg_temp.cell(m.about) || ' |'
FROM members m JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid
JOIN pg_am a ON a.oid = c.opcmethod;

SELECT '# Function index' UNION ALL SELECT '' UNION ALL
SELECT 'Every SQL object of annot ' || extversion || ' with its comment, from the ' ||
	'catalog (`bash scripts/functions.sh` writes this file; the test command checks ' ||
	'that it is current). The README explains them by type; all live in schema `annot`.'
FROM pg_extension WHERE extname = 'annot';
WITH heads(section, head) AS (VALUES
	(1, '| type | storage | description |' || chr(10) || '|---|---|---|'),
	(2, '| function | returns | description |' || chr(10) || '|---|---|---|'),
	(3, '| aggregate | returns | description |' || chr(10) || '|---|---|---|'),
	(4, '| operator | returns | function | description |' || chr(10) || '|---|---|---|---|'),
	(5, '| from | to | context | description |' || chr(10) || '|---|---|---|---|'),
	(6, '| operator class | index method | type | default | description |' || chr(10) ||
		'|---|---|---|---|---|'),
	(7, '| function | returns | description |' || chr(10) || '|---|---|---|'))
SELECT string_agg(chunk, chr(10) ORDER BY section)
FROM (
	SELECT e.section, chr(10) || '## ' || min(e.heading) || chr(10) || chr(10) || min(h.head) ||
		chr(10) || string_agg(e.line, chr(10) ORDER BY e.sortkey COLLATE "C", e.line COLLATE "C") AS chunk
	FROM entries e JOIN heads h USING (section)
	GROUP BY e.section
) s;
SQL
	psql -X -q -d postgres -c "DROP DATABASE $db" >/dev/null
}

if [ "${1:-}" = --stdout ]; then
	index
	exit 0
fi

source "$root/scripts/common.sh"
ensure_packages
build_and_install
trap stop_cluster EXIT
start_cluster functions "${ANNOT_DOC_PORT:-54363}"
index >"$root/doc/FUNCTIONS.md"
log "wrote doc/FUNCTIONS.md"
