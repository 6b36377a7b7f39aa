/*
 * bbox.h -- axis-aligned boxes in pixel coordinates.
 *
 * A box is its two corners, (x1,y1) top-left and (x2,y2) bottom-right, with
 * x1 <= x2 and y1 <= y2 and every coordinate finite and at most
 * ANNOT_BBOX_MAX_COORD in magnitude.  A box with x1 = x2 or y1 = y2 is valid
 * and has zero area.  Boxes are closed sets: boxes that touch along an edge
 * overlap (as PostgreSQL's box type has it) although their intersection
 * has no area.
 *
 * The bound keeps every measure finite: widths stay below 2e15, areas below
 * 4e30, and a COCO width always exists.  It is the polygons' bound too.
 *
 * Decoders and constructors name their subject in the error record
 * (annot_err_about): "bbox", or "COCO bbox" for COCO's [x, y, width,
 * height] forms, "WKB" for WKB, "image size" for clip's arguments.
 */
#ifndef ANNOT_BBOX_H
#define ANNOT_BBOX_H

#include "annot_core.h"

typedef struct annot_bbox
{
	double		x1;
	double		y1;
	double		x2;
	double		y2;
} annot_bbox;

/* Largest coordinate magnitude (ANNOT_ERANGE beyond). */
#define ANNOT_BBOX_MAX_COORD 1e15

/* Longest canonical text: "(" 4 numbers, 3 separators, ")" */
#define ANNOT_BBOX_TEXTLEN (4 * ANNOT_DBL_BUFLEN + 8)

/* Longest COCO text "[x, y, w, h]" */
#define ANNOT_BBOX_COCOLEN (4 * ANNOT_DBL_BUFLEN + 8)

/* Bytes of the binary form: four big-endian float8 x1, y1, x2, y2 */
#define ANNOT_BBOX_BINLEN 32

/* Bytes of the box as a little-endian WKB Polygon of 5 points */
#define ANNOT_BBOX_WKBLEN (1 + 4 + 4 + 4 + 5 * 16)

/*
 * The one validity check of every way a box comes in: a non-finite
 * coordinate or inverted corners fail with on_error, a coordinate beyond
 * the bound with ANNOT_ERANGE.  Does not name a subject.
 */
annot_status annot_bbox_validate(const annot_bbox *b, annot_status on_error,
								 annot_err *err);

/* Parse the canonical text form "(x1,y1),(x2,y2)"; blanks allowed between tokens. */
annot_status annot_bbox_parse(const char *text, annot_bbox *out, annot_err *err);

/* Write the canonical text form; buf holds ANNOT_BBOX_TEXTLEN bytes. */
int			annot_bbox_format(const annot_bbox *b, char *buf);

/* Decode the binary form (exactly ANNOT_BBOX_BINLEN bytes): ANNOT_EBINARY. */
annot_status annot_bbox_recv(const uint8_t *buf, size_t len, annot_bbox *out,
							 annot_err *err);

/* Write the binary form: ANNOT_BBOX_BINLEN bytes. */
void		annot_bbox_send(const annot_bbox *b, uint8_t *buf);

/* Build from corners (Pascal VOC style); failures are ANNOT_EPARAM. */
annot_status annot_bbox_from_corners(double x1, double y1, double x2, double y2,
									 annot_bbox *out, annot_err *err);

/* Build from COCO x, y, width, height (width and height must be >= 0). */
annot_status annot_bbox_from_xywh(double x, double y, double w, double h,
								  annot_bbox *out, annot_err *err);

/*
 * Build from an array of n values [x, y, width, height] as a driver binds
 * a list; nulls[i] (nulls may be NULL) marks a missing element and ndim is
 * the array's number of dimensions.
 */
annot_status annot_bbox_from_array(const double *v, const bool *nulls, int ndim,
								   int n, annot_bbox *out, annot_err *err);

/*
 * Parse COCO's JSON array [x, y, width, height] (the text of a jsonb
 * value: numbers as written, so each becomes the nearest double).
 */
annot_status annot_bbox_parse_coco(const char *json, annot_bbox *out,
								   annot_err *err);

/*
 * Write COCO's [x, y, width, height] (ANNOT_BBOX_COCOLEN bytes) with the
 * shortest widths that read back to the same box; *len receives the length.
 * Fails with ANNOT_ERANGE only for a box beyond the bound stored before the
 * bound existed, whose width overflows.
 */
annot_status annot_bbox_coco(const annot_bbox *b, char *buf, int *len,
							 annot_err *err);

/*
 * The shortest width w such that x1 + w == x2 in double arithmetic (likewise
 * for heights), so that COCO [x,y,w,h] output reads back to the same box.
 */
double		annot_bbox_coco_extent(double lo, double hi);

/*
 * The box as a little-endian WKB Polygon (ANNOT_BBOX_WKBLEN bytes): its
 * corners counter-clockwise in image coordinates, closed.
 */
void		annot_bbox_to_wkb(const annot_bbox *b, uint8_t *buf);

/* Envelope of a WKB or EWKB Polygon or MultiPolygon (not empty). */
annot_status annot_bbox_from_wkb(const uint8_t *buf, size_t len,
								 annot_bbox *out, annot_err *err);

double		annot_bbox_width(const annot_bbox *b);
double		annot_bbox_height(const annot_bbox *b);
double		annot_bbox_area(const annot_bbox *b);

/* Centre point; halves first, so no sum can overflow. */
void		annot_bbox_center(const annot_bbox *b, double *x, double *y);

/* Area of the intersection (0 when the boxes do not overlap). */
double		annot_bbox_inter_area(const annot_bbox *a, const annot_bbox *b);

/* Intersection as a box; false when the closed boxes are disjoint. */
bool		annot_bbox_intersection(const annot_bbox *a, const annot_bbox *b,
									annot_bbox *out);

/* Smallest box covering both. */
void		annot_bbox_cover(const annot_bbox *a, const annot_bbox *b,
							 annot_bbox *out);

/*
 * Intersection over union, in [0,1]; 0 when the union has no area (two
 * degenerate boxes).  The overlap rule of overlap.h.
 */
double		annot_bbox_iou(const annot_bbox *a, const annot_bbox *b);

/* Dice coefficient 2|A∩B| / (|A|+|B|), 0 when both areas are 0. */
double		annot_bbox_dice(const annot_bbox *a, const annot_bbox *b);

/*
 * Generalized IoU (Rezatofighi et al., CVPR 2019):
 * IoU - (|C| - |A∪B|) / |C| with C the covering box; in [-1,1].
 * When C has no area the result is 0.
 */
double		annot_bbox_giou(const annot_bbox *a, const annot_bbox *b);

/* Crowd IoU as COCO computes it for iscrowd ground truth: |dt∩gt| / |dt|. */
double		annot_bbox_iou_crowd(const annot_bbox *dt, const annot_bbox *gt);

/*
 * Clip to the image [0,width] x [0,height]: *inside is false when nothing
 * of the box lies inside the image.  A negative or non-finite width or
 * height fails with ANNOT_EPARAM.
 */
annot_status annot_bbox_clip(const annot_bbox *b, double width, double height,
							 annot_bbox *out, bool *inside, annot_err *err);

/* Closed-set predicates, as PostgreSQL's box operators. */
bool		annot_bbox_overlaps(const annot_bbox *a, const annot_bbox *b);
bool		annot_bbox_contains(const annot_bbox *a, const annot_bbox *b);
bool		annot_bbox_equal(const annot_bbox *a, const annot_bbox *b);

/* Total order for btree: x1, then y1, x2, y2; -1, 0 or 1. */
int			annot_bbox_cmp(const annot_bbox *a, const annot_bbox *b);

/* Seeded 64-bit hash of the four coordinates; -0 and 0 hash alike. */
uint64_t	annot_bbox_hash(const annot_bbox *b, uint64_t seed);

#endif							/* ANNOT_BBOX_H */
