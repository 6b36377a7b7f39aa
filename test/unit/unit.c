/*
 * unit.c -- the harness of unit.h.
 */
#include "unit.h"

#include <stdlib.h>

int			unit_passed;
int			unit_failed;

void
unit_check(int ok, const char *what, const char *file, int line)
{
	if (ok)
		unit_passed++;
	else
	{
		unit_failed++;
		printf("not ok: %s:%d: %s\n", file, line, what);
	}
}

int
unit_done(const char *suite)
{
	printf("# %s\n%d passed, %d failed\n", suite, unit_passed, unit_failed);
	return unit_failed == 0 ? 0 : 1;
}

const char *
unit_status_name(annot_status st)
{
	switch (st)
	{
		case ANNOT_OK:
			return "ANNOT_OK";
		case ANNOT_ESYNTAX:
			return "ANNOT_ESYNTAX";
		case ANNOT_EPARAM:
			return "ANNOT_EPARAM";
		case ANNOT_ERANGE:
			return "ANNOT_ERANGE";
		case ANNOT_ELIMIT:
			return "ANNOT_ELIMIT";
		case ANNOT_EBINARY:
			return "ANNOT_EBINARY";
		case ANNOT_ECORRUPT:
			return "ANNOT_ECORRUPT";
		case ANNOT_ENOMEM:
			return "ANNOT_ENOMEM";
	}
	return "(unknown status)";
}
