//! Word lists, kept apart from the algorithms that read them so each can be
//! read, extended and tested on its own. Every list is English news usage,
//! and every word is in its normalised form (lower case, typographic
//! apostrophes folded). A leaf module: it uses no other part of the crate.

pub(crate) mod abbreviations;
mod function_words;
pub(crate) mod names;
pub(crate) mod news;
pub(crate) mod speech;

pub(crate) use function_words::{is_negation, is_possessive_determiner, is_stopword, is_weekday};
