/*
 * poly.h -- polygon annotations: one or more rings, as in COCO's
 * "segmentation" list [[x1,y1,x2,y2,...], ...].
 *
 * Semantics.  Each ring is closed implicitly (its last point joins its
 * first) and filled by the even-odd rule, as rasterizers fill it; the
 * polygon's region is the union of its rings' regions.  Rings may be sloppy
 * (self-intersecting, repeated or collinear points, spikes, overlapping
 * each other): every function here accepts them and never fails on them.
 *
 * Two ways to hold rings:
 *  - annot_rings: a read-only view (ring ends and a flat xy array), used by
 *    every algorithm; it can point into a stored value, into a parser's
 *    output, or at the four corners of a box;
 *  - annot_poly: the stored varlena (see src/core/FORMAT.md), whose header
 *    caches the bounding box, the exact area and the COCO area.
 *
 * Limits: at most ANNOT_POLY_MAX_POINTS points over all rings (ANNOT_ELIMIT
 * beyond), every coordinate finite with magnitude at most
 * ANNOT_POLY_MAX_COORD (ANNOT_ERANGE beyond), at least one ring, at least 3
 * points in every ring.
 */
#ifndef ANNOT_POLY_H
#define ANNOT_POLY_H

#include "annot_core.h"
#include "bbox.h"
#include "overlap.h"

#define ANNOT_POLY_VERSION 1
#define ANNOT_POLY_MAX_POINTS 100000
/*
 * Areas and the exact orientation tests of the validity check multiply
 * coordinate differences: this bound keeps every such product finite and
 * every exact expansion free of overflow.  It is far beyond any image.
 */
#define ANNOT_POLY_MAX_COORD 1e15

/* Read-only view of rings: ring r holds points end[r-1] .. end[r]-1. */
typedef struct annot_rings
{
	int32_t		nrings;
	int32_t		npoints;		/* = end[nrings - 1] */
	const int32_t *end;			/* one past each ring's last point */
	const double *xy;			/* x0, y0, x1, y1, ... over all rings */
} annot_rings;

/* First point index of ring r. */
static inline int32_t
annot_rings_start(const annot_rings *r, int32_t ring)
{
	return ring == 0 ? 0 : r->end[ring - 1];
}

/*
 * The stored form.  vl_len_ is the varlena length word: the glue sets it
 * with SET_VARSIZE and the core never reads or writes it.  After the fixed
 * header come int32 ring_end[nrings], zero-padded to a multiple of 8 bytes,
 * then double xy[2 * npoints].
 */
typedef struct annot_poly
{
	int32_t		vl_len_;
	uint8_t		version;		/* ANNOT_POLY_VERSION */
	uint8_t		flags;			/* reserved, 0 */
	uint16_t	reserved;		/* 0 */
	int32_t		nrings;
	int32_t		npoints;
	annot_bbox	bbox;			/* of all points */
	double		area;			/* exact area of the region */
	double		coco_area;		/* sum of the rings' shoelace areas */
	char		data[];			/* ring_end[], padding, xy[] */
} annot_poly;

/* Total size in bytes of a stored poly, varlena header included. */
size_t		annot_poly_size(int32_t nrings, int32_t npoints);

/*
 * Accessors of a stored poly, for every capability that reads polygons
 * (the mask rasterizer among them).  Points of ring r are
 * annot_poly_ring_xy(p, r)[2k], [2k+1] for 0 <= k < the ring's count, in
 * COCO order x1, y1, x2, y2, ...; the closing point is not repeated.
 */
int32_t		annot_poly_nrings(const annot_poly *p);
int32_t		annot_poly_npoints(const annot_poly *p);
int32_t		annot_poly_ring_npoints(const annot_poly *p, int32_t ring);
const double *annot_poly_ring_xy(const annot_poly *p, int32_t ring);
/* View of all rings of p (valid while p is). */
annot_rings annot_poly_rings(const annot_poly *p);

/*
 * Check a stored value's header against its varlena size: version, reserved
 * fields, counts and ring ends.  O(rings); ANNOT_ECORRUPT on failure.
 */
annot_status annot_poly_check(const annot_poly *p, size_t varsize,
							  annot_err *err);

/*
 * Check rings that come in by any route: at least one ring, at least 3
 * points a ring, the point limit, finite coordinates within the limit.
 * Failures carry on_error (ANNOT_ESYNTAX for text, ANNOT_EPARAM for
 * function arguments, ANNOT_EBINARY for binary input), except the point
 * limit (ANNOT_ELIMIT) and coordinate magnitude (ANNOT_ERANGE).
 */
annot_status annot_rings_validate(const annot_rings *r, annot_status on_error,
								  annot_err *err);

/*
 * Serialize validated rings into dst, which holds annot_poly_size() bytes
 * (vl_len_ is left alone).  Computes the cached bbox and areas.
 */
annot_status annot_poly_build(const annot_rings *r, annot_poly *dst,
							  annot_err *err);

/*
 * Growable owned rings, the output of the decoders.  Free with
 * annot_rings_buf_free().
 */
typedef struct annot_rings_buf
{
	int32_t		nrings;
	int32_t		npoints;
	int32_t    *end;
	double	   *xy;
	int32_t		ring_cap;
	int32_t		point_cap;
} annot_rings_buf;

void		annot_rings_buf_init(annot_rings_buf *b);
void		annot_rings_buf_free(annot_rings_buf *b);
annot_status annot_rings_buf_add_point(annot_rings_buf *b, double x, double y,
									   annot_err *err);
/* Close the ring being built: its points are those added since the last. */
annot_status annot_rings_buf_end_ring(annot_rings_buf *b, annot_err *err);
annot_rings annot_rings_buf_view(const annot_rings_buf *b);

/*
 * Parse the text form [[x1,y1,x2,y2,...],...] (blanks allowed between
 * tokens), which is also COCO's JSON.  Syntax failures carry syntax_status
 * (ANNOT_ESYNTAX for the type's input, ANNOT_EPARAM when the text came from
 * a jsonb argument); every failure names the ring and the coordinate.  The
 * result is validated (annot_rings_validate) before it is returned.
 */
annot_status annot_poly_parse(const char *text, annot_status syntax_status,
							  annot_rings_buf *out, annot_err *err);

/* Length of the text form of r, terminating NUL included. */
size_t		annot_poly_text_size(const annot_rings *r);

/* Write the text form (shortest round-trip numbers); returns its length. */
size_t		annot_poly_format(const annot_rings *r, char *buf);

/*
 * Binary wire format (see FORMAT.md): uint8 version, int32 nrings,
 * int32 npoints[nrings], float8 xy pairs; all big-endian.
 */
size_t		annot_poly_send_size(const annot_rings *r);
size_t		annot_poly_send(const annot_rings *r, uint8_t *buf);
annot_status annot_poly_recv(const uint8_t *buf, size_t len,
							 annot_rings_buf *out, annot_err *err);

/*
 * Rings from a WKB Polygon or MultiPolygon.  A polygon's exterior ring
 * becomes one ring; its holes are joined to it by a doubled bridge edge at
 * the exterior's first point, which the even-odd rule cancels, so the
 * region is the polygon's (a hole-free polygon round-trips exactly).  The
 * closing point WKB repeats is dropped.  Failures: ANNOT_EPARAM,
 * ANNOT_EBINARY, ANNOT_ELIMIT, ANNOT_ERANGE.
 */
annot_status annot_poly_from_wkb(const uint8_t *buf, size_t len,
								 annot_rings_buf *out, annot_err *err);

/* The box as a ring: (x1,y1), (x2,y1), (x2,y2), (x1,y2). */
void		annot_bbox_ring(const annot_bbox *b, int32_t *end, double xy[8]);

/* Bounding box of every point of r. */
void		annot_rings_bbox(const annot_rings *r, annot_bbox *out);

/*
 * COCO's area: the sum over rings of the absolute shoelace area.  Equals
 * the region's area exactly when the rings are simple and do not overlap;
 * it is what COCO's annotation files store and bin by.
 */
double		annot_rings_coco_area(const annot_rings *r);

/* Exact equality of two stored polys (-0 equals 0), and a matching hash. */
bool		annot_poly_equal(const annot_poly *a, const annot_poly *b);
uint64_t	annot_poly_hash(const annot_poly *p, uint64_t seed);

/*
 * A total order consistent with annot_poly_equal, for B-trees: by ring
 * count, then ring sizes, then the coordinates in order; -1, 0 or 1.
 */
int			annot_poly_cmp(const annot_poly *a, const annot_poly *b);

/*
 * Region algorithms (polyclip.c): a sweep over vertical slabs bounded by
 * every vertex and every edge crossing.  Inside a slab no two edges cross,
 * so the edges met walking up a vertical line, with per-ring parity
 * counters, cut it into trapezoids whose area is exact up to rounding.
 * Crossings are found as order inversions between a slab's two ends.
 * Cost O((n + k) log n + S) for n points, k crossings and S the total
 * number of edges met by the slabs; S = O(n + k) when a vertical line
 * meets an outline a bounded number of times.
 */

/* Exact area of the region of r. */
annot_status annot_rings_area(const annot_rings *r, double *area,
							  annot_err *err);

/*
 * Area of the intersection of the regions of a and b, whose bounding boxes
 * are ba and bb.  Only the slabs where both boxes overlap are swept.
 */
annot_status annot_rings_intersection_area(const annot_rings *a,
										   const annot_bbox *ba,
										   const annot_rings *b,
										   const annot_bbox *bb,
										   double *inter, annot_err *err);

/*
 * Centroid of the region of r; false (and *cx, *cy untouched) when the
 * region has no area.
 */
annot_status annot_rings_centroid(const annot_rings *r, double *cx, double *cy,
								  bool *found, annot_err *err);

/*
 * The region's boundary as rings (polyclip.c).  Shells run counter-
 * clockwise in the x-right, y-up convention (positive shoelace area),
 * holes clockwise; rings are simple and closed implicitly.
 *
 * annot_rings_make_valid: the region as rings that are simple, free of
 * repeated points and spikes, and whose interiors are disjoint, so that
 * the union of their even-odd regions is the region again.  A shell with
 * holes cannot be written so (a ring's region has no holes): it is cut
 * along vertical lines through its holes into hole-free pieces that share
 * the cut edges.  An empty region gives zero rings.
 *
 * annot_rings_outline: the region as OGC polygons, for WKB: shells with
 * their holes; polygon[r] numbers the polygon of output ring r, and the
 * first ring of each polygon is its shell.
 */
annot_status annot_rings_make_valid(const annot_rings *r, annot_rings_buf *out,
									annot_err *err);
annot_status annot_rings_outline(const annot_rings *r, annot_rings_buf *out,
								 int32_t **polygon, annot_err *err);

/*
 * Validity (polyvalid.c).  A poly is valid when every ring has no repeated
 * consecutive point (the closing point included), encloses a non-zero
 * area, has no spike (an edge folding back along the previous one) and
 * does not touch or cross itself, and no two rings' interiors overlap.
 * Rings may touch each other at points or along edges.  For a valid poly
 * the region's area equals the COCO area and every ring is a valid
 * OGC polygon.  Orientation tests are exact (Shewchuk's expansion
 * arithmetic); overlaps thinner than the coordinates' rounding are not
 * reported.
 */
typedef enum annot_poly_problem
{
	ANNOT_POLY_VALID = 0,
	ANNOT_POLY_REPEATED_POINT,
	ANNOT_POLY_ZERO_AREA,
	ANNOT_POLY_SPIKE,
	ANNOT_POLY_SELF_INTERSECTION,
	ANNOT_POLY_RINGS_OVERLAP
} annot_poly_problem;

typedef struct annot_poly_validity
{
	annot_poly_problem problem;
	int32_t		ring;			/* 1-based ring of the problem, 0 if none */
	int32_t		point;			/* 1-based point in that ring, 0 if none */
	int32_t		other_ring;		/* the second ring of a two-ring problem */
	int32_t		other_point;	/* the second edge's start in a self-intersection */
	double		x;				/* where it is (NaN when not a point) */
	double		y;
} annot_poly_validity;

annot_status annot_rings_validity(const annot_rings *r,
								  annot_poly_validity *out, annot_err *err);

/* Short name of a problem: "valid", "repeated point", "self-intersection"... */
const char *annot_poly_problem_name(annot_poly_problem p);

/* A sentence about the problem, as is_valid_reason() shows it. */
int			annot_poly_validity_format(const annot_poly_validity *v,
									   char *buf, size_t len);

/* Exact sign of the orientation of c relative to a->b: 1 left, -1 right. */
int			annot_orient2d(double ax, double ay, double bx, double by,
						   double cx, double cy);

#endif							/* ANNOT_POLY_H */
