//! The words around a number and the noun it counts: function words,
//! verbs, modifiers, plurals, nationalities.

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

/// Words that look like adjectives of nationality when capitalised
/// ("Russian", "Chinese", "British", "Iraqi", "French"), by their ending.
pub(crate) fn is_nationality(low: &str) -> bool {
    low.len() > 3
        && ["an", "ese", "ish", "i", "ch", "ic"]
            .iter()
            .any(|s| low.ends_with(s))
}

/// Nouns a number words counts through a hyphen ("a seven-count
/// indictment", "a five-member panel"); other hyphenated number words are
/// kinds, not counts ("one-sided", "two-state").
pub(crate) fn hyphen_count_noun(low: &str) -> bool {
    matches!(
        low,
        "count"
            | "member"
            | "seat"
            | "page"
            | "point"
            | "story"
            | "storey"
            | "nation"
            | "country"
            | "man"
            | "person"
            | "vehicle"
            | "car"
            | "bedroom"
            | "game"
            | "judge"
            | "megawatt"
            | "mile"
            | "kilometre"
            | "kilometer"
            | "acre"
            | "strong"
    )
}

/// Words before a pair of figures that make it a tally or score ("voted
/// 97-1", "won 3-1").
pub(crate) fn tally_verb(low: &str) -> bool {
    matches!(
        low,
        "voted"
            | "votes"
            | "vote"
            | "won"
            | "wins"
            | "win"
            | "lost"
            | "loses"
            | "beat"
            | "beats"
            | "defeated"
            | "drew"
            | "tied"
            | "trailed"
            | "trailing"
            | "led"
            | "leading"
            | "passed"
            | "approved"
            | "rejected"
            | "confirmed"
            | "scored"
            | "score"
            | "split"
            | "ruled"
    )
}

/// Nouns after a pair of figures that make it a tally ("a 396-9 vote",
/// "a 6-3 ruling").
pub(crate) fn tally_noun(low: &str) -> bool {
    matches!(
        low,
        "vote"
            | "votes"
            | "margin"
            | "decision"
            | "decisions"
            | "ruling"
            | "rulings"
            | "majority"
            | "win"
            | "victory"
            | "defeat"
            | "loss"
            | "tally"
            | "verdict"
            | "split"
            | "score"
            | "scoreline"
            | "draw"
            | "lead"
    )
}

// The tables below are sorted for binary search (checked by a test).

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
        for table in [VERBS, MODIFIERS, IRREGULAR_PLURALS] {
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
    }
}
