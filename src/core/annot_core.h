/*
 * annot_core.h -- shared definitions of the pure-C core of annot.
 *
 * Nothing under src/core includes postgres.h.  Core functions report
 * failure by returning an annot_status and filling an annot_err; the glue
 * (src/pg/annot_glue.c) turns that into exactly one ereport/errsave with the
 * SQLSTATE belonging to the status.  Memory comes from annot_alloc(), which
 * the glue implements with palloc and the unit tests with malloc.
 */
#ifndef ANNOT_CORE_H
#define ANNOT_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef enum annot_status
{
	ANNOT_OK = 0,
	ANNOT_ESYNTAX,				/* malformed text literal: 22P02 */
	ANNOT_EPARAM,				/* bad parameter value: 22023 */
	ANNOT_ERANGE,				/* numeric value out of range: 22003 */
	ANNOT_ELIMIT,				/* size over a documented limit: 54000 */
	ANNOT_EBINARY,				/* malformed binary message: 22P03 */
	ANNOT_ECORRUPT,				/* stored value fails validation: XX001 */
	ANNOT_ENOMEM				/* allocation failed: 53200 */
} annot_status;

#define ANNOT_MSG_LEN 256

/*
 * Error report of a core call: status, what the failure is about, the text
 * it happened in, a reason sentence and a position.  The glue words the
 * message from subject and status and quotes literal once (clipped,
 * multibyte-safe), so no call site names the subject or quotes the input.
 */
typedef struct annot_err
{
	annot_status status;
	long		pos;			/* byte offset into the input, or -1 */
	const char *subject;		/* static noun: "bbox", "COCO segmentation" */
	const char *literal;		/* text input the failure is in, or NULL */
	char		detail[ANNOT_MSG_LEN];	/* a sentence: capital first, final period */
} annot_err;

/* Record a failure in err (may be NULL) and return status. */
annot_status annot_fail(annot_err *err, annot_status status, long pos,
						const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 4, 5)))
#endif
			;

/* Clear err to the OK state, about nothing yet. */
void		annot_err_init(annot_err *err);

/*
 * Say what later failures recorded in err are about: subject is a static
 * noun ("poly", "agreement state"), literal the text input being decoded
 * (not copied: it must outlive the report) or NULL.  Core entry points call
 * this before their first annot_fail; err may be NULL.
 */
void		annot_err_about(annot_err *err, const char *subject,
							const char *literal);

/*
 * Allocation and cancellation hooks, defined once per link target: by the
 * glue (palloc, CHECK_FOR_INTERRUPTS) and by test/unit (malloc, no-op).
 * annot_alloc never returns NULL in the server (palloc raises); core code
 * still checks and returns ANNOT_ENOMEM so the unit-test build is honest.
 */
void	   *annot_alloc(size_t size);
void	   *annot_realloc(void *ptr, size_t size);
void		annot_free(void *ptr);
void		annot_check_interrupts(void);

/*
 * Shortest decimal text that reads back to exactly the same double, in the
 * notation of printf's "%.Pg" with P the larger of 15 and the number of
 * digits: "0.1", "1e+300", "1234567890123456", "5e-324".  Zero prints as "0"
 * or "-0"; non-finite values as "NaN", "Infinity" and "-Infinity".  buf
 * must hold ANNOT_DBL_BUFLEN bytes; returns the length written.
 */
#define ANNOT_DBL_BUFLEN 32
int			annot_format_double(char *buf, double x);

/*
 * The digits of that text: x = digits * 10^exp10 with digits the shortest
 * integer (no trailing zero) that reads back to x, the nearest to x among
 * the shortest.  x must be finite and not zero; its sign is ignored.
 */
void		annot_shortest_decimal(double x, uint64_t *digits, int32_t *exp10);

/*
 * A double's shortest text as a value, for error details:
 * annot_fail(err, st, -1, "Got %s.", ANNOT_NUM(x)).  The text lives until
 * the end of the full expression that contains ANNOT_NUM.
 */
typedef struct annot_num_text
{
	char		s[ANNOT_DBL_BUFLEN];
} annot_num_text;

annot_num_text annot_num(double x);

#define ANNOT_NUM(x) (annot_num(x).s)

/*
 * Parse one finite double at *p in the C locale, skipping leading blanks.
 * On success advances *p past the number and returns true.  Rejects "nan",
 * "inf", hex floats and values that overflow.  Underflow to a denormal or
 * zero is accepted, as PostgreSQL's float8in accepts it.
 */
bool		annot_parse_double(const char **p, double *out, bool *overflow);

/* Skip ASCII white space. */
const char *annot_skip_space(const char *p);

#endif							/* ANNOT_CORE_H */
