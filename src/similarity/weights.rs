//! The logistic-regression weights of the features, fitted on the MSRP
//! training pairs (see the module docs of [`super`] for how).

use super::N_FEATURES;

/// One weight per feature, in the order [`super::features`] returns them.
pub(super) const WEIGHTS: [(&str, f64); N_FEATURES] = [
    ("word_dice", 5.8823),
    ("char3_dice", 6.5229),
    ("content_bigram_dice", -2.4047),
    ("trigram_dice", -1.7830),
    ("length_gap", -4.7421),
    // Set by design, not fitted: a different number or date lowers hard.
    ("value_conflict", -1.0),
    ("negation_mismatch", -1.2967),
];

/// The intercept.
pub(super) const INTERCEPT: f64 = -4.9112;
