/*
 * mask_poly_pg.c -- polygons meet masks: annot.mask(annot.poly, h, w) and
 * IoU / Dice between a polygon and a mask, the polygon rasterized on the
 * mask's grid exactly as pycocotools rasterizes COCO polygons.
 */
#include "annot_pg.h"

#include "poly_pg.h"

#include "../core/raster.h"
#include "../core/rle.h"
#include "../core/rle_ops.h"

/* The rings of p rasterized on an h x w grid (union of the rings). */
static void
poly_raster(const annot_poly *p, int64 h, int64 w, annot_ivals *out)
{
	int32_t		nrings = annot_poly_nrings(p);
	uint32_t   *npts = palloc(sizeof(uint32_t) * Max(nrings, 1));
	annot_err	err;
	int32_t		r;

	for (r = 0; r < nrings; r++)
		npts[r] = (uint32_t) annot_poly_ring_npoints(p, r);
	annot_err_init(&err);
	/* the rings' points follow each other in one array */
	if (annot_raster_rings(nrings > 0 ? annot_poly_ring_xy(p, 0) : NULL, npts,
						   (uint32_t) nrings, h, w, out, &err) != ANNOT_OK)
		annot_raise_as(&err, "poly", NULL, NULL);
	pfree(npts);
}

/* The stored mask of argument n, decoded and checked. */
static void
mask_arg(FunctionCallInfo fcinfo, int n, annot_ivals *out)
{
	struct varlena *raw = PG_DETOAST_DATUM_PACKED(PG_GETARG_DATUM(n));
	annot_mask_view v;
	annot_err	err;

	annot_err_init(&err);
	if (annot_mask_open((const uint8_t *) VARDATA_ANY(raw), VARSIZE_ANY_EXHDR(raw), &v, &err) != ANNOT_OK ||
		annot_mask_decode(&v, out, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask", NULL, NULL);
}

PG_FUNCTION_INFO_V1(mask_from_poly);
Datum
mask_from_poly(PG_FUNCTION_ARGS)
{
	annot_poly *p = PG_GETARG_POLY_P(0);
	int32		h = PG_GETARG_INT32(1);
	int32		w = PG_GETARG_INT32(2);
	annot_ivals m;
	annot_err	err;
	size_t		size;
	struct varlena *r;

	annot_err_init(&err);
	if (annot_mask_check_size(h, w, ANNOT_EPARAM, &err) != ANNOT_OK)
		annot_raise_as(&err, "mask size", NULL, NULL);
	poly_raster(p, h, w, &m);
	size = annot_mask_serial_size(&m);
	r = palloc(VARHDRSZ + size);
	SET_VARSIZE(r, VARHDRSZ + size);
	annot_mask_serialize(&m, (uint8_t *) VARDATA(r));
	PG_RETURN_POINTER(r);
}

/*
 * Intersection and areas of a polygon (argument ipoly) and a mask (the
 * other of arguments 0 and 1), the polygon rasterized on the mask's grid.
 */
static void
poly_mask_overlap(FunctionCallInfo fcinfo, int ipoly, uint64 *inter,
				  uint64 *area_poly, uint64 *area_mask)
{
	annot_ivals m,
				pm;

	mask_arg(fcinfo, 1 - ipoly, &m);
	poly_raster(PG_GETARG_POLY_P(ipoly), m.h, m.w, &pm);
	*inter = annot_ivals_inter_area(&pm, &m);
	*area_poly = annot_ivals_area(&pm);
	*area_mask = annot_ivals_area(&m);
}

/* iou(poly, mask), iou(mask, poly), and with crowd (argument 2) */
static Datum
poly_mask_iou(FunctionCallInfo fcinfo, int ipoly)
{
	uint64		inter,
				ap,
				am;
	bool		crowd = PG_NARGS() > 2 && PG_GETARG_BOOL(2);

	poly_mask_overlap(fcinfo, ipoly, &inter, &ap, &am);
	/* crowd divides by the first argument (the detection) */
	PG_RETURN_FLOAT8(ipoly == 0 ? annot_mask_iou_value(inter, ap, am, crowd)
					 : annot_mask_iou_value(inter, am, ap, crowd));
}

PG_FUNCTION_INFO_V1(poly_mask_iou_pm);
Datum
poly_mask_iou_pm(PG_FUNCTION_ARGS)
{
	return poly_mask_iou(fcinfo, 0);
}

PG_FUNCTION_INFO_V1(poly_mask_iou_mp);
Datum
poly_mask_iou_mp(PG_FUNCTION_ARGS)
{
	return poly_mask_iou(fcinfo, 1);
}

static Datum
poly_mask_dice(FunctionCallInfo fcinfo, int ipoly)
{
	uint64		inter,
				ap,
				am;

	poly_mask_overlap(fcinfo, ipoly, &inter, &ap, &am);
	PG_RETURN_FLOAT8(annot_mask_dice_value(inter, ap, am));
}

PG_FUNCTION_INFO_V1(poly_mask_dice_pm);
Datum
poly_mask_dice_pm(PG_FUNCTION_ARGS)
{
	return poly_mask_dice(fcinfo, 0);
}

PG_FUNCTION_INFO_V1(poly_mask_dice_mp);
Datum
poly_mask_dice_mp(PG_FUNCTION_ARGS)
{
	return poly_mask_dice(fcinfo, 1);
}
