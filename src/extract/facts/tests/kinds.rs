//! Issue #16: what the new rules must not read as their kind, and dates
//! without a year resolved against other publication dates.

use jiff::civil::{date, Date};

use super::{facts, K, PUBLISHED};

/// Facts that must not be read as a tally, an age, a count of currency,
/// a date or a figure.
#[test]
fn not_that_kind_either() {
    let kinds = |s: &str| -> Vec<(String, K)> {
        facts(s, Some(PUBLISHED))
            .into_iter()
            .map(|f| (f.text, f.kind))
            .collect()
    };
    // Tallies: never a date range, a year range, a phone number or 9-11.
    let no_tally = |s: &str| kinds(s).iter().all(|(_, k)| *k != K::Tally);
    for s in [
        "The war lasted from 2010-2013.",
        "The 2019-20 season was cut short.",
        "Call 555-0123 for details.",
        "He wrote about 9-11 often.",
        "Between 10-15 people were hurt.",
        "The event drew 1-2-3 fans.",
        "Children aged 5-12 may enter.",
        "The festival ran Aug. 21-23.",
    ] {
        assert!(no_tally(s), "{s}: {:?}", kinds(s));
    }
    assert_eq!(
        kinds("The war lasted from 2010-2013."),
        [("2010-2013".to_string(), K::Year)]
    );
    // Ages need a name before the comma; other "Word, 68," are not.
    let no_age = |s: &str| kinds(s).iter().all(|(_, k)| *k != K::Age);
    for s in [
        "Room 68, on the top floor, was sealed.",
        "In Ohio, 52 people died.",
        "Chapter 7, which covers debts, applies.",
        "On Monday, 12, not 20, arrived.",
        "In March, 40, or nearly half, left.",
        "The index rose 68, to close higher.",
        "Children aged 5-12 may enter.",
    ] {
        assert!(no_age(s), "{s}: {:?}", kinds(s));
    }
    // Currencies are money or nothing, never the noun of a count.
    assert_eq!(
        kinds("The fine was 3,000 dinars."),
        [("3,000".to_string(), K::Number)]
    );
    assert_eq!(kinds("He ate a pound of beef."), Vec::<(String, K)>::new());
    assert_eq!(kinds("Prices rose 5 won."), [("5".to_string(), K::Number)]);
    // A bare month before a capital or a verb of saying is a person.
    assert!(kinds("April Ryan asked first.").is_empty());
    assert_eq!(
        kinds("She met June in Paris in June."),
        [("June".to_string(), K::Date), ("June".to_string(), K::Date)]
    );
    // Word numbers alone: not "one", not before a verb or noun phrase.
    assert!(kinds("The two met in Geneva.").is_empty());
    assert!(kinds("He was the one.").is_empty());
    assert!(kinds("Moscow saw one of the largest waves.").is_empty());
    // "the 21st century" is an ordinal, not a day of the month.
    assert_eq!(
        kinds("On the 21st century stage, it matters."),
        [("21st century".to_string(), K::Ordinal)]
    );
    // "one-sided", "two-state": kinds, not counts.
    assert!(kinds("It was a two-state plan.").is_empty());
    // A duration that says how long something took stays a duration.
    assert_eq!(
        kinds("The tower was finished in six months."),
        [("six months".to_string(), K::Duration)]
    );
}

/// A month, or month and day, without a year is the occurrence nearest
/// publication; a tie (six months either way) goes to the past.
#[test]
fn dates_without_a_year_are_the_nearest() {
    let on = |text: &str, published: Date| -> Vec<(String, Option<String>)> {
        facts(text, Some(published))
            .into_iter()
            .map(|f| (f.text, f.resolved.map(|d| d.to_string())))
            .collect()
    };
    let one = |text: &str, span: &str, published: Date| {
        on(text, published)
            .into_iter()
            .find(|(t, _)| t == span)
            .and_then(|(_, d)| d)
    };
    let april = date(2018, 4, 6);
    let december = date(2018, 12, 21);
    assert_eq!(
        one("In December, he said he would go.", "December", april).as_deref(),
        Some("2017-12-01")
    );
    assert_eq!(
        one("His final day will be Feb. 28.", "Feb. 28", december).as_deref(),
        Some("2019-02-28")
    );
    assert_eq!(
        one("He was leaving in February.", "February", december).as_deref(),
        Some("2019-02-01")
    );
    assert_eq!(
        one("In October, the plant closes.", "October", april).as_deref(),
        Some("2017-10-01")
    );
    assert_eq!(
        one("Talks began on March 30.", "March 30", april).as_deref(),
        Some("2018-03-30")
    );
    assert_eq!(
        one("Shops shut on Christmas.", "Christmas", april).as_deref(),
        Some("2017-12-25")
    );
    assert_eq!(
        one("Shops shut on Christmas.", "Christmas", december).as_deref(),
        Some("2018-12-25")
    );
    assert_eq!(
        one(
            "The race is on Thanksgiving.",
            "Thanksgiving",
            date(2018, 12, 21)
        )
        .as_deref(),
        Some("2018-11-22")
    );
    assert_eq!(
        one("It opens at Easter.", "Easter", date(2019, 1, 10)).as_deref(),
        Some("2019-04-21")
    );
    assert_eq!(
        one("Payments resume on the 2nd.", "2nd", date(2024, 8, 30)).as_deref(),
        Some("2024-09-02")
    );
    // "last February" keeps its calendar reading.
    assert_eq!(
        one("Rates rose last February.", "last February", april).as_deref(),
        Some("2017-02-01")
    );
}
