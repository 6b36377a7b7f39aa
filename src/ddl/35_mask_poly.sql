-- annot.mask meets annot.poly: rasterization and mixed IoU / Dice

CREATE FUNCTION annot.mask(annot.poly, height integer, width integer) RETURNS annot.mask
AS 'MODULE_PATHNAME', 'mask_from_poly' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.mask(annot.poly, integer, integer) IS
'The polygon rasterized on a height x width grid bit for bit as pycocotools (frPyObjects + merge: rings rasterized one by one, merged by union)';

CREATE FUNCTION annot.iou(annot.poly, annot.mask) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_iou_pm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.poly, annot.mask) IS
'IoU of a polygon and a mask, the polygon rasterized on the mask''s grid as pycocotools does';
CREATE FUNCTION annot.iou(annot.mask, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_iou_mp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.mask, annot.poly) IS
'IoU of a mask and a polygon, the polygon rasterized on the mask''s grid as pycocotools does';
CREATE FUNCTION annot.iou(dt annot.poly, gt annot.mask, crowd boolean) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_iou_pm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.poly, annot.mask, boolean) IS
'IoU with COCO crowd semantics (crowd: |dt ∩ gt| / |dt|), the polygon rasterized on the mask''s grid';
CREATE FUNCTION annot.iou(dt annot.mask, gt annot.poly, crowd boolean) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_iou_mp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.iou(annot.mask, annot.poly, boolean) IS
'IoU with COCO crowd semantics (crowd: |dt ∩ gt| / |dt|), the polygon rasterized on the mask''s grid';
CREATE FUNCTION annot.dice(annot.poly, annot.mask) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_dice_pm' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.poly, annot.mask) IS
'Dice coefficient of a polygon and a mask, the polygon rasterized on the mask''s grid';
CREATE FUNCTION annot.dice(annot.mask, annot.poly) RETURNS float8
AS 'MODULE_PATHNAME', 'poly_mask_dice_mp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.dice(annot.mask, annot.poly) IS
'Dice coefficient of a mask and a polygon, the polygon rasterized on the mask''s grid';
