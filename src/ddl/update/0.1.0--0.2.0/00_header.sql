-- Schema annot becomes the extension's own (see 00_header.sql).  0.1.0 let
-- CREATE EXTENSION create it, outside the extension, with the extension
-- registered in it.  This script runs with search_path = annot, a schema
-- another role may have had rights in: everything it names is qualified.

-- A schema annot that another role created is not taken over: its owner
-- could have placed objects in it.
DO $$
DECLARE
	ext pg_catalog.pg_extension;
	owner pg_catalog.oid;
BEGIN
	SELECT * INTO ext FROM pg_catalog.pg_extension
	WHERE extname OPERATOR(pg_catalog.=) 'annot';
	SELECT nspowner INTO owner FROM pg_catalog.pg_namespace
	WHERE oid OPERATOR(pg_catalog.=) ext.extnamespace;
	IF owner OPERATOR(pg_catalog.<>) ext.extowner THEN
		RAISE EXCEPTION 'schema "annot" is owned by role %, not by the owner of extension annot',
			owner::pg_catalog.regrole
		USING ERRCODE = 'insufficient_privilege',
			DETAIL = 'Objects of another role in schema annot would be found before or instead of annot''s own.',
			HINT = 'Check the schema''s contents, then ALTER SCHEMA annot OWNER TO the extension''s owner and update again.';
	END IF;
END
$$;

-- Register the extension in pg_catalog, as a fresh install does, so that
-- schema annot can become a member; pg_catalog is pinned, hence no
-- dependency on it.
UPDATE pg_catalog.pg_extension
SET extnamespace = 'pg_catalog'::pg_catalog.regnamespace
WHERE extname OPERATOR(pg_catalog.=) 'annot';
DELETE FROM pg_catalog.pg_depend
WHERE classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
	AND objid OPERATOR(pg_catalog.=) (SELECT oid FROM pg_catalog.pg_extension
		WHERE extname OPERATOR(pg_catalog.=) 'annot')
	AND refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_namespace'::pg_catalog.regclass;
ALTER EXTENSION annot ADD SCHEMA annot;
COMMENT ON SCHEMA annot IS
'Types, functions, operators and aggregates of the annot extension (annotation quality assurance), created and dropped with it';
GRANT USAGE ON SCHEMA annot TO PUBLIC;

ALTER FUNCTION annot.input_error_info(text, regtype) COST 50;

CREATE OR REPLACE FUNCTION annot.input_is_valid(literal text, type regtype)
RETURNS boolean
LANGUAGE sql STRICT STABLE PARALLEL UNSAFE COST 100
BEGIN ATOMIC
	SELECT (annot.input_error_info(literal, type)).sql_error_code IS NULL;
END;

-- ALTER EXTENSION UPDATE keeps the comment of the first install: say what
-- this version contains (the comment of annot.control).
COMMENT ON EXTENSION annot IS
'annotation quality assurance for computer-vision datasets: box, polygon and RLE mask types with IoU, Dice and COCO JSON; inter-annotator agreement aggregates and mergeable agreement states';
