-- The COCO segm summary statistics of coco/detectron2_2img and
-- coco/small_segm, which depend on the rasterizer bit for bit: ground
-- truth polygons are rasterized with annot.mask(segmentation, h, w), IoUs
-- come from annot.iou, and a test-local transcription of COCOeval's
-- evaluateImg / accumulate / summarize (pycocotools 2.0.11 semantics,
-- including numpy's linspace thresholds, np.spacing(1) in the precision,
-- and numpy's pairwise summation in the means) turns them into the 12
-- numbers, compared with EXPECTED.json exactly.
\set ON_ERROR_STOP 1
\set d2gt `cat "$ANNOT_REFDATA/coco/detectron2_2img/gt_annotations.json"`
\set d2dt `cat "$ANNOT_REFDATA/coco/detectron2_2img/detections.json"`
\set d2ex `cat "$ANNOT_REFDATA/coco/detectron2_2img/EXPECTED.json"`
\set ssgt `cat "$ANNOT_REFDATA/coco/small_segm/gt_dataset.json"`
\set ssrle `cat "$ANNOT_REFDATA/coco/small_segm/dt_dataset_rle_nobbox.json"`
\set ssex `cat "$ANNOT_REFDATA/coco/small_segm/EXPECTED.json"`
BEGIN;
SET search_path = public, annot;
SET LOCAL client_min_messages = warning;
SELECT plan(4);

-- numpy's pairwise summation (umath loops: blocks of 8, pairwise above
-- 128), as np.add.reduce applies it: the identity 0 plus all elements
CREATE FUNCTION pg_temp.pairwise_sum(a float8[], lo int, n int) RETURNS float8
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
	r float8[];
	res float8;
	i int;
	j int;
	n2 int;
BEGIN
	IF n < 8 THEN
		res := 0;
		FOR i IN 0 .. n - 1 LOOP
			res := res + a[lo + i];
		END LOOP;
		RETURN res;
	ELSIF n <= 128 THEN
		r := ARRAY[a[lo], a[lo + 1], a[lo + 2], a[lo + 3], a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]];
		i := 8;
		WHILE i < n - (n % 8) LOOP
			FOR j IN 1 .. 8 LOOP
				r[j] := r[j] + a[lo + i + j - 1];
			END LOOP;
			i := i + 8;
		END LOOP;
		res := ((r[1] + r[2]) + (r[3] + r[4])) + ((r[5] + r[6]) + (r[7] + r[8]));
		WHILE i < n LOOP
			res := res + a[lo + i];
			i := i + 1;
		END LOOP;
		RETURN res;
	END IF;
	n2 := n / 2;
	n2 := n2 - n2 % 8;
	RETURN pg_temp.pairwise_sum(a, lo, n2) + pg_temp.pairwise_sum(a, lo + n2, n - n2);
END $$;

-- np.mean of the values > -1, or -1 when there are none
CREATE FUNCTION pg_temp.np_mean(a float8[]) RETURNS float8
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN cardinality(v) = 0 THEN -1::float8
		ELSE (0 + pg_temp.pairwise_sum(v, 1, cardinality(v))) / cardinality(v) END
	FROM (SELECT ARRAY(SELECT x FROM unnest(a) WITH ORDINALITY AS u(x, o) WHERE x > -1 ORDER BY o) AS v) s
$$;

-- Inputs: pg_temp.gt(gid, image_id, cat, area, crowd, m) in file order and
-- pg_temp.dt(did, image_id, cat, score, area, m) with did = file index + 1;
-- pg_temp.cats(cat) and pg_temp.imgs(image_id).
CREATE FUNCTION pg_temp.segm_stats() RETURNS float8[]
LANGUAGE plpgsql AS $$
DECLARE
	thr float8[] := ARRAY(SELECT CASE WHEN k = 9 THEN 0.95::float8
		ELSE k * ((0.95::float8 - 0.5::float8) / 9) + 0.5 END FROM generate_series(0, 9) k ORDER BY k);
	lo float8[] := ARRAY[0, 0, 1024, 9216]::float8[];
	hi float8[] := ARRAY[1e10, 1024, 9216, 1e10]::float8[];
	cr record;
	im record;
	ar int;
	th int;
	gids bigint[];
	gcrowd bool[];
	gign bool[];
	dids bigint[];
	dareas float8[];
	ious float8[];
	gmatched bool[];
	ng int;
	nd int;
	di int;
	gi int;
	mg int;
	best float8;
	stats float8[];
BEGIN
	CREATE TEMP TABLE ev (cat int, a int, img_ord int, rank int, score float8, t int, tp bool)
		ON COMMIT DROP;
	CREATE TEMP TABLE np (cat int, a int, npig int) ON COMMIT DROP;
	-- pycocotools' maskUtils.iou(dt, gt, iscrowd) for every pair of an image and category
	CREATE TEMP TABLE piou ON COMMIT DROP AS
	SELECT d.did, g.gid, annot.iou(d.m, g.m, g.crowd) AS v
	FROM pg_temp.dt d JOIN pg_temp.gt g USING (image_id, cat);
	FOR cr IN SELECT cats.cat FROM pg_temp.cats ORDER BY cats.cat LOOP
		FOR ar IN 1 .. 4 LOOP
			FOR im IN SELECT image_id, row_number() OVER (ORDER BY image_id) AS ord
					FROM pg_temp.imgs ORDER BY image_id LOOP
				-- ground truth sorted by ignore flag (stable), detections by score
				SELECT array_agg(gid ORDER BY ign, ord), array_agg(crowd ORDER BY ign, ord),
					array_agg(ign ORDER BY ign, ord)
				INTO gids, gcrowd, gign
				FROM (SELECT gid, ord, crowd, crowd OR area < lo[ar] OR area > hi[ar] AS ign
					FROM pg_temp.gt WHERE image_id = im.image_id AND gt.cat = cr.cat) g;
				SELECT array_agg(did ORDER BY rank), array_agg(area ORDER BY rank)
				INTO dids, dareas
				FROM pg_temp.dt WHERE image_id = im.image_id AND dt.cat = cr.cat AND rank <= 100;
				ng := coalesce(cardinality(gids), 0);
				nd := coalesce(cardinality(dids), 0);
				IF ng = 0 AND nd = 0 THEN
					CONTINUE;
				END IF;
				INSERT INTO np VALUES (cr.cat, ar, (SELECT count(*) FROM unnest(gign) x WHERE NOT x));
				IF nd = 0 THEN
					CONTINUE;
				END IF;
				-- IoU matrix [d][g] of the sorted lists, flattened
				ious := ARRAY(SELECT coalesce(p.v, 0)
					FROM generate_series(1, nd) dd CROSS JOIN generate_series(1, ng) gg
					LEFT JOIN piou p ON p.did = dids[dd] AND p.gid = gids[gg]
					ORDER BY dd, gg);
				FOR th IN 1 .. 10 LOOP
					gmatched := array_fill(false, ARRAY[greatest(ng, 1)]);
					FOR di IN 1 .. nd LOOP
						best := least(thr[th], 1 - 1e-10);
						mg := 0;
						FOR gi IN 1 .. ng LOOP
							IF gmatched[gi] AND NOT gcrowd[gi] THEN
								CONTINUE;
							END IF;
							IF mg > 0 AND NOT gign[mg] AND gign[gi] THEN
								EXIT;
							END IF;
							IF ious[(di - 1) * ng + gi] < best THEN
								CONTINUE;
							END IF;
							best := ious[(di - 1) * ng + gi];
							mg := gi;
						END LOOP;
						IF mg > 0 THEN
							gmatched[mg] := true;
							-- matched to an ignored ground truth: ignored
							IF NOT gign[mg] THEN
								INSERT INTO ev SELECT cr.cat, ar, im.ord, di, score, th, true
									FROM pg_temp.dt WHERE did = dids[di];
							END IF;
						ELSIF NOT (dareas[di] < lo[ar] OR dareas[di] > hi[ar]) THEN
							INSERT INTO ev SELECT cr.cat, ar, im.ord, di, score, th, false
								FROM pg_temp.dt WHERE did = dids[di];
						END IF;
					END LOOP;
				END LOOP;
			END LOOP;
		END LOOP;
	END LOOP;

	-- accumulate: per (cat, area, maxDet, threshold) precision at the 101
	-- recall points and the final recall; -1 where there is no ground truth
	CREATE TEMP TABLE keys ON COMMIT DROP AS
	SELECT c.cat, c.k, a, md.m, md.mi, t, coalesce(n.npig, 0) AS npig
	FROM (SELECT cat, row_number() OVER (ORDER BY cat) AS k FROM pg_temp.cats) c
	CROSS JOIN generate_series(1, 4) a
	CROSS JOIN (VALUES (1, 1), (10, 2), (100, 3)) md(m, mi)
	CROSS JOIN generate_series(1, 10) t
	LEFT JOIN (SELECT np.cat, np.a, sum(np.npig) AS npig FROM np GROUP BY np.cat, np.a) n
		USING (cat, a);
	-- the precision/recall curve over the detections in score order, and
	-- the precision made monotonic from the right
	CREATE TEMP TABLE interp ON COMMIT DROP AS
	SELECT *, max(pr) OVER (PARTITION BY cat, a, m, t ORDER BY i DESC) AS pri
	FROM (SELECT k.cat, k.a, k.m, k.t,
			(sum(e.tp::int) OVER w)::float8 / k.npig AS rc,
			(sum(e.tp::int) OVER w)::float8 /
				(((sum(e.tp::int) OVER w)::float8 + (sum((NOT e.tp)::int) OVER w)::float8) + 2.220446049250313e-16) AS pr,
			row_number() OVER w AS i
		FROM keys k JOIN ev e ON e.cat = k.cat AND e.a = k.a AND e.t = k.t AND e.rank <= k.m
		WHERE k.npig > 0
		WINDOW w AS (PARTITION BY k.cat, k.a, k.m, k.t ORDER BY e.score DESC, e.img_ord, e.rank)) c;
	-- np.searchsorted(rc, recThrs, side='left'): the first point reaching each recall
	CREATE TEMP TABLE acc ON COMMIT DROP AS
	SELECT k.k, k.a, k.mi, k.t,
		CASE WHEN k.npig = 0 THEN array_fill(-1::float8, ARRAY[101])
		ELSE ARRAY(SELECT coalesce(
				(SELECT p.pri FROM unnest(pts.rcs, pts.pris) AS p(rc, pri) WHERE p.rc >= r.v LIMIT 1), 0)
			FROM (SELECT CASE WHEN j = 100 THEN 1::float8 ELSE j * (1::float8 / 100) END AS v, j
				FROM generate_series(0, 100) j) r ORDER BY r.j) END AS prec,
		CASE WHEN k.npig = 0 THEN -1::float8 ELSE coalesce(pts.rcs[cardinality(pts.rcs)], 0) END AS rec
	FROM keys k
	LEFT JOIN LATERAL (SELECT array_agg(p.rc ORDER BY p.i) AS rcs, array_agg(p.pri ORDER BY p.i) AS pris
		FROM interp p WHERE p.cat = k.cat AND p.a = k.a AND p.m = k.m AND p.t = k.t) pts ON true;

	-- summarize: means in numpy's C order (threshold, recall point, category)
	SELECT ARRAY[
		pg_temp.np_mean((SELECT array_agg(p ORDER BY t, j, k) FROM acc, unnest(prec) WITH ORDINALITY u(p, j) WHERE a = 1 AND mi = 3)),
		pg_temp.np_mean((SELECT array_agg(p ORDER BY j, k) FROM acc, unnest(prec) WITH ORDINALITY u(p, j) WHERE a = 1 AND mi = 3 AND t = 1)),
		pg_temp.np_mean((SELECT array_agg(p ORDER BY j, k) FROM acc, unnest(prec) WITH ORDINALITY u(p, j) WHERE a = 1 AND mi = 3 AND t = 6)),
		pg_temp.np_mean((SELECT array_agg(p ORDER BY t, j, k) FROM acc, unnest(prec) WITH ORDINALITY u(p, j) WHERE a = 2 AND mi = 3)),
		pg_temp.np_mean((SELECT array_agg(p ORDER BY t, j, k) FROM acc, unnest(prec) WITH ORDINALITY u(p, j) WHERE a = 3 AND mi = 3)),
		pg_temp.np_mean((SELECT array_agg(p ORDER BY t, j, k) FROM acc, unnest(prec) WITH ORDINALITY u(p, j) WHERE a = 4 AND mi = 3)),
		pg_temp.np_mean((SELECT array_agg(rec ORDER BY t, k) FROM acc WHERE a = 1 AND mi = 1)),
		pg_temp.np_mean((SELECT array_agg(rec ORDER BY t, k) FROM acc WHERE a = 1 AND mi = 2)),
		pg_temp.np_mean((SELECT array_agg(rec ORDER BY t, k) FROM acc WHERE a = 1 AND mi = 3)),
		pg_temp.np_mean((SELECT array_agg(rec ORDER BY t, k) FROM acc WHERE a = 2 AND mi = 3)),
		pg_temp.np_mean((SELECT array_agg(rec ORDER BY t, k) FROM acc WHERE a = 3 AND mi = 3)),
		pg_temp.np_mean((SELECT array_agg(rec ORDER BY t, k) FROM acc WHERE a = 4 AND mi = 3))]
	INTO stats;
	DROP TABLE ev, np, piou, keys, interp, acc;
	RETURN stats;
END $$;

-- (Re)load pg_temp.imgs, cats, gt and dt from a COCO ground-truth document
-- and a results list, as pycocotools' COCO() and loadRes() read them: a
-- result's id is its place in the list, its area the bbox's w * h when the
-- results carry boxes (loadRes takes its bbox branch), else the mask's;
-- polygons are rasterized on their image as annToRLE does.
CREATE FUNCTION pg_temp.load(gtdoc jsonb, dets jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	DROP TABLE IF EXISTS imgs, cats, gt, dt;
	CREATE TEMP TABLE imgs AS
	SELECT (i->>'id')::int AS image_id, (i->>'height')::int AS h, (i->>'width')::int AS w
	FROM jsonb_array_elements(gtdoc->'images') AS t(i);
	CREATE TEMP TABLE cats AS
	SELECT (c->>'id')::int AS cat FROM jsonb_array_elements(gtdoc->'categories') AS t(c);
	CREATE TEMP TABLE gt AS
	SELECT (a->>'id')::bigint AS gid, ord, (a->>'image_id')::int AS image_id,
		(a->>'category_id')::int AS cat, (a->>'area')::float8 AS area,
		coalesce((a->>'iscrowd')::int, 0) = 1 AS crowd,
		annot.mask(a->'segmentation', i.h, i.w) AS m
	FROM jsonb_array_elements(gtdoc->'annotations') WITH ORDINALITY AS t(a, ord)
	JOIN imgs i ON i.image_id = (a->>'image_id')::int;
	CREATE TEMP TABLE dt AS
	SELECT ord AS did, (d->>'image_id')::int AS image_id, (d->>'category_id')::int AS cat,
		(d->>'score')::float8 AS score,
		CASE WHEN dets->0 ? 'bbox' THEN (d#>>'{bbox,2}')::float8 * (d#>>'{bbox,3}')::float8
			ELSE annot.area(annot.mask(d->'segmentation', i.h, i.w)) END AS area,
		annot.mask(d->'segmentation', i.h, i.w) AS m,
		row_number() OVER (PARTITION BY d->>'image_id', d->>'category_id'
			ORDER BY (d->>'score')::float8 DESC, ord) AS rank
	FROM jsonb_array_elements(dets) WITH ORDINALITY AS t(d, ord)
	JOIN imgs i ON i.image_id = (d->>'image_id')::int;
END $$;

-- expected statistics at a path of an EXPECTED.json
CREATE FUNCTION pg_temp.expected(doc jsonb, path text[]) RETURNS float8[]
LANGUAGE sql AS $$
	SELECT array_agg(v::text::float8 ORDER BY o)
	FROM jsonb_array_elements(doc #> path) WITH ORDINALITY AS e(v, o)
$$;

-- detectron2_2img: polygon ground truth, RLE detections that carry a bbox
SELECT pg_temp.load(:'d2gt'::jsonb, :'d2dt'::jsonb);
CREATE TEMP TABLE d2 AS SELECT pg_temp.segm_stats() AS stats;
SELECT is((SELECT stats FROM d2),
	pg_temp.expected(:'d2ex'::jsonb, '{segm,pycocotools_2.0.11_recomputed_here}'),
	'detectron2_2img segm statistics equal pycocotools'' exactly');
SELECT isnt((SELECT stats FROM d2),
	pg_temp.expected(:'d2ex'::jsonb, '{bbox,pycocotools_2.0.11_recomputed_here}'),
	'and differ from the bbox statistics (the comparison has teeth)');

-- small_segm: polygon ground truth against the detections as RLE without
-- bbox (area from the mask), then as the original polygons with bbox (area
-- w * h, the "bbox-area pitfall": the medium-area AP changes)
SELECT pg_temp.load(:'ssgt'::jsonb, :'ssrle'::jsonb);
SELECT is(pg_temp.segm_stats(),
	pg_temp.expected(:'ssex'::jsonb, '{segm_with_rle_dets_no_bbox (dt_dataset_rle_nobbox.json),pycocotools_2.0.11_recomputed_here}'),
	'small_segm segm statistics equal pycocotools'' exactly');
\set ssdt `cat "$ANNOT_REFDATA/coco/small_segm/dt_dataset.json"`
SELECT pg_temp.load(:'ssgt'::jsonb, :'ssdt'::jsonb);
SELECT is(pg_temp.segm_stats(),
	pg_temp.expected(:'ssex'::jsonb, '{segm_with_original_polygon_dets (dt_dataset.json; dt area = bbox w*h because loadRes takes the bbox branch),pycocotools_2.0.11_recomputed_here}'),
	'small_segm with polygon detections rasterized here: pycocotools'' statistics exactly');

SELECT * FROM finish();
ROLLBACK;
