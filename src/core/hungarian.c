/*
 * hungarian.c -- minimum-cost assignment by shortest augmenting paths with
 * row and column potentials (Jonker and Volgenant, Computing 38, 1987; the
 * O(n^2 m) form in which each row is added with one Dijkstra-like scan).
 */
#include "hungarian.h"

#include <math.h>

/*
 * Solve for n <= m: a[i * m + j] is the cost of row i, column j.  p[j]
 * (1-based, p[0] the row being added) is the row assigned to column j.
 */
static annot_status
solve(const double *a, int32_t n, int32_t m, bool transposed,
	  int32_t *row_to_col, annot_err *err)
{
	size_t		m1 = (size_t) m + 1;
	double	   *u = annot_alloc(sizeof(double) * ((size_t) n + 1));
	double	   *v = annot_alloc(sizeof(double) * m1);
	double	   *minv = annot_alloc(sizeof(double) * m1);
	int32_t    *p = annot_alloc(sizeof(int32_t) * m1);
	int32_t    *way = annot_alloc(sizeof(int32_t) * m1);
	bool	   *used = annot_alloc(sizeof(bool) * m1);
	annot_status st = ANNOT_OK;

#define COST(i, j) (transposed ? a[(size_t) (j) * n + (i)] : a[(size_t) (i) * m + (j)])

	if (!u || !v || !minv || !p || !way || !used)
	{
		st = annot_fail(err, ANNOT_ENOMEM, -1, "Out of memory.");
		goto done;
	}
	for (int32_t i = 0; i <= n; i++)
		u[i] = 0;
	for (size_t j = 0; j < m1; j++)
	{
		v[j] = 0;
		p[j] = 0;
		way[j] = 0;
	}
	for (int32_t i = 1; i <= n; i++)
	{
		int32_t		j0 = 0;

		annot_check_interrupts();
		p[0] = i;
		for (size_t j = 0; j < m1; j++)
		{
			minv[j] = INFINITY;
			used[j] = false;
		}
		do
		{
			int32_t		i0 = p[j0],
						j1 = 0;
			double		delta = INFINITY;

			/* each step scans every column: a cancel is honoured between steps */
			annot_check_interrupts();
			used[j0] = true;
			for (int32_t j = 1; j <= m; j++)
			{
				if (used[j])
					continue;
				{
					double		cur = COST(i0 - 1, j - 1) - u[i0] - v[j];

					if (cur < minv[j])
					{
						minv[j] = cur;
						way[j] = j0;
					}
					if (minv[j] < delta)
					{
						delta = minv[j];
						j1 = j;
					}
				}
			}
			/* every cost is finite, so some free column is always reached */
			for (int32_t j = 0; j <= m; j++)
			{
				if (used[j])
				{
					u[p[j]] += delta;
					v[j] -= delta;
				}
				else
					minv[j] -= delta;
			}
			j0 = j1;
		} while (p[j0] != 0);
		do
		{
			int32_t		j1 = way[j0];

			p[j0] = p[j1];
			j0 = j1;
		} while (j0 != 0);
	}
	if (!transposed)
	{
		for (int32_t i = 0; i < n; i++)
			row_to_col[i] = -1;
		for (int32_t j = 1; j <= m; j++)
			if (p[j] != 0)
				row_to_col[p[j] - 1] = j - 1;
	}
	else
	{
		/* the solved rows are the caller's columns */
		for (int32_t j = 0; j < m; j++)
			row_to_col[j] = -1;
		for (int32_t j = 1; j <= m; j++)
			if (p[j] != 0)
				row_to_col[j - 1] = p[j] - 1;
	}
#undef COST

done:
	annot_free(u);
	annot_free(v);
	annot_free(minv);
	annot_free(p);
	annot_free(way);
	annot_free(used);
	return st;
}

annot_status
annot_hungarian(const double *cost, int32_t rows, int32_t cols,
				int32_t *row_to_col, annot_err *err)
{
	annot_err_about(err, "assignment", NULL);
	if (rows < 0 || cols < 0 || rows > ANNOT_HUNGARIAN_MAX_SIDE ||
		cols > ANNOT_HUNGARIAN_MAX_SIDE)
		return annot_fail(err, ANNOT_ELIMIT, -1,
						  "An assignment of %d x %d is over the limit of %d a side.",
						  (int) rows, (int) cols, ANNOT_HUNGARIAN_MAX_SIDE);
	for (size_t k = 0; k < (size_t) rows * (size_t) cols; k++)
	{
		if ((k & 0xFFFF) == 0)
			annot_check_interrupts();
		if (!isfinite(cost[k]))
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "Assignment costs must be finite.");
	}
	if (rows == 0 || cols == 0)
	{
		for (int32_t i = 0; i < rows; i++)
			row_to_col[i] = -1;
		return ANNOT_OK;
	}
	if (rows <= cols)
		return solve(cost, rows, cols, false, row_to_col, err);
	return solve(cost, cols, rows, true, row_to_col, err);
}
