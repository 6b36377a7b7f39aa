-- YOLO label files and Pascal VOC annotation XML
SELECT line, class, bbox, score
FROM annot.yolo_boxes(E'0 0.5 0.5 0.25 0.5\n\n3 0.1 0.2 0.1 0.1 0.87\r\n', 640, 480);
SELECT annot.to_yolo(0, annot.bbox(240, 120, 400, 360), 640, 480),
	annot.to_yolo(3, annot.bbox(32, 72, 96, 120), 640, 480, 0.87);
-- a file written and read back gives the same boxes
WITH boxes(class, box) AS (VALUES (1, annot.bbox(10, 20, 110, 220)), (2, annot.bbox(0.5, 0, 639.5, 479))),
	file AS (SELECT string_agg(annot.to_yolo(class, box, 640, 480), E'\n' ORDER BY class) AS f FROM boxes)
SELECT b.class, b.box, y.bbox, annot.iou(b.box, y.bbox) > 1 - 1e-12 AS same
FROM file, annot.yolo_boxes(file.f, 640, 480) y JOIN boxes b ON b.class = y.class ORDER BY 1;
SELECT l, outcome(format('SELECT * FROM annot.yolo_boxes(%L, 640, 480)', l))
FROM unnest(ARRAY['0 0.5 0.5 0.25', '0 0.5 0.5 0.25 0.5 0.9 1', '-1 0.5 0.5 0.1 0.1', '1.5 0.5 0.5 0.1 0.1',
	'0 0.5 0.5 -0.1 0.1', 'cat 0.5 0.5 0.1 0.1', '0 nan 0.5 0.1 0.1', '0 1e999 0.5 0.1 0.1']) l;
SELECT outcome($$SELECT * FROM annot.yolo_boxes('0 0.5 0.5 0.1 0.1', 0, 480)$$);
SELECT outcome($$SELECT annot.to_yolo(-1, annot.bbox(0, 0, 1, 1), 640, 480)$$);
SELECT outcome($$SELECT annot.to_yolo(1, annot.bbox(0, 0, 1, 1), 640, 'NaN')$$);

\set voc '<?xml version="1.0"?>\n<annotation>\n  <!-- a comment -->\n  <folder>VOC2007</folder>\n  <filename>000005.jpg</filename>\n  <size><width>500</width><height>375</height><depth>3</depth></size>\n  <object>\n    <name>chair</name><pose>Rear</pose><truncated>0</truncated><difficult>0</difficult>\n    <bndbox><xmin>263</xmin><ymin>211</ymin><xmax>324</xmax><ymax>339</ymax></bndbox>\n  </object>\n  <object>\n    <name>a &amp; b</name><difficult>1</difficult>\n    <bndbox><xmin>5</xmin><ymin>6</ymin><xmax>7.5</xmax><ymax>8</ymax></bndbox>\n  </object>\n</annotation>\n'
SELECT * FROM annot.voc_objects(replace(:'voc', '\n', E'\n'));
SELECT annot.to_voc_xml('a<b>.jpg', 640, 480, ARRAY['cat', 'dog & co'], ARRAY[annot.bbox(1, 2, 3, 4), annot.bbox(0.5, 0, 10, 10)], ARRAY[false, true]);
SELECT o.name, o.bbox, o.difficult FROM annot.voc_objects(annot.to_voc_xml('x.jpg', 640, 480,
	ARRAY['cat', 'dog & co'], ARRAY[annot.bbox(1, 2, 3, 4), annot.bbox(0.1, 1/3::float8, 10, 10)], ARRAY[false, true])) o;
SELECT x, outcome(format('SELECT * FROM annot.voc_objects(%L)', x))
FROM unnest(ARRAY['', '<annotation>', '<annotation></annot>', '<root/>', '<annotation><object><name>a</name></object></annotation>',
	'<annotation><object><name>a</name><bndbox><xmin>5</xmin><ymin>0</ymin><xmax>1</xmax><ymax>1</ymax></bndbox></object></annotation>',
	'<annotation><object><name>a</name><bndbox><xmin>x</xmin></bndbox></object></annotation>',
	'<annotation><object><name>a &bogus;</name></object></annotation>',
	'<annotation><size><width>-3</width></size></annotation>',
	'<annotation><object><difficult>2</difficult></object></annotation>',
	'<!DOCTYPE x><annotation/>', '<annotation/><annotation/>', 'text<annotation/>', '<annotation/>']) x;
SELECT outcome($$SELECT annot.to_voc_xml('x', 1, 1, ARRAY['a'], ARRAY[]::annot.bbox[])$$);
