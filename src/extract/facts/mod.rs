//! Facts: numbers, counts, money, percentages, dates, weekdays, relative
//! times, durations, years and ordinals, with normalised values.
//!
//! # What is recognised
//!
//! - **Numbers** in digits ("240", "1,200", "12.5 million", "99bn") or words
//!   ("two", "twenty-one", "three dozen", "a quarter", "two and half",
//!   "half a million", "two-thirds", "25 lakh", "four hundred crore"). A
//!   number written in words is only reported when it says something: with
//!   a noun, unit, scale, fraction or qualifier, as a part ("Fifteen of the
//!   19") or as what a figure came to ("rose to nineteen."); "one of the
//!   largest" and "the two met" are not facts. The
//!   glued "m", "k" and "b" count only for money or before a plural noun
//!   ("€3.5m", "1.5m barrels", but not "100m sprint"). A hyphenated range
//!   ("10-15") gives one fact per number.
//! - **Tallies**: two figures of a vote or score, as written ("voted 97-1",
//!   "a 396-9 vote" with `unit` "vote", "by a vote of 134 to 63", "a
//!   134-to-63 vote", "won 3-1"): a word of voting or winning next to them,
//!   "-to-", or a first figure not below the second. Never year ranges
//!   ("2010-2013"), chains, phone numbers or "9-11".
//! - **Ages**: "Mattis, 68, had said", "aged 68", "at age 45", "the
//!   76-year-old Pelosi", "71 years old" (value in years, no `unit`);
//!   "six-month-old" is a count with `unit` "months old".
//! - **Counts**: a number and the noun it counts ("37 people", "two nominal
//!   heads", "1,200 Russian soldiers"). The span runs to the noun; `unit` is
//!   the head noun in lower case *as written* (plural kept: "people",
//!   "heads"). More than one of something needs a plural noun, so "two met"
//!   is no count. Short noun compounds count their last noun ("two law
//!   enforcement officials", "16 House-passed measures"); a few nouns count
//!   through a hyphen after a number word ("a seven-count indictment").
//!   Currency names are never the counted noun.
//! - **Money**: a symbol or code before the amount ("$", "US$", "HK$", "€",
//!   "£", "¥", "₽", "₹", "USD 5", "Rs. 300", "RM 7"), glued to it
//!   ("EUR12.50", "RM7", "USD5bn"), or a currency word, code or symbol after
//!   it ("yuan", "rubles", "US dollars", "Hong Kong dollars", "5 billion
//!   won", "9 KWD", "15€"); "a pound", "a dollar" are one; with
//!   scales as words or abbreviations ("billion", "bn", "m", "k"). The value
//!   is the amount in units with the ISO 4217 code; "¥" is taken as JPY and
//!   bare "dollars" as USD.
//! - **Percentages**: "1.6%", "12 percent", "12 per cent", "3 percentage
//!   points" (value 1.6 for "1.6%"; `unit` "percentage points" for points).
//! - **Years**: a plain four-digit number from 1900 to 2199 ("in 2023",
//!   "since 1996", "the 2024 election"), or from 1000 after a preposition
//!   ("in 1812"), unless a qualifier or a word like "people" makes it a
//!   count. "2022-23" is one year fact (the first year).
//! - **Ordinals**: "first", "fifth term", "twenty-first", "3rd", "21st
//!   century", "second-largest economy", "second largest") and ranks ("No. 2
//!   official"; "No 10" without a noun is Downing Street and skipped). Word
//!   ordinals need a noun or superlative after them, so adverbial "first"
//!   ("was first elected") is skipped; "second" is the ordinal before a noun
//!   and the unit of time otherwise ("30 seconds"), and idioms ("wait a
//!   second", "third party", "First Lady", "Second World War") are skipped.
//! - **Dates**: "Aug. 21, 2024", "August 21", "21 August 2024", "the 21st of
//!   August", "2024-08-21", "21.08.2024", "8/21/2024", month and year
//!   ("Feb. 2022", "February 2022"), a bare month ("in March", "June was
//!   hot", "July this year", "mid-May"; not before a capital or a verb of
//!   saying: "June Carter said"), ordinal days ("the fourth of July", "the
//!   first day of May 2019", "on the 21st", "Friday the 13th"), the nth
//!   weekday of a month ("the last Friday of June", "the second Tuesday of
//!   the month"), quarters ("Q3 2023", "2021Q2", "the fourth quarter") and
//!   holidays, fixed and movable ("Christmas 2019", "last Christmas",
//!   "Good Friday", "Thanksgiving", "Martin Luther King Jr. Day"; not
//!   "Christmas tree" or "Easter Island"). A leading weekday, full or
//!   abbreviated, joins the date ("Saturday, March 25, 2023", "Sat, Aug
//!   3").
//! - **Weekdays**: "Wednesday", "on Sunday", "Sunday’s meeting" (the span is
//!   "Sunday", without the possessive). Names such as "Black Friday" and
//!   "the Sunday Times" are skipped.
//! - **Relative times**: "yesterday", "today", "tomorrow", "last night",
//!   "the day before yesterday", "this/last/next quarter", "the past month",
//!   "the coming week", "in 10 days", "in a month" (not "was built in 10
//!   days" or "the first official in 40 years": durations), "last/this/next week, month, year, weekend",
//!   "earlier this year",
//!   "late last year", "last Friday", "next Tuesday", "last February", and
//!   counted ones ("two weeks ago", "a month ago", "nearly two and half years
//!   ago", "three days from now"). Times counted from the time of the
//!   sentence: "less than a month after Xi's visit" and "two days before
//!   the vote" date what follows them (the span ends with "after" or
//!   "before"); "the month before", "the day after", "the previous week",
//!   "the following month" date the sentence itself. Not when they measure
//!   a stretch ("for three years before joining", "in the two weeks before
//!   the vote": durations) or count from something named after them ("the
//!   day before the vote": nothing).
//! - **Durations**: "four-day trip" (the noun is in the span and is the
//!   `unit`), "two days of talks", "for three years", "an hour and a half",
//!   "less than a month", "a quarter of a century" (25 years), "a fortnight"
//!   (2 weeks); "4 years and 6 months" is one duration in the smaller unit
//!   (54 months). Rates ("twice a year", "barrels a day") are not
//!   durations.
//! - **Qualifiers** before a numeric fact are part of its span and set
//!   `qualifier`: "more than", "over", "above", "less than", "fewer than",
//!   "under", "at least", "at most", "no more than", "up to", "as many as",
//!   "about", "around", "roughly", "some", "approximately", "an estimated",
//!   "nearly", "almost", "close to", "record" ("a record $240 billion" gives
//!   the span "record $240 billion"), and "exactly", "precisely", "all",
//!   "a full" (a figure stated as exact: "all 2,000 troops").
//!
//! Not facts: numbers glued into names and codes ("COVID-19", "G7",
//! "Airbus A320", "Su-57", "Boeing 737", "World War II"), clock times
//! ("10:47 am", "3 p.m."), phone numbers, slash and hyphen chains ("24/7",
//! "9/11", "555-0123"), decades ("1990s") and numbers with unknown
//! suffixes ("1e999", "4G").
//!
//! # Values and resolution
//!
//! `value` is `Number` for numbers, counts, percentages, years, ordinals
//! and ages, `Tally` for tallies, `Money` for money and `Duration`
//! (singular unit: second,
//! minute, hour, day, week, month, year; decades and centuries in years)
//! for durations and for relative times that count units ("two weeks ago"
//! → 2 week). Dates, weekdays and the other relative times have none.
//!
//! A date that gives its year is `resolved` as it stands. Every other
//! time expression keeps what it says in `time` (a [`TimeRef`]: "Sunday" is
//! the Sunday on or before the reference, "two weeks ago" the reference
//! less 14 days), and `resolved` is filled from that by one pure function
//! ([`Extraction::resolve_times`](crate::Extraction::resolve_times)), run
//! with the publication date when it is known and, in a comparison, with
//! the earliest date of an undated report's event. The scanner never sees
//! a date. Resolved (when, for dates, the result is a real day):
//!
//! - A date without a year is the occurrence nearest publication ("In
//!   December" in April 2018 is December 2017; "Feb. 28" in December 2018
//!   is February 2019), counted in months for a month or quarter and in days
//!   for a day; a tie (six months either way) is the past. So are holidays
//!   ("Christmas"; "last Christmas" is the one before, "next Easter" the
//!   one after), "the last Friday of June", "on the 21st" (the nearest
//!   month's 21st), "Friday the 13th", and "Sat, Aug 3" (the nearest year
//!   in which it is a Saturday). A month in a range takes the year of the
//!   month that ends it ("between January and July this year").
//! - Quarters resolve to their first day ("this quarter", "Q3 2023").
//! - "the past month" is the publication date less a month, "the coming
//!   month" the publication date: the first day of the stretch.
//! - A date of month precision ("February 2022", "in March", "last
//!   month") resolves to the first day of that month; likewise weeks to
//!   their Monday ("last week") and years to the first of January ("last
//!   year", "earlier this year"), weekends to their Saturday.
//! - "last/next `<Month>`" is that month in the previous/next calendar year
//!   ("last February" in April 2023 is February 2022).
//! - A bare weekday is the most recent such day on or before publication
//!   (news is past tense: "Wednesday" in a Wednesday report is that day),
//!   unless a future marker ("will", "’ll", "shall", "expected",
//!   "scheduled", "upcoming") comes shortly before it in the sentence, when
//!   it is the first such day on or after publication. "last Friday" is
//!   strictly before, "next Tuesday" strictly after, "this Friday" on or
//!   after.
//! - Counted relative times shift the publication date; a fraction of a
//!   month or year is counted in days ("two and half years ago" is 30
//!   months back).
//! - Times counted from the time of the sentence ("a week after", "the
//!   month before") shift the last time fact before them in the sentence
//!   (as resolved), else the publication date; after a bare year ("In 1990, two years after the
//!   war") they stay unresolved. "the month before" is the first day of the
//!   previous month, like "last month".
//! - Ambiguous numeric dates ("05/06/2024") and impossible ones
//!   ("Feb. 30") are still dates, with no resolution.
//!
//! # Complexity
//!
//! Each sentence is tokenised once; the scanner walks the tokens left to
//! right and every pattern looks a bounded number of tokens ahead, so the
//! work is linear in the length of the text. Nothing panics on any input:
//! numbers are parsed by hand and checked for overflow, and dates are made
//! with jiff's fallible constructors.

mod calendar;
mod dates;
mod durations;
pub(crate) mod lexicon;
mod money;
mod numbers;
mod numerals;
mod periods;
mod resolve;
mod tallies;
#[cfg(test)]
mod tests;

pub use calendar::Direction;
pub use resolve::{Annual, Origin, TimeRef};

use std::borrow::Cow;

use jiff::civil::Date;

use super::{Fact, FactKind, FactValue, Qualifier};
use crate::span::Span;
use crate::text::tokens::{Token, TokenKind};
use crate::text::Document;
use lexicon::TimeUnit;

/// Facts of a laid-out report's sentences, in text order and not
/// overlapping, their times resolved against `published` if known.
pub(crate) fn find_facts(doc: &Document, published: Option<Date>) -> Vec<Fact> {
    let scanners = (0..doc.sentences.len()).map(|i| {
        let tokens = doc.tokens_of(i);
        Scanner::new(
            doc.text,
            tokens.iter().map(|t| (*t, Cow::Borrowed(doc.form(t)))),
        )
    });
    collect(scanners, published)
}

/// [`find_facts`] over the given spans, tokenised here: for tests of
/// sentences the layout would not make.
#[cfg(test)]
pub(crate) fn find_facts_in(text: &str, sentences: &[Span], published: Option<Date>) -> Vec<Fact> {
    use crate::text::tokens::{normalize, tokenize};
    let scanners = sentences.iter().map(|&span| {
        let tokens = tokenize(text, span);
        Scanner::new(
            text,
            tokens.into_iter().map(|t| (t, normalize(t.text(text)))),
        )
    });
    collect(scanners, published)
}

/// The facts of each sentence's scanner; `Fact::sentence` is its index.
fn collect<'a>(scanners: impl Iterator<Item = Scanner<'a>>, published: Option<Date>) -> Vec<Fact> {
    let mut out = Vec::new();
    for (index, scanner) in scanners.enumerate() {
        let first = out.len();
        scanner.run(&mut out);
        for fact in &mut out[first..] {
            fact.sentence = index;
        }
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    // Sentences do not overlap, but a caller's spans might.
    let mut last_end = 0;
    out.retain(|f| {
        let keep = f.span.start >= last_end;
        if keep {
            last_end = f.span.end;
        }
        keep
    });
    if let Some(published) = published {
        resolve::resolve_facts(&mut out, published);
    }
    out
}

/// Possessive endings dropped from words ("Sunday’s" → "Sunday").
const POSSESSIVES: [&str; 5] = ["’s", "'s", "ʼs", "’S", "'S"];

/// A token with what the scanner needs to know about it.
struct Tok<'a> {
    span: Span,
    kind: TokenKind,
    raw: &'a str,
    /// Normalised, a possessive "'s" dropped.
    low: Cow<'a, str>,
    /// Bytes of a possessive ending ("’s") at the end of `raw`.
    possessive: usize,
    /// White space before it (false when glued to the previous token).
    gap: bool,
}

/// A fact found by a pattern, before it is turned into a [`Fact`].
struct Hit {
    /// First token.
    start: usize,
    /// One past the last token.
    end: usize,
    kind: FactKind,
    value: Option<FactValue>,
    /// A date that gives its year, resolved as it is.
    resolved: Option<Date>,
    /// What any other time expression says, for resolving it later.
    time: Option<TimeRef>,
    unit: Option<String>,
    /// It starts with an amount, so a qualifier can hang on it.
    numeric: bool,
    /// Leave the last token's possessive ending out of the span.
    trim_possessive: bool,
    /// A hedge the pattern read itself ("in less than a month").
    qualifier: Option<Qualifier>,
}

impl Hit {
    fn new(start: usize, end: usize, kind: FactKind) -> Hit {
        Hit {
            start,
            end,
            kind,
            value: None,
            resolved: None,
            time: None,
            unit: None,
            numeric: false,
            trim_possessive: false,
            qualifier: None,
        }
    }

    fn number(start: usize, end: usize, kind: FactKind, value: f64) -> Hit {
        Hit {
            value: Some(FactValue::Number(value)),
            numeric: true,
            ..Hit::new(start, end, kind)
        }
    }
}

/// What a pattern made of the tokens at a position.
enum Step {
    /// A fact.
    Hit(Hit),
    /// Not a fact, and nothing inside it is either: resume at this token.
    Skip(usize),
}

/// A number as written, before its context decides what it is.
#[derive(Debug, Clone, Copy)]
struct Num {
    start: usize,
    end: usize,
    value: f64,
    /// Written in words ("two", "a quarter").
    words: bool,
    /// The article alone stands for one ("a month ago").
    article: bool,
    /// A multiplier, dozen or fraction applied ("three dozen", "a quarter").
    scaled: bool,
    /// Four plain digits ("2023"): perhaps a year.
    four_digits: bool,
    /// Glued "m", "k" or "b" ("100m"): only money makes sense of it.
    loose_suffix: bool,
}

/// Which noun may end a counted noun phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// More than one of something: the noun must look plural.
    Plural,
    /// One of something: the noun must not look plural.
    Singular,
    /// Either (ordinals, adjectival durations).
    Any,
}

struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Tok<'a>>,
}

impl<'a> Scanner<'a> {
    /// A scanner over one sentence's tokens, each with its normalised form.
    fn new(text: &'a str, tokens: impl Iterator<Item = (Token, Cow<'a, str>)>) -> Scanner<'a> {
        let mut toks: Vec<Tok<'a>> = Vec::new();
        let mut prev_end = None;
        for (token, form) in tokens {
            let raw = token.text(text);
            let possessive = match token.kind {
                TokenKind::Word => POSSESSIVES
                    .iter()
                    .find(|p| raw.len() > p.len() && raw.ends_with(*p))
                    .map_or(0, |p| p.len()),
                _ => 0,
            };
            // Every possessive ending is "'s" once normalised.
            let low = if possessive > 0 {
                match form {
                    Cow::Borrowed(f) => Cow::Borrowed(&f[..f.len() - 2]),
                    Cow::Owned(mut f) => {
                        f.truncate(f.len() - 2);
                        Cow::Owned(f)
                    }
                }
            } else {
                form
            };
            toks.push(Tok {
                span: token.span,
                kind: token.kind,
                raw,
                low,
                possessive,
                gap: prev_end != Some(token.span.start),
            });
            prev_end = Some(token.span.end);
        }
        Scanner { text, toks }
    }

    fn run(&self, out: &mut Vec<Fact>) {
        let mut i = 0;
        while i < self.toks.len() {
            if let Some((qualifier, j)) = self.qualifier(i) {
                if let Some(Step::Hit(hit)) = self.core(j, true) {
                    if hit.numeric && hit.end > j {
                        let end = hit.end;
                        if let Some(fact) = self.fact(Hit { start: i, ..hit }, Some(qualifier)) {
                            out.push(fact);
                        }
                        i = end;
                        continue;
                    }
                }
            }
            match self.core(i, false) {
                Some(Step::Hit(hit)) => {
                    let end = hit.end.max(i + 1);
                    if let Some(fact) = self.fact(hit, None) {
                        out.push(fact);
                    }
                    i = end;
                }
                Some(Step::Skip(end)) => i = end.max(i + 1),
                None => i += 1,
            }
        }
    }

    fn fact(&self, hit: Hit, qualifier: Option<Qualifier>) -> Option<Fact> {
        let first = self.toks.get(hit.start)?;
        let last = self.toks.get(hit.end.checked_sub(1)?)?;
        let trim = if hit.trim_possessive {
            last.possessive
        } else {
            0
        };
        let span = Span::new(first.span.start, last.span.end - trim);
        let text = self.text.get(span.range())?;
        if text.is_empty() {
            return None;
        }
        Some(Fact {
            span,
            text: text.to_string(),
            kind: hit.kind,
            value: hit.value,
            resolved: hit.resolved,
            time: hit.time,
            qualifier: hit.qualifier.or(qualifier),
            unit: hit.unit,
            sentence: 0,
        })
    }

    /// The patterns, most specific first.
    fn core(&self, i: usize, qualified: bool) -> Option<Step> {
        self.date(i)
            .or_else(|| self.relative(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.rank(i))
            .or_else(|| self.money_prefix(i))
            .or_else(|| self.number(i, qualified))
            .or_else(|| self.ordinal(i))
    }

    fn low(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &*t.low)
    }

    fn raw(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| t.raw)
    }

    /// The raw token without a possessive ending.
    fn base_raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &t.raw[..t.raw.len() - t.possessive])
    }

    fn before(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |p| self.low(p))
    }

    /// A month named at token `k`: its number, and the token past it (and
    /// past the full stop of an abbreviation, "Aug.").
    fn month_at(&self, k: usize) -> Option<(i8, usize)> {
        let (month, form) = lexicon::month(self.raw(k))?;
        let dot = form == lexicon::MonthForm::Abbrev && self.raw(k + 1) == "." && self.glued(k + 1);
        Some((month, k + 1 + usize::from(dot)))
    }

    /// Token `i` touches the token before it.
    fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    fn is_num(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// A hyphen glued on both sides ("four-day", "year-on-year").
    fn hyphen(&self, i: usize) -> bool {
        self.low(i) == "-" && self.glued(i) && self.glued(i + 1)
    }

    /// Token `i` opens the sentence or a quotation, so a capital says
    /// nothing about names.
    fn initial(&self, i: usize) -> bool {
        i == 0
            || matches!(
                self.raw(i - 1),
                "“" | "\"" | "‘" | "'" | "(" | "[" | "—" | "–" | ":" | ";" | "«"
            )
    }

    /// A word that can be (part of) the noun a number counts.
    fn is_content(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let w = &*t.low;
        t.kind == TokenKind::Word
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '\'')
            && !crate::text::tokens::is_stopword(w)
            && !lexicon::is_function_word(w)
            && !lexicon::is_verb_like(w)
            && !crate::text::tokens::is_negation(w)
            && lexicon::month(t.raw).is_none()
            && lexicon::weekday(self.base_raw(i)).is_none()
            && lexicon::unit_word(w).is_none()
            && lexicon::tens_word(w).is_none()
            && lexicon::scale_word(w).is_none()
            && !lexicon::is_currency_name(w)
    }

    /// A word of time at `i`, unless it is "second" the ordinal ("a second
    /// term").
    fn time_unit_at(&self, i: usize) -> Option<(TimeUnit, bool)> {
        if !self.is_word(i) || self.hyphen(i + 1) {
            return None;
        }
        let unit = lexicon::time_unit(self.low(i))?;
        if unit.0 == TimeUnit::Second && !unit.1 && self.head(i + 1, Head::Any).is_some() {
            return None;
        }
        Some(unit)
    }

    /// A future marker shortly before token `i`.
    fn future_before(&self, i: usize) -> bool {
        (i.saturating_sub(12)..i).any(|k| lexicon::future_cue(self.low(k)))
    }

    fn qualifier(&self, i: usize) -> Option<(Qualifier, usize)> {
        // Asked at every token: most are no qualifier's first word.
        static FIRST: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
            std::sync::LazyLock::new(|| lexicon::QUALIFIERS.iter().map(|(w, _)| w[0]).collect());
        if !FIRST.contains(self.low(i)) {
            return None;
        }
        lexicon::QUALIFIERS.iter().find_map(|&(words, q)| {
            let matches = words.iter().enumerate().all(|(k, w)| self.low(i + k) == *w);
            matches.then_some((q, i + words.len()))
        })
    }

    /// The noun phrase a number counts, starting at `k`: up to three
    /// modifiers and a head noun. Returns the head (lower case, as
    /// written) and the token after it.
    fn head(&self, k: usize, rule: Head) -> Option<(String, usize)> {
        // A modifier passed over that could itself be the noun, in case
        // what follows it is not ("No. 2 official arrived").
        let mut fallback = None;
        let mut j = k;
        for _ in 0..4 {
            let Some(tok) = self.toks.get(j) else {
                return fallback;
            };
            // A hyphenated modifier before a plural noun ("16 House-passed
            // measures"); any other compound ("full-scale", "year-on-year")
            // is not followed up.
            if rule == Head::Plural
                && tok.kind == TokenKind::Word
                && tok.gap
                && self.hyphen(j + 1)
                && self.is_word(j + 2)
                && !self.hyphen(j + 3)
                && self.toks.get(j + 3).is_some_and(|t| t.gap)
                && self.is_content(j + 3)
                && lexicon::is_plural_noun(self.low(j + 3))
            {
                j += 3;
                continue;
            }
            if tok.kind != TokenKind::Word || !tok.gap || !self.is_content(j) || self.hyphen(j + 1)
            {
                return fallback;
            }
            let w = &*tok.low;
            let cap = self.capitalised(j);
            let plural = lexicon::is_plural_noun(w);
            // Participles modify; they do not head ("two killed").
            let participle = w.ends_with("ed") || (w.ends_with("ing") && !plural);
            let fits = (!cap || plural)
                && !participle
                && match rule {
                    Head::Plural => plural,
                    Head::Singular => !plural,
                    Head::Any => true,
                };
            let next = self.low(j + 1);
            // Noun compounds count their last noun ("193 member states",
            // "1,000 square kilometres", "3 Iskander missiles").
            // … and "two law enforcement officials".
            let compound = rule == Head::Plural
                && !plural
                && (lexicon::is_plural_noun(next)
                    || (self.is_content(j + 1)
                        && !cap
                        && self.toks.get(j + 2).is_some_and(|t| t.gap)
                        && self.is_content(j + 2)
                        && lexicon::is_plural_noun(self.low(j + 2))));
            let modifier =
                lexicon::is_modifier(w) || (cap && lexicon::is_nationality(w)) || compound;
            let more = self.toks.get(j + 1).is_some_and(|t| t.gap)
                && self.is_content(j + 1)
                && !self.hyphen(j + 2)
                && !next.ends_with("ed");
            if modifier && more && tok.possessive == 0 {
                if fits {
                    fallback = Some((w.to_string(), j + 1));
                }
                j += 1;
                continue;
            }
            return if fits {
                Some((w.to_string(), j + 1))
            } else {
                fallback
            };
        }
        fallback
    }
}
