//! Words that end in a full stop without ending a sentence.

/// Words that end in a full stop without ending the sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "adm", "ave", "blvd", "capt", "cmdr", "co", "col", "corp", "cpl", "dept", "det", "dr", "e.g",
    "etc", "feb", "gen", "gov", "i.e", "inc", "jan", "jr", "lt", "ltd", "maj", "messrs", "mr",
    "mrs", "ms", "mt", "no", "nos", "oct", "prof", "pvt", "rep", "rev", "sen", "sept", "sgt", "sr",
    "st", "supt", "vs", "aug", "dec", "nov", "apr", "mar", "jun", "jul", "sep", "ft", "gens",
    "reps", "sens", "govs", "rt", "hon", "fr", "pres", "u.s", "u.k", "u.n", "a.m", "p.m", "d.c",
    // Rupees: "Rs. 300".
    "rs",
];

/// Words after which a title abbreviation's full stop is not a sentence end.
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "gen"
            | "sen"
            | "rep"
            | "gov"
            | "lt"
            | "col"
            | "sgt"
            | "st"
            | "jr"
            | "sr"
            | "maj"
            | "capt"
            | "adm"
            | "prof"
            | "rev"
            | "pres"
            | "atty"
            | "supt"
    ) || word.chars().count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_lower_case_without_their_stop() {
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| !a.ends_with('.') && a.to_lowercase() == *a));
        assert!(is_title_abbreviation("gen") && is_title_abbreviation("j"));
        assert!(!is_title_abbreviation("said"));
    }
}
