/*
 * agree.h -- inter-annotator agreement: aggregate states and coefficients.
 *
 * Two aggregate states cover every coefficient:
 *
 * - a pair state (Cohen's kappa, the confusion matrix): one rating pair per
 *   row, kept as a dense categories x categories table of counts, so memory
 *   is O(categories^2) and at most ANNOT_AGREE_PAIR_MAX_CATEGORIES^2 cells;
 * - an item state (Fleiss' kappa, Gwet's AC1/AC2, Krippendorff's alpha,
 *   percent agreement): one rating per row, kept as per-item tallies
 *   (item, category) -> count, so memory is O(distinct item-category
 *   pairs), never more than O(ratings).
 *
 * Labels and items are keys: 64-bit integers (the integer fast path) or
 * byte strings (any other type, in a canonical text form chosen by the
 * glue).  A key may carry a numeric value, which weighted coefficients need.
 * States merge (parallel combine, rollups of stored states) by key, so the
 * ratings of one item may arrive in any order and in any worker.
 * Serialized states are versioned and documented in FORMAT.md; deserialize
 * validates every length, count, index and order before use.
 *
 * Files, bottom up (no file calls one above it):
 *   agree_dict.c       hashing, key dictionaries and the order of keys
 *   agree_params.c     weights, levels, scales and confidence levels
 *   agree_pair.c       the pair state
 *   agree_items.c      the item state: tallies, sorting, merging sorted states
 *   agree_wire.c       the wire format of both states and its text form
 *   agree_dist.c       normal and t distributions
 *   agree_coef.c       the coefficients
 *   agree_confusion.c  the confusion matrix summary and its JSON
 */
#ifndef ANNOT_AGREE_H
#define ANNOT_AGREE_H

#include "annot_core.h"

/* Documented limits: over them a state reports ANNOT_ELIMIT. */
#define ANNOT_AGREE_PAIR_MAX_CATEGORIES 2048
#define ANNOT_AGREE_ITEM_MAX_CATEGORIES 16384
#define ANNOT_AGREE_MAX_ITEMS 0x7FFFFFFF
#define ANNOT_AGREE_MAX_KEYLEN (1024 * 1024)
/* A serialized state fits one varlena (1 GB less its header). */
#define ANNOT_AGREE_MAX_WIRE ((size_t) 0x3FFFFFFF - 4)
/* Its text form (base64) fits one too: wire states up to 768 MB. */
#define ANNOT_AGREE_MAX_TEXT_WIRE (ANNOT_AGREE_MAX_WIRE / 4 * 3 - 4)

typedef enum annot_agree_keykind
{
	ANNOT_AGREE_KEY_NONE = 0,	/* no key seen yet */
	ANNOT_AGREE_KEY_INT = 1,	/* int64 keys, value = the key */
	ANNOT_AGREE_KEY_BYTES = 2	/* byte-string keys, value given or NaN */
} annot_agree_keykind;

/* One key as the glue hands it over. */
typedef struct annot_agree_key
{
	int64_t		i;				/* KEY_INT */
	const char *bytes;			/* KEY_BYTES */
	uint32_t	len;
	double		value;			/* KEY_BYTES: numeric value, NaN if none */
} annot_agree_key;

/*
 * Weights (irrCAC's names, Gwet 2014 ch. 3) and Krippendorff's metrics.
 * KORDINAL is Krippendorff's ordinal metric (frequency based); ORDINAL is
 * irrCAC's rank-count weight.  Krippendorff's interval metric is QUADRATIC,
 * his nominal UNWEIGHTED and his ratio RATIO.
 */
typedef enum annot_agree_weights
{
	ANNOT_W_UNWEIGHTED = 0,
	ANNOT_W_LINEAR,
	ANNOT_W_QUADRATIC,
	ANNOT_W_ORDINAL,
	ANNOT_W_RADICAL,
	ANNOT_W_RATIO,
	ANNOT_W_CIRCULAR,
	ANNOT_W_BIPOLAR,
	ANNOT_W_KORDINAL
} annot_agree_weights;

/* Which category positions Cohen's weights measure distances on. */
typedef enum annot_agree_scale
{
	ANNOT_SCALE_OBSERVED = 0,	/* ranks of the observed levels (irr, sklearn) */
	ANNOT_SCALE_RANGE = 1		/* the label values: the full integer range */
} annot_agree_scale;

/* Parameters fixed for one aggregate call; every row must agree on them. */
typedef struct annot_agree_params
{
	uint8_t		weights;		/* annot_agree_weights */
	uint8_t		scale;			/* annot_agree_scale */
	double		confidence;		/* CI level in (0,1) */
} annot_agree_params;

/* Which parameter a text argument stands for. */
typedef enum annot_agree_param_role
{
	ANNOT_PARAM_COHEN_WEIGHTS,	/* unweighted, linear, quadratic */
	ANNOT_PARAM_WEIGHTS,		/* irrCAC's eight weights */
	ANNOT_PARAM_LEVEL,			/* Krippendorff's levels of measurement */
	ANNOT_PARAM_SCALE,			/* observed, range */
	ANNOT_PARAM_CONFIDENCE		/* a number in (0,1) */
} annot_agree_param_role;

/* Key dictionary: keys to dense ids 0..n-1 in order of first sight. */
typedef struct annot_agree_dict
{
	uint8_t		kind;			/* annot_agree_keykind */
	uint32_t	n;
	uint32_t	cap;
	uint32_t	max;			/* limit on n */
	int64_t    *ikeys;			/* KEY_INT: key of each id */
	uint32_t   *off;			/* KEY_BYTES: key bytes in the arena */
	uint32_t   *len;
	double	   *values;			/* numeric value of each id, or NaN */
	uint32_t   *slots;			/* open addressing: id + 1, 0 = empty */
	uint32_t	nslots;			/* power of two */
	uint32_t   *direct;			/* KEY_INT keys 0..ANNOT_AGREE_DIRECT-1: id + 1 */
	char	   *arena;
	size_t		arena_len;
	size_t		arena_cap;
	/* the last key looked up: consecutive rows often repeat it */
	uint32_t	last_id;
	bool		have_last;
} annot_agree_dict;

#define ANNOT_AGREE_DIRECT 1024

/* Pair state: counts[a * cap + b] pairs rated a by the first rater, b by the second. */
typedef struct annot_agree_pair
{
	annot_agree_params params;
	annot_agree_dict cats;
	int64_t    *counts;
	uint32_t	cap;
	int64_t		n;				/* pairs */
} annot_agree_pair;

/* One tally of the item state: key item << 32 | category, and its count. */
typedef struct annot_agree_cell
{
	uint64_t	key;			/* ANNOT_AGREE_NOCELL = empty slot */
	int64_t		count;
} annot_agree_cell;

/*
 * How an item state keeps its tallies.  Rows are added to a hashed state;
 * sorting turns it into a sorted one, the form every coefficient reads and
 * the wire carries, and in which states merge by a linear walk.
 */
typedef enum annot_agree_form
{
	ANNOT_AGREE_HASHED = 0,		/* cells in an open-addressing table */
	ANNOT_AGREE_DENSE = 1,		/* cells a plain array in any order, repeats
								 * allowed; dictionaries without slots */
	ANNOT_AGREE_SORTED = 2		/* DENSE, and both dictionaries in key order,
								 * cells strictly increasing (item, category) */
} annot_agree_form;

/* Item state: tallies (item, category) -> count. */
typedef struct annot_agree_items
{
	annot_agree_params params;
	annot_agree_dict items;
	annot_agree_dict cats;
	annot_agree_cell *cells;	/* key and count side by side: one cache line */
	uint64_t	ncells;
	uint64_t	cellcap;		/* HASHED: a power of two; else ncells */
	uint64_t	seed;			/* cell hash seed, new at every resize */
	int64_t		n;				/* ratings, deferred states included */
	uint8_t		form;			/* annot_agree_form */

	/*
	 * States handed over by combine (annot_agree_items_defer), owned here
	 * and merged by annot_agree_items_prepare: parallel workers and stored
	 * states send sorted states, which merge linearly.
	 */
	struct annot_agree_items **pending;
	uint32_t	npending;
	uint32_t	pendcap;
} annot_agree_items;

#define ANNOT_AGREE_NOCELL UINT64_MAX

/*
 * A coefficient with its uncertainty.  Undefined numbers are NaN: the
 * estimate when there is nothing to compare or a single category (expected
 * agreement 1), the standard error and interval with fewer than 2 items.
 */
typedef struct annot_agree_result
{
	double		estimate;
	double		se;
	double		ci_lower;
	double		ci_upper;
	double		pa;				/* observed (weighted) agreement */
	double		pe;				/* chance agreement */
	int64_t		n_items;
	int64_t		n_ratings;
	int32_t		n_categories;
} annot_agree_result;

/* Per-class counts and scores of a confusion matrix (NaN when undefined). */
typedef struct annot_agree_class
{
	int64_t		support;		/* truth count (row sum) */
	int64_t		predicted;		/* column sum */
	int64_t		tp;
	double		precision;
	double		recall;
	double		f1;
} annot_agree_class;

/* Parameters (agree_params.c): unweighted, observed levels, 95%. */
void		annot_agree_params_default(annot_agree_params *p);
annot_status annot_agree_check_confidence(double confidence, annot_err *err);
annot_status annot_agree_set_confidence(annot_agree_params *p,
										double confidence, annot_err *err);

/*
 * Set the parameter a text argument names, in role's vocabulary.  A
 * number strictly between 0 and 1 there is the confidence level instead (a quoted literal such as
 * '0.9' resolves to a text overload), checked as such.  s NULL: the
 * argument was NULL, which no parameter accepts.
 */
annot_status annot_agree_set_param(annot_agree_params *p,
								   annot_agree_param_role role,
								   const char *s, size_t len, annot_err *err);
bool		annot_agree_params_equal(const annot_agree_params *a,
									 const annot_agree_params *b);
annot_status annot_agree_params_differ(annot_err *err);

/* Dictionaries (agree_dict.c). */
void		annot_agree_dict_init(annot_agree_dict *d, uint32_t max);
void		annot_agree_dict_free(annot_agree_dict *d);
annot_status annot_agree_dict_id(annot_agree_dict *d, annot_agree_keykind kind,
								 const annot_agree_key *key, uint32_t *id,
								 annot_err *err);
/* Key of an id: the integer for KEY_INT, bytes and length for KEY_BYTES. */
void		annot_agree_dict_key(const annot_agree_dict *d, uint32_t id,
								 int64_t *i, const char **bytes, uint32_t *len);
/* Ids sorted by value (numeric keys) or by bytes (others); out holds d->n. */
void		annot_agree_dict_order(const annot_agree_dict *d, uint32_t *out);

/*
 * The order of keys, across two dictionaries of one kind: integers by
 * value; byte keys with a numeric value first, by value, then by bytes, a
 * shorter prefix first.  0 means the same key.
 */
int			annot_agree_key_cmp(const annot_agree_dict *a, uint32_t ia,
								const annot_agree_dict *b, uint32_t ib);

/* Pair state (agree_pair.c). */
annot_agree_pair *annot_agree_pair_create(const annot_agree_params *params);
void		annot_agree_pair_free(annot_agree_pair *s);
annot_status annot_agree_pair_add(annot_agree_pair *s, annot_agree_keykind kind,
								  const annot_agree_key *a,
								  const annot_agree_key *b, annot_err *err);
/*
 * The hot path of integer labels already seen, both in 0..ANNOT_AGREE_DIRECT-1:
 * count the pair and return true; false means "use annot_agree_pair_add".
 */
static inline bool
annot_agree_pair_add_seen(annot_agree_pair *s, int64_t a, int64_t b)
{
	const uint32_t *d = s->cats.direct;

	if (d != NULL && (uint64_t) a < ANNOT_AGREE_DIRECT &&
		(uint64_t) b < ANNOT_AGREE_DIRECT && d[a] != 0 && d[b] != 0)
	{
		s->counts[(size_t) (d[a] - 1) * s->cap + (d[b] - 1)]++;
		if ((++s->n & 0xFFFF) == 0)
			annot_check_interrupts();
		return true;
	}
	return false;
}

/* Add src into dst (src unchanged). */
annot_status annot_agree_pair_combine(annot_agree_pair *dst,
									  const annot_agree_pair *src,
									  annot_err *err);
annot_agree_pair *annot_agree_pair_copy(const annot_agree_pair *src,
										annot_err *err);

/* Item state (agree_items.c). */
annot_agree_items *annot_agree_items_create(const annot_agree_params *params);
void		annot_agree_items_free(annot_agree_items *s);
annot_status annot_agree_items_add(annot_agree_items *s,
								   annot_agree_keykind item_kind,
								   const annot_agree_key *item,
								   annot_agree_keykind label_kind,
								   const annot_agree_key *label,
								   annot_err *err);
annot_status annot_agree_items_combine(annot_agree_items *dst,
									   const annot_agree_items *src,
									   annot_err *err);
annot_agree_items *annot_agree_items_copy(const annot_agree_items *src,
										  annot_err *err);
/* Take over src (freed with dst) to be merged by annot_agree_items_prepare. */
annot_status annot_agree_items_defer(annot_agree_items *dst,
									 annot_agree_items *src, annot_err *err);

/*
 * Bring s into the sorted form with no deferred states: sort its own
 * tallies, then merge the deferred (sorted) states pairwise.  The content
 * does not change, so a state shared by several final functions is
 * prepared once.  Serialization and the coefficients need it.
 */
annot_status annot_agree_items_prepare(annot_agree_items *s, annot_err *err);

/* Whether s is sorted with no deferred states. */
static inline bool
annot_agree_items_ready(const annot_agree_items *s)
{
	return s->form == ANNOT_AGREE_SORTED && s->npending == 0;
}

/*
 * Wire format (agree_wire.c).  A pair state serializes with its categories
 * in key order; an item state without deferred states serializes as it
 * is, in its canonical sorted form once prepared (what the glue always
 * writes).  The size functions report ANNOT_ELIMIT over
 * ANNOT_AGREE_MAX_WIRE.  Deserialize checks every byte (ANNOT_EBINARY).
 */
annot_status annot_agree_pair_serial_size(const annot_agree_pair *s,
										  size_t *len, annot_err *err);
void		annot_agree_pair_serialize(const annot_agree_pair *s, uint8_t *buf);
annot_status annot_agree_pair_deserialize(const uint8_t *buf, size_t len,
										  annot_agree_pair **out,
										  annot_err *err);
annot_status annot_agree_items_serial_size(const annot_agree_items *s,
										   size_t *len, annot_err *err);
void		annot_agree_items_serialize(const annot_agree_items *s, uint8_t *buf);
annot_status annot_agree_items_deserialize(const uint8_t *buf, size_t len,
										   annot_agree_items **out,
										   annot_err *err);

/*
 * Text form of a serialized state: base64 (RFC 4648, with padding, no line
 * breaks) of the wire bytes, which begin with their magic and version.
 * annot_agree_text_len gives the text length (ANNOT_ELIMIT over
 * ANNOT_AGREE_MAX_TEXT_WIRE); annot_agree_text_encode writes it and a NUL.
 * annot_agree_text_decode reads base64 (blanks around it allowed) into a
 * buffer of annot_alloc it returns in *out (ANNOT_ESYNTAX on anything else).
 */
annot_status annot_agree_text_len(size_t wire_len, size_t *text_len,
								  annot_err *err);
void		annot_agree_text_encode(const uint8_t *wire, size_t len, char *out);
annot_status annot_agree_text_decode(const char *text, size_t len,
									 uint8_t **out, size_t *out_len,
									 annot_err *err);

/* Coefficients (agree_coef.c); item states are read prepared or not. */
annot_status annot_agree_cohen(const annot_agree_pair *s, annot_agree_result *r,
							   annot_err *err);
annot_status annot_agree_fleiss(const annot_agree_items *s,
								annot_agree_result *r, annot_err *err);
annot_status annot_agree_gwet(const annot_agree_items *s, annot_agree_result *r,
							  annot_err *err);
annot_status annot_agree_krippendorff(const annot_agree_items *s,
									  annot_agree_result *r, annot_err *err);
annot_status annot_agree_percent(const annot_agree_items *s,
								 annot_agree_result *r, annot_err *err);
void		annot_agree_class_stats(const annot_agree_pair *s, uint32_t id,
									annot_agree_class *out);

/*
 * The confusion matrix of a pair state as JSON (agree_confusion.c):
 * labels in key order, the matrix (rows = first rater), per-class support,
 * predicted, tp, precision, recall, F1, then n, accuracy, macro and
 * weighted F1.  *out is a NUL-terminated string from annot_alloc.
 */
annot_status annot_agree_confusion_json(const annot_agree_pair *s, char **out,
										annot_err *err);

/* Distributions (agree_dist.c). */
double		annot_norm_cdf(double x);
/* Standard normal quantile for lower-tail probability p in (0,1). */
double		annot_norm_quantile(double p);
/* Student t lower-tail probability with df > 0 degrees of freedom. */
double		annot_t_cdf(double t, double df);
/* Student t quantile for lower-tail probability p in (0,1), df > 0. */
double		annot_t_quantile(double p, double df);
/* log Beta(a, b) for a, b > 0, accurate when a or b is large. */
double		annot_lbeta(double a, double b);
/* Regularized incomplete beta I_x(a, b); y = 1 - x given separately. */
double		annot_inc_beta(double x, double y, double a, double b);

#endif							/* ANNOT_AGREE_H */
