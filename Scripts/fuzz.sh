#!/usr/bin/env bash
# Fuzzes sdkgen's Load → Document → Lint → Lower with libFuzzer (Sources/SDKGenFuzzer).
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: Scripts/fuzz.sh [--seconds N] [--max-len BYTES] [--rss-limit-mb MB] [--work DIR] [--no-asan]

Builds the SDKGenFuzzer product in release mode with -sanitize=fuzzer (and AddressSanitizer) and
-DFUZZING into its own scratch path, seeds a corpus from ../shared/specs and Tests/Fixtures (files up
to --max-len bytes, plus the first --max-len bytes of the larger ones), and fuzzes for N seconds.
Fuzzing goes on past a crash (one forked worker); crashes, timeouts and out-of-memory inputs are
written to WORK/findings/. Copy each one you fix to Tests/Fixtures/fuzz-regressions/, where
FuzzRegressionTests replays it. Prints libFuzzer's last progress line: executions, exec/s, crashes.

Options:
  --seconds N          How long to fuzz. Default: 1800.
  --max-len BYTES      Largest input libFuzzer makes. Default: 16384.
  --rss-limit-mb MB    Memory per input before libFuzzer reports an out-of-memory. Default: 2048.
  --timeout S          Seconds per input before libFuzzer reports a hang. Default: 10.
  --work DIR           Scratch folder (build, corpus, findings, log). Default: .build/fuzz.
  --no-asan            Build without AddressSanitizer (faster, catches less).
  -h, --help           Show this message.

Replay inputs with the ordinary build: swift run SDKGenFuzzer FILE-OR-FOLDER…
USAGE
}

seconds=1800
max_len=16384
rss_limit=2048
timeout=10
work=""
sanitizers="fuzzer,address"
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --max-len) max_len="$2"; shift 2 ;;
        --rss-limit-mb) rss_limit="$2"; shift 2 ;;
        --timeout) timeout="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --no-asan) sanitizers="fuzzer"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "fuzz.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
work="${work:-$root/.build/fuzz}"
mkdir -p "$work/corpus" "$work/findings"
work="$(cd "$work" && pwd)"

echo "== building SDKGenFuzzer (release, -sanitize=$sanitizers) into $work/build"
# lld, since gold stops with an internal error on the sanitized link.
swift build --package-path "$root" --scratch-path "$work/build" -c release --product SDKGenFuzzer \
    -Xswiftc "-sanitize=$sanitizers" -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
fuzzer="$(swift build --package-path "$root" --scratch-path "$work/build" -c release --show-bin-path)/SDKGenFuzzer"

echo "== seeding $work/corpus"
seed() {
    local file="$1" name
    name="seed-$(printf '%s' "$file" | sed 's|[^A-Za-z0-9._-]|_|g')"
    # libFuzzer ignores seeds over -max_len; the head of a big spec still teaches it the shapes.
    head -c "$max_len" "$file" >"$work/corpus/$name"
}
shopt -s nullglob globstar
for file in "$root"/../shared/specs/**/*.yaml "$root"/../shared/specs/**/*.json \
            "$root"/Tests/Fixtures/*.yaml "$root"/Tests/Fixtures/refs/**/*.yaml \
            "$root"/Tests/Fixtures/fuzz-regressions/* "$root"/spec/*.yaml; do
    seed "$file"
done
echo "$(ls "$work/corpus" | wc -l) corpus files"

echo "== fuzzing for $seconds s (log: $work/fuzz.log)"
status=0
# One forked worker, so that a crash is saved and fuzzing goes on for the whole duration.
"$fuzzer" "$work/corpus" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb="$rss_limit" -timeout="$timeout" \
    -dict="$root/Scripts/fuzz-openapi.dict" -artifact_prefix="$work/findings/" -print_final_stats=1 \
    >"$work/fuzz.log" 2>&1 || status=$?

echo "== result (exit status $status)"
# Fork mode reports progress as "#RUNS: cov: … exec/s: …" lines; the last one is the total.
grep -E '^(stat::|Done)' "$work/fuzz.log" || true
grep -E '^#[0-9]+: ' "$work/fuzz.log" | tail -n 1 || tail -n 20 "$work/fuzz.log"
findings=("$work"/findings/*)
echo "${#findings[@]} finding(s) in $work/findings"
for finding in "${findings[@]}"; do echo "  $finding"; done
exit "$status"
