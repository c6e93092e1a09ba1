//! Function words, weekdays and negations.

/// Common English function words: they carry little evidence that two
/// texts say the same thing.
pub(crate) fn is_stopword(normalized: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    // Stopwords are short; most words are not looked up at all.
    normalized.len() <= 7
        && SET
            .get_or_init(|| STOPWORDS.iter().copied().collect())
            .contains(normalized)
}

// Sorted for binary search.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "during", "each", "for", "from", "had", "has", "have", "having", "he",
    "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its",
    "itself", "just", "me", "more", "most", "my", "of", "on", "once", "only", "or", "other", "our",
    "ours", "out", "over", "own", "said", "same", "says", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would",
    "you", "your",
];

/// "his", "their", "my": a possessive before a noun ("my father", "his
/// first post"), which makes the next word a noun, not a verb or a name.
pub(crate) fn is_possessive_determiner(normalized: &str) -> bool {
    matches!(
        normalized,
        "his" | "her" | "their" | "its" | "our" | "my" | "your"
    )
}

/// A weekday name, lower case ("sunday").
pub(crate) fn is_weekday(normalized: &str) -> bool {
    matches!(
        normalized,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Words that negate a statement.
pub(crate) fn is_negation(normalized: &str) -> bool {
    matches!(
        normalized,
        "not" | "no" | "never" | "none" | "nothing" | "nobody" | "neither" | "nor" | "without"
    ) || normalized.ends_with("n't")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists() {
        assert!(is_stopword("the") && !is_stopword("trade"));
        assert!(is_negation("wouldn't") && is_negation("not") && !is_negation("note"));
        assert!(is_weekday("sunday") && !is_weekday("sun"));
    }

    #[test]
    fn stopwords_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
