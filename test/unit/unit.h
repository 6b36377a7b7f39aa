/*
 * unit.h -- a minimal test harness for the core: each CHECK counts as one
 * test; a failure prints "not ok" with its place.  unit_done() prints the
 * closing "N passed, N failed" line that scripts/test.sh sums up.
 */
#ifndef ANNOT_UNIT_H
#define ANNOT_UNIT_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../../src/core/annot_core.h"

extern int	unit_passed;
extern int	unit_failed;

void		unit_check(int ok, const char *what, const char *file, int line);
int			unit_done(const char *suite);
const char *unit_status_name(annot_status st);

#define CHECK(cond) unit_check((cond) ? 1 : 0, #cond, __FILE__, __LINE__)

/* The call returns exactly the expected status. */
#define CHECK_STATUS(call, expected) do { \
	annot_status st_ = (call); \
	if (st_ != (expected)) \
		fprintf(stdout, "# got %s, expected %s\n", unit_status_name(st_), \
				unit_status_name(expected)); \
	unit_check(st_ == (expected), #call " == " #expected, __FILE__, __LINE__); \
} while (0)

/* Relative (or, near zero, absolute) difference within tol. */
#define CHECK_CLOSE(got, want, tol) do { \
	double g_ = (got), w_ = (want); \
	double d_ = fabs(g_ - w_) / (fabs(w_) > 1.0 ? fabs(w_) : 1.0); \
	if (!(d_ <= (tol))) \
		fprintf(stdout, "# got %.17g, expected %.17g\n", g_, w_); \
	unit_check(d_ <= (tol), #got " ~ " #want, __FILE__, __LINE__); \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	int ok_ = g_ != NULL && strcmp(g_, w_) == 0; \
	if (!ok_) \
		fprintf(stdout, "# got \"%s\", expected \"%s\"\n", g_ ? g_ : "(null)", w_); \
	unit_check(ok_, #got " == " #want, __FILE__, __LINE__); \
} while (0)

#endif
