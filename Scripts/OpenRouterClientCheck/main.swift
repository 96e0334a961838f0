// A check of the client sdkgen generates from OpenRouter's OpenAPI document (../shared/specs/real/openrouter.yaml),
// against a loopback server playing OpenRouter: it streams a chat completion as server-sent events and uploads a
// file as multipart/form-data. Scripts/corpus-check.sh copies this folder into the package it generates the SDK in,
// as an executable target depending on the generated module (named `Openrouter` after the spec's file) and on
// FlyingFox, and runs it; see `client_check` there.
//
// Output: a `PASS name` or `FAIL name: why` line per check, then a one-line summary. Exit status 1 when a check fails.

import Foundation

/// The checks, in the order they run.
let checks: [ClientCheck] = [
    ClientCheck(name: "streamed chat completion", run: checkChatCompletionStream),
    ClientCheck(name: "multipart file upload", run: checkFileUpload),
]

// A client that waits for ever (a response that never ends, a gate that never opens) must fail the check, not hang
// the corpus check that runs it. Far longer than a passing run takes, even on a loaded machine.
let watchdog = Task.detached { [count = checks.count] in
    try await Task.sleep(for: .seconds(120))
    print("FAIL the checks did not finish within 120 seconds")
    print("0 of \(count) client checks passed: timed out")
    exit(1)
}

var failed: [String] = []
for check in checks {
    do {
        try await check.run()
        print("PASS \(check.name)")
    } catch {
        print("FAIL \(check.name): \(error)")
        failed.append(check.name)
    }
}
watchdog.cancel()

let passed = checks.count - failed.count
print("\(passed) of \(checks.count) client checks passed: "
    + checks.map { failed.contains($0.name) ? "\($0.name) FAILED" : $0.name }.joined(separator: ", "))
exit(failed.isEmpty ? 0 : 1)
