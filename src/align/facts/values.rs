//! Amounts across reports: hedges, rounding and when two figures
//! conflict.

use crate::extract::{Fact, FactValue, Qualifier};

/// How a value is hedged, for telling whether two hedges say different
/// things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Hedge {
    /// A plain figure ("2,000").
    Point,
    /// One said to be approximate ("roughly 2,000"): news figures are
    /// round, so a plain "800,000" is already about 800,000.
    Approximate,
    /// One said to be exact ("all 2,000", "exactly 15").
    Exact,
    /// A floor that may be the value ("at least").
    Floor,
    /// A floor above the value ("more than", "over").
    Above,
    /// A ceiling that may be the value ("up to", "at most").
    Ceiling,
    /// A ceiling below the value ("less than", "under").
    Below,
    /// Short of the value ("nearly", "almost").
    Short,
}

fn hedge(fact: &Fact) -> Hedge {
    match fact.qualifier {
        None | Some(Qualifier::Record) => Hedge::Point,
        Some(Qualifier::About) => Hedge::Approximate,
        Some(Qualifier::Exactly) => Hedge::Exact,
        Some(Qualifier::AtLeast) => Hedge::Floor,
        Some(Qualifier::MoreThan) => Hedge::Above,
        Some(Qualifier::AtMost | Qualifier::UpTo) => Hedge::Ceiling,
        Some(Qualifier::LessThan) => Hedge::Below,
        Some(Qualifier::Nearly) => Hedge::Short,
    }
}

/// Two hedges on one figure disagree when one bounds the value and the
/// other does not bound it the same way ("more than" against a plain
/// figure, "about", "at least" or "less than"), or when one is said to be
/// exact and the other approximate. A plain figure agrees with both.
pub(super) fn hedges_differ(a: &Fact, b: &Fact) -> bool {
    let (x, y) = (hedge(a), hedge(b));
    let plain =
        |p: Hedge, q: Hedge| p == Hedge::Point && matches!(q, Hedge::Approximate | Hedge::Exact);
    x != y && !plain(x, y) && !plain(y, x)
}

/// Two amounts conflict unless they are equal, one rounds the other, or a
/// hedge covers the gap ("more than 30" and "35", "nearly 240" and "240").
/// Two bounds the same way on different figures ("as many as 1.5 million",
/// "up to 1.6 million") disagree. (What [`amount_difference`] calls a
/// conflict, less roundings; kept for the tests that state the rule.)
#[cfg(test)]
pub(super) fn values_conflict(a: &Fact, b: &Fact) -> bool {
    !rounds_to(a, b) && amount_difference(a, b) == Some(AmountDifference::Conflict)
}

/// The way a hedge bounds its figure, if it does: from below or above.
fn bound(h: Hedge) -> Option<Hedge> {
    match h {
        Hedge::Floor | Hedge::Above => Some(Hedge::Above),
        Hedge::Ceiling | Hedge::Below => Some(Hedge::Below),
        _ => None,
    }
}

/// How two figures for one quantity differ, if they do: a bound that
/// allows the other figure ("over $10,000" and "$10,977.74") is a
/// qualifier difference; a rounding ("$43,000" and "$43,350"), an
/// approximation ("some 16" and "15") or any other gap a value
/// difference.
pub(super) fn amount_difference(a: &Fact, b: &Fact) -> Option<AmountDifference> {
    let (x, y) = (number(a)?, number(b)?);
    if measure(a) != measure(b) || x == y {
        return None;
    }
    let (ha, hb) = (hedge(a), hedge(b));
    Some(if bound(ha).is_some() && bound(ha) == bound(hb) {
        AmountDifference::Conflict
    } else if covers(a, x, y) || covers(b, y, x) {
        // "about 16" and "15" still give two figures; "over $300" and
        // "$313.89" one figure, bounded by one report.
        if bound(ha).is_some() || bound(hb).is_some() {
            AmountDifference::Covered
        } else {
            AmountDifference::Rounded
        }
    } else if !hedges_differ(a, b) && bound(ha).is_none() && bound(hb).is_none() && rounds_to(a, b)
    {
        AmountDifference::Rounded
    } else {
        AmountDifference::Conflict
    })
}

/// The hedge on `hedged` (of figure `h`) allows `other`: "more than 30"
/// allows 35, "about 3.6 billion" allows 3.5 billion.
fn covers(hedged: &Fact, h: f64, other: f64) -> bool {
    match hedged.qualifier {
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => other >= h,
        Some(Qualifier::LessThan | Qualifier::AtMost | Qualifier::UpTo) => other <= h,
        Some(Qualifier::About | Qualifier::Nearly) => (h - other).abs() <= 0.1 * h.abs(),
        _ => false,
    }
}

/// See [`amount_difference`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AmountDifference {
    /// The figures cannot both hold.
    Conflict,
    /// One is the other rounded, or said to be about it.
    Rounded,
    /// A bound on one allows the other.
    Covered,
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

/// What a count counts, with the words news use for one thing brought
/// together ("7,000 soldiers" and "7,000 troops", "16 measures" and "15
/// bills"); other units as extracted.
pub(super) fn counted(fact: &Fact) -> &str {
    let unit = fact.unit.as_deref().unwrap_or("");
    match unit {
        "soldiers" | "troops" | "service members" | "servicemembers" => "troops",
        "people" | "persons" | "individuals" => "people",
        "bills" | "measures" => "bills",
        "deaths" | "fatalities" | "dead" => "deaths",
        "injured" | "wounded" | "injuries" => "injured",
        "children" | "kids" => "children",
        "vehicles" | "cars" => "vehicles",
        _ => unit,
    }
}
