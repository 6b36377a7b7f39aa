/*
 * shortest.c -- the shortest decimal that reads back to a given double, and
 * its text in printf's "%g" notation.
 *
 * The digits come from Ryū (Ulf Adams, "Ryū: fast float-to-string
 * conversion", PLDI 2018), the algorithm PostgreSQL's own float8 output
 * uses: the bounds of the interval of decimals that round to the double are
 * scaled by a 128-bit power of five, and digits are removed while the
 * scaled interval still holds a shorter decimal; among the shortest the
 * one nearest the double wins (ties to even).  The powers of five are
 * computed once, exactly, with a small big-number routine instead of being
 * spelled out as a table.
 */
#include "annot_core.h"

#include <math.h>
#include <string.h>

#define MANTISSA_BITS 52
#define EXPONENT_BITS 11
#define EXPONENT_BIAS 1023

/* bits of the scaled powers of five and their reciprocals */
#define POW5_BITCOUNT 125
#define POW5_INV_BITCOUNT 125
#define POW5_TABLE_SIZE 326
#define POW5_INV_TABLE_SIZE 342

typedef unsigned __int128 u128;

/* Entry i: 5^i scaled to POW5_BITCOUNT bits; entry q: 2^k / 5^q rounded up. */
static uint64_t pow5_split[POW5_TABLE_SIZE][2];
static uint64_t pow5_inv_split[POW5_INV_TABLE_SIZE][2];
static bool tables_ready;

/* Bit length of 5^e for 0 <= e <= 3528. */
static inline int32_t
pow5bits(int32_t e)
{
	return (int32_t) (((uint32_t) e * 1217359) >> 19) + 1;
}

/* floor(log10(2^e)) for 0 <= e <= 1650 */
static inline uint32_t
log10_pow2(int32_t e)
{
	return ((uint32_t) e * 78913) >> 18;
}

/* floor(log10(5^e)) for 0 <= e <= 2620 */
static inline uint32_t
log10_pow5(int32_t e)
{
	return ((uint32_t) e * 732923) >> 20;
}

/* Big numbers for building the tables: little-endian 32-bit words. */
#define BIG_WORDS 32

typedef struct big
{
	uint32_t	w[BIG_WORDS];
} big;

static void
big_mul_small(big *a, uint32_t m)
{
	uint64_t	carry = 0;
	int			i;

	for (i = 0; i < BIG_WORDS; i++)
	{
		uint64_t	t = (uint64_t) a->w[i] * m + carry;

		a->w[i] = (uint32_t) t;
		carry = t >> 32;
	}
}

static void
big_div_small(big *a, uint32_t d)
{
	uint64_t	rem = 0;
	int			i;

	for (i = BIG_WORDS - 1; i >= 0; i--)
	{
		uint64_t	t = (rem << 32) | a->w[i];

		a->w[i] = (uint32_t) (t / d);
		rem = t % d;
	}
}

/* Bit i of a (0 beyond its words). */
static inline uint64_t
big_bit(const big *a, int i)
{
	if (i < 0 || i >= 32 * BIG_WORDS)
		return 0;
	return (a->w[i / 32] >> (i % 32)) & 1;
}

/* floor(a / 2^shift) for shift >= 0, or a * 2^-shift, as 128 bits. */
static void
big_extract(const big *a, int shift, uint64_t out[2])
{
	int			i;

	out[0] = out[1] = 0;
	for (i = 0; i < 128; i++)
		out[i / 64] |= big_bit(a, shift + i) << (i % 64);
}

static void
build_tables(void)
{
	/* 2^NMAX with NMAX above every 2^k the reciprocals need */
	const int	nmax = POW5_INV_BITCOUNT + pow5bits(POW5_INV_TABLE_SIZE) + 8;
	big			p;
	int			i;

	memset(&p, 0, sizeof(p));
	p.w[0] = 1;
	for (i = 0; i < POW5_TABLE_SIZE; i++)
	{
		if (i > 0)
			big_mul_small(&p, 5);
		big_extract(&p, pow5bits(i) - POW5_BITCOUNT, pow5_split[i]);
	}

	/*
	 * floor(floor(2^NMAX / 5^q) / 2^s) = floor(2^(NMAX - s) / 5^q): one
	 * running quotient gives every reciprocal.
	 */
	memset(&p, 0, sizeof(p));
	p.w[nmax / 32] = (uint32_t) 1 << (nmax % 32);
	for (i = 0; i < POW5_INV_TABLE_SIZE; i++)
	{
		int			k = pow5bits(i) - 1 + POW5_INV_BITCOUNT;

		if (i > 0)
			big_div_small(&p, 5);
		big_extract(&p, nmax - k, pow5_inv_split[i]);
		/* + 1: the reciprocal rounded up */
		if (++pow5_inv_split[i][0] == 0)
			pow5_inv_split[i][1]++;
	}
	tables_ready = true;
}

/* (m * mul) >> j for a 128-bit mul and j >= 64. */
static inline uint64_t
mul_shift64(uint64_t m, const uint64_t *mul, int32_t j)
{
	u128		b0 = (u128) m * mul[0];
	u128		b2 = (u128) m * mul[1];

	return (uint64_t) (((b0 >> 64) + b2) >> (j - 64));
}

static inline uint32_t
pow5_factor(uint64_t v)
{
	uint32_t	count = 0;

	while (v % 5 == 0)
	{
		v /= 5;
		count++;
	}
	return count;
}

static inline bool
multiple_of_pow5(uint64_t v, uint32_t p)
{
	return pow5_factor(v) >= p;
}

static inline bool
multiple_of_pow2(uint64_t v, uint32_t p)
{
	return (v & ((UINT64_C(1) << p) - 1)) == 0;
}

/* Remove the last digit of the scaled value and its bounds; return it. */
static inline uint8_t
drop_digit(uint64_t *vr, uint64_t *vp, uint64_t *vm)
{
	uint8_t		digit = (uint8_t) (*vr % 10);

	*vr /= 10;
	*vp /= 10;
	*vm /= 10;
	return digit;
}

void
annot_shortest_decimal(double x, uint64_t *digits, int32_t *exp10)
{
	uint64_t	bits;
	uint64_t	ieee_mantissa;
	uint32_t	ieee_exponent;
	int32_t		e2;
	uint64_t	m2;
	bool		accept_bounds;
	uint64_t	mv;
	uint32_t	mm_shift;
	uint64_t	vr,
				vp,
				vm;
	int32_t		e10;
	bool		vm_trailing_zeros = false;
	bool		vr_trailing_zeros = false;
	int32_t		removed = 0;
	uint8_t		last_removed = 0;
	uint64_t	output;

	memcpy(&bits, &x, sizeof(bits));
	ieee_mantissa = bits & ((UINT64_C(1) << MANTISSA_BITS) - 1);
	ieee_exponent = (uint32_t) ((bits >> MANTISSA_BITS) &
								((1u << EXPONENT_BITS) - 1));

	/*
	 * An integer below 2^53 (pixel coordinates often are) is its own
	 * shortest decimal: no other decimal lies within half a unit of it.
	 */
	if (ieee_exponent >= EXPONENT_BIAS &&
		ieee_exponent < EXPONENT_BIAS + MANTISSA_BITS + 1)
	{
		int			shift = EXPONENT_BIAS + MANTISSA_BITS - (int) ieee_exponent;
		uint64_t	m = (UINT64_C(1) << MANTISSA_BITS) | ieee_mantissa;

		if ((m & ((UINT64_C(1) << shift) - 1)) == 0)
		{
			output = m >> shift;
			e10 = 0;
			while (output % 10 == 0)
			{
				output /= 10;
				e10++;
			}
			*digits = output;
			*exp10 = e10;
			return;
		}
	}

	if (!tables_ready)
		build_tables();
	/* subtract 2 so that the bounds are integers */
	if (ieee_exponent == 0)
	{
		e2 = 1 - EXPONENT_BIAS - MANTISSA_BITS - 2;
		m2 = ieee_mantissa;
	}
	else
	{
		e2 = (int32_t) ieee_exponent - EXPONENT_BIAS - MANTISSA_BITS - 2;
		m2 = (UINT64_C(1) << MANTISSA_BITS) | ieee_mantissa;
	}
	/* round to even: the interval's ends round back to x when m2 is even */
	accept_bounds = (m2 & 1) == 0;

	/*
	 * The interval is [4 m2 - 1 - mm_shift, 4 m2 + 2] * 2^e2: the gap below
	 * is half as wide at a power of two.
	 */
	mv = 4 * m2;
	mm_shift = ieee_mantissa != 0 || ieee_exponent <= 1;

	if (e2 >= 0)
	{
		uint32_t	q = log10_pow2(e2) - (e2 > 3);
		int32_t		k = POW5_INV_BITCOUNT + pow5bits((int32_t) q) - 1;
		int32_t		i = -e2 + (int32_t) q + k;

		e10 = (int32_t) q;
		vr = mul_shift64(4 * m2, pow5_inv_split[q], i);
		vp = mul_shift64(4 * m2 + 2, pow5_inv_split[q], i);
		vm = mul_shift64(4 * m2 - 1 - mm_shift, pow5_inv_split[q], i);
		if (q <= 21)
		{
			/* only here can the scaled bounds be exact */
			if (mv % 5 == 0)
				vr_trailing_zeros = multiple_of_pow5(mv, q);
			else if (accept_bounds)
				vm_trailing_zeros = multiple_of_pow5(mv - 1 - mm_shift, q);
			else
				vp -= multiple_of_pow5(mv + 2, q);
		}
	}
	else
	{
		uint32_t	q = log10_pow5(-e2) - (-e2 > 1);
		int32_t		i = -e2 - (int32_t) q;
		int32_t		k = pow5bits(i) - POW5_BITCOUNT;
		int32_t		j = (int32_t) q - k;

		e10 = (int32_t) q + e2;
		vr = mul_shift64(4 * m2, pow5_split[i], j);
		vp = mul_shift64(4 * m2 + 2, pow5_split[i], j);
		vm = mul_shift64(4 * m2 - 1 - mm_shift, pow5_split[i], j);
		if (q <= 1)
		{
			/* mv = 4 m2 has at least two trailing zero bits */
			vr_trailing_zeros = true;
			if (accept_bounds)
				vm_trailing_zeros = mm_shift == 1;
			else
				vp--;
		}
		else if (q < 63)
			vr_trailing_zeros = multiple_of_pow2(mv, q);
	}

	if (vm_trailing_zeros || vr_trailing_zeros)
	{
		/* the rare exact cases: track what the removed digits were */
		while (vp / 10 > vm / 10)
		{
			vm_trailing_zeros &= vm % 10 == 0;
			vr_trailing_zeros &= last_removed == 0;
			last_removed = drop_digit(&vr, &vp, &vm);
			removed++;
		}
		while (vm_trailing_zeros && vm % 10 == 0)
		{
			vr_trailing_zeros &= last_removed == 0;
			last_removed = drop_digit(&vr, &vp, &vm);
			removed++;
		}
		/* exactly halfway: round to even */
		if (vr_trailing_zeros && last_removed == 5 && vr % 2 == 0)
			last_removed = 4;
		output = vr + ((vr == vm && (!accept_bounds || !vm_trailing_zeros)) ||
					   last_removed >= 5);
	}
	else
	{
		bool		round_up = false;

		/* the common case: two digits at a time while they can go */
		while (vp / 100 > vm / 100)
		{
			round_up = vr % 100 >= 50;
			vr /= 100;
			vp /= 100;
			vm /= 100;
			removed += 2;
		}
		while (vp / 10 > vm / 10)
		{
			round_up = drop_digit(&vr, &vp, &vm) >= 5;
			removed++;
		}
		output = vr + (vr == vm || round_up);
	}
	e10 += removed;
	while (output % 10 == 0)
	{
		output /= 10;
		e10++;
	}
	*digits = output;
	*exp10 = e10;
}

int
annot_format_double(char *buf, double x)
{
	char		d[20];
	int			n = 0;
	int			i;
	uint64_t	digits;
	int32_t		e10;
	int32_t		x10;
	char	   *p = buf;

	if (isnan(x))
	{
		memcpy(buf, "NaN", 4);
		return 3;
	}
	if (isinf(x))
	{
		if (x > 0)
		{
			memcpy(buf, "Infinity", 9);
			return 8;
		}
		memcpy(buf, "-Infinity", 10);
		return 9;
	}
	if (signbit(x))
	{
		*p++ = '-';
		x = -x;
	}
	if (x == 0.0)
	{
		*p++ = '0';
		*p = '\0';
		return (int) (p - buf);
	}

	annot_shortest_decimal(x, &digits, &e10);
	for (; digits > 0; digits /= 10)
		d[n++] = (char) ('0' + digits % 10);
	/* d[n-1] is the first digit; x = 0.d * 10^(x10 + 1) */
	x10 = e10 + n - 1;

	/*
	 * printf's "%.Pg" with P the larger of 15 and the digit count (what
	 * "%.15g" widened to 16 and 17 digits gives): exponent notation when
	 * the exponent is below -4 or at least P.
	 */
	if (x10 < -4 || x10 >= (n > 15 ? n : 15))
	{
		int32_t		e = x10 < 0 ? -x10 : x10;

		*p++ = d[n - 1];
		if (n > 1)
		{
			*p++ = '.';
			for (i = n - 2; i >= 0; i--)
				*p++ = d[i];
		}
		*p++ = 'e';
		*p++ = x10 < 0 ? '-' : '+';
		if (e >= 100)
			*p++ = (char) ('0' + e / 100);
		*p++ = (char) ('0' + e / 10 % 10);
		*p++ = (char) ('0' + e % 10);
	}
	else if (x10 < 0)
	{
		*p++ = '0';
		*p++ = '.';
		for (i = x10 + 1; i < 0; i++)
			*p++ = '0';
		for (i = n - 1; i >= 0; i--)
			*p++ = d[i];
	}
	else
	{
		for (i = n - 1; i >= 0; i--)
		{
			*p++ = d[i];
			if (i == n - 1 - x10 && i > 0)
				*p++ = '.';
		}
		for (i = n; i <= x10; i++)
			*p++ = '0';
	}
	*p = '\0';
	return (int) (p - buf);
}
