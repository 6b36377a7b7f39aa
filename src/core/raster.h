/*
 * raster.h -- polygons and boxes to masks, bit for bit as pycocotools
 * (maskApi.c rleFrPoly, rleFrBbox; frPyObjects followed by merge).
 *
 * pycocotools scales the vertices by 5 and rounds them, walks every edge
 * one scaled step at a time, and keeps the points where the walk crosses
 * the scaled centre line of a pixel column; each such point toggles the
 * mask at (column, ceil(row)).  The rings of a polygon are rasterized one
 * by one and merged by union.
 *
 * Memory: about 100 bytes a point, the toggles of one chunk of columns
 * (ANNOT_RASTER_CHUNK of them, or as many as edges cross one column when
 * that is more: 24 bytes each) and the result's runs, which the mask's own
 * limit bounds (ANNOT_MASK_MAX_COUNTS).  Nothing grows with how many
 * columns the edges cross.
 */
#ifndef ANNOT_RASTER_H
#define ANNOT_RASTER_H

#include "rle.h"

/*
 * Largest coordinate magnitude accepted.  pycocotools converts 5x the
 * coordinate to a C int, which overflows (undefined behaviour) beyond
 * about 4.3e8; a coordinate that far from any image is an error here.
 */
#define ANNOT_RASTER_MAX_COORD 1e8

/* Toggles a column chunk holds (when one column does not hold more). */
#define ANNOT_RASTER_CHUNK 65536

/*
 * Rasterize one ring of npts points, xy[2i], xy[2i+1] (COCO's flat
 * [x1, y1, x2, y2, ...]), onto an h x w grid.  A ring of fewer than 3
 * points gives what pycocotools gives (usually nothing).  Non-finite or
 * too large coordinates are ANNOT_EPARAM.
 */
annot_status annot_raster_ring(const double *xy, uint32_t npts,
							   int64_t h, int64_t w,
							   annot_ivals *out, annot_err *err);

/*
 * The union of nrings rings; ring r has npts[r] points and they follow
 * each other in xy.  No rings give an empty mask.
 */
annot_status annot_raster_rings(const double *xy, const uint32_t *npts,
								uint32_t nrings, int64_t h, int64_t w,
								annot_ivals *out, annot_err *err);

/*
 * The same with chunks of about budget toggles (at least one column each):
 * a smaller budget takes less memory and more passes; the result does not
 * depend on it.
 */
annot_status annot_raster_rings_budget(const double *xy, const uint32_t *npts,
									   uint32_t nrings, int64_t h, int64_t w,
									   size_t budget, annot_ivals *out,
									   annot_err *err);

/* The ring pycocotools' rleFrBbox rasterizes for a box, as 4 points. */
void		annot_raster_box_ring(double x1, double y1, double x2, double y2,
								  double xy[8]);

/*
 * A box with corners (x1, y1), (x2, y2), rasterized as pycocotools'
 * rleFrBbox does: as the ring (x1,y1) (x1,y2) (x2,y2) (x2,y1).
 */
annot_status annot_raster_box(double x1, double y1, double x2, double y2,
							  int64_t h, int64_t w,
							  annot_ivals *out, annot_err *err);

/*
 * annot.mask(bbox, h, w): the size checked (errors about "mask size"),
 * then the box rasterized (errors about "bbox").
 */
annot_status annot_mask_from_box(double x1, double y1, double x2, double y2,
								 int64_t h, int64_t w,
								 annot_ivals *out, annot_err *err);

#endif							/* ANNOT_RASTER_H */
