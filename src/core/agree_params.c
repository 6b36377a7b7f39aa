/*
 * agree_params.c -- the parameters of the agreement coefficients: weights
 * (irrCAC's names), Krippendorff's levels of measurement, the scale of
 * Cohen's weights and the confidence level, read from their SQL names.
 */
#include "agree.h"

#include <string.h>

typedef struct param_name
{
	const char *name;
	uint8_t		value;
} param_name;

static const param_name cohen_weights[] = {
	{"unweighted", ANNOT_W_UNWEIGHTED},
	{"linear", ANNOT_W_LINEAR},
	{"quadratic", ANNOT_W_QUADRATIC},
	{NULL, 0}
};

static const param_name item_weights[] = {
	{"unweighted", ANNOT_W_UNWEIGHTED},
	{"linear", ANNOT_W_LINEAR},
	{"quadratic", ANNOT_W_QUADRATIC},
	{"ordinal", ANNOT_W_ORDINAL},
	{"radical", ANNOT_W_RADICAL},
	{"ratio", ANNOT_W_RATIO},
	{"circular", ANNOT_W_CIRCULAR},
	{"bipolar", ANNOT_W_BIPOLAR},
	{NULL, 0}
};

static const param_name levels[] = {
	{"nominal", ANNOT_W_UNWEIGHTED},
	{"ordinal", ANNOT_W_KORDINAL},
	{"interval", ANNOT_W_QUADRATIC},
	{"ratio", ANNOT_W_RATIO},
	{NULL, 0}
};

static const param_name scales[] = {
	{"observed", ANNOT_SCALE_OBSERVED},
	{"range", ANNOT_SCALE_RANGE},
	{NULL, 0}
};

/* What each role is called in messages, its names and how they are listed. */
static const struct
{
	const char *subject;
	const char *capital;
	const param_name *names;
	const char *list;
}			roles[] = {
	[ANNOT_PARAM_COHEN_WEIGHTS] = {"weights", "Weights", cohen_weights,
	"unweighted, linear, quadratic"},
	[ANNOT_PARAM_WEIGHTS] = {"weights", "Weights", item_weights,
	"unweighted, linear, quadratic, ordinal, radical, ratio, circular, bipolar"},
	[ANNOT_PARAM_LEVEL] = {"level", "Level", levels,
	"nominal, ordinal, interval, ratio"},
	[ANNOT_PARAM_SCALE] = {"scale", "Scale", scales, "observed, range"},
	[ANNOT_PARAM_CONFIDENCE] = {"confidence level", "Confidence level", NULL, NULL},
};

void
annot_agree_params_default(annot_agree_params *p)
{
	p->weights = ANNOT_W_UNWEIGHTED;
	p->scale = ANNOT_SCALE_OBSERVED;
	p->confidence = 0.95;
}

annot_status
annot_agree_check_confidence(double confidence, annot_err *err)
{
	if (!(confidence > 0.0 && confidence < 1.0))
		return annot_fail(err, ANNOT_EPARAM, -1,
						  "The confidence level must lie strictly between 0 and 1.");
	return ANNOT_OK;
}

annot_status
annot_agree_set_confidence(annot_agree_params *p, double confidence,
						   annot_err *err)
{
	annot_err_about(err, "confidence level", NULL);
	if (annot_agree_check_confidence(confidence, err) != ANNOT_OK)
		return ANNOT_EPARAM;
	p->confidence = confidence;
	return ANNOT_OK;
}

/* The whole of s[0..len) is one number (blanks around it allowed). */
static bool
text_number(const char *s, size_t len, double *out)
{
	char		buf[64];
	const char *p = buf;
	bool		overflow = false;

	if (len == 0 || len >= sizeof(buf) || memchr(s, '\0', len) != NULL)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (!annot_parse_double(&p, out, &overflow))
		return false;
	p = annot_skip_space(p);
	return *p == '\0';
}

annot_status
annot_agree_set_param(annot_agree_params *p, annot_agree_param_role role,
					  const char *s, size_t len, annot_err *err)
{
	const param_name *n;
	double		confidence;

	annot_err_about(err, roles[role].subject, NULL);
	if (s == NULL)
		return annot_fail(err, ANNOT_EPARAM, -1, "%s must not be null.",
						  roles[role].capital);
	/* a number strictly between 0 and 1 is a confidence level; 1 is not */
	if (role == ANNOT_PARAM_CONFIDENCE ||
		(text_number(s, len, &confidence) && confidence > 0.0 && confidence < 1.0))
	{
		if (role == ANNOT_PARAM_CONFIDENCE && !text_number(s, len, &confidence))
			return annot_fail(err, ANNOT_EPARAM, -1,
							  "The confidence level must be a number.");
		return annot_agree_set_confidence(p, confidence, err);
	}
	for (n = roles[role].names; n->name != NULL; n++)
	{
		if (strlen(n->name) != len || memcmp(s, n->name, len) != 0)
			continue;
		if (role == ANNOT_PARAM_SCALE)
			p->scale = n->value;
		else
			p->weights = n->value;
		return ANNOT_OK;
	}
	return annot_fail(err, ANNOT_EPARAM, -1, "%s \"%.*s\" %s not one of %s.",
					  roles[role].capital, len > 64 ? 64 : (int) len, s,
					  role == ANNOT_PARAM_COHEN_WEIGHTS || role == ANNOT_PARAM_WEIGHTS ?
					  "are" : "is", roles[role].list);
}

bool
annot_agree_params_equal(const annot_agree_params *a,
						 const annot_agree_params *b)
{
	return a->weights == b->weights && a->scale == b->scale &&
		a->confidence == b->confidence;
}

annot_status
annot_agree_params_differ(annot_err *err)
{
	annot_err_about(err, "agreement parameters", NULL);
	return annot_fail(err, ANNOT_EPARAM, -1,
					  "Weights, scale, level and confidence must be the same in every row of a group.");
}
