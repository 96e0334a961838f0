#!/usr/bin/env bash
# Benchmarks sdkgen against swift-openapi-generator 1.14.3 on the same specs, side by side: generation time
# and memory, then the debug build of each generated SDK (clean, after an unchanged regeneration, after a
# one-line description change). Prints a Markdown table and writes it, with the machine and the method,
# to BENCHMARKS.md, keeping the sections written by hand after its marker line. The method notes written
# there are at the end of this script: keep them in step with the code. Needs bash 4 or later.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: Benchmarks/run.sh [--runs N] [--quick] [--only SPEC[,SPEC...]] [--layout LAYOUT] [--rev REV] [--packages DIR]
                        [--markdown FILE]

For each spec (modelgates, openrouter, github), for each run, alternating which tool goes first:
  1. generate the SDK into an empty folder (wall time, CPU time, peak RSS);
  2. build it, debug, with only that target's build products removed (wall time, peak RSS of the
     largest process and of the whole `swift build` process tree);
  3. regenerate from the same spec and build again;
  4. regenerate from a copy whose first schema description is changed and build again.
Figures are medians over the runs. The tools and the generated SDKs' dependencies are built first,
untimed.

Options:
  --runs N          Runs per spec and tool (default 5).
  --quick           One run: a smoke test, not a measurement.
  --only SPECS      Comma-separated spec names to run, e.g. `modelgates` or `modelgates,openrouter`.
  --layout LAYOUT   sdkgen's output layout: per-declaration (default; a file per schema, and reference
                    pages) or sharded (the build-tool plugin's fixed files, no pages).
  --rev REV         Benchmark sdkgen as committed at REV (exported with `git archive`) instead of the
                    working tree.
  --packages DIR    Where the generated SDKs' packages are written and built (default: Benchmarks/.work).
                    On a disk mounted with `discard`, creating thousands of files right after deleting
                    thousands can take seconds of kernel time; a tmpfs folder such as /dev/shm/sdkgen-bench
                    keeps that out of the figures, for both tools alike.
  --markdown FILE   Where to write the report (default: BENCHMARKS.md at the repository root).
  -h, --help        Show this message.

Work files (tool builds, generated SDK packages, logs) stay in Benchmarks/.work/ so that the next
invocation reuses the release builds and the dependency builds; delete it to start afresh.
EOF
}

runs=5
layout=per-declaration
only=""
rev=""
packages=""
markdown=""
command_line="Benchmarks/run.sh${*:+ $*}"
while [ $# -gt 0 ]; do
    case $1 in
        --runs)
            runs=${2:?"--runs needs a number"}; shift
            [[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs needs a positive number" >&2; exit 2; } ;;
        --quick) runs=1 ;;
        --only) only=${2:?"--only needs spec names"}; shift ;;
        --rev) rev=${2:?"--rev needs a revision"}; shift ;;
        --packages)
            packages=${2:?"--packages needs a folder"}; shift
            [[ $packages == /* ]] || packages="$PWD/$packages" ;;
        --layout)
            layout=${2:?"--layout needs per-declaration or sharded"}; shift
            [[ $layout == per-declaration || $layout == sharded ]] || { echo "run.sh: --layout is per-declaration or sharded" >&2; exit 2; } ;;
        --markdown)
            # Resolved now, before the cd below, so that a relative path means the caller's folder.
            markdown=${2:?"--markdown needs a file"}; shift
            [[ $markdown == /* ]] || markdown="$PWD/$markdown" ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
    shift
done

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$bench")
work=$bench/.work
logs=$work/logs
markdown=${markdown:-$root/BENCHMARKS.md}
mkdir -p "$logs"
cd "$root"

# name|Swift module name|path. The real-world specs live in the shared corpus beside the repository.
all_specs=(
    "modelgates|ModelGates|$root/spec/modelgates.yaml"
    "openrouter|OpenRouter|$root/../shared/specs/real/openrouter.yaml"
    "github|GitHub|$root/../shared/specs/real/github.yaml"
)
specs=()
for entry in "${all_specs[@]}"; do
    IFS='|' read -r name _ path <<<"$entry"
    if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
    if [ ! -f "$path" ]; then echo "run.sh: $path not found; skipping $name" >&2; continue; fi
    specs+=("$entry")
done
[ ${#specs[@]} -gt 0 ] || { echo "run.sh: no spec to run (--only '$only')" >&2; exit 2; }

say() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# CPU time used by the whole machine so far, in seconds, from /proc/stat (user+nice+system+irq+softirq+steal).
machine_cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat
}

# Prints the CPU time, in seconds, used by the finished children of this script, given the output of
# `times` (which must run in the main shell: in a subshell it would count only the subshell's children).
own_cpu_seconds() {
    awk 'NR == 2 {
        total = 0
        for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); total += p[1] * 60 + p[2] }
        printf "%.2f", total }' "$1"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
machine_cpu_start=$(machine_cpu_seconds)
started_at=$(date -u '+%Y-%m-%d %H:%M UTC')
started_seconds=$SECONDS

# --- The tools -------------------------------------------------------------------------------------------
# Both are release builds by the same toolchain, each in its own scratch folder, so that neither build
# depends on the other's dependency versions and the main package's graph stays as it is.

# Mirrors the working tree's files (tracked and untracked, not ignored; Benchmarks/ aside) into folder $1,
# copying only the files that differ: the build then sees one consistent state while others edit the tree,
# and SwiftPM's incremental release build still applies (a fresh copy of every file would rebuild all).
snapshot_worktree() {
    local dest=$1 list=$work/worktree-files.txt f
    mkdir -p "$dest"
    # Package.resolved is ignored by git but pins the versions the main package builds with.
    { git -C "$root" ls-files --cached --others --exclude-standard -- . ':!Benchmarks' ':!BENCHMARKS.md'
      echo Package.resolved; } | sort -u | while IFS= read -r f; do
        if [ -f "$root/$f" ]; then echo "$f"; fi
    done >"$list"
    while IFS= read -r f; do
        if ! cmp -s "$root/$f" "$dest/$f"; then
            mkdir -p "$dest/$(dirname "$f")"
            cp -p "$root/$f" "$dest/$f"
        fi
    done <"$list"
    comm -23 <(cd "$dest" && find . -type f -printf '%P\n' | sort) "$list" | while IFS= read -r f; do
        rm -f "$dest/$f"
    done
}

if [ -n "$rev" ]; then
    sha=$(git -C "$root" rev-parse --verify --quiet "$rev^{commit}") || { echo "run.sh: unknown revision '$rev'" >&2; exit 2; }
    sdkgen_source=$work/sdkgen-src-$sha
    if [ ! -d "$sdkgen_source" ]; then
        rm -rf "$sdkgen_source.partial"
        mkdir -p "$sdkgen_source.partial"
        git -C "$root" archive "$sha" | tar -x -C "$sdkgen_source.partial"
        mv "$sdkgen_source.partial" "$sdkgen_source"
    fi
    sdkgen_scratch=$work/sdkgen-build-$sha
    sdkgen_label="commit \`$(git -C "$root" rev-parse --short "$sha")\`"
else
    sdkgen_source=$work/sdkgen-src
    sdkgen_scratch=$work/sdkgen-build
    snapshot_worktree "$sdkgen_source"
    # Read-only checks: git status may rewrite the index, and others share this working tree.
    sdkgen_label="working tree at \`$(git -C "$root" rev-parse --short HEAD)\`"
    if ! git -C "$root" diff --quiet HEAD -- Package.swift Sources Templates ||
        [ -n "$(git -C "$root" ls-files --others --exclude-standard -- Sources Templates)" ]; then
        sdkgen_label="$sdkgen_label with uncommitted changes to Sources/ or Templates/"
    fi
fi

say "building sdkgen (release) from $sdkgen_source"
if ! swift build -c release --product sdkgen --package-path "$sdkgen_source" --scratch-path "$sdkgen_scratch" \
    >"$logs/build-sdkgen.log" 2>&1; then
    grep -m 10 'error:' "$logs/build-sdkgen.log" >&2 || true
    echo "run.sh: sdkgen does not build in release; see $logs/build-sdkgen.log (--rev HEAD benchmarks the last commit)" >&2
    exit 1
fi
sdkgen=$(swift build -c release --package-path "$sdkgen_source" --scratch-path "$sdkgen_scratch" --show-bin-path)/sdkgen
templates=$sdkgen_source/Templates

say "building swift-openapi-generator (release) from Benchmarks/Package.swift"
if ! swift build -c release --product swift-openapi-generator --package-path "$bench" \
    >"$logs/build-swift-openapi-generator.log" 2>&1; then
    tail -n 20 "$logs/build-swift-openapi-generator.log" >&2
    exit 1
fi
theirs_bin=$(swift build -c release --package-path "$bench" --show-bin-path)/swift-openapi-generator

# --- Spec copies -----------------------------------------------------------------------------------------

mkdir -p "$work/specs"

# Writes to $2 a copy of spec $1 whose first component schema with a one-line `description:` has that line
# replaced, and prints the schema's name. Text-level, so the rest of the document stays byte for byte.
# Assumes the usual two-space indentation: schemas at column 5, their keys at column 7.
edit_description() {
    awk -v out="$2" '
        function flush() { if (held != "") { print held > out; held = "" } }
        /^[^ ]/ || (/^  [^ ]/ && !/^  schemas:/) { in_schemas = 0 }
        /^  schemas:[[:space:]]*$/ { in_schemas = 1 }
        in_schemas && /^    [^ #-]/ { schema = $1; sub(/:$/, "", schema) }
        {
            # A held description line is one line long when the next line is not indented deeper.
            if (held != "") {
                match($0, /^ */)
                if (RLENGTH <= 6) {
                    print "      description: Changed by the sdkgen benchmark harness." > out
                    held = ""; done = 1; edited = schema
                } else {
                    flush()
                }
            }
            if (!done && in_schemas && /^      description: *[^|> ]/) { held = $0; next }
            print > out
        }
        END { flush(); if (!done) exit 1; print edited }
    ' "$1"
}

# swift-openapi-generator rejects the OpenAPI 3.0 boolean form of exclusiveMinimum/exclusiveMaximum in a
# 3.1 document (openrouter.yaml has one). Its copy drops those lines; sdkgen always reads the original.
needs_patch_for_theirs() {
    grep -Eq "^openapi: *['\"]?3\.1" "$1" &&
        grep -Eq '^[[:space:]]*exclusiveM(in|ax)imum:[[:space:]]*(true|false)[[:space:]]*$' "$1"
}

declare -A spec_input edited_schema patched_note
for entry in "${specs[@]}"; do
    IFS='|' read -r name module path <<<"$entry"
    theirs_path=$path
    if needs_patch_for_theirs "$path"; then
        theirs_path=$work/specs/$name.theirs.yaml
        sed -E '/^[[:space:]]*exclusiveM(in|ax)imum:[[:space:]]*(true|false)[[:space:]]*$/d' "$path" >"$theirs_path"
        patched_note[$name]=$(diff "$path" "$theirs_path" | grep -c '^<' || true)
    fi
    for tool in ours theirs; do
        base=$path
        [ "$tool" = ours ] || base=$theirs_path
        spec_input[$name|$tool|base]=$base
        spec_input[$name|$tool|edited]=$work/specs/$name.$tool.edited.yaml
        edited_schema[$name]=$(edit_description "$base" "$work/specs/$name.$tool.edited.yaml") ||
            { echo "run.sh: found no one-line schema description to change in $base" >&2; exit 1; }
    done
done

# --- The generated SDKs' packages ------------------------------------------------------------------------
# One package per tool, one target per spec, plus an empty `Warmup` target depending on what the SDKs
# depend on: building it first (untimed) builds the dependencies, evaluates the manifest and lays out the
# build folder, so that the timed builds of an SDK target compile that target alone.

packages=${packages:-$work}
mkdir -p "$packages"
ours_pkg=$packages/ours
theirs_pkg=$packages/theirs

# Prints the folder that tool $1 generates module $2 into: sdkgen writes sources to OUTPUT/NAME/ and
# reference pages to OUTPUT/docs/, swift-openapi-generator its Swift files straight into its folder.
output_dir() {
    case $1 in
        ours) echo "$ours_pkg/Generated/$2" ;;
        theirs) echo "$theirs_pkg/Sources/$2" ;;
    esac
}

# Prints the folder holding the Swift sources of module $2 as generated by tool $1.
sources_dir() {
    case $1 in
        ours) echo "$ours_pkg/Generated/$2/$2" ;;
        theirs) echo "$theirs_pkg/Sources/$2" ;;
    esac
}

# Replaces file $1 with standard input only when the contents differ, so that SwiftPM keeps its cached
# manifest evaluation from the previous invocation.
write_if_changed() {
    local new
    new=$(cat)
    if [ ! -f "$1" ] || [ "$(cat "$1")" != "$new" ]; then printf '%s\n' "$new" >"$1"; fi
}

write_manifests() {
    local entry name module ours_targets="" theirs_targets=""
    for entry in "${specs[@]}"; do
        IFS='|' read -r name module _ <<<"$entry"
        ours_targets+="        .target(name: \"$module\", path: \"Generated/$module/$module\"),
"
        theirs_targets+="        .target(name: \"$module\", dependencies: runtime),
"
    done
    # The imports also fill the build's module cache (Foundation's C modules), which the first compile
    # that imports them would otherwise pay for.
    local imports='// Built first, untimed; see Benchmarks/run.sh.
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif'
    mkdir -p "$ours_pkg/Warmup" "$theirs_pkg/Sources/Warmup"
    write_if_changed "$ours_pkg/Warmup/Warmup.swift" <<<"$imports"
    write_if_changed "$theirs_pkg/Sources/Warmup/Warmup.swift" <<<"$imports
import OpenAPIRuntime
import OpenAPIURLSession"
    write_if_changed "$ours_pkg/Package.swift" <<EOF
// swift-tools-version: 6.1
// Written by Benchmarks/run.sh: the SDKs that sdkgen generates depend on Foundation alone.
import PackageDescription

let package = Package(
    name: "ours",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "Warmup", path: "Warmup"),
$ours_targets    ]
)
EOF
    write_if_changed "$theirs_pkg/Package.swift" <<EOF
// swift-tools-version: 6.1
// Written by Benchmarks/run.sh: what swift-openapi-generator's types and client need, with the URLSession
// transport that sdkgen's SDKs include.
import PackageDescription

let runtime: [Target.Dependency] = [
    .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
    .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
]

let package = Package(
    name: "theirs",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", exact: "1.4.0"),
    ],
    targets: [
        .target(name: "Warmup", dependencies: runtime),
$theirs_targets    ]
)
EOF
}

# Sets array $1 to the command that runs generator $2 (ours|theirs) on spec file $3 for module $4.
set_generate_command() {
    local -n command=$1
    case $2 in
        ours) command=("$sdkgen" generate --spec "$3" --templates "$templates"
            --output "$(output_dir ours "$4")" --module-name "$4" --layout "$layout") ;;
        theirs) command=("$theirs_bin" generate --mode types --mode client --access-modifier public
            --output-directory "$(output_dir theirs "$4")" "$3") ;;
    esac
}

# --- Measuring -------------------------------------------------------------------------------------------

# Prints the summed RSS in KiB of the descendants of process $1 (one `ps` call; other users' builds on the
# machine are not descendants, so they are not counted).
tree_rss_kib() {
    ps -e -o pid=,ppid=,rss= | awk -v root="$1" '
        { parent[$1] = $2; rss[$1] = $3 }
        END {
            in_tree[root] = 1
            do {
                grew = 0
                for (p in parent) if (!(p in in_tree) && (parent[p] in in_tree)) { in_tree[p] = 1; grew = 1 }
            } while (grew)
            sum = 0
            for (p in in_tree) if (p != root) sum += rss[p]
            print sum
        }'
}

# Runs a command under /usr/bin/time with its output in log $2 and prints
# "EXIT_STATUS WALL_S MAX_RSS_KIB CPU_S TREE_PEAK_KIB". /usr/bin/time's %M is the largest RSS of any single
# process it waited for, directly or through its children (for `swift build`, a swift-frontend); when $1 is
# `tree`, the summed RSS of the whole process tree is also sampled every 0.2 s (otherwise TREE_PEAK is 0).
measure() {
    local mode=$1 log=$2 timing=$work/time.out peak=0 now status=0 wall maxrss user sys
    shift 2
    /usr/bin/time -f '%e %M %U %S' -o "$timing" "$@" >"$log" 2>&1 &
    local pid=$!
    if [ "$mode" = tree ]; then
        while kill -0 "$pid" 2>/dev/null; do
            now=$(tree_rss_kib "$pid")
            if [ "$now" -gt "$peak" ]; then peak=$now; fi
            sleep 0.2
        done
    fi
    wait "$pid" || status=$?
    # A failed command adds a "Command exited with non-zero status" line before the figures.
    read -r wall maxrss user sys < <(tail -n 1 "$timing")
    echo "$status $wall $maxrss $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $peak"
}

# Describes the failed build whose log is $1 and wall time $2: "build failed after 51 s, 18 errors".
# Errors are counted once each: the compiler repeats them for every batch job that hits them.
build_failure() {
    local errors
    errors=$({ grep -E '(^|: )error: ' "$1" || true; } | sort -u | wc -l)
    awk -v n="$errors" -v t="$2" 'BEGIN { printf "build failed after %.0f s, %d error%s", t, n, (n == 1 ? "" : "s") }'
}

# Counts the source files of target $2 that build log $1 shows being compiled.
count_compiled() {
    grep -E "^\[[0-9]+/[0-9]+\] Compiling $2 " "$1" | sed -E "s/^\[[0-9]+\/[0-9]+\] Compiling $2 //" |
        tr ',' '\n' | grep -c '\.swift' || true
}

declare -A results  # "spec|tool|metric" -> the values of the runs, space-separated
declare -A failures # "spec|tool|step" -> what went wrong last, e.g. "build failed after 51 s, 18 errors"
declare -A failed_runs # "spec|tool|step" -> in how many runs it went wrong

record() { results[$1]+="${results[$1]:+ }$2"; }

# Records that step $1 ("spec|tool|step") went wrong, as message $2.
fail() {
    failures[$1]=$2
    failed_runs[$1]=$((${failed_runs[$1]:-0} + 1))
}

# Generates and builds spec $1 (module $2) with tool $3, for run $4, and records the figures.
bench_one() {
    local name=$1 module=$2 tool=$3 run=$4 key="$1|$3" dir log status wall maxrss cpu peak
    local bin=$packages/$tool/.build/debug
    dir=$(sources_dir "$tool" "$module")
    local -a generate
    set_generate_command generate "$tool" "${spec_input[$key|base]}" "$module"

    # 1. Generation into an empty folder.
    rm -rf "$(output_dir "$tool" "$module")"
    mkdir -p "$(output_dir "$tool" "$module")"
    log=$logs/$name-$tool-$run-generate.log
    read -r status wall maxrss cpu _ <<<"$(measure plain "$log" "${generate[@]}")"
    if [ "$status" -ne 0 ]; then
        fail "$key|generate" "generation failed (exit $status)"
        say "  $tool: generation failed; see $log"
        return
    fi
    record "$key|gen_wall" "$wall"
    record "$key|gen_cpu" "$cpu"
    record "$key|gen_rss" "$maxrss"
    record "$key|files" "$(find "$dir" -name '*.swift' | wc -l)"
    record "$key|lines" "$(find "$dir" -name '*.swift' -exec cat {} + | wc -l)"

    # 2. Clean build of this target only: the compiler's outputs for it go (objects, dependency and
    # incremental-build records, the module); the dependencies' products stay, and so do the files SwiftPM
    # writes only when it plans the build anew (the output file map, the source list, the include folder).
    find "$bin/$module.build" -mindepth 1 -maxdepth 1 \
        ! -name output-file-map.json ! -name sources ! -name include -exec rm -rf {} +
    rm -rf "$bin/Modules/$module".*
    log=$logs/$name-$tool-$run-build-clean.log
    read -r status wall maxrss cpu peak <<<"$(measure tree "$log" swift build --package-path "$packages/$tool" --target "$module")"
    if [ "$status" -ne 0 ]; then
        fail "$key|build" "$(build_failure "$log" "$wall")"
        say "  $tool: ${failures[$key|build]}; see $log"
        return
    fi
    record "$key|build_wall" "$wall"
    record "$key|build_rss" "$maxrss"
    record "$key|build_tree" "$peak"

    # 3 and 4. Regenerate (same spec, then the edited one) and rebuild; the marker tells which files the
    # generator rewrote.
    local step spec_file
    for step in unchanged edited; do
        spec_file=${spec_input[$key|base]}
        [ "$step" = unchanged ] || spec_file=${spec_input[$key|edited]}
        set_generate_command generate "$tool" "$spec_file" "$module"
        touch "$work/marker"
        log=$logs/$name-$tool-$run-generate-$step.log
        read -r status wall _ <<<"$(measure plain "$log" "${generate[@]}")"
        if [ "$status" -ne 0 ]; then
            fail "$key|${step}_gen" "regeneration failed (exit $status)"
            return
        fi
        record "$key|${step}_gen_wall" "$wall"
        record "$key|${step}_rewritten" "$(find "$dir" -name '*.swift' -newer "$work/marker" | wc -l)"
        log=$logs/$name-$tool-$run-build-$step.log
        read -r status wall _ <<<"$(measure plain "$log" swift build --package-path "$packages/$tool" --target "$module")"
        if [ "$status" -ne 0 ]; then
            fail "$key|$step" "$(build_failure "$log" "$wall")"
            return
        fi
        record "$key|${step}_wall" "$wall"
        record "$key|${step}_compiled" "$(count_compiled "$log" "$module")"
    done
}

write_manifests
for entry in "${specs[@]}"; do
    IFS='|' read -r name module _ <<<"$entry"
    for tool in ours theirs; do
        # A first generation, untimed, so that the manifest finds every target's folder and both tools
        # start their timed runs with the spec in the page cache.
        mkdir -p "$(sources_dir "$tool" "$module")"
        set_generate_command generate "$tool" "${spec_input[$name|$tool|base]}" "$module"
        # A failure here shows again, and is reported, in the timed runs.
        "${generate[@]}" >"$logs/$name-$tool-setup-generate.log" 2>&1 || true
    done
done
for tool in ours theirs; do
    say "warming up the $tool package (dependencies, manifest, build folder)"
    if ! swift build --package-path "$packages/$tool" --target Warmup >"$logs/warmup-$tool.log" 2>&1; then
        tail -n 20 "$logs/warmup-$tool.log" >&2
        exit 1
    fi
done

for ((run = 1; run <= runs; run++)); do
    # Alternating which tool goes first evens out drift (thermal, page cache, other load) between them.
    order=(ours theirs)
    if ((run % 2 == 0)); then order=(theirs ours); fi
    for entry in "${specs[@]}"; do
        IFS='|' read -r name module _ <<<"$entry"
        for tool in "${order[@]}"; do
            say "run $run/$runs: $name, $tool"
            bench_one "$name" "$module" "$tool" "$run"
        done
    done
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
elapsed=$((SECONDS - started_seconds))
times >"$work/times.txt"
other_cpu=$(awk -v m="$(awk -v a="$machine_cpu_start" -v b="$(machine_cpu_seconds)" 'BEGIN { print b - a }')" \
    -v own="$(own_cpu_seconds "$work/times.txt")" -v t="$elapsed" 'BEGIN {
        other = m - own; if (other < 0) other = 0
        printf "%.0f CPU-seconds, %.0f%% of one core over the %d s of the run", other, (t > 0 ? 100 * other / t : 0), t }')

# --- The report ------------------------------------------------------------------------------------------

# Prints the median of the space-separated numbers on standard input.
median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Prints the median of figure $2 for "spec|tool" $1, or nothing when no run recorded it.
median_of() { if [ -n "${results[$1|$2]:-}" ]; then median <<<"${results[$1|$2]}"; fi; }

# Prints what went wrong, if anything, in the step that figure $2 of "spec|tool" $1 belongs to. Only the
# first row of a step carries it; the step's other rows and the steps skipped after it show a dash.
failure_for() {
    case $2 in
        files) echo "${failures[$1|generate]:-}" ;;
        build_wall) echo "${failures[$1|build]:-}" ;;
        unchanged_gen_wall) echo "${failures[$1|unchanged_gen]:-}" ;;
        unchanged_wall) echo "${failures[$1|unchanged]:-}" ;;
        edited_wall) echo "${failures[$1|edited_gen]:-${failures[$1|edited]:-}}" ;;
    esac
}

# Formats value $2 of kind $1 (s, kib).
format() {
    case $1 in
        s) awk -v v="$2" 'BEGIN { printf (v < 10 ? "%.2f s" : "%.1f s"), v }' ;;
        kib) awk -v v="$2" 'BEGIN { printf "%.0f MiB", v / 1024 }' ;;
    esac
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }'; }

# Prints one table row: spec $1, label $2, figure $3 of kind $4, and for rebuilds the figure $5 giving
# the files compiled.
row() {
    local name=$1 label=$2 figure=$3 kind=$4 compiled=${5:-} cell tool value
    local -A value_of
    local cells=()
    for tool in ours theirs; do
        value=$(median_of "$name|$tool" "$figure")
        if [ -z "$value" ]; then
            cell=$(failure_for "$name|$tool" "$figure")
            cell=${cell:-—}
        else
            value_of[$tool]=$value
            cell=$(format "$kind" "$value")
            if [ -n "$compiled" ]; then
                cell+=" ($(median_of "$name|$tool" "${figure%_wall}_rewritten") rewritten, $(median_of "$name|$tool" "$compiled") compiled)"
            fi
        fi
        cells+=("$cell")
    done
    local r="—"
    if [ -n "${value_of[ours]:-}" ] && [ -n "${value_of[theirs]:-}" ]; then r=$(ratio "${value_of[ours]}" "${value_of[theirs]}"); fi
    echo "| $name | $label | ${cells[0]} | ${cells[1]} | $r |"
}

# Prints the row giving the size of what each tool generated for spec $1.
size_row() {
    local name=$1 cells=() tool files lines
    for tool in ours theirs; do
        files=$(median_of "$name|$tool" files)
        lines=$(median_of "$name|$tool" lines)
        if [ -z "$files" ]; then cells+=("$(failure_for "$name|$tool" files)"); continue; fi
        cells+=("$files files, $lines lines")
    done
    local ol tl r="—"
    ol=$(median_of "$name|ours" lines)
    tl=$(median_of "$name|theirs" lines)
    if [ -n "$ol" ] && [ -n "$tl" ]; then r="$(ratio "$ol" "$tl") (lines)"; fi
    echo "| $name | generated Swift | ${cells[0]} | ${cells[1]} | $r |"
}

table() {
    echo "| spec | figure (median of $runs) | sdkgen | swift-openapi-generator | ours/theirs |"
    echo "|---|---|---:|---:|---:|"
    for entry in "${specs[@]}"; do
        IFS='|' read -r name _ <<<"$entry"
        size_row "$name"
        row "$name" "generation: wall time" gen_wall s
        row "$name" "generation: CPU time (user+sys)" gen_cpu s
        row "$name" "generation: peak RSS" gen_rss kib
        row "$name" "clean debug build: wall time" build_wall s
        row "$name" "clean build: largest process's peak RSS" build_rss kib
        row "$name" "clean build: process tree's peak RSS" build_tree kib
        row "$name" "regeneration, unchanged spec: wall time" unchanged_gen_wall s
        row "$name" "rebuild after unchanged regeneration" unchanged_wall s unchanged_compiled
        row "$name" "rebuild after one description change" edited_wall s edited_compiled
    done
}

# Prints the notes under the table: the schema each spec's edit changed, the spec copies patched for
# swift-openapi-generator, and every step that failed.
notes() {
    local entry name
    for entry in "${specs[@]}"; do
        IFS='|' read -r name _ <<<"$entry"
        echo "- $name: the description change is to schema \`${edited_schema[$name]}\`."
        if [ -n "${patched_note[$name]:-}" ]; then
            echo "  swift-openapi-generator read a copy without the ${patched_note[$name]} line(s) holding a boolean \`exclusiveMinimum\`/\`exclusiveMaximum\` (OpenAPI 3.0 syntax, which it refuses in a 3.1 document); sdkgen read the original."
        fi
    done
    local key spec tool step generator
    for key in "${!failures[@]}"; do
        IFS='|' read -r spec tool step <<<"$key"
        case $tool in
            ours) generator=sdkgen ;;
            theirs) generator=swift-openapi-generator ;;
        esac
        echo "- $spec, $generator, step \`$step\`: ${failures[$key]}, in ${failed_runs[$key]} of $runs runs (logs: \`Benchmarks/.work/logs/$spec-$tool-*\`)."
    done | sort
}

report=$(table)
echo "$report"

cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
# The sections written by hand after this marker line of the old report (other measurements, each with its own
# date) are kept; the notes on the old run, above the marker, go with the run they describe.
kept_marker='<!-- Written by hand from here on: Benchmarks/run.sh keeps what follows when it replaces the report above. -->'
kept_sections=$( [ -f "$markdown" ] && awk -v marker="$kept_marker" '$0 == marker { keep = 1 } keep' "$markdown" || true)
{
    cat <<EOF
# Benchmarks: sdkgen and swift-openapi-generator

Written by \`Benchmarks/run.sh\` (run it with \`--help\` for its options); the next run replaces this report, down to
the marker line before the sections written by hand, which it keeps.

- **Command:** \`$command_line\`
- **Date:** $started_at, $((elapsed / 60)) min $((elapsed % 60)) s
- **sdkgen:** $sdkgen_label, built in release; \`--layout $layout\`
- **swift-openapi-generator:** 1.14.3, built in release; its SDKs use swift-openapi-runtime 1.13.4 and swift-openapi-urlsession 1.4.0
- **Toolchain:** $(swift --version 2>/dev/null | head -n 1)
- **Machine:** $(nproc) cores, $cpu_model; memory: $(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available at the end" }')
- **Load average (1, 5, 15 min):** $load_before before, $load_after after. Processes outside this run used $other_cpu.

$report

$(notes)

## Method

- **Tools.** Both generators are built in release by the same toolchain, each in its own scratch
  folder under \`Benchmarks/.work/\` (swift-openapi-generator through \`Benchmarks/Package.swift\`, which
  depends on it and on nothing of this repository). Neither build is timed.
- **Runs.** For each run, each spec is handled by both tools one after the other, the order alternating
  between runs. Every figure is the median over the runs.
- **Generation.** \`sdkgen generate\` (sources and reference pages) and \`swift-openapi-generator generate
  --mode types --mode client --access-modifier public\`, each into an empty folder, timed by
  \`/usr/bin/time -f "%e %M %U %S"\`: wall time, user+sys CPU time and peak RSS of the one process.
  Before the runs each tool generates every spec once, untimed, so both start with the spec in the page
  cache. sdkgen also writes Markdown reference pages; swift-openapi-generator writes no documentation.
- **Where.** The generated SDKs' packages, and so the generated files and their builds, are in
  \`$packages\`$(df -T "$packages" 2>/dev/null | awk 'NR == 2 { print " (" $2 ")" }').
- **Clean debug build.** The generated sources are one target of a package per tool (\`ours\`
  with no dependency; \`theirs\` depending on OpenAPIRuntime and OpenAPIURLSession), in the
  Swift 6 language mode. Before the runs a \`Warmup\` target with the same dependencies and imports and no
  code is built once, untimed: that builds the dependencies, fills the module cache, evaluates the
  manifest and lays out the build folder. Each timed build removes only the compiler's outputs for the SDK
  target (in \`.build/debug/NAME.build\` all but SwiftPM's output file map and source list, and
  \`.build/debug/Modules/NAME.*\`) and runs \`swift build --target NAME\`
  (debug, $(nproc) jobs), so it compiles that target and nothing else; the wall time includes SwiftPM's own
  start-up and planning, as a developer would see it.
- **Build memory.** \`/usr/bin/time\`'s %M is the largest peak RSS of any single process in the tree (Linux
  folds each reaped child's peak into its parent's), which for \`swift build\` is a \`swift-frontend\`: this is
  the "largest process" row. Several frontends run at once, so the harness also samples the summed RSS of
  every descendant of the build every 0.2 s with \`ps\` (the "process tree" row; it can miss a peak shorter
  than 0.2 s). This machine's cgroup v1 offers no per-command memory.peak.
- **Rebuilds.** After the clean build the tool regenerates from the same spec (that regeneration is timed
  too: the "unchanged spec" row) and \`swift build --target NAME\` is timed again; then it regenerates from
  a copy of the spec in which one schema's one-line \`description\` is replaced (a text edit, the rest of the
  file byte for byte the same), and the build is timed again. "rewritten" counts the Swift files whose
  modification time the regeneration changed; "compiled" counts the files SwiftPM's log shows being
  compiled. Both generators leave a file untouched when its contents are unchanged.
- **Failures.** A generation or build that fails is reported in place of its figures (with its wall time
  and the number of distinct compiler errors), the later steps of that run for that tool and spec are
  skipped, and the harness goes on; the logs are in \`Benchmarks/.work/logs/\`.
- **Noise.** The machine is shared: the load averages and the CPU time used by other processes during
  the run are given above. Figures taken with other builds running are slower and noisier, the wall
  times most.
EOF
    if [ -n "$kept_sections" ]; then
        printf '\n%s\n' "$kept_sections"
    fi
} >"$markdown"
say "wrote $markdown"
