-- After ALTER EXTENSION annot UPDATE: the values stored before read back
-- unchanged and measure as before, and their binary form is the same both
-- ways (run.sh compares the bytes written; upgrade_reread holds the old
-- bytes read by the new release).  One line per
-- check: name and whether it holds.
\pset format unaligned
\pset tuples_only on
SET search_path = public, annot;
SELECT 'text forms unchanged', bool_and(d.b::text = s.bt AND d.p::text = s.pt
	AND d.m::text = s.mt AND d.a::text = s.at AND d.arr_b::text = s.arr_bt
	AND d.arr_p::text = s.arr_pt AND d.arr_m::text = s.arr_mt) AND count(*) = 53
FROM upgrade_data d JOIN upgrade_said s USING (i);
SELECT 'values reparse equal', bool_and(d.b = s.bt::annot.bbox AND d.p = s.pt::annot.poly
	AND d.m = s.mt::annot.mask AND d.a::text = s.at::annot.agreement::text
	AND d.arr_b = s.arr_bt::annot.bbox[] AND d.arr_p = s.arr_pt::annot.poly[]
	AND d.arr_m = s.arr_mt::annot.mask[])
FROM upgrade_data d JOIN upgrade_said s USING (i);
SELECT 'measures unchanged', bool_and(annot.area(d.b) = s.ba AND annot.area(d.p) = s.pa
	AND annot.area(d.m) = s.ma
	AND annot.iou(d.b, annot.bbox(5, 5, 30, 30)) = s.biou
	AND annot.iou(d.p, annot.poly('[[0,0,40,0,40,40]]'::jsonb)) = s.piou
	AND annot.iou(d.m, annot.mask(annot.bbox(0, 0, 10, 10), annot.height(d.m), annot.width(d.m))) = s.miou
	AND annot.to_coco(d.b) = s.bcoco AND annot.to_coco(d.p) = s.pcoco
	AND annot.to_coco(d.m) = s.mcoco)
FROM upgrade_data d JOIN upgrade_said s USING (i);
SELECT 'aggregates unchanged', (SELECT annot.cohen_kappa(i % 3, (i * 7) % 3) = kappa
	AND annot.fleiss_kappa(i % 10, (i / 10) % 2) = fleiss FROM upgrade_data, upgrade_said_agg
	GROUP BY kappa, fleiss);

-- binary COPY in (run.sh) read the old release's bytes to equal values
SELECT 'binary COPY reads back equal', count(*) = 53 AND bool_and(d.b = r.b AND d.p = r.p
	AND d.m = r.m AND d.a::text = r.a::text AND d.arr_b = r.arr_b AND d.arr_p = r.arr_p
	AND d.arr_m = r.arr_m)
FROM upgrade_data d JOIN upgrade_reread r USING (i);
