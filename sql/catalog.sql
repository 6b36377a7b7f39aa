-- The extension's catalog entries keep the project's rules:
-- every object is commented, and functions declare honest properties.

-- what the extension says it contains (the comment of annot.control)
SELECT obj_description(oid, 'pg_extension') AS says FROM pg_extension WHERE extname = 'annot';

-- objects of the extension without a COMMENT (expect none)
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS uncommented
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'annot'
WHERE d.deptype = 'e'
	AND d.classid <> 'pg_amproc'::regclass
	AND d.classid <> 'pg_amop'::regclass
	-- array types are described by their element type
	AND NOT (d.classid = 'pg_type'::regclass AND EXISTS (
		SELECT 1 FROM pg_type t WHERE t.oid = d.objid AND t.typelem <> 0 AND t.typlen = -1))
	AND obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)) IS NULL
ORDER BY 1;

-- C functions that are not IMMUTABLE or not PARALLEL SAFE (expect only the
-- literal checkers, which start subtransactions)
SELECT p.oid::regprocedure AS func, p.provolatile AS volatility, p.proparallel AS parallel
FROM pg_proc p
JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'annot'
WHERE p.provolatile <> 'i' OR p.proparallel <> 's'
ORDER BY 1::text;

-- aggregates without a combine function cannot run in parallel (expect none)
SELECT a.aggfnoid::regprocedure AS serial_only
FROM pg_aggregate a
JOIN pg_depend d ON d.objid = a.aggfnoid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'annot'
WHERE a.aggcombinefn = 0
ORDER BY 1::text;

-- operator classes that fail amvalidate (expect none)
WITH ours AS MATERIALIZED (
	SELECT opc.oid, opc.opcname
	FROM pg_opclass opc JOIN pg_namespace n ON n.oid = opc.opcnamespace
	WHERE n.nspname = 'annot')
SELECT opcname AS invalid_opclass FROM ours WHERE NOT amvalidate(oid)
ORDER BY 1;

-- members outside schema annot (expect none): the install script runs with
-- search_path = pg_catalog, so an unqualified name would land there
SELECT pg_describe_object(d.classid, d.objid, 0) AS outside_annot
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'annot'
WHERE d.deptype = 'e'
	AND coalesce(
		(SELECT pronamespace FROM pg_proc WHERE d.classid = 'pg_proc'::regclass AND oid = d.objid),
		(SELECT typnamespace FROM pg_type WHERE d.classid = 'pg_type'::regclass AND oid = d.objid),
		(SELECT oprnamespace FROM pg_operator WHERE d.classid = 'pg_operator'::regclass AND oid = d.objid),
		(SELECT opcnamespace FROM pg_opclass WHERE d.classid = 'pg_opclass'::regclass AND oid = d.objid),
		(SELECT opfnamespace FROM pg_opfamily WHERE d.classid = 'pg_opfamily'::regclass AND oid = d.objid),
		'annot'::regnamespace) <> 'annot'::regnamespace
ORDER BY 1;

-- SQL and PL/pgSQL functions whose body is looked up on the caller's
-- search_path at run time (expect none: BEGIN ATOMIC binds an SQL body at
-- creation; PL/pgSQL needs its own SET search_path)
SELECT p.oid::regprocedure AS unbound_body
FROM pg_proc p
JOIN pg_language l ON l.oid = p.prolang
JOIN pg_depend d ON d.objid = p.oid AND d.classid = 'pg_proc'::regclass AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'annot'
WHERE (l.lanname = 'sql' AND p.prosqlbody IS NULL)
	OR (l.lanname = 'plpgsql' AND NOT EXISTS (
		SELECT FROM unnest(p.proconfig) c WHERE c LIKE 'search\_path=%'))
ORDER BY 1::text;
