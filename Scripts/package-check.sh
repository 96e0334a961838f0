#!/usr/bin/env bash
# Generates the standalone package of an SDK (`sdkgen generate --package`) into a temporary folder, then checks
# that `swift build` and `swift test` pass in it and that its DocC documentation builds without a warning (the
# module's symbol graph converted by `docc`, with its catalog). Prints the time of each step and the DocC warnings.
#
# Usage: Scripts/package-check.sh SPEC MODULE [--docc-report-only] [--keep]
#   --docc-report-only  Count DocC's warnings without failing on them.
#   --keep              Keep the package folder and print its path.
# Environment: SDKGEN, the sdkgen executable (default: this package's debug build, built when missing);
#              STEP_TIMEOUT, the most seconds each step may take (default: 600).
set -euo pipefail

spec=${1:?"usage: Scripts/package-check.sh SPEC MODULE [--docc-report-only] [--keep]"}
module=${2:?"usage: Scripts/package-check.sh SPEC MODULE [--docc-report-only] [--keep]"}
shift 2
docc_strict=true
keep=false
for option in "$@"; do
    case $option in
        --docc-report-only) docc_strict=false ;;
        --keep) keep=true ;;
        *) echo "package-check: unknown option '$option'" >&2; exit 2 ;;
    esac
done
[[ $spec == /* ]] || spec="$PWD/$spec"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
step_timeout=${STEP_TIMEOUT:-600}

if [ -z "${SDKGEN:-}" ]; then
    SDKGEN="$(swift build --show-bin-path)/sdkgen"
    [ -x "$SDKGEN" ] || swift build --product sdkgen >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/package-check.XXXXXX")
cleanup() { if $keep; then echo "package-check: kept $work/$module" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
package="$work/$module"
mkdir -p "$work/tmp"

# step NAME COMMAND...: runs COMMAND in the package with a time limit, printing its time; on failure, the end of
# its log.
step() {
    local name=$1 start status=0
    shift
    start=$(date +%s)
    (cd "$package" && TMPDIR="$work/tmp" timeout "$step_timeout" "$@") >"$work/$name.log" 2>&1 || status=$?
    echo "package-check: $module: $name: $(( $(date +%s) - start )) s" >&2
    if [ "$status" -ne 0 ]; then
        echo "package-check: $module: $name failed (exit $status):" >&2
        tail -n 40 "$work/$name.log" >&2
        exit 1
    fi
}

# --no-config: this repository's sdkgen.yaml is for its own SDK.
mkdir -p "$package"
step generate "$SDKGEN" generate --no-config --spec "$spec" --module-name "$module" --client-name "$module" --package --output .
# One build for the library, its symbol graph and the tests: each other set of compiler flags would rebuild it all.
step build swift build --manifest-cache local --build-tests \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc .build/symbol-graphs
# A compiler warning in the SDK or its smoke test fails the check too.
if grep -E "^/.*: warning: " "$work/build.log" >&2; then
    echo "package-check: $module: swift build warns" >&2
    exit 1
fi
step test swift test --manifest-cache local --skip-build
# The module's symbol graphs alone (the test module's are beside them).
mkdir -p "$package/.build/module-symbol-graphs"
find "$package/.build/symbol-graphs" \( -name "$module.symbols.json" -o -name "$module@*.symbols.json" \) \
    -exec cp {} "$package/.build/module-symbol-graphs/" \;
step docc docc convert "Sources/$module/$module.docc" --additional-symbol-graph-dir .build/module-symbol-graphs \
    --output-path ".build/$module.doccarchive" --diagnostics-file "$work/docc-diagnostics.json"
warnings=$(python3 -c 'import json, sys; print(sum(1 for d in json.load(open(sys.argv[1]))["diagnostics"] if d["severity"] in ("warning", "error")))' "$work/docc-diagnostics.json")
echo "package-check: $module: DocC warnings: $warnings" >&2
if [ "$warnings" -ne 0 ]; then
    grep -E "(warning|error): " "$work/docc.log" | sort | uniq -c | sort -rn | head -n 20 >&2
    if $docc_strict; then exit 1; fi
fi
echo "package-check: $module: swift build, swift test and the documentation pass"
