-- since 0.2.0
-- annot.bbox: COCO arrays as drivers bind them, and COCO JSON for row
-- serializers

CREATE FUNCTION annot.bbox(coco float8[]) RETURNS annot.bbox
AS 'MODULE_PATHNAME', 'bbox_from_array' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 2;
COMMENT ON FUNCTION annot.bbox(float8[]) IS
'Box from a COCO bbox array [x, y, width, height], as drivers bind a list (numeric[] and integer[] convert implicitly); as annot.bbox(jsonb)';

CREATE FUNCTION annot.bbox_to_json(annot.bbox) RETURNS json
AS 'MODULE_PATHNAME', 'bbox_to_json' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.bbox_to_json(annot.bbox) IS
'COCO bbox array [x, y, width, height] as json; the cast to json';

-- Explicit casts: to_json, to_jsonb, row_to_json and json_agg serialize a
-- type through its cast to json, so rows of boxes come out as COCO.
CREATE CAST (annot.bbox AS json) WITH FUNCTION annot.bbox_to_json(annot.bbox);
COMMENT ON CAST (annot.bbox AS json) IS
'COCO bbox array [x, y, width, height]; to_json, to_jsonb and row_to_json serialize boxes with it';
CREATE CAST (annot.bbox AS jsonb) WITH FUNCTION annot.to_coco(annot.bbox);
COMMENT ON CAST (annot.bbox AS jsonb) IS
'COCO bbox array [x, y, width, height], as annot.to_coco';
