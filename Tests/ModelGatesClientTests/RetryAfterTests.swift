import Foundation
@testable import ModelGates
import Testing

@Suite("Retry-After and backoff")
struct RetryAfterTests {
    /// Wed, 21 Oct 2015 07:28:00 GMT.
    static let now = Date(timeIntervalSince1970: 1_445_412_480)

    @Test("delta-seconds", arguments: [("0", 0.0), ("1", 1.0), ("120", 120.0), (" 7 ", 7.0)])
    func deltaSeconds(value: String, expected: TimeInterval) {
        #expect(RetryAfter.delay(from: value, now: Self.now) == expected)
    }

    @Test("HTTP-date in the IMF-fixdate format")
    func imfFixdate() {
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 07:28:30 GMT", now: Self.now) == 30)
        #expect(RetryAfter.delay(from: "Wed, 21 Oct 2015 08:28:00 GMT", now: Self.now) == 3600)
    }

    @Test("HTTP-date in the obsolete RFC 850 and asctime formats")
    func obsoleteDates() {
        #expect(RetryAfter.delay(from: "Wednesday, 21-Oct-15 07:28:10 GMT", now: Self.now) == 10)
        #expect(RetryAfter.delay(from: "Wed Oct 21 07:28:20 2015", now: Self.now) == 20)
    }

    @Test("a date in the past means no wait")
    func pastDate() {
        #expect(RetryAfter.delay(from: "Tue, 20 Oct 2015 07:28:00 GMT", now: Self.now) == 0)
    }

    @Test("invalid values are ignored", arguments: ["", "soon", "-5", "1.5", "0x10", "Wed, 21 Oct 2015 25:00:00 GMT"])
    func invalid(value: String) {
        #expect(RetryAfter.delay(from: value, now: Self.now) == nil)
    }

    @Test("the backoff grows by the exponent and is capped at maxInterval")
    func backoffIntervals() {
        let backoff = RetryConfig.default.backoff
        let intervals = (1...14).map { backoff.interval(afterAttempt: $0, random: 1) }
        #expect(intervals.prefix(4) == [0.5, 0.75, 1.125, 1.6875])
        #expect(intervals.last == 60)
        #expect(intervals == intervals.sorted())
    }

    @Test("jitter shortens each wait by up to its fraction, picked by the random number")
    func jitterBounds() {
        let backoff = RetryConfig.Backoff(initialInterval: 1, maxInterval: 10, exponent: 2, maxElapsedTime: 100, jitter: 0.5)
        #expect(backoff.interval(afterAttempt: 1, random: 1) == 1)
        #expect(backoff.interval(afterAttempt: 1, random: 0.5) == 0.75)
        #expect(backoff.interval(afterAttempt: 1, random: 0) == 0.5)
        // 2^4 = 16 s is capped at 10 s before the jitter: never longer than maxInterval.
        #expect(backoff.interval(afterAttempt: 5, random: 1) == 10)
        #expect(backoff.interval(afterAttempt: 5, random: 0) == 5)
        // Out-of-range settings are clamped: no negative waits, no waits beyond the computed one.
        var wild = backoff
        wild.jitter = 3
        #expect(wild.interval(afterAttempt: 1, random: 0) == 0)
        #expect(wild.interval(afterAttempt: 1, random: 7) == 1)
        wild.jitter = 0
        #expect(wild.interval(afterAttempt: 2, random: 0) == 2)
        #expect(RetryConfig.Backoff(initialInterval: 1, maxInterval: 1, exponent: 1, maxElapsedTime: 1).jitter == 0.25)
    }

    @Test("status codes match one by one and by class")
    func statusCodeRanges() {
        let policy = RetryConfig(backoff: RetryConfig.default.backoff, statusCodes: [429, .range(5)], retryConnectionErrors: false)
        for status in [429, 500, 503, 507, 599] {
            #expect(policy.retries(statusCode: status), "\(status)")
        }
        for status in [200, 428, 430, 499, 600] {
            #expect(!policy.retries(statusCode: status), "\(status)")
        }
        #expect(RetryConfig.StatusCode.range(4).matches(404))
        #expect(!RetryConfig.StatusCode.code(404).matches(405))
    }

    @Test("the default policy is the spec's x-sdkgen-retries")
    func defaultPolicy() {
        let policy = RetryConfig.default
        #expect(policy.backoff == RetryConfig.Backoff(
            initialInterval: 0.5,
            maxInterval: 60,
            exponent: 1.5,
            maxElapsedTime: 3600
        ))
        #expect(policy.statusCodes == [408, 429, 500, 502, 503, 504])
        #expect(policy.retryConnectionErrors)
        #expect(RetryConfig.disabled.statusCodes.isEmpty)
        #expect(!RetryConfig.disabled.retryConnectionErrors)
    }
}
