-- A large optimal matching honours a cancel within 100 ms: the O(n^3)
-- assignment checks for interrupts once per row it adds.
\set ON_ERROR_STOP 1
BEGIN;
SET search_path = public, annot;
SELECT plan(1);

SELECT cmp_ok(tap_util.cancel_delay($q$
	SELECT count(*)::text FROM
		(SELECT annot.objects(1, i, 'a', annot.bbox(i % 1000, 0, i % 1000 + 50, 50)) AS o
			FROM generate_series(1, 3000) i) g,
		(SELECT annot.objects(1, i, 'a', annot.bbox(i % 1000 + 3, 0, i % 1000 + 53, 50), i::float8) AS o
			FROM generate_series(1, 3000) i) d,
		annot.match(g.o, d.o, method => 'optimal') m$q$, 400), '<', 100::float8,
	'a cancel stops the Hungarian method within 100 ms');

SELECT * FROM finish();
ROLLBACK;
