//! A deterministic synthetic news corpus, shared by the benchmarks, the
//! `gen_corpus` example and `tests/corpus.rs` (each includes this file as a
//! module, so it stays out of the library's API).
//!
//! Shape, after the Python reference pipeline's `gen.py` (kept outside
//! this repository), so the numbers compare: reports of about 600 words
//! (3.8 kB) with 3–8 quotes, grouped into events of about 8 reports (the
//! BASIL-like set: 100 events of exactly 3 outlets). Unlike that word salad, the text is
//! made of news sentences: a headline, a byline, a dateline, reporting
//! verbs, speakers introduced with their role ("Mayor Tova Renmark") and
//! then by surname, counts, money, percentages, weekdays and dates, photo
//! captions and "Read more" blocks. Each event has a pool of quotes and of
//! lead sentences; a pool quote is carried by 2–4 of the event's outlets,
//! each copy edited the way translated and re-reported quotes differ:
//! synonyms swapped, words dropped, cut to a fragment, other punctuation,
//! other quote marks. Some outlets give a different count (a discrepancy).
//!
//! Everything is a function of the seed (and the size): a SplitMix64
//! generator per event and per report, so reports can be written in
//! parallel and still come out the same.

// Each includer uses a different part.
#![allow(dead_code)]

use std::fmt::Write as _;

use corroborate::Report;
use jiff::civil::{date, Date, Weekday};
use rayon::prelude::*;

// ---- randomness

/// SplitMix64: tiny, fast and the same on every platform.
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for one purpose: `seed` and a stream number mixed, so
    /// nearby seeds and streams give unrelated sequences.
    pub fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xd1b5_4a32_d192_ed03));
        r.next();
        r
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in lo..=hi.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

// ---- vocabulary

/// A kind of event: its topic words, who speaks and what gets counted.
struct Kind {
    nouns: &'static [&'static str],
    /// Past-tense clauses saying what happened ("{place}" is filled in).
    acts: &'static [&'static str],
    roles: &'static [&'static str],
    /// Organisation patterns ("{Place}" is the event's place).
    orgs: &'static [&'static str],
    /// What the event's count counts: "37 people were evacuated".
    units: &'static [&'static str],
    /// What money goes to: "$4.5 million for …".
    purposes: &'static [&'static str],
    headlines: &'static [&'static str],
}

#[rustfmt::skip]
const KINDS: &[Kind] = &[
    Kind {
        nouns: &["flood", "flooding", "downpour", "rescue operation", "evacuation", "storm"],
        acts: &["floodwaters swept through {place}", "the river burst its banks near {place}",
            "torrential rain flooded large parts of {place}"],
        roles: &["Mayor", "Emergency Services Minister", "Fire Chief", "Governor"],
        orgs: &["{Place} Fire and Rescue Service", "National Weather Agency", "Red Cross"],
        units: &["people were evacuated", "homes were flooded", "people died", "people were rescued"],
        purposes: &["flood relief", "reconstruction", "new flood defences"],
        headlines: &["Floods force thousands from their homes in {place}",
            "{place} counts the cost as river bursts its banks",
            "Deadly floods hit {place} after days of heavy rain"],
    },
    Kind {
        nouns: &["wildfire", "blaze", "fire", "evacuation order", "heatwave"],
        acts: &["a wildfire tore through the hills above {place}",
            "fire crews battled a blaze on the edge of {place}",
            "strong winds spread the fire towards {place}"],
        roles: &["Fire Commissioner", "Governor", "Mayor", "Forestry Minister"],
        orgs: &["{Place} Fire Department", "Forest Service", "Civil Protection Agency"],
        units: &["hectares burned", "homes were destroyed", "people were evacuated",
            "firefighters were deployed"],
        purposes: &["firefighting aircraft", "emergency housing", "recovery efforts"],
        headlines: &["Wildfire forces evacuations near {place}",
            "Fire crews race to save {place} as winds pick up",
            "Blaze destroys homes on the edge of {place}"],
    },
    Kind {
        nouns: &["earthquake", "quake", "aftershock", "rescue effort", "tremor"],
        acts: &["a strong earthquake shook {place}",
            "buildings collapsed across {place} after the quake",
            "a series of aftershocks rattled {place}"],
        roles: &["Interior Minister", "Mayor", "Rescue Coordinator", "President"],
        orgs: &["{Place} Disaster Management Authority", "Geological Survey", "Red Crescent"],
        units: &["people died", "people were injured", "buildings collapsed",
            "people were left homeless"],
        purposes: &["emergency shelter", "reconstruction", "search and rescue teams"],
        headlines: &["Earthquake strikes {place}, toppling buildings",
            "Rescuers dig through rubble after quake in {place}",
            "Strong quake leaves {place} in ruins"],
    },
    Kind {
        nouns: &["election", "vote", "runoff", "campaign", "ballot", "turnout"],
        acts: &["voters in {place} went to the polls",
            "the ruling party lost its majority in {place}",
            "the opposition claimed victory in {place}"],
        roles: &["President", "Opposition Leader", "Prime Minister", "Election Commissioner"],
        orgs: &["{Place} Electoral Commission", "Supreme Court", "election monitors"],
        units: &["votes were cast", "polling stations opened", "seats were contested",
            "observers were deployed"],
        purposes: &["the recount", "election security", "voter registration"],
        headlines: &["Opposition claims victory in {place} election",
            "Tight race in {place} heads for a runoff",
            "{place} votes in election seen as test for government"],
    },
    Kind {
        nouns: &["strike", "walkout", "pay dispute", "protest", "shutdown"],
        acts: &["transport workers in {place} walked off the job",
            "unions called a general strike across {place}",
            "talks to end the strike in {place} broke down"],
        roles: &["Union Leader", "Labour Minister", "Chief Executive", "Mayor"],
        orgs: &["{Place} Transport Workers Union", "Ministry of Labour", "Employers Federation"],
        units: &["workers joined the strike", "trains were cancelled", "flights were grounded",
            "schools were closed"],
        purposes: &["a pay rise", "pension contributions", "new safety rules"],
        headlines: &["Strike brings {place} to a standstill",
            "Workers in {place} walk out over pay",
            "Talks fail as strike in {place} enters second day"],
    },
    Kind {
        nouns: &["merger", "takeover", "deal", "acquisition", "bid"],
        acts: &["the {org} agreed to buy its largest rival",
            "shareholders approved the takeover of the {org}",
            "regulators opened an inquiry into the merger in {place}"],
        roles: &["Chief Executive", "Chairman", "Finance Director", "Competition Commissioner"],
        orgs: &["{Place} Holdings Group", "{Place} Steel Corporation", "Competition Authority"],
        units: &["jobs will be cut", "shares changed hands", "stores will close",
            "employees will transfer"],
        purposes: &["the acquisition", "restructuring", "new factories"],
        headlines: &["{Place} Holdings agrees takeover in record deal",
            "Regulators to examine {place} merger",
            "Shareholders back deal that will reshape {place} industry"],
    },
    Kind {
        nouns: &["trial", "verdict", "case", "appeal", "hearing", "sentence"],
        acts: &["a court in {place} delivered its verdict",
            "prosecutors in {place} opened their case", "the judge in {place} adjourned the hearing"],
        roles: &["Judge", "Chief Prosecutor", "Defence Lawyer", "Justice Minister"],
        orgs: &["{Place} High Court", "Public Prosecutor's Office", "Bar Association"],
        units: &["witnesses testified", "charges were filed", "defendants appeared in court",
            "years in prison were sought"],
        purposes: &["legal aid", "compensation for victims", "the investigation"],
        headlines: &["Court in {place} delivers verdict in landmark case",
            "Prosecutors open case against former officials in {place}",
            "Appeal hearing begins in {place}"],
    },
    Kind {
        nouns: &["summit", "talks", "visit", "agreement", "meeting", "negotiations"],
        acts: &["leaders met in {place} for two days of talks",
            "the two governments signed an agreement in {place}",
            "the summit in {place} ended without a joint statement"],
        roles: &["President", "Prime Minister", "Foreign Minister", "Ambassador"],
        orgs: &["Ministry of Foreign Affairs", "{Place} Trade Council", "United Nations"],
        units: &["agreements were signed", "delegates attended", "countries took part",
            "projects were approved"],
        purposes: &["joint projects", "energy cooperation", "trade credits"],
        headlines: &["Leaders meet in {place} as ties deepen",
            "Summit in {place} ends with trade pledges",
            "Talks in {place} fail to bridge differences"],
    },
    Kind {
        nouns: &["outbreak", "virus", "vaccination campaign", "epidemic", "infection"],
        acts: &["health officials confirmed an outbreak in {place}",
            "hospitals in {place} reported a rise in cases",
            "the authorities began vaccinating residents of {place}"],
        roles: &["Health Minister", "Chief Medical Officer", "Hospital Director", "Mayor"],
        orgs: &["{Place} Health Authority", "World Health Organization",
            "Centre for Disease Control"],
        units: &["cases were confirmed", "patients were admitted to hospital", "people died",
            "doses were delivered"],
        purposes: &["vaccines", "hospital beds", "testing"],
        headlines: &["Outbreak in {place} prompts emergency measures",
            "Cases rise in {place} as hospitals fill",
            "{place} begins vaccination drive after outbreak"],
    },
    Kind {
        nouns: &["budget", "tax plan", "spending review", "deficit", "reform"],
        acts: &["the government of {place} presented its budget",
            "parliament in {place} passed the spending plan",
            "ministers in {place} announced tax rises"],
        roles: &["Finance Minister", "Prime Minister", "Central Bank Governor", "Opposition Leader"],
        orgs: &["{Place} Ministry of Finance", "Central Bank", "Budget Office"],
        units: &["jobs will be created", "public sector posts will go",
            "families will pay more tax", "schools will be built"],
        purposes: &["public services", "defence", "debt repayment"],
        headlines: &["{place} unveils budget with tax rises",
            "Spending cuts dominate {place} budget",
            "Parliament in {place} approves contested budget"],
    },
    Kind {
        nouns: &["protest", "rally", "demonstration", "march", "crackdown"],
        acts: &["thousands marched through the centre of {place}",
            "police in {place} dispersed a rally with tear gas",
            "protesters gathered outside parliament in {place}"],
        roles: &["Police Chief", "Interior Minister", "Protest Organiser", "Mayor"],
        orgs: &["{Place} Police", "Human Rights Commission", "Interior Ministry"],
        units: &["people were arrested", "protesters took part", "officers were injured",
            "people were detained"],
        purposes: &["riot police", "compensation", "an independent inquiry"],
        headlines: &["Thousands protest in {place} against new law",
            "Police clash with protesters in {place}", "Rally in {place} draws record crowd"],
    },
    Kind {
        nouns: &["rate decision", "inflation", "rate rise", "currency", "recession"],
        acts: &["the central bank of {place} raised interest rates",
            "inflation in {place} hit its highest level in years",
            "the currency of {place} fell sharply"],
        roles: &["Central Bank Governor", "Finance Minister", "Chief Economist", "Prime Minister"],
        orgs: &["{Place} Central Bank", "Statistics Office", "International Monetary Fund"],
        units: &["jobs were lost", "businesses closed", "households fell behind on payments",
            "loans were restructured"],
        purposes: &["emergency lending", "support for households", "currency reserves"],
        headlines: &["{place} central bank raises rates to fight inflation",
            "Inflation in {place} climbs to multi-year high",
            "Currency slides as {place} faces recession fears"],
    },
];

const FIRST_NAMES: &[&str] = &[
    "Anna", "Tomas", "Maria", "Jonas", "Elena", "Pavel", "Sofia", "David", "Laila", "Omar", "Ines",
    "Marek", "Nadia", "Karim", "Lucia", "Viktor", "Hana", "Felix", "Amira", "Jorge", "Mei",
    "Kenji", "Olga", "Samuel", "Teresa", "Ruben", "Yara", "Nikolai", "Grace", "Ahmed", "Clara",
    "Emil", "Rosa", "Tariq", "Ingrid", "Luca", "Zeynep", "Pedro", "Irina", "Kofi",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mar", "ten", "vi", "sor", "den", "ra", "mi", "tal", "ber", "gon", "el", "an",
    "stro", "pel", "dri", "qua", "zen", "hol", "fer", "nik", "las", "tor", "ven", "bri", "sa",
    "mun", "ko", "ril", "dan", "var", "lin", "ost", "bel", "kir", "mo", "tes", "hal", "ru",
];

const PLACE_FORMS: &[&str] = &[
    "{}", "{}", "{}", "Port {}", "{} City", "San {}", "New {}", "{}burg",
];

pub const OUTLETS: &[&str] = &[
    "AP",
    "Reuters",
    "AFP",
    "BBC",
    "CNN",
    "Al Jazeera",
    "The Guardian",
    "Deutsche Welle",
    "France 24",
    "NHK World",
    "Xinhua",
    "Fox News",
    "The New York Times",
    "HuffPost",
    "Euronews",
];

/// Outlets that open with a "CITY (AGENCY) — " dateline.
const AGENCIES: &[&str] = &["AP", "Reuters", "AFP", "CNN", "Xinhua"];

/// First-person clauses that quotes are made of.
const QUOTE_CLAUSES: &[&str] = &[
    "we are doing everything we can to help the people of {place}",
    "this is the worst {noun} we have seen in {num} years",
    "nobody should have to go through what these families have been through",
    "our teams have been working around the clock since {weekday}",
    "we will need at least {money} to rebuild what was lost",
    "I want to thank every volunteer who came to help",
    "there is no evidence that anyone acted in bad faith",
    "it is far too early to say what caused the {noun}",
    "the government has let the people of {place} down",
    "we will hold those responsible to account",
    "this {noun} is a turning point for {place}",
    "the numbers are still rising and we are very worried",
    "we have asked the {org} for more support",
    "I am confident that we will get through this together",
    "our priority now is the safety of every resident",
    "we knew this could happen and we did not act quickly enough",
    "the situation remains very difficult in the north of {place}",
    "the people of {district} have been waiting for help since {weekday}",
    "nobody expected this to happen at the {landmark}",
    "we expect more information in the coming days",
    "we have never faced anything like this before",
    "the decision was not taken lightly",
    "every family that lost a home will receive support",
    "we cannot allow this to happen again",
    "this is a dark day for {place} and for the whole country",
    "I have spoken to the families and they deserve answers",
    "the people of {place} have shown remarkable courage",
    "we are not going to give up",
    "the plan is simple and it will work",
    "there will be a full and independent inquiry",
    "these are difficult times for everyone in {place}",
    "our message to the {org} is clear",
    "we made a promise and we intend to keep it",
    "the talks were open and very useful",
    "prices have risen by {pct} and families are struggling",
    "the {noun} showed how fragile our system really is",
    "I will not resign because the work is not finished",
    "we need a long-term solution and not another quick fix",
];

/// Parts of composed remarks: subject, modal verb phrase, object, ending.
const QUOTE_SUBJECTS: &[&str] = &[
    "we",
    "I",
    "the government",
    "our teams",
    "the people of {place}",
    "nobody",
    "the {org}",
    "this country",
    "my office",
    "the families in {district}",
    "our partners",
    "everyone here",
];

const QUOTE_VERBS: &[&str] = &[
    "will not stop",
    "cannot accept",
    "must ensure",
    "should have seen",
    "will never forget",
    "must rebuild",
    "will support",
    "cannot ignore",
    "would welcome",
    "will investigate",
    "must explain",
    "will not tolerate",
    "could have prevented",
    "will pay for",
    "need to understand",
    "are ready to discuss",
    "have to face",
    "will remember",
    "did not expect",
    "want to see",
];

const QUOTE_OBJECTS: &[&str] = &[
    "what happened in {district}",
    "the damage to the {landmark}",
    "the cost of this {noun}",
    "every family that lost a home",
    "those who are responsible",
    "a long-term solution",
    "the warnings we received",
    "the decision taken on {weekday}",
    "the help that was promised",
    "the numbers we are seeing",
    "the anger in {place}",
    "a plan that works for everyone",
    "the mistakes of the past",
    "the report from the {org}",
    "the {noun} in {place}",
    "a single extra day of delay",
    "the questions people are asking",
    "our own failures",
    "the courage of the rescue teams",
    "the true scale of the {noun}",
];

const QUOTE_ENDINGS: &[&str] = &[
    "",
    "",
    "",
    " as soon as possible",
    " before the winter",
    " in the coming days",
    " whatever it takes",
    " this time",
    " for a long time",
    " on behalf of {place}",
];

/// Word swaps a translation or a second interpreter might make.
pub const SYNONYMS: &[(&str, &[&str])] = &[
    ("accept", &["tolerate", "take"]),
    ("anger", &["fury", "outrage"]),
    ("answers", &["explanations"]),
    ("asked", &["requested", "urged"]),
    ("caused", &["triggered"]),
    ("clear", &["plain", "simple"]),
    ("confident", &["sure", "certain"]),
    ("cost", &["price"]),
    ("courage", &["bravery", "strength"]),
    ("damage", &["destruction", "harm"]),
    ("dark", &["sad", "terrible"]),
    ("decision", &["choice"]),
    ("deserve", &["merit"]),
    ("difficult", &["hard", "complicated"]),
    ("ensure", &["guarantee", "make sure of"]),
    ("everyone", &["everybody", "all"]),
    ("evidence", &["proof", "sign"]),
    ("expect", &["anticipate"]),
    ("explain", &["justify", "account for"]),
    ("faced", &["experienced", "seen"]),
    ("families", &["households"]),
    ("fragile", &["vulnerable", "weak"]),
    ("full", &["complete", "thorough"]),
    ("help", &["aid", "support"]),
    ("home", &["house"]),
    ("ignore", &["overlook", "disregard"]),
    ("independent", &["impartial"]),
    ("information", &["details", "news"]),
    ("intend", &["plan", "mean"]),
    ("investigate", &["examine", "look into"]),
    ("mistakes", &["errors", "failures"]),
    ("need", &["require"]),
    ("open", &["frank", "candid"]),
    ("people", &["residents", "citizens", "population"]),
    ("prevented", &["avoided", "stopped"]),
    ("priority", &["concern"]),
    ("promise", &["pledge", "commitment"]),
    ("quickly", &["fast", "rapidly"]),
    ("rebuild", &["reconstruct", "restore"]),
    ("remarkable", &["extraordinary", "great"]),
    ("risen", &["increased", "climbed"]),
    ("rising", &["growing", "increasing"]),
    ("safety", &["security"]),
    ("simple", &["straightforward"]),
    ("situation", &["state of affairs"]),
    ("solution", &["answer", "fix"]),
    ("stop", &["halt", "give up"]),
    ("struggling", &["suffering"]),
    ("support", &["assistance", "help"]),
    ("times", &["days"]),
    ("understand", &["grasp", "know"]),
    ("useful", &["productive", "constructive"]),
    ("very", &["extremely", "really"]),
    ("warnings", &["alerts", "signals"]),
    ("welcome", &["appreciate", "embrace"]),
    ("whole", &["entire"]),
    ("will", &["shall", "are going to"]),
    ("worried", &["concerned", "anxious"]),
    ("worst", &["most serious", "gravest"]),
];

/// Words a quoted fragment does not end on.
const FRAGMENT_ENDS: &[&str] = &[
    "a", "and", "are", "be", "but", "every", "for", "has", "have", "I", "in", "is", "it", "let",
    "no", "not", "of", "our", "so", "that", "the", "they", "this", "to", "was", "we", "what",
    "will",
];

/// Words a shortened rendering leaves out first.
const DROPPABLE: &[&str] = &[
    "very", "really", "now", "still", "just", "far", "whole", "every", "all", "at", "least",
];

const SUBJECTS: &[&str] = &[
    "Officials in {place}",
    "The {org}",
    "Local residents",
    "Aid workers",
    "Police",
    "Analysts",
    "Opposition lawmakers",
    "Community leaders",
    "{person}",
    "Several witnesses",
    "Business owners",
    "Doctors at the main hospital",
    "Government sources",
    "Diplomats",
];

const PREDICATES: &[&str] = &[
    "said the {noun} had caught many by surprise",
    "warned that the {noun} could get worse",
    "called for a review of how the {noun} was handled",
    "prepared for another difficult night",
    "described the {noun} as unprecedented",
    "urged people to stay calm and follow instructions",
    "expected the costs to reach {money}",
    "criticised the pace of the response",
    "met on {weekday} to discuss the {noun}",
    "estimated that {count}",
    "pointed to years of underinvestment in {place}",
    "asked for patience while the facts were established",
    "spent the day assessing the damage",
    "said {pct} of those affected had received help",
    "said residents had received no warning before the {noun}",
    "said the {org} would publish a report within {num} weeks",
    "promised {money} for {purpose}",
    "questioned whether the {org} had been properly prepared",
    "said the next few days would be decisive",
    "set up a command post near the {landmark}",
    "said the {district} and {district} districts needed the most help",
    "reported that {count} since {weekday}",
];

const TAILS: &[&str] = &[
    "",
    "",
    " on {weekday}",
    " in a statement",
    " late on {weekday}",
    ", according to local media",
    " as the {noun} continued",
    " on {date}",
    " in the {district} district",
    " near the {landmark}",
    " in {district}",
];

/// Landmarks an event's reports keep naming ("the Sorden Bridge").
const LANDMARKS: &[&str] = &[
    "{} Bridge",
    "{} Stadium",
    "{} General Hospital",
    "{} Square",
    "{} Dam",
    "{} Road",
    "{} Station",
    "{} Market",
    "{} Barracks",
    "{} Airport",
    "{} Port",
    "{} Tower",
];

/// Background sentences that differ from report to report.
const BACKGROUND: &[&str] = &[
    "{Place} has a population of about {big}.",
    "The {district} district, home to the {landmark}, was among the worst affected.",
    "Traffic around the {landmark} was diverted for most of {weekday}.",
    "Residents of {district} gathered near the {landmark} on {weekday} evening.",
    "The region has seen several similar events in recent years.",
    "Critics say the {org} was slow to respond.",
    "Officials did not respond to requests for comment.",
    "The last comparable {noun} in {country} was in {year}.",
    "Residents interviewed by {outlet} described scenes of confusion.",
    "Opposition politicians called for a review of the response.",
    "Schools and offices in parts of {place} remained closed on {weekday}.",
    "Several roads leading into {place} were closed to traffic.",
    "Markets in {country} reacted calmly to the news.",
    "{person} is expected to visit {place} later this week.",
    "The government is under pressure to explain its handling of the {noun}.",
    "Earlier, {person} had met with community leaders in {place}.",
    "It was not immediately clear how long the {noun} would last.",
    "The {org} said it had set up a hotline for relatives.",
    "A spokesperson for the {org} said more details would follow.",
];

const MONTHS: &[&str] = &[
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

const REPORTERS_FIRST: &[&str] = &[
    "Jane", "Mark", "Priya", "Lena", "Hugo", "Sara", "Ben", "Noor",
];

// ---- the plan of an event

struct Person {
    first: &'static str,
    last: String,
    role: &'static str,
}

/// A quote as said, before any outlet edits it.
struct PoolQuote {
    words: Vec<String>,
    /// Closing punctuation of the whole quote: '.' or '!'.
    end: char,
    speaker: usize,
}

struct Plan {
    kind: &'static Kind,
    place: String,
    country: String,
    /// Parts of the place and landmarks in it: the details that tell two
    /// events of one kind apart.
    districts: Vec<String>,
    landmarks: Vec<String>,
    /// The kind's words this event is described with.
    nouns: Vec<&'static str>,
    people: Vec<Person>,
    orgs: Vec<String>,
    count: u32,
    unit: &'static str,
    money: String,
    pct: u32,
    day: Date,
    /// Lead sentences the outlets share (each edits its copy).
    leads: Vec<String>,
    quotes: Vec<PoolQuote>,
    /// For each member: the pool quotes it carries.
    carried: Vec<Vec<usize>>,
    outlets: Vec<&'static str>,
    headline: &'static str,
}

fn made_up_word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(rng.pick(SYLLABLES));
    }
    capitalised(&w)
}

fn capitalised(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn money(rng: &mut Rng) -> String {
    let currency = rng.pick(&["$", "$", "€", "£"]);
    let scale = rng.pick(&["million", "million", "billion"]);
    if rng.chance(0.5) {
        format!(
            "{currency}{}.{} {scale}",
            rng.between(1, 99),
            rng.between(1, 9)
        )
    } else {
        format!("{currency}{} {scale}", rng.between(2, 900))
    }
}

fn plan(seed: u64, id: usize, size: usize, day: Date, distinct_outlets: bool) -> Plan {
    // Streams: 0 the layout, 1<<40 + e event plans, i report i.
    let mut rng = Rng::new(seed, (1 << 40) + id as u64);
    let kind = &KINDS[rng.below(KINDS.len())];
    let form = rng.pick(PLACE_FORMS);
    let syllables = 2 + rng.below(2);
    let place = form.replace("{}", &made_up_word(&mut rng, syllables));
    let country = made_up_word(&mut rng, 3);
    let mut nouns = kind.nouns.to_vec();
    rng.shuffle(&mut nouns);
    nouns.truncate(3);
    let districts = (0..3).map(|_| made_up_word(&mut rng, 3)).collect();
    let landmarks = (0..3)
        .map(|_| {
            let form = rng.pick(LANDMARKS);
            form.replace("{}", &made_up_word(&mut rng, 2))
        })
        .collect();
    let mut roles: Vec<&'static str> = kind.roles.to_vec();
    rng.shuffle(&mut roles);
    let people = roles
        .iter()
        .take(rng.between(3, 4))
        .map(|&role| {
            let first = rng.pick(FIRST_NAMES);
            let syllables = 2 + rng.below(2);
            Person {
                first,
                last: made_up_word(&mut rng, syllables),
                role,
            }
        })
        .collect();
    let orgs = kind
        .orgs
        .iter()
        .map(|o| o.replace("{Place}", &place))
        .collect();
    let mut plan = Plan {
        kind,
        place,
        country,
        districts,
        landmarks,
        nouns,
        people,
        orgs,
        count: [
            rng.between(2, 60),
            rng.between(60, 900),
            rng.between(900, 40_000),
        ][rng.below(3)] as u32,
        unit: rng.pick(kind.units),
        money: money(&mut rng),
        pct: rng.between(2, 60) as u32,
        day,
        leads: Vec::new(),
        quotes: Vec::new(),
        carried: vec![Vec::new(); size],
        outlets: Vec::new(),
        headline: rng.pick(kind.headlines),
    };
    let mut outlets = OUTLETS.to_vec();
    rng.shuffle(&mut outlets);
    plan.outlets = (0..size)
        .map(|m| {
            if distinct_outlets || m < outlets.len() {
                outlets[m % outlets.len()]
            } else {
                rng.pick(OUTLETS)
            }
        })
        .collect();
    // Lead sentences, filled once: every outlet starts from the same facts
    // (the count left as a marker, as outlets may differ on it).
    let (leads, quotes) = {
        let mut ctx = Fill::new(&plan, None);
        ctx.count_marker = true;
        let leads: Vec<String> = (0..rng.between(3, 5))
            .map(|_| {
                let template = if rng.chance(0.4) {
                    format!("{}{}.", rng.pick(kind.acts), rng.pick(TAILS))
                } else {
                    reporter_template(&mut rng)
                };
                let mut s = String::new();
                ctx.fill(&mut rng, &template, &mut s);
                sentence_case(&s)
            })
            .collect();
        // A report alone has nobody to share with.
        let pool = if size > 1 { rng.between(8, 14) } else { 0 };
        let quotes: Vec<PoolQuote> = (0..pool).map(|_| new_quote(&mut rng, &mut ctx)).collect();
        (leads, quotes)
    };
    plan.leads = leads;
    // The quote pool; each quote carried by 2–4 members (the first, the
    // remark everyone reports, by up to half of a big event): about two
    // thirds of a report's quotes are shared (gen.py: 70%).
    for q in 0..quotes.len() {
        let most = if q == 0 { (size / 2).max(4) } else { 4 };
        let carriers = rng.between(2, most).min(size);
        let mut members: Vec<usize> = (0..size).collect();
        rng.shuffle(&mut members);
        for &m in &members[..carriers] {
            if plan.carried[m].len() < 7 {
                plan.carried[m].push(q);
            }
        }
    }
    plan.quotes = quotes;
    plan
}

fn reporter_template(rng: &mut Rng) -> String {
    format!(
        "{} {}{}.",
        rng.pick(SUBJECTS),
        rng.pick(PREDICATES),
        rng.pick(TAILS)
    )
}

fn new_quote(rng: &mut Rng, ctx: &mut Fill<'_>) -> PoolQuote {
    let people = ctx.plan.people.len();
    let mut text = String::new();
    let clauses = [1, 1, 2, 2, 2, 3][rng.below(6)];
    for c in 0..clauses {
        // Half set phrases, half composed: thousands of different
        // remarks, so two speakers rarely say the same words by chance.
        let template = if rng.chance(0.5) {
            rng.pick(QUOTE_CLAUSES).to_string()
        } else {
            format!(
                "{} {} {}{}",
                rng.pick(QUOTE_SUBJECTS),
                rng.pick(QUOTE_VERBS),
                rng.pick(QUOTE_OBJECTS),
                rng.pick(QUOTE_ENDINGS)
            )
        };
        let mut clause = String::new();
        ctx.fill(rng, &template, &mut clause);
        if c == 0 {
            text.push_str(&sentence_case(&clause));
        } else if rng.chance(0.5) {
            text.push_str(". ");
            text.push_str(&sentence_case(&clause));
        } else {
            text.push_str(rng.pick(&[", and ", " but ", ", so "]));
            text.push_str(&clause);
        }
    }
    PoolQuote {
        words: text.split(' ').map(str::to_string).collect(),
        end: if rng.chance(0.9) { '.' } else { '!' },
        speaker: rng.below(people),
    }
}

fn sentence_case(s: &str) -> String {
    capitalised(s)
}

// ---- filling templates

/// What `{…}` placeholders are filled from: the event, and for a report
/// its own numbers and which people it has introduced.
struct Fill<'a> {
    plan: &'a Plan,
    outlet: Option<&'a str>,
    count: u32,
    /// Write `\u{1}` for the count's number (a plan's shared sentences).
    count_marker: bool,
    introduced: Vec<bool>,
}

impl<'a> Fill<'a> {
    fn new(plan: &'a Plan, outlet: Option<&'a str>) -> Fill<'a> {
        Fill {
            plan,
            outlet,
            count: plan.count,
            count_marker: false,
            introduced: vec![false; plan.people.len()],
        }
    }

    /// A person: role and full name the first time, surname after.
    fn person(&mut self, p: usize, out: &mut String) {
        let person = &self.plan.people[p];
        if self.introduced[p] {
            out.push_str(&person.last);
        } else {
            self.introduced[p] = true;
            let _ = write!(out, "{} {} {}", person.role, person.first, person.last);
        }
    }

    fn fill(&mut self, rng: &mut Rng, template: &str, out: &mut String) {
        let plan = self.plan;
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed placeholder");
            match &rest[open + 1..close] {
                "place" | "Place" => out.push_str(&plan.place),
                "country" => out.push_str(&plan.country),
                "district" => out.push_str(&plan.districts[rng.below(3)]),
                "landmark" => out.push_str(&plan.landmarks[rng.below(3)]),
                "noun" => out.push_str(rng.pick(&plan.nouns)),
                "org" => out.push_str(&plan.orgs[rng.below(plan.orgs.len())]),
                "purpose" => out.push_str(rng.pick(plan.kind.purposes)),
                "person" => {
                    let p = rng.below(plan.people.len());
                    self.person(p, out);
                }
                "count" if self.count_marker => {
                    let _ = write!(out, "\u{1} {}", plan.unit);
                }
                "count" => {
                    let _ = write!(out, "{} {}", thousands(self.count), plan.unit);
                }
                "money" => out.push_str(&plan.money),
                "pct" => {
                    let _ = if rng.chance(0.5) {
                        write!(out, "{} percent", plan.pct)
                    } else {
                        write!(out, "{}%", plan.pct)
                    };
                }
                "num" => {
                    let _ = write!(out, "{}", rng.between(2, 30));
                }
                "big" => out.push_str(&thousands(rng.between(20, 3_000) as u32 * 1_000)),
                "year" => {
                    let _ = write!(out, "{}", rng.between(1950, 2019));
                }
                "weekday" => out.push_str(weekday(plan.day.weekday())),
                "date" => {
                    let _ = write!(
                        out,
                        "{} {}",
                        MONTHS[plan.day.month() as usize - 1],
                        plan.day.day()
                    );
                }
                "outlet" => out.push_str(self.outlet.unwrap_or("reporters")),
                other => panic!("unknown placeholder {other}"),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }
}

fn thousands(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn weekday(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

// ---- edits across outlets

/// How a report's copy of a quote differs from what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Exact,
    /// One to three words swapped for synonyms.
    Synonyms,
    /// A word or two left out.
    Dropped,
    /// Synonyms and a dropped word: a translation read back.
    Translated,
    /// Cut to a few words inside the reporter's sentence.
    Fragment,
    /// Other closing punctuation.
    Punctuation,
    /// Only this report has the quote.
    Unique,
}

impl Edit {
    pub fn name(self) -> &'static str {
        match self {
            Edit::Exact => "exact",
            Edit::Synonyms => "synonyms",
            Edit::Dropped => "dropped",
            Edit::Translated => "translated",
            Edit::Fragment => "fragment",
            Edit::Punctuation => "punctuation",
            Edit::Unique => "unique",
        }
    }
}

fn swap_synonyms(rng: &mut Rng, words: &mut [String], times: usize) {
    for _ in 0..times {
        let candidates: Vec<usize> = (0..words.len())
            .filter(|&i| {
                SYNONYMS
                    .binary_search_by(|(w, _)| w.cmp(&words[i].as_str()))
                    .is_ok()
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        let i = rng.pick(&candidates);
        let at = SYNONYMS
            .binary_search_by(|(w, _)| w.cmp(&words[i].as_str()))
            .expect("candidate");
        words[i] = rng.pick(SYNONYMS[at].1).to_string();
    }
}

/// Drops droppable words, or (when `any`) other words if there are none.
fn drop_words(rng: &mut Rng, words: &mut Vec<String>, times: usize, any: bool) {
    for _ in 0..times {
        if words.len() <= 4 {
            return;
        }
        let candidates: Vec<usize> = (1..words.len())
            .filter(|&i| DROPPABLE.contains(&words[i].as_str()))
            .collect();
        let i = match candidates.is_empty() {
            false => rng.pick(&candidates),
            true if any => 1 + rng.below(words.len() - 1),
            true => return,
        };
        words.remove(i);
    }
}

/// One outlet's copy of a pool quote: its words (no closing punctuation)
/// and how they were edited.
fn edited(rng: &mut Rng, quote: &PoolQuote) -> (Vec<String>, char, Edit) {
    let mut words = quote.words.clone();
    let mut end = quote.end;
    let k = rng.unit();
    let edit = if k < 0.32 {
        Edit::Exact
    } else if k < 0.52 {
        let n = rng.between(1, 3);
        swap_synonyms(rng, &mut words, n);
        Edit::Synonyms
    } else if k < 0.64 {
        let n = rng.between(1, 2);
        drop_words(rng, &mut words, n, true);
        Edit::Dropped
    } else if k < 0.74 {
        let n = rng.between(2, 4);
        swap_synonyms(rng, &mut words, n);
        drop_words(rng, &mut words, 1, true);
        Edit::Translated
    } else if k < 0.92 && words.len() >= 8 {
        let len = rng.between(4, 9.min(words.len() - 2));
        let from = rng.below(words.len() - len + 1);
        words = words[from..from + len].to_vec();
        // A fragment from mid-sentence keeps no sentence punctuation.
        for w in &mut words {
            if w.ends_with(['.', ',']) {
                w.pop();
            }
        }
        // Quoted fragments end on a word that carries meaning.
        while words.len() > 3 && FRAGMENT_ENDS.contains(&words[words.len() - 1].as_str()) {
            words.pop();
        }
        if let Some(first) = words.first_mut() {
            if first != "I" {
                *first = first.to_lowercase();
            }
        }
        Edit::Fragment
    } else {
        end = if end == '.' { '!' } else { '.' };
        Edit::Punctuation
    };
    (words, end, edit)
}

// ---- one report

/// Quote marks of one outlet's house style (or its translator's).
fn marks(rng: &mut Rng) -> (&'static str, &'static str) {
    let k = rng.unit();
    if k < 0.55 {
        ("“", "”")
    } else if k < 0.9 {
        ("\"", "\"")
    } else if k < 0.95 {
        ("«", "»")
    } else {
        ("„", "“")
    }
}

/// One report's copy of a quote.
struct QuoteCopy {
    id: String,
    speaker: usize,
    words: Vec<String>,
    end: char,
    edit: Edit,
}

/// A quote with its attribution: one sentence.
fn attributed(
    rng: &mut Rng,
    ctx: &mut Fill<'_>,
    quote: &QuoteCopy,
    (open, close): (&str, &str),
    out: &mut String,
) {
    let body = quote.words.join(" ");
    let speaker = quote.speaker;
    if quote.edit == Edit::Fragment {
        let lead = rng.pick(&[
            "{S} described the situation as ",
            "{S} promised to keep ",
            "{S} spoke of ",
            "{S} said the authorities were ",
        ]);
        let (before, after) = lead.split_once("{S}").expect("speaker slot");
        out.push_str(before);
        ctx.person(speaker, out);
        let _ = write!(out, "{after}{open}{body}{close}.");
        return;
    }
    let end = quote.end;
    // News style: “… ,” X said — a full stop inside becomes a comma.
    let inner = if end == '.' { ',' } else { end };
    match rng.below(6) {
        0 | 1 => {
            let _ = write!(out, "{open}{body}{inner}{close} ");
            ctx.person(speaker, out);
            out.push_str(" said.");
        }
        2 => {
            let _ = write!(out, "{open}{body}{inner}{close} said ");
            ctx.person(speaker, out);
            out.push('.');
        }
        3 => {
            ctx.person(speaker, out);
            let _ = write!(out, " said: {open}{body}{end}{close}");
        }
        4 => {
            let _ = write!(out, "{open}{body}{inner}{close} ");
            ctx.person(speaker, out);
            let day = weekday(ctx.plan.day.weekday());
            let _ = write!(out, " told {} on {day}.", ctx.outlet.unwrap_or("reporters"));
        }
        _ => {
            ctx.person(speaker, out);
            let verb = rng.pick(&["added", "warned", "insisted", "told reporters"]);
            let _ = write!(out, " {verb}: {open}{body}{end}{close}");
        }
    }
}

/// Truth for one report: its event, outlet and quotes (pool ids such as
/// `e12q3`, or `u…` for its own) with their edits.
#[derive(Debug, Clone)]
pub struct Truth {
    pub event: usize,
    pub outlet: &'static str,
    pub quotes: Vec<(String, Edit)>,
}

fn report(seed: u64, index: usize, event: usize, member: usize, plan: &Plan) -> (Report, Truth) {
    let mut rng = Rng::new(seed, index as u64);
    let outlet = plan.outlets[member];
    let mut ctx = Fill::new(plan, Some(outlet));
    if rng.chance(0.1) {
        // This outlet has another figure: a discrepancy to find.
        let delta = (plan.count / 10).max(1) * rng.between(1, 3) as u32;
        ctx.count = if rng.chance(0.5) {
            plan.count + delta
        } else {
            plan.count.saturating_sub(delta).max(1)
        };
    }
    let quote_marks = marks(&mut rng);

    // Which quotes, and in what form.
    let mut quotes: Vec<QuoteCopy> = Vec::new();
    for &q in &plan.carried[member] {
        let (words, end, edit) = edited(&mut rng, &plan.quotes[q]);
        quotes.push(QuoteCopy {
            id: format!("e{event}q{q}"),
            speaker: plan.quotes[q].speaker,
            words,
            end,
            edit,
        });
    }
    // Three to eight quotes, a couple of them its own.
    let wanted = (quotes.len() + rng.below(4)).clamp(3, 8);
    while quotes.len() < wanted {
        let own = new_quote(&mut rng, &mut ctx);
        quotes.push(QuoteCopy {
            id: format!("u{index}_{}", quotes.len()),
            speaker: own.speaker,
            words: own.words,
            end: own.end,
            edit: Edit::Unique,
        });
    }
    rng.shuffle(&mut quotes);

    let mut text = String::with_capacity(4_500);
    let dated = !rng.chance(0.06);
    let published = plan.day + jiff::Span::new().days(rng.below(3) as i64);
    if dated {
        let _ = write!(text, " date {published} ");
    }
    let mut headline = String::new();
    ctx.fill(&mut rng, plan.headline, &mut headline);
    text.push_str(&headline);
    text.push_str("\n\n");
    if outlet == "AP" {
        text.push_str("By The Associated Press\n\n");
    } else {
        let first = rng.pick(REPORTERS_FIRST);
        let _ = write!(
            text,
            "By {first} {}, {outlet}\n\n",
            made_up_word(&mut rng, 2)
        );
    }
    if rng.chance(0.3) {
        let _ = write!(
            text,
            "Updated {} {}, {} {}:{:02} {}.\n\n",
            MONTHS[published.month() as usize - 1],
            published.day(),
            published.year(),
            rng.between(1, 12),
            rng.between(0, 59),
            rng.pick(&["am", "pm"])
        );
    }
    if rng.chance(0.25) {
        let mut caption = String::new();
        ctx.fill(
            &mut rng,
            "Residents of {place} look on as the {noun} continues on {weekday}.",
            &mut caption,
        );
        let credit = if outlet == "AP" {
            "AP Photo"
        } else {
            "Photo by"
        };
        let first = rng.pick(FIRST_NAMES);
        let _ = write!(
            text,
            "{caption} ({credit} {first} {})\n\n",
            made_up_word(&mut rng, 2)
        );
    }

    // The body: paragraphs of two to four sentences, shared leads opening
    // the first ones, quotes spread through, until the target length.
    let target_words = rng.between(470, 620);
    let mut words = 0;
    let mut leads: Vec<&String> = plan.leads.iter().collect();
    rng.shuffle(&mut leads[1..]);
    leads.truncate(rng.between(2, plan.leads.len()));
    let (mut next_lead, mut next_quote) = (0, 0);
    let mut paragraph = 0;
    let mut used_background = 0u32;
    while words < target_words || next_quote < quotes.len() {
        let start = text.len();
        if paragraph == 0 && AGENCIES.contains(&outlet) {
            let _ = write!(text, "{} ({outlet}) — ", plan.place.to_uppercase());
        }
        let sentences = rng.between(2, 4);
        let quote_at = (next_quote < quotes.len()
            && paragraph > 0
            && (words >= target_words || rng.chance(0.6)))
        .then(|| rng.below(sentences));
        for s in 0..sentences {
            if s > 0 {
                text.push(' ');
            }
            if quote_at == Some(s) {
                attributed(
                    &mut rng,
                    &mut ctx,
                    &quotes[next_quote],
                    quote_marks,
                    &mut text,
                );
                next_quote += 1;
            } else if s == 0 && next_lead < leads.len() {
                text.push_str(&lead_copy(&mut rng, leads[next_lead], ctx.count));
                next_lead += 1;
            } else {
                // Background lines are not repeated within a report.
                let b = rng.below(BACKGROUND.len());
                let template = if rng.chance(0.6) || used_background & (1 << b) != 0 {
                    reporter_template(&mut rng)
                } else {
                    used_background |= 1 << b;
                    BACKGROUND[b].to_string()
                };
                let mut s = String::new();
                ctx.fill(&mut rng, &template, &mut s);
                text.push_str(&sentence_case(&s));
            }
        }
        words += text[start..].split_whitespace().count();
        text.push_str("\n\n");
        paragraph += 1;
    }
    if rng.chance(0.2) {
        text.push_str("Read more\n\n");
        for _ in 0..2 {
            let other = KINDS[rng.below(KINDS.len())].headlines;
            let template = rng.pick(other);
            let place = made_up_word(&mut rng, 2);
            text.push_str(
                &template
                    .replace("{place}", &place)
                    .replace("{Place}", &place),
            );
            text.push_str("\n\n");
        }
    }
    let id = format!("r{index:06}");
    let report = Report::from_plain_text(id, text).expect("generated reports are valid");
    let truth = Truth {
        event,
        outlet,
        quotes: quotes.into_iter().map(|q| (q.id, q.edit)).collect(),
    };
    (report, truth)
}

/// An outlet's copy of a shared lead sentence: mostly as the wire sent it,
/// sometimes reworded, with this outlet's count.
fn lead_copy(rng: &mut Rng, lead: &str, count: u32) -> String {
    let mut s = lead.replace('\u{1}', &thousands(count));
    if rng.chance(0.3) {
        let mut words: Vec<String> = s.split(' ').map(str::to_string).collect();
        swap_synonyms(rng, &mut words, 2);
        if rng.chance(0.5) {
            drop_words(rng, &mut words, 1, false);
        }
        s = words.join(" ");
    }
    s
}

// ---- corpora

/// Generated reports with the truth about each (same order).
pub struct Corpus {
    pub reports: Vec<Report>,
    pub truth: Vec<Truth>,
    pub events: usize,
}

impl Corpus {
    /// Bytes of text.
    pub fn bytes(&self) -> usize {
        self.reports.iter().map(|r| r.text.len()).sum()
    }

    pub fn words(&self) -> usize {
        self.reports
            .iter()
            .map(|r| r.text.split_whitespace().count())
            .sum()
    }

    /// `truth.tsv`: report id, event, outlet, and its quotes as
    /// `id:edit` (pool quotes are `e<event>q<n>`, a report's own `u…`).
    pub fn truth_tsv(&self) -> String {
        let mut out = String::from("report\tevent\toutlet\tquotes\n");
        for (r, t) in self.reports.iter().zip(&self.truth) {
            let quotes: Vec<String> = t
                .quotes
                .iter()
                .map(|(id, e)| format!("{id}:{}", e.name()))
                .collect();
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}",
                r.id,
                t.event,
                t.outlet,
                quotes.join(",")
            );
        }
        out
    }

    /// BCubed precision, recall and F1 of a grouping given as lists of
    /// indices into `reports`.
    pub fn bcubed(&self, groups: &[Vec<usize>]) -> (f64, f64, f64) {
        let n = self.reports.len();
        let mut label = vec![usize::MAX; n];
        for (g, members) in groups.iter().enumerate() {
            for &i in members {
                label[i] = g;
            }
        }
        // (found group, true event) of each report.
        let pairs: Vec<(usize, usize)> = label
            .iter()
            .zip(&self.truth)
            .map(|(&g, t)| (g, t.event))
            .collect();
        let mut group_size = std::collections::HashMap::new();
        let mut event_size = std::collections::HashMap::new();
        let mut both = std::collections::HashMap::new();
        for &(g, e) in &pairs {
            *group_size.entry(g).or_insert(0.0) += 1.0;
            *event_size.entry(e).or_insert(0.0) += 1.0;
            *both.entry((g, e)).or_insert(0.0) += 1.0;
        }
        let (mut p, mut r) = (0.0, 0.0);
        for &(g, e) in &pairs {
            let b = both[&(g, e)];
            p += b / group_size[&g];
            r += b / event_size[&e];
        }
        let (p, r) = (p / n as f64, r / n as f64);
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    }

    /// [`Corpus::bcubed`] for groups of report ids.
    pub fn bcubed_ids<S: AsRef<str>>(&self, groups: &[Vec<S>]) -> (f64, f64, f64) {
        let index: std::collections::HashMap<&str, usize> = self
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let groups: Vec<Vec<usize>> = groups
            .iter()
            .map(|g| g.iter().map(|id| index[id.as_ref()]).collect())
            .collect();
        self.bcubed(&groups)
    }
}

/// Events over 2024, their reports written in parallel.
fn build(seed: u64, sizes: &[usize], distinct_outlets: bool) -> Corpus {
    let mut rng = Rng::new(seed, 0);
    let year_start = date(2024, 1, 1);
    let days: Vec<Date> = sizes
        .iter()
        .map(|_| year_start + jiff::Span::new().days(rng.below(362) as i64))
        .collect();
    let plans: Vec<Plan> = (0..sizes.len())
        .into_par_iter()
        .map(|e| plan(seed, e, sizes[e], days[e], distinct_outlets))
        .collect();
    // Reports of an event are scattered through the ids, as in a crawl.
    let mut slots: Vec<(usize, usize)> = sizes
        .iter()
        .enumerate()
        .flat_map(|(e, &size)| (0..size).map(move |m| (e, m)))
        .collect();
    rng.shuffle(&mut slots);
    let (reports, truth) = slots
        .par_iter()
        .enumerate()
        .map(|(i, &(e, m))| report(seed, i, e, m, &plans[e]))
        .unzip();
    Corpus {
        reports,
        truth,
        events: sizes.len(),
    }
}

/// `n` reports in events of about 8 (1 to 40, geometric-like sizes).
pub fn news(n: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed ^ n as u64, u64::MAX);
    let mut sizes = Vec::new();
    let mut total = 0;
    while total < n {
        // Exponential with mean 7, plus one.
        let size = (1 + (-(1.0 - rng.unit()).ln() * 7.0) as usize)
            .min(40)
            .min(n - total);
        sizes.push(size);
        total += size;
    }
    build(seed ^ n as u64, &sizes, false)
}

/// The BASIL shape: 100 events, each reported by 3 different outlets.
pub fn basil(seed: u64) -> Corpus {
    build(seed ^ 0xba51, &[3; 100], true)
}
