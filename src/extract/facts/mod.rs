//! Facts: numbers, counts, money, percentages, dates, weekdays, relative
//! times, durations, years and ordinals, with normalised values.
//!
//! # What is recognised
//!
//! - **Numbers** in digits ("240", "1,200", "12.5 million", "99bn") or words
//!   ("two", "twenty-one", "three dozen", "a quarter", "two and half",
//!   "half a million", "two-thirds"). A number written in words is only
//!   reported when it says something: with a noun, unit, scale, fraction or
//!   qualifier ("one of the largest" and "the two met" are not facts). The
//!   glued "m", "k" and "b" count only for money or before a plural noun
//!   ("€3.5m", "1.5m barrels", but not "100m sprint"). A hyphenated range
//!   or score ("10-15", "3-1") gives one fact per number.
//! - **Counts**: a number and the noun it counts ("37 people", "two nominal
//!   heads", "1,200 Russian soldiers"). The span runs to the noun; `unit` is
//!   the head noun in lower case *as written* (plural kept: "people",
//!   "heads"). More than one of something needs a plural noun, so "two met"
//!   is no count.
//! - **Money**: a symbol or code before the amount ("$", "US$", "HK$", "€",
//!   "£", "¥", "₽", "USD 5") or a currency word or code after it ("yuan",
//!   "rubles", "US dollars", "Hong Kong dollars", "5 billion won"), with
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
//!   ("Feb. 2022", "February 2022"), a bare month ("in March", "July this
//!   year", "mid-May"). A leading weekday joins the date ("Saturday, March
//!   25, 2023").
//! - **Weekdays**: "Wednesday", "on Sunday", "Sunday’s meeting" (the span is
//!   "Sunday", without the possessive). Names such as "Black Friday" and
//!   "the Sunday Times" are skipped.
//! - **Relative times**: "yesterday", "today", "tomorrow", "last night",
//!   "last/this/next week, month, year, weekend", "earlier this year",
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
//!   "less than a month", "a quarter of a century" (25 years). Rates ("twice
//!   a year", "barrels a day") are not durations. Ages ("71-year-old", "71
//!   years old") are counts with `unit` "years old".
//! - **Qualifiers** before a numeric fact are part of its span and set
//!   `qualifier`: "more than", "over", "above", "less than", "fewer than",
//!   "under", "at least", "at most", "no more than", "up to", "as many as",
//!   "about", "around", "roughly", "some", "approximately", "an estimated",
//!   "nearly", "almost", "close to", "record" ("a record $240 billion" gives
//!   the span "record $240 billion").
//!
//! Not facts: numbers glued into names and codes ("COVID-19", "G7",
//! "Airbus A320", "Su-57", "Boeing 737", "World War II"), clock times
//! ("10:47 am", "3 p.m."), phone numbers, slash and hyphen chains ("24/7",
//! "9/11", "555-0123"), decades ("1990s") and numbers with unknown
//! suffixes ("1e999", "4G").
//!
//! # Values and resolution
//!
//! `value` is `Number` for numbers, counts, percentages, years and
//! ordinals, `Money` for money and `Duration` (singular unit: second,
//! minute, hour, day, week, month, year; decades and centuries in years)
//! for durations and for relative times that count units ("two weeks ago"
//! → 2 week). Dates, weekdays and the other relative times have none.
//!
//! `resolved` is filled for dates, weekdays and relative times when the
//! publication date is known (and, for dates, the result is a real day):
//!
//! - A date without a year takes the publication year ("April 19").
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
//!   it is the first such day on or after publication. "last Friday" is strictly before,
//!   "next Tuesday" strictly after, "this Friday" on or after.
//! - Counted relative times shift the publication date; a fraction of a
//!   month or year is counted in days ("two and half years ago" is 30
//!   months back).
//! - Times counted from the time of the sentence ("a week after", "the
//!   month before") shift the last time named earlier in the sentence, else
//!   the publication date; after a bare year ("In 1990, two years after the
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
pub(crate) mod lexicon;
#[cfg(test)]
mod tests;

use std::cell::Cell;

use jiff::civil::Date;

use super::{Fact, FactKind, FactValue, Qualifier};
use crate::span::Span;
use crate::text::tokens::{normalize, tokenize, TokenKind};
use calendar::{ymd, Direction};
use lexicon::{MonthForm, TimeUnit};

/// Facts inside the given sentences (body text only), in text order and
/// not overlapping.
pub(crate) fn find_facts(text: &str, sentences: &[Span], published: Option<Date>) -> Vec<Fact> {
    let mut out = Vec::new();
    for (index, &sentence) in sentences.iter().enumerate() {
        let first = out.len();
        Scanner::new(text, sentence, published).run(&mut out);
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
    low: std::borrow::Cow<'a, str>,
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
    resolved: Option<Date>,
    unit: Option<String>,
    /// It starts with an amount, so a qualifier can hang on it.
    numeric: bool,
    /// Leave the last token's possessive ending out of the span.
    trim_possessive: bool,
}

impl Hit {
    fn new(start: usize, end: usize, kind: FactKind) -> Hit {
        Hit {
            start,
            end,
            kind,
            value: None,
            resolved: None,
            unit: None,
            numeric: false,
            trim_possessive: false,
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
    published: Option<Date>,
    /// What "a month after" and "the day before" count from: the last
    /// time named earlier in the sentence, else the publication date.
    anchor: Cell<Anchor>,
}

/// The time an anchored expression counts from.
#[derive(Debug, Clone, Copy)]
enum Anchor {
    /// Nothing named yet: the publication date.
    Published,
    /// A resolved time named earlier in the sentence.
    Date(Date),
    /// A time that could not be resolved ("in 1990, two years after"):
    /// counting from the publication date would be wrong.
    Unknown,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, sentence: Span, published: Option<Date>) -> Scanner<'a> {
        let mut toks: Vec<Tok<'a>> = Vec::new();
        let mut prev_end = None;
        for token in tokenize(text, sentence) {
            let raw = token.text(text);
            let possessive = match token.kind {
                TokenKind::Word => POSSESSIVES
                    .iter()
                    .find(|p| raw.len() > p.len() && raw.ends_with(*p))
                    .map_or(0, |p| p.len()),
                _ => 0,
            };
            let low = normalize(&raw[..raw.len() - possessive]);
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
        Scanner {
            text,
            toks,
            published,
            anchor: Cell::new(Anchor::Published),
        }
    }

    /// The date anchored expressions count from.
    fn anchor_date(&self) -> Option<Date> {
        match self.anchor.get() {
            Anchor::Published => self.published,
            Anchor::Date(d) => Some(d),
            Anchor::Unknown => None,
        }
    }

    /// A time fact was found: later anchored expressions count from it.
    fn note_anchor(&self, fact: &Fact) {
        match fact.kind {
            FactKind::Date | FactKind::Weekday | FactKind::RelativeTime => {
                self.anchor
                    .set(fact.resolved.map_or(Anchor::Unknown, Anchor::Date));
            }
            FactKind::Year => self.anchor.set(Anchor::Unknown),
            _ => {}
        }
    }

    fn run(&self, out: &mut Vec<Fact>) {
        let mut i = 0;
        while i < self.toks.len() {
            if let Some((qualifier, j)) = self.qualifier(i) {
                if let Some(Step::Hit(hit)) = self.core(j, true) {
                    if hit.numeric && hit.end > j {
                        let end = hit.end;
                        if let Some(fact) = self.fact(Hit { start: i, ..hit }, Some(qualifier)) {
                            self.note_anchor(&fact);
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
                        self.note_anchor(&fact);
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
            qualifier,
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

    // ----- token helpers -------------------------------------------------

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

    // ----- qualifiers -----------------------------------------------------

    fn qualifier(&self, i: usize) -> Option<(Qualifier, usize)> {
        lexicon::QUALIFIERS.iter().find_map(|&(words, q)| {
            let matches = words.iter().enumerate().all(|(k, w)| self.low(i + k) == *w);
            matches.then_some((q, i + words.len()))
        })
    }

    // ----- dates ----------------------------------------------------------

    fn date(&self, i: usize) -> Option<Step> {
        // "Saturday, March 25, 2023": the weekday joins a full date.
        if lexicon::weekday(self.raw(i)).is_some() {
            let j = if self.raw(i + 1) == "," { i + 2 } else { i + 1 };
            return match self.date_core(j) {
                Some((Step::Hit(hit), true)) => Some(Step::Hit(Hit { start: i, ..hit })),
                _ => None,
            };
        }
        self.date_core(i).map(|(step, _)| step)
    }

    /// A date at `i`, and whether it names a day.
    fn date_core(&self, i: usize) -> Option<(Step, bool)> {
        if self.is_num(i) {
            if let Some(found) = self.numeric_date(i) {
                return Some((found, true));
            }
            return self.day_first(i).map(|step| (step, true));
        }
        self.month_first(i)
    }

    fn date_hit(&self, start: usize, end: usize, year: Option<i64>, month: i64, day: i64) -> Step {
        let year = year.or_else(|| self.published.map(|p| i64::from(p.year())));
        Step::Hit(Hit {
            resolved: year.and_then(|y| ymd(y, month, day)),
            ..Hit::new(start, end, FactKind::Date)
        })
    }

    /// "2024-08-21", "2024/08/21", "8/21/2024", "21-08-2024", "21.08.2024".
    fn numeric_date(&self, i: usize) -> Option<Step> {
        let parts: Vec<&str>;
        let end;
        let dotted: Vec<&str> = self.raw(i).split('.').collect();
        let european = dotted.len() == 3;
        if european {
            parts = dotted;
            end = i + 1;
        } else {
            let sep = self.low(i + 1);
            if !matches!(sep, "-" | "/") || !self.glued(i + 1) || !self.glued(i + 2) {
                return None;
            }
            if self.low(i + 3) != sep || !self.glued(i + 3) || !self.glued(i + 4) {
                return None;
            }
            if !self.is_num(i + 2) || !self.is_num(i + 4) {
                return None;
            }
            parts = vec![self.raw(i), self.raw(i + 2), self.raw(i + 4)];
            end = i + 5;
        }
        if !parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let n = |k: usize| parts[k].parse::<i64>().ok();
        let (a, b, c) = (n(0)?, n(1)?, n(2)?);
        let lens = (parts[0].len(), parts[1].len(), parts[2].len());
        let start = i;
        match lens {
            // "2023-02-29" is still a date, with no day to resolve to.
            (4, 1..=2, 1..=2) if (1..=12).contains(&b) && (1..=31).contains(&c) => {
                Some(self.date_hit(start, end, Some(a), b, c))
            }
            (4, 1..=2, 1..=2) => Some(Step::Skip(end)),
            (1..=2, 1..=2, 4) => {
                let (month, day) = match (a, b) {
                    // "21.08.2024" is day first.
                    _ if european => (b, a),
                    _ if a == b => (a, b),
                    (13.., 1..=12) => (b, a),
                    (1..=12, 13..) => (a, b),
                    (1..=12, 1..=12) => {
                        // Day and month could be either way round.
                        return Some(Step::Hit(Hit::new(start, end, FactKind::Date)));
                    }
                    _ => return Some(Step::Skip(end)),
                };
                if ymd(c, month, day).is_none() {
                    return Some(Step::Skip(end));
                }
                Some(self.date_hit(start, end, Some(c), month, day))
            }
            _ => None,
        }
    }

    /// A day of the month at `i`: "21", "21st"; not a clock time.
    fn day_number(&self, i: usize) -> Option<i64> {
        if !self.is_num(i) {
            return None;
        }
        let raw = self.raw(i);
        let digits = raw.bytes().take_while(u8::is_ascii_digit).count();
        let suffix = raw[digits..].to_ascii_lowercase();
        if !(1..=2).contains(&digits)
            || !(suffix.is_empty() || matches!(suffix.as_str(), "st" | "nd" | "rd" | "th"))
        {
            return None;
        }
        if matches!(self.raw(i + 1), ":" | "%") && self.glued(i + 1) {
            return None;
        }
        if lexicon::clock_word(self.low(i + 1)) {
            return None;
        }
        let day: i64 = raw[..digits].parse().ok()?;
        (1..=31).contains(&day).then_some(day)
    }

    /// A four-digit year at `i`.
    fn year_number(&self, i: usize) -> Option<i64> {
        let raw = self.raw(i);
        if !self.is_num(i) || raw.len() != 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        raw.parse().ok()
    }

    /// After a day ("21"), an optional range end ("-23") and year
    /// (", 2024"): (year, end).
    fn day_tail(&self, mut end: usize) -> (Option<i64>, usize) {
        if self.hyphen(end) && self.day_number(end + 1).is_some() {
            end += 2;
        }
        let at = if self.raw(end) == "," { end + 1 } else { end };
        match self.year_number(at) {
            Some(y) => (Some(y), at + 1),
            None => (None, end),
        }
    }

    /// "August 21", "Aug. 21, 2024", "February 2022", "in March",
    /// "July this year", "mid-May", "early March".
    fn month_first(&self, i: usize) -> Option<(Step, bool)> {
        // A fuzzy part of a month: the month's precision is kept.
        if matches!(self.low(i), "early" | "late" | "mid") {
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            return match self.month_named(j) {
                Some((Step::Hit(hit), false)) => Some((Step::Hit(Hit { start: i, ..hit }), false)),
                _ => None,
            };
        }
        self.month_named(i)
    }

    /// A date that starts with the month's name.
    fn month_named(&self, i: usize) -> Option<(Step, bool)> {
        let (month, form) = lexicon::month(self.raw(i))?;
        let month = i64::from(month);
        let mut k = i + 1;
        let dotted = self.raw(k) == "." && self.glued(k);
        if form == MonthForm::Abbrev {
            if dotted {
                k += 1;
            } else if !self.is_num(k) {
                return None;
            }
        }
        if let Some(day) = self.day_number(k) {
            let (year, end) = self.day_tail(k + 1);
            return Some((self.date_hit(i, end, year, month, day), true));
        }
        if let Some(year) = self.year_number(k) {
            return Some((self.date_hit(i, k + 1, Some(year), month, 1), false));
        }
        if form != MonthForm::Full {
            return None;
        }
        // "July this year", "March last year".
        let offset = match self.low(k) {
            "last" => Some(-1),
            "this" => Some(0),
            "next" => Some(1),
            _ => None,
        };
        if let (Some(offset), "year") = (offset, self.low(k + 1)) {
            let year = self
                .published
                .and_then(|p| i64::from(p.year()).checked_add(offset));
            let resolved = year.and_then(|y| ymd(y, month, 1));
            let hit = Hit {
                resolved,
                trim_possessive: true,
                ..Hit::new(i, k + 2, FactKind::Date)
            };
            return Some((Step::Hit(hit), false));
        }
        // A bare month: "May" and "March" need a preposition; a capital
        // after it suggests a name ("April Fools").
        if lexicon::ambiguous_month(self.raw(i)) && !lexicon::month_context(self.before(i)) {
            return None;
        }
        if self.is_word(k) && self.capitalised(k) {
            return None;
        }
        Some((self.date_hit(i, i + 1, None, month, 1), false))
    }

    /// "21 August 2024", "21 Aug", "21st of August".
    fn day_first(&self, i: usize) -> Option<Step> {
        let day = self.day_number(i)?;
        let mut k = i + 1;
        if self.low(k) == "of" && self.raw(i).ends_with(|c: char| c.is_ascii_alphabetic()) {
            k += 1;
        }
        let (month, form) = lexicon::month(self.raw(k))?;
        let mut end = k + 1;
        if form == MonthForm::Abbrev && self.raw(end) == "." && self.glued(end) {
            end += 1;
        }
        // "the 19 Sept. 11 hijackers": the month has its own day.
        if self.year_number(end).is_none() && self.day_number(end).is_some() {
            return None;
        }
        let at = if self.raw(end) == "," { end + 1 } else { end };
        let (year, end) = match self.year_number(at) {
            Some(y) => (Some(y), at + 1),
            None => (None, end),
        };
        Some(self.date_hit(i, end, year, i64::from(month), day))
    }

    // ----- relative times and weekdays -----------------------------------

    fn relative(&self, i: usize) -> Option<Step> {
        if let Some(step) = self.anchored_unit(i) {
            return Some(step);
        }
        let p = self.published;
        let rel = |end: usize, resolved: Option<Date>| {
            Some(Step::Hit(Hit {
                resolved,
                trim_possessive: true,
                ..Hit::new(i, end, FactKind::RelativeTime)
            }))
        };
        let days = match self.low(i) {
            "yesterday" => Some(-1),
            "today" | "tonight" => Some(0),
            "tomorrow" => Some(1),
            _ => None,
        };
        if let Some(days) = days {
            // "Russia Today", "USA Today".
            if self.capitalised(i) && !self.initial(i) {
                return Some(Step::Skip(i + 1));
            }
            return rel(i + 1, p.and_then(|p| calendar::add_days(p, days)));
        }
        match (self.low(i), self.low(i + 1)) {
            ("last", "night") => return rel(i + 2, p.and_then(|p| calendar::add_days(p, -1))),
            ("this", "morning" | "afternoon" | "evening") => return rel(i + 2, p),
            _ => {}
        }
        // "earlier this year", "late last year".
        let k = if matches!(self.low(i), "earlier" | "later" | "early" | "late") {
            i + 1
        } else {
            // "the last week of July", "over the next month" are not
            // relative to publication.
            if self.before(i) == "the" {
                return None;
            }
            i
        };
        let (offset, direction) = match self.low(k) {
            "last" => (-1, Direction::Before),
            "this" => (0, Direction::OnOrAfter),
            "next" => (1, Direction::After),
            _ => return None,
        };
        let m = k + 1;
        let resolved = match self.low(m) {
            "week" => p.and_then(|p| calendar::week_start(p, offset)),
            "month" => p.and_then(|p| calendar::month_start(p, offset)),
            "year" => p.and_then(|p| calendar::year_start(p, offset)),
            "weekend" => p.and_then(|p| calendar::weekend(p, direction)),
            "summer" | "winter" | "spring" | "autumn" => None,
            _ => {
                if let Some(weekday) = lexicon::weekday(self.base_raw(m)) {
                    p.and_then(|p| calendar::weekday_from(p, weekday, direction))
                } else if let Some((month, MonthForm::Full)) = lexicon::month(self.base_raw(m)) {
                    let year = p.and_then(|p| i64::from(p.year()).checked_add(offset));
                    year.and_then(|y| ymd(y, i64::from(month), 1))
                } else {
                    return None;
                }
            }
        };
        rel(m + 1, resolved)
    }

    fn weekday(&self, i: usize) -> Option<Step> {
        let weekday = lexicon::weekday(self.base_raw(i))?;
        if lexicon::weekday_name_before(self.before(i)) && i > 0 && self.capitalised(i - 1) {
            return Some(Step::Skip(i + 1));
        }
        if self.toks[i].possessive == 0 && lexicon::weekday_name_after(self.raw(i + 1)) {
            return Some(Step::Skip(i + 2));
        }
        let direction = if self.future_before(i) {
            Direction::OnOrAfter
        } else {
            Direction::OnOrBefore
        };
        Some(Step::Hit(Hit {
            resolved: self
                .published
                .and_then(|p| calendar::weekday_from(p, weekday, direction)),
            trim_possessive: true,
            ..Hit::new(i, i + 1, FactKind::Weekday)
        }))
    }

    // ----- ranks and ordinals --------------------------------------------

    /// "No. 2 official": a rank, reported as an ordinal.
    fn rank(&self, i: usize) -> Option<Step> {
        if !matches!(self.raw(i), "No" | "Nos") {
            return None;
        }
        let dotted = self.raw(i + 1) == "." && self.glued(i + 1);
        let k = if dotted { i + 2 } else { i + 1 };
        let raw = self.raw(k);
        if !self.is_num(k) || raw.len() > 3 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: f64 = raw.parse().ok()?;
        let (unit, end) = match self.head(k + 1, Head::Any) {
            Some((unit, end)) => (Some(unit), end),
            // "No 10" alone is Downing Street; "No 1 seed" is a rank.
            None if !dotted => return Some(Step::Skip(k + 1)),
            None => (None, k + 1),
        };
        Some(Step::Hit(Hit {
            value: Some(FactValue::Number(n)),
            unit,
            ..Hit::new(i, end, FactKind::Ordinal)
        }))
    }

    /// "first", "fifth term", "twenty-first", "21st century",
    /// "second-largest economy".
    fn ordinal(&self, i: usize) -> Option<Step> {
        let tok = self.toks.get(i)?;
        let words = tok.kind == TokenKind::Word;
        let (value, mut end) = if words {
            let w = self.low(i);
            let compound = lexicon::tens_word(w)
                .filter(|_| self.hyphen(i + 1))
                .and_then(|t| Some(t + lexicon::ordinal_unit_word(self.low(i + 2))?));
            match compound {
                Some(v) => (v, i + 3),
                None => (lexicon::ordinal_word(w)?, i + 1),
            }
        } else {
            let (n, suffix) = parse_digits(tok.raw)?;
            if n.fract() != 0.0
                || !(1.0..=1e6).contains(&n)
                || !lexicon::ordinal_suffix(n as u64, &suffix)
            {
                return None;
            }
            (n, i + 1)
        };
        // "Second World War", "First Lady": names.
        if words && self.capitalised(i) && !self.initial(i) {
            return Some(Step::Skip(end));
        }
        if self.hyphen(end) && self.is_word(end + 1) {
            let w = self.low(end + 1);
            if w.ends_with("est") || w.ends_with("most") || w == "ever" {
                end += 2;
            } else {
                // "second-hand", "third-party", "first-class".
                return Some(Step::Skip(end + 2));
            }
        }
        // "the world's second largest": the superlative is part of the rank.
        if self.toks.get(end).is_some_and(|t| t.gap) && lexicon::is_superlative(self.low(end)) {
            end += 1;
        }
        // "was first elected": an adverb, not a rank.
        let head = if self.low(end).ends_with("ed") {
            None
        } else {
            self.head(end, Head::Any)
        };
        if let Some((unit, _)) = &head {
            let idiom = match value as u32 {
                1 => matches!(unit.as_str(), "lady" | "aid" | "responders"),
                3 => matches!(
                    unit.as_str(),
                    "party" | "parties" | "country" | "countries" | "world"
                ),
                _ => false,
            };
            if idiom && end == i + 1 {
                return Some(Step::Skip(end + 1));
            }
        }
        let ranked = end > i + 1;
        let (unit, end) = match head {
            Some((unit, end)) => (Some(unit), end),
            // A word ordinal with no noun is an adverb ("first, …").
            None if words && !ranked => return None,
            None => (None, end),
        };
        Some(Step::Hit(Hit {
            value: Some(FactValue::Number(value)),
            unit,
            ..Hit::new(i, end, FactKind::Ordinal)
        }))
    }

    /// The noun phrase a number counts, starting at `k`: up to two
    /// modifiers and a head noun. Returns the head (lower case, as
    /// written) and the token after it.
    fn head(&self, k: usize, rule: Head) -> Option<(String, usize)> {
        // A modifier passed over that could itself be the noun, in case
        // what follows it is not ("No. 2 official arrived").
        let mut fallback = None;
        let mut j = k;
        for _ in 0..3 {
            let Some(tok) = self.toks.get(j) else {
                return fallback;
            };
            // A compound ("full-scale", "year-on-year") is not followed up.
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
            let compound = rule == Head::Plural && !plural && lexicon::is_plural_noun(next);
            let modifier = lexicon::is_modifier(w) || (cap && nationality(w)) || compound;
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

    // ----- money ----------------------------------------------------------

    /// "$240 billion", "US$5m", "€3.5m", "£2bn", "USD 5 million".
    fn money_prefix(&self, i: usize) -> Option<Step> {
        let (currency, k) = if let Some(c) = lexicon::currency_symbol(self.raw(i)) {
            (c, i + 1)
        } else if let Some(c) = lexicon::dollar_prefix(self.raw(i))
            .filter(|_| self.raw(i + 1) == "$" && self.glued(i + 1))
        {
            (c, i + 2)
        } else if let Some(c) = lexicon::currency_code(self.raw(i)).filter(|_| self.is_num(i + 1)) {
            (c, i + 1)
        } else {
            return None;
        };
        if !self.is_num(k) {
            return None;
        }
        let num = self.digits(k, true)?;
        Some(Step::Hit(Hit {
            value: Some(FactValue::Money {
                amount: num.value,
                currency: currency.to_string(),
            }),
            numeric: true,
            ..Hit::new(i, num.end, FactKind::Money)
        }))
    }

    /// The currency after an amount ("yuan", "US dollars", "USD"):
    /// (code, end).
    fn currency_after(&self, e: usize, scaled: bool) -> Option<(&'static str, usize)> {
        if !self.toks.get(e).is_some_and(|t| t.gap) {
            return None;
        }
        if let Some(code) = lexicon::currency_code(self.raw(e)) {
            return Some((code, e + 1));
        }
        let dollars = |k: usize| matches!(self.low(k), "dollar" | "dollars");
        // Country words, then an optional full stop ("U.S. dollars").
        for (words, at) in [(2usize, e + 2), (1, e + 1)] {
            let (prev2, prev) = if words == 2 {
                (self.low(e), self.low(e + 1))
            } else {
                ("", self.low(e))
            };
            if let Some((code, n)) = lexicon::dollar_country(prev2, prev) {
                if n == words {
                    let at = if self.raw(at) == "." { at + 1 } else { at };
                    if dollars(at) {
                        return Some((code, at + 1));
                    }
                }
            }
        }
        if let Some(code) = lexicon::adjective_currency(self.low(e), self.low(e + 1)) {
            return Some((code, e + 2));
        }
        let (code, needs_scale) = lexicon::currency_word(self.low(e))?;
        // "pounds of sugar" is weight.
        if (needs_scale && !scaled) || (code == "GBP" && self.low(e + 1) == "of") {
            return None;
        }
        Some((code, e + 1))
    }

    // ----- numbers --------------------------------------------------------

    fn number(&self, i: usize, qualified: bool) -> Option<Step> {
        if self.is_num(i) {
            if let Some(skip) = self.not_a_quantity(i) {
                return Some(skip);
            }
        }
        let num = if self.is_num(i) {
            self.digits(i, false)?
        } else if self.low(i) == "-" && !self.glued(i) && self.glued(i + 1) && self.is_num(i + 1) {
            // A minus sign: "-3%".
            if self.not_a_quantity(i + 1).is_some() {
                return None;
            }
            let num = self.digits(i + 1, false)?;
            Num {
                start: i,
                value: -num.value,
                four_digits: false,
                ..num
            }
        } else {
            self.words(i)?
        };
        self.classify(num, qualified)
    }

    /// Digits that are codes, clock times, phone numbers or parts of
    /// names: skip them whole.
    fn not_a_quantity(&self, i: usize) -> Option<Step> {
        let raw = self.raw(i);
        let prev = i.checked_sub(1);
        // "COVID-19", "Su-57" (but "mid-2023").
        if let Some(p) = prev {
            if self.low(p) == "-"
                && self.glued(i)
                && self.glued(p)
                && p > 0
                && self.is_word(p - 1)
                && !lexicon::number_prefix(self.low(p - 1))
            {
                return Some(Step::Skip(self.chain_end(i)));
            }
            // "Boeing 737", "Article 5", "Vision 2030" (but "Only 37",
            // "In 2023").
            if self.is_word(p)
                && !self.glued(i)
                && self.capitalised(p)
                && !lexicon::leads_number(self.low(p))
                && !crate::text::tokens::is_stopword(self.low(p))
                && self.toks[p].possessive == 0
                && lexicon::month(self.raw(p)).is_none()
                && lexicon::weekday(self.raw(p)).is_none()
                && lexicon::currency_code(self.raw(p)).is_none()
                && self.qualifier(p).is_none()
                && !matches!(self.raw(p), "No" | "Nos")
            {
                return Some(Step::Skip(self.chain_end(i)));
            }
            // "+7 495 …", "#1".
            if matches!(self.raw(p), "+" | "#" | "№")
                && self.glued(i)
                && !(p > 0 && self.is_num(p - 1))
            {
                let mut end = i + 1;
                while end < i + 8
                    && (self.is_num(end) || matches!(self.raw(end), "-" | "(" | ")" | "."))
                {
                    end += 1;
                }
                return Some(Step::Skip(end));
            }
            // "(202) 555-0123".
            if self.raw(p) == "(" && raw.len() == 3 && self.raw(i + 1) == ")" && self.is_num(i + 2)
            {
                return Some(Step::Skip(self.chain_end(i + 2)));
            }
        }
        // "0123", "007".
        if raw.len() > 1
            && raw.starts_with('0')
            && raw.as_bytes()[1].is_ascii_digit()
            && !raw.contains('.')
        {
            return Some(Step::Skip(self.chain_end(i)));
        }
        // "10:47", "3 p.m.", "11am".
        if self.raw(i + 1) == ":" && self.glued(i + 1) && self.is_num(i + 2) && self.glued(i + 2) {
            let mut end = i + 3;
            if lexicon::clock_word(self.low(end)) {
                end += 1;
            }
            return Some(Step::Skip(end));
        }
        if lexicon::clock_word(self.low(i + 1)) {
            return Some(Step::Skip(i + 2));
        }
        // Chains: "24/7", "9/11", "555-0123", "1-2-3".
        let end = self.chain_end(i);
        let groups = (end - i).div_ceil(2);
        let slash = (i..end).any(|k| self.raw(k) == "/");
        let phone =
            groups == 2 && raw.len() >= 3 && self.raw(i + 2).len() >= 4 && !self.year_range(i);
        if slash || groups >= 3 || phone {
            return Some(Step::Skip(end));
        }
        None
    }

    /// One past a run of numbers glued by hyphens or slashes from `i`.
    fn chain_end(&self, i: usize) -> usize {
        let mut end = i + 1;
        while end < i + 16
            && matches!(self.low(end), "-" | "/")
            && self.glued(end)
            && self.glued(end + 1)
            && self.is_num(end + 1)
        {
            end += 2;
        }
        end
    }

    /// "2022-23", "2014-2015".
    fn year_range(&self, i: usize) -> bool {
        let second = self.raw(i + 2);
        self.year_number(i).is_some()
            && self.hyphen(i + 1)
            && matches!(second.len(), 2 | 4)
            && second.bytes().all(|b| b.is_ascii_digit())
    }

    /// Digits at `i` with a glued or following scale ("2bn", "12.5
    /// million", "1.2-billion"). `money` admits the ambiguous "m", "k", "b".
    fn digits(&self, i: usize, money: bool) -> Option<Num> {
        let (mut value, suffix) = parse_digits(self.raw(i))?;
        let mut num = Num {
            start: i,
            end: i + 1,
            value,
            words: false,
            article: false,
            scaled: false,
            four_digits: false,
            loose_suffix: false,
        };
        if !suffix.is_empty() {
            let (scale, clear) = lexicon::scale_abbrev(&suffix)?;
            value *= scale;
            num.scaled = true;
            num.loose_suffix = !clear && !money;
        } else {
            num.four_digits = self.raw(i).len() == 4;
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            let w = self.low(j);
            let scale = lexicon::scale_word(w)
                .filter(|_| w != "hundred")
                .or_else(|| {
                    lexicon::scale_abbrev(w)
                        .filter(|&(_, clear)| clear || money)
                        .map(|(s, _)| s)
                });
            if let Some(scale) = scale.filter(|_| self.is_word(j)) {
                value *= scale;
                num.scaled = true;
                num.four_digits = false;
                num.end = j + 1;
            }
        }
        num.value = value;
        value.is_finite().then_some(num)
    }

    /// A number in words at `i`: "two", "twenty-one", "three dozen",
    /// "two and a half", "a quarter", "half a million", "a million".
    fn words(&self, i: usize) -> Option<Num> {
        let mut num = Num {
            start: i,
            end: i + 1,
            value: 0.0,
            words: true,
            article: false,
            scaled: false,
            four_digits: false,
            loose_suffix: false,
        };
        let w = self.low(i);
        if matches!(w, "a" | "an") {
            let next = self.low(i + 1);
            if let Some((f, false)) = lexicon::fraction_word(next) {
                if next == "half" || !self.fraction_fits(i + 2) {
                    return None;
                }
                return Some(Num {
                    end: i + 2,
                    value: f,
                    scaled: true,
                    ..num
                });
            }
            if lexicon::scale_word(next).is_none() && next != "dozen" {
                // "a month ago", "less than a month", but not "twice a
                // year" or "once a week".
                let (unit, plural) = self.time_unit_at(i + 1)?;
                // A rate: "twice a year", "barrels a day".
                let per = matches!(
                    self.before(i),
                    "once" | "twice" | "thrice" | "times" | "per" | "every" | "each"
                ) || lexicon::is_plural_noun(self.before(i));
                // "wait a second", "in a minute": idioms, not durations.
                let idiom = matches!(unit, TimeUnit::Second | TimeUnit::Minute);
                return (!plural && !per && !idiom).then_some(Num {
                    value: 1.0,
                    article: true,
                    ..num
                });
            }
            // "a million", "a dozen": the article is one.
            num.article = true;
            return self.word_run(i + 1, 1.0, num);
        }
        if w == "half" {
            // "half a million", "half of", "more than half."
            if matches!(self.low(i + 1), "a" | "an") {
                if let Some(scale) = lexicon::scale_word(self.low(i + 2)) {
                    return Some(Num {
                        end: i + 3,
                        value: 0.5 * scale,
                        scaled: true,
                        ..num
                    });
                }
            }
            if matches!(self.low(i + 1), "a" | "an")
                && lexicon::time_unit(self.low(i + 2)).is_some()
            {
                return Some(Num {
                    value: 0.5,
                    scaled: true,
                    ..num
                });
            }
            // Only "half of" says something without a qualifier ("more
            // than half"); "cut in half" does not.
            return (!self.is_word(i + 1) || self.low(i + 1) == "of").then_some(Num {
                value: 0.5,
                scaled: self.low(i + 1) == "of",
                ..num
            });
        }
        self.word_run(i, 0.0, num)
    }

    /// A fraction ("a quarter") ends here: not before a noun, which would
    /// make it an ordinal ("a third term") or a thing ("a quarter mile").
    fn fraction_fits(&self, k: usize) -> bool {
        !self.is_word(k)
            || !self.is_content(k)
            || self.hyphen(k + 1)
            || lexicon::time_unit(self.low(k)).is_some()
    }

    /// "thirds" or "-thirds" at `j`: (fraction, end).
    fn plural_fraction(&self, j: usize) -> Option<(f64, usize)> {
        let at = if self.hyphen(j) { j + 1 } else { j };
        match lexicon::fraction_word(self.low(at)) {
            Some((f, true)) if at == j + 1 || self.toks.get(j).is_some_and(|t| t.gap) => {
                Some((f, at + 1))
            }
            _ => None,
        }
    }

    /// Number words from `k` on; `current` is what an article already
    /// counted.
    fn word_run(&self, k: usize, current: f64, mut num: Num) -> Option<Num> {
        #[derive(PartialEq)]
        enum Last {
            Start,
            Unit,
            Tens,
            Hundred,
            Scale,
            And,
        }
        let mut total = 0.0;
        let mut current = current;
        let mut last = if num.article { Last::Unit } else { Last::Start };
        let mut any = false;
        let mut j = k;
        let limit = k + 16;
        while j < limit {
            let w = self.low(j);
            if let Some(u) = lexicon::unit_word(w) {
                let after_tens = last == Last::Tens && (1.0..=9.0).contains(&u);
                if !(matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And)
                    || after_tens)
                    || (num.article && !any)
                {
                    break;
                }
                current += u;
                last = Last::Unit;
            } else if let Some(t) = lexicon::tens_word(w) {
                if !matches!(last, Last::Start | Last::Hundred | Last::Scale | Last::And)
                    || (num.article && !any)
                {
                    break;
                }
                current += t;
                last = Last::Tens;
            } else if w == "hundred" {
                if !matches!(last, Last::Unit | Last::Tens) {
                    break;
                }
                current = current.max(1.0) * 100.0;
                last = Last::Hundred;
            } else if let Some(scale) = lexicon::scale_word(w) {
                if !matches!(last, Last::Unit | Last::Tens | Last::Hundred) {
                    break;
                }
                total += current.max(1.0) * scale;
                current = 0.0;
                num.scaled = true;
                last = Last::Scale;
            } else if w == "dozen" {
                if !matches!(last, Last::Unit | Last::Tens) {
                    break;
                }
                current = current.max(1.0) * 12.0;
                num.scaled = true;
                last = Last::Scale;
                any = true;
                j += 1;
                // Nothing adds to a dozen.
                break;
            } else if w == "-"
                && self.hyphen(j)
                && last == Last::Tens
                && lexicon::unit_word(self.low(j + 1)).is_some()
            {
                // "twenty-one": the unit follows.
                j += 1;
                continue;
            } else if let Some(f) = self
                .plural_fraction(j)
                .filter(|_| matches!(last, Last::Unit | Last::Tens))
            {
                // "two-thirds", "three quarters".
                current *= f.0;
                num.scaled = true;
                j = f.1;
                break;
            } else if w == "and" && any {
                // "two and a half", "two and half", "one hundred and five".
                let half = match (self.low(j + 1), self.low(j + 2)) {
                    ("half", _) => Some(2),
                    ("a", "half") => Some(3),
                    _ => None,
                };
                if let Some(n) = half.filter(|_| matches!(last, Last::Unit | Last::Tens)) {
                    current += 0.5;
                    num.scaled = true;
                    j += n;
                    break;
                }
                let next = self.low(j + 1);
                let number_next =
                    lexicon::unit_word(next).is_some() || lexicon::tens_word(next).is_some();
                if !matches!(last, Last::Hundred | Last::Scale) || !number_next {
                    break;
                }
                last = Last::And;
            } else {
                break;
            }
            any = true;
            j += 1;
        }
        if !any || last == Last::And {
            return None;
        }
        num.end = j;
        num.value = total + current;
        Some(num)
    }

    /// Decide what a number is from what follows it.
    fn classify(&self, num: Num, qualified: bool) -> Option<Step> {
        let e = num.end;
        let start = num.start;
        let value = num.value;
        // "one of the largest", "no one", "the one": pronouns.
        if num.words
            && value == 1.0
            && !num.article
            && matches!(
                self.before(start),
                "no" | "any" | "every" | "each" | "the" | "this" | "that" | "which" | "someone"
            )
        {
            return None;
        }
        if let Some((end, unit)) = self.percent_sign(e) {
            return Some(Step::Hit(Hit {
                unit: unit.map(str::to_string),
                ..Hit::number(start, end, FactKind::Percent, value)
            }));
        }
        if let Some((currency, end)) = self.currency_after(e, num.scaled) {
            return Some(Step::Hit(Hit {
                value: Some(FactValue::Money {
                    amount: value,
                    currency: currency.to_string(),
                }),
                numeric: true,
                ..Hit::new(start, end, FactKind::Money)
            }));
        }
        if num.loose_suffix {
            // "1.5m barrels" is millions; "100m sprint" is metres.
            return Some(match self.head(e, Head::Plural) {
                Some((unit, end)) => Step::Hit(Hit {
                    unit: Some(unit),
                    ..Hit::number(start, end, FactKind::Count, value)
                }),
                None => Step::Skip(e),
            });
        }
        // "a quarter of a century", "half an hour".
        if value < 1.0 && num.scaled {
            let k = match (self.low(e), self.low(e + 1)) {
                ("of", "a" | "an") => e + 2,
                ("a" | "an", _) => e + 1,
                _ => e,
            };
            if let Some((unit, false)) = self.time_unit_at(k).filter(|_| k > e) {
                return Some(self.duration(num, unit, k + 1));
            }
        }
        if self.toks.get(e).is_some_and(|t| t.gap) {
            // Number agreement is not checked: "two day" is a typo, not a
            // reason to drop the fact.
            if let Some((unit, _)) = self.time_unit_at(e) {
                return Some(self.duration(num, unit, e + 1));
            }
        }
        if self.hyphen(e) {
            // "four-day trip", "71-year-old", "two-thirds", "20-member".
            if let Some((unit, false)) = lexicon::time_unit(self.low(e + 1)) {
                return Some(self.adjectival_duration(num, unit, e + 2));
            }
            if num.words {
                if lexicon::ordinal_unit_word(self.low(e + 1)).is_some() {
                    // "twenty-first": an ordinal.
                    return None;
                }
                // "one-sided", "two-way", "two-state".
                return Some(Step::Skip(e + 2));
            }
            // "20-member delegation" (but "2.7 million-strong" is no count
            // of "strong").
            if self.is_content(e + 1) && value.fract() == 0.0 && !num.scaled {
                let word = self.low(e + 1).to_string();
                return Some(Step::Hit(Hit {
                    unit: Some(word),
                    ..Hit::number(start, e + 2, FactKind::Count, value)
                }));
            }
        }
        if num.four_digits && !qualified && !self.is_people_next(e) {
            let prep = matches!(
                self.before(start),
                "in" | "since"
                    | "of"
                    | "from"
                    | "until"
                    | "till"
                    | "by"
                    | "before"
                    | "after"
                    | "between"
                    | "during"
                    | "circa"
                    | "to"
                    | "and"
                    | "year"
                    | "through"
            );
            if (1900.0..2200.0).contains(&value) || ((1000.0..1900.0).contains(&value) && prep) {
                let end = if self.year_range(start) { start + 3 } else { e };
                return Some(Step::Hit(Hit::number(start, end, FactKind::Year, value)));
            }
        }
        let rule = if value == 1.0 {
            Head::Singular
        } else {
            Head::Plural
        };
        if let Some((unit, end)) = self.head(e, rule) {
            return Some(Step::Hit(Hit {
                unit: Some(unit),
                ..Hit::number(start, end, FactKind::Count, value)
            }));
        }
        // A number in words says nothing on its own ("the two met").
        if num.words && !num.scaled && !qualified {
            return None;
        }
        if num.article && !num.scaled {
            return None;
        }
        Some(Step::Hit(Hit::number(start, e, FactKind::Number, value)))
    }

    fn is_people_next(&self, e: usize) -> bool {
        self.toks.get(e).is_some_and(|t| t.gap) && lexicon::is_people_noun(self.low(e))
    }

    /// "%", "percent", "per cent", "pct", "percentage points".
    fn percent_sign(&self, e: usize) -> Option<(usize, Option<&'static str>)> {
        match (self.raw(e), self.low(e), self.low(e + 1)) {
            ("%" | "％", _, _) => Some((e + 1, None)),
            (_, "percent" | "pct", _) => Some((e + 1, None)),
            (_, "per", "cent") => Some((e + 2, None)),
            (_, "percentage", "point" | "points") => Some((e + 2, Some("percentage points"))),
            _ => None,
        }
    }

    /// A number followed by a unit of time at `k - 1`: a duration, a
    /// relative time ("ago", "from now") or an age ("years old").
    fn duration(&self, num: Num, unit: TimeUnit, k: usize) -> Step {
        let mut amount = num.value;
        let mut end = k;
        if (self.low(end), self.low(end + 1), self.low(end + 2)) == ("and", "a", "half") {
            amount += 0.5;
            end += 3;
        }
        let (canonical, unit_name) = unit.canonical(amount);
        let value = Some(FactValue::Duration {
            amount: canonical,
            unit: unit_name.to_string(),
        });
        let relative = |sign: i64, end: usize| {
            Step::Hit(Hit {
                value: value.clone(),
                resolved: self
                    .published
                    .and_then(|p| calendar::shift(p, amount, unit, sign)),
                numeric: true,
                ..Hit::new(num.start, end, FactKind::RelativeTime)
            })
        };
        match (self.low(end), self.low(end + 1)) {
            ("ago", _) => return relative(-1, end + 1),
            ("from", "now") => return relative(1, end + 2),
            ("hence", _) => return relative(1, end + 1),
            // "less than a month after Xi's visit": the visit was that
            // long before the time the sentence is about.
            ("after" | "before", _) if self.anchorable(num.start, end) => {
                let sign = if self.low(end) == "after" { -1 } else { 1 };
                return Step::Hit(Hit {
                    value: value.clone(),
                    resolved: self
                        .anchor_date()
                        .and_then(|a| calendar::shift(a, amount, unit, sign)),
                    numeric: true,
                    ..Hit::new(num.start, end + 1, FactKind::RelativeTime)
                });
            }
            ("old", _)
                if matches!(
                    unit,
                    TimeUnit::Year | TimeUnit::Month | TimeUnit::Week | TimeUnit::Day
                ) =>
            {
                return Step::Hit(Hit {
                    unit: Some(format!("{unit_name}s old")),
                    ..Hit::number(num.start, end + 1, FactKind::Count, amount)
                });
            }
            _ => {}
        }
        // "two days of talks".
        let mut what = None;
        if self.low(end) == "of" {
            if let Some((noun, after)) = self.head(end + 1, Head::Any) {
                what = Some(noun);
                end = after;
            }
        }
        Step::Hit(Hit {
            value,
            unit: what,
            numeric: true,
            ..Hit::new(num.start, end, FactKind::Duration)
        })
    }

    /// "two days after" at `start..=after` dates what follows ("two days
    /// after the vote") from the time of the sentence, unless it measures a
    /// stretch ("for three years before joining", "in the two weeks
    /// before the vote") or nothing follows.
    fn anchorable(&self, start: usize, after: usize) -> bool {
        let complement = self.is_word(after + 1) || self.is_num(after + 1);
        complement
            && !matches!(
                self.before(start),
                "for"
                    | "the"
                    | "in"
                    | "within"
                    | "over"
                    | "during"
                    | "of"
                    | "these"
                    | "those"
                    | "last"
                    | "next"
                    | "past"
                    | "first"
                    | "final"
            )
    }

    /// "the month before", "the day after", "the previous week": a
    /// calendar unit next to the time of the sentence. With something after
    /// it ("the day before the vote") it counts from that instead, which is
    /// unknown here.
    fn anchored_unit(&self, i: usize) -> Option<Step> {
        if self.low(i) != "the" {
            return None;
        }
        let (unit, offset, end) = match (self.low(i + 1), self.low(i + 2)) {
            ("previous" | "prior" | "preceding", u) => (u, -1, i + 3),
            ("following", u) => (u, 1, i + 3),
            (u, "before") if !self.is_word(i + 3) && !self.is_num(i + 3) => (u, -1, i + 3),
            (u, "after") if !self.is_word(i + 3) && !self.is_num(i + 3) => (u, 1, i + 3),
            _ => return None,
        };
        let anchor = self.anchor_date();
        let resolved = match unit {
            "day" => anchor.and_then(|a| calendar::add_days(a, offset)),
            "week" => anchor.and_then(|a| calendar::week_start(a, offset)),
            "month" => anchor.and_then(|a| calendar::month_start(a, offset)),
            "year" => anchor.and_then(|a| calendar::year_start(a, offset)),
            _ => return None,
        };
        Some(Step::Hit(Hit {
            resolved,
            trim_possessive: true,
            ..Hit::new(i, end, FactKind::RelativeTime)
        }))
    }

    /// "four-day trip", "three-day state visit", "71-year-old",
    /// "decade-long": `k` is past the unit.
    fn adjectival_duration(&self, num: Num, unit: TimeUnit, k: usize) -> Step {
        let (canonical, unit_name) = unit.canonical(num.value);
        if self.hyphen(k) && self.low(k + 1) == "old" {
            return Step::Hit(Hit {
                unit: Some(format!("{unit_name}s old")),
                ..Hit::number(num.start, k + 2, FactKind::Count, num.value)
            });
        }
        let mut end = k;
        if self.hyphen(end) && self.low(end + 1) == "long" {
            end += 2;
        }
        let (noun, end) = match self.head(end, Head::Any) {
            Some((noun, after)) => (Some(noun), after),
            None => (None, end),
        };
        Step::Hit(Hit {
            value: Some(FactValue::Duration {
                amount: canonical,
                unit: unit_name.to_string(),
            }),
            unit: noun,
            numeric: true,
            ..Hit::new(num.start, end, FactKind::Duration)
        })
    }
}

/// Capitalised words that are adjectives of nationality ("Russian",
/// "Chinese", "British", "Iraqi", "French").
fn nationality(low: &str) -> bool {
    low.len() > 3
        && ["an", "ese", "ish", "i", "ch", "ic"]
            .iter()
            .any(|s| low.ends_with(s))
}

/// Digits with optional thousands commas and decimals, and a letter
/// suffix ("1,200" → 1200, "3.5m" → 3.5 and "m", "21st" → 21 and "st").
/// `None` for anything else ("1.2.3", "1,2", "٢٠").
fn parse_digits(raw: &str) -> Option<(f64, String)> {
    let split = raw
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(raw.len());
    let (number, suffix) = raw.split_at(split);
    if !suffix.chars().all(|c| c.is_ascii_alphabetic()) || suffix.len() > 4 {
        return None;
    }
    if !number.starts_with(|c: char| c.is_ascii_digit()) || number.ends_with([',', '.']) {
        return None;
    }
    let (int, frac) = match number.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (number, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    if int.contains(',') && !((1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)) {
        return None;
    }
    let mut plain: String = int.chars().filter(|&c| c != ',').collect();
    if let Some(frac) = frac {
        plain.push('.');
        plain.push_str(frac);
    }
    let value: f64 = plain.parse().ok()?;
    value
        .is_finite()
        .then(|| (value, suffix.to_ascii_lowercase()))
}
