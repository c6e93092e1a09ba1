//! corroborate (in progress).
#![deny(missing_docs)]

mod error;
mod extract;
mod report;
mod similarity;
mod span;
mod text;

pub use crate::error::{Error, Result};
pub use crate::extract::{extract, Extraction, Fact, FactKind, FactValue, Qualifier, Quote, QuoteKind, Statement};
pub use crate::report::{expand_paths, load, load_with, parse_bytes, read_file, LoadOptions, Report};
pub use crate::similarity::similarity;
pub use crate::span::Span;
