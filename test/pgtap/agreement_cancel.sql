-- A cancel or statement_timeout stops long agreement work within 100 ms:
-- adding ratings streamed by a set-returning function (no scan checks for
-- a cancel there), sorting and reading a state, and merging states (each
-- query runs in a second session: tap_util.cancel_delay).
BEGIN;
SELECT plan(3);

SELECT cmp_ok(tap_util.cancel_delay(
	$$SELECT annot.fleiss_kappa(g % 500000, g % 7)::text FROM (SELECT generate_series(1, 4000000) AS g) s$$,
	800), '<', 100::float8,
	'fleiss_kappa over 4M ratings stops within 100 ms of a cancel');
SELECT cmp_ok(tap_util.cancel_delay(
	$$SELECT annot.cohen_kappa(g % 7, g % 5)::text FROM (SELECT generate_series(1, 40000000) AS g) s$$,
	800), '<', 100::float8,
	'cohen_kappa over 40M pairs stops within 100 ms of a cancel');
SELECT cmp_ok(tap_util.cancel_delay(
	$$SELECT annot.agreement_merge(s)::text FROM (SELECT annot.agreement_items(g, g % 5) AS s
		FROM (SELECT generate_series(1, 3000000) AS g) x GROUP BY g % 3) y$$, 2000), '<', 100::float8,
	'building and merging 3M-item states stops within 100 ms of a cancel');

SELECT * FROM finish();
ROLLBACK;
