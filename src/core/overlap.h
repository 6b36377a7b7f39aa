/*
 * overlap.h -- IoU, Dice and COCO's crowd IoU from the areas of two regions
 * and of their intersection, for every shape type.
 *
 * One rule for all: the areas come from rounded arithmetic (box products,
 * polygon sweeps) or exact counts (mask pixels), so the union is clamped to
 * what it must be, between the larger area and the sum of both; a ratio is
 * 0 when the intersection or its denominator has no area, and never above
 * 1.  On exact areas (pixel counts below 2^53) the clamps never act and the
 * results are the plain quotients.
 */
#ifndef ANNOT_OVERLAP_H
#define ANNOT_OVERLAP_H

/* Area of the union: area_a + area_b - inter, within [max(a, b), a + b]. */
static inline double
annot_overlap_union(double area_a, double area_b, double inter)
{
	double		lo = area_a > area_b ? area_a : area_b;
	double		u = area_a + area_b - inter;

	if (u < lo)
		u = lo;
	if (u > area_a + area_b)
		u = area_a + area_b;
	return u;
}

/* Intersection over union, in [0,1]. */
static inline double
annot_overlap_iou(double area_a, double area_b, double inter)
{
	double		u = annot_overlap_union(area_a, area_b, inter);
	double		r;

	if (!(inter > 0) || !(u > 0))
		return 0.0;
	r = inter / u;
	return r > 1.0 ? 1.0 : r;
}

/* Dice coefficient 2|A∩B| / (|A| + |B|), in [0,1]. */
static inline double
annot_overlap_dice(double area_a, double area_b, double inter)
{
	double		r;

	if (!(inter > 0) || !(area_a + area_b > 0))
		return 0.0;
	r = 2.0 * inter / (area_a + area_b);
	return r > 1.0 ? 1.0 : r;
}

/*
 * COCO's IoU against an iscrowd ground truth: |dt ∩ gt| / |dt| (the union
 * is the detection alone), in [0,1].
 */
static inline double
annot_overlap_crowd_iou(double area_dt, double inter)
{
	double		r;

	if (!(inter > 0) || !(area_dt > 0))
		return 0.0;
	r = inter / area_dt;
	return r > 1.0 ? 1.0 : r;
}

#endif							/* ANNOT_OVERLAP_H */
