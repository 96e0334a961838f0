import Foundation
import Openrouter

/// One fuzz input against the generated SDK's JSON types (the list in `Decoders.swift`, written by
/// Scripts/fuzz.sh from `sdkgen round-trip`'s manifest): the first two bytes pick the type, the rest is the
/// JSON. Decoding may fail with an error, never crash or hang; a value that decodes must encode, its encoding
/// must decode again, and encoding that value must give the same JSON (up to key order).
enum DecodeTarget {
    static let decoder = JSONCoding.makeDecoder()
    static let encoder = JSONCoding.makeEncoder()

    static func run(_ bytes: [UInt8]) {
        guard bytes.count >= 2, !decoders.isEmpty else { return }
        let index = (Int(bytes[0]) << 8 | Int(bytes[1])) % decoders.count
        decoders[index].check(Data(bytes[2...]))
    }

    /// Decodes `json` as `Value`, and when it decodes, checks that the value's encoding is stable.
    static func roundTrip<Value: Codable>(_ type: Value.Type, _ json: Data) {
        guard let value = try? decoder.decode(Value.self, from: json) else { return }
        let first: Data
        do {
            first = try encoder.encode(value)
        } catch {
            // Only a value JSON cannot hold (a non-finite Double) may fail to encode; none decodes from JSON.
            preconditionFailure("\(Value.self) decoded but does not encode: \(error)")
        }
        let again: Value
        do {
            again = try decoder.decode(Value.self, from: first)
        } catch {
            preconditionFailure("\(Value.self) does not decode its own encoding \(String(decoding: first, as: UTF8.self)): \(error)")
        }
        guard let second = try? encoder.encode(again),
              let firstObject = try? JSONSerialization.jsonObject(with: first, options: [.fragmentsAllowed]) as? NSObject,
              let secondObject = try? JSONSerialization.jsonObject(with: second, options: [.fragmentsAllowed]) as? NSObject,
              firstObject.isEqual(secondObject)
        else {
            preconditionFailure("\(Value.self) encodes differently after a round trip: \(String(decoding: first, as: UTF8.self))")
        }
    }
}

/// A type the fuzzer decodes: `Decoders.swift` lists them as `let decoders: [FuzzedType]`.
struct FuzzedType: Sendable {
    var name: String
    var check: @Sendable (Data) -> Void

    init<Value: Codable>(_ type: Value.Type) {
        name = "\(Value.self)"
        check = { DecodeTarget.roundTrip(Value.self, $0) }
    }
}
