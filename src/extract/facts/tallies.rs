//! Tallies and scores ("voted 97-1", "a 134-to-63 vote", "won 3-1") and
//! ages ("Mattis, 68, had said", "aged 68").

use super::numerals::parse_digits;
use super::{lexicon, Hit, Scanner, Step};
use crate::extract::{FactKind, FactValue};

impl Scanner<'_> {
    /// A whole number of up to four digits at `i` ("97", "1,200" is not).
    fn small_whole(&self, i: usize) -> Option<f64> {
        let raw = self.raw(i);
        if !self.is_num(i) || raw.len() > 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        parse_digits(raw).map(|(n, _)| n)
    }

    /// Two figures "97-1", "134-to-63", or after "a vote of" "134 to 63":
    /// a tally when a word of voting or winning is next to it, or when the
    /// first is not below the second (a range runs upwards: "10-15").
    pub(super) fn tally(&self, i: usize) -> Option<Step> {
        let first = self.small_whole(i)?;
        let (second, mut end, hyphenated) = if self.hyphen(i + 1) {
            if self.low(i + 2) == "to" && self.hyphen(i + 3) {
                (self.small_whole(i + 4)?, i + 5, true)
            } else {
                (self.small_whole(i + 2)?, i + 3, false)
            }
        } else if self.low(i + 1) == "to" {
            (self.small_whole(i + 2)?, i + 3, false)
        } else {
            return None;
        };
        // "1-2-3", "555-0123-4567": a chain, not a pair.
        if matches!(self.raw(end), "-" | "/") && self.glued(end) {
            return None;
        }
        let spaced = self.low(i + 1) == "to";
        let prev = self.before(i);
        // "a vote of 134 to 63", "voted 97 to 1".
        let counted = prev == "of"
            && i >= 2
            && matches!(
                self.low(i - 2),
                "vote" | "votes" | "margin" | "tally" | "score"
            );
        // "beat Ryan 134 to 63": the verb before the name.
        let over_name = i >= 2 && self.capitalised(i - 1) && lexicon::tally_verb(self.low(i - 2));
        let cue_before = lexicon::tally_verb(prev) || counted || over_name;
        let noun = self.toks.get(end).is_some_and(|t| t.gap) && lexicon::tally_noun(self.low(end));
        let tally = if spaced {
            cue_before
        } else {
            cue_before || noun || hyphenated || first >= second
        };
        // "9-11" is the day, "2010-2013" years.
        let years = (1900.0..2200.0).contains(&first) && self.raw(i + 2).len() >= 2;
        if !tally || (first, second) == (9.0, 11.0) || years {
            return None;
        }
        // The noun is in the span but not the unit: "97-1" and "a 97-1
        // vote" state the same tally.
        if noun {
            end += 1;
        }
        Some(Step::Hit(Hit {
            value: Some(FactValue::Tally { first, second }),
            numeric: true,
            ..Hit::new(i, end, FactKind::Tally)
        }))
    }

    /// "Mattis, 68, had said", "Ms. Pelosi, 76, who", "aged 68", "at age
    /// 68": a person's age.
    pub(super) fn age(&self, i: usize) -> Option<Step> {
        let n = self.small_whole(i).filter(|n| (1.0..=120.0).contains(n))?;
        // "aged 18-24" is a range of ages.
        if self.raw(i).len() > 3 || self.hyphen(i + 1) {
            return None;
        }
        let prev = self.before(i);
        let stated = prev == "aged" || (prev == "age" && i >= 2 && self.low(i - 2) == "at");
        // A name, a comma, the age and a comma or bracket.
        let apposed = prev == ","
            && i >= 2
            && self.is_word(i - 2)
            && self.capitalised(i - 2)
            && self.toks[i - 2].possessive == 0
            && !crate::text::tokens::is_stopword(self.low(i - 2))
            && !lexicon::leads_number(self.low(i - 2))
            && lexicon::month(self.raw(i - 2)).is_none()
            && lexicon::weekday(self.raw(i - 2)).is_none()
            && lexicon::currency_code(self.raw(i - 2)).is_none()
            && matches!(self.raw(i + 1), "," | ")" | "—" | ";");
        (stated || apposed).then(|| Step::Hit(Hit::number(i, i + 1, FactKind::Age, n)))
    }
}
