#!/usr/bin/env bash
# Holds the generated SDK to the Apple platform versions it declares, on a machine that cannot build for them:
# every standard library, Foundation and concurrency API the templates use must be in Scripts/availability.tsv
# and introduced no later than its minimums, and the manifests must declare those minimums (see
# Scripts/availability.py). Then checks that the check works: a copy of the templates with an iOS 18 API
# planted in the runtime must fail it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

manifests=(Package.swift)
[ -f Templates/package/Package.swift.mustache ] && manifests+=(Templates/package/Package.swift.mustache)
python3 Scripts/availability.py Templates Scripts/availability.tsv "${manifests[@]}"

planted=$(mktemp -d)
trap 'rm -rf "$planted"' EXIT
cp -R Templates "$planted/"
# AsyncThrowingStream's iterator's next(isolation:) is iOS 18, macOS 15, tvOS 18, watchOS 11.
sed -i.orig 's/chunk = try await body.next()/chunk = try await body.next(isolation: nil)/' "$planted/Templates/Runtime/ServerSentEvents.mustache"
if cmp -s "$planted/Templates/Runtime/ServerSentEvents.mustache"{,.orig}; then
    echo "availability-check: the planted API found no place in ServerSentEvents.mustache; update the self-test" >&2
    exit 1
fi
rm "$planted/Templates/Runtime/ServerSentEvents.mustache.orig"
if python3 Scripts/availability.py "$planted/Templates" Scripts/availability.tsv > "$planted/planted.log"; then
    echo "availability-check: a planted iOS 18 API passed the check:" >&2
    cat "$planted/planted.log" >&2
    exit 1
fi
echo "availability-check: a planted iOS 18 API fails the check, as it should"
