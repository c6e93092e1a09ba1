//! Amounts across reports: hedges, rounding and when two figures
//! conflict.

use crate::extract::{Fact, FactValue, Qualifier};

/// How a value is hedged, for telling whether two hedges say different
/// things: a plain figure, an approximate one, a floor or a ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hedge {
    Point,
    Approximate,
    Lower,
    Upper,
}

fn hedge(fact: &Fact) -> Hedge {
    match fact.qualifier {
        None | Some(Qualifier::Record | Qualifier::Exactly) => Hedge::Point,
        Some(Qualifier::About) => Hedge::Approximate,
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => Hedge::Lower,
        Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo | Qualifier::Nearly) => {
            Hedge::Upper
        }
    }
}

/// Two hedges disagree when one bounds the value and the other does not
/// bound it the same way ("more than" against a plain figure, "about" or
/// "less than"). "At least" and "more than" agree, and so do "about" and a
/// plain figure: news figures are round, so "800,000" is already about
/// 800,000.
pub(super) fn hedges_differ(a: &Fact, b: &Fact) -> bool {
    let bound = |h: Hedge| matches!(h, Hedge::Lower | Hedge::Upper);
    let (x, y) = (hedge(a), hedge(b));
    x != y && (bound(x) || bound(y))
}

/// Two amounts conflict unless they are equal, one rounds the other, or a
/// hedge covers the gap ("more than 30" and "35", "nearly 240" and "240").
/// Two bounds the same way on different figures ("as many as 1.5 million",
/// "up to 1.6 million") disagree.
pub(super) fn values_conflict(a: &Fact, b: &Fact) -> bool {
    let (Some(x), Some(y)) = (number(a), number(b)) else {
        return false;
    };
    if measure(a) != measure(b) || x == y || rounds_to(a, b) {
        return false;
    }
    let bound = |f: &Fact| match hedge(f) {
        h @ (Hedge::Lower | Hedge::Upper) => Some(h),
        _ => None,
    };
    if bound(a).is_some() && bound(a) == bound(b) {
        return true;
    }
    let covers = |hedged: &Fact, h: f64, other: f64| match hedged.qualifier {
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => other >= h,
        Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo) => other <= h,
        Some(Qualifier::About | Qualifier::Nearly) => (h - other).abs() <= 0.1 * h.abs(),
        _ => false,
    };
    !(covers(a, x, y) || covers(b, y, x))
}

/// What an amount is measured in: a currency or unit of time, else
/// nothing (counts and percentages compare by kind and unit).
pub(super) fn measure(fact: &Fact) -> &str {
    match &fact.value {
        Some(FactValue::Money { currency, .. }) => currency,
        Some(FactValue::Duration { unit, .. }) => unit,
        _ => "",
    }
}

/// One figure is the other rounded to the precision it is written with
/// ("$43,000" and "$43,350", "$1.4 billion" and "$1.375 billion", "$700
/// billion" and "$716 billion"), and the two are within a tenth of each
/// other ("10,000" does not round "5,587.75").
pub(super) fn rounds_to(a: &Fact, b: &Fact) -> bool {
    let (Some(x), Some(y)) = (number(a), number(b)) else {
        return false;
    };
    let near = |p: f64, q: f64| (p - q).abs() <= 1e-9 * p.abs().max(q.abs()).max(1.0);
    let round = |v: f64, step: f64| (v / step).round() * step;
    (x - y).abs() <= 0.1 * x.abs().max(y.abs())
        && (near(round(x, written_step(b)), y) || near(round(y, written_step(a)), x))
}

/// The place of the last significant digit of an amount as written: 0.01
/// for "$5,687.75", 1,000 for "$43,000", 100 million for "$3.6 billion",
/// 1 for "five".
pub(super) fn written_step(fact: &Fact) -> f64 {
    let Some(value) = number(fact) else {
        return 1.0;
    };
    let text = fact.text.as_str();
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        // In words: "two hundred" is given to the hundred.
        let mut step = 1.0;
        let mut rest = value.abs();
        while rest >= 10.0 && rest.fract() == 0.0 && (rest / 10.0).fract() == 0.0 {
            rest /= 10.0;
            step *= 10.0;
        }
        return step;
    };
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let Ok(raw) = digits.parse::<f64>() else {
        return 1.0;
    };
    let scale = if raw == 0.0 { 1.0 } else { value.abs() / raw };
    let place = match digits.split_once('.') {
        Some((_, fraction)) => 10f64.powi(-(fraction.len().min(12) as i32)),
        None => {
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            if zeros == digits.len() {
                1.0
            } else {
                10f64.powi(zeros.min(15) as i32)
            }
        }
    };
    scale * place
}

/// The larger of two figures is at most `ratio` times the smaller.
pub(super) fn near_miss(a: &Fact, b: &Fact, ratio: f64) -> bool {
    match (number(a), number(b)) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => x.max(y) <= ratio * x.min(y),
        _ => false,
    }
}

pub(super) fn number(fact: &Fact) -> Option<f64> {
    match fact.value.as_ref()? {
        FactValue::Number(x) => Some(*x),
        FactValue::Money { amount, .. } | FactValue::Duration { amount, .. } => Some(*amount),
        FactValue::Tally { .. } => None,
    }
}
