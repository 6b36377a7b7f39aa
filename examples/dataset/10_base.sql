-- The demo data set, part 1: images, annotators, gold boxes and annotator
-- boxes.  Deterministic: every random draw comes from setseed() below, so
-- each run loads the same rows.  Annotators differ in skill: the less
-- skilled jitter corners more, miss more objects, swap classes and draw
-- the odd duplicate or stray box.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS annot;
DROP SCHEMA IF EXISTS demo CASCADE;
CREATE SCHEMA demo;
SET search_path = demo, public, annot;
SELECT setseed(0.2026);

CREATE TABLE demo.images (
	image_id int PRIMARY KEY,
	width int NOT NULL,
	height int NOT NULL,
	split text NOT NULL
);
INSERT INTO demo.images
SELECT i, 640, 480, CASE WHEN i % 5 = 0 THEN 'val' ELSE 'train' END
FROM generate_series(1, 400) i;

CREATE TABLE demo.annotators (
	annotator_id int PRIMARY KEY,
	name text NOT NULL,
	jitter float8 NOT NULL,		-- corner noise in pixels
	miss_rate float8 NOT NULL,
	swap_rate float8 NOT NULL,	-- probability of a wrong class
	extra_rate float8 NOT NULL	-- probability of a duplicate or stray box
);
INSERT INTO demo.annotators VALUES
	(1, 'ana', 1.5, 0.02, 0.01, 0.01),
	(2, 'ben', 3.0, 0.05, 0.03, 0.03),
	(3, 'chloe', 6.0, 0.10, 0.08, 0.06),
	(4, 'dev', 12.0, 0.20, 0.15, 0.12);

CREATE TABLE demo.categories (category text PRIMARY KEY, mean_w float8, mean_h float8);
INSERT INTO demo.categories VALUES
	('person', 60, 150), ('car', 140, 80), ('dog', 80, 60), ('bicycle', 90, 70);

-- Gold: 2 to 7 objects an image, each kept inside its image.
CREATE TABLE demo.gold_boxes (
	gold_id serial PRIMARY KEY,
	image_id int NOT NULL REFERENCES demo.images,
	category text NOT NULL REFERENCES demo.categories,
	box annot.bbox NOT NULL
);
INSERT INTO demo.gold_boxes (image_id, category, box)
SELECT image_id, category,
	annot.clip(annot.bbox_xywh(cx - w / 2, cy - h / 2, w, h), 640, 480)
FROM (
	SELECT i.image_id, c.category,
		c.mean_w * (0.5 + random()) AS w, c.mean_h * (0.5 + random()) AS h,
		40 + random() * 560 AS cx, 40 + random() * 400 AS cy
	FROM demo.images i
	CROSS JOIN LATERAL generate_series(1, 2 + (i.image_id * 7) % 6) k
	CROSS JOIN LATERAL (SELECT category, mean_w, mean_h FROM demo.categories
		ORDER BY category OFFSET (i.image_id + k * 3) % 4 LIMIT 1) c
) o;

-- Every annotator labels every image; jittered, sometimes missed, swapped
-- or duplicated, plus stray boxes.
CREATE TABLE demo.annotator_boxes (
	label_id serial PRIMARY KEY,
	image_id int NOT NULL REFERENCES demo.images,
	annotator_id int NOT NULL REFERENCES demo.annotators,
	category text NOT NULL,
	box annot.bbox NOT NULL,
	seconds float8 NOT NULL		-- time spent drawing the box
);
INSERT INTO demo.annotator_boxes (image_id, annotator_id, category, box, seconds)
SELECT g.image_id, a.annotator_id,
	CASE WHEN random() < a.swap_rate
		THEN (ARRAY['person', 'car', 'dog', 'bicycle'])[1 + floor(random() * 4)::int]
		ELSE g.category END,
	annot.bbox(least(x1, x2), least(y1, y2), greatest(x1, x2), greatest(y1, y2)),
	4 + random() * 10 + a.jitter / 2
FROM demo.gold_boxes g
CROSS JOIN demo.annotators a
CROSS JOIN LATERAL (SELECT
	annot.x1(g.box) + a.jitter * (random() - 0.5) * 2 AS x1,
	annot.y1(g.box) + a.jitter * (random() - 0.5) * 2 AS y1,
	annot.x2(g.box) + a.jitter * (random() - 0.5) * 2 AS x2,
	annot.y2(g.box) + a.jitter * (random() - 0.5) * 2 AS y2,
	random() AS miss) j
CROSS JOIN LATERAL generate_series(1, CASE WHEN random() < a.extra_rate THEN 2 ELSE 1 END) dup
WHERE j.miss >= a.miss_rate;

-- stray boxes where there is nothing
INSERT INTO demo.annotator_boxes (image_id, annotator_id, category, box, seconds)
SELECT i.image_id, a.annotator_id, 'person',
	annot.bbox_xywh(random() * 560, random() * 380, 20 + random() * 60, 20 + random() * 80),
	3 + random() * 5
FROM demo.images i CROSS JOIN demo.annotators a
-- the draw must be per (image, annotator), not per annotator
CROSS JOIN LATERAL (SELECT random() AS r, i.image_id) d
WHERE d.r < a.extra_rate;

CREATE INDEX ON demo.gold_boxes USING gist (box);
CREATE INDEX ON demo.annotator_boxes USING gist (box);
CREATE INDEX ON demo.annotator_boxes (image_id, annotator_id);
ANALYZE demo.images, demo.annotators, demo.gold_boxes, demo.annotator_boxes;

-- A batch of boxes as a labelling tool exports them (text literals), before
-- it is loaded: most are fine, a few have the slips that tools make.
CREATE TABLE demo.box_import (
	line int PRIMARY KEY,
	literal text NOT NULL
);
INSERT INTO demo.box_import
SELECT n, CASE
		WHEN n % 97 = 0 THEN format('(%s,%s),(%s,%s)', x + w, y, x, y + h)	-- corners swapped
		WHEN n % 89 = 0 THEN format('(%s,%s),(%s,%s', x, y, x + w, y + h)	-- cut short
		WHEN n % 83 = 0 THEN format('(%s,%s),(%s,NaN)', x, y, x + w)			-- a lost number
		WHEN n % 79 = 0 THEN format('(%s,%s),(%se20,%s)', x, y, x + w, y + h)	-- a unit slip
		ELSE format('(%s,%s),(%s,%s)', x, y, x + w, y + h) END
FROM (SELECT n, round((random() * 600)::numeric, 1) AS x, round((random() * 440)::numeric, 1) AS y,
		round((5 + random() * 80)::numeric, 1) AS w, round((5 + random() * 60)::numeric, 1) AS h
	FROM generate_series(1, 1000) n) r;
