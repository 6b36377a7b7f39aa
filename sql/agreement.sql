-- agreement aggregates: behaviour, label types, edge cases, parallel plans
-- and every error a user can cause, with its SQLSTATE

-- SAS PROC FREQ 3x3 example (statsmodels "table10"), one row per pair
CREATE TABLE agree_sas (a int, b int);
INSERT INTO agree_sas
SELECT a, b FROM (VALUES (1, 2, 4), (1, 3, 1), (2, 2, 8), (3, 2, 1), (3, 3, 5)) v(a, b, n),
	generate_series(1, n);

SELECT r(cohen_kappa(a, b)) AS kappa,
	r(cohen_kappa(a, b, 'linear')) AS linear,
	r(cohen_kappa(a, b, 'quadratic')) AS quadratic,
	r(cohen_kappa(a, b, 'unweighted')) AS unweighted
FROM agree_sas;
SELECT r(estimate) AS estimate, r(se) AS se,
	r(ci_lower) AS lower, r(ci_upper) AS upper, confidence,
	r(observed) AS observed, r(expected) AS expected,
	n_items, n_ratings, n_categories
FROM (SELECT (cohen_kappa_ci(a, b)).* FROM agree_sas) s;
-- a 90% interval is narrower, same estimate and error
SELECT r(ci_lower) AS lower, r(ci_upper) AS upper, confidence
FROM (SELECT (cohen_kappa_ci(a, b, 'unweighted', 0.9)).* FROM agree_sas) s;
-- observed levels (ranks) vs the full range (values), 1, 2 and 4 observed:
-- sklearn gives 0.4 and, with labels=[1,2,3,4], 0.347826086957
SELECT r(cohen_kappa(a, b, 'linear', 'observed')) AS observed,
	r(cohen_kappa(a, b, 'linear', 'range')) AS range,
	r(cohen_kappa(a * 10, b * 10, 'linear', 'range')) AS range_scaled
FROM (VALUES (1, 2), (2, 2), (4, 4), (4, 2), (1, 1), (2, 4)) v(a, b);

-- the confusion matrix and its rows
SELECT confusion_matrix(a, b) FROM agree_sas;
SELECT * FROM confusion_classes((SELECT confusion_matrix(a, b) FROM agree_sas));
SELECT * FROM confusion_cells((SELECT confusion_matrix(a, b) FROM agree_sas)) WHERE n > 0;
SELECT confusion_matrix(t, p) FROM (VALUES ('cat', 'cat'), ('dog', 'cat'),
	('dog', 'dog'), ('a "quoted" label', 'dog')) v(t, p);

-- label types: text, mixed integer widths, numeric scale, float -0,
-- char(n) padding, domains, enums
SELECT r(cohen_kappa(a, b)) FROM (VALUES ('x', 'x'), ('y', 'y'), ('x', 'y')) v(a, b);
SELECT r(cohen_kappa(a, b)) FROM (VALUES (1::smallint, 1::bigint), (2, 2), (1, 2)) v(a, b);
SELECT r(cohen_kappa(a, b)) AS numeric_scale
FROM (VALUES (1.0, 1.00), (2.50, 2.5), (1, 2.5)) v(a, b);
SELECT confusion_matrix(a, b) AS float_zero
FROM (VALUES ('-0'::float8, 0::float8), (1.5, 1.5)) v(a, b);
SELECT confusion_matrix(a::char(4), b::char(6)) AS padded
FROM (VALUES ('ab', 'ab  '), ('c', 'c')) v(a, b);
CREATE DOMAIN agree_grade AS int CHECK (VALUE BETWEEN 1 AND 5);
SELECT r(cohen_kappa(a::agree_grade, b::agree_grade, 'quadratic'))
FROM (VALUES (1, 1), (2, 3), (5, 4), (3, 3)) v(a, b);
CREATE TYPE agree_mood AS ENUM ('sad', 'ok', 'happy');
SELECT confusion_matrix(a::agree_mood, b::agree_mood)
FROM (VALUES ('sad', 'ok'), ('happy', 'happy'), ('ok', 'ok')) v(a, b);

-- edge cases: missing labels, empty groups, one category, one rater
SELECT cohen_kappa(a, b) AS all_null FROM (VALUES (NULL::int, 1), (2, NULL)) v(a, b);
SELECT cohen_kappa(a, b) AS empty FROM agree_sas WHERE false;
SELECT cohen_kappa_ci(a, b) AS empty_ci FROM agree_sas WHERE false;
SELECT r(cohen_kappa(a, b)) AS nulls_skipped
FROM (SELECT a, b FROM agree_sas UNION ALL VALUES (NULL, 1), (3, NULL)) s;
SELECT cohen_kappa(a, b) AS one_category, (cohen_kappa_ci(a, b)).*
FROM (VALUES (7, 7), (7, 7)) v(a, b);

CREATE TABLE agree_ratings (item int, rater int, label int);
INSERT INTO agree_ratings VALUES
	(1, 1, 1), (1, 2, 1), (1, 3, 2),
	(2, 1, 2), (2, 2, 2), (2, 3, 2),
	(3, 1, 3), (3, 2, 3), (3, 3, NULL),
	(4, 1, 1), (4, 2, 3), (4, 3, 3),
	(5, 1, 2);
SELECT r(fleiss_kappa(item, label)) AS fleiss,
	r(gwet_ac1(item, label)) AS ac1,
	r(percent_agreement(item, label)) AS pa,
	r(krippendorff_alpha(item, label)) AS alpha
FROM agree_ratings;
SELECT r(krippendorff_alpha(item, label, 'nominal')) AS nominal,
	r(krippendorff_alpha(item, label, 'ordinal')) AS ordinal,
	r(krippendorff_alpha(item, label, 'interval')) AS interval,
	r(krippendorff_alpha(item, label, 'ratio')) AS ratio
FROM agree_ratings;
SELECT w, r(fleiss_kappa(item, label, w)) AS fleiss,
	r(gwet_ac2(item, label, w)) AS ac2,
	r(percent_agreement(item, label, w)) AS pa
FROM agree_ratings, unnest(ARRAY['unweighted', 'linear', 'quadratic', 'ordinal',
	'radical', 'ratio', 'circular', 'bipolar']) w
GROUP BY w ORDER BY w;
SELECT 'fleiss' AS coef, r(estimate) AS estimate, r(se) AS se,
	r(ci_lower) AS lower, r(ci_upper) AS upper, n_items, n_ratings, n_categories
FROM (SELECT (fleiss_kappa_ci(item, label)).* FROM agree_ratings) s
UNION ALL
SELECT 'ac1', r(estimate), r(se), r(ci_lower), r(ci_upper), n_items, n_ratings, n_categories
FROM (SELECT (gwet_ac1_ci(item, label, 0.9)).* FROM agree_ratings) s
UNION ALL
SELECT 'ac2', r(estimate), r(se), r(ci_lower), r(ci_upper), n_items, n_ratings, n_categories
FROM (SELECT (gwet_ac2_ci(item, label, 'quadratic')).* FROM agree_ratings) s
UNION ALL
SELECT 'pa', r(estimate), r(se), r(ci_lower), r(ci_upper), n_items, n_ratings, n_categories
FROM (SELECT (percent_agreement_ci(item, label)).* FROM agree_ratings) s
UNION ALL
SELECT 'alpha', r(estimate), r(se), r(ci_lower), r(ci_upper), n_items, n_ratings, n_categories
FROM (SELECT (krippendorff_alpha_ci(item, label, 'interval')).* FROM agree_ratings) s;
-- items of any type; the same agree_ratings keyed by text and by uuid
SELECT r(fleiss_kappa('item ' || item, label)) AS text_items,
	r(fleiss_kappa(md5(item::text)::uuid, label)) AS uuid_items,
	r(fleiss_kappa(item, 'L' || label)) AS text_labels
FROM agree_ratings;
-- one category: chance agreement 1, coefficients undefined; percent agreement 1
SELECT fleiss_kappa(i, 'x') AS fleiss, gwet_ac1(i, 'x') AS ac1,
	krippendorff_alpha(i, 'x') AS alpha, percent_agreement(i, 'x') AS pa
FROM generate_series(1, 3) i, generate_series(1, 2) r;
-- one rater: nothing to compare
SELECT fleiss_kappa(i, i % 2) AS fleiss, krippendorff_alpha(i, i % 2) AS alpha,
	(fleiss_kappa_ci(i, i % 2)).n_items
FROM generate_series(1, 5) i;
SELECT fleiss_kappa(item, label) AS empty FROM agree_ratings WHERE false;
-- more categories than items
SELECT r(percent_agreement(1, g)) AS pa, r(krippendorff_alpha(1, g)) AS alpha,
	(fleiss_kappa_ci(1, g)).n_categories
FROM generate_series(1, 3000) g;
-- per group
SELECT item % 2 AS grp, r(percent_agreement(item, label)) AS pa
FROM agree_ratings GROUP BY 1 ORDER BY 1;

-- untyped literals: a quoted number in a text slot is the confidence level
SELECT (cohen_kappa_ci(a, b, 'linear', '0.9')) = (cohen_kappa_ci(a, b, 'linear', 0.9)) AS quoted_confidence,
	(cohen_kappa_ci(a, b, 'linear', '0.9')).confidence,
	(fleiss_kappa_ci(a, b, '0.9')).confidence AS fleiss,
	(krippendorff_alpha_ci(a, b, '0.8')).confidence AS alpha,
	(cohen_kappa_ci(a, b, 'linear', 'range', '0.9')).confidence AS five_args
FROM agree_sas;

-- labels of types whose text depends on settings compare by value
CREATE TABLE agree_when (a timestamptz, b timestamptz);
INSERT INTO agree_when VALUES ('2024-01-01 00:00+00', '2024-01-01 00:00+00'),
	('2024-01-01 00:00+00', '2024-01-02 00:00+00'), ('2024-01-02 00:00+00', '2024-01-02 00:00+00'),
	('2024-01-03 00:00:00.5+00', '2024-01-03 00:00:00.5+00'), ('2024-01-03 00:00:00.5+00', '2024-01-02 00:00+00');
CREATE TEMP TABLE agree_guc AS
SELECT r(cohen_kappa(a, b)) AS ts, r(cohen_kappa(a::date, b::date)) AS d,
	r(cohen_kappa(a::timestamp, b::timestamp)) AS t,
	r(cohen_kappa(extract(epoch FROM a)::float8 / 3, extract(epoch FROM b)::float8 / 3)) AS f,
	confusion_matrix(a, b) AS cm
FROM agree_when;
SELECT ts, d, t, f, cm FROM agree_guc;
SET TimeZone = 'America/New_York';
SET DateStyle = 'SQL, DMY';
SET extra_float_digits = -10;
SELECT g.ts = r(cohen_kappa(a, b)) AS ts, g.d = r(cohen_kappa(a::date, b::date)) AS d,
	g.t = r(cohen_kappa(a::timestamp, b::timestamp)) AS t,
	g.f = r(cohen_kappa(extract(epoch FROM a)::float8 / 3, extract(epoch FROM b)::float8 / 3)) AS f,
	g.cm = confusion_matrix(a, b) AS cm
FROM agree_when, agree_guc g GROUP BY g.ts, g.d, g.t, g.f, g.cm;
RESET TimeZone;
RESET DateStyle;
RESET extra_float_digits;
-- booleans, uuids and enums by their text; infinite dates and timestamps
SELECT confusion_matrix(a, b) FROM (VALUES (true, true), (false, true)) v(a, b);
SELECT r(cohen_kappa(a, b)) FROM (VALUES ('infinity'::date, 'infinity'::date), ('-infinity', '2020-01-01'),
	('2020-01-01', '2020-01-01')) v(a, b);
SELECT q, outcome(q) FROM (VALUES
	($$SELECT cohen_kappa(a, b) FROM (VALUES (point(1, 2), point(1, 2))) v(a, b)$$),
	($$SELECT fleiss_kappa(i, l) FROM (VALUES (1, '1 day'::interval), (1, '24 hours')) v(i, l)$$),
	($$SELECT fleiss_kappa(i, l) FROM (VALUES (row(1, 2), 1)) v(i, l)$$),
	($$SELECT cohen_kappa(a, b) FROM (VALUES ('{1}'::int[], '{1}'::int[])) v(a, b)$$)
) t(q);

-- agreement states: build, store, read any coefficient from one scan
CREATE TABLE agree_state AS
SELECT agreement_pairs(a, b) AS pairs FROM agree_sas;
SELECT pairs FROM agree_state;
SELECT (cohen_kappa(pairs)).* FROM agree_state;
SELECT (cohen_kappa(pairs)) = (SELECT cohen_kappa_ci(a, b) FROM agree_sas) AS same_kappa,
	(cohen_kappa(pairs, 'quadratic', confidence => 0.9)) =
		(SELECT cohen_kappa_ci(a, b, 'quadratic', 0.9) FROM agree_sas) AS same_weighted,
	(cohen_kappa(pairs, weights => 'linear', scale => 'range')) =
		(SELECT cohen_kappa_ci(a, b, 'linear', 'range') FROM agree_sas) AS same_range,
	confusion_matrix(pairs) = (SELECT confusion_matrix(a, b) FROM agree_sas) AS same_matrix
FROM agree_state;
SELECT agreement_items(item, label) AS items FROM agree_ratings;
SELECT r((fleiss_kappa(s)).estimate) AS fleiss, r((gwet_ac1(s)).estimate) AS ac1,
	r((gwet_ac2(s, 'quadratic')).estimate) AS ac2, r((percent_agreement(s)).estimate) AS pa,
	r((krippendorff_alpha(s, 'interval')).estimate) AS alpha,
	(krippendorff_alpha(s, level => 'ordinal', confidence => 0.99)).confidence
FROM (SELECT agreement_items(item, label) AS s FROM agree_ratings) x;
SELECT fleiss_kappa(s) = (SELECT fleiss_kappa_ci(item, label) FROM agree_ratings) AS fleiss,
	gwet_ac1(s, 0.9) = (SELECT gwet_ac1_ci(item, label, 0.9) FROM agree_ratings) AS ac1,
	gwet_ac2(s, 'linear') = (SELECT gwet_ac2_ci(item, label, 'linear') FROM agree_ratings) AS ac2,
	percent_agreement(s, 'quadratic') = (SELECT percent_agreement_ci(item, label, 'quadratic') FROM agree_ratings) AS pa,
	krippendorff_alpha(s, 'ratio') = (SELECT krippendorff_alpha_ci(item, label, 'ratio') FROM agree_ratings) AS alpha
FROM (SELECT agreement_items(item, label) AS s FROM agree_ratings) x;
-- stored per rater, rolled up: the state of all the rows, to the byte
CREATE TABLE agree_daily AS
SELECT rater AS day, agreement_items(item, label) AS s FROM agree_ratings GROUP BY rater;
SELECT (SELECT agreement_merge(s) FROM agree_daily)::text =
	(SELECT agreement_items(item, label) FROM agree_ratings)::text AS rollup_items,
	(SELECT agreement_merge(p) FROM (SELECT agreement_pairs(a, b) AS p FROM agree_sas GROUP BY a) d)::text =
	(SELECT agreement_pairs(a, b) FROM agree_sas)::text AS rollup_pairs_counts,
	(SELECT cohen_kappa(agreement_merge(p)) FROM (SELECT agreement_pairs(a, b) AS p FROM agree_sas GROUP BY a) d) =
	(SELECT cohen_kappa_ci(a, b) FROM agree_sas) AS rollup_pairs;
-- empty groups and NULL states
SELECT agreement_items(item, label) IS NULL AS empty_items, agreement_pairs(item, label) IS NULL AS empty_pairs
FROM agree_ratings WHERE false;
SELECT agreement_merge(s) IS NULL AS all_null FROM (VALUES (NULL::annot.agreement_items)) v(s);
SELECT fleiss_kappa(agreement_merge(s)) = fleiss_kappa(agreement_merge(s) FILTER (WHERE day > 0)) AS nulls_skipped
FROM (SELECT day, s FROM agree_daily UNION ALL SELECT 0, NULL) d;
-- text and binary round trips
SELECT s::text::annot.agreement_items::text = s::text AS text_round_trip FROM agree_daily;
CREATE TEMP TABLE agree_back (LIKE agree_daily);
DO $$
DECLARE
	f text := '/tmp/annot_agree_states_' || pg_backend_pid() || '.bin';
BEGIN
	EXECUTE format('COPY agree_daily TO %L WITH (FORMAT binary)', f);
	EXECUTE format('COPY agree_back FROM %L WITH (FORMAT binary)', f);
	EXECUTE format('COPY (SELECT 1) TO PROGRAM %L', 'rm -f ' || f);
END $$;
SELECT count(*) AS same_after_binary FROM agree_daily d JOIN agree_back b USING (day) WHERE d.s::text = b.s::text;
-- the text form: base64 of the wire format, which starts "AI", version 1
SELECT left(s::text, 4) AS magic, decode(s::text, 'base64') = annot.agreement_items_send(s) AS is_wire
FROM agree_daily WHERE day = 1;
-- an unsorted wire state is accepted and stored sorted
SELECT encode(set_byte(decode(s::text, 'base64'), 5, 0), 'base64')::annot.agreement_items::text = s::text AS sorted_on_input
FROM agree_daily WHERE day = 1;
-- bad states: each with its SQLSTATE
SELECT q, outcome(q) FROM (VALUES
	($$SELECT ''::annot.agreement_items$$),
	($$SELECT 'not base64!'::annot.agreement_items$$),
	($$SELECT 'QUk='::annot.agreement_items$$),
	($$SELECT (SELECT pairs::text FROM agree_state)::annot.agreement_items$$),
	($$SELECT (SELECT s::text FROM agree_daily WHERE day = 1)::annot.agreement_pairs$$),
	($$SELECT encode(set_byte(decode(s::text, 'base64'), 2, 2), 'base64')::annot.agreement_items FROM agree_daily WHERE day = 1$$),
	($$SELECT encode(decode(s::text, 'base64') || '\x00'::bytea, 'base64')::annot.agreement_items FROM agree_daily WHERE day = 1$$),
	($$SELECT encode(set_byte(decode(s::text, 'base64'), 5, 4), 'base64')::annot.agreement_items FROM agree_daily WHERE day = 1$$),
	($$SELECT agreement_merge(s) FROM (SELECT agreement_items(item, label) FROM agree_ratings
		UNION ALL SELECT agreement_items(item, label::text) FROM agree_ratings) x(s)$$),
	($$SELECT cohen_kappa(pairs, 'cubic') FROM agree_state$$),
	($$SELECT cohen_kappa(pairs, confidence => 1) FROM agree_state$$),
	($$SELECT krippendorff_alpha(agreement_items(item, label::text), 'interval') FROM agree_ratings$$),
	($$SELECT gwet_ac2(s, 'nominal') FROM agree_daily$$)
) t(q);
SELECT annot.input_is_valid('QUk=', 'annot.agreement_items') AS truncated_valid,
	annot.input_is_valid((SELECT s::text FROM agree_daily WHERE day = 1), 'annot.agreement_items') AS valid;

-- errors: each with its SQLSTATE
SELECT q, outcome(q) FROM (VALUES
	($$SELECT cohen_kappa(a, b, 'cubic') FROM agree_sas$$),
	($$SELECT cohen_kappa(a, b, 'ordinal') FROM agree_sas$$),
	($$SELECT cohen_kappa(a, b, 'Linear') FROM agree_sas$$),
	($$SELECT cohen_kappa(a, b, 'linear', 'values') FROM agree_sas$$),
	($$SELECT cohen_kappa_ci(a, b, 'linear', 0) FROM agree_sas$$),
	($$SELECT cohen_kappa_ci(a, b, 'linear', 1) FROM agree_sas$$),
	($$SELECT cohen_kappa_ci(a, b, 'linear', 'NaN'::float8) FROM agree_sas$$),
	($$SELECT cohen_kappa_ci(a, b, 'linear', -0.5) FROM agree_sas$$),
	($$SELECT cohen_kappa(a, b, NULL) FROM agree_sas$$),
	($$SELECT cohen_kappa(a, b, CASE WHEN a = 1 THEN 'linear' ELSE 'quadratic' END) FROM agree_sas$$),
	($$SELECT cohen_kappa(a::text, b::text, 'linear') FROM agree_sas$$),
	($$SELECT cohen_kappa(a * 'NaN'::float8, b::float8, 'linear') FROM agree_sas$$),
	($$SELECT cohen_kappa(a::numeric * 'Infinity', b::numeric, 'linear') FROM agree_sas$$),
	($$SELECT cohen_kappa(g, g) FROM generate_series(1, 2049) g$$),
	($$SELECT confusion_matrix(g, -g) FROM generate_series(1, 1025) g$$),
	($$SELECT fleiss_kappa(item, label, 'nominal') FROM agree_ratings$$),
	($$SELECT fleiss_kappa(item, label::text, 'linear') FROM agree_ratings$$),
	($$SELECT fleiss_kappa(item, label - 2, 'ratio') FROM agree_ratings$$),
	($$SELECT gwet_ac2(item, label, NULL) FROM agree_ratings$$),
	($$SELECT gwet_ac1_ci(item, label, 1.5) FROM agree_ratings$$),
	($$SELECT krippendorff_alpha(item, label, 'quadratic') FROM agree_ratings$$),
	($$SELECT krippendorff_alpha(item, label::text, 'interval') FROM agree_ratings$$),
	($$SELECT krippendorff_alpha(item, label - 2, 'ratio') FROM agree_ratings$$),
	($$SELECT krippendorff_alpha(item, label, 'ordinal') FROM agree_ratings$$),
	($$SELECT krippendorff_alpha(item, label, rater::text) FROM agree_ratings$$),
	($$SELECT percent_agreement(item, g) FROM generate_series(1, 16385) g, (VALUES (1)) i(item)$$)
) t(q);

-- parallel query: partial aggregates in the workers, the same numbers
CREATE TABLE agree_many AS
SELECT g AS item, r AS rater, (g * 7 + r * (g % 3)) % 5 AS label,
	'c' || ((g * 7 + r) % 4) AS tlabel
FROM generate_series(1, 20000) g, generate_series(1, 3) r;
ANALYZE agree_many;
CREATE TEMP TABLE serial AS
SELECT cohen_kappa(label, (label + rater) % 5) AS kappa,
	cohen_kappa_ci(label, (label + rater) % 5, 'quadratic') AS kappa_ci,
	confusion_matrix(tlabel, 'c' || label % 4) AS cm,
	fleiss_kappa_ci(item, label) AS fleiss,
	gwet_ac2_ci(item, label, 'linear') AS ac2,
	percent_agreement_ci(item, tlabel) AS pa,
	krippendorff_alpha_ci(item, label, 'ordinal') AS alpha,
	agreement_items(item, label)::text AS items_state,
	agreement_pairs(label, (label + rater) % 5)::text AS pairs_state
FROM agree_many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT fleiss_kappa(item, label), cohen_kappa(label, rater) FROM agree_many;
SELECT s.kappa = p.kappa AS kappa, s.kappa_ci = p.kappa_ci AS kappa_ci, s.cm = p.cm AS cm,
	s.fleiss = p.fleiss AS fleiss, s.ac2 = p.ac2 AS ac2, s.pa = p.pa AS pa, s.alpha = p.alpha AS alpha,
	s.items_state = p.items_state AS items_state, s.pairs_state = p.pairs_state AS pairs_state
FROM serial s, (
	SELECT cohen_kappa(label, (label + rater) % 5) AS kappa,
		cohen_kappa_ci(label, (label + rater) % 5, 'quadratic') AS kappa_ci,
		confusion_matrix(tlabel, 'c' || label % 4) AS cm,
		fleiss_kappa_ci(item, label) AS fleiss,
		gwet_ac2_ci(item, label, 'linear') AS ac2,
		percent_agreement_ci(item, tlabel) AS pa,
		krippendorff_alpha_ci(item, label, 'ordinal') AS alpha,
		agreement_items(item, label)::text AS items_state,
		agreement_pairs(label, (label + rater) % 5)::text AS pairs_state
	FROM agree_many) p;
-- stored states merged in parallel: the same state
CREATE TABLE agree_many_daily AS
SELECT item % 7 AS day, agreement_items(item, label) AS s FROM agree_many GROUP BY 1;
EXPLAIN (COSTS OFF) SELECT agreement_merge(s) FROM agree_many_daily;
SELECT (SELECT agreement_merge(s)::text FROM agree_many_daily) = items_state AS parallel_rollup FROM serial;
-- per-group parallel aggregation too
EXPLAIN (COSTS OFF) SELECT rater, gwet_ac1(item % 100, label) FROM agree_many GROUP BY rater;
SELECT rater, r(gwet_ac1(item % 100, label)) FROM agree_many GROUP BY rater ORDER BY rater;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

DROP TABLE agree_sas, agree_ratings, agree_many, agree_many_daily, agree_when, agree_state, agree_daily;
DROP DOMAIN agree_grade;
DROP TYPE agree_mood;
