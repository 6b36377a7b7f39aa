/*
 * rle_ops.h -- mask algebra on runs: set operations, areas, IoU, Dice and
 * Boundary IoU, none of which decodes a mask to pixels.
 */
#ifndef ANNOT_RLE_OPS_H
#define ANNOT_RLE_OPS_H

#include "overlap.h"
#include "rle.h"

typedef enum annot_mask_op
{
	ANNOT_MASK_AND,				/* intersection */
	ANNOT_MASK_OR,				/* union */
	ANNOT_MASK_ANDNOT,			/* difference a - b */
	ANNOT_MASK_XOR				/* symmetric difference */
} annot_mask_op;

/* Masks combined must have one size: ANNOT_EPARAM otherwise. */
annot_status annot_mask_check_same_size(uint32_t ha, uint32_t wa,
										uint32_t hb, uint32_t wb,
										annot_err *err);

/* out = a op b; a and b have the same size. */
annot_status annot_ivals_combine(const annot_ivals *a, const annot_ivals *b,
								 annot_mask_op op, annot_ivals *out,
								 annot_err *err);

/* out = every pixel not in a. */
annot_status annot_ivals_complement(const annot_ivals *a, annot_ivals *out,
									annot_err *err);

/* Pixels in both, by a merge of the two interval lists. */
uint64_t	annot_ivals_inter_area(const annot_ivals *a, const annot_ivals *b);

/*
 * Pixels in both of two stored masks of the same size, decoding the runs
 * into scratch space and checking them (ANNOT_ECORRUPT).  Masks whose
 * bounding boxes are disjoint give 0 without decoding, as pycocotools'
 * rleIou skips them.
 */
annot_status annot_mask_inter_area(const annot_mask_view *a,
								   const annot_mask_view *b,
								   uint64_t *out, annot_err *err);

/*
 * IoU |a∩b| / |a∪b|, or with crowd |a∩b| / |a| (COCO's iscrowd ground
 * truth, a the detection); 0 when the denominator is 0.  From pixel counts
 * the rule of overlap.h is exactly pycocotools' (double) i / (double) u.
 */
static inline double
annot_mask_iou_value(uint64_t inter, uint64_t area_a, uint64_t area_b,
					 bool crowd)
{
	return crowd ? annot_overlap_crowd_iou((double) area_a, (double) inter)
		: annot_overlap_iou((double) area_a, (double) area_b, (double) inter);
}

/* Dice 2|a∩b| / (|a| + |b|), 0 when both are empty. */
static inline double
annot_mask_dice_value(uint64_t inter, uint64_t area_a, uint64_t area_b)
{
	return annot_overlap_dice((double) area_a, (double) area_b, (double) inter);
}

/*
 * Boundary IoU (Cheng, Girshick, Dollár, Berg, Kirillov: "Boundary IoU:
 * Improving Object-Centric Image Segmentation Evaluation", CVPR 2021), as
 * its reference code computes it: the boundary of a mask is the mask minus
 * its erosion by a (2d+1) x (2d+1) square, pixels outside the image
 * counting as background, with d = round(ratio * image diagonal) and at
 * least 1 (rounding half to even, as numpy does).
 */
uint32_t	annot_mask_dilation(uint32_t h, uint32_t w, double ratio);

/* A dilation ratio: finite and >= 0, else ANNOT_EPARAM. */
annot_status annot_mask_check_ratio(double ratio, annot_err *err);

/* The erosion of m by a (2d+1) x (2d+1) square. */
annot_status annot_ivals_erode(const annot_ivals *m, uint32_t d,
							   annot_ivals *out, annot_err *err);

/* m minus its erosion: the band of width d inside the border of m. */
annot_status annot_ivals_boundary(const annot_ivals *m, uint32_t d,
								  annot_ivals *out, annot_err *err);

/* The boundary band of m for a dilation ratio (checked). */
annot_status annot_ivals_boundary_ratio(const annot_ivals *m, double ratio,
										annot_ivals *out, annot_err *err);

/* Boundary IoU of a and b (same size) with dilation ratio; 0 if both empty. */
annot_status annot_ivals_boundary_iou(const annot_ivals *a,
									  const annot_ivals *b, double ratio,
									  double *out, annot_err *err);

#endif							/* ANNOT_RLE_OPS_H */
