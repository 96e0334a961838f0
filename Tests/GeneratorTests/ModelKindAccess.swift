@testable import SDKGenCore

extension ModelDeclaration {
    /// The struct the model is declared as, if it is one.
    var structure: StructModel? {
        if case .structure(let model) = kind { return model }
        return nil
    }

    /// The enum the model is declared as, if it is one.
    var enumeration: EnumModel? {
        if case .enumeration(let model) = kind { return model }
        return nil
    }

    /// The union the model is declared as, if it is one.
    var union: UnionModel? {
        if case .union(let model) = kind { return model }
        return nil
    }
}
