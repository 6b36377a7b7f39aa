-- annot install script.  Built from src/ddl/NN_*.sql in name order.

\echo Use "CREATE EXTENSION annot" to load this file. \quit

-- Literal validation for PostgreSQL 15, which has no pg_input_is_valid().

CREATE FUNCTION annot.input_error_info(literal text, type regtype,
	OUT message text, OUT detail text, OUT hint text, OUT sql_error_code text)
RETURNS record
AS 'MODULE_PATHNAME', 'input_error_info'
LANGUAGE C STRICT STABLE PARALLEL UNSAFE;

COMMENT ON FUNCTION annot.input_error_info(text, regtype) IS
'The error that casting the literal to the type would raise (message, detail, hint, SQLSTATE), or all NULL when the literal is valid; pg_input_error_info() for PostgreSQL 15';

CREATE FUNCTION annot.input_is_valid(literal text, type regtype)
RETURNS boolean
AS 'MODULE_PATHNAME', 'input_is_valid'
LANGUAGE C STRICT STABLE PARALLEL UNSAFE;

COMMENT ON FUNCTION annot.input_is_valid(text, regtype) IS
'Whether the literal is valid input for the type; pg_input_is_valid() for PostgreSQL 15';
