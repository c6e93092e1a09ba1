//! Calendar arithmetic for resolving dates against a reference date.
//! Every function is fallible: out-of-range years, impossible days and
//! absurd offsets give `None`, never a panic.

use jiff::civil::{Date, Weekday};
use serde::{Deserialize, Serialize};

use super::lexicon::TimeUnit;

/// Which way a weekday or weekend points from the reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// The most recent one on or before the reference ("Wednesday" in a
    /// past-tense report).
    OnOrBefore,
    /// Strictly before ("last Friday").
    Before,
    /// The first one on or after the reference ("will meet on Tuesday",
    /// "this Friday").
    OnOrAfter,
    /// Strictly after ("next Tuesday").
    After,
}

/// A date from numbers that may be out of range.
pub(crate) fn ymd(year: i64, month: i64, day: i64) -> Option<Date> {
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// `date` moved by `days` (negative goes back).
pub(crate) fn add_days(date: Date, days: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(days).ok()?;
    date.checked_add(span).ok()
}

/// `date` moved by `months`, the day clamped to the month's length.
pub(crate) fn add_months(date: Date, months: i64) -> Option<Date> {
    let span = jiff::Span::new().try_months(months).ok()?;
    date.checked_add(span).ok()
}

/// The weekday `weekday` nearest `published` in `direction`.
pub(crate) fn weekday_from(
    published: Date,
    weekday: Weekday,
    direction: Direction,
) -> Option<Date> {
    let from = i64::from(published.weekday().to_monday_zero_offset());
    let to = i64::from(weekday.to_monday_zero_offset());
    let back = (from - to).rem_euclid(7);
    let forward = (to - from).rem_euclid(7);
    let days = match direction {
        Direction::OnOrBefore => -back,
        Direction::Before => -(if back == 0 { 7 } else { back }),
        Direction::OnOrAfter => forward,
        Direction::After => {
            if forward == 0 {
                7
            } else {
                forward
            }
        }
    };
    add_days(published, days)
}

/// The Monday starting the week `offset` weeks from the publication week.
pub(crate) fn week_start(published: Date, offset: i64) -> Option<Date> {
    let monday = add_days(
        published,
        -i64::from(published.weekday().to_monday_zero_offset()),
    )?;
    add_days(monday, offset.checked_mul(7)?)
}

/// The first day of the month `offset` months from the publication month.
pub(crate) fn month_start(published: Date, offset: i64) -> Option<Date> {
    add_months(published.first_of_month(), offset)
}

/// The first of January `offset` years from the publication year.
pub(crate) fn year_start(published: Date, offset: i64) -> Option<Date> {
    ymd(i64::from(published.year()).checked_add(offset)?, 1, 1)
}

/// The Saturday of a weekend: `Before` is the last weekend that has ended
/// (a report published on a Sunday means the one before), `OnOrAfter`
/// this weekend, `After` the weekend after it.
pub(crate) fn weekend(published: Date, direction: Direction) -> Option<Date> {
    let sunday = published.weekday() == Weekday::Sunday;
    match direction {
        Direction::Before | Direction::OnOrBefore => {
            let saturday = weekday_from(published, Weekday::Saturday, Direction::Before)?;
            if sunday {
                add_days(saturday, -7)
            } else {
                Some(saturday)
            }
        }
        Direction::OnOrAfter | Direction::After => {
            let this = if sunday {
                add_days(published, -1)?
            } else {
                weekday_from(published, Weekday::Saturday, Direction::OnOrAfter)?
            };
            if direction == Direction::After {
                add_days(this, 7)
            } else {
                Some(this)
            }
        }
    }
}

/// `amount` units as whole months and days, for moving a date by them:
/// fractions of a month or year become days ("two and a half years" is 30
/// months); hours and smaller round down to whole days. `None` for a
/// negative or absurd amount.
pub(crate) fn months_and_days(amount: f64, unit: TimeUnit) -> Option<(i64, i64)> {
    if !amount.is_finite() || !(0.0..=1e6).contains(&amount) {
        return None;
    }
    let (months, days) = match unit {
        TimeUnit::Second | TimeUnit::Minute => (0.0, 0.0),
        TimeUnit::Hour => (0.0, (amount / 24.0).floor()),
        TimeUnit::Day => (0.0, amount.round()),
        TimeUnit::Week => (0.0, (amount * 7.0).round()),
        TimeUnit::Month => (amount, 0.0),
        TimeUnit::Year => (amount * 12.0, 0.0),
        TimeUnit::Decade => (amount * 120.0, 0.0),
        TimeUnit::Century => (amount * 1200.0, 0.0),
    };
    let whole = months.trunc();
    let days = days + ((months - whole) * 30.44).round();
    // Both are below 1.2e9 here, well inside i64.
    Some((whole as i64, days as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn weekdays_around_a_wednesday() {
        let wed = date(2024, 8, 21);
        let d = |w, dir| weekday_from(wed, w, dir).map(|d| d.to_string());
        assert_eq!(
            d(Weekday::Wednesday, Direction::OnOrBefore).as_deref(),
            Some("2024-08-21")
        );
        assert_eq!(
            d(Weekday::Wednesday, Direction::Before).as_deref(),
            Some("2024-08-14")
        );
        assert_eq!(
            d(Weekday::Monday, Direction::OnOrBefore).as_deref(),
            Some("2024-08-19")
        );
        assert_eq!(
            d(Weekday::Tuesday, Direction::OnOrAfter).as_deref(),
            Some("2024-08-27")
        );
        assert_eq!(
            d(Weekday::Wednesday, Direction::After).as_deref(),
            Some("2024-08-28")
        );
        assert_eq!(
            d(Weekday::Friday, Direction::Before).as_deref(),
            Some("2024-08-16")
        );
    }

    #[test]
    fn periods_and_shifts() {
        let wed = date(2024, 8, 21);
        assert_eq!(week_start(wed, -1), Some(date(2024, 8, 12)));
        assert_eq!(month_start(wed, -1), Some(date(2024, 7, 1)));
        assert_eq!(year_start(wed, 1), Some(date(2025, 1, 1)));
        assert_eq!(weekend(wed, Direction::Before), Some(date(2024, 8, 17)));
        assert_eq!(
            weekend(date(2024, 8, 18), Direction::Before),
            Some(date(2024, 8, 10))
        );
        assert_eq!(weekend(wed, Direction::OnOrAfter), Some(date(2024, 8, 24)));
        assert_eq!(months_and_days(2.5, TimeUnit::Year), Some((30, 0)));
        assert_eq!(months_and_days(2.0, TimeUnit::Week), Some((0, 14)));
        assert_eq!(months_and_days(1.5, TimeUnit::Month), Some((1, 15)));
        assert_eq!(months_and_days(50.0, TimeUnit::Hour), Some((0, 2)));
        assert_eq!(months_and_days(1e300, TimeUnit::Day), None);
        assert_eq!(months_and_days(-1.0, TimeUnit::Day), None);
        assert_eq!(add_months(date(2024, 8, 21), -1_200_000_000), None);
        assert_eq!(ymd(2023, 2, 30), None);
        assert_eq!(ymd(99999, 1, 1), None);
        assert_eq!(year_start(date(9999, 1, 1), 1), None);
    }
}
