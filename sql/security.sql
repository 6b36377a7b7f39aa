-- Security: annot owns its schema, ordinary roles can install and use it,
-- and no SQL-language function of annot runs objects planted on the
-- caller's search path.

CREATE ROLE regress_annot_installer LOGIN;	-- may create in one database
CREATE ROLE regress_annot_user LOGIN;		-- nothing but the defaults
\set regress_db :DBNAME
CREATE DATABASE regress_annot_security;
GRANT CREATE ON DATABASE regress_annot_security TO regress_annot_installer;
\c regress_annot_security
SET client_min_messages = warning;

-- 1. A schema annot that exists already, here made by an ordinary role
-- who could fill it with look-alike functions, is refused.
SET ROLE regress_annot_installer;
CREATE SCHEMA annot;
RESET ROLE;
CREATE EXTENSION annot;
DROP SCHEMA annot;

-- The extension makes its schema, owns it as a member, and takes it along
-- when it is dropped.
CREATE EXTENSION annot;
SELECT e.extnamespace::regnamespace AS registered_in,
	(SELECT count(*) FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
		AND d.objid = 'annot'::regnamespace AND d.refobjid = e.oid
		AND d.deptype = 'e') AS schema_is_member,
	(SELECT nspacl FROM pg_namespace WHERE nspname = 'annot') AS schema_acl
FROM pg_extension e WHERE e.extname = 'annot';
DROP EXTENSION annot;
SELECT count(*) AS schemas_left FROM pg_namespace WHERE nspname = 'annot';

-- 2. annot is trusted: a role that may create objects in the database
-- installs it without superuser rights, and owns the extension.
SET ROLE regress_annot_installer;
CREATE EXTENSION annot;
SELECT extname, extowner::regrole FROM pg_extension WHERE extname = 'annot';
RESET ROLE;

-- 3. A role with no grants uses every type, functions, operators and
-- aggregates: USAGE on the schema is PUBLIC's, as is EXECUTE on functions.
SET ROLE regress_annot_user;
SET search_path = public, annot;
CREATE TEMP TABLE labels (item int, rater int, box annot.bbox, outline annot.poly,
	pixels annot.mask, label text);
INSERT INTO labels VALUES
	(1, 1, '(0,0),(10,10)', '[[0,0,10,0,10,10,0,10]]', '{"size": [4, 4], "counts": [0, 8, 8]}', 'cat'),
	(1, 2, '(1,1),(11,11)', '[[1,1,11,1,11,11,1,11]]', '{"size": [4, 4], "counts": [4, 8, 4]}', 'cat'),
	(2, 1, '(5,5),(8,9)', '[[5,5,8,5,8,9]]', '{"size": [4, 4], "counts": [16]}', 'dog'),
	(2, 2, '(5,5),(8,8)', '[[5,5,8,5,8,8]]', '{"size": [4, 4], "counts": [1, 15]}', 'cat');
SELECT a.item, annot.iou(a.box, b.box) AS box_iou, annot.iou(a.outline, b.outline) AS poly_iou,
	annot.iou(a.pixels, b.pixels) AS mask_iou, a.box && b.box AS overlap,
	annot.area(a.pixels & b.pixels) AS both_pixels
FROM labels a JOIN labels b ON a.item = b.item AND a.rater = 1 AND b.rater = 2
ORDER BY 1;
SELECT round(cohen_kappa(a.label, b.label)::numeric, 12) AS kappa,
	round((fleiss_kappa_ci(l.item, l.label)).estimate::numeric, 12) AS fleiss,
	annot.extent(l.box) AS extent, annot.area(annot.union(l.pixels)) AS union_pixels
FROM labels l JOIN labels a ON a.item = l.item AND a.rater = 1
	JOIN labels b ON b.item = l.item AND b.rater = 2;
SELECT annot.input_is_valid('(3,2),(1,4)', 'annot.bbox') AS bad_box_valid,
	(annot.input_error_info('[[1,2]]', 'annot.poly')).sql_error_code;
DROP TABLE labels;
RESET search_path;
RESET ROLE;

-- The installer, not a superuser, drops it again, schema and all.
SET ROLE regress_annot_installer;
DROP EXTENSION annot;
RESET ROLE;
SELECT count(*) AS schemas_left FROM pg_namespace WHERE nspname = 'annot';

\c :regress_db
DROP DATABASE regress_annot_security;
DROP ROLE regress_annot_installer;
DROP ROLE regress_annot_user;

-- annot.input_error_info catches what a type's input function raises, but
-- not a cancel: a statement timeout during a slow domain check still ends
-- the statement.
CREATE DOMAIN pg_temp.short_text AS text CHECK (length(VALUE) < 2);
SELECT sql_error_code FROM annot.input_error_info('xyz', 'pg_temp.short_text');
CREATE DOMAIN pg_temp.slow_text AS text CHECK (pg_sleep(0.5) IS NOT NULL);
SET statement_timeout = '100ms';
SELECT * FROM annot.input_error_info('x', 'pg_temp.slow_text');
RESET statement_timeout;

-- 4. search_path capture.  Look-alikes of every function and operator the
-- SQL-language bodies of annot mention are planted in public, and every
-- such function is called with search_path = public, pg_catalog, annot: a
-- planted object that runs raises "planted ... ran".
BEGIN;
CREATE TEMP TABLE sql_functions AS
SELECT p.oid::regprocedure AS fn, coalesce(pg_get_function_sqlbody(p.oid), p.prosrc) AS body
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'annot'
JOIN pg_language l ON l.oid = p.prolang
WHERE l.lanname IN ('sql', 'plpgsql');

-- How each is called: an argument list (a confusion matrix from a table,
-- since computing it must not use the planted path).
CREATE TEMP TABLE security_cm AS
SELECT annot.confusion_matrix(t, p) AS cm
FROM (VALUES ('cat', 'cat'), ('cat', 'dog'), ('dog', 'dog'), ('bird', 'dog')) v(t, p);
CREATE TEMP TABLE security_calls (fn text, args text);
INSERT INTO security_calls VALUES
	('annot.input_is_valid(text,regtype)', $$'(1,2),(3,4)', 'annot.bbox'$$),
	('annot.confusion_classes(jsonb)', '(SELECT cm FROM security_cm)'),
	('annot.confusion_cells(jsonb)', '(SELECT cm FROM security_cm)');

-- SQL-language functions without a way to call them here (expect none)
SELECT fn AS not_called FROM sql_functions
WHERE fn NOT IN (SELECT fn::regprocedure FROM security_calls);

-- the plants: every function of pg_catalog or annot named in a body, and
-- every operator whose name appears in one, for all its argument types
CREATE TEMP TABLE planted (kind text, name text);
DO $$
DECLARE
	bodies text := (SELECT string_agg(body, ' ') FROM sql_functions);
	r record;
	n int := 0;
BEGIN
	FOR r IN
		SELECT p.proname, pg_get_function_arguments(p.oid) AS args,
			pg_get_function_result(p.oid) AS result
		FROM pg_proc p
		WHERE p.pronamespace IN ('pg_catalog'::regnamespace, 'annot'::regnamespace)
			AND p.prokind = 'f' AND bodies ~ ('\m' || p.proname || '\s*\(')
	LOOP
		BEGIN
			EXECUTE format('CREATE FUNCTION public.%I(%s) RETURNS %s LANGUAGE plpgsql AS %L',
				r.proname, r.args, r.result,
				format('BEGIN RAISE EXCEPTION %L; END', 'planted function ' || r.proname || ' ran'));
			INSERT INTO planted VALUES ('function', r.proname);
		EXCEPTION WHEN OTHERS THEN
			NULL;	-- not expressible in PL/pgSQL (internal arguments)
		END;
	END LOOP;
	FOR r IN
		SELECT o.oprname, o.oprleft, o.oprright, o.oprresult
		FROM pg_operator o
		WHERE o.oprnamespace IN ('pg_catalog'::regnamespace, 'annot'::regnamespace)
			AND o.oprname IN (SELECT (regexp_matches(bodies, '[-+*/<>=~!@#%^&|`?]+', 'g'))[1])
	LOOP
		n := n + 1;
		BEGIN
			EXECUTE format('CREATE FUNCTION public.planted_op_%s(%s) RETURNS %s LANGUAGE plpgsql AS %L',
				n, concat_ws(', ', nullif(r.oprleft, 0)::regtype, r.oprright::regtype),
				r.oprresult::regtype,
				format('BEGIN RAISE EXCEPTION %L; END', 'planted operator ' || r.oprname || ' ran'));
			EXECUTE format('CREATE OPERATOR public.%s (%s RIGHTARG = %s, FUNCTION = public.planted_op_%s)',
				r.oprname, CASE WHEN r.oprleft <> 0 THEN format('LEFTARG = %s,', r.oprleft::regtype) END,
				r.oprright::regtype, n);
			INSERT INTO planted VALUES ('operator', r.oprname);
		EXCEPTION WHEN OTHERS THEN
			NULL;	-- pseudo-types
		END;
	END LOOP;
END
$$;

-- what was planted
SELECT kind, string_agg(DISTINCT name, ' ') AS names FROM planted GROUP BY kind ORDER BY kind;

-- run a statement with the planted path; its error, or 'ok'
CREATE FUNCTION pg_temp.with_planted_path(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
	saved text := pg_catalog.current_setting('search_path');
	result text := 'ok';
BEGIN
	BEGIN
		PERFORM pg_catalog.set_config('search_path', 'public, pg_catalog, annot', true);
		EXECUTE q;
		PERFORM pg_catalog.set_config('search_path', saved, true);
	EXCEPTION WHEN OTHERS THEN
		result := SQLERRM;
	END;
	RETURN result;
END
$$;

-- the plants work: a body written as 0.1.0 wrote confusion_classes runs them
CREATE FUNCTION public.unbound_classes(cm jsonb) RETURNS SETOF text AS $$
	SELECT c->>'label' FROM jsonb_array_elements(cm->'classes') AS c
$$ LANGUAGE sql;
SELECT pg_temp.with_planted_path('SELECT * FROM public.unbound_classes((SELECT cm FROM security_cm))');

-- annot's own functions run none of them
SELECT c.fn, pg_temp.with_planted_path(format('SELECT * FROM %s(%s)',
	regexp_replace(c.fn, '\(.*', ''), c.args)) AS outcome
FROM security_calls c ORDER BY 1;
ROLLBACK;
