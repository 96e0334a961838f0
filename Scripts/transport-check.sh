#!/usr/bin/env bash
# Runs FeaturesSDK's loopback tests (Tests/FeaturesSDKTests), and then its stress test, against the transports sdkgen
# writes as modules beside the SDK: generates the FeaturesSDK package with `--transport async-http-client` into .build-transport-check/
# (and the SchemasSDK package, whose transport is built without upload streaming, and compiled only),
# copies the tests beside it with TestTransport.swift replaced by Scripts/TransportCheck/'s (which returns the
# AsyncHTTPClientTransport), and builds and runs them in the package of Scripts/TransportCheck/. A package of its
# own, so that sdkgen's own build does not take in SwiftNIO and AsyncHTTPClient. Prints the time of each step.
#
# The folder is kept between runs, so that a second run builds only what changed; CI's fresh clone builds it all
# (SwiftNIO, BoringSSL and AsyncHTTPClient: about 5 minutes on two idle cores).
#
# Usage: Scripts/transport-check.sh [--filter PATTERN]   (the filter is `swift test`'s)
# Environment: SDKGEN, the sdkgen executable (default: this package's debug build, brought up to date);
#              STEP_TIMEOUT, the most seconds each step may take (default: 1800).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v swift >/dev/null || export PATH="/opt/swift/usr/bin:$PATH"
step_timeout=${STEP_TIMEOUT:-1800}
filter=()
if [ "${1:-}" = "--filter" ]; then
    filter=(--filter "${2:?"usage: Scripts/transport-check.sh [--filter PATTERN]"}")
fi

if [ -z "${SDKGEN:-}" ]; then
    # Built each time (seconds when nothing changed), so that a run after an edit checks the templates as they are.
    swift build --product sdkgen >&2
    SDKGEN="$(swift build --show-bin-path)/sdkgen"
fi

work="$PWD/.build-transport-check"
mkdir -p "$work/Tests/FeaturesSDKTests" "$work/tmp"
cp Scripts/TransportCheck/Package.swift "$work/Package.swift"

# step NAME COMMAND...: runs COMMAND in the check's package with a time limit, printing its time; on failure, the end
# of its log.
step() {
    local name=$1 start status=0
    shift
    start=$(date +%s)
    (cd "$work" && TMPDIR="$work/tmp" timeout "$step_timeout" "$@") >"$work/$name.log" 2>&1 || status=$?
    echo "transport-check: $name: $(( $(date +%s) - start )) s" >&2
    if [ "$status" -ne 0 ]; then
        echo "transport-check: $name failed (exit $status):" >&2
        grep -E '^✘|error: ' "$work/$name.log" | head -n 40 >&2 || true
        tail -n 40 "$work/$name.log" >&2
        exit 1
    fi
}

step generate "$SDKGEN" generate --no-config --spec "$PWD/Tests/Fixtures/features.yaml" --module-name FeaturesSDK \
    --client-name FeaturesSDK --package --transport async-http-client --output FeaturesSDK
# SchemasSDK sends no `UploadBody`, so its transport is written without the code that streams one: built, not tested.
step generate-schemas "$SDKGEN" generate --no-config --spec "$PWD/Tests/Fixtures/schemas.yaml" --module-name SchemasSDK \
    --client-name SchemasSDK --package --transport async-http-client --output SchemasSDK
# The tests as they are, but for the transport they send through. The folder is emptied first, so that a test file
# removed from Tests/ goes here too.
rm -f "$work/Tests/FeaturesSDKTests/"*.swift
cp Tests/FeaturesSDKTests/*.swift "$work/Tests/FeaturesSDKTests/"
rm "$work/Tests/FeaturesSDKTests/TestTransport.swift"
cp Scripts/TransportCheck/*.swift "$work/Tests/FeaturesSDKTests/"
rm "$work/Tests/FeaturesSDKTests/Package.swift"
step build swift build --build-tests
# A compiler warning in the generated transport fails the check.
if grep -E "^/.*/(FeaturesSDK|SchemasSDK)/Sources/.*: warning: " "$work/build.log" >&2; then
    echo "transport-check: the generated sources warn" >&2
    exit 1
fi
export SDKGEN_ROOT="$PWD"
step test swift test --skip-build "${filter[@]}"
grep -E '^✔ Test run with|^􁁛 Test run with|Test run with .* passed' "$work/test.log" | tail -n 1 || true
# The concurrency stress test, alone as in .ci/run: retries, streams and cancellation at once.
if [ ${#filter[@]} -eq 0 ]; then
    step stress env SDKGEN_STRESS=1 swift test --skip-build --filter StressTests
fi
echo "transport-check: FeaturesSDK's loopback tests pass with the AsyncHTTPClient transport"
