//! What a number is: a count, percentage, year or plain number from
//! what follows it; codes and clock times skipped; ranks and ordinals.

use super::numerals::parse_digits;
use super::{lexicon, Head, Hit, Num, Scanner, Step};
use crate::extract::{FactKind, FactValue};
use crate::text::tokens::TokenKind;

impl Scanner<'_> {
    /// "No. 2 official": a rank, reported as an ordinal.
    pub(super) fn rank(&self, i: usize) -> Option<Step> {
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
    pub(super) fn ordinal(&self, i: usize) -> Option<Step> {
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

    pub(super) fn number(&self, i: usize, qualified: bool) -> Option<Step> {
        if self.is_num(i) {
            // "Aged 68": before the capital makes it a name ("Boeing 737").
            if let Some(step) = self.age(i) {
                return Some(step);
            }
            if let Some(skip) = self.not_a_quantity(i) {
                return Some(skip);
            }
            if let Some(step) = self.tally(i) {
                return Some(step);
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
        } else if self.low(i) == "."
            && !self.glued(i)
            && self.glued(i + 1)
            && self.is_num(i + 1)
            && self.raw(i + 1).bytes().all(|b| b.is_ascii_digit())
        {
            // A decimal without its zero: ".45 percent".
            let fraction: f64 = format!("0.{}", self.raw(i + 1)).parse().ok()?;
            let num = self.digits(i + 1, false)?;
            Num {
                start: i,
                value: num.value / self.raw(i + 1).parse::<f64>().ok().filter(|v| *v > 0.0)?
                    * fraction,
                four_digits: false,
                ..num
            }
        } else if matches!(self.low(i), "minus" | "negative") && self.is_num(i + 1) {
            // "minus 4.5 million": below zero.
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
                && !(p > 0 && lexicon::tally_verb(self.low(p - 1)))
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
            // "the forty-second president" is an ordinal; "a thirty-second
            // advert" a duration.
            if num.words
                && lexicon::tens_word(self.low(e - 1)).is_some()
                && self.low(e + 1) == "second"
                && !matches!(self.before(start), "a" | "an")
            {
                return None;
            }
            // "four-day trip", "71-year-old", "two-thirds", "20-member".
            if let Some((unit, false)) = lexicon::time_unit(self.low(e + 1)) {
                return Some(self.adjectival_duration(num, unit, e + 2));
            }
            if num.words {
                if lexicon::ordinal_unit_word(self.low(e + 1)).is_some() {
                    // "twenty-first": an ordinal.
                    return None;
                }
                // "a seven-count indictment", "a five-member panel".
                if lexicon::hyphen_count_noun(self.low(e + 1))
                    && !num.scaled
                    && value >= 1.0
                    && value.fract() == 0.0
                {
                    let word = self.low(e + 1).to_string();
                    return Some(Step::Hit(Hit {
                        unit: Some(word),
                        ..Hit::number(start, e + 2, FactKind::Count, value)
                    }));
                }
                // "one-sided", "two-way", "two-state".
                return Some(Step::Skip(e + 2));
            }
            // "20-member delegation" (but "2.7 million-strong" is no count
            // of "strong").
            // "800-pound gorilla": a weight, though "pound" is money too.
            let noun = self.is_content(e + 1) || lexicon::is_currency_name(self.low(e + 1));
            if noun && self.is_word(e + 1) && value.fract() == 0.0 && !num.scaled {
                let word = self.low(e + 1).to_string();
                return Some(Step::Hit(Hit {
                    unit: Some(word),
                    ..Hit::number(start, e + 2, FactKind::Count, value)
                }));
            }
        }
        if num.four_digits && !qualified && !self.is_people_next(e) {
            let prep = lexicon::year_preposition(self.before(start));
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
        // A number in words says nothing on its own ("the two met"),
        // unless it is a share of something ("Fifteen of the 19") or what
        // a figure came to ("the toll rose to nineteen.").
        if num.words && !num.scaled && !qualified && !self.word_figure(num) {
            return None;
        }
        if num.article && !num.scaled {
            return None;
        }
        Some(Step::Hit(Hit::number(start, e, FactKind::Number, value)))
    }

    /// A number in words that stands alone as a figure: two or more, and
    /// either a part ("Fifteen of the 19 hijackers", "two of them") or
    /// the end of a clause after a word that reports a figure ("rose to
    /// nineteen.", "the count was twelve,").
    fn word_figure(&self, num: Num) -> bool {
        if num.article || num.value < 2.0 {
            return false;
        }
        let e = num.end;
        if self.low(e) == "of" {
            return matches!(
                self.low(e + 1),
                "the" | "them" | "us" | "those" | "these" | "its" | "his" | "her" | "their" | "our"
            ) || self.is_num(e + 1);
        }
        let ends = !self.is_word(e) && !self.is_num(e) && !self.hyphen(e);
        ends && matches!(
            self.before(num.start),
            "to" | "at"
                | "reached"
                | "hit"
                | "totaled"
                | "totalled"
                | "numbered"
                | "was"
                | "is"
                | "were"
                | "are"
                | "now"
                | "just"
                | "only"
        )
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
}
