//! `chronograph annotate`: print one document's annotation layers as JSON,
//! write documents as TimeML with their time expressions tagged, or tag a
//! CoNLL column file with the name tagger.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use chrono::NaiveDate;

use chronograph::export;
use chronograph::ingest::{self, IngestOptions, Ingested};
use chronograph::{Document, pipeline};

use super::Outcome;
use super::conll;

/// Output formats of `annotate`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// The stand-off JSON layers (offsets in Unicode code points).
    Json,
    /// TimeML 1.2: the text with Chronograph's TIMEX3 tags, and the DCT.
    Timeml,
    /// CoNLL columns with the predicted BIO name tag as one more column
    /// (needs `--input conll`).
    Conll,
}

/// Input formats of `annotate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Input {
    /// An article (text, HTML, TimeML, JSON lines), read like `build` reads it.
    Article,
    /// A CoNLL column file: one token a line, word first, blank line between
    /// sentences, `-DOCSTART-` between documents.
    Conll,
}

/// Arguments of `annotate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file (or, with `--out-dir`, folder) to annotate, or `-` for stdin.
    #[arg(value_name = "FILE")]
    pub file: String,
    /// Publication date (YYYY-MM-DD), overriding what the document says.
    #[arg(long, value_name = "DATE")]
    pub dct: Option<NaiveDate>,
    /// Input format.
    #[arg(long, value_enum, default_value = "article")]
    pub input: Input,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// With `--format timeml`: write one `.tml` per document into this folder
    /// (a folder's layout is kept) instead of printing one document.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// With `--format conll`: a name-tagger model file to use instead of the
    /// built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// Runs `annotate`: one pretty JSON object for a single document; for a
/// JSON-lines file with several records, one compact object per line.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if args.out_dir.is_some() && !matches!(args.format, Format::Timeml) {
        bail!("--out-dir needs --format timeml");
    }
    if args.model.is_some() && !matches!(args.format, Format::Conll) {
        bail!("--model needs --format conll");
    }
    match (args.input, args.format) {
        (Input::Conll, Format::Conll) => return conll_tags(&args.file, args.model.as_deref()),
        (Input::Conll, _) => bail!("--input conll needs --format conll"),
        (_, Format::Conll) => bail!("--format conll needs --input conll"),
        _ => {}
    }
    let ingested = ingest::read_inputs(
        std::slice::from_ref(&args.file),
        &IngestOptions { dct: args.dct },
    );
    for skipped in &ingested.skipped {
        eprintln!("chronograph: skipped {}: {}", skipped.path, skipped.reason);
    }
    if let Format::Timeml = args.format {
        write_timeml(&args, &ingested)?;
        return Ok(outcome(&ingested));
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let several = ingested.documents.len() > 1;
    for document in &ingested.documents {
        let annotated = pipeline::annotate(document);
        let value = export::annotation::annotation_json(document, &annotated);
        if several {
            serde_json::to_writer(&mut out, &value)?;
        } else {
            serde_json::to_writer_pretty(&mut out, &value)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(outcome(&ingested))
}

/// Complete when every input was read and there was something to read.
fn outcome(ingested: &Ingested) -> Outcome {
    if ingested.skipped.is_empty() && !ingested.documents.is_empty() {
        Outcome::Complete
    } else {
        Outcome::Skipped
    }
}

/// Writes the documents as TimeML: one to stdout, or each to its own `.tml`
/// in `--out-dir` (atomically).
fn write_timeml(args: &Args, ingested: &Ingested) -> anyhow::Result<()> {
    let timeml = |document: &Document| {
        let (sentences, _) = chronograph::text::split(&document.text);
        let timexes = chronograph::time::tag(&document.text, &sentences, document.dct);
        export::timeml::to_timeml(document, &timexes)
    };
    let Some(dir) = &args.out_dir else {
        if ingested.documents.len() > 1 {
            bail!(
                "{}: {} documents; TimeML holds one, so give --out-dir DIR to write one .tml each",
                args.file,
                ingested.documents.len()
            );
        }
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        for document in &ingested.documents {
            out.write_all(timeml(document).as_bytes())?;
        }
        out.flush()?;
        return Ok(());
    };
    let mut taken = HashSet::new();
    for document in &ingested.documents {
        let path = dir.join(unique(output_name(&args.file, document), &mut taken));
        export::write_atomic(&path, timeml(document).as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// The `.tml` path of a document below the output folder: its source's path
/// below the input folder (the input's file name for a file input, the id
/// for stdin), with the extension `.tml`.
fn output_name(input: &str, document: &Document) -> PathBuf {
    let source = Path::new(&document.source);
    let relative = (input != "-")
        .then(|| {
            source
                .strip_prefix(input)
                .ok()
                .filter(|rest| !rest.as_os_str().is_empty())
                .or_else(|| source.file_name().map(Path::new))
        })
        .flatten();
    match relative {
        Some(relative) => relative.with_extension("tml"),
        None => PathBuf::from(format!("{}.tml", safe_file_name(&document.id))),
    }
}

/// `id` made a plain file name: anything but letters, digits, `.`, `-`
/// and `_` becomes `_`, and it never starts with a dot.
fn safe_file_name(id: &str) -> String {
    let name: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    match name.strip_prefix('.') {
        Some(rest) => format!("_{rest}"),
        None => name,
    }
}

/// `name`, or `name-2`, `name-3` ... if taken (several records of one
/// JSON-lines file); remembers the name given.
fn unique(name: PathBuf, taken: &mut HashSet<PathBuf>) -> PathBuf {
    let stem = name.with_extension("");
    let candidate = (1..)
        .map(|n| {
            if n == 1 {
                name.clone()
            } else {
                PathBuf::from(format!("{}-{n}.tml", stem.display()))
            }
        })
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(name);
    taken.insert(candidate.clone());
    candidate
}

/// Writes the CoNLL file back with the tagger's BIO tag (built-in model, or
/// the one in `model`) appended to every token line.
fn conll_tags(path: &str, model: Option<&Path>) -> anyhow::Result<Outcome> {
    let mut docs = conll::read(path)?;
    let model = conll::model(model)?;
    let predicted = conll::predict(&model, &docs);
    for (doc, tags) in docs.iter_mut().zip(predicted) {
        for (sentence, tags) in doc.sentences.iter_mut().zip(tags) {
            for (row, tag) in sentence.rows.iter_mut().zip(tags) {
                row.push(tag);
            }
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(chronograph::ner::conll::write(&docs).as_bytes())?;
    out.flush()?;
    Ok(Outcome::Complete)
}
