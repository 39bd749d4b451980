#!/usr/bin/env python3
"""Scores Chronograph's name mentions against MEANTIME's named entity mentions.

Usage: scripts/meantime-names-eval.py MEANTIME_DIR [CHRONOGRAPH_BINARY]

Each MEANTIME (NewsReader CAT XML) article is turned into the text that
`scripts/meantime-to-timeml.py` writes (its annotated sentences, tokens
re-spaced), run through `chronograph annotate`, and its mentions (of the
derived ones, which point to a country, only short forms such as "U.S.", not
demonyms such as "Israeli") are compared with the gold entity
mentions whose `syntactic_type` is `NAM`, typed by the entity they refer to:
PER -> PERSON, ORG -> ORGANIZATION, LOC -> LOCATION, anything else (products,
financial, mixed) -> MISC. Prints precision, recall and F1 for exact span and
type, for exact span alone, for overlapping spans of the same type (relaxed: a
MEANTIME name mention is a whole noun phrase, "the iPhone", "Apple's iTunes",
where Chronograph marks the name), and per type (exact span and type),
micro-averaged over all articles.
"""
import importlib.util
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = importlib.util.spec_from_file_location("to_timeml", HERE / "meantime-to-timeml.py")
TO_TIMEML = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(TO_TIMEML)

TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}


def token_offsets(root, max_sentence):
    """Character offsets of each token id in the converted text (the same
    spacing rules as meantime-to-timeml.py)."""
    text, offsets, previous = "", {}, None
    for token in root.iter("token"):
        sentence = int(token.get("sentence"))
        if sentence > max_sentence:
            continue
        word = token.text or ""
        if previous is not None:
            if sentence != previous[0]:
                text += "\n"
            elif word not in TO_TIMEML.NO_SPACE_BEFORE and previous[1] not in TO_TIMEML.NO_SPACE_AFTER:
                text += " "
        offsets[token.get("t_id")] = (len(text), len(text) + len(word))
        text += word
        previous = (sentence, word)
    return text, offsets


def gold_names(root, offsets):
    """(start, end, type) of every NAM entity mention."""
    markables = root.find("Markables")
    entity_type = {
        e.get("m_id"): TYPES.get(e.get("ent_type"), "MISC") for e in markables.iter("ENTITY")
    }
    refers = {}
    for relation in root.iter("REFERS_TO"):
        target = relation.find("target").get("m_id")
        for source in relation.iter("source"):
            refers[source.get("m_id")] = entity_type.get(target, "MISC")
    names = set()
    for mention in markables.iter("ENTITY_MENTION"):
        if mention.get("syntactic_type") != "NAM":
            continue
        spans = [offsets.get(a.get("t_id")) for a in mention.iter("token_anchor")]
        if not spans or None in spans:
            continue
        names.add((min(s for s, _ in spans), max(e for _, e in spans), refers.get(mention.get("m_id"), "MISC")))
    return names


def score(found, gold, correct):
    p = correct / found if found else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.4f}  R {r:.4f}  F1 {f:.4f}  (gold {gold}, system {found}, correct {correct})"


def main():
    source = Path(sys.argv[1])
    binary = sys.argv[2] if len(sys.argv) > 2 else "target/release/chronograph"
    counts = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(source.glob("*.xml")):
            root = ET.parse(path).getroot()
            _, offsets = token_offsets(root, 5)
            gold = gold_names(root, offsets)
            tml = Path(tmp) / (path.stem + ".tml")
            tml.write_text(TO_TIMEML.convert(path, 5), encoding="utf-8")
            out = subprocess.run([binary, "annotate", str(tml)], capture_output=True, text=True, check=True)
            layers = json.loads(out.stdout)
            # TEXT starts with a line break the converter adds before the text.
            system = {
                (m["start"] - 1, m["end"] - 1, m["type"]) for m in layers["mentions"]
                if not m["derived"] or not any(c.islower() for c in m["text"])
            }
            counts["gold"] += len(gold)
            counts["system"] += len(system)
            counts["typed"] += len(gold & system)
            counts["span"] += len({(s, e) for s, e, _ in gold} & {(s, e) for s, e, _ in system})
            overlaps = lambda a, b: a[0] < b[1] and b[0] < a[1] and a[2] == b[2]
            counts["relaxed gold"] += sum(any(overlaps(g, x) for x in system) for g in gold)
            counts["relaxed system"] += sum(any(overlaps(x, g) for g in gold) for x in system)
            for kind in ("PERSON", "ORGANIZATION", "LOCATION", "MISC"):
                g = {x for x in gold if x[2] == kind}
                s = {x for x in system if x[2] == kind}
                counts[kind, "gold"] += len(g)
                counts[kind, "system"] += len(s)
                counts[kind, "correct"] += len(g & s)
    print("span and type ", score(counts["system"], counts["gold"], counts["typed"]))
    print("span only     ", score(counts["system"], counts["gold"], counts["span"]))
    p = counts["relaxed system"] / counts["system"] if counts["system"] else 0.0
    r = counts["relaxed gold"] / counts["gold"] if counts["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"relaxed        P {p:.4f}  R {r:.4f}  F1 {f:.4f}  (overlapping spans, same type)")
    for kind in ("PERSON", "ORGANIZATION", "LOCATION", "MISC"):
        print(f"{kind:14}", score(counts[kind, "system"], counts[kind, "gold"], counts[kind, "correct"]))


if __name__ == "__main__":
    main()
