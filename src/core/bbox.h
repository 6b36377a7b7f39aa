/*
 * bbox.h -- axis-aligned boxes in pixel coordinates.
 *
 * A box is its two corners, (x1,y1) top-left and (x2,y2) bottom-right, with
 * x1 <= x2 and y1 <= y2 and every coordinate finite.  A box with x1 = x2 or
 * y1 = y2 is valid and has zero area.  Boxes are closed sets: boxes that
 * touch along an edge overlap (as PostgreSQL's box type has it) although
 * their intersection has no area.
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

/* Longest canonical text: "(" 4 numbers, 3 separators, ")" */
#define ANNOT_BBOX_TEXTLEN (4 * ANNOT_DBL_BUFLEN + 8)

/* The one validity check used by every way a box comes in. */
annot_status annot_bbox_validate(const annot_bbox *b, annot_status on_error,
								 annot_err *err);

/* Parse the canonical text form "(x1,y1),(x2,y2)"; blanks allowed between tokens. */
annot_status annot_bbox_parse(const char *text, annot_bbox *out, annot_err *err);

/* Write the canonical text form; buf holds ANNOT_BBOX_TEXTLEN bytes. */
int			annot_bbox_format(const annot_bbox *b, char *buf);

/* Build from COCO x, y, width, height (width and height must be >= 0). */
annot_status annot_bbox_from_xywh(double x, double y, double w, double h,
								  annot_bbox *out, annot_err *err);

/*
 * The shortest width w such that x1 + w == x2 in double arithmetic (likewise
 * for heights), so that COCO [x,y,w,h] output reads back to the same box.
 */
double		annot_bbox_coco_extent(double lo, double hi);

double		annot_bbox_width(const annot_bbox *b);
double		annot_bbox_height(const annot_bbox *b);
double		annot_bbox_area(const annot_bbox *b);

/* Area of the intersection (0 when the boxes do not overlap). */
double		annot_bbox_inter_area(const annot_bbox *a, const annot_bbox *b);

/* Intersection as a box; false when the closed boxes are disjoint. */
bool		annot_bbox_intersection(const annot_bbox *a, const annot_bbox *b,
									annot_bbox *out);

/* Smallest box covering both. */
void		annot_bbox_cover(const annot_bbox *a, const annot_bbox *b,
							 annot_bbox *out);

/*
 * Intersection over union.  Defined as 0 when the union has no area (two
 * degenerate boxes), so the result is always in [0,1].
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
 * Clip to the image [0,width] x [0,height].  false when nothing of the box
 * lies inside the image; width and height must be >= 0.
 */
bool		annot_bbox_clip(const annot_bbox *b, double width, double height,
							annot_bbox *out);

/* Closed-set predicates, as PostgreSQL's box operators. */
bool		annot_bbox_overlaps(const annot_bbox *a, const annot_bbox *b);
bool		annot_bbox_contains(const annot_bbox *a, const annot_bbox *b);
bool		annot_bbox_equal(const annot_bbox *a, const annot_bbox *b);

/* Total order for btree: x1, then y1, x2, y2; -1, 0 or 1. */
int			annot_bbox_cmp(const annot_bbox *a, const annot_bbox *b);

/* Seeded 64-bit hash of the four coordinates; -0 and 0 hash alike. */
uint64_t	annot_bbox_hash(const annot_bbox *b, uint64_t seed);

#endif							/* ANNOT_BBOX_H */
