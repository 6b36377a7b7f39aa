-- since 0.2.0
-- YOLO label files and Pascal VOC annotation XML in and out

CREATE FUNCTION annot.yolo_boxes(labels text, width float8, height float8)
RETURNS TABLE (line integer, class bigint, bbox annot.bbox, score float8)
AS 'MODULE_PATHNAME', 'yolo_boxes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000 ROWS 20;
COMMENT ON FUNCTION annot.yolo_boxes(text, float8, float8) IS
'One row per line of a YOLO label file ("class cx cy w h [confidence]", normalized) for an image of width x height pixels: the class, the box in pixels and the confidence; errors name the line';

CREATE FUNCTION annot.to_yolo(class bigint, box annot.bbox, width float8, height float8,
	score float8 DEFAULT NULL) RETURNS text
AS 'MODULE_PATHNAME', 'to_yolo' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_yolo(bigint, annot.bbox, float8, float8, float8) IS
'One YOLO line "class cx cy w h [score]" for a box in an image of width x height pixels; string_agg(..., E''\n'') makes a file; null when an argument before score is null';

CREATE FUNCTION annot.voc_objects(xml text)
RETURNS TABLE (filename text, width bigint, height bigint, object integer, name text, pose text,
	truncated boolean, difficult boolean, bbox annot.bbox)
AS 'MODULE_PATHNAME', 'voc_objects' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000 ROWS 20;
COMMENT ON FUNCTION annot.voc_objects(text) IS
'One row per <object> of a Pascal VOC annotation file, with the file''s filename and size: name, pose, truncated, difficult and the bndbox as a box; errors name the object';

CREATE FUNCTION annot.to_voc_xml(filename text, width integer, height integer, names text[],
	boxes annot.bbox[], difficult boolean[] DEFAULT NULL) RETURNS text
AS 'MODULE_PATHNAME', 'to_voc_xml' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annot.to_voc_xml(text, integer, integer, text[], annot.bbox[], boolean[]) IS
'A Pascal VOC annotation file with one <object> per element of names and boxes (and difficult flags); annot.voc_objects reads it back; null when an argument before difficult is null';
