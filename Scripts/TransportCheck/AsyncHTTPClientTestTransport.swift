import FeaturesSDK
import FeaturesSDKAsyncHTTPClient

/// The transport the loopback tests send through: here the generated AsyncHTTPClient transport, in place of
/// Tests/FeaturesSDKTests/TestTransport.swift's URLSessionTransport.
func testTransport() -> any HTTPTransport {
    AsyncHTTPClientTransport()
}
