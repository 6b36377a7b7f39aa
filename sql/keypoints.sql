-- annot.keypoints: literals, conversions, order, hashing and OKS
SELECT '[269,142,2,270,136,1,0,0,0]'::annot.keypoints;
SELECT ' [ 1.5 , -2e3 , 0.25 ] '::annot.keypoints;
SELECT '[0.1,0.2,0.30000000000000004]'::annot.keypoints::text::annot.keypoints
	= '[0.1,0.2,0.30000000000000004]'::annot.keypoints AS round_trip;

-- bad literals, each with its SQLSTATE
SELECT q, outcome(format('SELECT %L::annot.keypoints', q))
FROM unnest(ARRAY[
	'', '[', ']', '[]', '[1,2]', '[1,2,3,4]', '[1,2,3', '[1,2,3,]', '[,1,2,3]',
	'[1 2 3]', '(1,2,3)', '[1,2,3] x', '[NaN,1,2]', '[inf,1,2]', '[1,2,Infinity]',
	'[0x10,1,2]', '[1,2,1e400]', '[1,2,-1e999]', '["1",2,3]', '[1,2,null]'
]) AS q;

-- over the limit of 10000 keypoints: 54000
SELECT outcome(format('SELECT %L::annot.keypoints',
	'[' || array_to_string(array_fill(1, ARRAY[30003]), ',') || ']'));
SELECT outcome('SELECT annot.keypoints(array_fill(1::float8, ARRAY[30003]))');
SELECT annot.npoints(annot.keypoints(array_fill(1::float8, ARRAY[30000])));

-- jsonb and arrays
SELECT annot.keypoints('[1, 2.50, 2, 3, 4, 0]'::jsonb);
SELECT annot.to_coco('[1,2.5,2,3,4,0]'::annot.keypoints);
SELECT annot.keypoints(annot.to_coco(k)) = k AS jsonb_round_trip
FROM (SELECT '[0.1,1e-300,2,123456789.123,4,0.5]'::annot.keypoints AS k) s;
SELECT annot.keypoints(ARRAY[1, 2, 2, 3, 4, 1]::float8[]);
SELECT annot.to_array('[1,2,2,3,4,1]'::annot.keypoints);
SELECT j, outcome(format('SELECT annot.keypoints(%L::jsonb)', j))
FROM unnest(ARRAY['{}', '[]', '[1,2]', '[1,"a",2]', '[[1,2,3]]', '1', 'null']) AS j;
SELECT outcome('SELECT annot.keypoints(ARRAY[1,2,NULL]::float8[])');
SELECT outcome('SELECT annot.keypoints(ARRAY[[1,2,3],[4,5,6]]::float8[])');
SELECT outcome('SELECT annot.keypoints(ARRAY[1,2,''NaN'']::float8[])');
SELECT outcome('SELECT annot.keypoints(ARRAY[]::float8[])');

-- accessors
SELECT annot.npoints(k), annot.num_keypoints(k), annot.bbox(k)
FROM (SELECT '[10,20,2,0,0,0,30,5,1,99,99,0]'::annot.keypoints AS k) s;
SELECT annot.bbox('[10,20,0]'::annot.keypoints) IS NULL AS no_labelled;

-- equality, order and hashing
SELECT '[1,2,3]'::annot.keypoints = '[1,2,3]'::annot.keypoints AS eq,
	'[1,2,3]'::annot.keypoints <> '[1,2,4]'::annot.keypoints AS ne,
	'[1,2,3]'::annot.keypoints < '[1,2,3,0,0,0]'::annot.keypoints AS shorter_first,
	'[-0,2,3]'::annot.keypoints = '[0,2,3]'::annot.keypoints AS signed_zero;
SELECT annot.keypoints_hash('[-0,2,3]') = annot.keypoints_hash('[0,2,3]') AS zero_hash,
	annot.keypoints_hash_extended('[1,2,3]', 0) <> annot.keypoints_hash_extended('[1,2,3]', 1) AS seeded;
SELECT k, count(*) FROM (VALUES ('[1,2,3]'::annot.keypoints), ('[1,2,3]'), ('[4,5,6]'), ('[-0,2,3]'), ('[0,2,3]')) v(k)
GROUP BY k ORDER BY k;
SET enable_hashagg = off;
SELECT DISTINCT k FROM (VALUES ('[4,5,6]'::annot.keypoints), ('[1,2,3]'), ('[1,2,3]')) v(k) ORDER BY k;
RESET enable_hashagg;

-- binary round trip
CREATE TEMP TABLE kp (k annot.keypoints);
INSERT INTO kp VALUES ('[269,142,2,270,136,1,0,0,0]'), ('[0.1,-5e-324,1e300]');
\copy kp TO 'results/keypoints_copy.bin' WITH (FORMAT binary)
CREATE TEMP TABLE kp2 (k annot.keypoints);
\copy kp2 FROM 'results/keypoints_copy.bin' WITH (FORMAT binary)
SELECT count(*) AS same FROM kp JOIN kp2 USING (k);

-- binary input is validated: crafted values through a bytea field, which
-- has the same wire shape (version, count, float8 triples)
CREATE TEMP TABLE kp_recv (k annot.keypoints);
\copy (SELECT decode('01' || '00000001' || '3ff0000000000000' || '4000000000000000' || '4008000000000000', 'hex')) TO 'results/keypoints_good.bin' WITH (FORMAT binary)
\copy (SELECT decode('02' || '00000001' || repeat('0000000000000000', 3), 'hex')) TO 'results/keypoints_version.bin' WITH (FORMAT binary)
\copy (SELECT decode('01' || '00000000', 'hex')) TO 'results/keypoints_empty.bin' WITH (FORMAT binary)
\copy (SELECT decode('01' || '00000001' || repeat('0000000000000000', 2), 'hex')) TO 'results/keypoints_short.bin' WITH (FORMAT binary)
\copy (SELECT decode('01' || '00000001' || '7ff8000000000000' || repeat('0000000000000000', 2), 'hex')) TO 'results/keypoints_nan.bin' WITH (FORMAT binary)
\copy (SELECT decode('01' || '7fffffff', 'hex')) TO 'results/keypoints_count.bin' WITH (FORMAT binary)
\copy (SELECT decode('01', 'hex')) TO 'results/keypoints_header.bin' WITH (FORMAT binary)
\set VERBOSITY sqlstate
\copy kp_recv FROM 'results/keypoints_version.bin' WITH (FORMAT binary)
\copy kp_recv FROM 'results/keypoints_empty.bin' WITH (FORMAT binary)
\copy kp_recv FROM 'results/keypoints_short.bin' WITH (FORMAT binary)
\copy kp_recv FROM 'results/keypoints_nan.bin' WITH (FORMAT binary)
\copy kp_recv FROM 'results/keypoints_count.bin' WITH (FORMAT binary)
\copy kp_recv FROM 'results/keypoints_header.bin' WITH (FORMAT binary)
\set VERBOSITY terse
\copy kp_recv FROM 'results/keypoints_good.bin' WITH (FORMAT binary)
SELECT * FROM kp_recv;
SELECT encode(annot.keypoints_send('[1,2,3]'), 'hex');

-- OKS, by hand: one keypoint at distance 1 with sigma 0.5 and area 1
SELECT r(annot.oks('[1,0,1]', '[0,0,2]', 1, ARRAY[0.5]));
SELECT r(exp(-1.0 / 1.0 / (1 + 2.220446049250313e-16) / 2));
-- only the ground truth's labelled keypoints count
SELECT r(annot.oks('[0,0,1,100,100,1]', '[0,0,2,0,0,0]', 50, ARRAY[0.1, 0.1])) AS one_labelled;
-- no labelled ground-truth keypoint: distance outside the enlarged box
SELECT r(annot.oks('[5,5,1]', '[0,0,0]', 100, ARRAY[0.1], annot.bbox(0, 0, 10, 10))) AS inside_enlarged;
SELECT r(annot.oks('[25,5,1]', '[0,0,0]', 100, ARRAY[0.1], annot.bbox(0, 0, 10, 10))) AS outside_enlarged;
-- COCO's 17 person sigmas by default; a perfect detection scores 1
SELECT annot.oks(k, k, 1000) AS perfect
FROM (SELECT annot.keypoints(array_fill(2::float8, ARRAY[51])) AS k) s;
SELECT annot.oks(NULL, '[0,0,2]', 1) IS NULL AS null_dt,
	annot.oks('[0,0,2]', '[0,0,2]', NULL, ARRAY[1.0]) IS NULL AS null_area;
-- bad arguments: 22023
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,2]', 1)$$);
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,2,1,1,1]', 1, ARRAY[0.1])$$);
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,2]', -1, ARRAY[0.1])$$);
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,2]', 'NaN', ARRAY[0.1])$$);
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,2]', 1, ARRAY[0])$$);
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,2]', 1, ARRAY['Infinity']::float8[])$$);
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,2]', 1, ARRAY[NULL]::float8[])$$);
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,2]', 1, ARRAY[]::float8[])$$);
SELECT outcome($$SELECT annot.oks('[0,0,2]', '[0,0,0]', 1, ARRAY[0.1])$$);
