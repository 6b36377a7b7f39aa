-- Set-up shared by every regression file (run first): the extensions, the
-- search path each session starts with, and helpers the files use.
SET client_min_messages = warning;
CREATE EXTENSION annot;
CREATE EXTENSION postgis;
RESET client_min_messages;
-- operators live in schema annot: every later session has it on its path
DO $$ BEGIN
	EXECUTE format('ALTER DATABASE %I SET search_path = public, annot', current_database());
END $$;

-- the SQLSTATE, message and detail a statement raises, or 'ok'
CREATE FUNCTION public.outcome(q text) RETURNS text AS $$
DECLARE
	detail text;
BEGIN
	EXECUTE q;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' (' || nullif(detail, '') || ')', '');
END $$ LANGUAGE plpgsql;

-- numbers to 12 places, so the output does not hang on the last bit
CREATE FUNCTION public.r(x float8) RETURNS numeric AS $$
	SELECT round(x::numeric, 12)
$$ LANGUAGE sql;
