-- The demo data set, part 3: segmentation masks for the validation images.
-- Each gold object of a 'val' image gets an outline: a 16-gon inscribed in
-- its gold box with some radial wobble, rasterized as COCO does.  Every
-- annotator traces the same outlines with vertex noise that grows with
-- their jitter (and misses some objects), so their masks differ from gold
-- mostly along the boundary.  Deterministic: the draws come from setseed().
SET client_min_messages = warning;
SET search_path = demo, public, annot;
SELECT setseed(0.3003);

-- The outline of each gold object, as a COCO polygon [x1, y1, x2, y2, ...].
CREATE TABLE demo.gold_outlines AS
SELECT g.gold_id, g.image_id, g.category,
	(SELECT jsonb_agg(v ORDER BY k, c)
	 FROM generate_series(0, 15) k
	 CROSS JOIN LATERAL (SELECT 0.85 + 0.15 * random() AS wobble) w
	 CROSS JOIN LATERAL (VALUES
		(0, (annot.x1(g.box) + annot.x2(g.box)) / 2
			+ w.wobble * annot.width(g.box) / 2 * cos(k * pi() / 8)),
		(1, (annot.y1(g.box) + annot.y2(g.box)) / 2
			+ w.wobble * annot.height(g.box) / 2 * sin(k * pi() / 8))) AS xy(c, v)) AS outline
FROM demo.gold_boxes g
JOIN demo.images i USING (image_id)
WHERE i.split = 'val';

CREATE TABLE demo.gold_masks (
	gold_id int PRIMARY KEY REFERENCES demo.gold_boxes,
	image_id int NOT NULL REFERENCES demo.images,
	category text NOT NULL,
	mask annot.mask NOT NULL
);
INSERT INTO demo.gold_masks
SELECT o.gold_id, o.image_id, o.category,
	annot.mask(jsonb_build_array(o.outline), i.height, i.width)
FROM demo.gold_outlines o JOIN demo.images i USING (image_id);

-- Annotators trace the outlines: each vertex moves by up to half their
-- jitter, and objects are missed at their miss rate.  Some traces are
-- coarse (every other vertex, drawn 8% too wide): a boundary error that area
-- IoU forgives on a large object, more often the sloppier the annotator.
CREATE TABLE demo.annotator_masks (
	label_id serial PRIMARY KEY,
	image_id int NOT NULL REFERENCES demo.images,
	annotator_id int NOT NULL REFERENCES demo.annotators,
	category text NOT NULL,
	mask annot.mask NOT NULL,
	seconds float8 NOT NULL		-- time spent tracing
);
INSERT INTO demo.annotator_masks (image_id, annotator_id, category, mask, seconds)
SELECT t.image_id, t.annotator_id, t.category,
	annot.mask(jsonb_build_array((
		SELECT jsonb_agg(CASE WHEN t.coarse
				THEN ctr.v + 1.08 * (p.v::float8 - ctr.v) ELSE p.v::float8 END
			+ t.jitter * (random() - 0.5) ORDER BY p.n)
		FROM jsonb_array_elements_text(t.outline) WITH ORDINALITY AS p(v, n)
		CROSS JOIN LATERAL (SELECT CASE WHEN p.n % 2 = 1 THEN t.cx ELSE t.cy END AS v) ctr
		WHERE NOT t.coarse OR ((p.n - 1) / 2) % 2 = 0)), i.height, i.width),
	CASE WHEN t.coarse THEN 8 ELSE 20 END + random() * 30 + t.jitter
FROM (SELECT o.*, a.annotator_id, a.jitter, a.miss_rate,
		(annot.x1(g.box) + annot.x2(g.box)) / 2 AS cx, (annot.y1(g.box) + annot.y2(g.box)) / 2 AS cy,
		-- volatile per row: the subquery keeps one draw per object and annotator
		random() AS miss, random() < 0.05 + a.jitter / 60 AS coarse
	FROM demo.gold_outlines o
	JOIN demo.gold_boxes g USING (gold_id)
	CROSS JOIN demo.annotators a) t
JOIN demo.images i USING (image_id)
WHERE t.miss >= t.miss_rate;

CREATE INDEX ON demo.annotator_masks (image_id, annotator_id);
ANALYZE demo.gold_masks, demo.annotator_masks;
