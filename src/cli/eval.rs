//! `chronograph eval`: score an extractor against gold data.
//!
//! `eval ner FILE` tags a CoNLL column file with the name tagger and prints
//! conlleval-style precision, recall and F1 per type and overall.
//!
//! `eval timex GOLD_DIR` tags the raw text of every TimeML file below
//! `GOLD_DIR` (with its DCT) and scores the time expressions against the
//! file's `TIMEX3`s, TempEval-3 style ([`chronograph::time::eval`]): one row
//! per folder and one overall. `--errors FILE` lists every miss for study.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::Subcommand;

use chronograph::annotation::{Span, Timex};
use chronograph::export::write_atomic;
use chronograph::ingest::{self, Format, GoldTimeMl};
use chronograph::ner::score::Score;
use chronograph::time::eval::{self, Counts, Mark, Pair};

use super::Outcome;
use super::conll;
use super::table::Table;

/// The extractors `eval` can score.
#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// Score the name tagger on CoNLL-format BIO data: conlleval-style
    /// precision, recall and F1 per type and overall (exact span and type).
    Ner(NerArgs),
    /// Score time expressions against TimeML files (TempEval-3 measures).
    Timex(TimexArgs),
}

/// Arguments of `eval ner`.
#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// Gold data (CoNLL columns, BIO labels in the last column), or `-`.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// A model file to use instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// The file already holds predictions in its last column, gold labels in
    /// the one before (the conlleval convention): score them, do not tag.
    #[arg(long)]
    pub predicted: bool,
}

/// Arguments of `eval timex`.
#[derive(Debug, clap::Args)]
pub struct TimexArgs {
    /// Folder of gold TimeML files (`.tml`), read recursively.
    #[arg(value_name = "GOLD_DIR")]
    pub gold_dir: PathBuf,
    /// Write every miss (missed, spurious, wrong span, type or value) to this file.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
}

/// Runs `eval`.
pub fn run(command: EvalCommand) -> anyhow::Result<Outcome> {
    match command {
        EvalCommand::Ner(args) => run_ner(&args),
        EvalCommand::Timex(args) => run_timex(&args),
    }
}

/// Scores the name tagger (or, with `--predicted`, the file's own last
/// column) against the gold labels.
fn run_ner(args: &NerArgs) -> anyhow::Result<Outcome> {
    let docs = conll::read(&args.file)?;
    let mut score = Score::default();
    if args.predicted {
        for sentence in docs.iter().flat_map(|d| &d.sentences) {
            let (Some(gold), Some(pred)) =
                (sentence.column_from_end(1), sentence.column_from_end(0))
            else {
                bail!(
                    "{}: sentence \"{}\" needs gold and predicted label columns",
                    args.file,
                    sentence.words().join(" ")
                );
            };
            score.add(&gold, &pred);
        }
    } else {
        let model = conll::model(args.model.as_deref())?;
        let predicted = conll::predict(&model, &docs);
        for (doc, pred) in docs.iter().zip(&predicted) {
            for (sentence, pred) in doc.sentences.iter().zip(pred) {
                let Some(gold) = sentence.column_from_end(0) else {
                    bail!(
                        "{}: sentence \"{}\" has no label column",
                        args.file,
                        sentence.words().join(" ")
                    );
                };
                score.add(&gold, pred);
            }
        }
    }
    print!("{}", score.table());
    Ok(Outcome::Complete)
}

/// Counts of one folder, and how many documents they come from.
#[derive(Default)]
struct Folder {
    documents: usize,
    counts: Counts,
}

fn run_timex(args: &TimexArgs) -> anyhow::Result<Outcome> {
    let root = &args.gold_dir;
    if !root.is_dir() {
        bail!("{}: not a folder", root.display());
    }
    let mut folders: BTreeMap<String, Folder> = BTreeMap::new();
    let mut errors = String::new();
    let mut skipped = 0;
    for file in ingest::list_files(root) {
        let path = match file {
            Ok(path) => path,
            Err(skip) => {
                eprintln!("chronograph: skipped {}: {}", skip.path, skip.reason);
                skipped += 1;
                continue;
            }
        };
        if Format::of_path(&path) != Format::TimeMl {
            continue;
        }
        let gold = match ingest::read_timeml_gold(&path) {
            Ok(gold) => gold,
            Err(reason) => {
                eprintln!("chronograph: skipped {}: {reason}", path.display());
                skipped += 1;
                continue;
            }
        };
        let system = tag(&gold);
        let counts = score_file(&path, &gold, &system, &mut errors);
        let folder = folders.entry(folder_name(root, &path)).or_default();
        folder.documents += 1;
        folder.counts.add(&counts);
    }
    if folders.is_empty() {
        bail!("{}: no TimeML (.tml) file could be read", root.display());
    }
    print_table(&folders)?;
    if let Some(file) = &args.errors {
        write_atomic(file, errors.as_bytes())
            .with_context(|| format!("cannot write {}", file.display()))?;
    }
    Ok(if skipped == 0 {
        Outcome::Complete
    } else {
        Outcome::Skipped
    })
}

/// The tagger's expressions for a gold document's raw text and DCT.
fn tag(gold: &GoldTimeMl) -> Vec<Timex> {
    let text = gold.document.text.as_str();
    let (sentences, _) = chronograph::text::split(text);
    chronograph::time::tag(text, &sentences, gold.document.dct)
}

/// The folder of `path` below `root` (`.` for files right in it).
fn folder_name(root: &Path, path: &Path) -> String {
    let parent = path.parent().unwrap_or(root);
    let relative = parent.strip_prefix(root).unwrap_or(parent);
    let name = relative.to_string_lossy();
    if name.is_empty() {
        ".".to_string()
    } else {
        name.into_owned()
    }
}

/// Scores one file and appends its misses to `errors`.
fn score_file(path: &Path, gold: &GoldTimeMl, system: &[Timex], errors: &mut String) -> Counts {
    let system_marks: Vec<Mark> = system
        .iter()
        .map(|t| Mark {
            span: t.span,
            kind: t.kind.as_str(),
            value: &t.value,
        })
        .collect();
    let gold_marks: Vec<Mark> = gold
        .timexes
        .iter()
        .map(|t| Mark {
            span: t.span,
            kind: &t.kind,
            value: &t.value,
        })
        .collect();
    let (counts, pairs) = eval::score(&system_marks, &gold_marks);
    let text = &gold.document.text;
    let mut lines = Vec::new();
    for (g, mark) in gold_marks.iter().enumerate() {
        if !pairs.iter().any(|p| p.gold == g) {
            lines.push((mark.span, format!("MISSED\tgold {}", show(text, mark))));
        }
    }
    for (s, mark) in system_marks.iter().enumerate() {
        if !pairs.iter().any(|p| p.system == s) {
            lines.push((mark.span, format!("SPURIOUS\tsystem {}", show(text, mark))));
        }
    }
    for &Pair { system: s, gold: g } in &pairs {
        let (sm, gm) = (&system_marks[s], &gold_marks[g]);
        let what: Vec<&str> = [
            (sm.value != gm.value, "VALUE"),
            (sm.kind != gm.kind, "TYPE"),
            (sm.span != gm.span, "SPAN"),
        ]
        .into_iter()
        .filter_map(|(wrong, name)| wrong.then_some(name))
        .collect();
        if !what.is_empty() {
            let line = format!(
                "{}\tsystem {}\tgold {}",
                what.join("+"),
                show(text, sm),
                show(text, gm)
            );
            lines.push((gm.span, line));
        }
    }
    lines.sort_by_key(|(span, _)| *span);
    let dct = gold
        .document
        .dct
        .map_or_else(|| "none".to_string(), |d| d.to_string());
    for (span, line) in lines {
        let _ = writeln!(
            errors,
            "{}\tDCT {dct}\t{line}\t| {}",
            path.display(),
            context(text, span)
        );
    }
    counts
}

/// `"text" TYPE value`.
fn show(text: &str, mark: &Mark) -> String {
    format!(
        "\"{}\" {} {}",
        flatten(mark.span.text(text)),
        mark.kind,
        mark.value
    )
}

/// Up to 50 characters either side of `span`, the span in `[[ ]]`, white
/// space collapsed.
fn context(text: &str, span: Span) -> String {
    let before: String = {
        let chars: Vec<char> = text[..span.start].chars().rev().take(50).collect();
        chars.into_iter().rev().collect()
    };
    let after: String = text[span.end..].chars().take(50).collect();
    let line = format!("{before}[[{}]]{after}", span.text(text));
    flatten(&line)
}

/// `text` with every run of white space made one space, trimmed.
fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Prints one row per folder and the overall row.
fn print_table(folders: &BTreeMap<String, Folder>) -> anyhow::Result<()> {
    let mut table = Table::new(&[
        "folder",
        "docs",
        "gold",
        "system",
        "strict P",
        "strict R",
        "strict F1",
        "relaxed P",
        "relaxed R",
        "relaxed F1",
        "type acc",
        "value acc",
        "value F1",
    ]);
    let mut total = Folder::default();
    for (name, folder) in folders {
        table.push(row(name, folder));
        total.documents += folder.documents;
        total.counts.add(&folder.counts);
    }
    table.push(row("overall", &total));
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    table.write(&mut out)?;
    out.flush()?;
    Ok(())
}

fn row(name: &str, folder: &Folder) -> Vec<String> {
    let c = &folder.counts;
    let (strict, relaxed, value) = (c.strict(), c.relaxed(), c.value());
    let mut cells = vec![
        name.to_string(),
        folder.documents.to_string(),
        c.gold.to_string(),
        c.system.to_string(),
    ];
    cells.extend(
        [
            strict.precision,
            strict.recall,
            strict.f1,
            relaxed.precision,
            relaxed.recall,
            relaxed.f1,
            c.type_accuracy(),
            c.value_accuracy(),
            value.f1,
        ]
        .iter()
        .map(|x| format!("{x:.4}")),
    );
    cells
}
