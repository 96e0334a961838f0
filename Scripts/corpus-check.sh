#!/usr/bin/env bash
# Generates an SDK from every OpenAPI document of the shared corpus (../shared/specs, see its README.md),
# compiles each one as a Swift 6 package, and prints a Markdown table of what happened. The bar the
# corpus README sets is that every generated SDK compiles with zero errors; this script also holds it
# to zero compiler warnings, and the OpenRouter client to streaming a chat completion and uploading a
# file against a loopback server (Scripts/OpenRouterClientCheck). Needs bash 4 or later.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: Scripts/corpus-check.sh [--report-only] [--only SUBSTRING] [--markdown FILE] [--keep]

For each document in ../shared/specs (real/*, edge/*; the overlay files are applied, not checked on
their own): generate the SDK with sdkgen, compile it with `swift build` (debug, Swift 6 language mode),
and print a Markdown table of the counts, timings and diagnostics, then the first compiler errors of
each SDK that failed. real/openrouter.yaml gets a second row with its overlays applied, in file-name
order, when sdkgen has the --overlay option. Every SDK that compiles is checked against its spec's JSON
response and request-body examples (`sdkgen conformance`: reported per row and listed, not failed on), and the OpenRouter
SDK (without overlays), by the program in Scripts/OpenRouterClientCheck, against a loopback server: it
must stream a chat completion and upload a multipart file. The overlaid OpenRouter SDK is counted against the official Go
SDK's methods in ../shared/reference (by group and name; SpeakeasyParityTests also checks their arguments). The
documentation of every SDK that compiles is built with DocC from the compiled module's symbol graph, and its
warnings (doc-comment links that do not resolve, mostly) are counted: reported, not failed on.

Options:
  --report-only       Always exit 0 (to collect figures while the generator is still being fixed).
  --only SUBSTRING    Check only the rows whose label contains SUBSTRING, e.g. `github`, `edge/`,
                      `overlays`.
  --markdown FILE     Also write the report to FILE.
  --keep              Keep the work folder (generated SDKs, build logs) and print its path.
  -h, --help          Show this message.

Environment:
  SDKGEN              The sdkgen executable to use. Default: the one in `swift build --show-bin-path`,
                      built with `swift build --product sdkgen` when missing.

Exit status: 0 when every SDK generates and compiles with no error and no warning and the OpenRouter
client check passes (or with --report-only); 1 otherwise; 2 on a usage error. Without ../shared/specs
(a fresh clone) it prints a note and exits 0.
EOF
}

report_only=false
only=""
markdown=""
keep=false
while [ $# -gt 0 ]; do
    case $1 in
        --report-only) report_only=true ;;
        --only) only=${2:?"--only needs a substring"}; shift ;;
        --markdown)
            # Resolved now, before the cd below, so that a relative path means the caller's folder.
            markdown=${2:?"--markdown needs a file"}; shift
            [[ $markdown == /* ]] || markdown="$PWD/$markdown" ;;
        --keep) keep=true ;;
        -h | --help) usage; exit 0 ;;
        *) echo "corpus-check: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
specs_root=../shared/specs
overlays_dir=$specs_root/real/openrouter-overlays
reference_methods=$specs_root/../reference/openrouter-go-sdk-methods.txt

if [ ! -d "$specs_root" ]; then
    echo "corpus-check: $specs_root not found (a fresh clone has no spec corpus); nothing to check."
    exit 0
fi

log() { echo "corpus-check: $*" >&2; }

if [ -z "${SDKGEN:-}" ]; then
    SDKGEN="$(swift build --show-bin-path)/sdkgen"
    if [ ! -x "$SDKGEN" ]; then
        log "building sdkgen"
        swift build --product sdkgen >&2
    fi
fi
if [ ! -x "$SDKGEN" ]; then
    echo "corpus-check: SDKGEN=$SDKGEN is not an executable" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/corpus-check.XXXXXX")
cleanup() {
    if $keep; then log "work folder kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# A copy of the tool, so that a rebuild during the run (by a developer, or the next CI step) cannot change
# the generator between two rows; its templates are compiled in. The tool's libraries are found through
# absolute runpaths.
sdkgen="$WORK/sdkgen"
cp "$SDKGEN" "$sdkgen"
log "using $SDKGEN ($(date -r "$SDKGEN" '+built %Y-%m-%d %H:%M'))"
if [ -n "$(find Sources Templates \( -name '*.swift' -o -name '*.mustache' \) -newer "$SDKGEN" -print -quit)" ]; then
    log "warning: $SDKGEN is older than Sources/ or Templates/; rebuild it (swift build --product sdkgen) for figures that match the working tree"
fi

# measure OUT COMMAND...: runs COMMAND (its output goes where the caller redirects it) and writes
# "<wall seconds> <peak resident KiB>" as the last line of OUT; returns COMMAND's status. The peak
# is the largest single process's (the rusage of children), as GNU time's %M reports it. Without
# GNU time (macOS, minimal images) Python's getrusage gives the same figure.
if /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
    measure() {
        local out=$1
        shift
        /usr/bin/time -o "$out" -f '%e %M' "$@"
    }
else
    measure() {
        python3 -c '
import resource, subprocess, sys, time
start = time.monotonic()
status = subprocess.call(sys.argv[2:])
elapsed = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    peak //= 1024  # bytes there, KiB on Linux
with open(sys.argv[1], "w") as out:
    out.write(f"{elapsed:.2f} {peak}\n")
sys.exit(status if status >= 0 else 128 - status)
' "$@"
    }
fi

# Operations and schemas are counted in the document when PyYAML is there, else in the generated
# code (which shows what the generator made of the document, not what the document holds).
# counts SPEC SOURCES prints "<operations> <schemas>", or "? ?" when they cannot be counted.
if python3 -c 'import yaml' 2>/dev/null; then
    counted_in="the document (without its overlays): operations are path + method pairs, schemas are \`components.schemas\` entries"
    counts() {
        python3 - "$1" <<'EOF' 2>/dev/null || echo "? ?"
import sys, yaml
METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
with open(sys.argv[1], "rb") as f:
    doc = yaml.load(f, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
paths = doc.get("paths") or {}
operations = sum(1 for item in paths.values() if isinstance(item, dict) for key in item if key in METHODS)
print(operations, len((doc.get("components") or {}).get("schemas") or {}))
EOF
    }
else
    counted_in="the generated code (PyYAML is not installed): operations are \`public func\` lines in \`APIs/*.swift\`, schemas are files in \`Models/\`"
    counts() {
        local sources=$2
        if [ -d "$sources" ]; then
            echo "$(cat "$sources"/APIs/*.swift 2>/dev/null | grep -c 'public func' || true)" \
                "$(find "$sources" -path '*/Models/*.swift' | wc -l)"
        else
            echo "? ?"
        fi
    }
fi

count_lines() { grep -cE -- "$1" "$2" || true; }

# The compiler's diagnostics (lines that start with their location; the indented copies under the
# source excerpts are not counted) and SwiftPM's own (`error: ` at the start of a line, such as two
# files of one name). swift build repeats each compiler diagnostic for every file of the batch it
# compiled in, so they are deduplicated (first occurrence order kept), and the work folder's prefix
# is cut so that the report reads Module/APIs/File.swift:line:col.
unique_diagnostics() {
    local kind=$1 log=$2 prefix=$3
    grep -E "^([^ ].*:[0-9]+:[0-9]+: )?$kind: " "$log" \
        | awk -v p="$prefix" 'index($0, p) == 1 { $0 = substr($0, length(p) + 1) } !seen[$0]++' || true
}

# UpperCamelCase of the file name's words: createapi-petstore.yaml -> CreateapiPetstore.
module_name() {
    local base words word name=""
    base=$(basename "$1")
    IFS='-_. ' read -ra words <<<"${base%.*}"
    for word in "${words[@]}"; do name+=${word^}; done
    echo "$name"
}

# Appends a fenced block of diagnostics under a heading to the report's details.
detail() {
    local heading=$1 body=$2
    printf '### %s\n\n```\n%s\n```\n\n' "$heading" "${body:-(no output)}" >>"$details"
}

rows=()
conformance_lines=()
parity_lines=()
client_lines=()
docc_lines=()
# The symbol graphs of the compiled SDKs are extracted for this machine's target.
target_triple=$(swiftc -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["target"]["triple"])')
details="$WORK/details.md"
: >"$details"
failed=false

# check LABEL SPEC DIR MODULE [--overlay FILE]...: generates, compiles and adds one table row.
check() {
    local label=$1 spec=$2 dir=$3 module=$4
    shift 4
    local operations schemas gen_status=0 gen_warnings gen_errors gen_seconds
    mkdir -p "$dir"

    log "$label: generating"
    # --no-config: this repository's sdkgen.yaml, in the current folder, is for its own SDK. The client is
    # named like the module, as Scripts/OpenRouterClientCheck expects.
    measure "$dir/generate.time" "$sdkgen" generate --no-config --spec "$spec" \
        --output "$dir/Sources" --module-name "$module" --client-name "$module" "$@" >"$dir/generate.out" 2>"$dir/generate.err" \
        || gen_status=$?
    # Located (file:line:col: error: …) or not (a missing template).
    gen_warnings=$(count_lines '(^|: )warning: ' "$dir/generate.err")
    gen_errors=$(count_lines '(^|: )error: ' "$dir/generate.err")
    gen_seconds=$(tail -n 1 "$dir/generate.time" | awk '{ printf "%.1f", $1 }')
    read -r operations schemas < <(counts "$spec" "$dir/Sources/$module")
    local row="| $label | $operations | $schemas | $gen_warnings | $gen_errors | $gen_seconds"

    if [ "$gen_status" -ne 0 ]; then
        failed=true
        log "$label: generation failed"
        rows+=("$row | – | – | – | – | – | – | – | generation failed |")
        # The generator's errors say why; when it crashed without one, the end of its output does.
        if [ "$gen_errors" -gt 0 ]; then
            detail "$label: generation failed (exit $gen_status)" "$(grep -E '(^|: )error: ' "$dir/generate.err" | head -n 20)"
        else
            detail "$label: generation failed (exit $gen_status)" "$(tail -n 20 "$dir/generate.err")"
        fi
        return
    fi

    cat >"$dir/Package.swift" <<EOF
// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "$module",
    products: [.library(name: "$module", targets: ["$module"])],
    targets: [.target(name: "$module", path: "Sources/$module")],
    swiftLanguageModes: [.v6]
)
EOF
    log "$label: compiling"
    local build_status=0 errors warnings error_count warning_count build_seconds peak_gb result
    # SwiftPM leaves lock files and temporary folders in TMPDIR, so it gets one under $WORK; the
    # manifest cache is then kept local too, lest the shared one be used without its lock.
    mkdir -p "$dir/tmp"
    TMPDIR="$dir/tmp" measure "$dir/build.time" swift build --package-path "$dir" \
        --scratch-path "$dir/.build" --manifest-cache local >"$dir/build.log" 2>&1 || build_status=$?
    errors=$(unique_diagnostics error "$dir/build.log" "$dir/Sources/")
    warnings=$(unique_diagnostics warning "$dir/build.log" "$dir/Sources/")
    error_count=$(grep -c . <<<"$errors" || true)
    warning_count=$(grep -c . <<<"$warnings" || true)
    read -r build_seconds peak_gb < <(tail -n 1 "$dir/build.time" | awk '{ printf "%.1f %.2f\n", $1, $2 / 1048576 }')

    if [ "$build_status" -ne 0 ] || [ "$error_count" -gt 0 ]; then
        result="compile failed"
        # Without an error line (a compiler crash) the end of the log says why.
        if [ "$error_count" -gt 0 ]; then
            detail "$label: compile failed ($error_count unique errors, first 20)" "$(head -n 20 <<<"$errors")"
        else
            detail "$label: compile failed (exit $build_status)" "$(tail -n 20 "$dir/build.log")"
        fi
    elif [ "$warning_count" -gt 0 ]; then
        result="compile warnings"
        detail "$label: $warning_count unique compiler warnings (first 20)" "$(head -n 20 <<<"$warnings")"
    else
        result="ok"
    fi
    [ "$result" = ok ] || failed=true
    log "$label: $result"
    conformance_cell="–"
    request_conformance_cell="–"
    docc_cell="–"
    if [ "$result" != "compile failed" ]; then
        documentation "$label" "$dir" "$module"
        conformance "$label" "$spec" "$dir" "$module" "$@"
    fi
    rows+=("$row | $build_seconds | $peak_gb | $error_count | $warning_count | $docc_cell | $conformance_cell | $request_conformance_cell | $result |")
}

# documentation LABEL DIR MODULE: after `check` compiled the SDK in DIR, extracts its public symbol graph from the
# compiled module (no second build) and converts it with DocC, without a catalog, as a package's documentation
# would be built. Sets docc_cell to the number of DocC's warnings and lists the most frequent; a failure of either
# tool is reported in the cell. Reported, not failed on: package-check.sh holds the ModelGates SDK to zero.
documentation() {
    local label=$1 dir=$2 module=$3 count
    log "$label: building the documentation"
    mkdir -p "$dir/symbol-graphs"
    if ! swift-symbolgraph-extract -module-name "$module" -target "$target_triple" -I "$dir/.build/debug/Modules" \
        -minimum-access-level public -output-dir "$dir/symbol-graphs" >"$dir/docc.log" 2>&1; then
        docc_cell="no symbol graph"
        docc_lines+=("- $label: swift-symbolgraph-extract failed: $(grep -m 1 'error:' "$dir/docc.log" || tail -n 1 "$dir/docc.log")")
        return 0
    fi
    if ! docc convert --additional-symbol-graph-dir "$dir/symbol-graphs" --fallback-display-name "$module" \
        --fallback-bundle-identifier "corpus.$module" --output-path "$dir/$module.doccarchive" \
        --diagnostics-file "$dir/docc-diagnostics.json" >>"$dir/docc.log" 2>&1; then
        docc_cell="docc failed"
        docc_lines+=("- $label: docc failed: $(tail -n 1 "$dir/docc.log")")
        return 0
    fi
    count=$(python3 -c 'import json, sys; print(sum(1 for d in json.load(open(sys.argv[1]))["diagnostics"] if d["severity"] in ("warning", "error")))' "$dir/docc-diagnostics.json")
    docc_cell=$count
    if [ "$count" -gt 0 ]; then
        docc_lines+=("- $label: $count DocC warnings, the most frequent:")
        while IFS= read -r line; do
            docc_lines+=("  - $line")
        done < <(python3 -c 'import collections, json, sys
for summary, n in collections.Counter(d["summary"] for d in json.load(open(sys.argv[1]))["diagnostics"] if d["severity"] in ("warning", "error")).most_common(5):
    print(f"{n}× {summary}")' "$dir/docc-diagnostics.json")
    fi
}

# parity LABEL DIR MODULE: counts the official Go SDK's methods (`APIKeys.Create`) that the SDK in DIR has as
# `client.apiKeys.create`: a function of that name in the group's file, both compared case-insensitively.
parity() {
    local label=$1 dir=$2 module=$3 group method file found=0 total=0 missing=()
    [ -f "$reference_methods" ] || return 0
    while IFS=. read -r group method; do
        [ -n "$group" ] || continue
        total=$((total + 1))
        file=$(find "$dir/Sources/$module/APIs" -maxdepth 1 -iname "${group}API.swift" | head -n 1)
        if [ -n "$file" ] && grep -qiE "^    (public |package )?func ${method}\(" "$file"; then
            found=$((found + 1))
        else
            missing+=("$group.$method")
        fi
    done <"$reference_methods"
    parity_lines+=("- $label: $found of $total methods of the official Go SDK")
    [ ${#missing[@]} -eq 0 ] || parity_lines+=("  - missing: ${missing[*]}")
}

# C collation: the same order on every machine, and the overlays' order is part of their meaning.
sorted() { [ $# -eq 0 ] || printf '%s\n' "$@" | LC_ALL=C sort; }
# conformance LABEL SPEC DIR MODULE [--overlay FILE]...: after `check` compiled the SDK in DIR, builds and
# runs the program `sdkgen conformance` writes, which decodes every JSON response and request-body example of
# the spec with the SDK's types and compares the re-encoded JSON. Sets conformance_cell (responses) and
# request_conformance_cell (request bodies) to "passed/tried" ("none" without examples) and adds the summaries
# and failures (or why it could not run) to the report; the examples are the spec's, so a failure does not fail
# the run: each is listed, to be shown the example's defect or fixed.
conformance() {
    local label=$1 spec=$2 dir=$3 module=$4 summary request_summary
    shift 4
    [ -d "$dir/Sources/$module" ] || return 0
    log "$label: checking the spec's examples"
    mkdir -p "$dir/Sources/Conformance"
    if ! "$sdkgen" conformance --no-config --spec "$spec" --module-name "$module" --client-name "$module" "$@" \
        --program "$dir/Sources/Conformance/main.swift" 2>"$dir/conformance.err"; then
        conformance_cell="not written"
        request_conformance_cell="not written"
        conformance_lines+=("- $label: the conformance program could not be written: $(tail -n 1 "$dir/conformance.err")")
        return 0
    fi
    if ! grep -q '^checker.check(' "$dir/Sources/Conformance/main.swift"; then
        conformance_cell="none"
        request_conformance_cell="none"
        return 0
    fi
    echo "package.targets.append(.executableTarget(name: \"Conformance\", dependencies: [\"$module\"], path: \"Sources/Conformance\"))" \
        >>"$dir/Package.swift"
    if ! TMPDIR="$dir/tmp" swift build --package-path "$dir" --scratch-path "$dir/.build" --manifest-cache local \
        --product Conformance >"$dir/conformance-build.log" 2>&1; then
        conformance_cell="does not compile"
        request_conformance_cell="does not compile"
        conformance_lines+=("- $label: the conformance program does not compile: $(grep -m 1 'error:' "$dir/conformance-build.log")")
        return 0
    fi
    "$dir/.build/debug/Conformance" >"$dir/conformance.log" 2>&1 || true
    summary=$(grep ' of .* response examples decoded' "$dir/conformance.log" | tail -n 1 || true)
    request_summary=$(grep ' of .* request examples decoded' "$dir/conformance.log" | tail -n 1 || true)
    conformance_cell=$(awk '{ print ($3 == 0 ? "none" : $1 "/" $3) }' <<<"$summary")
    request_conformance_cell=$(awk '{ print ($3 == 0 ? "none" : $1 "/" $3) }' <<<"$request_summary")
    conformance_cell=${conformance_cell:-"did not finish"}
    request_conformance_cell=${request_conformance_cell:-"did not finish"}
    conformance_lines+=("- $label: ${summary:-did not finish}; ${request_summary:-did not finish}")
    while IFS= read -r failure; do
        conformance_lines+=("  - ${failure#FAIL }")
    done < <(grep '^FAIL ' "$dir/conformance.log" | head -n 20)
}

# client_check LABEL DIR MODULE: after `check` compiled the SDK in DIR, builds the program in
# Scripts/OpenRouterClientCheck against it and FlyingFox, and runs it: it plays OpenRouter on a loopback
# port and checks that the client streams a chat completion and uploads a multipart file. Unlike the
# conformance lines, which report what the spec's own examples are worth, a failure here is the
# generated client's, so it fails the run.
client_check() {
    local label=$1 dir=$2 module=$3 status=0 summary
    [ -d "$dir/Sources/$module" ] || return 0
    log "$label: checking the client against a loopback server"
    # The program's sources say `import Openrouter`, the name module_name gives real/openrouter.yaml.
    if [ "$module" != Openrouter ]; then
        failed=true
        client_lines+=("- $label: the client check imports Openrouter, but the module is $module")
        return 0
    fi
    mkdir -p "$dir/Sources/OpenRouterClientCheck"
    cp Scripts/OpenRouterClientCheck/*.swift "$dir/Sources/OpenRouterClientCheck/"
    cat >>"$dir/Package.swift" <<'EOF'
package.dependencies.append(.package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"))
package.targets.append(.executableTarget(
    name: "OpenRouterClientCheck",
    dependencies: ["Openrouter", .product(name: "FlyingFox", package: "FlyingFox")],
    path: "Sources/OpenRouterClientCheck"
))
EOF
    if ! TMPDIR="$dir/tmp" swift build --package-path "$dir" --scratch-path "$dir/.build" --manifest-cache local \
        --product OpenRouterClientCheck >"$dir/client-check-build.log" 2>&1; then
        failed=true
        log "$label: the client check does not build"
        client_lines+=("- $label: the client check does not build: $(grep -m 1 'error:' "$dir/client-check-build.log" || tail -n 1 "$dir/client-check-build.log")")
        return 0
    fi
    "$dir/.build/debug/OpenRouterClientCheck" >"$dir/client-check.log" 2>&1 || status=$?
    summary=$(tail -n 1 "$dir/client-check.log")
    if [ "$status" -ne 0 ]; then
        failed=true
        log "$label: client check failed"
    fi
    client_lines+=("- $label: ${summary:-(no output, exit $status)}")
    # A failure's message can span lines (a response body); the report keeps the first.
    while IFS= read -r failure; do
        client_lines+=("  - ${failure#FAIL }")
    done < <(grep '^FAIL ' "$dir/client-check.log" | head -n 20)
}

shopt -s nullglob
mapfile -t specs < <(sorted "$specs_root"/edge/*.{json,yaml} "$specs_root"/real/*.{json,yaml})
mapfile -t overlays < <(sorted "$overlays_dir"/*.yaml)
sdkgen_help=$("$sdkgen" generate --help 2>&1 || true)

for spec in "${specs[@]}"; do
    label=${spec#"$specs_root/"}
    module=$(module_name "$spec")
    if [[ $label == *"$only"* ]]; then
        check "$label" "$spec" "$WORK/$module" "$module"
        if [ "$label" = real/openrouter.yaml ]; then
            client_check "$label" "$WORK/$module" "$module"
        fi
    fi
    # The overlays are what the API's own SDK pipeline applies to this document before generating.
    if [ "$label" = real/openrouter.yaml ] && [ ${#overlays[@]} -gt 0 ]; then
        label="$label + ${#overlays[@]} overlays"
        [[ $label == *"$only"* ]] || continue
        if [[ $sdkgen_help != *--overlay* ]]; then
            rows+=("| $label | – | – | – | – | – | – | – | – | – | – | – | skipped (no --overlay support) |")
            continue
        fi
        overlay_args=()
        for overlay in "${overlays[@]}"; do overlay_args+=(--overlay "$overlay"); done
        check "$label" "$spec" "$WORK/$module-overlays" "$module" "${overlay_args[@]}"
        if [ -d "$WORK/$module-overlays/Sources/$module/APIs" ]; then
            parity "$label" "$WORK/$module-overlays" "$module"
        fi
    fi
done

if [ ${#rows[@]} -eq 0 ]; then
    echo "corpus-check: no spec matches --only '$only'" >&2
    exit 2
fi

report="$WORK/report.md"
{
    echo "| spec | operations¹ | schemas¹ | generator warnings | generator errors | generation (s) | compile (s) | peak compile memory (GB)² | compile errors³ | compile warnings³ | DocC warnings⁵ | examples round-tripped⁴ | request examples round-tripped⁴ | result |"
    echo "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|"
    printf '%s\n' "${rows[@]}"
    echo
    echo "¹ Counted in $counted_in."
    echo "² Of the largest process of \`swift build\` (debug, Swift 6 language mode); the compile time includes the manifest's."
    echo "³ Unique diagnostics of the compiler (\`file:line:col: error: …\`) and of SwiftPM."
    echo "⁴ The spec's JSON response (request-body) examples that decode with the generated type and re-encode to equal JSON, of all (\`sdkgen conformance\`; \"none\": the spec has none)."
    echo "⁵ Of \`docc convert\` on the public symbol graph of the compiled module (doc-comment links that do not resolve, mostly)."
    if [ ${#docc_lines[@]} -gt 0 ]; then
        echo
        echo "## Documentation: DocC's warnings"
        echo
        printf '%s\n' "${docc_lines[@]}"
    fi
    if [ ${#conformance_lines[@]} -gt 0 ]; then
        echo
        echo "## Spec conformance: the spec's JSON response and request-body examples, decoded and re-encoded by the generated types"
        echo
        printf '%s\n' "${conformance_lines[@]}"
    fi
    if [ ${#parity_lines[@]} -gt 0 ]; then
        echo
        echo "## Official SDK parity: the official Go SDK's methods as \`client.group.method\`"
        echo
        printf '%s\n' "${parity_lines[@]}"
    fi
    if [ ${#client_lines[@]} -gt 0 ]; then
        echo
        echo "## Client check: the generated OpenRouter client against a loopback server"
        echo
        printf '%s\n' "${client_lines[@]}"
    fi
    if [ -s "$details" ]; then
        echo
        echo "## First diagnostics of each SDK that failed"
        echo
        cat "$details"
    fi
} >"$report"
cat "$report"
[ -z "$markdown" ] || cp "$report" "$markdown"

if $failed && ! $report_only; then
    exit 1
fi
