-- QA report, section 4: agreement between annotators.
SET search_path = demo, public, annot;
\pset footer off
\echo
\echo '## 4. Agreement between annotators'
\echo
\echo 'Class labels given to the gold objects (demo.object_labels: an'
\echo 'annotator''s label is the class of their box with IoU >= 0.5, NULL when'
\echo 'they missed the object).  Pairwise Cohen''s kappa over the objects both'
\echo 'labelled, with its asymptotic standard error and 95% interval.'
SELECT x.name || ' / ' || y.name AS pair, k.n_items AS objects,
	round(k.estimate::numeric, 3) AS kappa, round(k.se::numeric, 3) AS se,
	'[' || round(k.ci_lower::numeric, 3) || ', ' || round(k.ci_upper::numeric, 3) || ']' AS ci95
FROM annotators x JOIN annotators y ON y.annotator_id > x.annotator_id,
	LATERAL (SELECT (cohen_kappa_ci(a.category, b.category)).*
		FROM object_labels a JOIN object_labels b USING (gold_id)
		WHERE a.annotator_id = x.annotator_id AND b.annotator_id = y.annotator_id) k
ORDER BY x.annotator_id, y.annotator_id;

\echo 'All four annotators at once (a missed object is a missing rating):'
\echo 'Fleiss'' kappa (generalized to varying ratings per object), Gwet''s AC1,'
\echo 'Krippendorff''s alpha and percent agreement, with 95% intervals.'
SELECT coef, n_items AS objects, n_ratings AS ratings,
	round(estimate::numeric, 3) AS estimate, round(se::numeric, 3) AS se,
	'[' || round(ci_lower::numeric, 3) || ', ' || round(ci_upper::numeric, 3) || ']' AS ci95
FROM (SELECT 'Fleiss kappa' AS coef, (fleiss_kappa_ci(gold_id, category)).* FROM object_labels
	UNION ALL SELECT 'Gwet AC1', (gwet_ac1_ci(gold_id, category)).* FROM object_labels
	UNION ALL SELECT 'Krippendorff alpha', (krippendorff_alpha_ci(gold_id, category)).* FROM object_labels
	UNION ALL SELECT 'percent agreement', (percent_agreement_ci(gold_id, category)).* FROM object_labels) s;

\echo 'Per gold class: do the annotators agree on what these objects are?'
\echo 'Within one gold class nearly every label is that class, so chance'
\echo 'agreement is close to 1 and kappa collapses towards 0 however well the'
\echo 'annotators agree (the kappa paradox, Feinstein & Cicchetti 1990); Gwet''s'
\echo 'AC1 stays meaningful there, which is what it was made for.'
SELECT gold_category AS class, count(DISTINCT gold_id) AS objects,
	round(fleiss_kappa(gold_id, category)::numeric, 3) AS fleiss_kappa,
	round(gwet_ac1(gold_id, category)::numeric, 3) AS gwet_ac1,
	round(percent_agreement(gold_id, category)::numeric, 3) AS percent_agreement
FROM object_labels GROUP BY gold_category ORDER BY gold_category;

\echo 'How many boxes per image: Krippendorff''s alpha on the counts as'
\echo 'interval data (a count off by one is a smaller disagreement than by three).'
SELECT round(krippendorff_alpha(image_id, boxes, 'nominal')::numeric, 3) AS nominal,
	round(krippendorff_alpha(image_id, boxes, 'ordinal')::numeric, 3) AS ordinal,
	round(krippendorff_alpha(image_id, boxes, 'interval')::numeric, 3) AS interval,
	round((krippendorff_alpha_ci(image_id, boxes, 'interval')).se::numeric, 3) AS interval_se
FROM image_counts;

\echo 'Each annotator against gold: accuracy on the objects they labelled,'
\echo 'macro F1, and per-class precision / recall / F1 from the confusion matrix.'
SELECT a.name AS annotator, (cm->>'n')::int AS objects,
	round((cm->>'accuracy')::numeric, 3) AS accuracy,
	round((cm->>'macro_f1')::numeric, 3) AS macro_f1,
	round(cohen_kappa::numeric, 3) AS kappa_vs_gold
FROM annotators a, LATERAL (
	SELECT confusion_matrix(gold_category, category) AS cm, cohen_kappa(gold_category, category)
	FROM object_labels o WHERE o.annotator_id = a.annotator_id) s
ORDER BY a.annotator_id;
SELECT a.name AS annotator, c.label AS class, c.support, c.predicted,
	round(c.precision::numeric, 3) AS precision, round(c.recall::numeric, 3) AS recall,
	round(c.f1::numeric, 3) AS f1
FROM annotators a, LATERAL (
	SELECT confusion_matrix(gold_category, category) AS cm
	FROM object_labels o WHERE o.annotator_id = a.annotator_id) s,
	LATERAL confusion_classes(s.cm) c
ORDER BY a.annotator_id, c.label;

\echo 'Weekly agreement from the stored daily states (demo.agreement_daily):'
\echo 'annot.agreement_merge rolls the days up, and the readers compute any'
\echo 'coefficient with its interval from the merged state, equal to the last'
\echo 'bit to an aggregate over that week''s labels.'
SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS week, count(*) AS days,
	(annot.fleiss_kappa(annot.agreement_merge(objects))).n_items AS objects,
	round((annot.fleiss_kappa(annot.agreement_merge(objects))).estimate::numeric, 3) AS fleiss_kappa,
	round((annot.gwet_ac1(annot.agreement_merge(objects))).estimate::numeric, 3) AS gwet_ac1,
	round((annot.cohen_kappa(annot.agreement_merge(vs_gold))).estimate::numeric, 3) AS kappa_vs_gold,
	round(((annot.confusion_matrix(annot.agreement_merge(vs_gold)))->>'accuracy')::numeric, 3) AS accuracy_vs_gold
FROM agreement_daily GROUP BY date_trunc('week', day) ORDER BY 1;
SELECT (SELECT annot.agreement_merge(objects)::text FROM agreement_daily) =
	(SELECT annot.agreement_items(gold_id, category)::text FROM object_labels) AS "all days rolled up = all labels";
