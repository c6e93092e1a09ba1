//! The crate's one error type.

use std::path::PathBuf;

/// Everything that can go wrong, all of it at the input boundary: reading
/// files and parsing reports. Pipeline stages cannot fail.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A file is not valid UTF-8.
    #[error("{origin}: not valid UTF-8 (first invalid byte at offset {offset})")]
    NotUtf8 {
        /// Where the report came from (file, and line for JSONL).
        origin: String,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A report has no text.
    #[error("{origin}: empty report (no text)")]
    Empty {
        /// Where the report came from.
        origin: String,
    },
    /// A JSON or JSONL report could not be parsed.
    #[error("{origin}: invalid JSON at line {line}, column {column}: {message}")]
    Json {
        /// Where the report came from.
        origin: String,
        /// 1-based line in the file.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser said.
        message: String,
    },
    /// A publication date is not a valid `YYYY-MM-DD` date.
    #[error("{origin}: invalid date {value:?} (expected YYYY-MM-DD)")]
    Date {
        /// Where the report came from.
        origin: String,
        /// The offending text.
        value: String,
    },
    /// Two reports share one id.
    #[error("duplicate report id {id:?}: in {first} and in {second}")]
    DuplicateId {
        /// The shared id.
        id: String,
        /// Where the first one came from.
        first: String,
        /// Where the second one came from.
        second: String,
    },
    /// A report is larger than the configured limit.
    #[error("{origin}: report is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// Where the report came from.
        origin: String,
        /// Its size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The inputs together are larger than the configured total limit.
    #[error("{origin}: reading it brings the input to {total} bytes, over the total limit of {limit} bytes")]
    TotalTooLarge {
        /// The input that would pass the limit.
        origin: String,
        /// The total in bytes with it.
        total: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A path is neither a directory nor a `.txt`, `.json` or `.jsonl` file.
    #[error("{path}: unsupported input (expected a directory or a .txt, .json or .jsonl file)")]
    Unsupported {
        /// The path given.
        path: PathBuf,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
