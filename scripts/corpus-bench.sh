#!/usr/bin/env bash
# Times `chronograph build` end to end (read, annotate, merge, write) on a
# corpus folder with --jobs 1 and --jobs 2, and prints MB/s of input.
#
#   scripts/corpus-bench.sh [CORPUS_DIR]
#
# Default corpus: the TimeML corpus shared/corpora/tbaq (looked for beside the
# repository, then beside the main checkout when run from a git worktree); if
# absent, data/articles repeated into a temp folder. Uses hyperfine when
# installed (RUNS=N sets its runs, default 5), else /usr/bin/time (one run
# each, after one warm-up). Not part of the tests: run it by hand.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

corpus=${1:-}
if [[ -z $corpus ]]; then
    candidates=("$root/../shared/corpora/tbaq")
    if common=$(git -C "$root" rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
        candidates+=("$(dirname "$common")/../shared/corpora/tbaq")
    fi
    for candidate in "${candidates[@]}"; do
        if [[ -d $candidate ]]; then
            corpus=$candidate
            break
        fi
    done
fi
if [[ -z $corpus ]]; then
    # No shared corpus: data/articles, 40 copies (about 0.5 MB).
    corpus=$work/articles
    mkdir -p "$corpus"
    for i in $(seq -w 1 40); do
        for f in data/articles/*.txt; do
            cp "$f" "$corpus/$(basename "$f" .txt)-$i.txt"
        done
    done
fi
[[ -d $corpus ]] || { echo "corpus-bench: no such folder: $corpus" >&2; exit 2; }
corpus=$(cd "$corpus" && pwd)

echo "building release ..." >&2
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$root/target}/release/chronograph
[[ -x $bin ]] || { echo "corpus-bench: no binary at $bin" >&2; exit 2; }

# Input size: every file build reads (all files below, hidden ones left out).
listing=$(find "$corpus" -name '.*' -prune -o -type f -printf '%s\n')
bytes=$(awk '{s += $1} END {print s + 0}' <<<"$listing")
files=$(grep -c . <<<"$listing" || true)
cores=$(nproc)
echo "corpus: $corpus ($files files, $bytes bytes); $cores cores; $(date -u +%F)"

mbps() { awk -v b="$bytes" -v s="$1" 'BEGIN {printf "%.2f", b / 1e6 / s}'; }

declare -A seconds
for jobs in 1 2; do
    out=$work/out-$jobs
    cmd=("$bin" build "$corpus" --jobs "$jobs" --out "$out")
    if command -v hyperfine >/dev/null; then
        hyperfine --style basic --warmup 1 --runs "$runs" \
            --export-json "$work/h-$jobs.json" "$(printf '%q ' "${cmd[@]}") 2>/dev/null" >&2
        seconds[$jobs]=$(grep -m1 '"mean"' "$work/h-$jobs.json" | sed -E 's/.*:[[:space:]]*([0-9.eE+-]+).*/\1/')
    else
        "${cmd[@]}" 2>/dev/null # warm-up: page cache, output folder
        /usr/bin/time -f '%e %M' -o "$work/t-$jobs" "${cmd[@]}" 2>/dev/null
        read -r elapsed maxrss <"$work/t-$jobs"
        seconds[$jobs]=$elapsed
        echo "jobs $jobs: max RSS ${maxrss} KB" >&2
    fi
done

printf '%-8s %10s %10s\n' jobs seconds MB/s
for jobs in 1 2; do
    printf '%-8s %10.3f %10s\n' "$jobs" "${seconds[$jobs]}" "$(mbps "${seconds[$jobs]}")"
done
awk -v a="${seconds[1]}" -v b="${seconds[2]}" 'BEGIN {printf "speed-up jobs 2 vs 1: %.2fx\n", a / b}'
