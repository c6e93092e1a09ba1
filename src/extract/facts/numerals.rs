//! Numbers as written, in digits ("1,200", "2bn", "12.5 million") or
//! words ("twenty-one", "three dozen", "two and a half").

use super::lexicon::TimeUnit;
use super::{lexicon, Num, Scanner};

impl Scanner<'_> {
    /// Digits at `i` with a glued or following scale ("2bn", "12.5
    /// million", "1.2-billion"). `money` admits the ambiguous "m", "k", "b".
    pub(super) fn digits(&self, i: usize, money: bool) -> Option<Num> {
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
                // "1.5 lakh crore": a larger scale multiplies.
                if let Some(more) = lexicon::scale_word(self.low(j + 1)).filter(|&m| m > scale) {
                    value *= more;
                    num.end = j + 2;
                }
            }
        }
        num.value = value;
        value.is_finite().then_some(num)
    }

    /// A number in words at `i`: "two", "twenty-one", "three dozen",
    /// "two and a half", "a quarter", "half a million", "a million".
    pub(super) fn words(&self, i: usize) -> Option<Num> {
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
            // "a pound", "a dollar" (but not "a pound of flesh": that is
            // for the currency to decide).
            if lexicon::counted_by_article(next) && self.is_word(i + 1) {
                return Some(Num {
                    value: 1.0,
                    article: true,
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
        let mut last_scale = 0.0;
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
                // "one lakh crore": a larger scale after a scale multiplies.
                if last == Last::Scale && current == 0.0 && scale > last_scale {
                    total *= scale;
                    last_scale = scale;
                    j += 1;
                    continue;
                }
                if !matches!(last, Last::Unit | Last::Tens | Last::Hundred) {
                    break;
                }
                total += current.max(1.0) * scale;
                current = 0.0;
                last_scale = scale;
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
}

/// Digits with optional thousands commas and decimals, and a letter
/// suffix ("1,200" → 1200, "3.5m" → 3.5 and "m", "21st" → 21 and "st").
/// `None` for anything else ("1.2.3", "1,2", "٢٠").
pub(super) fn parse_digits(raw: &str) -> Option<(f64, String)> {
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
