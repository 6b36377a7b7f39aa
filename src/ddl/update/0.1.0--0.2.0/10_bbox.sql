-- annot.bbox: measured costs of the JSON and WKB conversions (the others
-- stay at 1, as PostgreSQL's own box functions), and comments that state
-- the coordinate bound, the binary length and the COCO round trip.
ALTER FUNCTION annot.bbox(jsonb) COST 5;
ALTER FUNCTION annot.to_coco(annot.bbox) COST 5;
ALTER FUNCTION annot.bbox_from_wkb(bytea) COST 5;

COMMENT ON TYPE annot.bbox IS
'Axis-aligned box in pixel coordinates, text form (x1,y1),(x2,y2) with x1 <= x2, y1 <= y2 and every coordinate finite and at most 1e15 in magnitude';
COMMENT ON FUNCTION annot.bbox_recv(internal) IS 'Binary input of bbox: exactly four float8 x1, y1, x2, y2 (32 bytes; 22P03 otherwise)';
COMMENT ON FUNCTION annot.bbox(float8, float8, float8, float8) IS
'Box from its corners (Pascal VOC style); x1 > x2, y1 > y2 or a non-finite value raise 22023, a coordinate beyond 1e15 in magnitude 22003';
COMMENT ON FUNCTION annot.bbox_xywh(float8, float8, float8, float8) IS
'Box from top-left corner, width and height (COCO style); a negative width or height raises 22023, a corner beyond 1e15 in magnitude 22003';
COMMENT ON FUNCTION annot.to_coco(annot.bbox) IS
'COCO bbox array [x, y, width, height] with the shortest width and height that give x2 and y2 back: annot.bbox(annot.to_coco(b)) = b exactly for boxes made from x, y, width, height';
COMMENT ON FUNCTION annot.clip(annot.bbox, float8, float8) IS
'The part of the box inside an image of the given width and height, NULL when none is; a negative or non-finite size raises 22023';
