/*
 * cocoeval_objects.c -- COCO evaluation over object sets (tables of annot
 * types): the two sets become a ground-truth dataset and a results list,
 * then the evaluation is the one of cocoeval.c.
 *
 * Images are those of either set; categories are the labels of either set,
 * in numeric order when every label is an integer, else in byte order;
 * ground truths are taken by id (as their documents' order); a detection
 * without a score counts as score 1; a keypoint detection's area is the
 * one its row gives, else its keypoints' extent.
 */
#include "cocoeval.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "keypoints.h"
#include "match.h"

typedef struct label_ref
{
	const uint8_t *p;
	uint32_t	len;			/* UINT32_MAX: null */
	int64_t		num;			/* numeric value when every label is one */
} label_ref;

static bool numeric_labels;

static int
cmp_label(const void *a, const void *b)
{
	const label_ref *x = a,
			   *y = b;
	int			c;

	if (x->len == UINT32_MAX || y->len == UINT32_MAX)
		return (x->len == UINT32_MAX ? 0 : 1) - (y->len == UINT32_MAX ? 0 : 1);
	if (numeric_labels)
		return (x->num > y->num) - (x->num < y->num);
	c = memcmp(x->p, y->p, x->len < y->len ? x->len : y->len);
	if (c != 0)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

static bool
label_number(const uint8_t *p, uint32_t len, int64_t *out)
{
	int64_t		v = 0;
	bool		neg = false;
	uint32_t	i = 0;

	if (len == UINT32_MAX || len == 0 || len > 18)
		return false;
	if (p[0] == '-')
		neg = true, i = 1;
	if (i == len)
		return false;
	for (; i < len; i++)
	{
		if (p[i] < '0' || p[i] > '9')
			return false;
		v = v * 10 + (p[i] - '0');
	}
	*out = neg ? -v : v;
	return true;
}

static int
cmp_i64_objects(const void *a, const void *b)
{
	int64_t		x = *(const int64_t *) a,
				y = *(const int64_t *) b;

	return (x > y) - (x < y);
}

typedef struct id_order
{
	int64_t		image_id;
	int64_t		id;
	uint32_t	index;
} id_order;

static int
cmp_id_order(const void *a, const void *b)
{
	const id_order *x = a,
			   *y = b;

	if (x->image_id != y->image_id)
		return x->image_id < y->image_id ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static annot_status
fill_ann(const annot_objset *s, const annot_obj_rec *r, annot_coco_ann *a,
		 int64_t category, bool is_gt, annot_err *err)
{
	const uint8_t *shape = annot_objset_data(s) + r->shape_off;

	memset(a, 0, sizeof(*a));
	a->id = r->id;
	a->image_id = r->image_id;
	a->category_id = category;
	a->flags = ANNOT_COCO_HAS_ID | ANNOT_COCO_HAS_CATEGORY;
	a->iscrowd = (r->flags & ANNOT_OBJ_CROWD) != 0;
	a->num_keypoints = -1;
	if (!isnan(r->area))
	{
		a->area = r->area;
		a->flags |= ANNOT_COCO_HAS_AREA;
	}
	if (!is_gt)
	{
		a->score = isnan(r->score) ? 1.0 : r->score;
		a->flags |= ANNOT_COCO_HAS_SCORE;
	}
	switch (s->kind)
	{
		case ANNOT_OBJ_BBOX:
			{
				annot_bbox	b;

				memcpy(&b, shape, sizeof(b));
				a->bbox[0] = b.x1;
				a->bbox[1] = b.y1;
				a->bbox[2] = annot_bbox_coco_extent(b.x1, b.x2);
				a->bbox[3] = annot_bbox_coco_extent(b.y1, b.y2);
				a->flags |= ANNOT_COCO_HAS_BBOX;
				if (!is_gt && !isnan(r->area))
					a->flags &= ~(uint32_t) ANNOT_COCO_HAS_AREA;
				return ANNOT_OK;
			}
		case ANNOT_OBJ_MASK:
			{
				annot_mask_view v;
				annot_ivals m;
				annot_counts_iter it;
				uint32_t	c;
				size_t		n = 0;
				annot_status st = annot_mask_open(shape + 4, r->shape_len - 4, &v, err);

				if (st == ANNOT_OK)
				{
					annot_ivals_init(&m, v.h, v.w);
					st = annot_mask_decode(&v, &m, err);
				}
				if (st != ANNOT_OK)
					return st;
				a->seg = ANNOT_SEG_RLE_COUNTS;
				a->rle_h = v.h;
				a->rle_w = v.w;
				a->ncounts = annot_ivals_ncounts(&m);
				a->xy = annot_alloc(sizeof(double) * (a->ncounts + 1));
				if (a->xy == NULL)
				{
					annot_ivals_free(&m);
					return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
				}
				annot_counts_iter_init(&it, &m);
				while (annot_counts_next(&it, &c))
					a->xy[n++] = c;
				annot_ivals_free(&m);
				/* results carry no box: loadRes's segm branch */
				if (!is_gt)
					a->flags &= ~(uint32_t) ANNOT_COCO_HAS_AREA;
				else
				{
					a->bbox[0] = v.bbox[0];
					a->bbox[1] = v.bbox[1];
					a->bbox[2] = v.bbox[2];
					a->bbox[3] = v.bbox[3];
					a->flags |= ANNOT_COCO_HAS_BBOX;
				}
				return ANNOT_OK;
			}
		case ANNOT_OBJ_KEYPOINTS:
			{
				const annot_kpts *k = (const annot_kpts *) shape;
				double		x0 = INFINITY,
							x1 = -INFINITY,
							y0 = INFINITY,
							y1 = -INFINITY;

				a->nkp = (size_t) k->npoints * 3;
				a->kp = annot_alloc(sizeof(double) * a->nkp);
				if (a->kp == NULL)
					return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
				memcpy(a->kp, k->xyv, sizeof(double) * a->nkp);
				a->num_keypoints = k->labelled;
				a->flags |= ANNOT_COCO_HAS_NUMKP;
				for (int32_t i = 0; i < k->npoints; i++)
				{
					x0 = fmin(x0, k->xyv[3 * i]);
					x1 = fmax(x1, k->xyv[3 * i]);
					y0 = fmin(y0, k->xyv[3 * i + 1]);
					y1 = fmax(y1, k->xyv[3 * i + 1]);
				}
				if (is_gt)
				{
					/* the keypoints' own box stands in for the annotation's */
					a->bbox[0] = x0;
					a->bbox[1] = y0;
					a->bbox[2] = x1 - x0;
					a->bbox[3] = y1 - y0;
					a->flags |= ANNOT_COCO_HAS_BBOX;
					if (isnan(r->area))
						return annot_fail(err, ANNOT_EPARAM, -1,
										  "Keypoint ground truth %lld needs an area for OKS.",
										  (long long) r->id);
				}
				return ANNOT_OK;
			}
	}
	return annot_fail(err, ANNOT_EPARAM, -1,
					  "%s objects cannot be evaluated as COCO does; convert polygons with annot.mask(poly, height, width).",
					  annot_obj_kind_name(s->kind));
}

annot_status
annot_objsets_to_coco(const annot_objset *gt, const annot_objset *dt,
					  annot_eval_type *type, annot_coco_doc *gdoc,
					  annot_coco_doc *ddoc, annot_err *err)
{
	int			kind = gt->kind ? gt->kind : dt->kind;
	size_t		nl = (size_t) gt->n + dt->n;
	label_ref  *labels = NULL;
	id_order   *ord = NULL;
	int64_t    *imgs = NULL;
	size_t		nimg = 0,
				ncat = 0;
	annot_status st = ANNOT_OK;

	annot_err_about(err, "COCO evaluation", NULL);
	memset(gdoc, 0, sizeof(*gdoc));
	memset(ddoc, 0, sizeof(*ddoc));
	ddoc->is_list = true;
	ddoc->result_areas = true;
	if (gt->kind && dt->kind && gt->kind != dt->kind)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Ground truth holds %s objects and detections %s objects.",
						  annot_obj_kind_name(gt->kind), annot_obj_kind_name(dt->kind));
	*type = kind == ANNOT_OBJ_MASK ? ANNOT_EVAL_SEGM :
		kind == ANNOT_OBJ_KEYPOINTS ? ANNOT_EVAL_KEYPOINTS : ANNOT_EVAL_BBOX;
	if (kind == ANNOT_OBJ_POLY)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "poly objects cannot be evaluated as COCO does; convert polygons with annot.mask(poly, height, width).");

	labels = annot_alloc(sizeof(label_ref) * (nl + 1));
	imgs = annot_alloc(sizeof(int64_t) * (nl + 1));
	ord = annot_alloc(sizeof(id_order) * (gt->n + 1));
	gdoc->anns = annot_alloc(sizeof(annot_coco_ann) * (gt->n + 1));
	ddoc->anns = annot_alloc(sizeof(annot_coco_ann) * (dt->n + 1));
	if (!labels || !imgs || !ord || !gdoc->anns || !ddoc->anns)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	/* categories: the labels of both sides */
	numeric_labels = true;
	for (size_t i = 0; i < nl; i++)
	{
		const annot_objset *s = i < gt->n ? gt : dt;
		const annot_obj_rec *r = &s->rec[i < gt->n ? i : i - gt->n];

		labels[i].len = r->label_len;
		labels[i].p = annot_objset_data(s) + (r->label_len == UINT32_MAX ? 0 : r->label_off);
		if (!label_number(labels[i].p, r->label_len, &labels[i].num))
			numeric_labels = false;
		imgs[i] = r->image_id;
	}
	qsort(labels, nl, sizeof(label_ref), cmp_label);
	for (size_t i = 0; i < nl; i++)
		if (ncat == 0 || cmp_label(&labels[ncat - 1], &labels[i]) != 0)
			labels[ncat++] = labels[i];
	qsort(imgs, nl, sizeof(int64_t), cmp_i64_objects);
	for (size_t i = 0; i < nl; i++)
		if (nimg == 0 || imgs[nimg - 1] != imgs[i])
			imgs[nimg++] = imgs[i];
	gdoc->images = annot_alloc(sizeof(annot_coco_image) * (nimg + 1));
	gdoc->cats = annot_alloc(sizeof(annot_coco_category) * (ncat + 1));
	if (!gdoc->images || !gdoc->cats)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto out;
	}
	for (size_t i = 0; i < nimg; i++)
	{
		memset(&gdoc->images[i], 0, sizeof(annot_coco_image));
		gdoc->images[i].id = imgs[i];
		gdoc->images[i].height = gdoc->images[i].width = -1;
	}
	gdoc->nimages = nimg;
	for (size_t i = 0; i < ncat; i++)
	{
		memset(&gdoc->cats[i], 0, sizeof(annot_coco_category));
		gdoc->cats[i].id = (int64_t) i;
	}
	gdoc->ncats = ncat;

	/* ground truths in (image, id) order, as a document would list them */
	for (uint32_t i = 0; i < gt->n; i++)
	{
		ord[i].image_id = gt->rec[i].image_id;
		ord[i].id = gt->rec[i].id;
		ord[i].index = i;
	}
	qsort(ord, gt->n, sizeof(id_order), cmp_id_order);
	for (int side = 0; side < 2; side++)
	{
		const annot_objset *s = side == 0 ? gt : dt;
		annot_coco_doc *doc = side == 0 ? gdoc : ddoc;

		for (uint32_t i = 0; i < s->n; i++)
		{
			const annot_obj_rec *r = &s->rec[side == 0 ? ord[i].index : i];
			label_ref	key;
			label_ref  *found;

			if ((i & 1023) == 0)
				annot_check_interrupts();
			key.len = r->label_len;
			key.p = annot_objset_data(s) + (r->label_len == UINT32_MAX ? 0 : r->label_off);
			if (numeric_labels)
				label_number(key.p, key.len, &key.num);
			found = bsearch(&key, labels, ncat, sizeof(label_ref), cmp_label);
			st = fill_ann(s, r, &doc->anns[doc->nanns], found ? found - labels : -1,
						  side == 0, err);
			doc->nanns++;
			if (st != ANNOT_OK)
				goto out;
		}
	}
out:
	annot_free(labels);
	annot_free(imgs);
	annot_free(ord);
	if (st != ANNOT_OK)
	{
		annot_coco_doc_free(gdoc);
		annot_coco_doc_free(ddoc);
	}
	return st;
}
