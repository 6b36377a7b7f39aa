-- After ALTER EXTENSION annot UPDATE: the values stored before read back
-- unchanged and measure as before.  One line per check: name and whether
-- it holds.
\pset format unaligned
\pset tuples_only on
SET search_path = public, annot;
SELECT 'text forms unchanged', bool_and(d.b::text = s.bt AND d.p::text = s.pt AND d.m::text = s.mt)
FROM upgrade_data d JOIN upgrade_said s USING (i);
SELECT 'values reparse equal', bool_and(d.b = s.bt::annot.bbox AND d.p = s.pt::annot.poly AND d.m = s.mt::annot.mask)
FROM upgrade_data d JOIN upgrade_said s USING (i);
SELECT 'measures unchanged', bool_and(annot.area(d.b) = s.ba AND annot.area(d.p) = s.pa
	AND annot.area(d.m) = s.ma
	AND annot.iou(d.b, annot.bbox(5, 5, 30, 30)) = s.biou
	AND annot.iou(d.p, annot.poly('[[0,0,40,0,40,40]]'::jsonb)) = s.piou
	AND annot.iou(d.m, annot.mask(annot.bbox(0, 0, 10, 10), 20, 24)) = s.miou
	AND annot.to_coco(d.m) = s.mcoco)
FROM upgrade_data d JOIN upgrade_said s USING (i);
SELECT 'aggregates unchanged', (SELECT annot.cohen_kappa(i % 3, (i * 7) % 3) = kappa
	AND annot.fleiss_kappa(i % 10, (i / 10) % 2) = fleiss FROM upgrade_data, upgrade_said_agg
	GROUP BY kappa, fleiss);
