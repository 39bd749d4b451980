//! The name-tagger commands: `train ner`, `eval ner` and
//! `annotate --input conll --format conll`.

mod common;

use common::{chronograph, fixtures, write};
use predicates::prelude::*;

/// `train ner` on `tiny` into `model`: 30 epochs, no capitals copies, no
/// pruning, so the model can learn its training sentences exactly.
fn train_tiny(tiny: &std::path::Path, model: &std::path::Path) -> assert_cmd::Command {
    let mut command = chronograph();
    command
        .args(["train", "ner", "--train"])
        .arg(tiny)
        .args([
            "--epochs",
            "30",
            "--capitals-every",
            "0",
            "--min-weight",
            "0",
        ])
        .arg("-o")
        .arg(model);
    command
}

#[test]
fn train_then_eval_on_the_tiny_fixture() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("tiny.bin");
    let tiny = fixtures("ner/tiny.iob2");
    train_tiny(&tiny, &model)
        .arg("--dev")
        .arg(&tiny)
        .assert()
        .success()
        .stderr(predicate::str::contains("first pass epoch 30: dev"))
        .stderr(predicate::str::contains("second pass epoch 1: dev"));
    let first = std::fs::read(&model).unwrap();
    chronograph()
        .args(["eval", "ner"])
        .arg(&tiny)
        .arg("--model")
        .arg(&model)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "processed 56 tokens with 14 phrases; found: 14 phrases; correct: 14.",
        ))
        .stdout(predicate::str::contains(
            "PER: precision: 100.00%; recall: 100.00%; FB1: 100.00  3",
        ));
    // Same data and seed, same model file.
    train_tiny(&tiny, &model).assert().success();
    assert_eq!(std::fs::read(&model).unwrap(), first);
}

#[test]
fn eval_predicted_scores_the_last_two_columns() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "pred.txt",
        "Angela B-PER B-PER\nMerkel I-PER O\nin O O\nParis B-LOC B-LOC\n\n",
    );
    chronograph()
        .args(["eval", "ner", "--predicted"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "processed 4 tokens with 2 phrases; found: 2 phrases; correct: 1.",
        ))
        .stdout(predicate::str::contains("accuracy:  75.00%"))
        .stdout(predicate::str::contains(
            "LOC: precision: 100.00%; recall: 100.00%",
        ));
}

#[test]
fn annotate_conll_appends_the_predicted_tag() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "in.conll",
        "-DOCSTART- -X- O O\n\nVladimir NNP\nPutin NNP\nvisited VBD\nBerlin NNP\n. .\n\n",
    );
    chronograph()
        .args(["annotate", "--input", "conll", "--format", "conll"])
        .arg(&file)
        .assert()
        .success()
        .stdout(
            "-DOCSTART- -X- O O\n\nVladimir NNP B-PER\nPutin NNP I-PER\nvisited VBD O\nBerlin NNP B-LOC\n. . O\n\n",
        );
}

#[test]
fn bad_conll_input_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let ragged = write(dir.path(), "ragged.conll", "a B-PER\nb O\nc\n");
    chronograph()
        .args(["eval", "ner"])
        .arg(&ragged)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ragged.conll"))
        .stderr(predicate::str::contains("line 3"));
    chronograph()
        .args(["train", "ner", "--train", "no/such/file.iob2", "-o"])
        .arg(dir.path().join("m.bin"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/file.iob2"));
    let empty = write(dir.path(), "empty.iob2", "");
    chronograph()
        .args(["train", "ner", "--train"])
        .arg(&empty)
        .arg("-o")
        .arg(dir.path().join("m.bin"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.iob2: no sentences"));
    let unlabelled = write(dir.path(), "words.txt", "Paris\n");
    chronograph()
        .args(["eval", "ner"])
        .arg(&unlabelled)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("has no label column"));
    let not_model = write(dir.path(), "model.bin", "hello");
    chronograph()
        .args(["eval", "ner"])
        .arg(fixtures("ner/tiny.iob2"))
        .arg("--model")
        .arg(&not_model)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("model.bin"))
        .stderr(predicate::str::contains("bad magic"));
    chronograph()
        .args(["annotate", "--format", "conll"])
        .arg(fixtures("ner/tiny.iob2"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--input conll"));
}
