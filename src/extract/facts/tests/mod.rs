use jiff::civil::{date, Date};

mod cases_amounts;
mod cases_times;
mod kinds;

use super::find_facts_in as find_facts;
use crate::extract::{Fact, FactKind as K, FactValue, Qualifier as Q};
use crate::span::Span;

/// The expected value of a fact.
#[derive(Debug, Clone, Copy)]
enum V {
    None,
    N(f64),
    M(f64, &'static str),
    D(f64, &'static str),
    /// A tally: (first, second).
    T(f64, f64),
}

/// (sentence, span text, kind, value, resolved ("" for none), qualifier,
/// unit ("" for none)).
type Case = (
    &'static str,
    &'static str,
    K,
    V,
    &'static str,
    Option<Q>,
    &'static str,
);

/// Wednesday: the publication date unless a case says otherwise.
const PUBLISHED: Date = date(2024, 8, 21);

fn facts(text: &str, published: Option<Date>) -> Vec<Fact> {
    find_facts(text, &[Span::new(0, text.len())], published)
}

fn same_value(got: &Option<FactValue>, want: V) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * b.abs().max(1.0);
    match (got, want) {
        (None, V::None) => true,
        (Some(FactValue::Number(n)), V::N(w)) => close(*n, w),
        (Some(FactValue::Money { amount, currency }), V::M(w, c)) => {
            close(*amount, w) && currency == c
        }
        (Some(FactValue::Duration { amount, unit }), V::D(w, u)) => close(*amount, w) && unit == u,
        (Some(FactValue::Tally { first, second }), V::T(a, b)) => {
            close(*first, a) && close(*second, b)
        }
        _ => false,
    }
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // Money.
    ("Trade hit a record $240 billion last year.", "record $240 billion", K::Money, V::M(240e9, "USD"), "", Some(Q::Record), ""),
    ("Trade surpassed a target of $240 billion ahead of schedule.", "$240 billion", K::Money, V::M(240e9, "USD"), "", None, ""),
    ("The deal is worth €3.5m, officials said.", "€3.5m", K::Money, V::M(3.5e6, "EUR"), "", None, ""),
    ("The club paid £2bn for the stadium.", "£2bn", K::Money, V::M(2e9, "GBP"), "", None, ""),
    ("The fund holds US$5 billion in assets.", "US$5 billion", K::Money, V::M(5e9, "USD"), "", None, ""),
    ("Exports rose to 1.2 trillion yuan.", "1.2 trillion yuan", K::Money, V::M(1.2e12, "CNY"), "", None, ""),
    ("The fine was 30 million rubles.", "30 million rubles", K::Money, V::M(3e7, "RUB"), "", None, ""),
    ("They spent 500 dollars on tickets.", "500 dollars", K::Money, V::M(500.0, "USD"), "", None, ""),
    ("The budget is USD 240 million.", "USD 240 million", K::Money, V::M(240e6, "USD"), "", None, ""),
    ("Sales reached ¥1.2 trillion in Japan.", "¥1.2 trillion", K::Money, V::M(1.2e12, "JPY"), "", None, ""),
    ("The loan totals 2.5 billion euros.", "2.5 billion euros", K::Money, V::M(2.5e9, "EUR"), "", None, ""),
    ("It cost $1,200 to fix.", "$1,200", K::Money, V::M(1200.0, "USD"), "", None, ""),
    ("Shares closed at $12.50 on Friday.", "$12.50", K::Money, V::M(12.5, "USD"), "", None, ""),
    ("The startup raised $10k from friends.", "$10k", K::Money, V::M(1e4, "USD"), "", None, ""),
    ("Nearly $1 trillion was pledged.", "Nearly $1 trillion", K::Money, V::M(1e12, "USD"), "", Some(Q::Nearly), ""),
    ("Aid of up to $50 million was approved.", "up to $50 million", K::Money, V::M(50e6, "USD"), "", Some(Q::UpTo), ""),
    ("The fine was 500,000 Hong Kong dollars.", "500,000 Hong Kong dollars", K::Money, V::M(5e5, "HKD"), "", None, ""),
    ("The project cost 3 billion US dollars.", "3 billion US dollars", K::Money, V::M(3e9, "USD"), "", None, ""),
    ("The project cost 3 billion U.S. dollars.", "3 billion U.S. dollars", K::Money, V::M(3e9, "USD"), "", None, ""),
    ("They pledged 20 billion won to the fund.", "20 billion won", K::Money, V::M(2e10, "KRW"), "", None, ""),
    ("He earned HK$5m last year.", "HK$5m", K::Money, V::M(5e6, "HKD"), "", None, ""),
    ("Ticket prices topped 100 euros.", "100 euros", K::Money, V::M(100.0, "EUR"), "", None, ""),
    ("The group lost more than $3 billion.", "more than $3 billion", K::Money, V::M(3e9, "USD"), "", Some(Q::MoreThan), ""),
    ("Revenue was 12 million pounds.", "12 million pounds", K::Money, V::M(12e6, "GBP"), "", None, ""),
    ("A payment of ₽500 million was made.", "₽500 million", K::Money, V::M(5e8, "RUB"), "", None, ""),
    ("The bill was 2,500 Swiss francs.", "2,500 Swiss francs", K::Money, V::M(2500.0, "CHF"), "", None, ""),
    ("He was paid at least $2 million.", "at least $2 million", K::Money, V::M(2e6, "USD"), "", Some(Q::AtLeast), ""),
    ("Investment reached $240bn.", "$240bn", K::Money, V::M(240e9, "USD"), "", None, ""),
    ("The deal is worth 2bn yuan.", "2bn yuan", K::Money, V::M(2e9, "CNY"), "", None, ""),
    ("A bridge costing $1.2-billion opened.", "$1.2-billion", K::Money, V::M(1.2e9, "USD"), "", None, ""),
    ("The firm paid two billion dollars.", "two billion dollars", K::Money, V::M(2e9, "USD"), "", None, ""),
    ("Output was worth 3 trillion RMB.", "3 trillion RMB", K::Money, V::M(3e12, "CNY"), "", None, ""),
    // Percentages.
    ("Trade grew about 1.6% between January and July.", "about 1.6%", K::Percent, V::N(1.6), "", Some(Q::About), ""),
    ("Prices rose 12 percent in July.", "12 percent", K::Percent, V::N(12.0), "", None, ""),
    ("Unemployment fell to 4.5 per cent.", "4.5 per cent", K::Percent, V::N(4.5), "", None, ""),
    ("Turnout was almost 60%.", "almost 60%", K::Percent, V::N(60.0), "", Some(Q::Nearly), ""),
    // Decimals without their zero, values below zero.
    ("Shares slipped .45 percent in early trading.", ".45 percent", K::Percent, V::N(0.45), "", None, ""),
    ("Growth came in at .8% for the quarter.", ".8%", K::Percent, V::N(0.8), "", None, ""),
    ("The index closed the year at minus 4.5 percent.", "minus 4.5 percent", K::Percent, V::N(-4.5), "", None, ""),
    ("Output shrank by -3% in the spring.", "-3%", K::Percent, V::N(-3.0), "", None, ""),
    ("The fund ended the year at minus 2.5 million dollars.", "minus 2.5 million dollars", K::Money, V::M(-2.5e6, "USD"), "", None, ""),
    ("Rates rose by 0.25 percentage points.", "0.25 percentage points", K::Percent, V::N(0.25), "", None, "percentage points"),
    ("Support fell to five percent.", "five percent", K::Percent, V::N(5.0), "", None, ""),
    ("The economy shrank 3%.", "3%", K::Percent, V::N(3.0), "", None, ""),
    ("Output fell by -2.1% in June.", "-2.1%", K::Percent, V::N(-2.1), "", None, ""),
    ("Inflation hit a record 9.1% in June.", "record 9.1%", K::Percent, V::N(9.1), "", Some(Q::Record), ""),
    ("Fewer than 10% of voters agreed.", "Fewer than 10%", K::Percent, V::N(10.0), "", Some(Q::LessThan), ""),
    ("Growth was 12.5 pct in the quarter.", "12.5 pct", K::Percent, V::N(12.5), "", None, ""),
    ("Turnout reached over 70 per cent.", "over 70 per cent", K::Percent, V::N(70.0), "", Some(Q::MoreThan), ""),
    // Counts.
    ("At least 37 people were killed.", "At least 37 people", K::Count, V::N(37.0), "", Some(Q::AtLeast), "people"),
    ("The two countries signed a pact.", "two countries", K::Count, V::N(2.0), "", None, "countries"),
    ("Some 1,200 Russian soldiers crossed.", "Some 1,200 Russian soldiers", K::Count, V::N(1200.0), "", Some(Q::About), "soldiers"),
    ("Three Chinese officials attended.", "Three Chinese officials", K::Count, V::N(3.0), "", None, "officials"),
    ("The two nominal heads of government met.", "two nominal heads", K::Count, V::N(2.0), "", None, "heads"),
    ("One person died in the blast.", "One person", K::Count, V::N(1.0), "", None, "person"),
    ("Police detained 12 protesters.", "12 protesters", K::Count, V::N(12.0), "", None, "protesters"),
    ("About 2,000 troops were deployed.", "About 2,000 troops", K::Count, V::N(2000.0), "", Some(Q::About), "troops"),
    ("The storm destroyed 150 homes.", "150 homes", K::Count, V::N(150.0), "", None, "homes"),
    ("They fired 40 drones overnight.", "40 drones", K::Count, V::N(40.0), "", None, "drones"),
    ("Officials counted 12.5 million votes.", "12.5 million votes", K::Count, V::N(12.5e6), "", None, "votes"),
    ("More than a million people fled.", "More than a million people", K::Count, V::N(1e6), "", Some(Q::MoreThan), "people"),
    ("Three dozen reporters waited outside.", "Three dozen reporters", K::Count, V::N(36.0), "", None, "reporters"),
    ("Twenty-one students were hurt.", "Twenty-one students", K::Count, V::N(21.0), "", None, "students"),
    ("The plan covers 2000 people.", "2000 people", K::Count, V::N(2000.0), "", None, "people"),
    ("A 20-member delegation arrived.", "20-member", K::Count, V::N(20.0), "", None, "member"),
    ("The 71-year-old leader spoke.", "71-year-old", K::Age, V::N(71.0), "", None, ""),
    ("He is 71 years old.", "71 years old", K::Age, V::N(71.0), "", None, ""),
    ("Nearly 500 civilians have died.", "Nearly 500 civilians", K::Count, V::N(500.0), "", Some(Q::Nearly), "civilians"),
    ("Up to 300 workers may lose jobs.", "Up to 300 workers", K::Count, V::N(300.0), "", Some(Q::UpTo), "workers"),
    ("The two sides agreed to talk.", "two sides", K::Count, V::N(2.0), "", None, "sides"),
    ("Five hundred migrants arrived.", "Five hundred migrants", K::Count, V::N(500.0), "", None, "migrants"),
    ("Two hundred and fifty delegates voted.", "Two hundred and fifty delegates", K::Count, V::N(250.0), "", None, "delegates"),
    ("The army lost 37 tanks.", "37 tanks", K::Count, V::N(37.0), "", None, "tanks"),
    ("The ministry reported 4,500 cases.", "4,500 cases", K::Count, V::N(4500.0), "", None, "cases"),
    ("Half a million people marched.", "Half a million people", K::Count, V::N(5e5), "", None, "people"),
    ("Two Russian warships docked.", "Two Russian warships", K::Count, V::N(2.0), "", None, "warships"),
    ("The blast injured 37 Ukrainians.", "37 Ukrainians", K::Count, V::N(37.0), "", None, "ukrainians"),
    ("Roughly 40,000 residents were evacuated.", "Roughly 40,000 residents", K::Count, V::N(40000.0), "", Some(Q::About), "residents"),
    ("As many as 80 missiles were fired.", "As many as 80 missiles", K::Count, V::N(80.0), "", Some(Q::UpTo), "missiles"),
    ("The blaze razed 5,000 houses.", "5,000 houses", K::Count, V::N(5000.0), "", None, "houses"),
    // Plain numbers.
    ("The index closed at 240 on Tuesday.", "240", K::Number, V::N(240.0), "", None, ""),
    ("Trade increased by more than a quarter year-on-year.", "more than a quarter", K::Number, V::N(0.25), "", Some(Q::MoreThan), ""),
    ("Nearly half of Russians agree.", "Nearly half", K::Number, V::N(0.5), "", Some(Q::Nearly), ""),
    ("The population is 99999999999999999999.", "99999999999999999999", K::Number, V::N(1e20), "", None, ""),
    ("The total was 12.5 million.", "12.5 million", K::Number, V::N(12.5e6), "", None, ""),
    ("Two-thirds of voters agreed.", "Two-thirds", K::Number, V::N(2.0 / 3.0), "", None, ""),
    ("The ratio stood at 2.5.", "2.5", K::Number, V::N(2.5), "", None, ""),
    ("Three quarters of Britons agreed.", "Three quarters", K::Number, V::N(0.75), "", None, ""),
    ("The total was three dozen.", "three dozen", K::Number, V::N(36.0), "", None, ""),
    ("Output rose to 1,200.", "1,200", K::Number, V::N(1200.0), "", None, ""),
    ("Putin, 71, spoke for an hour.", "71", K::Age, V::N(71.0), "", None, ""),
    // Durations.
    ("Li’s four-day trip ends in Belarus.", "four-day trip", K::Duration, V::D(4.0, "day"), "", None, "trip"),
    ("Xi held a three-day state visit to Moscow.", "three-day state visit", K::Duration, V::D(3.0, "day"), "", None, "visit"),
    ("During two days of talks, they agreed.", "two days of talks", K::Duration, V::D(2.0, "day"), "", None, "talks"),
    ("He served for three years.", "three years", K::Duration, V::D(3.0, "year"), "", None, ""),
    ("The war has lasted two decades.", "two decades", K::Duration, V::D(20.0, "year"), "", None, ""),
    ("The talks lasted an hour and a half.", "an hour and a half", K::Duration, V::D(1.5, "hour"), "", None, ""),
    ("The siege lasted 48 hours.", "48 hours", K::Duration, V::D(48.0, "hour"), "", None, ""),
    ("A 24-hour ceasefire began.", "24-hour ceasefire", K::Duration, V::D(24.0, "hour"), "", None, "ceasefire"),
    ("She waited 30 minutes outside.", "30 minutes", K::Duration, V::D(30.0, "minute"), "", None, ""),
    ("The 12-month review ended.", "12-month review", K::Duration, V::D(12.0, "month"), "", None, "review"),
    ("He spent nearly two years in prison.", "nearly two years", K::Duration, V::D(2.0, "year"), "", Some(Q::Nearly), ""),
    ("The strike lasted over a week.", "over a week", K::Duration, V::D(1.0, "week"), "", Some(Q::MoreThan), ""),
    ("The rally lasted 90 seconds.", "90 seconds", K::Duration, V::D(90.0, "second"), "", None, ""),
    ("A two-year-long war ended.", "two-year-long war", K::Duration, V::D(2.0, "year"), "", None, "war"),
    ("The truce held for a quarter century.", "a quarter century", K::Duration, V::D(25.0, "year"), "", None, ""),
    ("It has been two and a half years.", "two and a half years", K::Duration, V::D(2.5, "year"), "", None, ""),
    ("Talks stalled for six weeks.", "six weeks", K::Duration, V::D(6.0, "week"), "", None, ""),
    // Relative times.
    ("The incursion began more than two weeks ago.", "more than two weeks ago", K::RelativeTime, V::D(2.0, "week"), "2024-08-07", Some(Q::MoreThan), ""),
    ("The incursion began two weeks ago.", "two weeks ago", K::RelativeTime, V::D(2.0, "week"), "2024-08-07", None, ""),
    ("China last month hosted an official.", "last month", K::RelativeTime, V::None, "2024-07-01", None, ""),
    ("The invasion began nearly two and half years ago.", "nearly two and half years ago", K::RelativeTime, V::D(2.5, "year"), "2022-02-21", Some(Q::Nearly), ""),
    ("He arrived yesterday.", "yesterday", K::RelativeTime, V::None, "2024-08-20", None, ""),
    ("Talks resume today.", "today", K::RelativeTime, V::None, "2024-08-21", None, ""),
    ("Talks resume tomorrow.", "tomorrow", K::RelativeTime, V::None, "2024-08-22", None, ""),
    ("Last week, the ministry spoke.", "Last week", K::RelativeTime, V::None, "2024-08-12", None, ""),
    ("Last Friday, the minister spoke.", "Last Friday", K::RelativeTime, V::None, "2024-08-16", None, ""),
    ("Trade hit record highs last year.", "last year", K::RelativeTime, V::None, "2023-01-01", None, ""),
    ("Sales rose earlier this year.", "earlier this year", K::RelativeTime, V::None, "2024-01-01", None, ""),
    ("A report released this year says so.", "this year", K::RelativeTime, V::None, "2024-01-01", None, ""),
    ("Elections are due next month.", "next month", K::RelativeTime, V::None, "2024-09-01", None, ""),
    ("He left a month ago.", "a month ago", K::RelativeTime, V::D(1.0, "month"), "2024-07-21", None, ""),
    ("Last weekend, Li traveled to Moscow.", "Last weekend", K::RelativeTime, V::None, "2024-08-17", None, ""),
    ("They will meet next Tuesday.", "next Tuesday", K::RelativeTime, V::None, "2024-08-27", None, ""),
    ("The law passed three days ago.", "three days ago", K::RelativeTime, V::D(3.0, "day"), "2024-08-18", None, ""),
    ("It happened a year ago.", "a year ago", K::RelativeTime, V::D(1.0, "year"), "2023-08-21", None, ""),
    ("Putin launched an offensive last February.", "last February", K::RelativeTime, V::None, "2023-02-01", None, ""),
    ("The summit is next week.", "next week", K::RelativeTime, V::None, "2024-08-26", None, ""),
    ("Protests erupted last night.", "last night", K::RelativeTime, V::None, "2024-08-20", None, ""),
    ("The deal was signed late last year.", "late last year", K::RelativeTime, V::None, "2023-01-01", None, ""),
    ("Results come out this week.", "this week", K::RelativeTime, V::None, "2024-08-19", None, ""),
    ("The vote is three weeks from now.", "three weeks from now", K::RelativeTime, V::D(3.0, "week"), "2024-09-11", None, ""),
    ("The plant closed 10 days ago.", "10 days ago", K::RelativeTime, V::D(10.0, "day"), "2024-08-11", None, ""),
    ("Rates rose six months ago.", "six months ago", K::RelativeTime, V::D(6.0, "month"), "2024-02-21", None, ""),
    ("Today’s meeting was tense.", "Today", K::RelativeTime, V::None, "2024-08-21", None, ""),
    ("He resigned about a decade ago.", "about a decade ago", K::RelativeTime, V::D(10.0, "year"), "2014-08-21", Some(Q::About), ""),
    ("Prices rose this month.", "this month", K::RelativeTime, V::None, "2024-08-01", None, ""),
    ("Last year’s harvest was poor.", "Last year", K::RelativeTime, V::None, "2023-01-01", None, ""),
    ("The flight landed 48 hours ago.", "48 hours ago", K::RelativeTime, V::D(48.0, "hour"), "2024-08-19", None, ""),
    ("Voters go to the polls this Friday.", "this Friday", K::RelativeTime, V::None, "2024-08-23", None, ""),
    ("Fighting eased this weekend.", "this weekend", K::RelativeTime, V::None, "2024-08-24", None, ""),
    ("Talks resume next January.", "next January", K::RelativeTime, V::None, "2025-01-01", None, ""),
    // Relative times counted from the time of the sentence: what follows
    // "after" or "before" is dated from the publication date or from a time
    // named earlier in the sentence.
    ("They met less than a month after the visit.", "less than a month after", K::RelativeTime, V::D(1.0, "month"), "2024-07-21", Some(Q::LessThan), ""),
    ("The vote came two days after the storm.", "two days after", K::RelativeTime, V::D(2.0, "day"), "2024-08-19", None, ""),
    ("Talks resumed on Monday, two days after the vote.", "two days after", K::RelativeTime, V::D(2.0, "day"), "2024-08-17", None, ""),
    ("They met on Aug. 1, a week before the summit.", "a week before", K::RelativeTime, V::D(1.0, "week"), "2024-08-08", None, ""),
    ("He spoke about a year after the war began.", "about a year after", K::RelativeTime, V::D(1.0, "year"), "2023-08-21", Some(Q::About), ""),
    ("The vote is set three weeks before the election.", "three weeks before", K::RelativeTime, V::D(3.0, "week"), "2024-09-11", None, ""),
    ("Xi visited Moscow the month before.", "the month before", K::RelativeTime, V::None, "2024-07-01", None, ""),
    ("Xi had visited the month before, officials said.", "the month before", K::RelativeTime, V::None, "2024-07-01", None, ""),
    ("The minister resigned the previous week.", "the previous week", K::RelativeTime, V::None, "2024-08-12", None, ""),
    ("Talks resumed the day after.", "the day after", K::RelativeTime, V::None, "2024-08-22", None, ""),
    ("Markets recovered the following month.", "the following month", K::RelativeTime, V::None, "2024-09-01", None, ""),
    ("The law passed the year before.", "the year before", K::RelativeTime, V::None, "2023-01-01", None, ""),
    ("In 1990, two years after the war, it changed.", "two years after", K::RelativeTime, V::D(2.0, "year"), "", None, ""),
    // Weekdays.
    ("Putin met Li Qiang Wednesday.", "Wednesday", K::Weekday, V::None, "2024-08-21", None, ""),
    ("The ministry said Monday that talks failed.", "Monday", K::Weekday, V::None, "2024-08-19", None, ""),
    ("Officials met on Sunday.", "Sunday", K::Weekday, V::None, "2024-08-18", None, ""),
    ("Sunday’s meeting was short.", "Sunday", K::Weekday, V::None, "2024-08-18", None, ""),
    ("The leaders will meet on Friday.", "Friday", K::Weekday, V::None, "2024-08-23", None, ""),
    ("He said on Thursday that he would resign.", "Thursday", K::Weekday, V::None, "2024-08-15", None, ""),
    ("Following Wednesday’s talks, they signed.", "Wednesday", K::Weekday, V::None, "2024-08-21", None, ""),
    ("Voting opened on Saturday.", "Saturday", K::Weekday, V::None, "2024-08-17", None, ""),
    ("Ministers are expected to meet on Tuesday.", "Tuesday", K::Weekday, V::None, "2024-08-27", None, ""),
    ("Markets fell sharply on Tuesday.", "Tuesday", K::Weekday, V::None, "2024-08-20", None, ""),
    // Dates.
    ("They met on Aug. 21, 2024 in Moscow.", "Aug. 21, 2024", K::Date, V::None, "2024-08-21", None, ""),
    ("The visit ends August 21.", "August 21", K::Date, V::None, "2024-08-21", None, ""),
    ("It was signed on 21 August 2024.", "21 August 2024", K::Date, V::None, "2024-08-21", None, ""),
    ("The trip will last until April 19.", "April 19", K::Date, V::None, "2024-04-19", None, ""),
    ("The file is dated 2024-08-21.", "2024-08-21", K::Date, V::None, "2024-08-21", None, ""),
    ("The invasion began in February 2022.", "February 2022", K::Date, V::None, "2022-02-01", None, ""),
    ("Prices peaked in Feb. 2022.", "Feb. 2022", K::Date, V::None, "2022-02-01", None, ""),
    ("The vote happens in March.", "March", K::Date, V::None, "2024-03-01", None, ""),
    ("The law took effect in May.", "May", K::Date, V::None, "2024-05-01", None, ""),
    ("Talks began on May 5.", "May 5", K::Date, V::None, "2024-05-05", None, ""),
    ("The ceasefire began on Saturday, March 25, 2023.", "Saturday, March 25, 2023", K::Date, V::None, "2023-03-25", None, ""),
    ("The deadline is Feb. 30.", "Feb. 30", K::Date, V::None, "", None, ""),
    ("The form is dated 21.08.2024.", "21.08.2024", K::Date, V::None, "2024-08-21", None, ""),
    ("The order is dated 8/21/2024.", "8/21/2024", K::Date, V::None, "2024-08-21", None, ""),
    ("The memo is dated 05/06/2024.", "05/06/2024", K::Date, V::None, "", None, ""),
    ("Trade grew between January and July this year.", "July this year", K::Date, V::None, "2024-07-01", None, ""),
    ("Trade grew between January and July this year.", "January", K::Date, V::None, "2024-01-01", None, ""),
    ("The treaty was signed on the 21st of August.", "21st of August", K::Date, V::None, "2024-08-21", None, ""),
    ("Elections are set for mid-March.", "mid-March", K::Date, V::None, "2024-03-01", None, ""),
    ("Prices fell in early March.", "early March", K::Date, V::None, "2024-03-01", None, ""),
    ("The festival ran Aug. 21-23.", "Aug. 21-23", K::Date, V::None, "2024-08-21", None, ""),
    ("Troops left in December 2021.", "December 2021", K::Date, V::None, "2021-12-01", None, ""),
    ("The accord dates from Sept. 5, 1996.", "Sept. 5, 1996", K::Date, V::None, "1996-09-05", None, ""),
    ("Fifteen of the 19 Sept. 11 hijackers were Saudi.", "Sept. 11", K::Date, V::None, "2024-09-11", None, ""),
    ("The vote was held on 3 Nov 2020.", "3 Nov 2020", K::Date, V::None, "2020-11-03", None, ""),
    ("It was 2023-02-29 on the form.", "2023-02-29", K::Date, V::None, "", None, ""),
    // Years.
    ("The war began in 2022.", "2022", K::Year, V::N(2022.0), "", None, ""),
    ("Talks have been held since 1996.", "1996", K::Year, V::N(1996.0), "", None, ""),
    ("Trade grew in 2023 from 2022.", "2023", K::Year, V::N(2023.0), "", None, ""),
    ("Trade grew in 2023 from 2022.", "2022", K::Year, V::N(2022.0), "", None, ""),
    ("The 2024 election was tense.", "2024", K::Year, V::N(2024.0), "", None, ""),
    ("Napoleon invaded in 1812.", "1812", K::Year, V::N(1812.0), "", None, ""),
    ("The 2022-23 season was long.", "2022-23", K::Year, V::N(2022.0), "", None, ""),
    ("Growth is forecast for mid-2025.", "2025", K::Year, V::N(2025.0), "", None, ""),
    ("In 2023, trade grew.", "2023", K::Year, V::N(2023.0), "", None, ""),
    // Ordinals.
    ("Putin began his fifth term in May.", "fifth term", K::Ordinal, V::N(5.0), "", None, "term"),
    ("It was the first visit since the war.", "first visit", K::Ordinal, V::N(1.0), "", None, "visit"),
    ("China’s No. 2 official arrived.", "No. 2 official", K::Ordinal, V::N(2.0), "", None, "official"),
    ("He won a second term in 2019.", "second term", K::Ordinal, V::N(2.0), "", None, "term"),
    ("The 21st century began.", "21st century", K::Ordinal, V::N(21.0), "", None, "century"),
    ("She finished 3rd in the race.", "3rd", K::Ordinal, V::N(3.0), "", None, ""),
    ("China is the second-largest economy.", "second-largest economy", K::Ordinal, V::N(2.0), "", None, "economy"),
    ("It marks the twenty-first summit.", "twenty-first summit", K::Ordinal, V::N(21.0), "", None, "summit"),
    ("This is my first overseas visit.", "first overseas visit", K::Ordinal, V::N(1.0), "", None, "visit"),
    ("For the first time since 1945, troops entered.", "first time", K::Ordinal, V::N(1.0), "", None, "time"),
    ("It was a second chance.", "second chance", K::Ordinal, V::N(2.0), "", None, "chance"),
    ("The first-ever summit was held.", "first-ever summit", K::Ordinal, V::N(1.0), "", None, "summit"),
];

#[test]
fn news_expressions() {
    let failures = table_failures(|sentence| facts(sentence, Some(PUBLISHED)));
    assert!(CASES.len() >= 150, "only {} cases", CASES.len());
    let new = cases_amounts::CASES.len() + cases_times::CASES.len();
    assert!(new >= 150, "only {new} cases for #16");
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        CASES.len() + new,
        failures.join("\n")
    );
}

/// The table read as whole reports, laid out into sentences first: an
/// abbreviation's full stop ("Rs. 300", "Feb. 28") must not cut a fact.
#[test]
fn news_expressions_through_the_layout() {
    let failures = table_failures(|sentence| {
        let mut report = crate::Report::new("case", sentence);
        report.published = Some(PUBLISHED);
        crate::extract(&report).facts
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The cases of every table that `find` gets wrong, described.
fn table_failures(find: impl Fn(&str) -> Vec<Fact>) -> Vec<String> {
    let mut failures = Vec::new();
    let tables = [CASES, cases_amounts::CASES, cases_times::CASES];
    for &(sentence, span, kind, value, resolved, qualifier, unit) in tables.concat().iter() {
        let found = find(sentence);
        let Some(fact) = found.iter().find(|f| f.text == span) else {
            let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
            failures.push(format!("{sentence:?}: no fact {span:?}, found {texts:?}"));
            continue;
        };
        let want_resolved = (!resolved.is_empty()).then_some(resolved);
        let got_resolved = fact.resolved.map(|d| d.to_string());
        let want_unit = (!unit.is_empty()).then_some(unit);
        if fact.kind != kind
            || !same_value(&fact.value, value)
            || got_resolved.as_deref() != want_resolved
            || fact.qualifier != qualifier
            || fact.unit.as_deref() != want_unit
        {
            failures.push(format!(
                "{sentence:?}: want {kind:?} {value:?} {want_resolved:?} {qualifier:?} {want_unit:?}, got {fact:?}"
            ));
        }
    }
    failures
}

/// Sentences with no fact at all.
#[rustfmt::skip]
const NOTHING: &[&str] = &[
    "Moscow saw one of the largest waves of drones.",
    "The G7 nations met in Italy.",
    "COVID-19 cases rose again.",
    "He flew on an Airbus A320.",
    "Call 555-0123 for details.",
    "Call +1 202 555 0123 now.",
    "Call (202) 555-0123 now.",
    "Putin, Shoigu and Li (R-L) meet at the Kremlin.",
    "He may resign soon.",
    "Protesters march on the capital.",
    "The two met in Moscow.",
    "Wait a second.",
    "The meeting lasted until 10:47 am.",
    "The attack came at 3 p.m. local time.",
    "Black Friday sales rose.",
    "The Sunday Times reported it.",
    "Russia Today broadcast the speech.",
    "No one knows what happened.",
    "They met in the 1990s.",
    "The Boeing 737 crashed.",
    "He flew a Su-57 jet.",
    "The shop is open 24/7.",
    "He wrote about 9/11.",
    "Article 5 was invoked.",
    "The value was 1e999.",
    "The third party deal collapsed.",
    "First, he thanked the hosts.",
    "One could argue otherwise.",
    "The Second World War ended.",
    "It happened twice a year.",
    "The year-on-year figure rose.",
    "Half the country voted.",
    "Cut the cake in half.",
    "Which one is better?",
    "Ministers discussed the march.",
    "May I ask a question?",
    "The First Lady spoke.",
    "Russia and China have developed large-scale plans.",
    "It was a one-sided contest.",
    "They backed a two-state solution.",
    "The talks will continue for many years.",
    "Beijing has faced mounting scrutiny over the past years.",
    "The last week of the session was calm.",
    "April Fools pranks went viral.",
    "Version 1.2.3 shipped.",
    "It ran at 11am sharp.",
    "They stayed at No 10.",
    // Months that are names or verbs, holidays that name things.
    "June Carter said so.",
    "June told reporters she was fine.",
    "May I come in?",
    "They march to the square.",
    "Christmas trees sold out.",
    "Easter Island is remote.",
    "The Good Friday Agreement held.",
    "Halloween costumes were cheap.",
    "It was a Thanksgiving-themed party.",
    "The Sun reported it first.",
    "He sat down.",
    "Sat in the sun, he waited.",
    "The two spoke at length.",
    "One said no.",
];

#[test]
fn not_facts() {
    let mut failures = Vec::new();
    for &sentence in NOTHING {
        let found = facts(sentence, Some(PUBLISHED));
        if !found.is_empty() {
            failures.push(format!(
                "{sentence:?}: {:?}",
                found.iter().map(|f| (&f.text, f.kind)).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "unexpected facts:\n{}",
        failures.join("\n")
    );
}

/// Facts that must not be read as another kind.
#[test]
fn not_that_kind() {
    let kinds = |s: &str| -> Vec<(String, K)> {
        facts(s, Some(PUBLISHED))
            .into_iter()
            .map(|f| (f.text, f.kind))
            .collect()
    };
    assert_eq!(
        kinds("Li, China’s No. 2 official, spoke."),
        [("No. 2 official".to_string(), K::Ordinal)]
    );
    assert_eq!(
        kinds("It was the first time since World War II."),
        [("first time".to_string(), K::Ordinal)]
    );
    assert_eq!(
        kinds("He was first elected in 2000."),
        [("2000".to_string(), K::Year)]
    );
    assert_eq!(
        kinds("They will march in May."),
        [("May".to_string(), K::Date)]
    );
    assert_eq!(
        kinds("More than 2023 people signed."),
        [("More than 2023 people".to_string(), K::Count)]
    );
    // A stretch of time before something is a duration, not a date.
    assert_eq!(
        kinds("He worked there for three years before joining the firm."),
        [("three years".to_string(), K::Duration)]
    );
    assert_eq!(
        kinds("In the two weeks before the vote, prices rose."),
        [("two weeks".to_string(), K::Duration)]
    );
    // With something after it, "the day before" counts from that.
    assert!(kinds("The day before the vote, he left.").is_empty());
    // A day of the month belongs to the month after it.
    assert_eq!(
        kinds("Fifteen of the 19 Sept. 11 hijackers were Saudi."),
        [
            ("Fifteen".to_string(), K::Number),
            ("19".to_string(), K::Number),
            ("Sept. 11".to_string(), K::Date)
        ]
    );
    // Four digits are a year, not a number.
    assert!(kinds("Since 2014 the two sides have talked.").contains(&("2014".to_string(), K::Year)));
}

#[test]
fn no_publication_date_leaves_times_unresolved() {
    let found = facts(
        "Sunday’s meeting came two weeks ago, on Aug. 21, 2024, and last month.",
        None,
    );
    let summary: Vec<(&str, K, Option<String>)> = found
        .iter()
        .map(|f| (f.text.as_str(), f.kind, f.resolved.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        summary,
        [
            ("Sunday", K::Weekday, None),
            ("two weeks ago", K::RelativeTime, None),
            ("Aug. 21, 2024", K::Date, Some("2024-08-21".to_string())),
            ("last month", K::RelativeTime, None),
        ]
    );
}

#[test]
fn publication_weekday_conventions() {
    // A Sunday report: "on Sunday" is that day; a Monday report: the day before.
    let on = |text: &str, published: Date| {
        facts(text, Some(published))[0]
            .resolved
            .map(|d| d.to_string())
    };
    assert_eq!(
        on("Putin met Li on Sunday.", date(2023, 4, 16)).as_deref(),
        Some("2023-04-16")
    );
    assert_eq!(
        on("Li on Sunday hailed ties.", date(2023, 4, 17)).as_deref(),
        Some("2023-04-16")
    );
    assert_eq!(
        on("The trip will last until April 19.", date(2023, 4, 17)).as_deref(),
        Some("2023-04-19")
    );
}

#[test]
fn only_sentences_are_scanned_and_spans_index_the_text() {
    let text = "Caption: 37 people. Body: 40 drones hit on Monday.";
    let body = Span::new(20, text.len());
    let found = find_facts(text, &[body], Some(PUBLISHED));
    let texts: Vec<&str> = found.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(texts, ["40 drones", "Monday"]);
    for f in &found {
        assert_eq!(&text[f.span.range()], f.text);
    }
}

/// The seed reports shipped with the crate, through the whole pipeline.
#[test]
fn seed_reports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let read = |name: &str| {
        let text = std::fs::read_to_string(dir.join(name)).expect("fixture");
        let report = crate::Report::from_plain_text(name, text).expect("report");
        crate::extract(&report).facts
    };
    let has =
        |facts: &[Fact], text: &str, kind: K, resolved: Option<&str>, qualifier: Option<Q>| {
            facts.iter().any(|f| {
                f.text == text
                    && f.kind == kind
                    && f.resolved.map(|d| d.to_string()).as_deref() == resolved
                    && f.qualifier == qualifier
            })
        };
    let f = read("000_1e8c440c96c329dc.txt");
    assert!(
        has(&f, "Wednesday", K::Weekday, Some("2024-08-21"), None),
        "{f:#?}"
    );
    assert!(has(
        &f,
        "more than two weeks ago",
        K::RelativeTime,
        Some("2024-08-07"),
        Some(Q::MoreThan)
    ));
    assert!(has(&f, "February 2022", K::Date, Some("2022-02-01"), None));
    assert!(has(&f, "fifth term", K::Ordinal, None, None));
    assert!(!f.iter().any(|f| f.text.contains("one")));
    let f = read("001_1d95ac9742bd6b7d.txt");
    assert!(
        has(
            &f,
            "two weeks ago",
            K::RelativeTime,
            Some("2024-08-07"),
            None
        ),
        "{f:#?}"
    );
    assert!(has(&f, "four-day trip", K::Duration, None, None));
    assert!(has(&f, "$240 billion", K::Money, None, None));
    assert!(has(&f, "about 1.6%", K::Percent, None, Some(Q::About)));
    assert!(has(
        &f,
        "more than a quarter",
        K::Number,
        None,
        Some(Q::MoreThan)
    ));
    assert!(has(
        &f,
        "last month",
        K::RelativeTime,
        Some("2024-07-01"),
        None
    ));
    assert!(has(
        &f,
        "nearly two and half years ago",
        K::RelativeTime,
        Some("2022-02-21"),
        Some(Q::Nearly)
    ));
    assert!(has(&f, "1996", K::Year, None, None));
    assert!(has(&f, "No. 2 official", K::Ordinal, None, None));
    assert!(!f
        .iter()
        .any(|f| f.kind == K::Count && f.text.contains("No.")));
    let f = read("002_9292aeaa127b65d9.txt");
    assert!(
        has(&f, "Sunday", K::Weekday, Some("2023-04-16"), None),
        "{f:#?}"
    );
    assert!(has(
        &f,
        "less than a month after",
        K::RelativeTime,
        Some("2023-03-16"),
        Some(Q::LessThan)
    ));
    assert!(has(&f, "three-day state visit", K::Duration, None, None));
    let f = read("003_9b19bc01bc405292.txt");
    assert!(
        has(&f, "Sunday", K::Weekday, Some("2023-04-16"), None),
        "{f:#?}"
    );
    assert!(has(&f, "April 19", K::Date, Some("2023-04-19"), None));
    let f = read("004_a55e7a432e603598.txt");
    assert!(has(&f, "Sunday", K::Weekday, None, None), "{f:#?}");
    assert!(has(&f, "Last Friday", K::RelativeTime, None, None));
}

/// Odd input: never a panic, spans on char boundaries, sorted and apart.
fn check_invariants(text: &str, sentences: &[Span], published: Option<Date>) {
    let found = find_facts(text, sentences, published);
    let mut last_end = 0;
    for f in &found {
        assert!(
            f.span.start >= last_end && f.span.start < f.span.end,
            "{text:?}: {found:?}"
        );
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        assert_eq!(&text[f.span.range()], f.text);
        if let Some(
            FactValue::Number(n)
            | FactValue::Money { amount: n, .. }
            | FactValue::Duration { amount: n, .. },
        ) = &f.value
        {
            assert!(n.is_finite(), "{f:?}");
        }
        last_end = f.span.end;
    }
}

#[test]
fn odd_input_never_panics() {
    let digits = "9".repeat(10_000);
    let long_ones = "one ".repeat(5_000);
    let early = format!("{}March", "early ".repeat(5_000));
    let hyphens = "1-".repeat(5_000);
    let texts = [
        "",
        " ",
        "😀 37 😀 people 👍🏽",
        "e\u{301}\u{301} 5\u{301} days ago",
        "1",
        "$",
        "%",
        "$%",
        "1e999",
        "--",
        "- -1 -",
        "£",
        "US$",
        "No.",
        "No. 99999999999999999999 official",
        "Aug. 21, 99999",
        "Feb 30, 0",
        "Feb. 29, 2023 and Feb. 29, 2024",
        "year 0 and 0000 and 9999",
        "0000-00-00 9999-12-31 0001-01-01",
        "99999999999999999999 centuries ago",
        "a million centuries ago",
        "999999 decades from now",
        "two and half",
        "and a half",
        "twenty-",
        "-twenty",
        "the 99th of Smarch",
        "½ ¾ ٢٠٢٤ ١٢",
        "1,2,3 1,, ,1 1.2.3 1..2 .5",
        "₽ ₽1 1₽",
        "last last last",
        "next Friday next Friday last weekend this weekend",
        "Sunday’s Sunday's Sundayʼs SUNDAY’S",
        "3 p.m",
        "(",
        "(202)",
        "+",
        "+1",
        &digits,
        &format!("${digits} billion"),
        &format!("{digits}%"),
        &format!("0.{digits}"),
        &long_ones,
        &early,
        &hyphens,
    ];
    let dates = [
        None,
        Some(PUBLISHED),
        Some(date(9999, 12, 31)),
        Some(date(-9999, 1, 1)),
        Some(date(2024, 2, 29)),
        Some(date(2023, 4, 16)),
    ];
    for text in texts {
        for published in dates {
            check_invariants(text, &[Span::new(0, text.len())], published);
        }
        // Spans that do not fit the text, or cut a character, are ignored.
        check_invariants(
            text,
            &[Span::new(1, text.len() + 5), Span::new(2, 3)],
            Some(PUBLISHED),
        );
    }
    // Overlapping sentence spans still give non-overlapping facts.
    let text = "In 2023, 37 people died two weeks ago.";
    check_invariants(
        text,
        &[Span::new(0, text.len()), Span::new(3, text.len())],
        Some(PUBLISHED),
    );
}

#[test]
fn resolution_at_the_edges_of_the_calendar() {
    let last = date(9999, 12, 31);
    for text in [
        "next year",
        "next month",
        "tomorrow",
        "next week",
        "next Friday",
        "three days from now",
        "this weekend",
    ] {
        let found = facts(text, Some(last));
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].resolved, None, "{text}");
    }
    let first = date(-9999, 1, 1);
    for text in [
        "last year",
        "yesterday",
        "two weeks ago",
        "last Friday",
        "last weekend",
    ] {
        let found = facts(text, Some(first));
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(found[0].resolved, None, "{text}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,80}", a in 0usize..100, b in 0usize..100) {
        check_invariants(&text, &[Span::new(0, text.len())], Some(PUBLISHED));
        check_invariants(&text, &[Span::new(a.min(b), a.max(b))], None);
    }

    #[test]
    fn newsy_text_never_panics(words in proptest::collection::vec(proptest::sample::select(vec![
        "two", "and", "half", "a", "quarter", "$", "US", "240", "billion", "%", "per", "cent", "-", "day",
        "years", "ago", "last", "next", "Sunday’s", "Aug", ".", ",", "21", "2024", "May", "in", "more",
        "than", "No", "first", "second", "dozen", "hundred", "1,200", "3.5m", "€", "from", "now", "old",
        "/", ":", "(", ")", "+", "of", "people", "trip", "mid", "early", "the", "record", "0123", "99999",
        "Christmas", "Easter", "Good", "Friday", "Q3", "2021Q2", "quarter", "fourth", "vote", "voted", "to",
        "aged", "Mattis", "Rs", "RM7", "lakh", "crore", "fortnight", "in", "past", "coming", "Sat", "13th",
        "last", "Monday", "June", "all", "exactly", "a", "full", "thirty", "said", "97", "1",
    ]), 0..40)) {
        let text = words.join(" ");
        check_invariants(&text, &[Span::new(0, text.len())], Some(PUBLISHED));
        let glued = words.concat();
        check_invariants(&glued, &[Span::new(0, glued.len())], Some(date(2023, 4, 16)));
    }
}
