-- Values stored under an older release, with what that release said about
-- them (text forms and measures); check.sql reads them back after the update.
CREATE TABLE upgrade_data AS
SELECT i,
	annot.bbox(i, 2 * i, i + 10.5, 2 * i + 7.25) AS b,
	annot.poly(jsonb_build_array(jsonb_build_array(i, 0, i + 10, 0, i + 10, 10, i, 10 + i % 3))) AS p,
	annot.mask(annot.bbox(i % 7, i % 5, i % 7 + 9, i % 5 + 3), 20, 24) AS m
FROM generate_series(1, 50) i;

CREATE TABLE upgrade_said AS
SELECT i, b::text AS bt, p::text AS pt, m::text AS mt,
	annot.area(b) AS ba, annot.area(p) AS pa, annot.area(m) AS ma,
	annot.iou(b, annot.bbox(5, 5, 30, 30)) AS biou,
	annot.iou(p, annot.poly('[[0,0,40,0,40,40]]'::jsonb)) AS piou,
	annot.iou(m, annot.mask(annot.bbox(0, 0, 10, 10), 20, 24)) AS miou,
	annot.to_coco(m) AS mcoco
FROM upgrade_data;

CREATE TABLE upgrade_said_agg AS
SELECT annot.cohen_kappa(i % 3, (i * 7) % 3) AS kappa,
	annot.fleiss_kappa(i % 10, (i / 10) % 2) AS fleiss
FROM upgrade_data;
