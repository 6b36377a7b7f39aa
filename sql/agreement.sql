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
	krippendorff_alpha_ci(item, label, 'ordinal') AS alpha
FROM agree_many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT fleiss_kappa(item, label), cohen_kappa(label, rater) FROM agree_many;
SELECT s.kappa = p.kappa AS kappa, s.kappa_ci = p.kappa_ci AS kappa_ci, s.cm = p.cm AS cm,
	s.fleiss = p.fleiss AS fleiss, s.ac2 = p.ac2 AS ac2, s.pa = p.pa AS pa, s.alpha = p.alpha AS alpha
FROM serial s, (
	SELECT cohen_kappa(label, (label + rater) % 5) AS kappa,
		cohen_kappa_ci(label, (label + rater) % 5, 'quadratic') AS kappa_ci,
		confusion_matrix(tlabel, 'c' || label % 4) AS cm,
		fleiss_kappa_ci(item, label) AS fleiss,
		gwet_ac2_ci(item, label, 'linear') AS ac2,
		percent_agreement_ci(item, tlabel) AS pa,
		krippendorff_alpha_ci(item, label, 'ordinal') AS alpha
	FROM agree_many) p;
-- per-group parallel aggregation too
EXPLAIN (COSTS OFF) SELECT rater, gwet_ac1(item % 100, label) FROM agree_many GROUP BY rater;
SELECT rater, r(gwet_ac1(item % 100, label)) FROM agree_many GROUP BY rater ORDER BY rater;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

DROP TABLE agree_sas, agree_ratings, agree_many;
DROP DOMAIN agree_grade;
DROP TYPE agree_mood;
