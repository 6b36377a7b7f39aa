-- The demo data set, polygons: a gold outline inside every gold box, and
-- each annotator's tracing of it.  Deterministic (setseed below).  The
-- less skilled an annotator, the more the points wander (their corner
-- jitter) and the sloppier the tracing: two points clicked in the wrong
-- order (a bow tie), a double click (a repeated point), a stray click out
-- and back (a spike).
SET client_min_messages = warning;
SET search_path = demo, public, annot;
SELECT setseed(0.2027);

-- An outline of n points in box b: an ellipse filling the box, its radius
-- wobbling with two harmonics of phase ph.
CREATE FUNCTION demo.outline(b annot.bbox, n int, ph float8) RETURNS float8[]
LANGUAGE sql IMMUTABLE AS $$
	SELECT array_agg(v ORDER BY k, c)
	FROM (SELECT k, 2 * pi() * k / n AS t,
			1 - 0.12 * (1 + sin(3 * 2 * pi() * k / n + ph)) / 2
				- 0.06 * (1 + sin(5 * 2 * pi() * k / n + 2 * ph)) / 2 AS r
		FROM generate_series(0, n - 1) k) s,
		LATERAL (VALUES
			(0, round((annot.x1(b) / 2 + annot.x2(b) / 2 + r * annot.width(b) / 2 * cos(t))::numeric, 2)::float8),
			(1, round((annot.y1(b) / 2 + annot.y2(b) / 2 + r * annot.height(b) / 2 * sin(t))::numeric, 2)::float8)) AS q(c, v)
$$;
COMMENT ON FUNCTION demo.outline(annot.bbox, int, float8) IS
'Demo: a wobbly elliptic outline of n points filling a box, flat x,y array';

-- One ring of a flat x,y array as an annot.poly.
CREATE FUNCTION demo.ring(xy float8[]) RETURNS annot.poly
LANGUAGE sql IMMUTABLE AS $$
	SELECT annot.poly(jsonb_build_array(to_jsonb(xy)))
$$;
COMMENT ON FUNCTION demo.ring(float8[]) IS 'Demo: one ring of a flat x,y array as a polygon';

CREATE TABLE demo.gold_polys (
	gold_id int PRIMARY KEY REFERENCES demo.gold_boxes,
	image_id int NOT NULL REFERENCES demo.images,
	category text NOT NULL,
	poly annot.poly NOT NULL
);
INSERT INTO demo.gold_polys
SELECT gold_id, image_id, category, demo.ring(demo.outline(box, 24, 6 * random()))
FROM demo.gold_boxes ORDER BY gold_id;

-- Annotators trace every gold outline they do not miss: points jittered
-- by a third of their box jitter, then the slips.
CREATE TABLE demo.annotator_polys (
	label_id serial PRIMARY KEY,
	gold_id int NOT NULL REFERENCES demo.gold_polys,
	image_id int NOT NULL REFERENCES demo.images,
	annotator_id int NOT NULL REFERENCES demo.annotators,
	category text NOT NULL,
	slip text,					-- what went wrong while tracing, if anything
	poly annot.poly NOT NULL,
	seconds float8 NOT NULL
);
INSERT INTO demo.annotator_polys (gold_id, image_id, annotator_id, category, slip, poly, seconds)
SELECT gold_id, image_id, annotator_id, category, slip,
	demo.ring(CASE slip
		WHEN 'swapped points' THEN	-- points k and k+1 in the wrong order
			xy[1:2 * k] || xy[2 * k + 3:2 * k + 4] || xy[2 * k + 1:2 * k + 2] || xy[2 * k + 5:]
		WHEN 'double click' THEN	-- point k twice
			xy[1:2 * k + 2] || xy[2 * k + 1:]
		WHEN 'stray click' THEN		-- out to a far point after k, and back
			xy[1:2 * k + 2] || ARRAY[xy[2 * k + 1] + 40, xy[2 * k + 2] + 25]::float8[] || xy[2 * k + 1:]
		ELSE xy END),
	20 + array_length(xy, 1) + 5 * random() + jitter
FROM (
	SELECT gold_id, image_id, annotator_id, jitter, category, xy, k,
		CASE WHEN s < swap_rate * 3 THEN 'swapped points'
			WHEN s < swap_rate * 3 + extra_rate THEN 'double click'
			WHEN s < swap_rate * 3 + extra_rate * 1.5 THEN 'stray click' END AS slip
	FROM (
		SELECT g.gold_id, g.image_id, a.annotator_id, a.jitter, a.swap_rate, a.extra_rate,
			g.category, random() AS miss, random() AS s, (random() * 20)::int AS k,
			a.miss_rate,
			(SELECT array_agg(v::float8 + a.jitter / 3 * (random() - 0.5) * 2 ORDER BY o)
				FROM jsonb_array_elements_text(annot.to_coco(g.poly)->0) WITH ORDINALITY AS u(v, o)) AS xy
		FROM demo.gold_polys g
		CROSS JOIN demo.annotators a
		ORDER BY g.gold_id, a.annotator_id
	) draws
	WHERE miss >= miss_rate
) t;

COMMENT ON TABLE demo.gold_polys IS 'Demo: gold polygon outline of each gold box';
COMMENT ON TABLE demo.annotator_polys IS
'Demo: each annotator''s tracing of the gold outlines, with the slip made, if any';
CREATE INDEX ON demo.annotator_polys (gold_id);
ANALYZE demo.gold_polys, demo.annotator_polys;
