-- annot.objects and annot.match: object sets and matching with TIDE outcomes
CREATE TABLE match_gold (image_id bigint, id bigint, label text, box annot.bbox,
	crowd boolean DEFAULT false);
CREATE TABLE match_labels (annotator text, image_id bigint, id bigint, label text,
	box annot.bbox, score float8);
INSERT INTO match_gold (image_id, id, label, box, crowd) VALUES
	(1, 1, 'cat', annot.bbox(0, 0, 10, 10), false),
	(1, 2, 'dog', annot.bbox(20, 20, 30, 30), false),
	(1, 3, 'cat', annot.bbox(50, 50, 60, 60), false),
	(1, 5, 'dog', annot.bbox(80, 0, 90, 10), false),
	(2, 4, 'cat', annot.bbox(0, 0, 10, 10), false),
	(3, 6, 'person', annot.bbox(0, 0, 100, 100), true);
INSERT INTO match_labels VALUES
	('ann', 1, 11, 'cat', annot.bbox(0, 0, 10, 9), 0.9),      -- match
	('ann', 1, 12, 'cat', annot.bbox(20, 20, 30, 30), 0.8),   -- right place, wrong class
	('ann', 1, 13, 'cat', annot.bbox(0, 0, 10, 10), 0.7),     -- a second box on gold 1
	('ann', 1, 14, 'cat', annot.bbox(52, 52, 62, 66), 0.6),   -- too loose
	('ann', 1, 15, 'dog', annot.bbox(100, 100, 110, 110), 0.5), -- nothing there
	('ann', 1, 16, 'cat', annot.bbox(85, 0, 95, 10), 0.4),    -- loose and wrong class
	('ann', 3, 17, 'person', annot.bbox(10, 10, 20, 20), 0.3), -- inside a crowd region
	('bob', 1, 21, 'cat', annot.bbox(0, 0, 10, 10), NULL),
	('bob', 2, 22, 'cat', annot.bbox(0, 0, 10, 10), NULL);

-- the set: one kind of geometry, text form as JSON
SELECT annot.objects(image_id, id, label, box) AS match_gold FROM match_gold WHERE image_id = 1;
SELECT annot.num_objects(o), annot.geometry_kind(o), o::text::annot.objects::text = o::text AS round_trip
FROM (SELECT annot.objects(image_id, id, label, box, 1.0 / id, crowd, annot.area(box)) AS o FROM match_gold) s;
SELECT annot.num_objects(o), annot.geometry_kind(o) IS NULL AS no_kind
FROM (SELECT annot.objects(image_id, id, label, box) AS o FROM match_gold WHERE false) s;

-- the shape of a matching: both sets built by the aggregate, then match
WITH g AS (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) AS o FROM match_gold),
	d AS (SELECT annotator, annot.objects(image_id, id, label, box, score) AS o
		FROM match_labels GROUP BY annotator)
SELECT d.annotator, m.image_id, m.gt_id, m.dt_id, m.gt_label, m.dt_label, r(m.iou) AS iou,
	m.score, m.outcome
FROM g, d, annot.match(g.o, d.o) m
ORDER BY d.annotator, m.image_id, m.score DESC NULLS LAST, m.dt_id, m.gt_id;

-- per annotator quality: a GROUP BY over the rows
WITH g AS (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) AS o FROM match_gold),
	d AS (SELECT annotator, annot.objects(image_id, id, label, box, score) AS o
		FROM match_labels GROUP BY annotator),
	m AS (SELECT d.annotator, m.* FROM g, d, annot.match(g.o, d.o) m)
SELECT annotator,
	round(count(*) FILTER (WHERE outcome = 'match')::numeric
		/ count(dt_id) FILTER (WHERE outcome <> 'ignored'), 3) AS precision,
	round(count(*) FILTER (WHERE outcome = 'match')::numeric / count(gt_id), 3) AS recall,
	round(2 * count(*) FILTER (WHERE outcome = 'match')::numeric
		/ (count(dt_id) FILTER (WHERE outcome <> 'ignored') + count(gt_id)), 3) AS f1,
	round(avg(iou) FILTER (WHERE outcome = 'match')::numeric, 3) AS mean_iou
FROM m GROUP BY annotator ORDER BY annotator;

-- class-agnostic: a matched pair with different labels is a classification error
WITH g AS (SELECT annot.objects(image_id, id, label, box) AS o FROM match_gold WHERE image_id = 1),
	d AS (SELECT annot.objects(image_id, id, label, box, score) AS o FROM match_labels
		WHERE annotator = 'ann' AND image_id = 1)
SELECT m.gt_id, m.dt_id, r(m.iou) AS iou, m.outcome
FROM g, d, annot.match(g.o, d.o, class_aware => false) m ORDER BY m.score DESC NULLS LAST, m.gt_id;

-- greedy (COCO: highest score first) against optimal (largest total IoU)
CREATE TABLE match_g2 AS SELECT * FROM (VALUES
	(1::bigint, 1::bigint, 'a', annot.bbox(0, 0, 10, 10)),
	(1, 2, 'a', annot.bbox(4, 0, 14, 10))) v(image_id, id, label, box);
CREATE TABLE match_d2 AS SELECT * FROM (VALUES
	(1::bigint, 10::bigint, 'a', annot.bbox(2, 0, 12, 10), 0.9::float8),
	(1, 11, 'a', annot.bbox(6, 0, 16, 10), 0.8)) v(image_id, id, label, box, score);
SELECT method, m.gt_id, m.dt_id, r(m.iou) AS iou, m.outcome
FROM (SELECT annot.objects(image_id, id, label, box) AS o FROM match_g2) g,
	(SELECT annot.objects(image_id, id, label, box, score) AS o FROM match_d2) d,
	unnest(ARRAY['greedy', 'optimal']) AS method,
	annot.match(g.o, d.o, iou_threshold => 0.6, method => method) m
ORDER BY method, m.dt_id NULLS LAST, m.gt_id;

-- thresholds: COCO compares iou >= threshold
SELECT t, m.outcome
FROM (SELECT annot.objects(1, 1, 'a', annot.bbox(0, 0, 10, 10)) AS o) g,
	(SELECT annot.objects(1, 2, 'a', annot.bbox(0, 0, 10, 5), 1.0) AS o) d,
	unnest(ARRAY[0.5, 0.5000001, 0.1]) AS t,
	annot.match(g.o, d.o, iou_threshold => t, background => least(t, 0.1)) m
WHERE m.dt_id IS NOT NULL ORDER BY t;

-- null sets are empty: everything missed, or everything background
SELECT m.outcome, count(*)
FROM (SELECT annot.objects(image_id, id, label, box) AS o FROM match_gold) g,
	annot.match(g.o, NULL) m GROUP BY 1 ORDER BY 1;
SELECT m.outcome, count(*)
FROM (SELECT annot.objects(image_id, id, label, box, score) AS o FROM match_labels) d,
	annot.match(NULL, d.o) m GROUP BY 1 ORDER BY 1;

-- polygons (exact area IoU), masks and keypoints (OKS)
SELECT m.gt_id, m.dt_id, r(m.iou) AS iou, m.outcome
FROM (SELECT annot.objects(1, 1, 'a', '[[0,0,10,0,10,10,0,10]]'::annot.poly) AS o) g,
	(SELECT annot.objects(1, 2, 'a', '[[0,0,10,0,0,10]]'::annot.poly, 1.0) AS o) d,
	annot.match(g.o, d.o, iou_threshold => 0.5) m;
SELECT m.gt_id, m.dt_id, r(m.iou) AS iou, m.outcome
FROM (SELECT annot.objects(1, 1, 'a', annot.mask(annot.bbox(0, 0, 4, 4), 8, 8)) AS o) g,
	(SELECT annot.objects(1, 2, 'a', annot.mask(annot.bbox(0, 0, 4, 2), 8, 8), 1.0) AS o) d,
	annot.match(g.o, d.o) m;
SELECT m.gt_id, m.dt_id, r(m.iou) AS iou, m.outcome
FROM (SELECT annot.objects(1, 1, 'p', '[10,10,2,20,20,2]'::annot.keypoints, NULL, false, 100) AS o) g,
	(SELECT annot.objects(1, 2, 'p', '[11,10,1,20,22,1]'::annot.keypoints, 0.9) AS o) d,
	annot.match(g.o, d.o, sigmas => ARRAY[0.1, 0.1]) m;
SELECT r(annot.oks('[11,10,1,20,22,1]', '[10,10,2,20,20,2]', 100, ARRAY[0.1, 0.1])) AS same_oks;

-- parallel aggregation builds the same set
CREATE TABLE match_many AS
SELECT i / 10 AS image_id, i AS id, (i % 3)::text AS label,
	annot.bbox(i % 97, i % 89, i % 97 + 5 + i % 7, i % 89 + 5 + i % 5) AS box,
	(i * 7919 % 1000) / 1000.0 AS score
FROM generate_series(1, 20000) i;
ANALYZE match_many;
CREATE TEMP TABLE serial_rows AS
SELECT m.* FROM (SELECT annot.objects(image_id, id, label, box) AS o FROM match_many WHERE id % 2 = 0) g,
	(SELECT annot.objects(image_id, id, label, box, score) AS o FROM match_many WHERE id % 2 = 1) d,
	annot.match(g.o, d.o) m;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT annot.objects(image_id, id, label, box) FROM match_many;
CREATE TEMP TABLE parallel_rows AS
SELECT m.* FROM (SELECT annot.objects(image_id, id, label, box) AS o FROM match_many WHERE id % 2 = 0) g,
	(SELECT annot.objects(image_id, id, label, box, score) AS o FROM match_many WHERE id % 2 = 1) d,
	annot.match(g.o, d.o) m;
RESET ALL;
SELECT count(*) AS rows, (SELECT count(*) FROM (SELECT * FROM serial_rows EXCEPT SELECT * FROM parallel_rows) x) AS differ
FROM serial_rows;
SELECT outcome, count(*) FROM serial_rows GROUP BY 1 ORDER BY 1;

-- bad arguments and input, each with its SQLSTATE
SELECT outcome($$SELECT * FROM annot.match(NULL, NULL, method => 'best')$$);
SELECT outcome($$SELECT * FROM annot.match(NULL, NULL, iou_threshold => 1.5)$$);
SELECT outcome($$SELECT * FROM annot.match(NULL, NULL, iou_threshold => 'NaN')$$);
SELECT outcome($$SELECT * FROM annot.match(NULL, NULL, iou_threshold => 0.5, background => 0.6)$$);
SELECT outcome($$SELECT * FROM annot.match(NULL, NULL, iou_threshold => NULL)$$);
SELECT outcome($$SELECT * FROM annot.match(NULL, NULL, sigmas => ARRAY[-1]::float8[])$$);
SELECT outcome($$SELECT * FROM annot.match((SELECT annot.objects(1, 1, 'a', annot.bbox(0,0,1,1))),
	(SELECT annot.objects(1, 1, 'a', '[[0,0,1,0,1,1]]'::annot.poly)))$$);
SELECT outcome($$SELECT * FROM annot.match((SELECT annot.objects(1, 1, 'a', annot.mask(annot.bbox(0,0,1,1), 4, 4))),
	(SELECT annot.objects(1, 2, 'a', annot.mask(annot.bbox(0,0,1,1), 4, 5))))$$);
SELECT outcome($$SELECT * FROM annot.match((SELECT annot.objects(1, 1, 'p', '[1,1,2]'::annot.keypoints)),
	(SELECT annot.objects(1, 2, 'p', '[1,1,2]'::annot.keypoints)), sigmas => ARRAY[0.1])$$);
SELECT outcome($$SELECT * FROM annot.match((SELECT annot.objects(1, 1, 'p', '[1,1,2]'::annot.keypoints, NULL, false, 10)),
	(SELECT annot.objects(1, 2, 'p', '[1,1,2,3,3,2]'::annot.keypoints)), sigmas => ARRAY[0.1])$$);
SELECT outcome($$SELECT annot.objects(NULL, 1, 'a', annot.bbox(0,0,1,1))$$);
SELECT outcome($$SELECT annot.objects(1, 1, 'a', annot.bbox(0,0,1,1), 'Infinity')$$);
SELECT outcome($$SELECT annot.objects(1, 1, 'a', annot.bbox(0,0,1,1), 1, false, -1)$$);
-- a row without a shape adds nothing
SELECT annot.num_objects(annot.objects(1, 1, 'a', NULL::annot.bbox));
-- too many pairs in one image: 54000, before any work
SELECT outcome($$SELECT count(*) FROM
	(SELECT annot.objects(1, i, 'a', annot.bbox(0,0,1,1)) AS o FROM generate_series(1, 4100) i) g,
	(SELECT annot.objects(1, i, 'a', annot.bbox(0,0,1,1), 1) AS o FROM generate_series(1, 4100) i) d,
	annot.match(g.o, d.o) m$$);
SELECT q, outcome(format('SELECT %L::annot.objects', q))
FROM unnest(ARRAY['', '{}', '[1]', '[{}]', '[{"image_id": 1}]',
	'[{"image_id": 1, "id": 1}]',
	'[{"image_id": 1, "id": 1, "bbox": "(0,0),(1,1)", "poly": [[0,0,1,0,1,1]]}]',
	'[{"image_id": 1, "id": 1, "bbox": "(1,1),(0,0)"}]',
	'[{"image_id": 1, "id": 1, "bbox": "(0,0),(1,1)"}, {"image_id": 1, "id": 2, "poly": [[0,0,1,0,1,1]]}]',
	'[{"image_id": 1, "id": 1, "label": 5, "bbox": "(0,0),(1,1)"}]',
	'[{"image_id": "x", "id": 1, "bbox": "(0,0),(1,1)"}]',
	'[{"image_id": 1, "id": 1, "bbox": "(0,0),(1,1)", "score": "high"}]',
	'[{"image_id": 1, "id": 1, "bbox": "(0,0),(1,1)", "iscrowd": 1}]',
	'[{"image_id": 1, "id": 1, "keypoints": [1,2]}]',
	'[{"image_id": 1, "id": 1, "bbox": "(0,0),(1,1)", "area": -1}]',
	'[]', '[{"image_id": 1, "id": 1, "label": "a\"b", "bbox": "(0,0),(1,1)", "score": 0.5, "iscrowd": true, "area": 2}]'
]) AS q;

-- binary input is checked whole
CREATE TABLE match_objs (o annot.objects);
INSERT INTO match_objs SELECT annot.objects(image_id, id, label, box, score) FROM match_labels;
\copy match_objs TO 'results/match_objs.bin' WITH (FORMAT binary)
CREATE TABLE match_objs2 (o annot.objects);
\copy match_objs2 FROM 'results/match_objs.bin' WITH (FORMAT binary)
SELECT (SELECT o::text FROM match_objs) = (SELECT o::text FROM match_objs2) AS binary_round_trip;
\copy (SELECT decode('01010000' || '01000000' || '00000000', 'hex')) TO 'results/match_short.bin' WITH (FORMAT binary)
\copy (SELECT decode('02000000' || '00000000' || '00000000', 'hex')) TO 'results/match_version.bin' WITH (FORMAT binary)
\copy (SELECT substring(annot.objects_send(o) FROM 1 FOR 60) || substring(annot.objects_send(o) FROM 61) FROM match_objs) TO 'results/match_good.bin' WITH (FORMAT binary)
\copy (SELECT overlay(annot.objects_send(o) PLACING '\xffffffff'::bytea FROM 45) FROM match_objs) TO 'results/match_offset.bin' WITH (FORMAT binary)
\copy (SELECT overlay(annot.objects_send(o) PLACING '\x000000000000f07f'::bytea FROM 13 + 56 * 9) FROM match_objs) TO 'results/match_shape.bin' WITH (FORMAT binary)
\set VERBOSITY sqlstate
\copy match_objs2 FROM 'results/match_short.bin' WITH (FORMAT binary)
\copy match_objs2 FROM 'results/match_version.bin' WITH (FORMAT binary)
\copy match_objs2 FROM 'results/match_offset.bin' WITH (FORMAT binary)
\copy match_objs2 FROM 'results/match_shape.bin' WITH (FORMAT binary)
\set VERBOSITY terse
\copy match_objs2 FROM 'results/match_good.bin' WITH (FORMAT binary)
SELECT count(*) FROM match_objs2;

-- VOC AP: boxes only, thresholds in [0, 1], null sets empty
SELECT label, ground_truths, detections, true_positives, r(ap_11) AS ap_11, r(ap_all) AS ap_all
FROM (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) AS o FROM match_gold) g,
	(SELECT annot.objects(image_id, id, label, box, score) AS o FROM match_labels WHERE annotator = 'ann') d,
	annot.voc_ap(g.o, d.o) ORDER BY label;
SELECT count(*) FROM annot.voc_ap(NULL, NULL);
SELECT outcome($$SELECT * FROM annot.voc_ap((SELECT annot.objects(1, 1, 'a', '[[0,0,1,0,1,1]]'::annot.poly)), NULL)$$);
SELECT outcome($$SELECT * FROM annot.voc_ap(NULL, NULL, 1.5)$$);
SELECT outcome($$SELECT * FROM annot.voc_ap(NULL, NULL, NULL)$$);

-- TIDE: the AP at 0.5 and the AP each fix adds
SELECT error, r(dap) AS dap
FROM (SELECT annot.objects(image_id, id, label, box, NULL, crowd, NULL) AS o FROM match_gold) g,
	(SELECT annot.objects(image_id, id, label, box, score) AS o FROM match_labels WHERE annotator = 'ann') d,
	annot.tide(g.o, d.o);
-- a perfect detector leaves nothing to fix; a stray box ranked first costs AP that fixing background errors restores
SELECT error, r(dap) AS dap
FROM (SELECT annot.objects(image_id, id, label, box) AS o FROM match_gold WHERE NOT crowd) g,
	(SELECT annot.objects(image_id, id, label, box, 0.5) AS o FROM match_gold WHERE NOT crowd) d,
	annot.tide(g.o, d.o);
SELECT error, r(dap) AS dap
FROM (SELECT annot.objects(image_id, id, label, box) AS o FROM match_gold WHERE NOT crowd) g,
	(SELECT annot.objects(image_id, id, label, box, score) AS o FROM
		(SELECT image_id, id, label, box, 0.5::float8 AS score FROM match_gold WHERE NOT crowd
		 UNION ALL SELECT 1, 99, 'cat', annot.bbox(200, 200, 210, 210), 0.9) u) d,
	annot.tide(g.o, d.o);
SELECT count(*), count(dap) FROM annot.tide(NULL, NULL);
SELECT outcome($$SELECT * FROM annot.tide(NULL, NULL, 0.5, 0.7)$$);
SELECT outcome($$SELECT * FROM annot.tide(NULL, NULL, NULL)$$);
