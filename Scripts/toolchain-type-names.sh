#!/usr/bin/env bash
# Writes Sources/SDKGenModel/ToolchainTypeNames.swift: every public top-level type name (struct, class, enum,
# protocol, actor, typealias) of the Swift standard library (Swift, _Concurrency, _StringProcessing),
# Foundation (with FoundationEssentials and FoundationInternationalization, which it re-exports),
# FoundationNetworking and Dispatch, as this toolchain declares them. NameRegistry reserves them, so a model
# named like one (GitHub's `Thread`) never makes user code that imports Foundation ambiguous.
#
# Run it after moving to a new toolchain, and commit the result:
#   Scripts/toolchain-type-names.sh [SWIFT_BIN_DIR]        (default: the folder of `swift` on PATH)
#
# Modules shipped with a .swiftinterface are read from it; the others (Foundation's, Dispatch's) through
# swift-symbolgraph-extract. Needs jq.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$(dirname "$(command -v swift)")}"
lib="$bin/../lib/swift/linux"
target="$(uname -m)-unknown-linux-gnu"
output="$root/Sources/SDKGenModel/ToolchainTypeNames.swift"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

names="$work/names"
: > "$names"

# Modules with a textual interface: declarations at the top level start in column 1.
for module in Swift _Concurrency _StringProcessing; do
    interface="$lib/$module.swiftmodule/$target.swiftinterface"
    [ -f "$interface" ] || { echo "missing $interface" >&2; exit 1; }
    sed -nE 's/^(@[A-Za-z_]+(\([^)]*\))? +)*(public|open) +((final|indirect|distributed) +)*(struct|class|enum|protocol|actor|typealias) +([A-Za-z][A-Za-z0-9_]*).*/\7/p' \
        "$interface" >> "$names"
done

# Binary-only modules: their symbol graphs.
for module in Foundation FoundationEssentials FoundationInternationalization FoundationNetworking Dispatch; do
    "$bin/swift-symbolgraph-extract" -module-name "$module" -target "$target" -output-dir "$work" \
        -minimum-access-level public > /dev/null
    jq -r '.symbols[]
        | select((.accessLevel == "public" or .accessLevel == "open") and (.pathComponents | length) == 1)
        | select(.kind.identifier | test("^swift\\.(struct|class|enum|protocol|actor|typealias)$"))
        | .pathComponents[0]' "$work/$module.symbols.json" >> "$names"
done

# Names starting with an underscore are implementation details no spec would be named after.
sorted="$(grep -v '^_' "$names" | sort -u)"
count="$(printf '%s\n' "$sorted" | wc -l | tr -d ' ')"
{
    echo "// Written by Scripts/toolchain-type-names.sh from $("$bin/swift" --version 2>/dev/null | head -1 | sed 's/^ *//'); do not edit."
    echo
    echo "/// The public top-level type names of the Swift standard library, Foundation, FoundationNetworking and"
    echo "/// Dispatch ($count names), which no generated type may take: in code that imports Foundation beside the"
    echo "/// SDK, a model named \`Thread\` would make every unqualified \`Thread\` ambiguous."
    echo "package enum ToolchainTypeNames {"
    echo "    package static let all: [String] = ["
    printf '%s\n' "$sorted" | awk '{ printf "        \"%s\",\n", $0 }'
    echo "    ]"
    echo "}"
} > "$output"
echo "wrote $count names to ${output#$root/}"
