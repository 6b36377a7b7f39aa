-- Agreement aggregates against every data set in test/data/agreement
-- and the values the peers computed on them: irrCAC 1.4 (full-precision
-- coefficients, 5-decimal standard errors; .dist and .table functions with
-- full-precision errors), irr 0.84.1, statsmodels 0.13.5, scikit-learn 1.2.1
-- and fast-krippendorff.  Coefficients must agree to a relative 1e-9.
\set ON_ERROR_STOP 1
\set raw4 `cat "$ANNOT_REFDATA/agreement/irrCAC_cac.raw4raters.csv"`
\set raw5 `cat "$ANNOT_REFDATA/agreement/irrCAC_cac.raw5obser.csv"`
\set abstractors `cat "$ANNOT_REFDATA/agreement/irrCAC_cont3x3abstractors.csv"`
\set distrib `cat "$ANNOT_REFDATA/agreement/irrCAC_distrib.6raters.csv"`
\set anxiety `cat "$ANNOT_REFDATA/agreement/irr_anxiety.csv"`
\set diagnoses `cat "$ANNOT_REFDATA/agreement/irr_diagnoses_fleiss1971.csv"`
\set diagnoses_int `cat "$ANNOT_REFDATA/agreement/irr_diagnoses_fleiss1971_int.csv"`
\set k2011 `cat "$ANNOT_REFDATA/agreement/krippendorff_2011_4coders_12units.csv"`
\set k2011_irr `cat "$ANNOT_REFDATA/agreement/krippendorff_C_data_4coders_12units_irr_layout_units_by_coders.csv"`
\set kwiki `cat "$ANNOT_REFDATA/agreement/krippendorff_wikipedia_3coders_15units.csv"`
\set table10 `cat "$ANNOT_REFDATA/agreement/statsmodels_table10_3x3.csv"`
\set fwiki `cat "$ANNOT_REFDATA/agreement/wikipedia_fleiss_example_10x5_counts.csv"`
\set irrtxt `cat "$ANNOT_REFDATA/agreement/irr_reference_values.txt"`
\set py `cat "$ANNOT_REFDATA/agreement/python_peer_reference_values.json"`
\set refcsv `echo "$ANNOT_REFDATA/agreement/irrCAC_reference_values.csv"`
BEGIN;
SET search_path = public, annot;
SELECT * FROM no_plan();

-- relative difference within 1e-9
CREATE FUNCTION pg_temp.close(got float8, want float8) RETURNS boolean AS $$
	SELECT got IS NOT NULL AND abs(got - want) <= 1e-9 * greatest(abs(want), 1e-300)
$$ LANGUAGE sql IMMUTABLE;

-- CSV lines of a units x raters (or rows x columns) matrix, one row per cell
CREATE FUNCTION pg_temp.cells(csv text, OUT line int, OUT col int, OUT v text)
RETURNS SETOF record AS $$
	SELECT l.n::int, f.c::int, nullif(btrim(f.v, '" '), '')
	FROM regexp_split_to_table(csv, E'\n') WITH ORDINALITY AS l(txt, n),
		unnest(string_to_array(l.txt, ',')) WITH ORDINALITY AS f(v, c)
	-- no comments, blank lines or header rows (quoted names, no numbers)
	WHERE l.txt !~ '^\s*#' AND btrim(l.txt) <> ''
		AND (l.txt !~ '^"[A-Za-z]' OR l.txt ~ ',[0-9]')
$$ LANGUAGE sql IMMUTABLE;

-- long-form ratings of every raw data set: (dataset, item, rater, label)
CREATE TEMP TABLE raw (dataset text, item int, rater int, label int, tlabel text);
INSERT INTO raw SELECT 'cac.raw4raters', line, col, v::int, v FROM pg_temp.cells(:'raw4');
INSERT INTO raw SELECT 'cac.raw5obser', line, col, v::int, v FROM pg_temp.cells(:'raw5');
INSERT INTO raw SELECT 'irr::anxiety (20x3)', line, col, v::int, v FROM pg_temp.cells(:'anxiety');
INSERT INTO raw SELECT 'irr::anxiety[,1:2]', line, col, v::int, v FROM pg_temp.cells(:'anxiety') WHERE col <= 2;
INSERT INTO raw SELECT 'irr::diagnoses (Fleiss 1971, 30x6)', t.line, t.col, i.v::int, t.v
FROM pg_temp.cells(:'diagnoses') t JOIN pg_temp.cells(:'diagnoses_int') i USING (line, col);
-- distrib.6raters: counts of raters per subject and category (codes 1..5)
INSERT INTO raw SELECT 'distrib.6raters', line, k, col, NULL
FROM pg_temp.cells(:'distrib'), generate_series(1, v::int) k;
-- Krippendorff's worked examples are coders x units: transpose
INSERT INTO raw SELECT 'k2011', col, line, v::int, v FROM pg_temp.cells(:'k2011');
INSERT INTO raw SELECT 'k2011 irr layout', line, col, v::int, v FROM pg_temp.cells(:'k2011_irr');
INSERT INTO raw SELECT 'wikipedia alpha', col, line, v::int, v FROM pg_temp.cells(:'kwiki');
INSERT INTO raw SELECT 'wikipedia fleiss', line, k, col, NULL
FROM pg_temp.cells(:'fwiki'), generate_series(1, v::int) k;

SELECT is((SELECT count(*) FROM raw WHERE dataset = 'cac.raw4raters' AND label IS NOT NULL), 41::bigint,
	'cac.raw4raters: 41 ratings read');
SELECT is((SELECT count(*) FROM raw WHERE dataset = 'irr::diagnoses (Fleiss 1971, 30x6)' AND tlabel LIKE '_. %'), 180::bigint,
	'diagnoses: 180 text labels read');
SELECT is((SELECT count(*) FROM raw WHERE dataset = 'k2011'), (SELECT count(*) FROM raw WHERE dataset = 'k2011 irr layout'),
	'Krippendorff 2011 data: both layouts read alike');
SELECT is((SELECT count(*) FROM raw WHERE dataset = 'wikipedia fleiss'), 140::bigint,
	'Wikipedia Fleiss example: 10 subjects x 14 raters');

-- contingency tables as rating pairs
CREATE TEMP TABLE pairs (dataset text, a int, b int);
INSERT INTO pairs SELECT 'table10', r.line, r.col
FROM (SELECT row_number() OVER (ORDER BY line) AS l, line FROM
	(SELECT DISTINCT line FROM pg_temp.cells(:'table10')) d) lr
JOIN LATERAL (SELECT lr.l::int AS line, col, v FROM pg_temp.cells(:'table10') WHERE line = lr.line) r ON true,
	generate_series(1, r.v::int);
-- cont3x3abstractors: a header row and row names in column 1
INSERT INTO pairs SELECT 'cont3x3abstractors', lr.l::int, c.col - 1
FROM (SELECT row_number() OVER (ORDER BY line) AS l, line FROM
	(SELECT DISTINCT line FROM pg_temp.cells(:'abstractors') WHERE col > 1 AND v ~ '^[0-9]+$') d) lr
JOIN pg_temp.cells(:'abstractors') c ON c.line = lr.line AND c.col > 1,
	generate_series(1, c.v::int);
SELECT is((SELECT count(*) FROM pairs WHERE dataset = 'table10'), 19::bigint, 'table10: 19 pairs');
SELECT is((SELECT count(*) FROM pairs WHERE dataset = 'cont3x3abstractors'), 100::bigint,
	'cont3x3abstractors: 100 pairs');

-- irrCAC reference values
CREATE TEMP TABLE ref (dataset text, fn text, weights text, coeff_name text, pa text,
	pe text, coeff text, se text, full_coeff text);
\set copycmd '\\copy ref FROM ' :'refcsv' ' WITH (FORMAT csv, HEADER)'
:copycmd

-- every multi-rater coefficient of the raw and dist functions we implement
CREATE TEMP TABLE ours AS
SELECT r.dataset, r.fn, r.weights, r.full_coeff::float8 AS want, nullif(r.se, 'NA')::float8 AS want_se,
	CASE WHEN r.fn LIKE 'pa.coeff%' THEN (SELECT percent_agreement_ci(item, label, r.weights) FROM raw x WHERE x.dataset = r.dataset)
		WHEN r.fn LIKE 'gwet.ac1%' THEN (SELECT gwet_ac2_ci(item, label, r.weights) FROM raw x WHERE x.dataset = r.dataset)
		WHEN r.fn LIKE 'fleiss.kappa%' THEN (SELECT fleiss_kappa_ci(item, label, r.weights) FROM raw x WHERE x.dataset = r.dataset)
		WHEN r.fn LIKE 'krippen.alpha%' THEN (SELECT krippendorff_alpha_ci(item, label,
			CASE r.weights WHEN 'unweighted' THEN 'nominal' WHEN 'quadratic' THEN 'interval' ELSE 'ratio' END)
			FROM raw x WHERE x.dataset = r.dataset)
	END AS got
FROM ref r
WHERE r.fn ~ '^(pa\.coeff|gwet\.ac1|fleiss\.kappa|krippen\.alpha)\.(raw|dist)$'
	AND r.full_coeff <> ''
	AND (r.fn NOT LIKE 'krippen%' OR r.weights IN ('unweighted', 'quadratic', 'ratio'));

SELECT is((SELECT count(*) FROM ours), 82::bigint, 'irrCAC: 82 coefficients to compare');
SELECT ok(pg_temp.close((got).estimate, want),
	format('irrCAC %s %s %s = %s (ours %s)', dataset, fn, weights, want, (got).estimate))
FROM ours ORDER BY dataset, fn, weights;
-- the raw functions print standard errors to 5 decimals
SELECT ok(abs((got).se - want_se) <= 5.000001e-6,
	format('irrCAC %s %s %s: se %s (ours %s)', dataset, fn, weights, want_se, (got).se))
FROM ours WHERE fn LIKE '%.raw' ORDER BY dataset, fn, weights;
-- the dist functions keep full precision
SELECT ok(pg_temp.close((got).se, want_se),
	format('irrCAC %s %s %s: se %s (ours %s)', dataset, fn, weights, want_se, (got).se))
FROM ours WHERE fn LIKE '%.dist' AND fn NOT LIKE 'krippen%' ORDER BY dataset, fn, weights;
-- with 0 among the values irrCAC's ratio weights divide 0 by 0 (NA); the
-- diagonal of any weight matrix is full agreement here, so there is a value
SELECT ok((SELECT fleiss_kappa(item, label, 'ratio') FROM raw WHERE dataset = 'cac.raw5obser') BETWEEN -1 AND 1,
	'ratio weights with a 0 category are defined (irrCAC: NA)');

-- Cohen's kappa on contingency tables: irrCAC kappa2.table (its standard
-- error equals the Fleiss-Cohen-Everitt one of statsmodels)
SELECT ok(pg_temp.close((k).estimate, r.coeff::float8) AND pg_temp.close((k).se, r.se::float8),
	format('irrCAC kappa2.table %s = %s, se %s (ours %s, %s)', r.weights, r.coeff, r.se, (k).estimate, (k).se))
FROM ref r, LATERAL (SELECT cohen_kappa_ci(a, b, r.weights) AS k FROM pairs WHERE dataset = 'cont3x3abstractors') s
WHERE r.fn = 'kappa2.table' ORDER BY r.weights;
SELECT ok(pg_temp.close(percent_agreement(i, l), (SELECT coeff::float8 FROM ref WHERE fn = 'pa2.table' AND weights = 'unweighted')),
	'irrCAC pa2.table unweighted')
FROM (SELECT row_number() OVER () AS i, a, b FROM pairs WHERE dataset = 'cont3x3abstractors') p,
	LATERAL (VALUES (a), (b)) v(l);

-- irr 0.84.1 (R): the values printed for each call
CREATE TEMP TABLE irr AS
SELECT btrim(split_part(block, E'\n', 1)) AS call,
	(regexp_match(block, '\$ value\s*:\s*num\s+(\S+)'))[1]::float8 AS value
FROM regexp_split_to_table(:'irrtxt', E'\n## ') AS block
WHERE block ~ '\$ value\s*:\s*num';
CREATE TEMP TABLE irr_ours (call text, got float8);
INSERT INTO irr_ours
SELECT 'kappam.fleiss(diagnoses)', fleiss_kappa(item, tlabel) FROM raw WHERE dataset LIKE 'irr::diagnoses%'
UNION ALL SELECT 'kappam.fleiss(diagnoses[,1:4])', fleiss_kappa(item, tlabel) FROM raw WHERE dataset LIKE 'irr::diagnoses%' AND rater <= 4
UNION ALL SELECT 'kappam.fleiss(anxiety)', fleiss_kappa(item, label) FROM raw WHERE dataset = 'irr::anxiety (20x3)';
INSERT INTO irr_ours
SELECT format('kappa2(%s[,%s:%s]%s)', d, ra, rb, CASE w WHEN 'unweighted' THEN '' WHEN 'linear' THEN ',''equal''' ELSE ',''squared''' END),
	(SELECT cohen_kappa(x.lab, y.lab, w) FROM
		(SELECT item, CASE WHEN d = 'diagnoses' THEN label ELSE label END AS lab FROM raw WHERE dataset = ds AND rater = ra) x
		JOIN (SELECT item, label AS lab FROM raw WHERE dataset = ds AND rater = rb) y USING (item))
FROM (VALUES ('diagnoses', 'irr::diagnoses (Fleiss 1971, 30x6)', 2, 3),
		('anxiety', 'irr::anxiety (20x3)', 1, 2), ('anxiety', 'irr::anxiety (20x3)', 2, 3)) t(d, ds, ra, rb),
	unnest(ARRAY['unweighted', 'linear', 'quadratic']) w;
INSERT INTO irr_ours
SELECT format('kripp.alpha(nmm,''%s'')', lv), krippendorff_alpha(item, label, lv)
FROM raw, unnest(ARRAY['nominal', 'ordinal', 'interval', 'ratio']) lv
WHERE dataset = 'k2011 irr layout' GROUP BY lv;
SELECT ok(pg_temp.close(o.got, i.value), format('irr %s = %s (ours %s)', i.call, i.value, o.got))
FROM irr i JOIN irr_ours o USING (call) ORDER BY i.call;
SELECT is((SELECT count(*) FROM irr i JOIN irr_ours o USING (call)), 14::bigint,
	'irr: 14 values compared (diagnoses kappa2 has no weighted calls; exact=TRUE and custom weights are not offered)');

-- statsmodels, scikit-learn and fast-krippendorff
SELECT ok(pg_temp.close(fleiss_kappa(item, tlabel), (:'py'::jsonb->>'fleiss_kappa(diagnoses) statsmodels fleiss')::float8),
	'statsmodels fleiss_kappa(diagnoses)')
FROM raw WHERE dataset LIKE 'irr::diagnoses%';
SELECT ok(pg_temp.close(fleiss_kappa(item, label), (:'py'::jsonb->>'fleiss_kappa(wikipedia 10x5, 14 raters) statsmodels')::float8),
	'statsmodels fleiss_kappa(Wikipedia 10x5)')
FROM raw WHERE dataset = 'wikipedia fleiss';
SELECT ok(pg_temp.close((k).estimate, (j->>'kappa')::float8) AND pg_temp.close((k).se, (j->>'std_kappa')::float8)
	AND (j->>'kappa_low' IS NULL OR pg_temp.close((k).ci_lower, (j->>'kappa_low')::float8))
	AND (j->>'kappa_upp' IS NULL OR pg_temp.close((k).ci_upper, (j->>'kappa_upp')::float8)),
	format('statsmodels %s: kappa %s, se %s (ours %s, %s)', key, j->>'kappa', j->>'std_kappa', (k).estimate, (k).se))
FROM (VALUES ('cohens_kappa(table10) statsmodels', 'unweighted'),
		('cohens_kappa(table10, weights=[0,1,2] i.e. linear) statsmodels', 'linear'),
		('cohens_kappa(table10, quadratic) statsmodels', 'quadratic')) t(key, w),
	LATERAL (SELECT :'py'::jsonb->key AS j) jj,
	LATERAL (SELECT cohen_kappa_ci(a, b, w) AS k FROM pairs WHERE dataset = 'table10') s;
-- sklearn's own test cases, built from their label vectors
SELECT ok(pg_temp.close(cohen_kappa(a, b), (:'py'::jsonb->>'sklearn Artstein&Poesio Table1 [[20,20],[10,50]]')::float8),
	'sklearn Artstein & Poesio table')
FROM (SELECT 0 AS a, 0 AS b FROM generate_series(1, 20) UNION ALL SELECT 0, 1 FROM generate_series(1, 20)
	UNION ALL SELECT 1, 0 FROM generate_series(1, 10) UNION ALL SELECT 1, 1 FROM generate_series(1, 50)) t;
SELECT ok(pg_temp.close(cohen_kappa(a, b),
	(:'py'::jsonb->>'sklearn multiclass y1=[0]*46+[1]*44+[2]*10, y2=[0]*52+[1]*32+[2]*16 (label vectors, NOT a table)')::float8),
	'sklearn multiclass label vectors')
FROM (SELECT CASE WHEN i <= 46 THEN 0 WHEN i <= 90 THEN 1 ELSE 2 END AS a,
		CASE WHEN i <= 52 THEN 0 WHEN i <= 84 THEN 1 ELSE 2 END AS b
	FROM generate_series(1, 100) i) t;
SELECT ok(pg_temp.close(cohen_kappa(a, b, w), (:'py'::jsonb->'sklearn weighting y1=[0]*46+[1]*44+[2]*10, y2=[0]*50+[1]*40+[2]*10'->>
		CASE w WHEN 'unweighted' THEN 'none' ELSE w END)::float8),
	'sklearn weighting ' || w)
FROM (SELECT CASE WHEN i <= 46 THEN 0 WHEN i <= 90 THEN 1 ELSE 2 END AS a,
		CASE WHEN i <= 50 THEN 0 WHEN i <= 90 THEN 1 ELSE 2 END AS b
	FROM generate_series(1, 100) i) t, unnest(ARRAY['unweighted', 'linear', 'quadratic']) w
GROUP BY w ORDER BY w;
SELECT ok(pg_temp.close(cohen_kappa(x.label, y.label, w, sc), (:'py'::jsonb->key->>CASE w WHEN 'unweighted' THEN 'none' ELSE w END)::float8),
	format('sklearn %s %s', key, w))
FROM (VALUES ('sklearn anxiety r1 vs r2', 1, 2, 'observed'),
		('sklearn anxiety r2 vs r3 (labels observed only = irr convention)', 2, 3, 'observed'),
		('sklearn anxiety r2 vs r3 labels=1..6 (full scale)', 2, 3, 'range')) t(key, ra, rb, sc),
	unnest(ARRAY['unweighted', 'linear', 'quadratic']) w,
	raw x JOIN raw y USING (dataset, item)
WHERE x.dataset = 'irr::anxiety (20x3)' AND x.rater = ra AND y.rater = rb
GROUP BY key, w, sc ORDER BY key, w;
SELECT ok(pg_temp.close(cohen_kappa(x.tlabel, y.tlabel), (:'py'::jsonb->>'sklearn diagnoses r2 vs r3')::float8),
	'sklearn diagnoses r2 vs r3 (text labels)')
FROM raw x JOIN raw y USING (dataset, item)
WHERE x.dataset LIKE 'irr::diagnoses%' AND x.rater = 2 AND y.rater = 3;
SELECT ok(pg_temp.close(krippendorff_alpha(item, label, lv), (:'py'::jsonb->key->>lv)::float8),
	format('fast-krippendorff %s %s', key, lv))
FROM (VALUES ('fast-krippendorff wikipedia_3x15', 'wikipedia alpha'),
		('fast-krippendorff krippendorff2011_4x12', 'k2011')) t(key, ds),
	unnest(ARRAY['nominal', 'ordinal', 'interval', 'ratio']) lv, raw
WHERE raw.dataset = ds GROUP BY key, lv ORDER BY key, lv;
SELECT ok(pg_temp.close(krippendorff_alpha(item, tlabel), (:'py'::jsonb->>'fast-krippendorff diagnoses nominal')::float8),
	'fast-krippendorff diagnoses nominal (text labels)')
FROM raw WHERE dataset LIKE 'irr::diagnoses%';

SELECT * FROM finish();
ROLLBACK;
