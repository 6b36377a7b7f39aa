-- annot install script.  Built from src/ddl/NN_*.sql in name order.

\echo Use "CREATE EXTENSION annot" to load this file. \quit

-- The schema.  annot creates schema annot and owns it (it is a member of the
-- extension, so DROP EXTENSION removes it): no other role can have placed
-- objects in it where annot's callers look them up.  The extension itself
-- is registered in pg_catalog (annot.control), as a schema that contains the
-- extension cannot be one of its members.  This script runs with
-- search_path = pg_catalog: every object it creates is named with its
-- schema.

DO $$
BEGIN
	IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'annot') THEN
		RAISE EXCEPTION 'schema "annot" already exists'
		USING ERRCODE = 'duplicate_schema',
			DETAIL = 'annot creates its schema and owns it, so that no other role can have placed objects where annot''s functions are looked up.',
			HINT = 'Drop or rename the existing schema annot, then run CREATE EXTENSION annot again.';
	END IF;
END
$$;

CREATE SCHEMA annot;
COMMENT ON SCHEMA annot IS
'Types, functions, operators and aggregates of the annot extension (annotation quality assurance), created and dropped with it';
-- Every role may use annot's objects; functions and types are PUBLIC by default.
GRANT USAGE ON SCHEMA annot TO PUBLIC;

-- Literal validation for PostgreSQL 15, which has no pg_input_is_valid().

CREATE FUNCTION annot.input_error_info(literal text, type regtype,
	OUT message text, OUT detail text, OUT hint text, OUT sql_error_code text)
RETURNS record
AS 'MODULE_PATHNAME', 'input_error_info'
LANGUAGE C STRICT STABLE PARALLEL UNSAFE
-- a subtransaction around the type's input function: some 50 times a
-- plain operator's cost
COST 50;

COMMENT ON FUNCTION annot.input_error_info(text, regtype) IS
'The error that casting the literal to the type would raise (message, detail, hint, SQLSTATE), or all NULL when the literal is valid; pg_input_error_info() for PostgreSQL 15';

CREATE FUNCTION annot.input_is_valid(literal text, type regtype)
RETURNS boolean
LANGUAGE sql STRICT STABLE PARALLEL UNSAFE COST 100
BEGIN ATOMIC
	SELECT (annot.input_error_info(literal, type)).sql_error_code IS NULL;
END;

COMMENT ON FUNCTION annot.input_is_valid(text, regtype) IS
'Whether the literal is valid input for the type; pg_input_is_valid() for PostgreSQL 15';
