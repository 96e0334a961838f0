#!/usr/bin/env bash
# Schema-driven round trips: for every JSON body of every operation (success and error responses, request
# bodies) and every component schema the SDK declares a type for, of the corpus specs and the fixture specs,
# draws valid instances of its schema with hypothesis-jsonschema (seeded), decodes each with the generated SDK's
# type for it, encodes it again and compares the JSON (equal up to key order, absent optionals and number spelling, as `sdkgen conformance`
# compares). Prints a table per spec. Needs bash 4, python3 and network access to PyPI the first time.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: Scripts/roundtrip-check.sh [--all] [--only SUBSTRING] [--count N] [--bodies N] [--seed N]
                                  [--hang-guard S] [--markdown FILE] [--keep]

For each spec (Tests/Fixtures/features.yaml and schemas.yaml, ../shared/specs/edge/*, real/openrouter.yaml;
with --all also real/github.yaml and real/openrouter.yaml with its overlays): generates the SDK, writes the
round-trip program and manifest with `sdkgen round-trip`, compiles the program with the SDK once, draws up to
N instances of the schema of each JSON body and each component schema the SDK declares a type for (the
subjects; Scripts/roundtrip_instances.py, in a venv under .build/roundtrip-venv, created with
hypothesis-jsonschema when missing), runs the program over them, and prints a Markdown table: bodies,
component types, subjects sampled and drawn from, instances, failures. What is drawn depends only on the
options, never on the machine's speed. Failures listed in Scripts/roundtrip-known.tsv (a schema construct the
SDK maps lossily on purpose, see README "Round trips") are counted apart; subjects whose JSON Schema is over
40,000 characters, or listed in Scripts/roundtrip-skip.tsv, are not drawn from (reported with why).

Options:
  --all               Also the large rows CI leaves out: real/github.yaml, OpenRouter with its overlays.
  --only SUBSTRING    Only the rows whose label contains SUBSTRING.
  --count N           Instances drawn per subject, at most. Default: 10.
  --bodies N          Subjects drawn from per spec, sampled in a seeded order (0: all). Default: 150.
  --seed N            Hypothesis seed, and the sample's; the same seed draws the same instances. Default: 1.
  --hang-guard S      Seconds drawing from one subject may take; past them the check fails, naming the
                      subject (a hang guard, not a sampler: it decides nothing drawn). Default: 300.
  --markdown FILE     Also write the report to FILE.
  --keep              Keep the work folder and print its path.
  -h, --help          Show this message.

Exit status: 0 when every failure is a known one; 1 when an SDK or the program does not build, drawing
fails or passes the hang guard, or an instance fails that Scripts/roundtrip-known.tsv does not list; 2 on a
usage error.
EOF
}

all=false
only=""
count=10
bodies=150
seed=1
hang_guard=300
markdown=""
keep=false
venv_only=false
while [ $# -gt 0 ]; do
    case $1 in
        --all) all=true ;;
        --only) only=${2:?"--only needs a substring"}; shift ;;
        --count) count=${2:?}; shift ;;
        --seed) seed=${2:?}; shift ;;
        --bodies) bodies=${2:?}; shift ;;
        --hang-guard) hang_guard=${2:?}; shift ;;
        --markdown)
            markdown=${2:?"--markdown needs a file"}; shift
            [[ $markdown == /* ]] || markdown="$PWD/$markdown" ;;
        --keep) keep=true ;;
        --venv-only) venv_only=true ;;
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
# (Imported in the venv's folder: Hypothesis writes a cache into the current one.)
if ! (cd "$venv" 2>/dev/null && bin/python -c 'import hypothesis_jsonschema') 2>/dev/null; then
    log "creating $venv with hypothesis-jsonschema"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q "hypothesis>=6.100,<6.110" "hypothesis-jsonschema==0.23.1" >&2
fi
# (Scripts/fuzz.sh draws its seeds with the same venv.)
if $venv_only; then exit 0; fi

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

# Every row's SDK and program are targets of one package, built by one `swift build`: SwiftPM plans once and
# compiles the small SDKs side by side, meanwhile the instances are drawn.
pkg="$WORK/pkg"
mkdir -p "$pkg/Sources" "$WORK/tmp"
labels=()
modules=()
targets_swift=""

# add_row LABEL SPEC MODULE [sdkgen options…]: generates the SDK, the program and the manifest.
add_row() {
    local label=$1 spec=$2 module=$3
    shift 3
    [[ $label == *"$only"* ]] || return 0
    local dir="$WORK/rows/$module"
    mkdir -p "$dir" "$pkg/Sources/RoundTrip$module"
    log "$label: generating"
    if ! "$sdkgen" generate --no-config --spec "$spec" --output "$pkg/Sources" --module-name "$module" \
            --client-name "$module" "$@" >"$dir/generate.log" 2>&1 \
        || ! "$sdkgen" round-trip --no-config --spec "$spec" --module-name "$module" --client-name "$module" "$@" \
            --program "$pkg/Sources/RoundTrip$module/main.swift" --manifest "$dir/manifest.json" >>"$dir/generate.log" 2>&1; then
        failed=true
        rows+=("| $label | – | – | – | – | – | – | – | – | generation failed |")
        rm -rf "$pkg/Sources/RoundTrip$module" "$pkg/Sources/$module"
        return 0
    fi
    labels+=("$label")
    modules+=("$module")
    targets_swift+="        .target(name: \"$module\", path: \"Sources/$module\"),
        .executableTarget(name: \"RoundTrip$module\", dependencies: [\"$module\"], path: \"Sources/RoundTrip$module\"),
"
}

add_row "fixtures/features.yaml" Tests/Fixtures/features.yaml Features
add_row "fixtures/schemas.yaml" Tests/Fixtures/schemas.yaml Schemas
if [ -d "$specs_root" ]; then
    shopt -s nullglob
    for spec in $(printf '%s\n' "$specs_root"/edge/*.{json,yaml} | LC_ALL=C sort); do
        add_row "${spec#"$specs_root/"}" "$spec" "$(module_name "$spec")"
    done
    add_row real/openrouter.yaml "$specs_root/real/openrouter.yaml" Openrouter
    if $all; then
        add_row real/github.yaml "$specs_root/real/github.yaml" Github
        overlay_args=()
        for overlay in $(printf '%s\n' "$specs_root"/real/openrouter-overlays/*.yaml | LC_ALL=C sort); do
            overlay_args+=(--overlay "$overlay")
        done
        add_row "real/openrouter.yaml + $(( ${#overlay_args[@]} / 2 )) overlays" "$specs_root/real/openrouter.yaml" OpenrouterOverlays \
            "${overlay_args[@]}"
    fi
else
    log "$specs_root not found: only the fixture specs"
fi

cat >"$pkg/Package.swift" <<EOF
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "RoundTrips",
    targets: [
$targets_swift    ],
    swiftLanguageModes: [.v6]
)
EOF

# Drawing takes one core while the build takes the other.
draw_all() {
    local index
    for index in "${!modules[@]}"; do
        local dir="$WORK/rows/${modules[$index]}" started=$SECONDS
        # From the work folder, so that nothing Hypothesis writes lands in the repository.
        (cd "$WORK" && "$root/$venv/bin/python" "$root/Scripts/roundtrip_instances.py" "$dir/manifest.json" \
            "$dir/instances.txt" "$dir/summary.json" --count "$count" --seed "$seed" --bodies "$bodies" \
            --hang-guard "$hang_guard" --skip "$root/Scripts/roundtrip-skip.tsv" --spec "${labels[$index]}" \
            >"$dir/draw.log" 2>&1) || echo "failed" >"$dir/draw.failed"
        echo $((SECONDS - started)) >"$dir/draw.seconds"
    done
}
build_started=$SECONDS
if [ ${#modules[@]} -gt 0 ]; then
    log "drawing instances for ${#modules[@]} specs and compiling their SDKs and programs"
    draw_all &
    drawing=$!
    TMPDIR="$WORK/tmp" swift build --package-path "$pkg" --scratch-path "$pkg/.build" --manifest-cache local \
        >"$WORK/build.log" 2>&1 || true
    build_seconds=$((SECONDS - build_started))
    wait "$drawing" || true
    log "built in $build_seconds s; drawn in $((SECONDS - build_started)) s"
fi

for index in "${!modules[@]}"; do
    label=${labels[$index]}
    module=${modules[$index]}
    dir="$WORK/rows/$module"
    program="$pkg/.build/debug/RoundTrip$module"
    if [ ! -x "$program" ]; then
        failed=true
        rows+=("| $label | – | – | – | – | – | – | – | – | program does not compile |")
        failure_lines+=("- $label: $(grep -m 1 -E "Sources/(RoundTrip)?$module/.*error:" "$WORK/build.log" || grep -m 1 'error:' "$WORK/build.log" || echo 'see the build log')")
        continue
    fi
    if [ -f "$dir/draw.failed" ] || [ ! -f "$dir/summary.json" ]; then
        failed=true
        rows+=("| $label | – | – | – | – | – | – | – | – | drawing failed |")
        failure_lines+=("- $label: $(tail -n 1 "$dir/draw.log")")
        continue
    fi
    run_started=$SECONDS
    "$program" "$dir/instances.txt" >"$dir/run.log" 2>&1 || {
        failed=true
        rows+=("| $label | – | – | – | – | – | – | – | – | program crashed |")
        failure_lines+=("- $label: the program crashed: $(tail -n 3 "$dir/run.log" | tr '\n' ' ')")
        continue
    }
    seconds=$(( $(cat "$dir/draw.seconds") + SECONDS - run_started ))
    # Summaries: bodies, bodies drawn from, instances, failures (known and new), the failing labels.
    report=$(python3 - "$dir/summary.json" "$dir/run.log" "$known" "$label" <<'PY'
import fnmatch, json, sys
summary = json.load(open(sys.argv[1]))
spec = sys.argv[4]
known = []
try:
    for line in open(sys.argv[3], encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if line.strip() and not line.startswith("#") and len(parts) >= 4 and fnmatch.fnmatchcase(spec, parts[0]):
            known.append(parts)
except FileNotFoundError:
    pass
def known_reason(label, why):
    for spec_glob, label_glob, substring, reason in (k[:4] for k in known):
        if fnmatch.fnmatchcase(label, label_glob) and substring in why:
            return reason
    return None
tried = {}
failed = {}
for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if line.startswith("RESULT "):
        label, count, _ = line[7:].rsplit("\t", 2)
        tried[label] = int(count)
    elif line.startswith("FAIL "):
        label, why, instance = (line[5:].split("\t") + ["", ""])[:3]
        failed.setdefault((label, known_reason(label, why) or "NEW"), []).append((why, instance))
bodies = sum(1 for entry in summary if entry.get("kind") != "component")
components = len(summary) - bodies
sampled = sum(1 for entry in summary if entry.get("skipped") != "not sampled")
drawn = sum(1 for entry in summary if entry["drawn"] > 0)
failures = sum(len(v) for v in failed.values())
known_failures = sum(len(v) for (label, tag), v in failed.items() if tag != "NEW")
print(f"COUNTS\t{bodies}\t{components}\t{sampled}\t{drawn}\t{sum(tried.values())}\t{failures}\t{known_failures}")
for (label, tag), cases in sorted(failed.items()):
    why, instance = cases[0]
    tag = "NEW" if tag == "NEW" else "known: " + tag
    print(f"FAILED\t{tag}\t{label}: {len(cases)} of {tried.get(label, '?')} ({why[:300]}); e.g. {instance[:160]}")
reasons = {}
for entry in summary:
    if entry["drawn"] == 0 and entry.get("skipped") != "not sampled":
        reasons.setdefault(entry.get("skipped", "no instance"), []).append(entry["label"])
for reason, labels in sorted(reasons.items()):
    print(f"SKIPPED\t{len(labels)} subjects: {reason} ({', '.join(labels[:3])}{', …' if len(labels) > 3 else ''})")
PY
)
    read -r _ row_bodies components sampled drawn instances failures known_failures < <(grep '^COUNTS' <<<"$report" | tr '\t' ' ')
    result=ok
    if grep -q $'^FAILED\tNEW' <<<"$report"; then result="new failures"; failed=true
    elif [ "$failures" -gt 0 ]; then result="known failures only"; fi
    total_instances=$((total_instances + instances))
    total_failures=$((total_failures + failures))
    rows+=("| $label | $row_bodies | $components | $sampled | $drawn | $instances | $failures | $known_failures | $seconds | $result |")
    while IFS=$'\t' read -r _ tag text; do failure_lines+=("- $label ($tag): $text"); done < <(grep '^FAILED' <<<"$report" || true)
    while IFS=$'\t' read -r _ text; do skip_lines+=("- $label: $text"); done < <(grep '^SKIPPED' <<<"$report" || true)
    log "$label: $instances instances, $failures failures ($result)"
done

if [ ${#rows[@]} -eq 0 ]; then
    echo "roundtrip-check: no spec matches --only '$only'" >&2
    exit 2
fi
report="$WORK/report.md"
{
    echo "Round trips: up to $count instances per subject, $([ "$bodies" = 0 ] && echo "every subject" || echo "up to $bodies subjects per spec"), seed $seed."
    echo
    echo "| spec | JSON bodies | component types | subjects sampled | drawn from | instances | failures | of them known | seconds (draw + run) | result |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "Total: $total_instances instances, $total_failures failures; the SDKs and programs compiled in ${build_seconds:-0} s, while drawing."
    if [ ${#failure_lines[@]} -gt 0 ]; then
        echo
        echo "## Failures (the first instance of each body)"
        echo
        printf '%s\n' "${failure_lines[@]}"
    fi
    if [ ${#skip_lines[@]} -gt 0 ]; then
        echo
        echo "## Sampled subjects no instance was drawn for"
        echo
        printf '%s\n' "${skip_lines[@]}"
    fi
} >"$report"
cat "$report"
[ -z "$markdown" ] || cp "$report" "$markdown"
if $failed; then exit 1; fi
