//! Words around names: particles, prepositions, capitalised words that
//! are no names, roles and titles, nationalities, organisation and place
//! words.

pub(crate) fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "bin"
            | "ibn"
            | "al"
            | "de"
            | "van"
            | "von"
            | "der"
            | "den"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "del"
            | "dos"
            | "das"
            | "ter"
    )
}

pub(crate) fn is_preposition(word: &str) -> bool {
    matches!(
        word,
        "with"
            | "to"
            | "by"
            | "of"
            | "for"
            | "from"
            | "at"
            | "in"
            | "on"
            | "about"
            | "between"
            | "against"
            | "among"
            | "toward"
            | "towards"
            | "into"
            | "under"
            | "than"
            | "like"
            | "via"
            | "after"
            | "before"
            | "without"
            | "over"
            | "through"
            | "across"
            | "around"
            | "near"
            | "during"
            | "throughout"
            | "behind"
            | "beyond"
            | "despite"
    )
}

/// Capitalised words that open sentences or name times, not people.
pub(crate) fn is_common_capital(word: &str) -> bool {
    super::is_weekday(word)
        || super::is_stopword(word)
        || matches!(
            word,
            "last"
                | "next"
                | "speaking"
                | "officially"
                | "however"
                | "meanwhile"
                | "according"
                | "despite"
                | "following"
                | "earlier"
                | "later"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "january"
                | "february"
                | "march"
                | "april"
                | "may"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "a"
                | "an"
                | "not"
                | "yes"
                | "no"
                | "still"
                | "yet"
                | "now"
                | "instead"
                | "indeed"
                | "asked"
                | "even"
                | "many"
                | "several"
                | "among"
                | "although"
                | "though"
                | "unlike"
                | "like"
                | "since"
                | "without"
                | "within"
                | "amid"
                | "as"
                | "one"
                | "two"
                | "three"
                | "another"
                | "every"
                | "each"
                | "neither"
                | "either"
                | "nor"
                | "please"
                | "thank"
                | "thanks"
                | "late"
                | "early"
                | "perhaps"
                | "maybe"
                | "otherwise"
                | "here"
                | "there"
                | "why"
                | "how"
        )
}

/// Adverbs and participles that open a sentence ("Officially, …",
/// "Speaking to Li, …"); only at the start, since Kelly or Billing are names.
pub(crate) fn is_opening_word(word: &str) -> bool {
    word.ends_with("ly") && word.len() > 4 || word.ends_with("ing") && word.len() > 5
}

/// Titles and offices that precede a name.
pub(crate) fn is_role_word(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    is_title_noun(word)
        || is_nationality(word)
        || matches!(
            word,
            "prime"
                | "vice"
                | "deputy"
                | "former"
                | "acting"
                | "chief"
                | "executive"
                | "defense"
                | "defence"
                | "foreign"
                | "finance"
                | "interior"
                | "trade"
                | "economy"
                | "transport"
                | "state"
                | "home"
                | "health"
                | "education"
                | "energy"
                | "labor"
                | "labour"
                | "justice"
                | "treasury"
                | "commerce"
                | "agriculture"
                | "environment"
                | "culture"
                | "affairs"
                | "security"
                | "national"
                | "first"
                | "lady"
                | "crown"
                | "supreme"
                | "gen"
                | "lt"
                | "col"
                | "maj"
                | "adm"
                | "sgt"
                | "capt"
                | "cmdr"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "sen"
                | "rep"
                | "gov"
                | "prof"
                | "rev"
                | "sir"
                | "dame"
                | "lord"
                | "st"
                | "u.s"
                | "us"
                | "uk"
                | "eu"
                | "un"
                | "house"
                | "senate"
                | "majority"
                | "minority"
                | "white"
                | "press"
                | "republican"
                | "democratic"
                | "democrat"
                | "gop"
                | "presidential"
                | "military"
                | "top"
                | "senior"
                | "opposition"
                | "rival"
                | "challenger"
                | "incumbent"
        )
}

/// Nouns that name an office; the head of a role phrase.
pub(crate) fn is_title_noun(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "treasurer"
            | "counsel"
            | "strategist"
            | "pollster"
            | "aide"
            | "administrator"
            | "premier"
            | "minister"
            | "secretary"
            | "general"
            | "senator"
            | "governor"
            | "mayor"
            | "chancellor"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "pope"
            | "judge"
            | "justice"
            | "ceo"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "director"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ambassador"
            | "envoy"
            | "commissioner"
            | "leader"
            | "speaker"
            | "attorney"
            | "coach"
            | "professor"
            | "sheriff"
            | "officer"
            | "commander"
            | "admiral"
            | "colonel"
            | "lieutenant"
            | "sergeant"
            | "captain"
            | "major"
            | "candidate"
            | "nominee"
            | "whip"
            | "adviser"
            | "advisor"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "emir"
            | "sheikh"
            | "diplomat"
            | "official"
            | "head"
            | "founder"
            | "owner"
            | "manager"
            | "economist"
            | "analyst"
    )
}

pub(crate) fn title_matches(word: &str, role: &str) -> bool {
    // The head of state or government is also "the leader".
    word == role
        || word == "leader"
            && matches!(
                role,
                "president" | "premier" | "prime" | "chancellor" | "king"
            )
        || word == "general" && matches!(role, "gen")
        || word == "senator" && role == "sen"
        || word == "governor" && role == "gov"
        || matches!(
            word,
            "congressman" | "congresswoman" | "representative" | "lawmaker"
        ) && matches!(
            role,
            "rep" | "representative" | "congressman" | "congresswoman"
        )
        || word == "spokesperson" && matches!(role, "spokesman" | "spokeswoman")
}

/// Nationality and regional adjectives ("Russian", "Chinese").
pub(crate) fn is_nationality(word: &str) -> bool {
    let known = matches!(
        word,
        "chinese"
            | "french"
            | "british"
            | "dutch"
            | "swiss"
            | "greek"
            | "thai"
            | "irish"
            | "scottish"
            | "welsh"
            | "danish"
            | "swedish"
            | "finnish"
            | "polish"
            | "turkish"
            | "spanish"
            | "japanese"
            | "vietnamese"
            | "taiwanese"
            | "portuguese"
            | "lebanese"
            | "sudanese"
            | "israeli"
            | "pakistani"
            | "iraqi"
            | "saudi"
            | "kuwaiti"
            | "qatari"
            | "emirati"
            | "afghan"
            | "western"
            | "eastern"
            | "northern"
            | "southern"
            | "european"
            | "american"
            | "african"
            | "asian"
            | "german"
            | "kremlin"
            | "federal"
            | "u.n"
            | "nato"
    );
    known
        || word.len() > 4
            && (word.ends_with("ian") || word.ends_with("ean") || word.ends_with("can"))
}

/// Words that make a capitalised run an organisation.
pub(crate) fn is_org_word(word: &str) -> bool {
    matches!(
        word.trim_end_matches("'s"),
        "ministry"
            | "department"
            | "council"
            | "party"
            | "union"
            | "bank"
            | "agency"
            | "times"
            | "news"
            | "press"
            | "university"
            | "committee"
            | "court"
            | "office"
            | "forces"
            | "army"
            | "navy"
            | "corporation"
            | "corp"
            | "group"
            | "company"
            | "inc"
            | "post"
            | "media"
            | "service"
            | "administration"
            | "commission"
            | "organization"
            | "organisation"
            | "association"
            | "federation"
            | "congress"
            | "parliament"
            | "assembly"
            | "institute"
            | "foundation"
            | "journal"
            | "tv"
            | "television"
            | "radio"
            | "network"
            | "police"
            | "guard"
            | "cabinet"
            | "government"
            | "kremlin"
            | "embassy"
            | "pentagon"
            | "senate"
            | "reuters"
            | "xinhua"
            | "tass"
            | "ria"
            | "cnn"
            | "bbc"
            | "fund"
            | "club"
            | "league"
            | "airlines"
            | "airways"
            | "fc"
            | "house"
            | "presidency"
            | "campaign"
            | "tower"
            | "bureau"
            | "center"
            | "centre"
            | "school"
            | "hospital"
            | "magazine"
            | "newspaper"
            | "team"
    )
}

/// Place-like runs ("Far East", "United States", "Cold War").
pub(crate) fn is_place_like(words: &[String]) -> bool {
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "east"
                | "west"
                | "north"
                | "south"
                | "sea"
                | "ocean"
                | "river"
                | "region"
                | "city"
                | "street"
                | "square"
                | "island"
                | "islands"
                | "valley"
                | "county"
                | "province"
                | "republic"
                | "kingdom"
                | "states"
                | "nations"
                | "gulf"
                | "bay"
                | "lake"
                | "park"
                | "bridge"
                | "airport"
                | "station"
                | "war"
                | "world"
                | "era"
                | "mountains"
                | "peninsula"
                | "strait"
                | "coast"
                | "desert"
                | "hall"
                | "center"
                | "centre"
        )
    })
}

/// Words before a surname that are titles, not first names.
pub(crate) const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "pres",
    "vice",
    "secretary",
    "gen",
    "general",
    "judge",
    "justice",
    "chief",
    "speaker",
    "leader",
    "mayor",
    "prime",
    "minister",
    "prince",
    "princess",
    "king",
    "queen",
    "lord",
    "sir",
    "dame",
    "lady",
    "rev",
    "reverend",
    "father",
    "pope",
    "st",
    "saint",
    "officer",
    "detective",
    "sgt",
    "sergeant",
    "capt",
    "captain",
    "lt",
    "col",
    "colonel",
    "adm",
    "admiral",
    "prof",
    "professor",
    "attorney",
    "coach",
    "chairman",
    "chairwoman",
    "commissioner",
    "director",
    "ambassador",
    "congressman",
    "congresswoman",
    "candidate",
    "nominee",
    "former",
    "the",
    "and",
    "but",
    "when",
    "after",
    "before",
    "while",
    "as",
    "if",
    "that",
    "then",
    "said",
    "says",
    "by",
    "of",
    "for",
    "with",
    "to",
    "in",
    "on",
    "at",
    "from",
    "mister",
    "madam",
    "first",
    "sheriff",
    "chancellor",
    "premier",
    "emperor",
    "sultan",
    "sheikh",
    "cardinal",
    "bishop",
    "rabbi",
    "imam",
];
