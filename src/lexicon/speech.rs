//! Words of reported speech: the verbs that attribute a quote, and the
//! words an attribution is made of.

/// Irregular and fixed forms of verbs that attribute speech.
const REPORTING_FORMS: &[&str] = &[
    "according",
    "said",
    "says",
    "told",
    "wrote",
    "writes",
    "spoke",
    "speaks",
    "put",
    "puts",
    "read",
    "reads",
];

/// Base forms of verbs that attribute speech; inflections are derived.
const REPORTING_LEMMAS: &[&str] = &[
    "accuse",
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "allow",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "beam",
    "blast",
    "boast",
    "brag",
    "brand",
    "call",
    "caution",
    "chant",
    "characterize",
    "charge",
    "cite",
    "claim",
    "clarify",
    "comment",
    "complain",
    "concede",
    "conclude",
    "concur",
    "confide",
    "confirm",
    "contend",
    "continue",
    "counsel",
    "counter",
    "crack",
    "criticize",
    "cry",
    "declare",
    "define",
    "demand",
    "deny",
    "describe",
    "dub",
    "echo",
    "elaborate",
    "emphasise",
    "emphasize",
    "estimate",
    "exclaim",
    "explain",
    "fume",
    "gripe",
    "grumble",
    "gush",
    "hail",
    "implore",
    "inquire",
    "insist",
    "interject",
    "interrupt",
    "joke",
    "label",
    "lament",
    "lash",
    "laugh",
    "list",
    "maintain",
    "marvel",
    "mention",
    "mock",
    "murmur",
    "muse",
    "mutter",
    "note",
    "object",
    "observe",
    "offer",
    "plead",
    "pledge",
    "point",
    "posit",
    "post",
    "praise",
    "predict",
    "press",
    "proclaim",
    "promise",
    "protest",
    "query",
    "quip",
    "quote",
    "rail",
    "rant",
    "reason",
    "reassure",
    "recall",
    "recite",
    "recount",
    "reflect",
    "reiterate",
    "relate",
    "remark",
    "reminisce",
    "repeat",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "scoff",
    "scold",
    "scream",
    "shout",
    "sigh",
    "slam",
    "snap",
    "speculate",
    "state",
    "stress",
    "suggest",
    "summarize",
    "swear",
    "tease",
    "tell",
    "testify",
    "text",
    "theorize",
    "thunder",
    "tout",
    "tweet",
    "underline",
    "urge",
    "volunteer",
    "vow",
    "warn",
    "welcome",
    "whisper",
    "wonder",
    "worry",
    "write",
    "yell",
];

/// Verbs that attribute speech, in every inflection used in news.
pub(crate) fn is_reporting_verb(word: &str) -> bool {
    if REPORTING_FORMS.contains(&word) {
        return true;
    }
    let lemma = |w: &str| REPORTING_LEMMAS.binary_search(&w).is_ok();
    let strip = |suffix: &str, add: &str, ok: &dyn Fn(&str) -> bool| {
        word.strip_suffix(suffix)
            .is_some_and(|base| !base.is_empty() && ok(&format!("{base}{add}")))
    };
    lemma(word)
        || strip("s", "", &lemma)
        || strip("es", "", &lemma)
        || strip("ies", "y", &lemma)
        || strip("ed", "", &lemma)
        || strip("d", "", &lemma)
        || strip("ing", "", &lemma)
        || strip("ing", "e", &lemma)
        || strip("ied", "y", &lemma)
        // doubled consonant: "dubbed", "quipped"
        || word.len() > 4
            && word.ends_with("ed")
            && word.get(..word.len() - 3).is_some_and(lemma)
}

/// The bare or -s form of a reporting verb that is a common noun too
/// ("a lunch counter", "the reports", but "Viguerie notes").
pub(crate) fn is_noun_form(word: &str) -> bool {
    let noun = |w: &str| NOUNS_TOO.binary_search(&w).is_ok();
    noun(word)
        || word.strip_suffix('s').is_some_and(noun)
        || word.strip_suffix("es").is_some_and(noun)
        || word
            .strip_suffix("ies")
            .is_some_and(|b| noun(&format!("{b}y")))
}

/// Reporting lemmas that are also common nouns (sorted).
const NOUNS_TOO: &[&str] = &[
    "answer", "beam", "blast", "brand", "call", "chant", "charge", "claim", "comment", "counsel",
    "counter", "crack", "cry", "demand", "echo", "estimate", "joke", "label", "laugh", "list",
    "mention", "mock", "note", "object", "offer", "plead", "point", "post", "praise", "press",
    "promise", "protest", "query", "quip", "quote", "rail", "reason", "repeat", "reply", "report",
    "retort", "scream", "sigh", "slam", "snap", "state", "text", "thunder", "tout", "tweet", "vow",
    "welcome", "whisper", "worry",
];

/// Participles like "saying" attribute to the sentence's subject.
pub(crate) fn is_participle(word: &str) -> bool {
    word.ends_with("ing") && word != "according"
}

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "him", "her"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_verbs() {
        for w in [
            "said",
            "says",
            "told",
            "added",
            "noted",
            "stressed",
            "vowed",
            "hailed",
            "according",
        ] {
            assert!(is_reporting_verb(w), "{w}");
        }
        for w in [
            "met", "traveled", "is", "the", "sing", "add-on", "ed", "s", "ꞏéed", "日本ed",
        ] {
            assert!(!is_reporting_verb(w), "{w}");
        }
    }

    #[test]
    fn lemmas_sorted() {
        assert!(REPORTING_LEMMAS.windows(2).all(|w| w[0] < w[1]));
    }
}
