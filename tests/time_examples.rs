//! The example corpus of the time tagger (Duckling-style): every example in
//! `tests/fixtures/time/examples.txt` must yield exactly the listed
//! expressions, and every line of `negative.txt` must yield nothing.

use chrono::NaiveDate;
use chronograph::annotation::Timex;

const EXAMPLES: &str = include_str!("fixtures/time/examples.txt");
const NEGATIVE: &str = include_str!("fixtures/time/negative.txt");

/// One example: its DCT, text and expected `(text, type, value, mod, quant,
/// freq)` rows.
struct Example {
    line: usize,
    dct: Option<NaiveDate>,
    text: String,
    expected: Vec<String>,
}

fn parse_examples(source: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut dct = None;
    for (n, raw) in source.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("dct:") {
            let d = d.trim();
            dct = if d == "none" {
                None
            } else {
                Some(
                    d.parse()
                        .unwrap_or_else(|e| panic!("line {}: bad dct {d}: {e}", n + 1)),
                )
            };
        } else if let Some(t) = line.strip_prefix("text:") {
            out.push(Example {
                line: n + 1,
                dct,
                text: t.trim().to_string(),
                expected: Vec::new(),
            });
        } else if let Some(e) = line.strip_prefix("=>") {
            let example = out.last_mut().expect("=> before any text:");
            let fields: Vec<&str> = e.split('|').map(str::trim).collect();
            example.expected.push(fields.join(" | "));
        } else {
            panic!("line {}: cannot read {line:?}", n + 1);
        }
    }
    out
}

fn render(text: &str, t: &Timex) -> String {
    let mut row = format!(
        "{} | {} | {}",
        &text[t.span.start..t.span.end],
        t.kind.as_str(),
        t.value
    );
    if let Some(m) = &t.modifier {
        row.push_str(" | ");
        row.push_str(m);
    }
    if let Some(q) = &t.quant {
        row.push_str(" | quant=");
        row.push_str(q);
    }
    if let Some(f) = &t.freq {
        row.push_str(" | freq=");
        row.push_str(f);
    }
    row
}

fn run(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let (sentences, _) = chronograph::text::split(text);
    chronograph::time::tag(text, &sentences, dct)
}

#[test]
fn positive_examples() {
    let examples = parse_examples(EXAMPLES);
    assert!(examples.len() >= 60, "only {} examples", examples.len());
    let mut failures = Vec::new();
    for ex in &examples {
        let got: Vec<String> = run(&ex.text, ex.dct)
            .iter()
            .map(|t| render(&ex.text, t))
            .collect();
        if got != ex.expected {
            failures.push(format!(
                "line {}: {}\n  expected: {:?}\n  got:      {:?}",
                ex.line, ex.text, ex.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n{}",
        failures.len(),
        examples.len(),
        failures.join("\n")
    );
}

#[test]
fn negative_examples() {
    let dct = NaiveDate::from_ymd_opt(2023, 1, 24);
    let lines: Vec<&str> = NEGATIVE
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(lines.len() >= 20, "only {} negative examples", lines.len());
    let mut failures = Vec::new();
    for text in &lines {
        let got: Vec<String> = run(text, dct).iter().map(|t| render(text, t)).collect();
        if !got.is_empty() {
            failures.push(format!("{text}\n  got: {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} negatives yielded something:\n{}",
        failures.len(),
        lines.len(),
        failures.join("\n")
    );
}

#[test]
fn hostile_input_never_panics() {
    let dct = NaiveDate::from_ymd_opt(2023, 1, 24);
    let long = "in 2018 ".repeat(2000);
    let inputs = [
        "",
        " ",
        "...!!!???,,,;;;",
        "99999999999 days",
        "999999999 days ago",
        "999999999 centuries later",
        "999999999 years from now and 999999999 decades ago",
        "January 99, 2023 and February 30, 2023 and 31/31/2023",
        "25:99 and 13 p.m. and 0 a.m.",
        "2023-13-45T99:99",
        "the 99th century, the 0th century, the '00s",
        "Ünïcödé — 24 января 2023 — 二〇二三年 — “May” ‘90s",
        "\u{0}\u{7f}\u{feff}Monday\u{200b}",
        "week\n\nago\n\n2018\n\nlater",
        // The rules that read words around them in code.
        "today's  éé youth; today's\u{a0}é; of tomorrow’s; at 99 in the morning; at  in the night",
        "Q9 profit; Q3 éé; 2,000,000,000,000,000,000 years; two thousand éé years old",
        "the first week of Feb 2023 and the last week of February; 24:59 GMT; 9.75 BST",
        "April 31 and 32; Dec. 12 and 99, 2024; the past 999 elections; per annum per éé",
        "by the 31st, on the 30th of the month, on the 0th; on the 29th. on the 31sté",
        long.as_str(),
    ];
    for text in inputs {
        for d in [
            dct,
            None,
            NaiveDate::from_ymd_opt(9999, 12, 31),
            NaiveDate::from_ymd_opt(1, 1, 1),
        ] {
            let got = run(text, d);
            for t in &got {
                assert!(t.span.start < t.span.end && t.span.end <= text.len());
                assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            }
            // Also without sentences.
            let _ = chronograph::time::tag(text, &[], d);
        }
    }
}

#[test]
fn shuffled_time_words_keep_the_invariants() {
    // Deterministic pseudo-random sentences built from time words, numbers
    // and punctuation: nothing may panic, and the output must stay sound.
    let pieces = [
        "January",
        "May",
        "Jan.",
        "24",
        "2023",
        "1990s",
        "'90s",
        "the",
        "next",
        "last",
        "two",
        "twenty-four",
        "days",
        "hours",
        "ago",
        "later",
        "early",
        "mid-",
        "late",
        "Monday",
        "morning",
        "at",
        "10:30",
        "p.m.",
        "a.m.",
        "noon",
        "every",
        "year",
        "quarter",
        "third",
        "of",
        "in",
        "since",
        "summer",
        "fall",
        ",",
        ".",
        "\n",
        "—",
        "é",
        "99999999999",
        "0",
        "31",
        "13",
        "half",
        "an",
        "hour",
        "century",
        "19th",
        "nineteen",
        "ninety-six",
        "EST",
        "weekend",
        "this",
        "that",
        "day",
        "following",
        "week",
        "recently",
        "now",
        "Q4",
        "-",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let dcts = [
        NaiveDate::from_ymd_opt(2023, 1, 24),
        None,
        NaiveDate::from_ymd_opt(1, 1, 1),
    ];
    for round in 0..3000 {
        let len = (next() % 14) as usize + 1;
        let mut text = String::new();
        for _ in 0..len {
            let piece = pieces[(next() % pieces.len() as u64) as usize];
            if next() % 4 != 0 {
                text.push(' ');
            }
            text.push_str(piece);
        }
        let (sentences, _) = chronograph::text::split(&text);
        let got = chronograph::time::tag(&text, &sentences, dcts[round % dcts.len()]);
        let mut end = 0;
        for t in &got {
            assert!(
                t.span.start >= end && t.span.start < t.span.end,
                "{text:?}: {got:?}"
            );
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(sentences.is_empty() || t.sentence < sentences.len());
            assert!(!t.value.is_empty(), "{text:?}: {got:?}");
            end = t.span.end;
        }
    }
}
