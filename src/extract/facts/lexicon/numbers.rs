//! Number words, scales, fractions, ordinals and the hedges before a
//! value.

use crate::extract::Qualifier;

/// "zero" … "nineteen".
pub(crate) fn unit_word(w: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    UNITS.iter().position(|&u| u == w).map(|n| n as f64)
}

/// "twenty" … "ninety".
pub(crate) fn tens_word(w: &str) -> Option<f64> {
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|&t| t == w)
        .map(|n| (n as f64 + 2.0) * 10.0)
}

/// Multipliers written as words.
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        // South Asian scales: a lakh is 100,000, a crore 10 million.
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Multipliers written as abbreviations, on their own ("$5 bn") or glued
/// to digits ("2bn"). The bare letters are ambiguous ("100m" sprint), so
/// the caller accepts them only next to a currency.
pub(crate) fn scale_abbrev(w: &str) -> Option<(f64, bool)> {
    // (multiplier, unambiguous without a currency)
    Some(match w {
        "k" => (1e3, false),
        "m" => (1e6, false),
        "mn" | "mln" => (1e6, true),
        "b" => (1e9, false),
        "bn" | "bln" => (1e9, true),
        "tn" | "trn" => (1e12, true),
        _ => return None,
    })
}

/// "first" … "twentieth", the tens ("thirtieth"), "hundredth".
pub(crate) fn ordinal_word(w: &str) -> Option<f64> {
    // Every ordinal word ends so; most words asked do not.
    if !["st", "nd", "rd", "th"].iter().any(|end| w.ends_with(end)) {
        return None;
    }
    const ORDINALS: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    const TENS: [&str; 7] = [
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    if let Some(n) = ORDINALS.iter().position(|&o| o == w) {
        return Some(n as f64 + 1.0);
    }
    if let Some(n) = TENS.iter().position(|&o| o == w) {
        return Some((n as f64 + 3.0) * 10.0);
    }
    (w == "hundredth").then_some(100.0)
}

/// The ordinal unit words that follow a tens word ("twenty-first").
pub(crate) fn ordinal_unit_word(w: &str) -> Option<f64> {
    ordinal_word(w).filter(|&n| n < 10.0)
}

/// Does a digit ordinal carry a plausible suffix ("1st", "22nd", "13th")?
pub(crate) fn ordinal_suffix(n: u64, suffix: &str) -> bool {
    let want = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    // Lenient about "2d"/"3d" spellings and mistakes like "2th".
    suffix == want || matches!(suffix, "th" | "d")
}

/// Fraction words: (value, plural form).
pub(crate) fn fraction_word(w: &str) -> Option<(f64, bool)> {
    Some(match w {
        "half" => (0.5, false),
        "halves" => (0.5, true),
        "quarter" => (0.25, false),
        "quarters" => (0.25, true),
        "third" => (1.0 / 3.0, false),
        "thirds" => (1.0 / 3.0, true),
        _ => return None,
    })
}

/// Hedges before a value: (words, qualifier), longest first so the scanner
/// can take the first that matches.
pub(crate) const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["all", "-", "time", "high", "of"], Qualifier::Record),
    (&["record", "-", "high"], Qualifier::Record),
    (&["record", "high", "of"], Qualifier::Record),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["a", "maximum", "of"], Qualifier::AtMost),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["as", "high", "as"], Qualifier::UpTo),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["just", "above"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["just", "under"], Qualifier::LessThan),
    (&["just", "below"], Qualifier::LessThan),
    (&["a", "full"], Qualifier::Exactly),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::AtMost),
    (&["up", "to"], Qualifier::UpTo),
    (&["an", "estimated"], Qualifier::About),
    (&["close", "to"], Qualifier::Nearly),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["estimated"], Qualifier::About),
    (&["circa"], Qualifier::About),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["record"], Qualifier::Record),
    (&["exactly"], Qualifier::Exactly),
    (&["precisely"], Qualifier::Exactly),
    // "all 2,000 troops": every one of a stated number.
    (&["all"], Qualifier::Exactly),
];

/// Superlatives that follow an ordinal ("second largest").
pub(crate) fn is_superlative(low: &str) -> bool {
    matches!(
        low,
        "largest"
            | "biggest"
            | "highest"
            | "lowest"
            | "smallest"
            | "longest"
            | "strongest"
            | "richest"
            | "deadliest"
            | "busiest"
            | "worst"
            | "best"
            | "fastest"
            | "oldest"
            | "greatest"
            | "most"
            | "least"
            | "heaviest"
            | "poorest"
            | "widest"
            | "weakest"
            | "costliest"
            | "closest"
    )
}

/// Prefixes glued to a number by a hyphen that keep it a fact ("mid-2023").
pub(crate) fn number_prefix(low: &str) -> bool {
    matches!(low, "mid" | "pre" | "post" | "early" | "late")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_ordinals() {
        assert_eq!(unit_word("nineteen"), Some(19.0));
        assert_eq!(tens_word("ninety"), Some(90.0));
        assert_eq!(ordinal_word("fifth"), Some(5.0));
        assert_eq!(ordinal_word("fortieth"), Some(40.0));
        assert!(ordinal_suffix(21, "st") && ordinal_suffix(12, "th") && !ordinal_suffix(3, "st"));
    }
}
