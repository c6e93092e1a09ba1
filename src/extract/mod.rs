//! Per-report extraction: quotes with their speakers, facts and
//! statements. Pure, and independent of every other report, so it runs in
//! parallel (and could run on another machine: every output is serde).

pub(crate) mod facts;
pub(crate) mod names;
pub(crate) mod quotes;

pub use facts::{Annual, Direction, Origin, TimeRef};
pub use quotes::QuoteMarks;
pub(crate) mod speakers;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::report::Report;
use crate::span::Span;
use crate::text::{BlockKind, Document};

/// A direct quote: the quoted words (without the marks) and who said them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    #[serde(flatten)]
    pub span: Span,
    /// Exactly `report.text[span]`.
    pub text: String,
    /// The speaker's canonical name within the report (the full name where
    /// the report gives one), or `None` when nothing supports one.
    pub speaker: Option<String>,
    /// The mention the speaker was resolved from ("he", "the premier", "Li").
    #[serde(flatten, with = "crate::span::speaker_span")]
    pub speaker_span: Option<Span>,
    /// How sure the attribution is, `0.0..=1.0` (0 without a speaker): a
    /// full name beside the quote 0.95, a surname 0.9, a description
    /// ("Grassley spokesperson") 0.8, a pronoun 0.7, a role or a document
    /// resolved through the report 0.65; 15% less when the mention is in
    /// an earlier sentence (a continuation, a turn, a remark after the
    /// sentence about its speaker). Attribution differences rest only on
    /// speakers of 0.85 or more.
    #[serde(default)]
    pub speaker_confidence: f32,
    /// Whole remark, or a few words quoted inside narrative.
    pub kind: QuoteKind,
    /// Index into [`Extraction::sentences`] of the sentence the quote
    /// starts in.
    #[serde(default)]
    pub sentence: usize,
}

/// How a quote sits in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// A remark quoted as a clause or more.
    Full,
    /// A few words quoted inside the reporter's sentence
    /// (hailed “flourishing” ties).
    Partial,
    /// A few words in quote marks that nobody is said to have said: scare
    /// quotes (a “no limits” partnership).
    Scare,
    /// The name of a work or slogan in quote marks (“The Art of the Deal”).
    Title,
}

/// Settings for [`extract_with`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExtractConfig {
    /// Which quotation marks delimit quotes.
    pub quote_marks: QuoteMarks,
}

/// What a fact measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FactKind {
    /// A bare number ("240").
    Number,
    /// A number of things ("37 people").
    Count,
    /// An amount of money ("$240 billion").
    Money,
    /// A percentage ("1.6%").
    Percent,
    /// A calendar date ("Aug. 21, 2024").
    Date,
    /// A day of the week ("Wednesday").
    Weekday,
    /// A time relative to publication ("two weeks ago", "last month").
    RelativeTime,
    /// A length of time ("four-day trip").
    Duration,
    /// A year ("2023").
    Year,
    /// An ordinal ("fifth term").
    Ordinal,
    /// A person's age in years ("Mattis, 68,", "the 76-year-old Pelosi",
    /// "aged 68").
    Age,
    /// A vote tally or score, as written ("voted 97-1", "a 134-to-63
    /// vote", "won 3-1").
    Tally,
}

/// A normalised fact value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    /// Plain numbers, counts, percentages (1.6 for "1.6%"), years, ordinals.
    Number(f64),
    /// Money: the amount in units of the currency (ISO 4217 code).
    Money {
        /// Amount in units ("$240 billion" → 240e9).
        amount: f64,
        /// ISO 4217 code, e.g. "USD".
        currency: String,
    },
    /// A duration: amount and unit (`day`, `week`, `month`, `year`, `hour`, `minute`).
    Duration {
        /// How many units.
        amount: f64,
        /// The unit, singular.
        unit: String,
    },
    /// A tally or score: the two figures in the order written ("97-1").
    Tally {
        /// The figure written first.
        first: f64,
        /// The figure written second.
        second: f64,
    },
}

/// A hedge or emphasis on a value ("more than", "nearly", "record").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Qualifier {
    /// "more than", "over", "above".
    MoreThan,
    /// "less than", "under", "below", "fewer than".
    LessThan,
    /// "at least".
    AtLeast,
    /// "at most", "no more than".
    AtMost,
    /// "up to".
    UpTo,
    /// "about", "around", "roughly", "some", "approximately".
    About,
    /// "nearly", "almost", "close to".
    Nearly,
    /// "record", "all-time high".
    Record,
    /// "exactly", "precisely", "all 2,000", "a full 40 years": a point
    /// figure stated as exact.
    Exactly,
}

/// A number, amount, date or time found in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// The expression, qualifier included ("more than two weeks ago").
    #[serde(flatten)]
    pub span: Span,
    /// Exactly `report.text[span]`.
    pub text: String,
    /// What it measures.
    pub kind: FactKind,
    /// The normalised value, where it is numeric.
    pub value: Option<FactValue>,
    /// The calendar date a date, weekday or relative time refers to, when
    /// the publication date allows. In a comparison, an undated report's
    /// times are resolved against the earliest date of its event
    /// ([`Extraction::resolve_times`]).
    pub resolved: Option<Date>,
    /// What a time expression says before it is resolved ("Sunday" is the
    /// Sunday on or before the reference date); `None` for other facts and
    /// for dates that give their year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeRef>,
    /// A hedge on the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    /// What is counted or measured, normalised ("people", "trip"), if said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Index into [`Extraction::sentences`] of its sentence.
    #[serde(default)]
    pub sentence: usize,
}

/// A sentence of the reporter's own prose: a claim that can be matched
/// across outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The sentence.
    #[serde(flatten)]
    pub span: Span,
    /// Exactly `report.text[span]`.
    pub text: String,
    /// Index into [`Extraction::sentences`].
    #[serde(default)]
    pub sentence: usize,
}

/// Everything found in one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The report's id.
    #[serde(rename = "id")]
    pub report: String,
    /// The outlet, given or inferred from a byline or dateline.
    pub outlet: Option<String>,
    /// The publication date, if known.
    pub published: Option<Date>,
    /// The headline, given or found in the text.
    pub title: Option<String>,
    /// The body sentences in text order, as the text stage laid them out:
    /// every quote, fact and statement names its sentence by index here.
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// Direct quotes in text order.
    pub quotes: Vec<Quote>,
    /// Facts in text order.
    pub facts: Vec<Fact>,
    /// Statements in text order.
    pub statements: Vec<Statement>,
}

/// Extracts quotes, speakers, facts and statements from one report.
///
/// ```
/// use corroborate::{extract, Report};
/// let report = Report::new("r", "“We will win,” Jane Doe said on Monday.");
/// let found = extract(&report);
/// assert_eq!(found.quotes[0].text, "We will win,");
/// assert_eq!(found.quotes[0].speaker.as_deref(), Some("Jane Doe"));
/// ```
pub fn extract(report: &Report) -> Extraction {
    extract_with(report, &ExtractConfig::default())
}

/// [`extract`] with explicit settings.
pub fn extract_with(report: &Report, config: &ExtractConfig) -> Extraction {
    let text = report.text.as_str();
    let doc = Document::analyze(text, report.body_start());
    let mut quotes = quotes::find(text, &doc, &config.quote_marks);
    let quote_spans: Vec<_> = quotes.iter().map(|q| q.span).collect();
    let names = names::Names::find(text, &doc, &quote_spans);
    speakers::attribute(text, &doc, &names, &mut quotes);
    for q in &mut quotes {
        if q.kind == QuoteKind::Partial && q.speaker.is_none() {
            q.kind = QuoteKind::Scare;
        }
    }
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| s.span).collect();
    let facts = facts::find_facts(&doc, report.published);
    let statements = statements(text, &doc, &quotes);
    let title = report
        .title
        .clone()
        .or_else(|| doc.title.map(|s| s.text(text).to_string()));
    Extraction {
        report: report.id.clone(),
        outlet: report.outlet.clone().or(doc.outlet.clone()),
        published: report.published,
        title,
        sentences,
        quotes,
        facts,
        statements,
    }
}

/// Body sentences that are mostly the reporter's words: a sentence that is
/// mostly quotation is represented by its quotes instead.
fn statements(text: &str, doc: &Document, quotes: &[Quote]) -> Vec<Statement> {
    // Quotes and sentences are both in text order: walk them together.
    let mut first = 0;
    let mut out = Vec::new();
    for (index, s) in doc.sentences.iter().enumerate() {
        if doc.paragraphs[s.paragraph].kind != BlockKind::Body {
            continue;
        }
        while first < quotes.len() && quotes[first].span.end <= s.span.start {
            first += 1;
        }
        let quoted: usize = quotes[first..]
            .iter()
            .take_while(|q| q.span.start < s.span.end)
            .filter(|q| q.span.overlaps(s.span))
            .map(|q| q.span.end.min(s.span.end) - q.span.start.max(s.span.start))
            .sum();
        let words = s.span.text(text).split_whitespace().count();
        if quoted * 2 < s.span.len() && words >= 4 {
            out.push(Statement {
                span: s.span,
                text: s.span.text(text).to_string(),
                sentence: index,
            });
        }
    }
    out
}
