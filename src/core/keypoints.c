/*
 * keypoints.c -- COCO keypoints: validation, text and binary forms, order,
 * hashing and object keypoint similarity.
 */
#include "keypoints.h"

#include <math.h>
#include <string.h>

#include "bytes.h"
#include "hash.h"
#include "match.h"

/*
 * pycocotools Params.setKpParams: the person sigmas, written as it writes
 * them (a tenth of each) so that every value is the same double.
 */
const double annot_kpts_coco_sigmas[ANNOT_KPTS_COCO_NSIGMAS] = {
	.26 / 10.0, .25 / 10.0, .25 / 10.0, .35 / 10.0, .35 / 10.0,
	.79 / 10.0, .79 / 10.0, .72 / 10.0, .72 / 10.0, .62 / 10.0,
	.62 / 10.0, 1.07 / 10.0, 1.07 / 10.0, .87 / 10.0, .87 / 10.0,
	.89 / 10.0, .89 / 10.0
};

size_t
annot_kpts_size(int32_t npoints)
{
	return sizeof(annot_kpts) + (size_t) npoints * 3 * sizeof(double);
}

annot_status
annot_kpts_validate(const double *xyv, size_t nnum, annot_status on_error,
					annot_err *err)
{
	if (nnum == 0)
		return annot_fail(err, on_error, -1,
						  "Keypoints need at least one (x, y, v) triple.");
	if (nnum % 3 != 0)
		return annot_fail(err, on_error, -1,
						  "Keypoints are (x, y, v) triples, but %zu numbers were given.",
						  nnum);
	if (nnum / 3 > ANNOT_KPTS_MAX_POINTS)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "%zu keypoints exceed the limit of %d.",
						  nnum / 3, ANNOT_KPTS_MAX_POINTS);
	for (size_t i = 0; i < nnum; i++)
		if (!isfinite(xyv[i]))
			return annot_fail(err, on_error, -1,
							  "Number %zu is not finite.", i + 1);
	return ANNOT_OK;
}

static int32_t
count_labelled(const double *xyv, int32_t npoints)
{
	int32_t		n = 0;

	for (int32_t i = 0; i < npoints; i++)
		n += xyv[3 * i + 2] > 0;
	return n;
}

void
annot_kpts_build(const double *xyv, size_t nnum, annot_kpts *out)
{
	out->version = ANNOT_KPTS_VERSION;
	out->flags = 0;
	out->reserved = 0;
	out->npoints = (int32_t) (nnum / 3);
	memcpy(out->xyv, xyv, nnum * sizeof(double));
	out->labelled = count_labelled(out->xyv, out->npoints);
}

annot_status
annot_kpts_check(const annot_kpts *k, size_t len, annot_err *err)
{
	annot_err_about(err, "keypoints", NULL);
	if (len < sizeof(annot_kpts))
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "The value is shorter than its header.");
	if (k->version != ANNOT_KPTS_VERSION || k->flags != 0 || k->reserved != 0)
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "Unknown format version %d or flags %d.",
						  k->version, k->flags);
	if (k->npoints < 1 || k->npoints > ANNOT_KPTS_MAX_POINTS ||
		len != annot_kpts_size(k->npoints))
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "The keypoint count %d does not fit the size %zu.",
						  (int) k->npoints, len);
	for (int32_t i = 0; i < 3 * k->npoints; i++)
		if (!isfinite(k->xyv[i]))
			return annot_fail(err, ANNOT_ECORRUPT, -1,
							  "Number %d is not finite.", (int) i + 1);
	if (k->labelled != count_labelled(k->xyv, k->npoints))
		return annot_fail(err, ANNOT_ECORRUPT, -1,
						  "The labelled count disagrees with the keypoints.");
	return ANNOT_OK;
}

annot_status
annot_kpts_parse(const char *text, annot_status on_error,
				 double **xyv, size_t *nnum, annot_err *err)
{
	const char *p = annot_skip_space(text);
	double	   *buf = NULL;
	size_t		n = 0,
				cap = 0;
	annot_status st;

	annot_err_about(err, "keypoints", text);
	*xyv = NULL;
	*nnum = 0;
	if (*p != '[')
		return annot_fail(err, on_error, p - text,
						  "Keypoints must start with \"[\".");
	p = annot_skip_space(p + 1);
	if (*p == ']')
		return annot_fail(err, on_error, p - text,
						  "Keypoints need at least one (x, y, v) triple.");
	for (;;)
	{
		double		v;
		bool		overflow;
		const char *start = p;

		if (!annot_parse_double(&p, &v, &overflow))
		{
			if (overflow)
				st = annot_fail(err, ANNOT_ERANGE, start - text,
								"Number %zu is out of range for float8.", n + 1);
			else
				st = annot_fail(err, on_error, start - text,
								"Expected a number at position %ld.",
								(long) (start - text) + 1);
			goto fail;
		}
		if (n / 3 >= ANNOT_KPTS_MAX_POINTS)
		{
			st = annot_fail(err, ANNOT_ELIMIT, start - text,
							"More than %d keypoints.", ANNOT_KPTS_MAX_POINTS);
			goto fail;
		}
		if (n == cap)
		{
			double	   *nb;

			cap = cap ? 2 * cap : 51;
			nb = annot_realloc(buf, cap * sizeof(double));
			if (nb == NULL)
			{
				st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
				goto fail;
			}
			buf = nb;
		}
		buf[n++] = v;
		p = annot_skip_space(p);
		if (*p == ',')
		{
			p = annot_skip_space(p + 1);
			continue;
		}
		if (*p == ']')
			break;
		st = annot_fail(err, on_error, p - text,
						"Expected \",\" or \"]\" at position %ld.",
						(long) (p - text) + 1);
		goto fail;
	}
	p = annot_skip_space(p + 1);
	if (*p != '\0')
	{
		st = annot_fail(err, on_error, p - text,
						"Unexpected text after \"]\" at position %ld.",
						(long) (p - text) + 1);
		goto fail;
	}
	st = annot_kpts_validate(buf, n, on_error, err);
	if (st != ANNOT_OK)
		goto fail;
	*xyv = buf;
	*nnum = n;
	return ANNOT_OK;

fail:
	annot_free(buf);
	return st;
}

size_t
annot_kpts_text_size(const annot_kpts *k)
{
	return (size_t) k->npoints * 3 * ANNOT_DBL_BUFLEN + 3;
}

void
annot_kpts_format(const annot_kpts *k, char *buf)
{
	char	   *p = buf;

	*p++ = '[';
	for (int32_t i = 0; i < 3 * k->npoints; i++)
	{
		if (i > 0)
			*p++ = ',';
		p += annot_format_double(p, k->xyv[i]);
	}
	*p++ = ']';
	*p = '\0';
}

size_t
annot_kpts_send_size(const annot_kpts *k)
{
	return 1 + 4 + (size_t) k->npoints * 3 * 8;
}

void
annot_kpts_send(const annot_kpts *k, uint8_t *buf)
{
	buf[0] = ANNOT_KPTS_VERSION;
	buf = annot_put_be32(buf + 1, (uint32_t) k->npoints);
	for (int32_t i = 0; i < 3 * k->npoints; i++)
		buf = annot_put_be_double(buf, k->xyv[i]);
}

annot_status
annot_kpts_recv(const uint8_t *buf, size_t len, double **xyv, size_t *nnum,
				annot_err *err)
{
	uint32_t	npoints;
	double	   *out;
	annot_status st;

	annot_err_about(err, "keypoints", NULL);
	*xyv = NULL;
	*nnum = 0;
	if (len < 5)
		return annot_fail(err, ANNOT_EBINARY, -1, "The message is too short.");
	if (buf[0] != ANNOT_KPTS_VERSION)
		return annot_fail(err, ANNOT_EBINARY, 0,
						  "Unknown format version %d.", buf[0]);
	npoints = annot_get_be32(buf + 1);
	if (npoints > ANNOT_KPTS_MAX_POINTS)
		return annot_fail(err, ANNOT_ELIMIT, 1,
						  "%u keypoints exceed the limit of %d.",
						  npoints, ANNOT_KPTS_MAX_POINTS);
	if (npoints == 0)
		return annot_fail(err, ANNOT_EBINARY, 1,
						  "Keypoints need at least one (x, y, v) triple.");
	if (len != 5 + (size_t) npoints * 24)
		return annot_fail(err, ANNOT_EBINARY, -1,
						  "The message has %zu bytes, %zu expected for %u keypoints.",
						  len, 5 + (size_t) npoints * 24, npoints);
	out = annot_alloc((size_t) npoints * 3 * sizeof(double));
	if (out == NULL)
		return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	for (uint32_t i = 0; i < 3 * npoints; i++)
		out[i] = annot_get_be_double(buf + 5 + 8 * (size_t) i);
	st = annot_kpts_validate(out, (size_t) npoints * 3, ANNOT_EBINARY, err);
	if (st != ANNOT_OK)
	{
		annot_free(out);
		return st;
	}
	*xyv = out;
	*nnum = (size_t) npoints * 3;
	return ANNOT_OK;
}

bool
annot_kpts_bbox(const annot_kpts *k, annot_bbox *out)
{
	bool		any = false;

	for (int32_t i = 0; i < k->npoints; i++)
	{
		double		x = k->xyv[3 * i],
					y = k->xyv[3 * i + 1];

		if (!(k->xyv[3 * i + 2] > 0))
			continue;
		if (!any)
		{
			out->x1 = out->x2 = x;
			out->y1 = out->y2 = y;
			any = true;
			continue;
		}
		out->x1 = fmin(out->x1, x);
		out->y1 = fmin(out->y1, y);
		out->x2 = fmax(out->x2, x);
		out->y2 = fmax(out->y2, y);
	}
	return any;
}

bool
annot_kpts_equal(const annot_kpts *a, const annot_kpts *b)
{
	return annot_kpts_cmp(a, b) == 0;
}

int
annot_kpts_cmp(const annot_kpts *a, const annot_kpts *b)
{
	if (a->npoints != b->npoints)
		return a->npoints < b->npoints ? -1 : 1;
	for (int32_t i = 0; i < 3 * a->npoints; i++)
		if (a->xyv[i] != b->xyv[i])
			return a->xyv[i] < b->xyv[i] ? -1 : 1;
	return 0;
}

uint64_t
annot_kpts_hash(const annot_kpts *k, uint64_t seed)
{
	uint64_t	h = annot_hash_splitmix64(seed ^ (uint64_t) k->npoints);

	for (int32_t i = 0; i < 3 * k->npoints; i++)
	{
		double		v = k->xyv[i] == 0.0 ? 0.0 : k->xyv[i];
		uint64_t	u;

		memcpy(&u, &v, 8);
		h = annot_hash_splitmix64(h ^ u) + (uint64_t) i;
	}
	return h;
}

annot_status
annot_kpts_check_sigmas(const double *sigmas, int64_t nsigmas, annot_err *err)
{
	annot_err_about(err, "keypoint sigmas", NULL);
	if (nsigmas < 1 || nsigmas > ANNOT_KPTS_MAX_POINTS)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Between 1 and %d sigmas are needed, %lld were given.",
						  ANNOT_KPTS_MAX_POINTS, (long long) nsigmas);
	for (int64_t i = 0; i < nsigmas; i++)
		if (!(isfinite(sigmas[i]) && sigmas[i] > 0))
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "Sigma %lld is not a positive finite number.",
							  (long long) i + 1);
	return ANNOT_OK;
}

annot_status
annot_kpts_oks_xyv(const double *dt, const double *gt, int32_t n,
				   double area, const double *sigmas,
				   const double *gt_xywh, double *out, annot_err *err)
{
	double		stack[64] = {0};
	double	   *e = stack;
	int32_t		m = 0;
	double		x0 = 0,
				x1 = 0,
				y0 = 0,
				y1 = 0;
	bool		labelled = false;

	for (int32_t i = 0; i < n; i++)
		labelled |= gt[3 * i + 2] > 0;
	if (!labelled)
	{
		if (gt_xywh == NULL)
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "The ground truth has no labelled keypoint, so its box is needed.");
		x0 = gt_xywh[0] - gt_xywh[2];
		x1 = gt_xywh[0] + gt_xywh[2] * 2;
		y0 = gt_xywh[1] - gt_xywh[3];
		y1 = gt_xywh[1] + gt_xywh[3] * 2;
	}
	if (n > (int32_t) (sizeof(stack) / sizeof(stack[0])))
	{
		e = annot_alloc((size_t) n * sizeof(double));
		if (e == NULL)
			return annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
	}
	for (int32_t i = 0; i < n; i++)
	{
		double		xd = dt[3 * i],
					yd = dt[3 * i + 1];
		double		dx,
					dy,
					k2;

		if (labelled)
		{
			if (!(gt[3 * i + 2] > 0))
				continue;
			dx = xd - gt[3 * i];
			dy = yd - gt[3 * i + 1];
		}
		else
		{
			dx = fmax(0.0, x0 - xd) + fmax(0.0, xd - x1);
			dy = fmax(0.0, y0 - yd) + fmax(0.0, yd - y1);
		}
		k2 = (sigmas[i] * 2) * (sigmas[i] * 2);
		e[m++] = exp(-((dx * dx + dy * dy) / k2 / (area + 0x1p-52) / 2));
	}
	*out = annot_np_sum(e, (size_t) m) / m;
	if (e != stack)
		annot_free(e);
	return ANNOT_OK;
}

annot_status
annot_kpts_oks(const annot_kpts *dt, const annot_kpts *gt, double area,
			   const double *sigmas, int32_t nsigmas,
			   const annot_bbox *gt_box, double *out, annot_err *err)
{
	double		xywh[4];

	annot_err_about(err, "keypoint similarity", NULL);
	if (dt->npoints != gt->npoints || nsigmas != gt->npoints)
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "Detection, ground truth and sigmas have %d, %d and %d keypoints; they must agree.",
						  (int) dt->npoints, (int) gt->npoints, (int) nsigmas);
	if (!(isfinite(area) && area >= 0))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "The area must be a finite number >= 0.");
	if (gt_box != NULL)
	{
		xywh[0] = gt_box->x1;
		xywh[1] = gt_box->y1;
		xywh[2] = annot_bbox_coco_extent(gt_box->x1, gt_box->x2);
		xywh[3] = annot_bbox_coco_extent(gt_box->y1, gt_box->y2);
	}
	return annot_kpts_oks_xyv(dt->xyv, gt->xyv, gt->npoints, area, sigmas,
							  gt_box ? xywh : NULL, out, err);
}
