//! Currencies: symbols, codes and words.

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

/// Local abbreviations written before an amount, glued or not ("Rs 300",
/// "Rs. 300", "RM7"), taking the raw token.
pub(crate) fn currency_prefix_word(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "Rs" => "INR",
        "RM" => "MYR",
        "Rp" => "IDR",
        _ => return None,
    })
}

/// Singular currency words "a" can count ("a pound", "a dollar"); not
/// "a yen for", "a sterling effort" or the ones that need a scale.
pub(crate) fn counted_by_article(low: &str) -> bool {
    matches!(
        low,
        "dollar" | "euro" | "pound" | "rupee" | "ruble" | "rouble" | "peso" | "shekel"
    )
}

/// Currency names, known or not, that never head a counted noun phrase
/// ("500 dinars" is money in some currency, not a count of dinars).
pub(crate) fn is_currency_name(low: &str) -> bool {
    currency_word(low).is_some()
        || matches!(
            low,
            "dinar"
                | "dinars"
                | "franc"
                | "francs"
                | "krona"
                | "kronor"
                | "krone"
                | "kroner"
                | "shilling"
                | "shillings"
                | "lei"
                | "leu"
                | "kwacha"
        )
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
        "forint" | "forints" => ("HUF", false),
        "taka" => ("BDT", false),
        "cedi" | "cedis" => ("GHS", false),
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

// Sorted for binary search (checked by a test).
const CODES: &[&str] = &[
    "AED", "ARS", "AUD", "BDT", "BHD", "BRL", "CAD", "CHF", "CLP", "CNY", "COP", "CZK", "DKK",
    "EGP", "EUR", "GBP", "GHS", "HKD", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "JOD", "JPY",
    "KES", "KRW", "KWD", "KZT", "LKR", "MXN", "MYR", "NGN", "NOK", "NZD", "OMR", "PEN", "PHP",
    "PKR", "PLN", "QAR", "RON", "RUB", "SAR", "SEK", "SGD", "THB", "TRY", "TWD", "UAH", "USD",
    "VND", "ZAR",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_for_binary_search() {
        assert!(CODES.windows(2).all(|w| w[0] < w[1]), "{CODES:?}");
        for c in ["AED", "USD", "ZAR", "CNY", "EUR"] {
            assert_eq!(currency_code(c), Some(c), "{c}");
        }
    }
}
