import FeaturesSDK
import FeaturesSDKAsyncHTTPClient

/// The transport the loopback tests send through: here the generated AsyncHTTPClient transport, in place of
/// Tests/FeaturesSDKTests/TestTransport.swift's URLSessionTransport.
func testTransport() -> any HTTPTransport {
    AsyncHTTPClientTransport()
}

/// Whether `testTransport()` writes an upload from a sequence to a file before it sends the request: the
/// AsyncHTTPClient transport sends the chunks as it reads them.
let testTransportSpoolsSequences = false
