-- The demo data set, agreement part: what each annotator said about each
-- gold object, derived from the boxes of part 1 (no random draws).  An
-- annotator's label for a gold object is the class of their box that
-- overlaps it best with IoU >= 0.5 (ties: the earlier box); NULL when they
-- drew none there, i.e. a missing rating.  Also the number of boxes each
-- annotator drew per image, an interval-scale rating.
SET client_min_messages = warning;
SET search_path = demo, public, annot;

CREATE TABLE demo.object_labels (
	gold_id int NOT NULL REFERENCES demo.gold_boxes,
	image_id int NOT NULL,
	annotator_id int NOT NULL REFERENCES demo.annotators,
	gold_category text NOT NULL,
	category text,				-- NULL: the annotator missed the object
	PRIMARY KEY (gold_id, annotator_id)
);
INSERT INTO demo.object_labels
SELECT g.gold_id, g.image_id, a.annotator_id, g.category, m.category
FROM demo.gold_boxes g
CROSS JOIN demo.annotators a
LEFT JOIN LATERAL (
	SELECT l.category
	FROM demo.annotator_boxes l
	WHERE l.image_id = g.image_id AND l.annotator_id = a.annotator_id
		AND l.box && g.box AND annot.iou(l.box, g.box) >= 0.5
	ORDER BY annot.iou(l.box, g.box) DESC, l.label_id
	LIMIT 1) m ON true;

CREATE TABLE demo.image_counts AS
SELECT i.image_id, a.annotator_id, count(l.label_id) AS boxes
FROM demo.images i
CROSS JOIN demo.annotators a
LEFT JOIN demo.annotator_boxes l ON l.image_id = i.image_id AND l.annotator_id = a.annotator_id
GROUP BY i.image_id, a.annotator_id;
ALTER TABLE demo.image_counts ADD PRIMARY KEY (image_id, annotator_id);

ANALYZE demo.object_labels, demo.image_counts;

-- A dashboard's store of agreement: one state a day (images are labelled
-- 20 a day from 4 March 2024), appended by a nightly job; reports roll
-- the days up to weeks without reading the labels again.
CREATE TABLE demo.agreement_daily (
	day date PRIMARY KEY,
	objects annot.agreement_items NOT NULL,		-- all annotators' class labels
	vs_gold annot.agreement_pairs NOT NULL		-- gold class vs the annotators'
);
INSERT INTO demo.agreement_daily
SELECT date '2024-03-04' + (image_id - 1) / 20,
	annot.agreement_items(gold_id, category), annot.agreement_pairs(gold_category, category)
FROM demo.object_labels GROUP BY 1;
