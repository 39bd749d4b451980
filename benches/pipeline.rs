//! Throughput of every pipeline stage over ~2 MB of synthetic news text.
//!
//! Run with `cargo bench --bench pipeline` (see `BENCHMARKS.md`). The corpus is
//! built in memory at start from the sample articles in `data/articles/*.txt`:
//! each synthetic document keeps an article's header paragraph (title, date
//! line) and shuffles its body (paragraph order and sentence order within each
//! paragraph, with a fixed seed), then borrows one paragraph of another
//! article, so names, dates and events recur in new company, as across a
//! news feed. Documents stay article-sized (a few KB).
//!
//! Every bench processes the whole corpus once per iteration and counts its
//! text bytes (`BytesCount`), so divan prints MB/s, and its documents
//! (`ItemsCount`). `baseline_word_count` is a plain `split_whitespace().count()`
//! over the same text: state a stage as "N x the baseline" from the same run.
//! Stage benches are given the layers earlier stages made (computed once,
//! outside the timed loop), so they time that stage alone.

use std::path::Path;
use std::sync::LazyLock;

use chronograph::annotation::{Annotated, Sentence, Token};
use chronograph::ingest::{self, Format, IngestOptions};
use chronograph::{
    Document, KnowledgeGraph, entity, event, export, pipeline, relation, text, time,
};
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};

fn main() {
    // Build everything before divan starts timing, and say what was built.
    let corpus = &*CORPUS;
    eprintln!(
        "corpus: {} documents, {} bytes ({:.2} MB), {} words",
        corpus.documents.len(),
        corpus.bytes,
        corpus.bytes as f64 / 1e6,
        corpus.words,
    );
    LazyLock::force(&LAYERS);
    LazyLock::force(&GRAPH);
    eprintln!("name tagger input: {} tokens", NER_INPUT.1);
    divan::main();
}

/// Bytes of synthetic text to reach (at least).
const TARGET_BYTES: usize = 2_000_000;
/// Seed of the shuffles: the corpus is the same in every run.
const SEED: u64 = 0x0C4_0A0_6A4;

/// The synthetic documents and their size.
struct Corpus {
    documents: Vec<Document>,
    bytes: usize,
    words: usize,
}

impl Corpus {
    fn bytes(&self) -> BytesCount {
        BytesCount::new(self.bytes)
    }

    fn items(&self) -> ItemsCount {
        ItemsCount::new(self.documents.len())
    }
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(build_corpus);

/// The annotation layers of every document, stage by stage, made once so a
/// stage bench can start from what the stages before it left.
struct Layers {
    /// After `text::split`.
    split: Vec<(Vec<Sentence>, Vec<Token>)>,
    /// After `time::tag` (sentences, tokens, timexes).
    timed: Vec<Annotated>,
    /// After `entity::extract` (adds mentions, entities).
    named: Vec<Annotated>,
    /// Complete, as `pipeline::annotate` leaves it.
    full: Vec<Annotated>,
}

static LAYERS: LazyLock<Layers> = LazyLock::new(|| {
    let documents = &CORPUS.documents;
    let split: Vec<_> = documents.iter().map(|d| text::split(&d.text)).collect();
    let timed: Vec<Annotated> = documents
        .iter()
        .zip(&split)
        .map(|(d, (sentences, tokens))| Annotated {
            sentences: sentences.clone(),
            tokens: tokens.clone(),
            timexes: time::tag(&d.text, sentences, d.dct),
            ..Annotated::default()
        })
        .collect();
    let named: Vec<Annotated> = documents
        .iter()
        .zip(&timed)
        .map(|(d, a)| {
            let (mentions, entities) = entity::extract(&d.text, a);
            Annotated {
                mentions,
                entities,
                ..a.clone()
            }
        })
        .collect();
    let full: Vec<Annotated> = documents.iter().map(pipeline::annotate).collect();
    Layers {
        split,
        timed,
        named,
        full,
    }
});

static GRAPH: LazyLock<KnowledgeGraph> =
    LazyLock::new(|| pipeline::build_graph(&CORPUS.documents, &LAYERS.full));

/// A small deterministic generator (SplitMix64): no dependency, same corpus
/// on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// One source article cut into its header paragraph and body paragraphs,
/// each paragraph cut into sentences.
struct Source {
    id: String,
    header: String,
    body: Vec<Vec<String>>,
}

fn read_sources() -> Vec<Source> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no .txt article in {}", dir.display());
    paths
        .iter()
        .map(|path| {
            let raw = std::fs::read_to_string(path).expect("article is UTF-8");
            let id = path.file_stem().unwrap().to_string_lossy().into_owned();
            let mut paragraphs = raw
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_string);
            let header = paragraphs.next().unwrap_or_default();
            let body = paragraphs
                .map(|p| {
                    let (sentences, _) = text::split(&p);
                    sentences
                        .iter()
                        .map(|s| s.span.text(&p).to_string())
                        .collect()
                })
                .collect();
            Source { id, header, body }
        })
        .collect()
}

fn build_corpus() -> Corpus {
    let sources = read_sources();
    let mut rng = Rng(SEED);
    let mut documents = Vec::new();
    let mut bytes = 0;
    let mut k = 0;
    while bytes < TARGET_BYTES {
        let source = &sources[k % sources.len()];
        let mut body: Vec<Vec<String>> = source.body.clone();
        if sources.len() > 1 {
            let other = &sources[(k + 1 + rng.below(sources.len() - 1)) % sources.len()];
            if !other.body.is_empty() {
                body.push(other.body[rng.below(other.body.len())].clone());
            }
        }
        rng.shuffle(&mut body);
        for paragraph in &mut body {
            rng.shuffle(paragraph);
        }
        let mut text = source.header.clone();
        for paragraph in &body {
            text.push_str("\n\n");
            text.push_str(&paragraph.join(" "));
        }
        text.push('\n');
        let id = format!("{}-{k:04}", source.id);
        let document = ingest::read_text(&id, &id, &text, Format::Text, &IngestOptions::default())
            .expect("synthetic article is readable")
            .documents
            .remove(0);
        bytes += document.text.len();
        documents.push(document);
        k += 1;
    }
    let words = documents
        .iter()
        .map(|d| d.text.split_whitespace().count())
        .sum();
    Corpus {
        documents,
        bytes,
        words,
    }
}

/// Times `benched`, which processes the whole corpus once, counted in the
/// corpus's text bytes and documents.
fn bench_corpus<O>(bencher: Bencher, benched: impl Fn() -> O + Sync) {
    let corpus = &*CORPUS;
    bencher
        .counter(corpus.bytes())
        .counter(corpus.items())
        .bench(benched);
}

/// Times one stage over every document, given the layer each document has
/// from the stages before it.
fn bench_stage<L: Sync, O>(
    bencher: Bencher,
    layers: &[L],
    stage: impl Fn(&Document, &L) -> O + Sync,
) {
    let corpus = &*CORPUS;
    bench_corpus(bencher, || {
        for (d, layer) in corpus.documents.iter().zip(layers) {
            black_box(stage(d, layer));
        }
    });
}

/// The yardstick: count whitespace-separated words of every document.
#[divan::bench]
fn baseline_word_count(bencher: Bencher) {
    let corpus = &*CORPUS;
    bench_corpus(bencher, || {
        corpus
            .documents
            .iter()
            .map(|d| black_box(d.text.as_str()).split_whitespace().count())
            .sum::<usize>()
    });
}

/// Sentences and tokens.
#[divan::bench(sample_count = 20)]
fn stage_1_text_split(bencher: Bencher) {
    let corpus = &*CORPUS;
    bench_corpus(bencher, || {
        for d in &corpus.documents {
            black_box(text::split(black_box(&d.text)));
        }
    });
}

/// Time expressions, given the sentences.
#[divan::bench(sample_count = 20)]
fn stage_2_time_tag(bencher: Bencher) {
    bench_stage(bencher, &LAYERS.split, |d, (sentences, _)| {
        time::tag(&d.text, sentences, d.dct)
    });
}

/// Mentions and entities, given sentences, tokens and time expressions.
#[divan::bench(sample_count = 20)]
fn stage_3_entity_extract(bencher: Bencher) {
    bench_stage(bencher, &LAYERS.timed, |d, a| entity::extract(&d.text, a));
}

/// Role phrases, events, then role periods, given the entities: the rest of
/// `pipeline::annotate`.
#[divan::bench(sample_count = 20)]
fn stage_4_events_and_roles(bencher: Bencher) {
    bench_stage(bencher, &LAYERS.named, |d, a| {
        let mut roles = relation::roles(&d.text, a);
        let events = event::extract(d, a, &roles);
        relation::date_roles(&mut roles, a);
        (events, roles)
    });
}

/// Every layer, one document after the other on this thread.
#[divan::bench(sample_count = 10)]
fn annotate_each_document(bencher: Bencher) {
    let corpus = &*CORPUS;
    bench_corpus(bencher, || {
        for d in &corpus.documents {
            black_box(pipeline::annotate(d));
        }
    });
}

/// Thread counts for `annotate_all`: one, and one per core.
fn thread_counts() -> Vec<usize> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores > 1 { vec![1, cores] } else { vec![1] }
}

/// Every document on a rayon pool of `jobs` threads (as `--jobs N`).
#[divan::bench(sample_count = 10, args = thread_counts())]
fn annotate_all_jobs(bencher: Bencher, jobs: usize) {
    let corpus = &*CORPUS;
    bench_corpus(bencher, || {
        pipeline::annotate_all(&corpus.documents, Some(jobs), || {}).unwrap()
    });
}

/// Merging every annotated document into one graph.
#[divan::bench(sample_count = 10)]
fn build_graph(bencher: Bencher) {
    let (corpus, layers) = (&*CORPUS, &*LAYERS);
    bench_corpus(bencher, || {
        pipeline::build_graph(&corpus.documents, &layers.full)
    });
}

/// Writing every graph-wide file (DOT, CSVs, JSON) into a temp folder.
/// Counted in bytes of input text, like the other stages.
#[divan::bench(sample_count = 10)]
fn export_write_all(bencher: Bencher) {
    let graph = &*GRAPH;
    let dir = tempfile::tempdir().expect("temp dir");
    bench_corpus(bencher, || export::write_all(graph, dir.path()).unwrap());
}

/// The words of every document, sentence by sentence, as the name tagger
/// reads them, and how many tokens they are.
static NER_INPUT: LazyLock<(Vec<Vec<Vec<String>>>, usize)> = LazyLock::new(|| {
    let mut count = 0;
    let docs = CORPUS
        .documents
        .iter()
        .zip(&LAYERS.split)
        .map(|(d, (sentences, tokens))| {
            let mut out = vec![Vec::new(); sentences.len()];
            for t in tokens {
                if let Some(s) = out.get_mut(t.sentence) {
                    s.push(t.span.text(&d.text).to_string());
                    count += 1;
                }
            }
            out
        })
        .collect();
    (docs, count)
});

/// The learned name tagger (both passes) on every document's tokens, one
/// thread; counted in tokens (divan's items) and text bytes.
#[divan::bench(sample_count = 10)]
fn ner_tag_tokens(bencher: Bencher) {
    let model = chronograph::ner::shipped().expect("built-in model");
    let (docs, tokens) = &*NER_INPUT;
    bencher
        .counter(CORPUS.bytes())
        .counter(ItemsCount::new(*tokens))
        .bench(|| {
            for sentences in docs {
                black_box(model.tag_document(black_box(sentences)));
            }
        });
}

/// The same words in capitals, as in headlines and credits: every sentence
/// of two or more words is truecased before it is tagged.
static NER_INPUT_CAPITALS: LazyLock<Vec<Vec<Vec<String>>>> = LazyLock::new(|| {
    NER_INPUT
        .0
        .iter()
        .map(|doc| {
            doc.iter()
                .map(|s| s.iter().map(|w| w.to_uppercase()).collect())
                .collect()
        })
        .collect()
});

/// The learned name tagger on every document's tokens written in capitals
/// (truecasing, then both passes), one thread; compare with `ner_tag_tokens`.
#[divan::bench(sample_count = 10)]
fn ner_tag_tokens_capitals(bencher: Bencher) {
    let model = chronograph::ner::shipped().expect("built-in model");
    let docs = &*NER_INPUT_CAPITALS;
    bencher
        .counter(CORPUS.bytes())
        .counter(ItemsCount::new(NER_INPUT.1))
        .bench(|| {
            for sentences in docs {
                black_box(model.tag_document(black_box(sentences)));
            }
        });
}

/// Writing every extra format `build` writes by default (GraphML, GEXF,
/// Cytoscape, node-link, TimelineJS, Neo4j, timeline.svg, report.html; not
/// the Graphviz renderings, which are Graphviz's time) into a temp folder,
/// flattening the graph once. Compare with `export_write_all` of the same
/// run. The report's source sentences are gathered once, outside the timing.
#[divan::bench(sample_count = 10)]
fn export_write_formats(bencher: Bencher) {
    let graph = &*GRAPH;
    let sentences = export::report::cited_sentences(graph, &CORPUS.documents, &LAYERS.full);
    let formats: Vec<export::Format> = export::Format::ALL
        .into_iter()
        .filter(|f| !f.needs_graphviz())
        .collect();
    let inputs = export::ReportInputs {
        sentences: Some(&sentences),
        graph_svg: None,
    };
    let dir = tempfile::tempdir().expect("temp dir");
    bench_corpus(bencher, || {
        export::write_formats(graph, dir.path(), &formats, inputs).unwrap()
    });
}

/// One extra format at a time, files built in memory (no disk): which
/// format costs what.
#[divan::bench(sample_count = 10, args = [
    export::Format::Graphml,
    export::Format::Gexf,
    export::Format::Cytoscape,
    export::Format::Nodelink,
    export::Format::Timelinejs,
    export::Format::Neo4j,
    export::Format::TimelineSvg,
    export::Format::Report,
])]
fn export_format(bencher: Bencher, format: export::Format) {
    let graph = &*GRAPH;
    let sentences = export::report::cited_sentences(graph, &CORPUS.documents, &LAYERS.full);
    let inputs = export::ReportInputs {
        sentences: Some(&sentences),
        graph_svg: None,
    };
    let flat = export::flat::flatten(graph);
    bench_corpus(bencher, || {
        export::format_files(graph, &flat, format, inputs).unwrap()
    });
}
