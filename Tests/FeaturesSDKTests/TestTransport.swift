import FeaturesSDK

/// The transport the loopback tests send through. Scripts/transport-check.sh runs the same tests with this file
/// replaced by one that returns another transport (Scripts/TransportCheck/), so a test that sends a request takes its
/// transport from here.
func testTransport() -> any HTTPTransport {
    URLSessionTransport()
}

/// Whether `testTransport()` writes an upload from a sequence to a file before it sends the request, as
/// URLSessionTransport does, rather than sending the chunks as it reads them.
let testTransportSpoolsSequences = true
