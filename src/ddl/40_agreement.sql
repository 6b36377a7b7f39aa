-- Inter-annotator agreement: Cohen's kappa, the confusion matrix, Fleiss'
-- kappa, Gwet's AC1/AC2, percent agreement and Krippendorff's alpha, as
-- parallel-safe aggregates over long-form ratings (one row per rating or
-- rating pair).  Formulas and peers: doc/reference/40_agreement.md.

CREATE TYPE annot.agreement AS (
	estimate float8,
	se float8,
	ci_lower float8,
	ci_upper float8,
	confidence float8,
	observed float8,
	expected float8,
	n_items bigint,
	n_ratings bigint,
	n_categories int
);
COMMENT ON TYPE annot.agreement IS
'An agreement coefficient with its standard error and confidence interval at the given confidence level, observed and chance agreement, and the counts of items, ratings and categories it rests on; undefined numbers are NULL';

-- Support functions of the pair aggregates (two labels per row)

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, float8) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5;
COMMENT ON FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text, float8) IS
'Transition function of cohen_kappa, cohen_kappa_ci and confusion_matrix';

CREATE FUNCTION annot.agree_pair_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;
COMMENT ON FUNCTION annot.agree_pair_combine(internal, internal) IS
'Combine function of the pair agreement aggregates (parallel query)';

CREATE FUNCTION annot.agree_pair_serialize(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'agree_pair_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
COMMENT ON FUNCTION annot.agree_pair_serialize(internal) IS
'Serialize a pair agreement state (format in src/core/FORMAT.md)';

CREATE FUNCTION annot.agree_pair_deserialize(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_pair_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
COMMENT ON FUNCTION annot.agree_pair_deserialize(bytea, internal) IS
'Deserialize a pair agreement state, validating every length, count and index';

CREATE FUNCTION annot.cohen_kappa_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'cohen_kappa_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION annot.cohen_kappa_final(internal) IS
'Final function of cohen_kappa';

CREATE FUNCTION annot.cohen_kappa_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'cohen_kappa_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.cohen_kappa_ci_final(internal) IS
'Final function of cohen_kappa_ci';

CREATE FUNCTION annot.confusion_matrix_final(internal) RETURNS jsonb
AS 'MODULE_PATHNAME', 'confusion_matrix_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION annot.confusion_matrix_final(internal) IS
'Final function of confusion_matrix';

-- Support functions of the item aggregates (item, label per row)

CREATE FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 20;
COMMENT ON FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible) IS
'Transition function of fleiss_kappa, gwet_ac1, gwet_ac2, percent_agreement and the two-argument krippendorff_alpha';

CREATE FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 20;
COMMENT ON FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text) IS
'Transition function of fleiss_kappa, gwet_ac1, gwet_ac2, percent_agreement and the two-argument krippendorff_alpha';

CREATE FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 20;
COMMENT ON FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, float8) IS
'Transition function of fleiss_kappa, gwet_ac1, gwet_ac2, percent_agreement and the two-argument krippendorff_alpha';

CREATE FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 20;
COMMENT ON FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text, float8) IS
'Transition function of fleiss_kappa, gwet_ac1, gwet_ac2, percent_agreement and the two-argument krippendorff_alpha';

CREATE FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_alpha_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 20;
COMMENT ON FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text) IS
'Transition function of krippendorff_alpha with a level of measurement';

CREATE FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text, float8) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_alpha_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 20;
COMMENT ON FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text, float8) IS
'Transition function of krippendorff_alpha with a level of measurement';

CREATE FUNCTION annot.agree_items_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 100;
COMMENT ON FUNCTION annot.agree_items_combine(internal, internal) IS
'Combine function of the item agreement aggregates: merges per-item tallies by item key';

CREATE FUNCTION annot.agree_items_serialize(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'agree_items_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION annot.agree_items_serialize(internal) IS
'Serialize an item agreement state (format in src/core/FORMAT.md)';

CREATE FUNCTION annot.agree_items_deserialize(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'agree_items_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION annot.agree_items_deserialize(bytea, internal) IS
'Deserialize an item agreement state, validating every length, count and index';

CREATE FUNCTION annot.fleiss_kappa_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'fleiss_kappa_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.fleiss_kappa_final(internal) IS
'Final function of fleiss_kappa';

CREATE FUNCTION annot.fleiss_kappa_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'fleiss_kappa_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.fleiss_kappa_ci_final(internal) IS
'Final function of the _ci variant of fleiss_kappa';

CREATE FUNCTION annot.gwet_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'gwet_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.gwet_final(internal) IS
'Final function of gwet_ac1 and gwet_ac2';

CREATE FUNCTION annot.gwet_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'gwet_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.gwet_ci_final(internal) IS
'Final function of the _ci variant of gwet_ac1 and gwet_ac2';

CREATE FUNCTION annot.percent_agreement_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'percent_agreement_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.percent_agreement_final(internal) IS
'Final function of percent_agreement';

CREATE FUNCTION annot.percent_agreement_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'percent_agreement_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.percent_agreement_ci_final(internal) IS
'Final function of the _ci variant of percent_agreement';

CREATE FUNCTION annot.krippendorff_alpha_final(internal) RETURNS float8
AS 'MODULE_PATHNAME', 'krippendorff_alpha_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.krippendorff_alpha_final(internal) IS
'Final function of krippendorff_alpha';

CREATE FUNCTION annot.krippendorff_alpha_ci_final(internal) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'krippendorff_alpha_ci_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION annot.krippendorff_alpha_ci_final(internal) IS
'Final function of the _ci variant of krippendorff_alpha';

-- Cohen's kappa and the confusion matrix

CREATE AGGREGATE annot.cohen_kappa(label_a anycompatible, label_b anycompatible) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa(anycompatible, anycompatible) IS
'Cohen''s kappa between two raters, one rating pair per row; pairs with a NULL label are left out; NULL when all ratings fall in one category';

CREATE AGGREGATE annot.cohen_kappa(label_a anycompatible, label_b anycompatible, weights text) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa(anycompatible, anycompatible, text) IS
'Weighted Cohen''s kappa, weights unweighted, linear or quadratic on numeric labels, distances between ranks of the observed levels (as R irr and sklearn)';

CREATE AGGREGATE annot.cohen_kappa(label_a anycompatible, label_b anycompatible, weights text, scale text) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa(anycompatible, anycompatible, text, text) IS
'Weighted Cohen''s kappa, weights unweighted, linear or quadratic on numeric labels; scale observed (ranks of the observed levels) or range (label values: the full integer range, as sklearn with labels=)';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible) IS
'Cohen''s kappa with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at 95%';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible, weights text) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible, text) IS
'Weighted Cohen''s kappa (observed levels) with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at 95%';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible, weights text, scale text) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible, text, text) IS
'Weighted Cohen''s kappa on the given scale with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at 95%';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible, weights text, confidence float8) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible, text, float8) IS
'Weighted Cohen''s kappa (observed levels) with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at the given confidence level';

CREATE AGGREGATE annot.cohen_kappa_ci(label_a anycompatible, label_b anycompatible, weights text, scale text, confidence float8) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.cohen_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.cohen_kappa_ci(anycompatible, anycompatible, text, text, float8) IS
'Weighted Cohen''s kappa on the given scale with its asymptotic standard error (Fleiss, Cohen and Everitt 1969, as SAS and statsmodels) and Wald confidence interval at the given confidence level';

CREATE AGGREGATE annot.confusion_matrix(truth anycompatible, predicted anycompatible) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.confusion_matrix_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.confusion_matrix(anycompatible, anycompatible) IS
'Confusion matrix as jsonb: sorted labels, matrix rows = truth, per-class support, predicted, tp, precision, recall and F1, n, accuracy, macro_f1, weighted_f1; see annot.confusion_classes and annot.confusion_cells';

-- Fleiss' kappa, Gwet's AC1/AC2, percent agreement

CREATE AGGREGATE annot.fleiss_kappa(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa(anyelement, anycompatible) IS
'Fleiss'' kappa, generalized to a varying number of ratings per item (irrCAC fleiss.kappa.raw), one row per rating (item, label); NULL labels are missing ratings; items may have any number of ratings';

CREATE AGGREGATE annot.fleiss_kappa(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa(anyelement, anycompatible, text) IS
'Weighted Fleiss'' generalized kappa, weights unweighted, linear, quadratic, ordinal, radical, ratio, circular or bipolar (irrCAC) on numeric labels';

CREATE AGGREGATE annot.fleiss_kappa_ci(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa_ci(anyelement, anycompatible) IS
'Fleiss'' generalized kappa with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.fleiss_kappa_ci(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa_ci(anyelement, anycompatible, text) IS
'Weighted Fleiss'' generalized kappa with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.fleiss_kappa_ci(item anyelement, label anycompatible, weights text, confidence float8) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.fleiss_kappa_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.fleiss_kappa_ci(anyelement, anycompatible, text, float8) IS
'Weighted Fleiss'' generalized kappa with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC at the given confidence level';

CREATE AGGREGATE annot.gwet_ac1(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac1(anyelement, anycompatible) IS
'Gwet''s AC1 (Gwet 2008; irrCAC gwet.ac1.raw), one row per rating (item, label); NULL labels are missing ratings; items may have any number of ratings';

CREATE AGGREGATE annot.gwet_ac2(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac2(anyelement, anycompatible, text) IS
'Gwet''s AC2, the weighted AC1, weights unweighted, linear, quadratic, ordinal, radical, ratio, circular or bipolar (irrCAC) on numeric labels';

CREATE AGGREGATE annot.gwet_ac1_ci(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac1_ci(anyelement, anycompatible) IS
'Gwet''s AC1 with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.gwet_ac1_ci(item anyelement, label anycompatible, confidence float8) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac1_ci(anyelement, anycompatible, float8) IS
'Gwet''s AC1 with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC at the given confidence level';

CREATE AGGREGATE annot.gwet_ac2_ci(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac2_ci(anyelement, anycompatible, text) IS
'Gwet''s AC2 with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.gwet_ac2_ci(item anyelement, label anycompatible, weights text, confidence float8) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.gwet_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.gwet_ac2_ci(anyelement, anycompatible, text, float8) IS
'Gwet''s AC2 with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC at the given confidence level';

CREATE AGGREGATE annot.percent_agreement(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement(anyelement, anycompatible) IS
'Share of agreeing rating pairs within items, averaged over items with two or more ratings (irrCAC pa.coeff.raw), one row per rating (item, label); NULL labels are missing ratings; items may have any number of ratings';

CREATE AGGREGATE annot.percent_agreement(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement(anyelement, anycompatible, text) IS
'Weighted percent agreement, weights unweighted, linear, quadratic, ordinal, radical, ratio, circular or bipolar (irrCAC) on numeric labels';

CREATE AGGREGATE annot.percent_agreement_ci(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement_ci(anyelement, anycompatible) IS
'Percent agreement with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.percent_agreement_ci(item anyelement, label anycompatible, weights text) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement_ci(anyelement, anycompatible, text) IS
'Weighted percent agreement with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC, 95%';

CREATE AGGREGATE annot.percent_agreement_ci(item anyelement, label anycompatible, weights text, confidence float8) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.percent_agreement_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.percent_agreement_ci(anyelement, anycompatible, text, float8) IS
'Weighted percent agreement with linearized standard error and t confidence interval (upper bound capped at 1) as irrCAC at the given confidence level';

-- Krippendorff's alpha

CREATE AGGREGATE annot.krippendorff_alpha(unit anyelement, value anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha(anyelement, anycompatible) IS
'Krippendorff''s alpha, nominal level, one row per value (unit, value); NULL values are missing; units with fewer than 2 values do not count';

CREATE AGGREGATE annot.krippendorff_alpha(unit anyelement, value anycompatible, level text) (
	SFUNC = annot.agree_alpha_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha(anyelement, anycompatible, text) IS
'Krippendorff''s alpha at level nominal, ordinal, interval or ratio (Krippendorff 2011 metrics; non-nominal levels need numeric values), one row per value (unit, value); NULL values are missing; units with fewer than 2 values do not count';

CREATE AGGREGATE annot.krippendorff_alpha_ci(unit anyelement, value anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha_ci(anyelement, anycompatible) IS
'Krippendorff''s alpha, nominal, with standard error by Gwet''s linearization (irrCAC krippen.alpha.raw) and t confidence interval capped at 1, 95%';

CREATE AGGREGATE annot.krippendorff_alpha_ci(unit anyelement, value anycompatible, level text) (
	SFUNC = annot.agree_alpha_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha_ci(anyelement, anycompatible, text) IS
'Krippendorff''s alpha at the given level with standard error by Gwet''s linearization (irrCAC krippen.alpha.raw) and t confidence interval capped at 1, 95%';

CREATE AGGREGATE annot.krippendorff_alpha_ci(unit anyelement, value anycompatible, level text, confidence float8) (
	SFUNC = annot.agree_alpha_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.krippendorff_alpha_ci_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.krippendorff_alpha_ci(anyelement, anycompatible, text, float8) IS
'Krippendorff''s alpha at the given level with standard error by Gwet''s linearization (irrCAC krippen.alpha.raw) and t confidence interval capped at 1 at the given confidence level';

-- Reading a confusion matrix back as rows

CREATE FUNCTION annot.confusion_classes(cm jsonb,
	OUT label text, OUT support bigint, OUT predicted bigint, OUT tp bigint,
	OUT "precision" float8, OUT recall float8, OUT f1 float8)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT c->>'label', (c->>'support')::bigint, (c->>'predicted')::bigint,
		(c->>'tp')::bigint, (c->>'precision')::float8, (c->>'recall')::float8,
		(c->>'f1')::float8
	FROM jsonb_array_elements(cm->'classes') AS c;
END;
COMMENT ON FUNCTION annot.confusion_classes(jsonb) IS
'One row per class of an annot.confusion_matrix result: support (truth count), predicted count, true positives, precision, recall, F1 (precision or recall NULL when undefined)';

CREATE FUNCTION annot.confusion_cells(cm jsonb,
	OUT truth text, OUT predicted text, OUT n bigint)
RETURNS SETOF record
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT cm->'labels'->>(r.i - 1)::int, cm->'labels'->>(c.j - 1)::int, c.v::text::bigint
	FROM jsonb_array_elements(cm->'matrix') WITH ORDINALITY AS r(row, i),
		jsonb_array_elements(r.row) WITH ORDINALITY AS c(v, j);
END;
COMMENT ON FUNCTION annot.confusion_cells(jsonb) IS
'One row per cell of an annot.confusion_matrix result: truth label, predicted label, count (zero cells included)';
