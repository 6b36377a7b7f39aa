/*
 * agree_dist.c -- the normal and Student t distributions that confidence
 * intervals of agreement coefficients need: cumulative probabilities and
 * quantiles to close to double precision (checked against scipy.stats).
 */
#include "agree.h"

#include <math.h>

#define LOG_2PI 1.8378770664093454836

double
annot_norm_cdf(double x)
{
	return 0.5 * erfc(-x / M_SQRT2);
}

/*
 * Normal quantile: the rational start of Abramowitz & Stegun 26.2.23
 * (|error| < 4.5e-4) polished by Halley steps on erfc, which converge
 * cubically, so three steps reach double precision.
 */
double
annot_norm_quantile(double p)
{
	double		q;
	double		t;
	double		x;
	int			i;

	if (isnan(p) || p < 0.0 || p > 1.0)
		return NAN;
	if (p == 0.0)
		return -INFINITY;
	if (p == 1.0)
		return INFINITY;
	if (p == 0.5)
		return 0.0;
	q = p < 0.5 ? p : 1.0 - p;
	t = sqrt(-2.0 * log(q));
	x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) /
		  (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
	for (i = 0; i < 4; i++)
	{
		double		e = annot_norm_cdf(x) - q;
		double		u = e * sqrt(2.0 * M_PI) * exp(0.5 * x * x);

		x = x - u / (1.0 + 0.5 * x * u);
	}
	return p < 0.5 ? x : -x;
}

/*
 * The error of Stirling's series, lgamma(x) - ((x - 1/2) log x - x +
 * log(2 pi)/2), for x >= 15 (its terms through x^-11: error below 1e-17).
 */
static double
stirling_err(double x)
{
	double		r = 1.0 / x;
	double		r2 = r * r;

	return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 *
													 (1.0 / 1680 - r2 * (1.0 / 1188 - r2 * 691.0 / 360360)))));
}

/*
 * log Beta(a, b).  lgamma differences cancel badly when an argument is
 * large (t with a million degrees of freedom), so large arguments go
 * through Stirling's series with the logarithms rearranged into log1p.
 */
double
annot_lbeta(double a, double b)
{
	double		lo = a < b ? a : b;
	double		hi = a < b ? b : a;

	if (hi < 15.0)
		return lgamma(a) + lgamma(b) - lgamma(a + b);
	if (lo < 15.0)
	{
		/* lgamma(hi) - lgamma(hi + lo) without cancellation */
		double		d = -(hi - 0.5) * log1p(lo / hi) - lo * log(hi + lo) + lo +
			stirling_err(hi) - stirling_err(hi + lo);

		return lgamma(lo) + d;
	}
	return 0.5 * LOG_2PI - 0.5 * log(hi) + (lo - 0.5) * log(lo / (lo + hi)) -
		hi * log1p(lo / hi) + stirling_err(lo) + stirling_err(hi) -
		stirling_err(lo + hi);
}

/*
 * Continued fraction of the incomplete beta function (the even/odd
 * coefficients of DLMF 8.17.22), evaluated by the modified Lentz method.
 */
static double
beta_cf(double x, double a, double b)
{
	const double tiny = 1e-300;
	double		c = 1.0;
	double		d = 1.0 - (a + b) * x / (a + 1.0);
	double		h;
	int			m;

	if (fabs(d) < tiny)
		d = tiny;
	d = 1.0 / d;
	h = d;
	for (m = 1; m < 1000000; m++)
	{
		double		m2 = 2.0 * m;
		double		aa = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
		double		del;

		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		h *= d * c;
		aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
		d = 1.0 + aa * d;
		if (fabs(d) < tiny)
			d = tiny;
		c = 1.0 + aa / c;
		if (fabs(c) < tiny)
			c = tiny;
		d = 1.0 / d;
		del = d * c;
		h *= del;
		if (fabs(del - 1.0) < 1e-16)
			break;
	}
	return h;
}

double
annot_inc_beta(double x, double y, double a, double b)
{
	double		lx;
	double		ly;

	if (x <= 0.0)
		return 0.0;
	if (y <= 0.0)
		return 1.0;
	/* the fraction converges fast only below the mean */
	if (x > (a + 1.0) / (a + b + 2.0))
		return 1.0 - annot_inc_beta(y, x, b, a);
	lx = y < 0.5 ? log1p(-y) : log(x);
	ly = x < 0.5 ? log1p(-x) : log(y);
	return exp(a * lx + b * ly - annot_lbeta(a, b)) / a * beta_cf(x, a, b);
}

double
annot_t_cdf(double t, double df)
{
	double		t2 = t * t;
	double		half;

	if (isnan(t) || !(df > 0))
		return NAN;
	if (isinf(t))
		return t < 0 ? 0.0 : 1.0;
	half = 0.5 * annot_inc_beta(df / (df + t2), t2 / (df + t2), 0.5 * df, 0.5);
	return t < 0 ? half : 1.0 - half;
}

/* Student t density. */
static double
t_density(double t, double df)
{
	return exp(-annot_lbeta(0.5 * df, 0.5) - 0.5 * log(df) -
			   0.5 * (df + 1.0) * log1p(t * t / df));
}

/*
 * Student t quantile.  One and two degrees of freedom have closed forms;
 * otherwise the Cornish-Fisher expansion (Abramowitz & Stegun 26.7.5)
 * gives the start, exact for very large df, and a bracketed Newton
 * iteration on the incomplete-beta CDF finishes.
 */
double
annot_t_quantile(double p, double df)
{
	double		q;
	double		t;

	if (isnan(p) || p <= 0.0 || p >= 1.0 || !(df > 0))
		return NAN;
	if (p == 0.5)
		return 0.0;
	q = p < 0.5 ? p : 1.0 - p;
	if (df == 1.0)
		t = -1.0 / tan(M_PI * q);
	else if (df == 2.0)
		t = (2.0 * q - 1.0) / sqrt(2.0 * q * (1.0 - q));
	else
	{
		double		z = annot_norm_quantile(q);
		double		z2 = z * z;
		double		g1 = (z2 + 1.0) * z / 4.0;
		double		g2 = ((5.0 * z2 + 16.0) * z2 + 3.0) * z / 96.0;
		double		g3 = (((3.0 * z2 + 19.0) * z2 + 17.0) * z2 - 15.0) * z / 384.0;
		double		g4 = ((((79.0 * z2 + 776.0) * z2 + 1482.0) * z2 - 1920.0) * z2 - 945.0) * z / 92160.0;

		t = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
		if (df < 1e5)
		{
			double		lo;
			double		hi = 0.0;
			int			i;

			/* bracket the root: F(lo) <= q < F(hi) */
			lo = t < -1.0 ? t : -1.0;
			for (i = 0; i < 2000 && annot_t_cdf(lo, df) > q; i++)
				lo *= 2.0;
			if (!(t > lo && t < hi))
				t = 0.5 * (lo + hi);
			for (i = 0; i < 200; i++)
			{
				double		f = annot_t_cdf(t, df) - q;
				double		tn;

				if (f > 0)
					hi = t;
				else
					lo = t;
				tn = t - f / t_density(t, df);
				if (!(tn > lo && tn < hi))
					tn = 0.5 * (lo + hi);
				if (fabs(tn - t) <= 1e-15 * fabs(tn))
				{
					t = tn;
					break;
				}
				t = tn;
			}
		}
	}
	return p < 0.5 ? t : -t;
}
