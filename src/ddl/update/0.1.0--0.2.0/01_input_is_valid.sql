-- annot.input_is_valid calls annot's own input functions without a
-- subtransaction: a C function now.
CREATE OR REPLACE FUNCTION annot.input_is_valid(literal text, type regtype)
RETURNS boolean
AS 'MODULE_PATHNAME', 'input_is_valid'
LANGUAGE C STRICT STABLE PARALLEL UNSAFE;
