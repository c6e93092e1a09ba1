//! Speakers (stub).
use super::{names::Names, Quote};
use crate::text::Document;
pub(crate) fn attribute(_text: &str, _doc: &Document, _names: &Names, _quotes: &mut [Quote]) {}
