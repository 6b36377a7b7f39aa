/*
 * wkb.h -- the subset of OGC Well-Known Binary that annot exchanges with
 * PostGIS: 2D Polygon (type 3) and MultiPolygon (type 6), in either byte
 * order, with or without PostGIS's EWKB SRID flag.
 */
#ifndef ANNOT_WKB_H
#define ANNOT_WKB_H

#include "annot_core.h"

/*
 * Rings read from WKB: ring r has npts[r] points at xy[2*start[r]...],
 * with the closing point that WKB repeats kept as it is.  polygon[r] is the
 * index of the polygon that ring r belongs to (0 for a plain Polygon).
 */
typedef struct annot_wkb_rings
{
	int32_t		nrings;
	int32_t		npoints;		/* total over all rings */
	int32_t    *npts;
	int32_t    *start;
	int32_t    *polygon;
	double	   *xy;
} annot_wkb_rings;

/* Longest input accepted, in points over all rings (ANNOT_ELIMIT above). */
#define ANNOT_WKB_MAX_POINTS (1 << 24)

/*
 * Decode a Polygon or MultiPolygon.  Every length is checked against the
 * buffer before it is used; coordinates must be finite.  Failures are
 * ANNOT_EPARAM (well-formed but not a 2D (multi)polygon), ANNOT_EBINARY
 * (truncated or inconsistent) or ANNOT_ELIMIT, about the subject "WKB".
 * Arrays come from annot_alloc.
 */
annot_status annot_wkb_read_rings(const uint8_t *buf, size_t len,
								  annot_wkb_rings *out, annot_err *err);

void		annot_wkb_rings_free(annot_wkb_rings *r);

/* Size of a little-endian Polygon with nrings rings of npts[i] points. */
size_t		annot_wkb_polygon_size(int32_t nrings, const int32_t *npts);

/*
 * Write a little-endian Polygon; ring i's points are xy[2*k], xy[2*k+1] for
 * consecutive k.  Returns bytes written (annot_wkb_polygon_size()).
 */
size_t		annot_wkb_write_polygon(uint8_t *buf, int32_t nrings,
									const int32_t *npts, const double *xy);

/*
 * Size of a little-endian MultiPolygon whose ring i has npts[i] points
 * (the closing point not counted) and belongs to polygon polygon[i];
 * polygon[] runs 0, 1, ... without gaps and without going back, and a
 * polygon's first ring is its exterior.  nrings = 0 is MULTIPOLYGON EMPTY.
 */
size_t		annot_wkb_multipolygon_size(int32_t nrings, const int32_t *npts,
										const int32_t *polygon);

/*
 * Write that MultiPolygon, closing every ring by repeating its first point
 * as WKB requires; ring i's points follow ring i-1's in xy.  Returns bytes
 * written (annot_wkb_multipolygon_size()).
 */
size_t		annot_wkb_write_multipolygon(uint8_t *buf, int32_t nrings,
										 const int32_t *npts,
										 const int32_t *polygon,
										 const double *xy);

#endif							/* ANNOT_WKB_H */
