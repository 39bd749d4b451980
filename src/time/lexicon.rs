//! The resources of the time tagger, read once from `data/lexicon/time/`.
//!
//! Every list is compiled into the binary and parsed on first use into
//! lookup tables; the recognition rules of `patterns.txt` are expanded with
//! those tables and compiled once.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::{Regex, RegexBuilder};

use crate::lexicon::{entries, pair};

const MONTHS: &str = include_str!("../../data/lexicon/time/months.txt");
const WEEKDAYS: &str = include_str!("../../data/lexicon/time/weekdays.txt");
const NUMBERS: &str = include_str!("../../data/lexicon/time/numbers.txt");
const ORDINALS: &str = include_str!("../../data/lexicon/time/ordinals.txt");
const UNITS: &str = include_str!("../../data/lexicon/time/units.txt");
const SEASONS: &str = include_str!("../../data/lexicon/time/seasons.txt");
const PARTS_OF_DAY: &str = include_str!("../../data/lexicon/time/parts_of_day.txt");
const REFERENCES: &str = include_str!("../../data/lexicon/time/references.txt");
const RELATIVE: &str = include_str!("../../data/lexicon/time/relative.txt");
const MODIFIERS: &str = include_str!("../../data/lexicon/time/modifiers.txt");
const SETS: &str = include_str!("../../data/lexicon/time/sets.txt");
const TENSE: &str = include_str!("../../data/lexicon/time/tense.txt");
const NOT_YEARS: &str = include_str!("../../data/lexicon/time/not_years.txt");
const MAY_THE_NAME: &str = include_str!("../../data/lexicon/time/may_the_name.txt");
const WEEKDAY_NAMES: &str = include_str!("../../data/lexicon/time/weekday_names.txt");
const GAME_PERIODS: &str = include_str!("../../data/lexicon/time/game_periods.txt");
const HOLIDAYS: &str = include_str!("../../data/lexicon/time/holidays.txt");
const PATTERNS: &str = include_str!("../../data/lexicon/time/patterns.txt");
const NEEDLES: &str = include_str!("../../data/lexicon/time/needles.txt");

/// A unit of time as listed in `units.txt`, ordered from the shortest to
/// the longest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Week.
    Week,
    /// Two weeks.
    Fortnight,
    /// Month.
    Month,
    /// Three months.
    Quarter,
    /// Year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl Unit {
    fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "S" => Self::Second,
            "MIN" => Self::Minute,
            "H" => Self::Hour,
            "D" => Self::Day,
            "W" => Self::Week,
            "FN" => Self::Fortnight,
            "M" => Self::Month,
            "Q" => Self::Quarter,
            "Y" => Self::Year,
            "DE" => Self::Decade,
            "CE" => Self::Century,
            _ => return None,
        })
    }
}

/// A modifier word before a time expression ("early", "about").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Modifier {
    /// The TIMEX3 `mod` it gives, empty for none.
    pub value: &'static str,
    /// True when the word belongs inside the expression's span ("early
    /// 2019"); false when it only gives the mod ("about | two weeks").
    pub inside: bool,
}

/// Where a shift ("ago", "later") counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The document creation time.
    Dct,
    /// The time the text is talking about.
    Reference,
}

/// Lower-cases a phrase and folds runs of blanks and hyphens to one space,
/// the form every table is keyed by.
pub fn key(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut blank = false;
    for c in phrase.chars() {
        if c.is_whitespace() || c == '-' || c == '‑' {
            blank = true;
            continue;
        }
        if blank && !out.is_empty() {
            out.push(' ');
        }
        blank = false;
        let c = if c == '’' { '\'' } else { c };
        out.extend(c.to_lowercase());
    }
    out
}

/// Parsed word tables.
pub struct Tables {
    /// Month spellings (lower-case, no full stop) → 1..=12.
    pub months: HashMap<String, u32>,
    /// Weekday names → ISO number.
    pub weekdays: HashMap<String, u32>,
    /// Number words → value (`None` for "several" and the like).
    pub numbers: HashMap<String, Option<u32>>,
    /// Ordinal words → value.
    pub ordinals: HashMap<String, u32>,
    /// Unit spellings → unit.
    pub units: HashMap<String, Unit>,
    /// Season names → TIMEX3 code.
    pub seasons: HashMap<String, &'static str>,
    /// Nouns a season before them names a kind of ("winter wheat").
    pub season_kinds: Vec<String>,
    /// Holiday names → rule (`12-25`, `11-4-4`, `easter-2`).
    pub holidays: HashMap<String, &'static str>,
    /// Parts of day → TIMEX3 code.
    pub parts_of_day: HashMap<String, &'static str>,
    /// Reference words → `PRESENT_REF` etc.
    pub references: HashMap<String, &'static str>,
    /// Day words → offset in days.
    pub days: HashMap<String, i64>,
    /// Direction words → offset.
    pub directions: HashMap<String, i64>,
    /// Nouns after "today's" that make it the present age ("today's youth").
    pub generic_today: Vec<String>,
    /// Nouns of scheduled events ("election"): a month before one looks
    /// ahead without a tense cue.
    pub scheduled_events: Vec<String>,
    /// Nouns of events reported after they occur ("earthquake"): a month
    /// before one is the last such month.
    pub happened_events: Vec<String>,
    /// Nouns of a futures contract's month ("the June contract"): the
    /// month under way or one ahead.
    pub delivery_nouns: Vec<String>,
    /// Words before "for" that make the month after it a delivery month
    /// ("crude futures for May").
    pub delivery_before: Vec<String>,
    /// Nouns of figures reported for a month ("figures for April").
    pub data_nouns: Vec<String>,
    /// Directions that count from the reference time after "the".
    pub anchored: Vec<String>,
    /// Shift words → (sign, anchor).
    pub shifts: HashMap<String, (i64, Anchor)>,
    /// Date modifiers → TIMEX3 mod (empty: widen only).
    pub date_mods: HashMap<String, Modifier>,
    /// Duration modifiers → TIMEX3 mod.
    pub duration_mods: HashMap<String, Modifier>,
    /// Frequency adverbs → SET value.
    pub sets: HashMap<String, &'static str>,
    /// Words that make a clock time or weekday range near them habitual
    /// ("usually", "weekdays").
    pub habitual: Vec<String>,
    /// Words that make a range of clock times near them habitual ("a
    /// curfew from 10 p.m. to 6 a.m."), not a single clock.
    pub habitual_hours: Vec<String>,
    /// Future cues (lower-case phrases, as words).
    pub future: Vec<Vec<String>>,
    /// Past cues (lower-case phrases, as words).
    pub past: Vec<Vec<String>>,
    /// Reporting verbs: past cues only before the expression.
    pub report: Vec<Vec<String>>,
    /// Schedule verbs in the plural present ("leaders meet Monday"):
    /// future cues unless "to" comes right before them (an infinitive).
    pub future_plain: Vec<Vec<String>>,
    /// Schedule verbs in their plain form ("open", "vote"): a plan in the
    /// simple present when the word before agrees as their subject.
    pub present_schedule: HashSet<String>,
    /// Words ending in "-s" that are no plural subject ("always", "its").
    pub not_subject: HashSet<String>,
    /// Words after an article that describe what follows ("new", "first").
    pub adjective: HashSet<String>,
    /// Past verbs that set a deadline ("ordered a report by February 1"):
    /// no state reached by it.
    pub directive: HashSet<String>,
    /// Past verbs of asking ("urged residents to stay indoors on
    /// Saturday"): what they ask for may lie on either side of the DCT.
    pub request: HashSet<String>,
    /// Past verbs that move a plan ("moved up from February"): the time
    /// after their "from" is the first plan.
    pub rescheduled: HashSet<String>,
    /// Deadline words: future cues only right before the expression.
    pub deadline: Vec<Vec<String>>,
    /// Modals of possibility ("may", "could"): future cues when written in
    /// lower case and not followed by a word of `modal_not_future`.
    pub modal: Vec<String>,
    /// Past verbs of a state that lasted ("stayed"): a deadline after them
    /// is over.
    pub durative_past: Vec<String>,
    /// Verbs after which "could" looks forward ("could come in April").
    pub could_future: Vec<String>,
    /// Words after "due to" that make it "because of" ("due to the strike").
    pub not_future_after_due_to: Vec<String>,
    /// Phrases in which a modal looks back ("may have", "could not").
    pub modal_not_future: Vec<Vec<String>>,
    /// Verbs whose past form is also their present ("hit", "put"): past
    /// cues unless a word of `not_past_after` comes right before them.
    pub ambiguous_past: Vec<String>,
    /// Words after which an ambiguous form is a present or an infinitive
    /// ("will hit", "to quit", "a hit").
    pub not_past_after: Vec<String>,
    /// Count nouns that show a number is not a year.
    pub blocked_after_year: Vec<String>,
    /// Words before a bare number that show it is not a year.
    pub blocked_before_year: Vec<String>,
    /// Phrases right after a quarter or half that make it a part of
    /// something else ("of the game", "of the century").
    pub game_period_after: Vec<String>,
    /// What follows a weekday in a name ("the Sunday Times"), as written.
    pub weekday_name_after: Vec<&'static str>,
    /// What comes before a weekday in a name ("the Mail on Sunday").
    pub weekday_name_before: Vec<&'static str>,
    /// Capitalized words before "May" that leave it the month ("In May").
    pub may_not_a_name_before: Vec<String>,
    /// Lower-case words after "May" that leave it the month ("May and June").
    pub may_month_after: Vec<String>,
    /// Verbs of saying that make "May" before them the person.
    pub may_said_after: Vec<String>,
    /// Words before "May" that can open a clause about the person ("Since").
    pub may_person_cue_before: Vec<String>,
    /// Words of sport that make a quarter or half in their sentence a
    /// period of play.
    pub game_words: Vec<Vec<String>>,
    /// Words of results reporting that a bare "the first half" needs near it.
    pub reporting_words: Vec<String>,
}

/// The word tables, parsed on first use.
pub static TABLES: LazyLock<Tables> = LazyLock::new(build_tables);

fn pairs(source: &'static str) -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    entries(source).map(|(section, entry)| match pair(entry) {
        Some((k, v)) => (section, k, v),
        None => (section, entry, ""),
    })
}

/// The entries of one `[section]` of a word list as written (not keyed).
fn as_written(source: &'static str, section: &str) -> Vec<&'static str> {
    pairs(source)
        .filter(|(s, _, _)| *s == section)
        .map(|(_, k, _)| k)
        .collect()
}

/// The keys of one `[section]` of a word list.
fn section_keys(source: &'static str, section: &str) -> Vec<String> {
    pairs(source)
        .filter(|(s, _, _)| *s == section)
        .map(|(_, k, _)| key(k))
        .collect()
}

fn build_tables() -> Tables {
    let map_str = |src: &'static str| -> HashMap<String, &'static str> {
        pairs(src).map(|(_, k, v)| (key(k), v)).collect()
    };
    let map_num = |src: &'static str| -> HashMap<String, u32> {
        pairs(src)
            .filter_map(|(_, k, v)| Some((key(k), v.parse().ok()?)))
            .collect()
    };
    let mut numbers: HashMap<String, Option<u32>> = HashMap::new();
    let mut units_words = Vec::new();
    let mut tens_words = Vec::new();
    for (section, k, v) in pairs(NUMBERS) {
        numbers.insert(key(k), v.parse().ok());
        match section {
            "units" => units_words.push((k, v.parse::<u32>().unwrap_or(0))),
            "tens" => tens_words.push((k, v.parse::<u32>().unwrap_or(0))),
            _ => {}
        }
    }
    for &(t, tv) in &tens_words {
        for &(u, uv) in &units_words {
            numbers.insert(format!("{t} {u}"), Some(tv + uv));
        }
    }
    let mut days = HashMap::new();
    let mut directions = HashMap::new();
    let mut anchored = Vec::new();
    let mut shifts = HashMap::new();
    for (section, k, v) in pairs(RELATIVE) {
        match section {
            "day" => {
                days.insert(key(k), v.parse().unwrap_or(0));
            }
            "direction" => {
                directions.insert(key(k), v.parse().unwrap_or(0));
            }
            "anchored" => anchored.push(key(k)),
            "shift" => {
                let (sign, anchor) = v.split_once('|').unwrap_or((v, "dct"));
                let anchor = if anchor.trim() == "ref" {
                    Anchor::Reference
                } else {
                    Anchor::Dct
                };
                shifts.insert(key(k), (sign.trim().parse().unwrap_or(-1), anchor));
            }
            _ => {}
        }
    }
    let mut date_mods = HashMap::new();
    let mut duration_mods = HashMap::new();
    for (section, k, v) in pairs(MODIFIERS) {
        let modifier = match v.split_once('|') {
            Some((m, place)) => Modifier {
                value: m.trim(),
                inside: place.trim() != "outside",
            },
            None => Modifier {
                value: v,
                inside: true,
            },
        };
        if section == "date" {
            date_mods.insert(key(k), modifier);
        } else {
            duration_mods.insert(key(k), modifier);
        }
    }
    let mut future = Vec::new();
    let mut past = Vec::new();
    let mut report = Vec::new();
    let mut deadline = Vec::new();
    let mut future_plain = Vec::new();
    let mut present_schedule = HashSet::new();
    let mut not_subject = HashSet::new();
    let mut adjective = HashSet::new();
    let mut directive = HashSet::new();
    let mut request = HashSet::new();
    let mut rescheduled = HashSet::new();
    let mut modal = Vec::new();
    let mut modal_not_future = Vec::new();
    let mut not_future_after_due_to = Vec::new();
    let mut could_future = Vec::new();
    let mut durative_past = Vec::new();
    let mut ambiguous_past = Vec::new();
    let mut not_past_after = Vec::new();
    for (section, k, _) in pairs(TENSE) {
        let words = key(k).split(' ').map(str::to_string).collect();
        match section {
            "future" => future.push(words),
            "report" => report.push(words),
            "deadline" => deadline.push(words),
            "future_plain" => future_plain.push(words),
            "present_schedule" => {
                present_schedule.insert(key(k));
            }
            "not_subject" => {
                not_subject.insert(key(k));
            }
            "adjective" => {
                adjective.insert(key(k));
            }
            "directive" => {
                directive.insert(key(k));
            }
            "request" => {
                request.insert(key(k));
            }
            "rescheduled" => {
                rescheduled.insert(key(k));
            }
            "modal" => modal.push(key(k)),
            "modal_not_future" => modal_not_future.push(words),
            "not_future_after_due_to" => not_future_after_due_to.push(key(k)),
            "could_future" => could_future.push(key(k)),
            "durative_past" => durative_past.push(key(k)),
            "ambiguous_past" => ambiguous_past.push(key(k)),
            "not_past_after" => not_past_after.push(key(k)),
            "past" => past.push(words),
            other => debug_assert!(false, "tense.txt: unknown section [{other}]"),
        }
    }
    Tables {
        months: map_num(MONTHS),
        weekdays: map_num(WEEKDAYS),
        numbers,
        ordinals: map_num(ORDINALS),
        units: pairs(UNITS)
            .filter_map(|(_, k, v)| Some((key(k), Unit::from_code(v)?)))
            .collect(),
        seasons: pairs(SEASONS)
            .filter(|(section, _, _)| section.is_empty())
            .map(|(_, k, v)| (key(k), v))
            .collect(),
        season_kinds: section_keys(SEASONS, "not_before"),
        holidays: map_str(HOLIDAYS),
        parts_of_day: map_str(PARTS_OF_DAY),
        references: map_str(REFERENCES),
        days,
        directions,
        anchored,
        generic_today: section_keys(RELATIVE, "generic"),
        scheduled_events: section_keys(RELATIVE, "scheduled"),
        happened_events: section_keys(RELATIVE, "happened"),
        delivery_nouns: section_keys(RELATIVE, "delivery"),
        delivery_before: section_keys(RELATIVE, "delivery_before"),
        data_nouns: section_keys(RELATIVE, "data"),
        shifts,
        date_mods,
        duration_mods,
        sets: pairs(SETS)
            .filter(|(section, _, _)| section.is_empty())
            .map(|(_, k, v)| (key(k), v))
            .collect(),
        habitual: section_keys(SETS, "habitual"),
        habitual_hours: section_keys(SETS, "habitual_hours"),
        future,
        past,
        report,
        deadline,
        future_plain,
        present_schedule,
        not_subject,
        adjective,
        directive,
        request,
        rescheduled,
        modal,
        modal_not_future,
        not_future_after_due_to,
        could_future,
        durative_past,
        ambiguous_past,
        not_past_after,
        blocked_after_year: section_keys(NOT_YEARS, "after"),
        blocked_before_year: section_keys(NOT_YEARS, "before"),
        game_period_after: section_keys(GAME_PERIODS, "after"),
        weekday_name_after: as_written(WEEKDAY_NAMES, "after"),
        weekday_name_before: as_written(WEEKDAY_NAMES, "before"),
        may_not_a_name_before: section_keys(MAY_THE_NAME, "not_a_name_before"),
        may_month_after: section_keys(MAY_THE_NAME, "month_after"),
        may_said_after: section_keys(MAY_THE_NAME, "said_after"),
        may_person_cue_before: section_keys(MAY_THE_NAME, "person_cue_before"),
        game_words: section_keys(GAME_PERIODS, "sentence")
            .iter()
            .map(|k| k.split(' ').map(str::to_string).collect())
            .collect(),
        reporting_words: section_keys(GAME_PERIODS, "reporting"),
    }
}

/// A recognition rule: its name from `patterns.txt` and its compiled regex.
pub struct Rule {
    /// Rule name, which selects the normalizer.
    pub name: &'static str,
    /// The compiled pattern.
    pub regex: Regex,
    /// Indexes into [`NEEDLES_FINDER`] of the words (`needles.txt`) one of
    /// which a text must hold for the rule to match; empty when the rule
    /// always runs.
    pub needles: Vec<usize>,
}

/// One automaton over every word of `needles.txt` (ASCII case folded) and
/// how many words it holds.
static NEEDLES_FINDER: LazyLock<Option<(AhoCorasick, usize)>> = LazyLock::new(|| {
    let words = needle_words();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&words)
        .ok()
        .map(|ac| (ac, words.len()))
});

/// The distinct words of `needles.txt`, in the order the finder numbers
/// them.
fn needle_words() -> Vec<&'static str> {
    let mut words: Vec<&'static str> = pairs(NEEDLES)
        .flat_map(|(_, _, list)| list.split(',').map(str::trim))
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The needles of rule `name` as indexes into `words` ([`needle_words`]).
fn needles_of(words: &[&str], name: &str) -> Vec<usize> {
    pairs(NEEDLES)
        .filter(|(_, rule, _)| *rule == name)
        .flat_map(|(_, _, list)| list.split(',').map(str::trim))
        .filter_map(|w| words.binary_search(&w).ok())
        .collect()
}

/// Which words of `needles.txt` occur in `text` (in any case), by index:
/// one pass over the text for all rules.
pub fn needles_present(text: &str) -> Vec<bool> {
    let Some((finder, count)) = NEEDLES_FINDER.as_ref() else {
        return Vec::new();
    };
    let mut present = vec![false; *count];
    for m in finder.find_overlapping_iter(text) {
        present[m.pattern().as_usize()] = true;
    }
    present
}

/// The recognition rules in priority order, compiled on first use.
pub static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let words = needle_words();
    pairs(PATTERNS)
        .filter_map(|(_, name, template)| {
            let pattern = expand(template);
            match compile(&pattern) {
                Ok(regex) => Some(Rule {
                    name,
                    regex,
                    needles: needles_of(&words, name),
                }),
                Err(err) => {
                    debug_assert!(false, "bad time pattern {name}: {err}");
                    None
                }
            }
        })
        .collect()
});

/// The date modifiers that may stand just before a date ("early", "the end of").
pub static DATE_MODIFIER: LazyLock<Option<Regex>> =
    LazyLock::new(|| prefix_regex(MODIFIERS, "date"));

/// The duration modifiers that may stand just before a duration ("about").
pub static DURATION_MODIFIER: LazyLock<Option<Regex>> =
    LazyLock::new(|| prefix_regex(MODIFIERS, "duration"));

/// A regex matching, at the end of a haystack, one phrase of `section`
/// followed by blanks or a hyphen.
fn prefix_regex(source: &'static str, section: &str) -> Option<Regex> {
    let phrases: Vec<&str> = pairs(source)
        .filter(|(s, _, _)| *s == section)
        .map(|(_, k, _)| k)
        .collect();
    let alts = alternation(phrases.iter().copied(), false);
    compile(&format!(r"\b(?P<p>(?i:{alts}))[\s-]+$")).ok()
}

fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(1 << 24)
        .build()
}

/// Escapes phrases into a regex alternation, longest first, with blanks
/// matching any run of white space or a hyphen. With `abbreviation_stop`,
/// each phrase may be followed by a full stop.
fn alternation<'a>(phrases: impl Iterator<Item = &'a str>, abbreviation_stop: bool) -> String {
    let mut phrases: Vec<&str> = phrases.collect();
    phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    phrases.dedup();
    let parts: Vec<String> = phrases
        .iter()
        .map(|p| {
            let words: Vec<String> = p
                .split([' ', '-'])
                .filter(|w| !w.is_empty())
                .map(|w| regex::escape(w).replace('\'', "(?:'|’)"))
                .collect();
            let body = words.join(r"[\s-]+");
            if abbreviation_stop {
                format!(r"{body}\b\.?")
            } else {
                body
            }
        })
        .collect();
    parts.join("|")
}

/// Month alternation in Title Case and ALL CAPS.
fn month_alternation(full_only: bool) -> String {
    let mut forms = Vec::new();
    for (section, name, _) in pairs(MONTHS) {
        if full_only && section != "full" {
            continue;
        }
        let stop = if section == "short" { r"\b\.?" } else { r"\b" };
        forms.push(format!("{name}{stop}"));
        forms.push(format!("{}{stop}", name.to_uppercase()));
    }
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    forms.join("|")
}

/// A year in words: "nineteen ninety-six", "nineteen oh five", "two
/// thousand (and) one", as the named group `sy`.
fn spelled_year() -> String {
    let section = |wanted: &str| -> Vec<&'static str> {
        pairs(NUMBERS)
            .filter(|(s, _, _)| *s == wanted)
            .map(|(_, k, _)| k)
            .collect()
    };
    let (units, teens, tens) = (section("units"), section("teens"), section("tens"));
    let units = units.join("|");
    let below_100 = format!(
        r"(?:{})(?:[\s-]+(?:{units}))?|{}|oh[\s-]+(?:{units})",
        tens.join("|"),
        teens.join("|")
    );
    format!(
        r"(?P<sy>(?i:(?:nineteen|eighteen|seventeen|twenty)[\s-]+(?:{below_100}|hundred)|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{below_100}|{units}))?))"
    )
}

/// Expands the `{placeholders}` of a rule template.
fn expand(template: &str) -> String {
    let keys = |src: &'static str| pairs(src).map(|(_, k, _)| k);
    // The entries of one section as written (not keyed), for the patterns.
    let section_words = move |src: &'static str, wanted: &'static str| {
        pairs(src)
            .filter(move |(s, _, _)| *s == wanted)
            .map(|(_, k, _)| k)
    };
    let tens: Vec<&str> = section_words(NUMBERS, "tens").collect();
    let ones: Vec<&str> = section_words(NUMBERS, "units").collect();
    let number_words = format!(
        r"(?:{})(?:[\s-]+(?:{}))?|{}",
        tens.join("|"),
        ones.join("|"),
        alternation(keys(NUMBERS), false)
    );
    let ampm = r"(?i:[ap]\.m\.|[ap]\.?m\b)";
    // "EDT", "GMT", "local time", "Pacific time", "Moscow time", "Eastern
    // Standard Time".
    let zone = r"(?:\s+(?P<tz>(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|HST|AK[SD]T|IST|JST|KST|AE[SD]T|AC[SD]T|AWST|NZ[SD]T|SGT|HKT|MSK|EES?T|WES?T|WIB|PKT|SAST|BRT)\b|(?i:local\s+time)\b|(?:Eastern|Central|Mountain|Pacific|Atlantic|Alaska|Hawaii|Greenwich|British|European|Moscow|London|Paris|Berlin|Beijing|Tokyo|Seoul|Singapore|New\s+York|Hong\s+Kong|Mexico\s+City|Damascus|Baghdad|Kabul|Jerusalem|India|Indian|Israel|Japan|Korea|Gulf|Arabia|Tehran|Cairo|Istanbul|Kyiv|Kiev)(?:\s+(?:Standard|Daylight|Summer|Mean))?\s+[Tt]ime\b))?";
    let clock = format!(
        r"(?:(?P<hour>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?::[0-5]\d)?\b(?:\s*(?P<ampm>{ampm}))?|(?P<hour3>1[0-2]|0?[1-9])\.(?P<min3>[0-5]\d)\s*(?P<ampm3>{ampm})|(?P<hour2>1[0-2]|0?[1-9])\s*(?P<ampm2>{ampm})|(?P<hour4>[01]?\d|2[0-3])\.(?P<min4>[0-5]\d)\s+(?:GMT|BST|UTC|CET|CEST)\b|\b(?P<hour5>[01]\d|2[0-3])(?P<min5>[0-5]\d)\s+(?:GMT|UTC)\b){zone}"
    );
    let replacements: [(&str, String); 16] = [
        (
            "{holiday}",
            format!("(?P<holiday>(?i:{}))", alternation(keys(HOLIDAYS), false)),
        ),
        (
            "{month}",
            format!(r"\b(?P<month>{})", month_alternation(false)),
        ),
        (
            "{month_full}",
            format!(r"\b(?P<month>{})", month_alternation(true)),
        ),
        (
            "{weekday}",
            format!("(?P<weekday>(?i:{}))", alternation(keys(WEEKDAYS), false)),
        ),
        (
            "{num}",
            format!(
                r"(?P<num>\d{{1,3}}(?:,\d{{3}})+\b|\d{{1,9}}(?:\.\d+|\s+1/2)?|(?i:{number_words}))"
            ),
        ),
        (
            "{unit}",
            format!("(?P<unit>(?i:{}))", alternation(keys(UNITS), false)),
        ),
        (
            "{season}",
            format!(
                "(?P<season>(?i:{}))",
                alternation(section_words(SEASONS, ""), false)
            ),
        ),
        (
            "{pod}",
            format!("(?P<pod>(?i:{}))", alternation(keys(PARTS_OF_DAY), false)),
        ),
        (
            "{ordinal}",
            format!("(?P<ordw>(?i:{}))", alternation(keys(ORDINALS), false)),
        ),
        ("{clock}", clock),
        (
            "{refword}",
            format!("(?P<w>(?i:{}))", alternation(keys(REFERENCES), false)),
        ),
        (
            "{setword}",
            format!("(?P<w>(?i:{}))", alternation(keys(SETS), false)),
        ),
        (
            "{dayword}",
            format!(
                "(?P<w>(?i:{}))",
                alternation(section_words(RELATIVE, "day"), false)
            ),
        ),
        (
            "{direction}",
            format!(
                "(?P<dir>(?i:{}))",
                alternation(section_words(RELATIVE, "direction"), false)
            ),
        ),
        (
            "{shift}",
            format!(
                "(?P<shift>(?i:{}))",
                alternation(section_words(RELATIVE, "shift"), false)
            ),
        ),
        ("{spelled_year}", spelled_year()),
    ];
    let mut out = template.to_string();
    for (placeholder, expansion) in &replacements {
        out = out.replace(placeholder, expansion);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_needle_names_a_rule_and_is_found() {
        let names: Vec<&str> = pairs(PATTERNS).map(|(_, name, _)| name).collect();
        for (_, rule, list) in pairs(NEEDLES) {
            assert!(names.contains(&rule), "needles.txt names no rule {rule}");
            assert!(!list.trim().is_empty(), "needles.txt: {rule} has no word");
        }
        assert!(NEEDLES_FINDER.is_some());
        let present = needles_present("On Sept. 5 at NOON");
        let words = needle_words();
        let found: Vec<&str> = words
            .iter()
            .zip(&present)
            .filter(|(_, p)| **p)
            .map(|(w, _)| *w)
            .collect();
        assert_eq!(found, ["noon", "sep"]);
    }

    #[test]
    fn every_pattern_compiles() {
        let count = pairs(PATTERNS).count();
        assert_eq!(RULES.len(), count);
        assert!(DATE_MODIFIER.is_some());
        assert!(DURATION_MODIFIER.is_some());
    }

    #[test]
    fn tables_hold_compound_numbers() {
        assert_eq!(TABLES.numbers.get("twenty four"), Some(&Some(24)));
        assert_eq!(TABLES.numbers.get("several"), Some(&None));
        assert_eq!(TABLES.months.get("sept"), Some(&9));
        assert_eq!(key(" Twenty-Four\thours"), "twenty four hours");
    }
}
