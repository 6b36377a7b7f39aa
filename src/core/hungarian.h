/*
 * hungarian.h -- optimal assignment on a dense cost matrix in O(n^3): the
 * shortest augmenting path method with potentials (Kuhn-Munkres as
 * improved by Jonker and Volgenant), for rectangular matrices.
 *
 * Reusable by every capability that needs a minimum-cost matching:
 * detection matching (CVAT's optimal mode), panoptic segments, tracking.
 */
#ifndef ANNOT_HUNGARIAN_H
#define ANNOT_HUNGARIAN_H

#include "annot_core.h"

/*
 * Largest side accepted: the solver takes O(rows * cols) memory for the
 * matrix the caller holds and O(rows + cols) of its own.
 */
#define ANNOT_HUNGARIAN_MAX_SIDE 100000

/*
 * Assign each row to a distinct column (when rows <= cols) or each column
 * to a distinct row (otherwise) so that the total cost is smallest.
 * cost[r * cols + c] must be finite (ANNOT_EPARAM otherwise).  row_to_col
 * receives rows entries: the column of each row, or -1 for a row left
 * out.  Calls annot_check_interrupts() at each step of a path search.
 */
annot_status annot_hungarian(const double *cost, int32_t rows, int32_t cols,
							 int32_t *row_to_col, annot_err *err);

#endif							/* ANNOT_HUNGARIAN_H */
