//! A built-in notion of which words are common in news whatever the story:
//! the background that term weights start from before the reports at hand
//! have been counted.
//!
//! On a hundred thousand reports, document frequencies tell which words
//! are common. On three reports of one story they cannot: every word the
//! three share looks equally common, the name of the town as much as
//! "officials". This list is the prior. It holds general vocabulary, the
//! words any story may use (reporting verbs, time, quantities, generic
//! people, places and institutions, everyday verbs and adjectives), never
//! a story's own names. It is deliberately modest: a word missing from it
//! is only weighed as distinctive until the corpus says otherwise.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::terms::{word_term, FnvBuild, Term};

/// Lower-case words, grouped by what they are about. Inflections need not
/// be listed: words are compared by stem.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    // Saying and reporting.
    "say", "tell", "told", "report", "reported", "reporter", "reporters", "announce", "add",
    "note", "state", "statement", "claim", "call", "ask", "speak", "spoke", "talk", "explain",
    "describe", "confirm", "deny", "comment", "respond", "response", "according", "interview",
    "spokesman", "spokeswoman", "spokesperson", "source", "sources", "news", "press", "media",
    "article", "story", "stories", "quote", "quoted", "write", "wrote", "written", "read",
    "post", "posted", "update", "updated", "publish", "published", "told", "mention", "insist",
    "argue", "suggest", "warn", "urge", "agree", "disagree", "accuse", "blame", "praise",
    "criticize", "criticise", "criticism", "question", "answer", "reply", "word", "words",
    "message", "letter", "email", "phone", "video", "photo", "picture", "image", "website",
    "online", "internet", "social", "twitter", "facebook", "tweet", "tweeted", "television",
    "tv", "radio", "newspaper", "magazine", "channel", "show", "network", "editor",
    "journalist", "anchor", "copyright", "rights", "reserved", "associated", "reuters",
    "contributed", "reporting",
    // Time.
    "time", "times", "year", "years", "month", "months", "week", "weeks", "day", "days",
    "today", "yesterday", "tomorrow", "hour", "hours", "minute", "minutes", "second", "seconds",
    "morning", "afternoon", "evening", "night", "tonight", "weekend", "date", "early",
    "earlier", "late", "later", "latest", "recent", "recently", "ago", "now", "last", "next",
    "first", "third", "fourth", "fifth", "final", "finally", "former", "formerly", "previous",
    "previously", "current", "currently", "soon", "already", "still", "yet", "ever", "never",
    "always", "often", "sometimes", "usually", "again", "twice", "past", "future", "season",
    "decade", "decades", "century", "period", "moment", "while", "long", "shortly", "annual",
    "daily", "weekly", "monthly", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "am", "pm", "gmt", "est", "pst", "edt",
    "pdt", "local", "start", "end", "beginning", "begin", "began",
    // Quantities and comparison.
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
    "thousands", "million", "millions", "billion", "billions", "dozen", "dozens", "many",
    "much", "few", "fewer", "several", "number", "numbers", "percent", "per", "cent", "half",
    "quarter", "lot", "lots", "least", "less", "total", "nearly", "almost", "approximately",
    "roughly", "around", "including", "include", "includes", "among", "another", "every",
    "either", "neither", "none", "whole", "entire", "single", "double", "enough", "little",
    "big", "bigger", "biggest", "small", "smaller", "large", "larger", "largest", "high",
    "higher", "highest", "low", "lower", "lowest", "average", "rate", "rates", "amount",
    "level", "levels", "part", "piece", "rest", "majority", "minority", "record", "far",
    "close", "closer", "near", "nearby", "away", "top", "bottom", "full", "empty", "extra",
    "additional", "further", "over", "under", "above", "below", "up", "down", "increase",
    "decrease", "rise", "rose", "fall", "fell", "drop", "grow", "grew", "growth",
    // Function words the stop list leaves out.
    "not", "no", "yes", "nor", "however", "even", "well", "back", "really", "actually", "also",
    "however", "though", "although", "despite", "without", "within", "across", "against",
    "along", "toward", "towards", "upon", "behind", "beyond", "inside", "outside", "instead",
    "rather", "perhaps", "maybe", "probably", "whether", "unless", "thus", "therefore",
    "meanwhile", "otherwise", "else", "indeed", "certainly", "likely", "unlikely", "simply",
    "especially", "particularly", "mostly", "mainly", "largely", "quite", "pretty", "almost",
    "together", "alone", "ahead", "already", "anyway", "something", "anything", "nothing",
    "everything", "someone", "anyone", "everyone", "nobody", "somebody", "everybody", "anybody",
    "thing", "things", "way", "ways", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "don't",
    "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "can't",
    "couldn't", "shouldn't", "haven't", "hasn't", "hadn't", "i'm", "i've", "i'd", "i'll",
    "you're", "we're", "they're", "we've", "they've", "he's", "she's", "that's", "there's",
    "what's", "let's", "cannot", "via", "etc", "per", "like", "unlike", "than", "whose",
    "whatever", "whenever", "wherever", "however", "might", "must", "shall", "may", "ought",
    // People in general.
    "people", "person", "persons", "man", "men", "woman", "women", "child", "children", "kid",
    "kids", "boy", "boys", "girl", "girls", "baby", "family", "families", "friend", "friends",
    "member", "members", "group", "groups", "team", "teams", "leader", "leaders", "head",
    "director", "chief", "president", "vice", "chairman", "chairwoman", "chair", "manager",
    "executive", "officer", "officers", "staff", "employee", "employees", "worker", "workers",
    "resident", "residents", "citizen", "citizens", "public", "crowd", "community", "neighbor",
    "neighbors", "neighbour", "neighbours", "parent", "parents", "mother", "father", "son",
    "daughter", "brother", "sister", "wife", "husband", "mom", "dad", "student", "students",
    "teacher", "doctor", "doctors", "expert", "experts", "analyst", "analysts", "witness",
    "witnesses", "victim", "victims", "fan", "fans", "owner", "partner", "colleague",
    "colleagues", "supporter", "supporters", "critic", "critics", "official", "officials",
    "spokesman", "representative", "representatives", "lawyer", "attorney", "judge", "police",
    "policeman", "authorities", "authority", "agent", "agents", "soldier", "soldiers", "troops",
    "military", "army", "force", "forces", "mayor", "governor", "minister", "secretary",
    "senator", "lawmaker", "lawmakers", "politician", "politicians", "candidate", "voter",
    "voters", "king", "queen", "prince", "general", "captain", "player", "players", "coach",
    "star", "actor", "actress", "singer", "founder", "ceo", "customer", "customers", "user",
    "users", "patient", "patients", "suspect", "suspects", "man's", "age", "aged", "old",
    "young", "older", "younger",
    // Institutions and places in general.
    "government", "governments", "state", "states", "country", "countries", "nation", "nations",
    "national", "nationwide", "international", "world", "global", "federal", "political",
    "politics", "party", "parties", "law", "laws", "legal", "policy", "policies",
    "administration", "office", "department", "agency", "agencies", "council", "committee",
    "commission", "board", "house", "court", "courts", "congress", "parliament", "senate",
    "ministry", "union", "organization", "organisation", "association", "institute",
    "university", "college", "school", "schools", "hospital", "church", "company", "companies",
    "firm", "business", "businesses", "industry", "market", "markets", "bank", "banks",
    "center", "centre", "club", "service", "services", "system", "program", "programme",
    "project", "city", "cities", "town", "village", "area", "areas", "region", "regional",
    "district", "county", "province", "street", "road", "highway", "building", "buildings",
    "home", "homes", "room", "place", "places", "site", "location", "land", "north", "south",
    "east", "west", "northern", "southern", "eastern", "western", "central", "capital",
    "border", "coast", "side", "sides", "front", "middle", "field", "office", "headquarters",
    "station", "airport",
    // Everyday verbs.
    "make", "made", "take", "took", "taken", "come", "came", "go", "going", "went", "gone",
    "get", "got", "give", "gave", "given", "know", "knew", "known", "think", "thought", "see",
    "saw", "seen", "look", "looking", "want", "wanted", "use", "used", "find", "found", "work",
    "working", "seem", "seemed", "feel", "felt", "try", "tried", "leave", "left", "put", "mean",
    "meant", "keep", "kept", "let", "show", "showed", "shown", "hear", "heard", "play",
    "played", "run", "ran", "move", "moved", "live", "lived", "believe", "believed", "hold",
    "held", "bring", "brought", "happen", "happened", "provide", "sit", "stand", "stood",
    "lose", "lost", "pay", "paid", "meet", "met", "continue", "set", "learn", "change",
    "changed", "lead", "led", "understand", "watch", "follow", "following", "stop", "create",
    "allow", "open", "opened", "win", "won", "offer", "remember", "consider", "appear",
    "appeared", "buy", "bought", "wait", "serve", "send", "sent", "expect", "expected", "build",
    "built", "stay", "cut", "reach", "reached", "remain", "remained", "raise", "pass", "passed",
    "sell", "sold", "require", "decide", "decided", "return", "returned", "plan", "planned",
    "help", "need", "needed", "become", "became", "turn", "turned", "receive", "received",
    "face", "accept", "release", "released", "involve", "involved", "happen", "occur",
    "occurred", "deal", "fight", "carry", "carried", "hope", "hoped", "support", "join",
    "joined", "visit", "visited", "prepare", "tried", "seek", "sought", "discuss", "decline",
    "declined", "refuse", "refused", "launch", "launched", "choose", "chose", "gain", "mark",
    "marked", "list", "listed", "base", "based", "hit", "care", "view", "point", "check",
    "step", "stepped", "act", "drive", "drove", "walk", "walked", "arrive", "arrived", "die",
    "died", "kill", "killed", "hurt", "injure", "injured", "save", "saved", "miss", "missed",
    "lack", "worry", "worried", "love", "like", "liked", "hate", "fear", "feared", "plan",
    "aim", "push", "pull", "order", "ordered", "test", "tested", "own", "owned", "describe",
    "described", "identify", "identified", "name", "named", "remove", "removed", "cause",
    "caused", "result", "resulted", "affect", "affected", "develop", "developed", "produce",
    "produced", "manage", "managed", "close", "closed", "sign", "signed", "vote", "voted",
    "speak", "spoken", "stress", "express", "expressed", "acknowledge", "acknowledged", "admit",
    "admitted",
    // Everyday nouns and adjectives.
    "life", "lives", "job", "jobs", "money", "information", "situation", "event", "events",
    "incident", "issue", "issues", "problem", "problems", "reason", "reasons", "fact", "case",
    "cases", "kind", "type", "form", "example", "effort", "efforts", "decision", "role",
    "interest", "action", "actions", "process", "position", "condition", "effect", "impact",
    "experience", "history", "idea", "ideas", "plan", "plans", "deal", "hand", "hands", "eye",
    "eyes", "line", "lines", "matter", "sense", "chance", "choice", "attention", "concern",
    "concerns", "risk", "risks", "threat", "safety", "security", "help", "health", "care",
    "power", "control", "freedom", "peace", "war", "crisis", "success", "failure", "future",
    "past", "plan", "detail", "details", "term", "terms", "goal", "goals", "opportunity",
    "rule", "rules", "right", "wrong", "true", "false", "good", "better", "best", "bad",
    "worse", "worst", "great", "greater", "important", "major", "minor", "possible",
    "impossible", "able", "unable", "clear", "unclear", "real", "sure", "free", "special",
    "certain", "particular", "main", "key", "serious", "significant", "available", "similar",
    "different", "difficult", "easy", "hard", "strong", "weak", "simple", "common", "usual",
    "unusual", "normal", "likely", "official", "private", "personal", "human", "social",
    "economic", "financial", "recent", "huge", "massive", "tiny", "whole", "short", "new",
    "newer", "newest", "latest", "fine", "nice", "happy", "sad", "proud", "ready", "necessary",
    "open", "closed", "live", "alive", "dead", "death", "deaths", "known", "unknown",
    "expected", "according", "overall", "additional", "various", "specific", "direct",
    "directly", "immediately", "immediate", "quickly", "quick", "slowly", "fast", "slow",
    "largely", "percent", "cost", "costs", "price", "prices", "dollar", "dollars", "fund",
    "funds", "tax", "taxes", "budget", "pay", "plan", "meeting", "meetings", "conference",
    "talks", "agreement", "call", "calls", "visit", "trip", "tour", "game", "games", "match",
    "race", "team", "season", "car", "cars", "vehicle", "water", "food", "air", "fire", "body",
    "bodies", "hospital", "scene", "top", "front", "heart", "mind", "voice", "face", "head",
    "attack", "attacks", "arrest", "arrested", "charge", "charged", "charges", "crime",
    "investigation", "investigate", "investigating", "trial", "sentence", "sentenced", "prison",
    "jail", "election", "campaign", "vote", "votes",
];

/// The terms of [`COMMON`].
fn terms() -> &'static HashSet<Term, FnvBuild> {
    static SET: OnceLock<HashSet<Term, FnvBuild>> = OnceLock::new();
    SET.get_or_init(|| COMMON.iter().filter_map(|w| word_term(w)).collect())
}

/// Whether a term is one of the words any story uses.
pub(crate) fn is_common(t: Term) -> bool {
    terms().contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn general_words_are_common_and_names_are_not() {
        for (word, common) in [
            ("officials", true),
            ("Reported", true),
            ("killing", true),
            ("Wednesday", true),
            ("zhangjiakou", false),
            ("earthquake", false),
            ("Lagarde", false),
        ] {
            let t = word_term(word).unwrap();
            assert_eq!(is_common(t), common, "{word}");
        }
    }
}
