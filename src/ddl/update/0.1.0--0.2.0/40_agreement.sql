-- Honest planner costs of the agreement aggregates' support functions:
-- per row, a transition costs about as much as 5 (pairs) or 20 (items)
-- simple operators; final functions sort and sum over the whole state.

ALTER FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible) COST 5;
ALTER FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text) COST 5;
ALTER FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text) COST 5;
ALTER FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, float8) COST 5;
ALTER FUNCTION annot.agree_pair_transfn(internal, anycompatible, anycompatible, text, text, float8) COST 5;
ALTER FUNCTION annot.agree_pair_combine(internal, internal) COST 10;
ALTER FUNCTION annot.agree_pair_serialize(internal) COST 10;
ALTER FUNCTION annot.agree_pair_deserialize(bytea, internal) COST 10;
ALTER FUNCTION annot.cohen_kappa_final(internal) COST 100;
ALTER FUNCTION annot.confusion_matrix_final(internal) COST 100;
ALTER FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible) COST 20;
ALTER FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text) COST 20;
ALTER FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, float8) COST 20;
ALTER FUNCTION annot.agree_items_transfn(internal, anyelement, anycompatible, text, float8) COST 20;
ALTER FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text) COST 20;
ALTER FUNCTION annot.agree_alpha_transfn(internal, anyelement, anycompatible, text, float8) COST 20;
ALTER FUNCTION annot.agree_items_combine(internal, internal) COST 100;
ALTER FUNCTION annot.agree_items_serialize(internal) COST 100;
ALTER FUNCTION annot.agree_items_deserialize(bytea, internal) COST 100;
ALTER FUNCTION annot.fleiss_kappa_final(internal) COST 1000;
ALTER FUNCTION annot.gwet_final(internal) COST 1000;
ALTER FUNCTION annot.percent_agreement_final(internal) COST 1000;
ALTER FUNCTION annot.krippendorff_alpha_final(internal) COST 1000;
