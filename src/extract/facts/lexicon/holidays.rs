//! Holidays by name, with the day of the year each one falls on.

use jiff::civil::Weekday;

use crate::extract::facts::resolve::Annual;

const fn fixed(month: i8, day: i8) -> Annual {
    Annual::Fixed { month, day }
}

const fn nth(month: i8, weekday: Weekday, nth: i8) -> Annual {
    Annual::NthWeekday {
        month,
        weekday,
        nth,
    }
}

const fn easter(days: i16) -> Annual {
    Annual::Easter { days }
}

/// Holidays as normalised words (a possessive dropped: "New Year's Day" is
/// "new year day"; full stops and apostrophes between the words are
/// skipped), the longer name before the shorter it starts with. The
/// movable US holidays are the federal ones; Mother's Day is the US one.
pub(crate) const HOLIDAYS: &[(&[&str], Annual)] = &[
    (&["new", "year", "day"], fixed(1, 1)),
    (&["new", "year", "eve"], fixed(12, 31)),
    (&["christmas", "eve"], fixed(12, 24)),
    (&["christmas", "day"], fixed(12, 25)),
    (&["christmas"], fixed(12, 25)),
    (&["boxing", "day"], fixed(12, 26)),
    (&["valentine", "day"], fixed(2, 14)),
    (&["halloween"], fixed(10, 31)),
    (&["st", "patrick", "day"], fixed(3, 17)),
    (&["saint", "patrick", "day"], fixed(3, 17)),
    (&["independence", "day"], fixed(7, 4)),
    (&["bastille", "day"], fixed(7, 14)),
    (&["veterans", "day"], fixed(11, 11)),
    (&["juneteenth"], fixed(6, 19)),
    (&["easter", "sunday"], easter(0)),
    (&["easter", "monday"], easter(1)),
    (&["easter"], easter(0)),
    (&["good", "friday"], easter(-2)),
    (&["maundy", "thursday"], easter(-3)),
    (&["palm", "sunday"], easter(-7)),
    (&["ash", "wednesday"], easter(-46)),
    (&["ascension", "day"], easter(39)),
    (&["pentecost"], easter(49)),
    (&["whit", "sunday"], easter(49)),
    (&["thanksgiving", "day"], nth(11, Weekday::Thursday, 4)),
    (&["thanksgiving"], nth(11, Weekday::Thursday, 4)),
    (&["memorial", "day"], nth(5, Weekday::Monday, -1)),
    (&["labor", "day"], nth(9, Weekday::Monday, 1)),
    (
        &["martin", "luther", "king", "jr", "day"],
        nth(1, Weekday::Monday, 3),
    ),
    (
        &["martin", "luther", "king", "day"],
        nth(1, Weekday::Monday, 3),
    ),
    (&["mlk", "day"], nth(1, Weekday::Monday, 3)),
    (&["presidents", "day"], nth(2, Weekday::Monday, 3)),
    (&["president", "day"], nth(2, Weekday::Monday, 3)),
    (&["columbus", "day"], nth(10, Weekday::Monday, 2)),
    (&["mother", "day"], nth(5, Weekday::Sunday, 2)),
    (&["father", "day"], nth(6, Weekday::Sunday, 3)),
];

/// Can the word start a holiday's name? A quick test before the table.
pub(crate) fn starts_holiday(low: &str) -> bool {
    HOLIDAYS.iter().any(|(words, _)| words[0] == low)
}
