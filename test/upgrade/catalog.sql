-- A normalized description of everything extension annot owns: one line
-- per property, free of OIDs, so that two databases can be compared with
-- diff (an updated installation against a fresh one).
\pset format unaligned
\pset tuples_only on
WITH members AS (
	SELECT d.classid, d.objid
	FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
	WHERE e.extname = 'annot' AND d.deptype = 'e'
), lines AS (
	-- every member, and its comment
	SELECT pg_describe_object(m.classid, m.objid, 0) AS obj,
		'comment=' || coalesce(obj_description(m.objid, c.relname), '<none>') AS prop
	FROM members m JOIN pg_class c ON c.oid = m.classid
	UNION ALL
	-- the extension itself, what it depends on, and its schema
	SELECT 'extension annot', 'version=' || extversion || ' schema=' ||
		extnamespace::regnamespace || ' relocatable=' || extrelocatable ||
		' config=' || coalesce(extconfig::text, '') ||
		' comment=' || coalesce(obj_description(oid, 'pg_extension'), '<none>')
	FROM pg_extension WHERE extname = 'annot'
	UNION ALL
	SELECT 'extension annot depends on', pg_describe_object(d.refclassid, d.refobjid, 0) ||
		' ' || d.deptype::text
	FROM pg_depend d JOIN pg_extension e ON d.classid = 'pg_extension'::regclass
		AND d.objid = e.oid
	WHERE e.extname = 'annot'
	UNION ALL
	SELECT 'schema ' || n.nspname, 'owner_is_extension_owner=' ||
		(n.nspowner = e.extowner) || ' acl=' || coalesce(n.nspacl::text, '<default>') ||
		' member=' || EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass
			AND d.objid = n.oid AND d.refobjid = e.oid AND d.deptype = 'e')
	FROM pg_namespace n, pg_extension e
	WHERE e.extname = 'annot' AND n.nspname = 'annot'
	UNION ALL
	-- the privileges recorded as the extension's own (pg_dump dumps changes
	-- to them), for the members and the schema
	SELECT 'initial privileges of ' || pg_describe_object(i.classoid, i.objoid, i.objsubid),
		i.privtype::text || ' ' || i.initprivs::text
	FROM pg_init_privs i
	WHERE (i.classoid, i.objoid) IN (SELECT classid, objid FROM members)
		OR (i.classoid = 'pg_namespace'::regclass
			AND i.objoid = (SELECT oid FROM pg_namespace WHERE nspname = 'annot'))
	UNION ALL
	-- functions, procedures and aggregates
	SELECT p.oid::regprocedure::text, concat_ws(' ',
		'kind=' || p.prokind::text, 'result=' || pg_get_function_result(p.oid),
		'args=' || pg_get_function_arguments(p.oid),
		'lang=' || l.lanname, 'volatile=' || p.provolatile::text,
		'parallel=' || p.proparallel::text, 'strict=' || p.proisstrict,
		'secdef=' || p.prosecdef, 'leakproof=' || p.proleakproof,
		'cost=' || p.procost, 'rows=' || p.prorows,
		'support=' || p.prosupport::regproc, 'config=' || coalesce(p.proconfig::text, ''),
		'bin=' || coalesce(p.probin, ''), 'src=' || coalesce(p.prosrc, ''),
		'body=' || coalesce(pg_get_function_sqlbody(p.oid), ''),
		'acl=' || coalesce(p.proacl::text, '<default>'))
	FROM members m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	JOIN pg_language l ON l.oid = p.prolang
	UNION ALL
	SELECT a.aggfnoid::regprocedure::text, concat_ws(' ',
		'aggkind=' || a.aggkind::text, 'direct=' || a.aggnumdirectargs,
		'trans=' || a.aggtransfn::regproc, 'final=' || a.aggfinalfn::regproc,
		'combine=' || a.aggcombinefn::regproc, 'serial=' || a.aggserialfn::regproc,
		'deserial=' || a.aggdeserialfn::regproc, 'mtrans=' || a.aggmtransfn::regproc,
		'minv=' || a.aggminvtransfn::regproc, 'mfinal=' || a.aggmfinalfn::regproc,
		'finalextra=' || a.aggfinalextra, 'finalmodify=' || a.aggfinalmodify::text,
		'sortop=' || a.aggsortop::regoperator, 'stype=' || a.aggtranstype::regtype,
		'sspace=' || a.aggtransspace, 'init=' || coalesce(a.agginitval, '<null>'),
		'mstype=' || a.aggmtranstype::regtype, 'minit=' || coalesce(a.aggminitval, '<null>'))
	FROM members m JOIN pg_aggregate a ON m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid
	UNION ALL
	-- types, their attributes and domain constraints
	SELECT t.oid::regtype::text, concat_ws(' ',
		'typtype=' || t.typtype::text, 'len=' || t.typlen, 'byval=' || t.typbyval,
		'category=' || t.typcategory::text, 'preferred=' || t.typispreferred,
		'align=' || t.typalign::text, 'storage=' || t.typstorage::text,
		'in=' || t.typinput::regproc, 'out=' || t.typoutput::regproc,
		'recv=' || t.typreceive::regproc, 'send=' || t.typsend::regproc,
		'modin=' || t.typmodin::regproc, 'modout=' || t.typmodout::regproc,
		'analyze=' || t.typanalyze::regproc, 'subscript=' || t.typsubscript::regproc,
		'elem=' || t.typelem::regtype, 'array=' || t.typarray::regtype,
		'base=' || t.typbasetype::regtype, 'notnull=' || t.typnotnull,
		'default=' || coalesce(t.typdefault, '<null>'),
		'collation=' || t.typcollation, 'acl=' || coalesce(t.typacl::text, '<default>'))
	FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	UNION ALL
	SELECT t.oid::regtype::text || ' attribute ' || a.attnum, a.attname || ' ' ||
		format_type(a.atttypid, a.atttypmod)
	FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	SELECT t.oid::regtype::text || ' constraint ' || c.conname, pg_get_constraintdef(c.oid)
	FROM members m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	JOIN pg_constraint c ON c.contypid = t.oid
	UNION ALL
	-- operators
	SELECT o.oid::regoperator::text, concat_ws(' ',
		'kind=' || o.oprkind::text, 'result=' || o.oprresult::regtype, 'code=' || o.oprcode::regproc,
		'commutator=' || o.oprcom::regoperator, 'negator=' || o.oprnegate::regoperator,
		'restrict=' || o.oprrest::regproc, 'join=' || o.oprjoin::regproc,
		'merges=' || o.oprcanmerge, 'hashes=' || o.oprcanhash)
	FROM members m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	UNION ALL
	-- operator classes and families with their members
	SELECT pg_describe_object('pg_opclass'::regclass, c.oid, 0), concat_ws(' ',
		'family=' || pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0),
		'intype=' || c.opcintype::regtype, 'default=' || c.opcdefault,
		'keytype=' || c.opckeytype::regtype)
	FROM members m JOIN pg_opclass c ON m.classid = 'pg_opclass'::regclass AND c.oid = m.objid
	UNION ALL
	SELECT pg_describe_object('pg_opfamily'::regclass, ao.amopfamily, 0),
		'op ' || ao.amopstrategy || ' ' || ao.amopopr::regoperator || ' ' ||
		ao.amoplefttype::regtype || ',' || ao.amoprighttype::regtype || ' ' ||
		ao.amoppurpose::text || ' ' || ao.amopsortfamily
	FROM pg_amop ao
	WHERE ao.amopfamily IN (SELECT f.oid FROM members m JOIN pg_opfamily f
		ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid)
	UNION ALL
	SELECT pg_describe_object('pg_opfamily'::regclass, ap.amprocfamily, 0),
		'proc ' || ap.amprocnum || ' ' || ap.amproc::regprocedure || ' ' ||
		ap.amproclefttype::regtype || ',' || ap.amprocrighttype::regtype
	FROM pg_amproc ap
	WHERE ap.amprocfamily IN (SELECT f.oid FROM members m JOIN pg_opfamily f
		ON m.classid = 'pg_opfamily'::regclass AND f.oid = m.objid)
	UNION ALL
	-- casts
	SELECT pg_describe_object('pg_cast'::regclass, c.oid, 0), concat_ws(' ',
		'func=' || c.castfunc::regprocedure, 'context=' || c.castcontext::text,
		'method=' || c.castmethod::text)
	FROM members m JOIN pg_cast c ON m.classid = 'pg_cast'::regclass AND c.oid = m.objid
)
SELECT obj || ' | ' || prop FROM lines ORDER BY 1;
