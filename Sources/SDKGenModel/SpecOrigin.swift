import SDKGenBase
import SDKGenOpenAPI
import SDKGenYAML

/// Where a declaration of the SDK comes from in the spec.
///
/// Templates do not print it: `sdkgen diff` matches the declarations of two versions of an SDK by `key`, which the
/// Swift name may not be stable enough for, and points its reports at `location`.
public struct SpecOrigin: Sendable, Hashable {
    /// What the declaration stands for, the same in every version of the spec whatever Swift name it gets:
    /// `GET /users/{id}` for an operation,
    /// `query limit` for a parameter, `body` for a request body, `body field name` for a multipart field, the wire
    /// name of a property, the raw value of an enum case, the name of a security scheme or component.
    public var key: String
    /// Where the spec declares it.
    public var location: SourceLocation

    public init(key: String, location: SourceLocation) {
        self.key = key
        self.location = location
    }
}
