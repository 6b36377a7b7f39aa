-- The extension's catalog entries keep the project's rules:
-- every object is commented, and functions declare honest properties.

-- objects of the extension without a COMMENT (expect none)
SELECT pg_describe_object(d.classid, d.objid, d.objsubid) AS uncommented
FROM pg_depend d
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'annot'
WHERE d.deptype = 'e'
	AND d.classid <> 'pg_amproc'::regclass
	AND d.classid <> 'pg_amop'::regclass
	-- array types and the schema itself are described by their element/extension
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
