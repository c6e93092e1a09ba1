//! Word tables for the fact scanner, by topic. Lookups take the
//! normalised (lower case, folded apostrophes and dashes) form of a token
//! unless they say they take the raw text.

mod holidays;
mod money;
mod nouns;
mod numbers;
mod time;

pub(crate) use holidays::*;
pub(crate) use money::*;
pub(crate) use nouns::*;
pub(crate) use numbers::*;
pub(crate) use time::*;
