#!/usr/bin/env bash
# Schema-driven round trips: for every JSON body of every operation (success and error responses, request
# bodies) of the corpus specs and the fixture specs, draws valid instances of its schema with
# hypothesis-jsonschema (seeded), decodes each with the generated SDK's type for it, encodes it again and
# compares the JSON (equal up to key order, absent optionals and number spelling, as `sdkgen conformance`
# compares). Prints a table per spec. Needs bash 4, python3 and network access to PyPI the first time.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: Scripts/roundtrip-check.sh [--all] [--only SUBSTRING] [--count N] [--seed N] [--budget S]
                                  [--spec-budget S] [--markdown FILE] [--keep]

For each spec (Tests/Fixtures/features.yaml and schemas.yaml, ../shared/specs/edge/*, real/openrouter.yaml;
with --all also real/github.yaml and real/openrouter.yaml with its overlays): generates the SDK, writes the
round-trip program and manifest with `sdkgen round-trip`, compiles the program with the SDK once, draws up to
N instances of each body's schema (Scripts/roundtrip_instances.py, in a venv under .build/roundtrip-venv,
created with hypothesis-jsonschema when missing), runs the program over them, and prints a Markdown table:
bodies, bodies drawn from, instances, failures. Failures listed in Scripts/roundtrip-known.tsv (a schema
construct the SDK maps lossily on purpose, see README "Round trips") are counted apart.

Options:
  --all               Also the large rows CI leaves out: real/github.yaml, OpenRouter with its overlays.
  --only SUBSTRING    Only the rows whose label contains SUBSTRING.
  --count N           Instances drawn per body, at most. Default: 10.
  --seed N            Hypothesis seed; the same seed draws the same instances. Default: 1.
  --budget S          Seconds of drawing per body, at most. Default: 2.
  --spec-budget S     Seconds of drawing per spec (0: none); the bodies are then sampled in a seeded order
                      and those past the budget are reported as not drawn. Default: 60.
  --markdown FILE     Also write the report to FILE.
  --keep              Keep the work folder and print its path.
  -h, --help          Show this message.

Exit status: 0 when every failure is a known one; 1 when an SDK or the program does not build, or an
instance fails that Scripts/roundtrip-known.tsv does not list; 2 on a usage error.
EOF
}

all=false
only=""
count=10
seed=1
budget=2
spec_budget=60
markdown=""
keep=false
while [ $# -gt 0 ]; do
    case $1 in
        --all) all=true ;;
        --only) only=${2:?"--only needs a substring"}; shift ;;
        --count) count=${2:?}; shift ;;
        --seed) seed=${2:?}; shift ;;
        --budget) budget=${2:?}; shift ;;
        --spec-budget) spec_budget=${2:?}; shift ;;
        --markdown)
            markdown=${2:?"--markdown needs a file"}; shift
            [[ $markdown == /* ]] || markdown="$PWD/$markdown" ;;
        --keep) keep=true ;;
        -h | --help) usage; exit 0 ;;
        *) echo "roundtrip-check: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
specs_root=../shared/specs
log() { echo "roundtrip-check: $*" >&2; }
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"

# hypothesis-jsonschema 0.23 uses internals that hypothesis removed after 6.1xx; the pair is pinned.
venv=.build/roundtrip-venv
if ! "$venv/bin/python" -c 'import hypothesis_jsonschema' 2>/dev/null; then
    log "creating $venv with hypothesis-jsonschema"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "hypothesis>=6.100,<6.110" "hypothesis-jsonschema==0.23.1" >&2
fi

SDKGEN="${SDKGEN:-$(swift build --show-bin-path)/sdkgen}"
if [ ! -x "$SDKGEN" ] || ! "$SDKGEN" round-trip --help >/dev/null 2>&1; then
    log "building sdkgen"
    swift build --product sdkgen >&2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/roundtrip-check.XXXXXX")
cleanup() { if $keep; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
sdkgen="$WORK/sdkgen"
cp "$SDKGEN" "$sdkgen"

# Known failures: spec label, body label, reason (tab-separated; # comments).
known="$root/Scripts/roundtrip-known.tsv"

rows=()
failure_lines=()
skip_lines=()
failed=false
total_instances=0
total_failures=0

module_name() {
    local base words word name=""
    base=$(basename "$1")
    IFS='-_. ' read -ra words <<<"${base%.*}"
    for word in "${words[@]}"; do name+=${word^}; done
    echo "$name"
}

# roundtrip LABEL SPEC MODULE [sdkgen options…]
roundtrip() {
    local label=$1 spec=$2 module=$3
    shift 3
    [[ $label == *"$only"* ]] || return 0
    local dir="$WORK/rows/${#rows[@]}-$module" started=$SECONDS
    mkdir -p "$dir/Sources/RoundTrip" "$dir/tmp"
    log "$label: generating"
    if ! "$sdkgen" generate --no-config --spec "$spec" --output "$dir/Sources" --module-name "$module" \
            --client-name "$module" "$@" >"$dir/generate.log" 2>&1 \
        || ! "$sdkgen" round-trip --no-config --spec "$spec" --module-name "$module" --client-name "$module" "$@" \
            --program "$dir/Sources/RoundTrip/main.swift" --manifest "$dir/manifest.json" >>"$dir/generate.log" 2>&1; then
        failed=true
        rows+=("| $label | – | – | – | – | – | generation failed |")
        return 0
    fi
    cat >"$dir/Package.swift" <<EOF
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "$module",
    targets: [
        .target(name: "$module", path: "Sources/$module"),
        .executableTarget(name: "RoundTrip", dependencies: ["$module"], path: "Sources/RoundTrip"),
    ],
    swiftLanguageModes: [.v6]
)
EOF
    # The instances are drawn while the program compiles: one core each.
    log "$label: drawing instances and compiling"
    local budget_args=(--count "$count" --seed "$seed" --budget "$budget" --total-budget "$spec_budget")
    "$venv/bin/python" Scripts/roundtrip_instances.py "$dir/manifest.json" "$dir/instances.txt" "$dir/summary.json" \
        "${budget_args[@]}" >"$dir/draw.log" 2>&1 &
    local drawing=$!
    local build_status=0 draw_status=0
    TMPDIR="$dir/tmp" swift build --package-path "$dir" --scratch-path "$dir/.build" --manifest-cache local \
        --product RoundTrip >"$dir/build.log" 2>&1 || build_status=$?
    wait "$drawing" || draw_status=$?
    if [ "$build_status" -ne 0 ]; then
        failed=true
        rows+=("| $label | – | – | – | – | $((SECONDS - started)) | program does not compile |")
        failure_lines+=("- $label: $(grep -m 1 'error:' "$dir/build.log" || tail -n 1 "$dir/build.log")")
        return 0
    fi
    if [ "$draw_status" -ne 0 ]; then
        failed=true
        rows+=("| $label | – | – | – | – | $((SECONDS - started)) | drawing failed |")
        failure_lines+=("- $label: $(tail -n 1 "$dir/draw.log")")
        return 0
    fi
    log "$label: decoding and re-encoding"
    "$dir/.build/debug/RoundTrip" "$dir/instances.txt" >"$dir/run.log" 2>&1 || {
        failed=true
        rows+=("| $label | – | – | – | – | $((SECONDS - started)) | program crashed |")
        failure_lines+=("- $label: the program crashed: $(tail -n 3 "$dir/run.log" | tr '\n' ' ')")
        return 0
    }
    # Summaries: bodies, bodies drawn from, instances, failures (known and new), the failing labels.
    local report
    report=$(python3 - "$dir/summary.json" "$dir/run.log" "$known" "$label" <<'PY'
import csv, json, sys
summary = json.load(open(sys.argv[1]))
spec = sys.argv[4]
known = {}
try:
    for line in open(sys.argv[3], encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 3 and parts[0] == spec:
                known[parts[1]] = parts[2]
except FileNotFoundError:
    pass
results, fails = {}, {}
for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if line.startswith("RESULT "):
        label, tried, passed = line[7:].rsplit("\t", 2)
        results[label] = (int(tried), int(passed))
    elif line.startswith("FAIL "):
        label, why, instance = (line[5:].split("\t") + ["", ""])[:3]
        fails.setdefault(label, []).append((why, instance))
bodies = len(summary)
drawn = sum(1 for entry in summary if entry["drawn"] > 0)
instances = sum(tried for tried, _ in results.values())
failures = sum(tried - passed for tried, passed in results.values())
known_failures = sum(tried - passed for label, (tried, passed) in results.items() if label in known)
print(f"COUNTS\t{bodies}\t{drawn}\t{instances}\t{failures}\t{known_failures}")
for label, (tried, passed) in sorted(results.items()):
    if tried != passed:
        why, instance = fails.get(label, [("", "")])[0]
        tag = "known: " + known[label] if label in known else "NEW"
        print(f"FAILED\t{tag}\t{label}: {tried - passed} of {tried} ({why}); e.g. {instance[:200]}")
reasons = {}
for entry in summary:
    if entry["drawn"] == 0:
        reasons.setdefault(entry.get("skipped", "no instance"), []).append(entry["label"])
for reason, labels in sorted(reasons.items()):
    print(f"SKIPPED\t{len(labels)} bodies: {reason} ({', '.join(labels[:3])}{', …' if len(labels) > 3 else ''})")
PY
)
    local bodies drawn instances failures known_failures
    read -r _ bodies drawn instances failures known_failures < <(grep '^COUNTS' <<<"$report" | tr '\t' ' ')
    local result=ok
    if grep -q $'^FAILED\tNEW' <<<"$report"; then result="new failures"; failed=true
    elif [ "$failures" -gt 0 ]; then result="known failures only"; fi
    total_instances=$((total_instances + instances))
    total_failures=$((total_failures + failures))
    rows+=("| $label | $bodies | $drawn | $instances | $failures | $known_failures | $((SECONDS - started)) | $result |")
    while IFS=$'\t' read -r _ tag text; do failure_lines+=("- $label ($tag): $text"); done < <(grep '^FAILED' <<<"$report" || true)
    while IFS=$'\t' read -r _ text; do skip_lines+=("- $label: $text"); done < <(grep '^SKIPPED' <<<"$report" || true)
    log "$label: $instances instances, $failures failures ($result)"
}

roundtrip "fixtures/features.yaml" Tests/Fixtures/features.yaml Features
roundtrip "fixtures/schemas.yaml" Tests/Fixtures/schemas.yaml Schemas
if [ -d "$specs_root" ]; then
    shopt -s nullglob
    for spec in $(printf '%s\n' "$specs_root"/edge/*.{json,yaml} | LC_ALL=C sort); do
        roundtrip "${spec#"$specs_root/"}" "$spec" "$(module_name "$spec")"
    done
    roundtrip real/openrouter.yaml "$specs_root/real/openrouter.yaml" Openrouter
    if $all; then
        roundtrip real/github.yaml "$specs_root/real/github.yaml" Github
        overlay_args=()
        for overlay in $(printf '%s\n' "$specs_root"/real/openrouter-overlays/*.yaml | LC_ALL=C sort); do
            overlay_args+=(--overlay "$overlay")
        done
        roundtrip "real/openrouter.yaml + ${#overlay_args[@]} overlays" "$specs_root/real/openrouter.yaml" Openrouter \
            "${overlay_args[@]}"
    fi
else
    log "$specs_root not found: only the fixture specs"
fi

if [ ${#rows[@]} -eq 0 ]; then
    echo "roundtrip-check: no spec matches --only '$only'" >&2
    exit 2
fi
report="$WORK/report.md"
{
    echo "Round trips: up to $count instances per body, seed $seed, $budget s per body, ${spec_budget} s per spec (0: no limit)."
    echo
    echo "| spec | JSON bodies | bodies drawn from | instances | failures | of them known | seconds | result |"
    echo "|---|--:|--:|--:|--:|--:|--:|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Total: $total_instances instances, $total_failures failures."
    if [ ${#failure_lines[@]} -gt 0 ]; then
        echo
        echo "## Failures (the first instance of each body)"
        echo
        printf '%s\n' "${failure_lines[@]}"
    fi
    if [ ${#skip_lines[@]} -gt 0 ]; then
        echo
        echo "## Bodies no instance was drawn for"
        echo
        printf '%s\n' "${skip_lines[@]}"
    fi
} >"$report"
cat "$report"
[ -z "$markdown" ] || cp "$report" "$markdown"
if $failed; then exit 1; fi
