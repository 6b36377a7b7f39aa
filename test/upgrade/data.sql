-- Values stored under an older release, with what that release said about
-- them (text forms, measures, aggregates); run.sh keeps their binary COPY
-- form, and check.sql reads them back after the update.
-- Every type of the release is stored: bbox, poly, mask, the agreement
-- composite, and an array of each base type.
CREATE TABLE upgrade_data AS
SELECT i,
	annot.bbox(i, 2 * i, i + 10.5, 2 * i + 7.25) AS b,
	annot.poly(jsonb_build_array(jsonb_build_array(i, 0, i + 10, 0, i + 10, 10, i, 10 + i % 3))) AS p,
	annot.mask(annot.bbox(i % 7, i % 5, i % 7 + 9, i % 5 + 3), 20, 24) AS m
FROM generate_series(1, 50) i;
-- the extremes each type accepts, and values of other shapes
INSERT INTO upgrade_data VALUES
	(51, '(-1e300,-5e-324),(1e300,5e-324)', '[[-1e15,-1e15,1e15,-1e15,0,1e15]]',
		'{"size": [1, 1], "counts": [0, 1]}'),
	(52, '(0,0),(0,0)', '[[0,0,10,10,10,0,0,10],[20,20,30,20,25,30]]',
		'{"size": [3, 4], "counts": [12]}'),
	(53, '(0.1,1e-7),(0.30000000000000004,0.2)',
		'[[0.1,0.2,0.3,0.4,0.5,0.7]]', '{"size": [2, 3], "counts": [0, 6]}');
ALTER TABLE upgrade_data
	ADD COLUMN a annot.agreement,
	ADD COLUMN arr_b annot.bbox[],
	ADD COLUMN arr_p annot.poly[],
	ADD COLUMN arr_m annot.mask[];
UPDATE upgrade_data SET
	a = (SELECT annot.fleiss_kappa_ci(k % 7, (k * i) % 3) FROM generate_series(1, 40) k),
	arr_b = ARRAY[b, NULL, b], arr_p = ARRAY[p], arr_m = ARRAY[m, m];

CREATE TABLE upgrade_said AS
SELECT i, b::text AS bt, p::text AS pt, m::text AS mt, a::text AS at,
	arr_b::text AS arr_bt, arr_p::text AS arr_pt, arr_m::text AS arr_mt,
	annot.area(b) AS ba, annot.area(p) AS pa, annot.area(m) AS ma,
	annot.iou(b, annot.bbox(5, 5, 30, 30)) AS biou,
	annot.iou(p, annot.poly('[[0,0,40,0,40,40]]'::jsonb)) AS piou,
	annot.iou(m, annot.mask(annot.bbox(0, 0, 10, 10), m_h, m_w)) AS miou,
	annot.to_coco(b) AS bcoco, annot.to_coco(p) AS pcoco, annot.to_coco(m) AS mcoco
FROM upgrade_data, LATERAL (SELECT annot.height(m) AS m_h, annot.width(m) AS m_w) s;

CREATE TABLE upgrade_said_agg AS
SELECT annot.cohen_kappa(i % 3, (i * 7) % 3) AS kappa,
	annot.fleiss_kappa(i % 10, (i / 10) % 2) AS fleiss
FROM upgrade_data;
