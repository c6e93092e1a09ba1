//! Amounts of money: a currency before ("$240 billion", "USD 5") or
//! after ("30 million rubles", "Hong Kong dollars").

use super::numerals::parse_digits;
use super::{lexicon, Hit, Scanner, Step};
use crate::extract::{FactKind, FactValue};

impl Scanner<'_> {
    /// "$240 billion", "US$5m", "€3.5m", "£2bn", "USD 5 million".
    pub(super) fn money_prefix(&self, i: usize) -> Option<Step> {
        if let Some(step) = self.glued_code(i) {
            return Some(step);
        }
        let (currency, k) = if let Some(c) = lexicon::currency_symbol(self.raw(i)) {
            (c, i + 1)
        } else if let Some(c) = lexicon::currency_prefix_word(self.raw(i)) {
            // "Rs 300", "Rs. 300", "RM 7".
            let dotted = self.raw(i + 1) == "." && self.glued(i + 1);
            (c, if dotted { i + 2 } else { i + 1 })
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

    /// A code glued to its amount, one token: "EUR12.50", "RM7",
    /// "Rs300", "USD5bn", then perhaps a scale ("EUR12 million").
    fn glued_code(&self, i: usize) -> Option<Step> {
        if !self.is_word(i) {
            return None;
        }
        let raw = self.raw(i);
        let split = raw.find(|c: char| c.is_ascii_digit())?;
        let (code, amount) = raw.split_at(split);
        let currency =
            lexicon::currency_code(code).or_else(|| lexicon::currency_prefix_word(code))?;
        let (mut value, suffix) = parse_digits(amount)?;
        if !suffix.is_empty() {
            value *= lexicon::scale_abbrev(&suffix)?.0;
        }
        let mut end = i + 1;
        if suffix.is_empty() && self.is_word(end) {
            if let Some(scale) =
                lexicon::scale_word(self.low(end)).filter(|_| self.low(end) != "hundred")
            {
                value *= scale;
                end += 1;
            }
        }
        Some(Step::Hit(Hit {
            value: Some(FactValue::Money {
                amount: value,
                currency: currency.to_string(),
            }),
            numeric: true,
            ..Hit::new(i, end, FactKind::Money)
        }))
    }

    /// The currency after an amount ("yuan", "US dollars", "USD", a
    /// glued "€"): (code, end).
    pub(super) fn currency_after(&self, e: usize, scaled: bool) -> Option<(&'static str, usize)> {
        // "15€", "15 €".
        if let Some(code) = lexicon::currency_symbol(self.raw(e)).filter(|_| self.raw(e) != "$") {
            return Some((code, e + 1));
        }
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
}
