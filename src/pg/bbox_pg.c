/*
 * bbox_pg.c -- SQL interface of annot.bbox: I/O, constructors, accessors,
 * geometry functions, operators, btree/hash support and the GiST opclass.
 */
#include "bbox_pg.h"

#include <math.h>

#include "access/gist.h"
#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/geo_decls.h"
#include "utils/json.h"

annot_bbox *
bbox_copy(const annot_bbox *b)
{
	annot_bbox *r = palloc(sizeof(annot_bbox));

	*r = *b;
	return r;
}

PG_FUNCTION_INFO_V1(bbox_in);
Datum
bbox_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	annot_bbox	b;
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_parse(str, &b, &err) != ANNOT_OK)
	{
		annot_report(&err, ANNOT_ESCONTEXT(fcinfo));
		PG_RETURN_NULL();
	}
	PG_RETURN_BBOX_P(bbox_copy(&b));
}

PG_FUNCTION_INFO_V1(bbox_out);
Datum
bbox_out(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX_P(0);
	char	   *buf = palloc(ANNOT_BBOX_TEXTLEN);

	annot_bbox_format(b, buf);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(bbox_recv);
Datum
bbox_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	annot_bbox	b;
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_recv((const uint8_t *) buf->data + buf->cursor,
						(size_t) (buf->len - buf->cursor), &b, &err) != ANNOT_OK)
		annot_raise(&err);
	buf->cursor = buf->len;
	PG_RETURN_BBOX_P(bbox_copy(&b));
}

PG_FUNCTION_INFO_V1(bbox_send);
Datum
bbox_send(PG_FUNCTION_ARGS)
{
	bytea	   *r = palloc(VARHDRSZ + ANNOT_BBOX_BINLEN);

	SET_VARSIZE(r, VARHDRSZ + ANNOT_BBOX_BINLEN);
	annot_bbox_send(PG_GETARG_BBOX_P(0), (uint8_t *) VARDATA(r));
	PG_RETURN_BYTEA_P(r);
}

PG_FUNCTION_INFO_V1(bbox_corners);
Datum
bbox_corners(PG_FUNCTION_ARGS)
{
	annot_bbox	b;
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_from_corners(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
								PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
								&b, &err) != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_BBOX_P(bbox_copy(&b));
}

PG_FUNCTION_INFO_V1(bbox_xywh);
Datum
bbox_xywh(PG_FUNCTION_ARGS)
{
	annot_bbox	b;
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_from_xywh(PG_GETARG_FLOAT8(0), PG_GETARG_FLOAT8(1),
							 PG_GETARG_FLOAT8(2), PG_GETARG_FLOAT8(3),
							 &b, &err) != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_BBOX_P(bbox_copy(&b));
}

/* annot.bbox(float8[]): COCO's [x, y, width, height] as drivers bind a list */
PG_FUNCTION_INFO_V1(bbox_from_array);
Datum
bbox_from_array(PG_FUNCTION_ARGS)
{
	ArrayType  *a = PG_GETARG_ARRAYTYPE_P(0);
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	double		v[4];
	annot_bbox	b;
	annot_err	err;
	int			i;

	deconstruct_array(a, FLOAT8OID, sizeof(float8), FLOAT8PASSBYVAL,
					  TYPALIGN_DOUBLE, &elems, &nulls, &n);
	for (i = 0; i < n && i < 4; i++)
		v[i] = nulls[i] ? 0.0 : DatumGetFloat8(elems[i]);
	annot_err_init(&err);
	if (annot_bbox_from_array(v, nulls, ARR_NDIM(a), n, &b, &err) != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_BBOX_P(bbox_copy(&b));
}

/* annot.bbox(jsonb): COCO's [x, y, width, height] */
PG_FUNCTION_INFO_V1(bbox_from_jsonb);
Datum
bbox_from_jsonb(PG_FUNCTION_ARGS)
{
	Jsonb	   *jb = PG_GETARG_JSONB_P(0);
	annot_bbox	b;
	annot_err	err;

	/*
	 * jsonb prints its numbers as written, so the core's parser turns each
	 * into the nearest double, as float8in would.
	 */
	annot_err_init(&err);
	if (annot_bbox_parse_coco(JsonbToCString(NULL, &jb->root, VARSIZE(jb)),
							  &b, &err) != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_BBOX_P(bbox_copy(&b));
}

/* COCO's [x, y, width, height] as text, palloc'd */
static char *
bbox_coco_text(const annot_bbox *b, int *len)
{
	char	   *buf = palloc(ANNOT_BBOX_COCOLEN);
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_coco(b, buf, len, &err) != ANNOT_OK)
		annot_raise(&err);
	return buf;
}

PG_FUNCTION_INFO_V1(bbox_to_coco);
Datum
bbox_to_coco(PG_FUNCTION_ARGS)
{
	int			len;

	PG_RETURN_JSONB_P(annot_jsonb_from_cstring(bbox_coco_text(PG_GETARG_BBOX_P(0), &len)));
}

/* The cast to json: COCO's array as json text, which needs no parsing */
PG_FUNCTION_INFO_V1(bbox_to_json);
Datum
bbox_to_json(PG_FUNCTION_ARGS)
{
	int			len;
	char	   *s = bbox_coco_text(PG_GETARG_BBOX_P(0), &len);

	PG_RETURN_TEXT_P(cstring_to_text_with_len(s, len));
}

PG_FUNCTION_INFO_V1(bbox_to_box);
Datum
bbox_to_box(PG_FUNCTION_ARGS)
{
	annot_bbox *b = PG_GETARG_BBOX_P(0);
	BOX		   *r = palloc(sizeof(BOX));

	r->low.x = b->x1;
	r->low.y = b->y1;
	r->high.x = b->x2;
	r->high.y = b->y2;
	PG_RETURN_BOX_P(r);
}

PG_FUNCTION_INFO_V1(bbox_from_box);
Datum
bbox_from_box(PG_FUNCTION_ARGS)
{
	BOX		   *box = PG_GETARG_BOX_P(0);
	annot_bbox	b;
	annot_err	err;

	/* box_in normalizes, so low <= high; only NaN and infinities remain */
	annot_err_init(&err);
	if (annot_bbox_from_corners(box->low.x, box->low.y, box->high.x,
								box->high.y, &b, &err) != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_BBOX_P(bbox_copy(&b));
}

PG_FUNCTION_INFO_V1(bbox_to_wkb);
Datum
bbox_to_wkb(PG_FUNCTION_ARGS)
{
	bytea	   *r = palloc(VARHDRSZ + ANNOT_BBOX_WKBLEN);

	SET_VARSIZE(r, VARHDRSZ + ANNOT_BBOX_WKBLEN);
	annot_bbox_to_wkb(PG_GETARG_BBOX_P(0), (uint8_t *) VARDATA(r));
	PG_RETURN_BYTEA_P(r);
}

/* annot.bbox_from_wkb(bytea): the envelope of a WKB (multi)polygon */
PG_FUNCTION_INFO_V1(bbox_from_wkb);
Datum
bbox_from_wkb(PG_FUNCTION_ARGS)
{
	bytea	   *wkb = PG_GETARG_BYTEA_PP(0);
	annot_err	err;
	annot_bbox	b;

	annot_err_init(&err);
	if (annot_bbox_from_wkb((const uint8_t *) VARDATA_ANY(wkb),
							VARSIZE_ANY_EXHDR(wkb), &b, &err) != ANNOT_OK)
		annot_raise(&err);
	PG_RETURN_BBOX_P(bbox_copy(&b));
}

/* Accessors */

PG_FUNCTION_INFO_V1(bbox_x1);
Datum
bbox_x1(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_BBOX_P(0)->x1);
}

PG_FUNCTION_INFO_V1(bbox_y1);
Datum
bbox_y1(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_BBOX_P(0)->y1);
}

PG_FUNCTION_INFO_V1(bbox_x2);
Datum
bbox_x2(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_BBOX_P(0)->x2);
}

PG_FUNCTION_INFO_V1(bbox_y2);
Datum
bbox_y2(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_BBOX_P(0)->y2);
}

PG_FUNCTION_INFO_V1(bbox_width);
Datum
bbox_width(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(annot_bbox_width(PG_GETARG_BBOX_P(0)));
}

PG_FUNCTION_INFO_V1(bbox_height);
Datum
bbox_height(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(annot_bbox_height(PG_GETARG_BBOX_P(0)));
}

PG_FUNCTION_INFO_V1(bbox_area);
Datum
bbox_area(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(annot_bbox_area(PG_GETARG_BBOX_P(0)));
}

PG_FUNCTION_INFO_V1(bbox_center);
Datum
bbox_center(PG_FUNCTION_ARGS)
{
	Point	   *p = palloc(sizeof(Point));

	annot_bbox_center(PG_GETARG_BBOX_P(0), &p->x, &p->y);
	PG_RETURN_POINT_P(p);
}

/* Pairwise similarity */

PG_FUNCTION_INFO_V1(bbox_iou);
Datum
bbox_iou(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(annot_bbox_iou(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)));
}

PG_FUNCTION_INFO_V1(bbox_giou);
Datum
bbox_giou(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(annot_bbox_giou(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)));
}

PG_FUNCTION_INFO_V1(bbox_dice);
Datum
bbox_dice(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(annot_bbox_dice(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)));
}

PG_FUNCTION_INFO_V1(bbox_inter_area);
Datum
bbox_inter_area(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(annot_bbox_inter_area(PG_GETARG_BBOX_P(0),
										   PG_GETARG_BBOX_P(1)));
}

PG_FUNCTION_INFO_V1(bbox_iou_crowd);
Datum
bbox_iou_crowd(PG_FUNCTION_ARGS)
{
	annot_bbox *dt = PG_GETARG_BBOX_P(0);
	annot_bbox *gt = PG_GETARG_BBOX_P(1);
	bool		crowd = PG_GETARG_BOOL(2);

	PG_RETURN_FLOAT8(crowd ? annot_bbox_iou_crowd(dt, gt) : annot_bbox_iou(dt, gt));
}

PG_FUNCTION_INFO_V1(bbox_intersection);
Datum
bbox_intersection(PG_FUNCTION_ARGS)
{
	annot_bbox	r;

	if (!annot_bbox_intersection(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1), &r))
		PG_RETURN_NULL();
	PG_RETURN_BBOX_P(bbox_copy(&r));
}

PG_FUNCTION_INFO_V1(bbox_cover);
Datum
bbox_cover(PG_FUNCTION_ARGS)
{
	annot_bbox	r;

	annot_bbox_cover(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1), &r);
	PG_RETURN_BBOX_P(bbox_copy(&r));
}

PG_FUNCTION_INFO_V1(bbox_clip);
Datum
bbox_clip(PG_FUNCTION_ARGS)
{
	annot_bbox	r;
	bool		inside;
	annot_err	err;

	annot_err_init(&err);
	if (annot_bbox_clip(PG_GETARG_BBOX_P(0), PG_GETARG_FLOAT8(1),
						PG_GETARG_FLOAT8(2), &r, &inside, &err) != ANNOT_OK)
		annot_raise(&err);
	if (!inside)
		PG_RETURN_NULL();
	PG_RETURN_BBOX_P(bbox_copy(&r));
}

/* Operators and btree/hash support */

PG_FUNCTION_INFO_V1(bbox_overlaps);
Datum
bbox_overlaps(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_overlaps(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)));
}

PG_FUNCTION_INFO_V1(bbox_contains);
Datum
bbox_contains(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_contains(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)));
}

PG_FUNCTION_INFO_V1(bbox_contained);
Datum
bbox_contained(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_contains(PG_GETARG_BBOX_P(1), PG_GETARG_BBOX_P(0)));
}

PG_FUNCTION_INFO_V1(bbox_eq);
Datum
bbox_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_cmp(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)) == 0);
}

PG_FUNCTION_INFO_V1(bbox_ne);
Datum
bbox_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_cmp(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)) != 0);
}

PG_FUNCTION_INFO_V1(bbox_lt);
Datum
bbox_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_cmp(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)) < 0);
}

PG_FUNCTION_INFO_V1(bbox_le);
Datum
bbox_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_cmp(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)) <= 0);
}

PG_FUNCTION_INFO_V1(bbox_gt);
Datum
bbox_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_cmp(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)) > 0);
}

PG_FUNCTION_INFO_V1(bbox_ge);
Datum
bbox_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(annot_bbox_cmp(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)) >= 0);
}

PG_FUNCTION_INFO_V1(bbox_cmp);
Datum
bbox_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(annot_bbox_cmp(PG_GETARG_BBOX_P(0), PG_GETARG_BBOX_P(1)));
}

PG_FUNCTION_INFO_V1(bbox_hash);
Datum
bbox_hash(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) annot_bbox_hash(PG_GETARG_BBOX_P(0), 0));
}

PG_FUNCTION_INFO_V1(bbox_hash_extended);
Datum
bbox_hash_extended(PG_FUNCTION_ARGS)
{
	/* seed 0 must give the low 32 bits of bbox_hash, as hash_any_extended does */
	PG_RETURN_INT64((int64) annot_bbox_hash(PG_GETARG_BBOX_P(0),
											(uint64_t) PG_GETARG_INT64(1)));
}

/* GiST support: the keys are boxes themselves */

#define BBOX_STRATEGY_EQ 6		/* RTSameStrategyNumber, as box_ops has ~= */

PG_FUNCTION_INFO_V1(bbox_gist_consistent);
Datum
bbox_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	annot_bbox *query = PG_GETARG_BBOX_P(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	annot_bbox *key = (annot_bbox *) DatumGetPointer(entry->key);
	bool		leaf = GIST_LEAF(entry);

	*recheck = false;
	if (key == NULL)
		PG_RETURN_BOOL(false);

	switch (strategy)
	{
		case RTOverlapStrategyNumber:
			PG_RETURN_BOOL(annot_bbox_overlaps(key, query));
		case RTContainsStrategyNumber:
			PG_RETURN_BOOL(annot_bbox_contains(key, query));
		case RTContainedByStrategyNumber:
			if (leaf)
				PG_RETURN_BOOL(annot_bbox_contains(query, key));
			PG_RETURN_BOOL(annot_bbox_overlaps(key, query));
		case BBOX_STRATEGY_EQ:
			if (leaf)
				PG_RETURN_BOOL(annot_bbox_cmp(key, query) == 0);
			PG_RETURN_BOOL(annot_bbox_contains(key, query));
	}
	elog(ERROR, "unrecognized strategy number: %d", strategy);
	PG_RETURN_BOOL(false);
}

PG_FUNCTION_INFO_V1(bbox_gist_union);
Datum
bbox_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *sizep = (int *) PG_GETARG_POINTER(1);
	annot_bbox *u = palloc(sizeof(annot_bbox));
	int			i;

	*u = *(annot_bbox *) DatumGetPointer(entryvec->vector[0].key);
	for (i = 1; i < entryvec->n; i++)
		annot_bbox_cover(u, (annot_bbox *) DatumGetPointer(entryvec->vector[i].key), u);
	*sizep = sizeof(annot_bbox);
	PG_RETURN_POINTER(u);
}

/* Area plus a small share of the margin, so zero-area boxes still differ. */
static double
bbox_size(const annot_bbox *b)
{
	double		w = b->x2 - b->x1;
	double		h = b->y2 - b->y1;

	return w * h + 1e-9 * (w + h);
}

PG_FUNCTION_INFO_V1(bbox_gist_penalty);
Datum
bbox_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *origentry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *newentry = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);
	annot_bbox *orig = (annot_bbox *) DatumGetPointer(origentry->key);
	annot_bbox *add = (annot_bbox *) DatumGetPointer(newentry->key);
	annot_bbox	u;
	double		d;

	annot_bbox_cover(orig, add, &u);
	d = bbox_size(&u) - bbox_size(orig);
	*penalty = (float) (d > 0 ? d : 0);
	PG_RETURN_POINTER(penalty);
}

typedef struct split_item
{
	OffsetNumber off;
	double		center;
} split_item;

static int
split_item_cmp(const void *a, const void *b)
{
	double		x = ((const split_item *) a)->center;
	double		y = ((const split_item *) b)->center;

	return (x > y) - (x < y);
}

/*
 * Split along the axis where the centers spread most, halving the sorted
 * entries: cheap, balanced, and good for the many small, similar boxes that
 * annotation tables hold.
 */
PG_FUNCTION_INFO_V1(bbox_gist_picksplit);
Datum
bbox_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			n = maxoff - FirstOffsetNumber + 1;
	split_item *items = palloc(sizeof(split_item) * n);
	annot_bbox *left = palloc(sizeof(annot_bbox));
	annot_bbox *right = palloc(sizeof(annot_bbox));
	double		minx = INFINITY,
				maxx = -INFINITY,
				miny = INFINITY,
				maxy = -INFINITY;
	bool		use_x;
	OffsetNumber i;
	int			k;

	for (i = FirstOffsetNumber; i <= maxoff; i = OffsetNumberNext(i))
	{
		annot_bbox *b = (annot_bbox *) DatumGetPointer(entryvec->vector[i].key);
		double		cx = b->x1 / 2 + b->x2 / 2;
		double		cy = b->y1 / 2 + b->y2 / 2;

		minx = fmin(minx, cx);
		maxx = fmax(maxx, cx);
		miny = fmin(miny, cy);
		maxy = fmax(maxy, cy);
	}
	use_x = (maxx - minx) >= (maxy - miny);
	for (i = FirstOffsetNumber, k = 0; i <= maxoff; i = OffsetNumberNext(i), k++)
	{
		annot_bbox *b = (annot_bbox *) DatumGetPointer(entryvec->vector[i].key);

		items[k].off = i;
		items[k].center = use_x ? b->x1 / 2 + b->x2 / 2 : b->y1 / 2 + b->y2 / 2;
	}
	qsort(items, n, sizeof(split_item), split_item_cmp);

	v->spl_left = palloc(sizeof(OffsetNumber) * n);
	v->spl_right = palloc(sizeof(OffsetNumber) * n);
	v->spl_nleft = v->spl_nright = 0;
	for (k = 0; k < n; k++)
	{
		annot_bbox *b = (annot_bbox *) DatumGetPointer(entryvec->vector[items[k].off].key);

		if (k < n / 2)
		{
			if (v->spl_nleft == 0)
				*left = *b;
			else
				annot_bbox_cover(left, b, left);
			v->spl_left[v->spl_nleft++] = items[k].off;
		}
		else
		{
			if (v->spl_nright == 0)
				*right = *b;
			else
				annot_bbox_cover(right, b, right);
			v->spl_right[v->spl_nright++] = items[k].off;
		}
	}
	v->spl_ldatum = PointerGetDatum(left);
	v->spl_rdatum = PointerGetDatum(right);
	pfree(items);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(bbox_gist_same);
Datum
bbox_gist_same(PG_FUNCTION_ARGS)
{
	annot_bbox *a = PG_GETARG_BBOX_P(0);
	annot_bbox *b = PG_GETARG_BBOX_P(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = annot_bbox_equal(a, b);
	PG_RETURN_POINTER(result);
}
