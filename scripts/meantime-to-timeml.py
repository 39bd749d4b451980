#!/usr/bin/env python3
"""Converts MEANTIME (NewsReader CAT XML) files to TimeML for `chronograph eval timex`.

Usage: scripts/meantime-to-timeml.py MEANTIME_DIR OUT_DIR [MAX_SENTENCE]

MEANTIME annotates only the first sentences of each article (0-5 in the Apple
set), so the text written is those sentences (MAX_SENTENCE, default 5): the
title, the date line, then the body sentences, one per line, tokens joined
with spaces except before punctuation and clitics. Every TIMEX3 anchored on
tokens becomes an inline TIMEX3 with its type and value; the one marked
CREATION_TIME also gives the DCT (and stays in the text as an ordinary
expression, since its words are text the tagger reads).
"""
import html
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NO_SPACE_BEFORE = {"-", ",", ".", ";", ":", "?", "!", ")", "]", "'s", "n't", "%", "''", "'"}
NO_SPACE_AFTER = {"-", "(", "[", "$", "``", "#"}


def convert(path: Path, max_sentence: int) -> str:
    root = ET.parse(path).getroot()
    tokens = [t for t in root.iter("token") if int(t.get("sentence")) <= max_sentence]
    # Character offsets of each token in the text we build.
    text = ""
    offsets = {}
    previous = None
    for token in tokens:
        word = token.text or ""
        sentence = int(token.get("sentence"))
        if previous is not None:
            if sentence != previous[0]:
                text += "\n"
            elif word not in NO_SPACE_BEFORE and previous[1] not in NO_SPACE_AFTER:
                text += " "
        offsets[token.get("t_id")] = (len(text), len(text) + len(word))
        text += word
        previous = (sentence, word)
    timexes = []
    dct = None
    markables = root.find("Markables")
    for timex in markables.iter("TIMEX3") if markables is not None else []:
        anchors = [a.get("t_id") for a in timex.iter("token_anchor")]
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = timex.get("value")
        spans = [offsets[a] for a in anchors if a in offsets]
        if not spans or len(spans) != len(anchors):
            continue
        timexes.append((min(s for s, _ in spans), max(e for _, e in spans), timex))
    timexes.sort(key=lambda t: t[0])
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n']
    out.append(f"<DOCID>{html.escape(root.get('doc_id', path.stem))}</DOCID>\n")
    if dct:
        out.append(
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{html.escape(dct)}" '
            f'functionInDocument="CREATION_TIME">{html.escape(dct)}</TIMEX3></DCT>\n'
        )
    out.append("<TEXT>\n")
    at = 0
    for n, (start, end, timex) in enumerate(timexes, 1):
        if start < at:
            continue
        out.append(html.escape(text[at:start], quote=False))
        out.append(
            f'<TIMEX3 tid="t{n}" type="{html.escape(timex.get("type", ""))}" '
            f'value="{html.escape(timex.get("value", ""))}">'
        )
        out.append(html.escape(text[start:end], quote=False))
        out.append("</TIMEX3>")
        at = end
    out.append(html.escape(text[at:], quote=False))
    out.append("\n</TEXT>\n</TimeML>\n")
    return "".join(out)


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    max_sentence = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.xml")):
        (target / (path.stem + ".tml")).write_text(convert(path, max_sentence), encoding="utf-8")


if __name__ == "__main__":
    main()
