-- Properties of box input and output on random boxes of every magnitude,
-- extremes included (seeded, so reproducible): every form round trips,
-- JSON serializers agree with annot.to_coco, and literal validation agrees
-- with a cast.
BEGIN;
SET search_path = public, annot;
SELECT plan(11);

SELECT setseed(0.77);
-- magnitudes from subnormal to the bound, signs, zero widths, -0
CREATE TEMP TABLE boxes AS
SELECT annot.bbox(least(x1, x2), least(y1, y2), greatest(x1, x2), greatest(y1, y2)) AS b
FROM (SELECT v[1] AS x1, v[2] AS y1, v[3] AS x2, v[4] AS y2
	FROM (SELECT ARRAY(SELECT CASE (random() * 6)::int
				WHEN 0 THEN 0.0
				WHEN 1 THEN -0.0
				WHEN 2 THEN (random() - 0.5) * 2e15
				WHEN 3 THEN (random() - 0.5) * power(10::float8, random() * 337 - 322)
				WHEN 4 THEN round((random() * 2000)::numeric, 2)::float8
				ELSE (random() - 0.5) * 5e-320 END
			FROM generate_series(1, 4) WHERE i > 0) AS v
		FROM generate_series(1, 4000) i) r) s;

SELECT is((SELECT count(*) FROM boxes WHERE b::text::annot.bbox <> b
		OR annot.bbox_send(b) <> annot.bbox_send(b::text::annot.bbox)), 0::bigint,
	'text output reads back to the same bits');
SELECT is((SELECT count(*) FROM boxes
	WHERE b::text !~ '^\(-?[0-9.e+-]+,-?[0-9.e+-]+\),\(-?[0-9.e+-]+,-?[0-9.e+-]+\)$'), 0::bigint,
	'text output is four plain numbers');
SELECT is((SELECT max(length(b::text)) <= 4 * 24 + 5 FROM boxes), true,
	'no number prints longer than 24 characters');
SELECT is((SELECT count(*) FROM boxes WHERE annot.area(b) IS NULL OR annot.area(b) = 'Infinity'
		OR annot.area(b) <> annot.area(b)), 0::bigint,
	'areas are finite numbers');
SELECT is((SELECT count(*) FROM boxes
	WHERE abs(annot.x2(annot.bbox(annot.to_coco(b))) - annot.x2(b)) / 2.3e-16
		> greatest(abs(annot.x1(b)), abs(annot.x2(b)), 5e-324 / 2.3e-16)
	OR annot.x1(annot.bbox(annot.to_coco(b))) <> annot.x1(b)), 0::bigint,
	'COCO output reads back to x1 exactly and x2 within a unit in the last place');
SELECT is((SELECT count(*) FROM boxes b0,
	LATERAL (SELECT annot.bbox_xywh(annot.x1(b), annot.y1(b), annot.width(b), annot.height(b)) AS c) s
	WHERE annot.width(b) >= 0 AND annot.bbox(annot.to_coco(c)) <> c), 0::bigint,
	'boxes made from x, y, width, height read back from COCO exactly');
SELECT is((SELECT count(*) FROM boxes WHERE to_jsonb(b) <> annot.to_coco(b)
		OR to_json(b)::jsonb <> annot.to_coco(b) OR b::jsonb <> annot.to_coco(b)), 0::bigint,
	'to_json, to_jsonb and the casts give annot.to_coco');
SELECT is((SELECT count(*) FROM boxes
	WHERE annot.bbox(ARRAY(SELECT jsonb_array_elements_text(annot.to_coco(b))::float8))
		<> annot.bbox(annot.to_coco(b))), 0::bigint,
	'the array form reads as the jsonb form');

-- literals: the boxes' text, damaged at a random place, or a bound slip
CREATE TEMP TABLE literals AS
SELECT CASE (random() * 3)::int
		WHEN 0 THEN t
		WHEN 1 THEN overlay(t placing chr(32 + (random() * 90)::int) from 1 + (random() * (length(t) - 1))::int for 1)
		ELSE replace(t, ')', 'e3)') END AS lit
FROM (SELECT b::text AS t FROM boxes) s;
CREATE FUNCTION pg_temp.casts(lit text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
	PERFORM lit::annot.bbox;
	RETURN true;
EXCEPTION WHEN OTHERS THEN
	RETURN false;
END $$;
SELECT is((SELECT count(*) FROM literals
	WHERE annot.input_is_valid(lit, 'annot.bbox') <> pg_temp.casts(lit)), 0::bigint,
	'annot.input_is_valid agrees with a cast');
SELECT cmp_ok((SELECT count(*) FROM literals WHERE NOT annot.input_is_valid(lit, 'annot.bbox')),
	'>', 1000::bigint, 'the sample has invalid literals');
SELECT is((SELECT count(*) FROM literals, annot.input_error_info(lit, 'annot.bbox') e
	WHERE (e.sql_error_code IS NULL) <> pg_temp.casts(lit)
		OR e.sql_error_code NOT IN ('22P02', '22003')), 0::bigint,
	'annot.input_error_info agrees with a cast, with 22P02 or 22003');

SELECT * FROM finish();
ROLLBACK;
