/*
 * keypoints.h -- COCO keypoints: n (x, y, v) triples, COCO's flat list
 * [x1, y1, v1, x2, y2, v2, ...].
 *
 * v is COCO's visibility flag in ground truth (0 not labelled, 1 labelled
 * but occluded, 2 visible) and a confidence in detections, so any finite
 * number is accepted; a keypoint counts as labelled when v > 0.
 *
 * Limits: at least 1 and at most ANNOT_KPTS_MAX_POINTS keypoints
 * (ANNOT_ELIMIT beyond), every number finite.
 */
#ifndef ANNOT_KEYPOINTS_H
#define ANNOT_KEYPOINTS_H

#include "annot_core.h"
#include "bbox.h"

#define ANNOT_KPTS_VERSION 1
#define ANNOT_KPTS_MAX_POINTS 10000

/* COCO's person keypoints: 17 sigmas (pycocotools Params.kpt_oks_sigmas). */
#define ANNOT_KPTS_COCO_NSIGMAS 17
extern const double annot_kpts_coco_sigmas[ANNOT_KPTS_COCO_NSIGMAS];

/*
 * The stored form: a 16-byte header, then double xyv[3 * npoints].
 * vl_len_ is PostgreSQL's length word, set by the glue only.
 */
typedef struct annot_kpts
{
	int32_t		vl_len_;
	uint8_t		version;		/* ANNOT_KPTS_VERSION */
	uint8_t		flags;			/* reserved, 0 */
	uint16_t	reserved;		/* 0 */
	int32_t		npoints;
	int32_t		labelled;		/* keypoints with v > 0 */
	double		xyv[];
} annot_kpts;

/* Size in bytes of a stored value of npoints keypoints, header included. */
size_t		annot_kpts_size(int32_t npoints);

/*
 * Check numbers read from anywhere (text, jsonb, binary): a count that is
 * a positive multiple of 3 and within the limit, every number finite.
 * Failures are on_error (ANNOT_ELIMIT for the count limit).
 */
annot_status annot_kpts_validate(const double *xyv, size_t nnum,
								 annot_status on_error, annot_err *err);

/*
 * Fill a stored value (annot_kpts_size(nnum / 3) bytes, vl_len_ left to
 * the caller) from nnum validated numbers.
 */
void		annot_kpts_build(const double *xyv, size_t nnum, annot_kpts *out);

/*
 * Check a stored value of len bytes (varlena header included): version,
 * flags, count, size, the cached labelled count and finite numbers.
 * Failures are ANNOT_ECORRUPT.
 */
annot_status annot_kpts_check(const annot_kpts *k, size_t len, annot_err *err);

/*
 * Parse the text form, COCO's flat list "[x1,y1,v1,...]" (blanks allowed
 * between tokens), into an annot_alloc'd array of numbers (*nnum of them),
 * validated.  Syntax and content errors are on_error, a count over the
 * limit ANNOT_ELIMIT, and nothing is allocated on failure.
 */
annot_status annot_kpts_parse(const char *text, annot_status on_error,
							  double **xyv, size_t *nnum, annot_err *err);

/* Bytes of the text form of k, terminator included. */
size_t		annot_kpts_text_size(const annot_kpts *k);
/* Write the text form "[x1,y1,v1,...]" with round-trip numbers. */
void		annot_kpts_format(const annot_kpts *k, char *buf);

/*
 * Binary wire format: uint8 version, int32 npoints, then 3 * npoints
 * float8, all big-endian (see FORMAT.md).
 */
size_t		annot_kpts_send_size(const annot_kpts *k);
void		annot_kpts_send(const annot_kpts *k, uint8_t *buf);
/* Failures are ANNOT_EBINARY (ANNOT_ELIMIT for the count). */
annot_status annot_kpts_recv(const uint8_t *buf, size_t len,
							 double **xyv, size_t *nnum, annot_err *err);

/* Bounding box of the labelled keypoints (v > 0); false if there are none. */
bool		annot_kpts_bbox(const annot_kpts *k, annot_bbox *out);

bool		annot_kpts_equal(const annot_kpts *a, const annot_kpts *b);
/* Total order: fewer keypoints first, then number by number. */
int			annot_kpts_cmp(const annot_kpts *a, const annot_kpts *b);
/* Seeded hash; -0 and 0 hash alike, so equal values hash alike. */
uint64_t	annot_kpts_hash(const annot_kpts *k, uint64_t seed);

/*
 * Object keypoint similarity as pycocotools' COCOeval.computeOks: with
 * d_i the distance of keypoint i and k_i = 2 sigma_i,
 * e_i = d_i^2 / k_i^2 / (area + eps) / 2 and OKS = mean of exp(-e_i) over
 * the ground truth's labelled keypoints.  When the ground truth has no
 * labelled keypoint, d_i is the distance of the detection's keypoint
 * outside the ground truth box enlarged by its size on each side and the
 * mean is over all keypoints; gt_box is then needed (NULL gives
 * ANNOT_EPARAM).  Both values must have nsigmas keypoints, every sigma
 * positive and finite, area >= 0 (ANNOT_EPARAM otherwise).  The
 * arithmetic follows numpy's order, sum included, so that results equal
 * pycocotools'.
 */
annot_status annot_kpts_oks(const annot_kpts *dt, const annot_kpts *gt,
							double area, const double *sigmas, int32_t nsigmas,
							const annot_bbox *gt_box, double *out,
							annot_err *err);

/*
 * The same on raw triples: n keypoints each, gt_xywh the ground truth's
 * COCO box [x, y, width, height] (used only when it has no labelled
 * keypoint; NULL then gives ANNOT_EPARAM).  Counts and area are the
 * caller's to check.
 */
annot_status annot_kpts_oks_xyv(const double *dt, const double *gt, int32_t n,
								double area, const double *sigmas,
								const double *gt_xywh, double *out,
								annot_err *err);

/* Check a sigma array once (count and values); ANNOT_EPARAM on failure. */
annot_status annot_kpts_check_sigmas(const double *sigmas, int64_t nsigmas,
									 annot_err *err);

#endif							/* ANNOT_KEYPOINTS_H */
