/*
 * rle_json.h -- the JSON forms of masks: COCO's RLE object and a COCO
 * annotation's "segmentation" value (RLE object, polygon list or box
 * list), read by one parser.
 */
#ifndef ANNOT_RLE_JSON_H
#define ANNOT_RLE_JSON_H

#include "raster.h"

/* Most points (x, y pairs) of a polygon or box list, as annot.poly has. */
#define ANNOT_SEGM_MAX_POINTS 100000

/*
 * The text form, COCO's own JSON object:
 * {"size": [h, w], "counts": "<compressed>"} or with "counts": [c0, ...].
 * Keys in either order, blanks between tokens; nothing else.  Syntax and
 * content errors are on_error, a size over the limit ANNOT_ELIMIT.
 */
annot_status annot_mask_parse(const char *text, size_t len,
							  annot_status on_error,
							  annot_ivals *out, annot_err *err);

/*
 * The text form of a mask of h x w with the COCO string coco, spaced as
 * jsonb prints it: {"size": [h, w], "counts": "..."} with each '\\'
 * escaped.  Returns an annot_alloc'd string (NULL when out of memory) and
 * its length in *len when len is not NULL.
 */
char	   *annot_mask_text(uint32_t h, uint32_t w, const char *coco, size_t *len);

/* The text form of a stored mask, annot_alloc'd (NULL: out of memory). */
char	   *annot_mask_view_text(const annot_mask_view *v, size_t *len);

/*
 * COCO's uncompressed form {"size": [h, w], "counts": [c0, c1, ...]},
 * annot_alloc'd (NULL: out of memory).
 */
char	   *annot_mask_counts_text(const annot_ivals *m, size_t *len);

/* The text form of annot.mask: errors are about "mask", quoting text. */
annot_status annot_mask_in(const char *text, annot_ivals *out, annot_err *err);

/* A COCO RLE object of len bytes given as a parameter: errors are 22023. */
annot_status annot_mask_from_rle_json(const char *text, size_t len,
									  annot_ivals *out, annot_err *err);

/*
 * A COCO annotation's segmentation (terminated JSON text) on an h x w
 * image, as pycocotools' annToRLE: an RLE object is read as it is and must
 * be h x w; a polygon list [[x1, y1, x2, y2, ...], ...] is rasterized ring
 * by ring and merged by union (frPyObjects + merge); as in frPyObjects, a
 * list whose first element has exactly 4 numbers is read as boxes
 * [x, y, width, height].  At most ANNOT_SEGM_MAX_POINTS points (and as
 * many rings): ANNOT_ELIMIT beyond, found before anything is rasterized.
 */
annot_status annot_mask_from_segmentation(const char *text,
										  int64_t h, int64_t w,
										  annot_ivals *out, annot_err *err);

/*
 * The limits of a segmentation, from its counts of polygons and numbers
 * (an upper bound will do): ANNOT_ELIMIT over them.  The reader checks
 * them as it goes; a caller that can count cheaply checks them first.
 */
annot_status annot_mask_check_segmentation_size(uint64_t rings,
												uint64_t numbers,
												annot_err *err);

#endif							/* ANNOT_RLE_JSON_H */
