-- annot.input_is_valid and annot.input_error_info call annot's own input
-- functions without a subtransaction: input_is_valid is a C function now,
-- and both cost what a cast of an annot literal costs.
CREATE OR REPLACE FUNCTION annot.input_is_valid(literal text, type regtype)
RETURNS boolean
AS 'MODULE_PATHNAME', 'input_is_valid'
LANGUAGE C STRICT STABLE PARALLEL UNSAFE
COST 10;
ALTER FUNCTION annot.input_error_info(text, regtype) COST 10;
