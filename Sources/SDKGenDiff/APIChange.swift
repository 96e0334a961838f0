import SDKGenBase
import SDKGenModel
import SDKGenView

/// One difference between two versions of an SDK's public API, as a user of the SDK meets it.
public struct APIChange: Sendable, Hashable, Codable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case operationAdded, operationRemoved, operationRenamed
        case returnTypeChanged
        case parameterAdded, parameterRemoved, parameterRenamed, parameterTypeChanged
        case parameterBecameRequired, parameterBecameOptional, parametersReordered
        case securityTightened, securityRelaxed, credentialAdded, credentialRemoved, credentialChanged
        case globalHeaderAdded, globalHeaderRemoved, globalHeaderRenamed
        case modelAdded, modelRemoved, modelKindChanged
        case fieldAdded, fieldRemoved, fieldRenamed, fieldTypeChanged, fieldBecameOptional, fieldBecameRequired
        case enumValueAdded, enumValueRemoved, enumValueRenamed
        case unionCaseAdded, unionCaseRemoved, unionCaseTypeChanged
        case errorCaseAdded, errorCaseRemoved, errorCaseTypeChanged
        case serverURLChanged, serverVariableAdded, serverVariableRemoved, serverVariableDefaultChanged
        case operationDeprecated, modelDeprecated, fieldDeprecated
        case retryPolicyChanged
    }

    /// Whether code written against the old SDK keeps compiling and working with the new one.
    public enum Classification: String, Sendable, Hashable, Codable, Comparable {
        /// Code using the old SDK may stop compiling, or requests it sends may be refused.
        case breaking
        /// Code using the old SDK keeps compiling and working.
        case compatible

        public static func < (lhs: Classification, rhs: Classification) -> Bool {
            lhs == .breaking && rhs == .compatible
        }
    }

    public var kind: Kind
    public var classification: Classification
    /// Where the change is in the new spec, or in the old one for something removed.
    public var location: SourceLocation
    /// What changed, for a person: `the required argument `date: String` is added`.
    public var message: String
    /// The Swift declaration the change touches, as the old SDK names it when it had it: a function such as
    /// `ModelGates.analytics.getUserActivity(date:)`, a property such as `ActivityItem.usage`, a type, an enum case.
    public var symbol: String

    public init(_ kind: Kind, _ classification: Classification, at location: SourceLocation, symbol: String, message: String) {
        self.kind = kind
        self.classification = classification
        self.location = location
        self.symbol = symbol
        self.message = message
    }
}
