//! Word tables for the fact scanner. Lookups take the normalised (lower
//! case, folded apostrophes and dashes) form of a token unless they say
//! they take the raw text.

use jiff::civil::Weekday;

use super::super::Qualifier;

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

/// Units of time a duration or relative time counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl TimeUnit {
    /// The amount in the unit reported in [`FactValue::Duration`]:
    /// decades and centuries are given in years.
    ///
    /// [`FactValue::Duration`]: super::super::FactValue::Duration
    pub(crate) fn canonical(self, amount: f64) -> (f64, &'static str) {
        match self {
            TimeUnit::Second => (amount, "second"),
            TimeUnit::Minute => (amount, "minute"),
            TimeUnit::Hour => (amount, "hour"),
            TimeUnit::Day => (amount, "day"),
            TimeUnit::Week => (amount, "week"),
            TimeUnit::Month => (amount, "month"),
            TimeUnit::Year => (amount, "year"),
            TimeUnit::Decade => (amount * 10.0, "year"),
            TimeUnit::Century => (amount * 100.0, "year"),
        }
    }
}

/// A unit of time word: (unit, plural form).
pub(crate) fn time_unit(w: &str) -> Option<(TimeUnit, bool)> {
    Some(match w {
        "second" => (TimeUnit::Second, false),
        "seconds" => (TimeUnit::Second, true),
        "minute" => (TimeUnit::Minute, false),
        "minutes" => (TimeUnit::Minute, true),
        "hour" => (TimeUnit::Hour, false),
        "hours" => (TimeUnit::Hour, true),
        "day" => (TimeUnit::Day, false),
        "days" => (TimeUnit::Day, true),
        "week" => (TimeUnit::Week, false),
        "weeks" => (TimeUnit::Week, true),
        "month" => (TimeUnit::Month, false),
        "months" => (TimeUnit::Month, true),
        "year" => (TimeUnit::Year, false),
        "years" => (TimeUnit::Year, true),
        "decade" => (TimeUnit::Decade, false),
        "decades" => (TimeUnit::Decade, true),
        "century" => (TimeUnit::Century, false),
        "centuries" => (TimeUnit::Century, true),
        _ => return None,
    })
}

/// How a month is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MonthForm {
    /// "August".
    Full,
    /// "Aug" (usually followed by a full stop).
    Abbrev,
}

/// A month name, taking the raw token: only capitalised names count, so
/// "may" the verb and "march" the noun are never months.
pub(crate) fn month(raw: &str) -> Option<(i8, MonthForm)> {
    const FULL: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    if let Some(n) = FULL.iter().position(|&m| m == raw) {
        return Some((n as i8 + 1, MonthForm::Full));
    }
    let n = match raw {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" | "Sept" => 9,
        "Oct" => 10,
        "Nov" => 11,
        "Dec" => 12,
        _ => return None,
    };
    Some((n, MonthForm::Abbrev))
}

/// Months whose names are also common English words: they need a day, a
/// year or a preposition to count as months.
pub(crate) fn ambiguous_month(raw: &str) -> bool {
    matches!(raw, "May" | "March")
}

/// A day of the week, taking the raw token (capitalised, singular).
pub(crate) fn weekday(raw: &str) -> Option<Weekday> {
    Some(match raw {
        "Monday" => Weekday::Monday,
        "Tuesday" => Weekday::Tuesday,
        "Wednesday" => Weekday::Wednesday,
        "Thursday" => Weekday::Thursday,
        "Friday" => Weekday::Friday,
        "Saturday" => Weekday::Saturday,
        "Sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// Words before a weekday that make it a name ("Black Friday").
pub(crate) fn weekday_name_before(low: &str) -> bool {
    matches!(
        low,
        "black"
            | "good"
            | "super"
            | "bloody"
            | "ash"
            | "easter"
            | "palm"
            | "cyber"
            | "holy"
            | "maundy"
            | "shrove"
            | "giving"
            | "whit"
            | "low"
            | "small"
    )
}

/// Words after a weekday that make it a name ("the Sunday Times").
pub(crate) fn weekday_name_after(raw: &str) -> bool {
    matches!(
        raw,
        "Times"
            | "Telegraph"
            | "Express"
            | "Mirror"
            | "Post"
            | "Herald"
            | "Mail"
            | "Star"
            | "Independent"
            | "Sport"
            | "Tribune"
            | "Observer"
            | "Morning"
            | "School"
    )
}

/// Currency symbols, taking the raw token.
pub(crate) fn currency_symbol(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₽" => "RUB",
        "₹" => "INR",
        "₩" => "KRW",
        "₺" => "TRY",
        "₴" => "UAH",
        "₪" => "ILS",
        "₦" => "NGN",
        _ => return None,
    })
}

/// Letters glued before "$" that name the dollar ("US$", "HK$").
pub(crate) fn dollar_prefix(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "US" | "U.S" => "USD",
        "A" | "AU" => "AUD",
        "C" | "CA" | "Can" => "CAD",
        "HK" => "HKD",
        "NZ" => "NZD",
        "S" => "SGD",
        "R" => "BRL",
        "NT" => "TWD",
        "Mex" => "MXN",
        _ => return None,
    })
}

/// ISO 4217 codes (and "RMB"), taking the raw token: upper case only.
pub(crate) fn currency_code(raw: &str) -> Option<&'static str> {
    // Called on every token: most are not three capitals.
    if raw.len() != 3 || !raw.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    if raw == "RMB" {
        return Some("CNY");
    }
    CODES.binary_search(&raw).ok().map(|i| CODES[i])
}

/// Currency words after an amount: (code, needs a scale word before it).
/// "won" is also a verb, so "5 won" alone is not money but "5 billion won"
/// is.
pub(crate) fn currency_word(low: &str) -> Option<(&'static str, bool)> {
    Some(match low {
        "dollar" | "dollars" => ("USD", false),
        "euro" | "euros" => ("EUR", false),
        "pound" | "pounds" | "sterling" => ("GBP", false),
        "yen" => ("JPY", false),
        "yuan" | "renminbi" => ("CNY", false),
        "ruble" | "rubles" | "rouble" | "roubles" => ("RUB", false),
        "rupee" | "rupees" => ("INR", false),
        "won" => ("KRW", true),
        "hryvnia" | "hryvnias" => ("UAH", false),
        "lira" | "liras" => ("TRY", false),
        "shekel" | "shekels" => ("ILS", false),
        "riyal" | "riyals" => ("SAR", false),
        "dirham" | "dirhams" => ("AED", false),
        "rand" => ("ZAR", true),
        "naira" => ("NGN", false),
        "rupiah" => ("IDR", false),
        "ringgit" => ("MYR", false),
        "baht" => ("THB", false),
        "tenge" => ("KZT", false),
        "zloty" | "zlotys" => ("PLN", false),
        "peso" | "pesos" => ("MXN", false),
        "real" | "reais" => ("BRL", true),
        _ => return None,
    })
}

/// The country before "dollars" ("Hong Kong dollars"): the code, and how
/// many words the country name takes.
pub(crate) fn dollar_country(prev2: &str, prev: &str) -> Option<(&'static str, usize)> {
    Some(match (prev2, prev) {
        ("hong", "kong") => ("HKD", 2),
        ("new", "zealand") => ("NZD", 2),
        (_, "us" | "u.s" | "american") => ("USD", 1),
        (_, "australian") => ("AUD", 1),
        (_, "canadian") => ("CAD", 1),
        (_, "singapore") => ("SGD", 1),
        (_, "taiwan" | "taiwanese") => ("TWD", 1),
        _ => return None,
    })
}

/// Other currencies that take a country adjective ("Swiss francs").
pub(crate) fn adjective_currency(adj: &str, noun: &str) -> Option<&'static str> {
    Some(match (adj, noun) {
        ("swiss", "franc" | "francs") => "CHF",
        ("mexican", "peso" | "pesos") => "MXN",
        ("brazilian", "real" | "reais") => "BRL",
        ("indian", "rupee" | "rupees") => "INR",
        ("pakistani", "rupee" | "rupees") => "PKR",
        ("russian", "ruble" | "rubles" | "rouble" | "roubles") => "RUB",
        ("chinese", "yuan") => "CNY",
        ("japanese", "yen") => "JPY",
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
];

/// Words that never head a counted noun phrase (beyond the stop words).
pub(crate) fn is_function_word(low: &str) -> bool {
    matches!(
        low,
        "and"
            | "or"
            | "nor"
            | "per"
            | "than"
            | "percent"
            | "pct"
            | "times"
            | "ago"
            | "of"
            | "later"
            | "earlier"
            | "apiece"
            | "each"
            | "a"
            | "an"
            | "the"
            | "another"
            | "former"
            | "latter"
            | "least"
            | "most"
            | "more"
            | "less"
            | "fewer"
            | "much"
            | "many"
            | "also"
            | "not"
            | "already"
            | "still"
            | "even"
            | "again"
            | "together"
            | "away"
            | "back"
            | "ahead"
            | "there"
            | "here"
            | "now"
            | "then"
            | "yet"
            | "ever"
            | "never"
            | "since"
            | "among"
            | "against"
            | "across"
            | "o'clock"
            | "am"
            | "pm"
            | "a.m"
            | "p.m"
            | "gmt"
            | "utc"
            | "respectively"
            | "instead"
            | "too"
            | "alone"
            | "apart"
            | "overall"
            | "including"
            | "within"
            | "without"
            | "toward"
            | "towards"
            | "via"
            | "near"
            | "amid"
            | "despite"
            | "upon"
            | "onto"
            | "whose"
            | "whom"
            | "which"
            | "who"
            | "what"
            | "that"
    )
}

/// Verb forms a number is often followed by ("the two met"): never the
/// counted noun.
pub(crate) fn is_verb_like(low: &str) -> bool {
    VERBS.binary_search(&low).is_ok()
}

/// Words that usually modify a following noun rather than head the
/// phrase: the counted noun is found past them ("two nominal heads",
/// "three-day state visit", "first overseas visit").
pub(crate) fn is_modifier(low: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "al", "ic", "ive", "ous", "ful", "less", "ese", "ian", "ish", "ary", "ern", "ior", "ing",
        "ed", "ible", "able",
    ];
    MODIFIERS.binary_search(&low).is_ok()
        || SUFFIXES
            .iter()
            .any(|s| low.len() > s.len() + 2 && low.ends_with(s))
}

/// Plural nouns, loosely: ends in "s" (not "ss", "us", "is"), or an
/// irregular plural or unit that counts in the singular.
pub(crate) fn is_plural_noun(low: &str) -> bool {
    if IRREGULAR_PLURALS.binary_search(&low).is_ok() {
        return true;
    }
    low.len() > 2
        && low.ends_with('s')
        && !low.ends_with("ss")
        && !low.ends_with("us")
        && !low.ends_with("is")
        && !low.ends_with("'s")
}

/// Counted nouns common enough after a bare four-digit number that it is a
/// count, not a year ("2000 troops" but "the 2024 election").
pub(crate) fn is_people_noun(low: &str) -> bool {
    matches!(
        low,
        "people"
            | "persons"
            | "troops"
            | "soldiers"
            | "civilians"
            | "residents"
            | "workers"
            | "children"
            | "migrants"
            | "refugees"
            | "deaths"
            | "casualties"
            | "cases"
            | "homes"
            | "houses"
            | "jobs"
            | "votes"
            | "members"
            | "officials"
            | "employees"
            | "students"
            | "prisoners"
            | "protesters"
            | "police"
            | "officers"
            | "fighters"
            | "tourists"
            | "visitors"
            | "passengers"
            | "delegates"
            | "patients"
            | "victims"
            | "sanctions"
            | "drones"
            | "missiles"
            | "tanks"
            | "vehicles"
    )
}

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

/// Capitalised words that may open a sentence before a number without
/// making it part of a name ("Only 37 people", "Today 40 drones").
pub(crate) fn leads_number(low: &str) -> bool {
    is_function_word(low)
        || matches!(
            low,
            "just"
                | "another"
                | "exactly"
                | "precisely"
                | "barely"
                | "merely"
                | "almost"
                | "nearly"
                | "around"
                | "roughly"
                | "approximately"
                | "some"
                | "last"
                | "next"
                | "every"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "only"
                | "over"
                | "under"
                | "below"
                | "above"
                | "record"
                | "fully"
                | "well"
                | "perhaps"
                | "maybe"
                | "still"
                | "totaling"
                | "totalling"
        )
}

/// Prefixes glued to a number by a hyphen that keep it a fact ("mid-2023").
pub(crate) fn number_prefix(low: &str) -> bool {
    matches!(low, "mid" | "pre" | "post" | "early" | "late")
}

/// Words after a number that make it a time of day.
pub(crate) fn clock_word(low: &str) -> bool {
    matches!(
        low,
        "a.m"
            | "p.m"
            | "am"
            | "pm"
            | "gmt"
            | "utc"
            | "edt"
            | "est"
            | "cet"
            | "cest"
            | "bst"
            | "msk"
            | "hrs"
            | "o'clock"
            | "pdt"
            | "pst"
            | "ist"
            | "jst"
    )
}

/// Words before a weekday or period that point to the future, so the
/// weekday resolves forwards ("will meet on Tuesday").
pub(crate) fn future_cue(low: &str) -> bool {
    // Not "due": "delayed due to rain on Tuesday" is past.
    matches!(
        low,
        "will" | "shall" | "won't" | "upcoming" | "scheduled" | "expected"
    ) || low.ends_with("'ll")
}

/// Words before a bare month that make "May" and "March" months.
pub(crate) fn month_context(low: &str) -> bool {
    matches!(
        low,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "from"
            | "of"
            | "during"
            | "through"
            | "before"
            | "after"
            | "between"
            | "to"
            | "and"
            | "early"
            | "late"
            | "mid"
            | "-"
            | "throughout"
            | "last"
            | "next"
            | "this"
            | "that"
            | "each"
            | "every"
    )
}

// The tables below are sorted for binary search (checked by a test).

const CODES: &[&str] = &[
    "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EGP", "EUR", "GBP", "HKD", "HUF",
    "IDR", "ILS", "INR", "IRR", "JPY", "KRW", "KZT", "MXN", "MYR", "NGN", "NOK", "NZD", "PHP",
    "PKR", "PLN", "QAR", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "UAH", "USD", "VND",
    "ZAR",
];

const VERBS: &[&str] = &[
    "agree", "agrees", "appear", "appears", "are", "became", "become", "began", "brought", "built",
    "came", "can", "come", "comes", "could", "did", "do", "does", "fell", "felt", "found", "gave",
    "get", "gets", "go", "goes", "got", "had", "has", "have", "held", "hit", "hold", "holds", "is",
    "kept", "led", "left", "look", "looks", "lost", "made", "make", "makes", "may", "mean",
    "means", "meet", "meets", "met", "might", "must", "need", "needs", "paid", "put", "ran",
    "remain", "remains", "rose", "run", "said", "sat", "saw", "say", "says", "see", "seem",
    "seems", "sees", "sent", "set", "shall", "should", "show", "shows", "sold", "spoke", "stood",
    "take", "takes", "thought", "told", "took", "want", "wants", "was", "went", "were", "will",
    "won", "would", "wrote",
];

const MODIFIERS: &[&str] = &[
    "additional",
    "annual",
    "armed",
    "big",
    "border",
    "business",
    "cargo",
    "civilian",
    "foreign",
    "former",
    "full",
    "further",
    "gas",
    "government",
    "high",
    "huge",
    "joint",
    "key",
    "large",
    "low",
    "main",
    "major",
    "military",
    "minor",
    "new",
    "official",
    "oil",
    "old",
    "other",
    "overseas",
    "peace",
    "press",
    "security",
    "senior",
    "separate",
    "several",
    "small",
    "state",
    "summit",
    "top",
    "trade",
    "war",
    "working",
    "young",
];

const IRREGULAR_PLURALS: &[&str] = &[
    "aircraft",
    "cattle",
    "children",
    "crew",
    "feet",
    "fish",
    "geese",
    "gw",
    "kg",
    "km",
    "livestock",
    "men",
    "mice",
    "mph",
    "mw",
    "people",
    "personnel",
    "police",
    "sheep",
    "staff",
    "teeth",
    "women",
    "youth",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_searched_tables_are_sorted() {
        for table in [CODES, VERBS, MODIFIERS, IRREGULAR_PLURALS] {
            assert!(table.windows(2).all(|w| w[0] < w[1]), "{table:?}");
        }
        for w in ["agree", "said", "wrote", "was"] {
            assert!(is_verb_like(w), "{w}");
        }
        for w in ["additional", "young", "state", "overseas"] {
            assert!(is_modifier(w), "{w}");
        }
        for w in ["aircraft", "youth", "people", "km"] {
            assert!(is_plural_noun(w), "{w}");
        }
        for c in ["AED", "USD", "ZAR", "CNY", "EUR"] {
            assert_eq!(currency_code(c), Some(c), "{c}");
        }
    }

    #[test]
    fn numbers_and_ordinals() {
        assert_eq!(unit_word("nineteen"), Some(19.0));
        assert_eq!(tens_word("ninety"), Some(90.0));
        assert_eq!(ordinal_word("fifth"), Some(5.0));
        assert_eq!(ordinal_word("fortieth"), Some(40.0));
        assert!(ordinal_suffix(21, "st") && ordinal_suffix(12, "th") && !ordinal_suffix(3, "st"));
    }
}
