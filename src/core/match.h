/*
 * match.h -- object sets and per-image matching.
 *
 * An object set (annot.objects in SQL) holds the objects of one side of a
 * comparison -- an annotator's labels, a model's detections, or gold --
 * over any number of images: for each object its image, id, label,
 * geometry (all of one kind: box, polygon, mask or keypoints), and
 * optionally a score, a crowd flag and an area.  Matching pairs the
 * objects of two sets image by image and classifies every object that is
 * not matched after TIDE (Bolya, Foley, Hays, Hoffman: "TIDE: A General
 * Toolbox for Identifying Object Detection Errors", ECCV 2020).
 *
 * The stored form (see FORMAT.md) is a 16-byte header, n fixed records and
 * a data area with the labels and the geometries' own stored bytes.
 */
#ifndef ANNOT_MATCH_H
#define ANNOT_MATCH_H

#include "annot_core.h"
#include "bbox.h"

/*
 * numpy's sum of n doubles (np.add.reduce over a contiguous float64
 * array): 0 plus the pairwise sum, blocks of 8 partial sums up to 128
 * elements, halves above.  Reproducing its order keeps results equal to
 * pycocotools' bit for bit.
 */
double		annot_np_sum(const double *a, size_t n);

typedef enum annot_obj_kind
{
	ANNOT_OBJ_BBOX = 1,
	ANNOT_OBJ_POLY = 2,
	ANNOT_OBJ_MASK = 3,
	ANNOT_OBJ_KEYPOINTS = 4
} annot_obj_kind;

#define ANNOT_OBJSET_VERSION 1
/* Objects in one set at most; the stored size is also bounded by 1 GB. */
#define ANNOT_OBJSET_MAX_OBJECTS 10000000
#define ANNOT_OBJSET_MAX_BYTES ((size_t) 0x3fffffff)

#define ANNOT_OBJ_CROWD 1		/* record flag: COCO iscrowd */

/* The fixed record of one object in the stored form. */
typedef struct annot_obj_rec
{
	int64_t		image_id;
	int64_t		id;
	double		score;			/* NaN: none */
	double		area;			/* NaN: none */
	uint32_t	label_off;		/* into the data area */
	uint32_t	label_len;		/* UINT32_MAX: null label */
	uint32_t	shape_off;		/* into the data area, 8-aligned */
	uint32_t	shape_len;
	uint32_t	flags;			/* ANNOT_OBJ_CROWD */
	uint32_t	reserved;		/* 0 */
} annot_obj_rec;

/* The stored form's header; vl_len_ is set by the glue only. */
typedef struct annot_objset
{
	int32_t		vl_len_;
	uint8_t		version;		/* ANNOT_OBJSET_VERSION */
	uint8_t		kind;			/* annot_obj_kind, 0 for an empty set */
	uint16_t	reserved;		/* 0 */
	uint32_t	n;				/* objects */
	uint32_t	data_len;		/* bytes of the data area */
	annot_obj_rec rec[];		/* n records, then the data area */
} annot_objset;

/* The data area of a set. */
static inline const uint8_t *
annot_objset_data(const annot_objset *s)
{
	return (const uint8_t *) &s->rec[s->n];
}

/* Whether two records (of the same or two sets) carry equal labels; null equals null. */
bool		annot_objset_same_label(const annot_objset *a, const annot_obj_rec *ra,
									const annot_objset *b, const annot_obj_rec *rb);

/* Size of the stored form of n records and data_len data bytes. */
size_t		annot_objset_size(uint32_t n, uint32_t data_len);

/* The noun of a kind: "bbox", "poly", "mask", "keypoints". */
const char *annot_obj_kind_name(int kind);

/*
 * Check a stored set of len bytes: header, every record's offsets and
 * lengths, and every geometry by its own type's check.  Failures are
 * on_error (ANNOT_ECORRUPT for values read from disk, ANNOT_EBINARY for
 * binary input and aggregate states).
 */
annot_status annot_objset_check(const annot_objset *s, size_t len,
								annot_status on_error, annot_err *err);

/*
 * A set under construction (an aggregate's state): records and data grow
 * by doubling.  Records keep the order they are added in.
 */
typedef struct annot_objset_builder
{
	int			kind;			/* 0 until the first object */
	uint32_t	n;
	uint32_t	cap;
	annot_obj_rec *rec;
	uint8_t    *data;
	size_t		data_len;
	size_t		data_cap;
} annot_objset_builder;

void		annot_objset_builder_init(annot_objset_builder *b);
void		annot_objset_builder_free(annot_objset_builder *b);

/*
 * Add one object: shape is the geometry's stored bytes (for bbox the four
 * doubles; for the varlena types the whole value with its 4-byte header),
 * already checked by the caller.  label may be NULL (a null label).
 * ANNOT_EPARAM when the kind differs from the set's, ANNOT_ELIMIT over the
 * limits.
 */
annot_status annot_objset_builder_add(annot_objset_builder *b, int kind,
									  int64_t image_id, int64_t id,
									  const char *label, size_t label_len,
									  const void *shape, size_t shape_len,
									  double score, bool crowd, double area,
									  annot_err *err);

/* Add every object of a stored set (already checked). */
annot_status annot_objset_builder_append(annot_objset_builder *b,
										 const annot_objset *s,
										 annot_err *err);

/* Bytes of the stored form, and writing it (vl_len_ left to the caller). */
size_t		annot_objset_builder_size(const annot_objset_builder *b);
void		annot_objset_builder_write(const annot_objset_builder *b,
									   annot_objset *out);

/*
 * Matching options.  iou_threshold: a pair matches when its similarity
 * (IoU, or OKS for keypoints) is at least this, as COCO compares it;
 * background: TIDE's background threshold; optimal: Hungarian (largest
 * total IoU) instead of COCO's greedy order; class_aware: match only equal
 * labels (the others become classification errors); sigmas for keypoints
 * (NULL: COCO's person sigmas).
 */
typedef struct annot_match_opts
{
	double		iou_threshold;
	double		background;
	bool		optimal;
	bool		class_aware;
	const double *sigmas;
	int32_t		nsigmas;
} annot_match_opts;

typedef enum annot_outcome
{
	ANNOT_OUT_MATCH = 0,
	ANNOT_OUT_LOCALIZATION,
	ANNOT_OUT_CLASSIFICATION,
	ANNOT_OUT_BOTH,
	ANNOT_OUT_DUPLICATE,
	ANNOT_OUT_BACKGROUND,
	ANNOT_OUT_MISSED,
	ANNOT_OUT_IGNORED
} annot_outcome;

const char *annot_outcome_name(annot_outcome o);

/*
 * One row of a matching: gt and dt are record indexes into the two sets or
 * -1.  Every detection is in exactly one row; every non-crowd ground truth
 * is the gt of exactly one row (match, missed, or the first localization,
 * classification or both error that points at it); iou is the similarity
 * that decided the outcome (NaN when there is none).
 */
typedef struct annot_match_row
{
	int64_t		image_id;
	int32_t		gt;
	int32_t		dt;
	double		iou;
	annot_outcome outcome;
} annot_match_row;

/* Similarities of one image's pairs computed at most. */
#define ANNOT_MATCH_MAX_PAIRS ((size_t) 1 << 24)

/*
 * Match dt against gt image by image.  Ground truths are taken by id (and
 * set order among equal ids), detections by descending score (ties by id;
 * no score sorts last), which makes the result independent of the order
 * the sets were built in.  The rows come image by image (ascending),
 * detections in that order, then missed ground truths.  *rows is
 * annot_alloc'd.
 */
annot_status annot_match_sets(const annot_objset *gt, const annot_objset *dt,
							  const annot_match_opts *opts,
							  annot_match_row **rows, size_t *nrows,
							  annot_err *err);

/*
 * Similarity of a detection and a ground truth of kind: IoU (with crowd,
 * COCO's |dt ∩ gt| / |dt|), or OKS for keypoints with the ground truth's
 * area.  ANNOT_EPARAM for masks of different sizes, keypoints of
 * different counts or a keypoint ground truth without an area.
 */
annot_status annot_obj_similarity(int kind, const annot_objset *dset,
								  const annot_obj_rec *d,
								  const annot_objset *gset,
								  const annot_obj_rec *g,
								  const annot_match_opts *opts,
								  double *out, annot_err *err);

/* One label's VOC average precision (match_voc.c). */
typedef struct annot_voc_row
{
	const annot_objset *set;	/* where the label is */
	const annot_obj_rec *gt_label;	/* a record carrying the label */
	size_t		npos;			/* ground truths, crowd ("difficult") left out */
	size_t		ndet;
	size_t		tp;
	double		ap11;			/* VOC 2007 11-point AP; NaN without ground truth */
	double		apall;			/* VOC 2010+ all-point AP */
} annot_voc_row;

/*
 * Pascal VOC AP per label of two box sets, as the VOC devkit computes it:
 * detections by descending score (ties by id), each to the ground truth of
 * its image and label it overlaps most; at or above threshold and not yet
 * taken a true positive, else a false positive; crowd ground truths count
 * as VOC's "difficult" (not counted, hits on them ignored).  inclusive
 * uses the devkit's inclusive pixel areas ((x2 - x1 + 1) (y2 - y1 + 1)).
 * One row per label of either set, in order of first appearance.
 */
annot_status annot_voc_ap(const annot_objset *gt, const annot_objset *dt,
						  double threshold, bool inclusive,
						  annot_voc_row **rows, size_t *nrows, annot_err *err);

/* One label's panoptic counts (match_panoptic.c). */
typedef struct annot_pq_row
{
	const annot_objset *set;	/* where the label is */
	const annot_obj_rec *label;	/* a record carrying it */
	int64_t		tp;
	int64_t		fp;
	int64_t		fn;
	double		iou_sum;		/* of the matched pairs */
} annot_pq_row;

/*
 * Panoptic quality counts per label of two mask sets of segments (ground
 * truth with crowd flags, predictions), image by image, as panopticapi's
 * pq_compute: a prediction and a non-crowd ground truth of one label match
 * at IoU > 0.5, the union leaving out the prediction's pixels on void (no
 * ground-truth segment); unmatched non-crowd ground truths are false
 * negatives; an unmatched prediction is a false positive unless more than
 * half of it lies on void or on its label's (last) crowd region.  Rows are
 * in order of the labels' first count.
 */
annot_status annot_panoptic_quality(const annot_objset *gt, const annot_objset *pred,
									annot_pq_row **rows, size_t *nrows,
									annot_err *err);

/* TIDE's rows: the AP, then the AP gained by fixing each error type. */
typedef enum annot_tide_row
{
	ANNOT_TIDE_AP = 0,
	ANNOT_TIDE_CLASSIFICATION,
	ANNOT_TIDE_LOCALIZATION,
	ANNOT_TIDE_BOTH,
	ANNOT_TIDE_DUPLICATE,
	ANNOT_TIDE_BACKGROUND,
	ANNOT_TIDE_MISSED,
	ANNOT_TIDE_NROWS
} annot_tide_row;

/*
 * TIDE's decomposition (match_tide.c) from annot_match_sets at opts: out[0]
 * the AP at the threshold (101-point, mean over labels with ground truth;
 * NaN without any), out[k] the AP gained when the errors of type k are
 * fixed by TIDE's oracle.
 */
annot_status annot_tide(const annot_objset *gt, const annot_objset *dt,
						const annot_match_opts *opts,
						double out[ANNOT_TIDE_NROWS], annot_err *err);

#endif							/* ANNOT_MATCH_H */
