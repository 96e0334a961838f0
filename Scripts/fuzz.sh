#!/usr/bin/env bash
# Fuzzes sdkgen's Load → Document → Lint → Lower with libFuzzer (Sources/SDKGenFuzzer), and the decoding of a
# generated SDK's types (Scripts/DecodeFuzzer, against the OpenRouter SDK).
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: Scripts/fuzz.sh [--target spec|decode|all] [--seconds N] [--max-len BYTES] [--rss-limit-mb MB]
                       [--work DIR] [--no-asan]

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

--target decode fuzzes the generated SDK's decoding instead (--target all, the default, does both, each
for N seconds): it generates the SDK of ../shared/specs/real/openrouter.yaml with the sdkgen of the ordinary
build, lists its JSON body and component types with `sdkgen round-trip`, builds Scripts/DecodeFuzzer against it in a
package of its own (WORK/decode), seeds it with instances of those types' schemas drawn by
Scripts/roundtrip_instances.py, replays Tests/Fixtures/decode-fuzz-regressions/ (stop on failure), and
fuzzes: an input's first two bytes pick a type, the rest is JSON decoded with it. Decoding may throw, never
crash or hang; a value that decodes must encode, decode from its encoding, and encode the same again.
Copy each decode finding you fix to Tests/Fixtures/decode-fuzz-regressions/ (its type index depends on
the spec; the file name should say the type).

Options for both:
  --target T           spec, decode or all. Default: all.

Replay inputs with the ordinary build: swift run SDKGenFuzzer FILE-OR-FOLDER…
USAGE
}

seconds=1800
max_len=16384
rss_limit=2048
timeout=10
work=""
sanitizers="fuzzer,address"
target=all
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="$2"; shift 2 ;;
        --max-len) max_len="$2"; shift 2 ;;
        --rss-limit-mb) rss_limit="$2"; shift 2 ;;
        --timeout) timeout="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --no-asan) sanitizers="fuzzer"; shift ;;
        --target) target="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "fuzz.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

case "$target" in spec|decode|all) ;; *) echo "fuzz.sh: --target is spec, decode or all" >&2; exit 2 ;; esac
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${work:-$root/.build/fuzz}"
mkdir -p "$work/corpus" "$work/findings"
work="$(cd "$work" && pwd)"
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
overall=0

fuzz_spec() {
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
    local status=0
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
    [ "$status" -eq 0 ] || overall=$status
}

# The decoding of the OpenRouter SDK's JSON body types (see --help).
fuzz_decode() {
    local spec="$root/../shared/specs/real/openrouter.yaml" decode="$work/decode" pkg sdkgen status=0
    if [ ! -f "$spec" ]; then
        echo "fuzz.sh: $spec not found; the decoding target needs the shared spec corpus" >&2
        overall=2
        return
    fi
    pkg="$decode/pkg"
    mkdir -p "$pkg/Sources/DecodeFuzzer" "$pkg/Sources/CLibFuzzer/include" "$decode/corpus" "$decode/findings"
    echo "== generating the OpenRouter SDK into $pkg"
    swift build --package-path "$root" --product sdkgen
    sdkgen="$(swift build --package-path "$root" --show-bin-path)/sdkgen"
    rm -rf "$pkg/Sources/Openrouter"
    "$sdkgen" generate --no-config --spec "$spec" --output "$pkg/Sources" --module-name Openrouter --client-name Openrouter \
        2>"$decode/generate.log"
    "$sdkgen" round-trip --no-config --spec "$spec" --module-name Openrouter --client-name Openrouter \
        --program "$decode/roundtrip-main.swift" --manifest "$decode/manifest.json"
    cp "$root"/Scripts/DecodeFuzzer/*.swift "$pkg/Sources/DecodeFuzzer/"
    cp "$root/Sources/CLibFuzzer/CLibFuzzer.c" "$pkg/Sources/CLibFuzzer/"
    cp "$root/Sources/CLibFuzzer/include/CLibFuzzer.h" "$pkg/Sources/CLibFuzzer/include/"
    # The types, in one order for the decoders and the seeds; a dictionary of the schemas' property names.
    python3 - "$decode/manifest.json" "$pkg/Sources/DecodeFuzzer/Decoders.swift" "$decode/types.json" "$decode/json.dict" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
types = sorted({t["swiftType"] for t in manifest["targets"]})
with open(sys.argv[2], "w") as f:
    f.write("// Written by Scripts/fuzz.sh from `sdkgen round-trip`'s manifest.\nimport Openrouter\n\n")
    f.write("let decoders: [FuzzedType] = [\n" + "".join(f"    FuzzedType({t}.self),\n" for t in types) + "]\n")
json.dump({"types": types, "labels": {t["label"]: types.index(t["swiftType"]) for t in manifest["targets"]}}, open(sys.argv[3], "w"))
names = set()
def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                names.update(value)
            if key == "enum" and isinstance(value, list):
                names.update(v for v in value if isinstance(v, str))
            walk(value)
    elif isinstance(node, list):
        for value in node:
            walk(value)
walk(manifest["document"].get("components", {}))
with open(sys.argv[4], "w") as f:
    for name in sorted(names):
        if name.isascii() and name.isprintable() and len(name) < 64:
            f.write(json.dumps(json.dumps(name)) + "\n")
    for token in ["{", "}", "[", "]", ":", ",", "null", "true", "false", "0", "-1", "1e308", "\"\""]:
        f.write(json.dumps(token) + "\n")
PY
    cat >"$pkg/Package.swift" <<'SWIFT'
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "DecodeFuzzer",
    targets: [
        .target(name: "Openrouter", path: "Sources/Openrouter"),
        .target(name: "CLibFuzzer"),
        .executableTarget(name: "DecodeFuzzer", dependencies: ["Openrouter", "CLibFuzzer"]),
    ],
    swiftLanguageModes: [.v6]
)
SWIFT
    echo "== building DecodeFuzzer (release, -sanitize=$sanitizers) into $decode/build"
    swift build --package-path "$pkg" --scratch-path "$decode/build" -c release --product DecodeFuzzer \
        -Xswiftc "-sanitize=$sanitizers" -Xswiftc -DFUZZING -Xswiftc -use-ld=lld
    local fuzzer
    fuzzer="$(swift build --package-path "$pkg" --scratch-path "$decode/build" -c release --show-bin-path)/DecodeFuzzer"

    echo "== seeding $decode/corpus with instances of the schemas"
    "$root/Scripts/roundtrip-check.sh" --venv-only
    (cd "$decode" && "$root/.build/roundtrip-venv/bin/python" "$root/Scripts/roundtrip_instances.py" "$decode/manifest.json" \
        "$decode/instances.txt" "$decode/instances-summary.json" --count 5 --bodies 300 --hang-guard 120 >/dev/null 2>&1) || true
    python3 - "$decode/types.json" "$decode/instances.txt" "$decode/corpus" <<'PY'
import json, os, sys
labels = json.load(open(sys.argv[1]))["labels"]
for number, line in enumerate(open(sys.argv[2], encoding="utf-8")):
    label, _, text = line.rstrip("\n").partition("\t")
    if label in labels:
        with open(os.path.join(sys.argv[3], f"seed-{number}"), "wb") as f:
            f.write(labels[label].to_bytes(2, "big") + text.encode("utf-8"))
PY
    echo "$(ls "$decode/corpus" | wc -l) corpus files"

    local regressions=("$root"/Tests/Fixtures/decode-fuzz-regressions/*)
    if [ ${#regressions[@]} -gt 0 ]; then
        echo "== replaying ${#regressions[@]} regression input(s)"
        "$fuzzer" "${regressions[@]}" >"$decode/replay.log" 2>&1 || { tail -n 30 "$decode/replay.log"; overall=1; return; }
    fi

    echo "== fuzzing decoding for $seconds s (log: $decode/fuzz.log)"
    "$fuzzer" "$decode/corpus" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -max_len="$max_len" -rss_limit_mb="$rss_limit" -timeout="$timeout" \
        -dict="$decode/json.dict" -artifact_prefix="$decode/findings/" -print_final_stats=1 \
        >"$decode/fuzz.log" 2>&1 || status=$?
    echo "== decoding result (exit status $status)"
    grep -E '^(stat::|Done)' "$decode/fuzz.log" || true
    grep -E '^#[0-9]+: ' "$decode/fuzz.log" | tail -n 1 || tail -n 20 "$decode/fuzz.log"
    local findings=("$decode"/findings/*)
    echo "${#findings[@]} finding(s) in $decode/findings"
    for finding in "${findings[@]}"; do echo "  $finding"; done
    [ "$status" -eq 0 ] || overall=$status
}

shopt -s nullglob globstar
case "$target" in
    spec) fuzz_spec ;;
    decode) fuzz_decode ;;
    all) fuzz_spec; fuzz_decode ;;
esac
exit "$overall"
