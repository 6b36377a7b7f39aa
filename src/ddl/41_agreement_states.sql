-- since 0.2.0
-- Agreement states as SQL types (the hll/tdigest model): aggregates build
-- them from ratings and merge stored ones, readers compute any coefficient
-- with its interval from them.  Daily or per-annotator states kept in a
-- table roll up at query time to exactly what one aggregate over all the
-- rows gives.  Wire and text form: src/core/FORMAT.md, "Agreement states".

CREATE TYPE annot.agreement_pairs;

CREATE FUNCTION annot.agreement_pairs_in(cstring) RETURNS annot.agreement_pairs
AS 'MODULE_PATHNAME', 'agreement_pairs_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION annot.agreement_pairs_out(annot.agreement_pairs) RETURNS cstring
AS 'MODULE_PATHNAME', 'agreement_pairs_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION annot.agreement_pairs_recv(internal) RETURNS annot.agreement_pairs
AS 'MODULE_PATHNAME', 'agreement_pairs_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION annot.agreement_pairs_send(annot.agreement_pairs) RETURNS bytea
AS 'MODULE_PATHNAME', 'agreement_pairs_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5;

CREATE TYPE annot.agreement_pairs (
	INPUT = annot.agreement_pairs_in,
	OUTPUT = annot.agreement_pairs_out,
	RECEIVE = annot.agreement_pairs_recv,
	SEND = annot.agreement_pairs_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE annot.agreement_pairs IS
'State of two-rater agreement (Cohen''s kappa, confusion matrix): the table of rating pairs by category; built by annot.agreement_pairs(a, b), merged by annot.agreement_merge, read by annot.cohen_kappa(state) and annot.confusion_matrix(state); text form base64 of the wire format';
COMMENT ON FUNCTION annot.agreement_pairs_in(cstring) IS
'Text input of annot.agreement_pairs: base64 of the wire format, validated';
COMMENT ON FUNCTION annot.agreement_pairs_out(annot.agreement_pairs) IS
'Text output of annot.agreement_pairs: base64 of the wire format';
COMMENT ON FUNCTION annot.agreement_pairs_recv(internal) IS
'Binary input of annot.agreement_pairs: the wire format, validated';
COMMENT ON FUNCTION annot.agreement_pairs_send(annot.agreement_pairs) IS
'Binary output of annot.agreement_pairs: the wire format';

CREATE TYPE annot.agreement_items;

CREATE FUNCTION annot.agreement_items_in(cstring) RETURNS annot.agreement_items
AS 'MODULE_PATHNAME', 'agreement_items_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 20;
CREATE FUNCTION annot.agreement_items_out(annot.agreement_items) RETURNS cstring
AS 'MODULE_PATHNAME', 'agreement_items_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
CREATE FUNCTION annot.agreement_items_recv(internal) RETURNS annot.agreement_items
AS 'MODULE_PATHNAME', 'agreement_items_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 20;
CREATE FUNCTION annot.agreement_items_send(annot.agreement_items) RETURNS bytea
AS 'MODULE_PATHNAME', 'agreement_items_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 5;

CREATE TYPE annot.agreement_items (
	INPUT = annot.agreement_items_in,
	OUTPUT = annot.agreement_items_out,
	RECEIVE = annot.agreement_items_recv,
	SEND = annot.agreement_items_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = extended
);
COMMENT ON TYPE annot.agreement_items IS
'State of many-rater agreement (Fleiss, Gwet, percent agreement, Krippendorff): ratings tallied per item and category, sorted; built by annot.agreement_items(item, label), merged by annot.agreement_merge, read by annot.fleiss_kappa(state) and its siblings; text form base64 of the wire format';
COMMENT ON FUNCTION annot.agreement_items_in(cstring) IS
'Text input of annot.agreement_items: base64 of the wire format, validated and stored sorted';
COMMENT ON FUNCTION annot.agreement_items_out(annot.agreement_items) IS
'Text output of annot.agreement_items: base64 of the wire format';
COMMENT ON FUNCTION annot.agreement_items_recv(internal) IS
'Binary input of annot.agreement_items: the wire format, validated and stored sorted';
COMMENT ON FUNCTION annot.agreement_items_send(annot.agreement_items) IS
'Binary output of annot.agreement_items: the wire format';

-- Building states from ratings, merging stored states

CREATE FUNCTION annot.agreement_pairs_final(internal) RETURNS annot.agreement_pairs
AS 'MODULE_PATHNAME', 'agreement_pairs_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 10;
COMMENT ON FUNCTION annot.agreement_pairs_final(internal) IS
'Final function of agreement_pairs and agreement_merge(agreement_pairs): the state in its stored form';

CREATE FUNCTION annot.agreement_items_final(internal) RETURNS annot.agreement_items
AS 'MODULE_PATHNAME', 'agreement_items_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION annot.agreement_items_final(internal) IS
'Final function of agreement_items and agreement_merge(agreement_items): the state sorted, in its stored form';

CREATE FUNCTION annot.agreement_pairs_merge_transfn(internal, annot.agreement_pairs) RETURNS internal
AS 'MODULE_PATHNAME', 'agreement_pairs_merge_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;
COMMENT ON FUNCTION annot.agreement_pairs_merge_transfn(internal, annot.agreement_pairs) IS
'Transition function of agreement_merge(agreement_pairs): adds a stored state''s pair counts';

CREATE FUNCTION annot.agreement_items_merge_transfn(internal, annot.agreement_items) RETURNS internal
AS 'MODULE_PATHNAME', 'agreement_items_merge_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 10;
COMMENT ON FUNCTION annot.agreement_items_merge_transfn(internal, annot.agreement_items) IS
'Transition function of agreement_merge(agreement_items): keeps a stored state to be merged, sorted, by the final function';

CREATE AGGREGATE annot.agreement_pairs(label_a anycompatible, label_b anycompatible) (
	SFUNC = annot.agree_pair_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.agreement_pairs_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.agreement_pairs(anycompatible, anycompatible) IS
'The agreement state of two raters, one rating pair per row (pairs with a NULL label left out): store it, merge it with annot.agreement_merge, read it with annot.cohen_kappa(state) or annot.confusion_matrix(state); NULL over no rows';

CREATE AGGREGATE annot.agreement_items(item anyelement, label anycompatible) (
	SFUNC = annot.agree_items_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.agreement_items_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.agreement_items(anyelement, anycompatible) IS
'The agreement state of any number of raters, one rating per row (item, label; NULL labels are missing ratings): store it, merge it with annot.agreement_merge, read it with annot.fleiss_kappa(state), gwet_ac1, gwet_ac2, percent_agreement or krippendorff_alpha; NULL over no rows';

CREATE AGGREGATE annot.agreement_merge(state annot.agreement_pairs) (
	SFUNC = annot.agreement_pairs_merge_transfn,
	STYPE = internal,
	SSPACE = 4096,
	FINALFUNC = annot.agreement_pairs_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_pair_combine,
	SERIALFUNC = annot.agree_pair_serialize,
	DESERIALFUNC = annot.agree_pair_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.agreement_merge(annot.agreement_pairs) IS
'Merge stored pair states (NULLs skipped): the state of all their rating pairs, equal to annot.agreement_pairs over the rows they came from';

CREATE AGGREGATE annot.agreement_merge(state annot.agreement_items) (
	SFUNC = annot.agreement_items_merge_transfn,
	STYPE = internal,
	SSPACE = 16384,
	FINALFUNC = annot.agreement_items_final,
	FINALFUNC_MODIFY = READ_ONLY,
	COMBINEFUNC = annot.agree_items_combine,
	SERIALFUNC = annot.agree_items_serialize,
	DESERIALFUNC = annot.agree_items_deserialize,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE annot.agreement_merge(annot.agreement_items) IS
'Merge stored item states (NULLs skipped; ratings of one item may come from several states): the state of all their ratings, equal to annot.agreement_items over the rows they came from';

-- Reading coefficients from a state

CREATE FUNCTION annot.cohen_kappa(state annot.agreement_pairs,
	weights text DEFAULT 'unweighted', scale text DEFAULT 'observed',
	confidence float8 DEFAULT 0.95) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'cohen_kappa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION annot.cohen_kappa(annot.agreement_pairs, text, text, float8) IS
'Cohen''s kappa of a pair state with its standard error and Wald interval, as the aggregate cohen_kappa_ci: weights unweighted, linear or quadratic, scale observed or range, confidence level in (0,1)';

CREATE FUNCTION annot.confusion_matrix(state annot.agreement_pairs) RETURNS jsonb
AS 'MODULE_PATHNAME', 'confusion_matrix' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 100;
COMMENT ON FUNCTION annot.confusion_matrix(annot.agreement_pairs) IS
'The confusion matrix of a pair state as the aggregate confusion_matrix gives it (first rater = truth)';

CREATE FUNCTION annot.fleiss_kappa(state annot.agreement_items,
	weights text DEFAULT 'unweighted', confidence float8 DEFAULT 0.95) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'fleiss_kappa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.fleiss_kappa(annot.agreement_items, text, float8) IS
'Fleiss'' generalized kappa of an item state with its standard error and t interval, as the aggregate fleiss_kappa_ci';

CREATE FUNCTION annot.gwet_ac1(state annot.agreement_items,
	confidence float8 DEFAULT 0.95) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'gwet_ac1' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.gwet_ac1(annot.agreement_items, float8) IS
'Gwet''s AC1 of an item state with its standard error and t interval, as the aggregate gwet_ac1_ci';

CREATE FUNCTION annot.gwet_ac2(state annot.agreement_items, weights text,
	confidence float8 DEFAULT 0.95) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'gwet_ac2' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.gwet_ac2(annot.agreement_items, text, float8) IS
'Gwet''s AC2 (weighted AC1) of an item state with its standard error and t interval, as the aggregate gwet_ac2_ci';

CREATE FUNCTION annot.percent_agreement(state annot.agreement_items,
	weights text DEFAULT 'unweighted', confidence float8 DEFAULT 0.95) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'percent_agreement' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.percent_agreement(annot.agreement_items, text, float8) IS
'Percent agreement of an item state with its standard error and t interval, as the aggregate percent_agreement_ci';

CREATE FUNCTION annot.krippendorff_alpha(state annot.agreement_items,
	level text DEFAULT 'nominal', confidence float8 DEFAULT 0.95) RETURNS annot.agreement
AS 'MODULE_PATHNAME', 'krippendorff_alpha' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION annot.krippendorff_alpha(annot.agreement_items, text, float8) IS
'Krippendorff''s alpha of an item state at level nominal, ordinal, interval or ratio with its standard error and t interval, as the aggregate krippendorff_alpha_ci';
