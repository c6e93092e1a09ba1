//! The logistic-regression weights of the features (see the module docs of
//! [`super`] for what each feature measures and how the weights were fitted).

use super::N_FEATURES;

/// One weight per feature, in the order [`super::features`] returns them.
pub(super) const WEIGHTS: [(&str, f64); N_FEATURES] = [
    ("word_cov_min", 6.1105),
    ("content_cov_min", 1.5109),
    ("content_cov_max", 1.319),
    ("wordy_cov_min", -2.0983),
    ("content_bigram_dice", -1.6422),
    ("ngram_min", -8.4077),
    ("ngram_min_sq", 5.1753),
    ("char3_dice", 2.6082),
    ("lcs_ratio", 3.7962),
    ("length_ratio", -4.4053),
    ("length_diff", -6.2543),
    ("log_length", 3.8887),
    ("extra_weight_max", -0.6908),
    ("gap_run_max", -0.8553),
    ("extra_count_max", 1.0663),
    ("value_conflict", -0.5),
    ("negation_mismatch", -1.2),
    ("attribution_mismatch", 0.1752),
    ("number_share", -1.6187),
];

/// The intercept.
pub(super) const INTERCEPT: f64 = -1.7756;
