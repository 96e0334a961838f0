/// Checks the new spec's `info.version` against the bump its changes need, read as semantic versions.
///
/// `1.4.2` → `2.0.0` is a major bump, → `1.5.0` a minor one, → `1.4.3` a patch. Below 1.0.0 semantic versioning
/// lets a minor bump carry breaking changes, so `0.3.1` → `0.4.0` is enough for them. A leading `v` and a
/// pre-release or build suffix (`-beta.1`, `+5`) are ignored; a version that is not two or three numbers separated
/// by dots (such as a date, `2024-01-01`) is not judged.
extension APIDiff {
    /// What is wrong with the new `info.version` given the changes, or `nil` when it is high enough (or either
    /// version cannot be read).
    public var versionShortfall: String? {
        guard let oldVersion, let newVersion,
              let old = Self.components(oldVersion), let new = Self.components(newVersion) else { return nil }
        if new.lexicographicallyPrecedes(old) {
            return "info.version goes down, from \(oldVersion) to \(newVersion)"
        }
        var needed = versionBump
        if needed == .major && old[0] == 0 && new[0] == 0 {
            needed = .minor
        }
        let given = Self.bump(from: old, to: new)
        guard Self.rank(given) < Self.rank(needed) else { return nil }
        let givenText = given == .none ? "stays \(newVersion)" : "goes from \(oldVersion) to \(newVersion), a \(given.rawValue) bump"
        return "info.version \(givenText), but the changes need a \(needed.rawValue) one"
    }

    /// `[1, 4, 2]` for `v1.4.2-beta`, `[1, 4, 0]` for `1.4`; `nil` when a part is not a number or there are not two or three.
    private static func components(_ version: String) -> [Int]? {
        var text = Substring(version)
        if text.first == "v" || text.first == "V" { text = text.dropFirst() }
        let core = text.prefix { $0 != "-" && $0 != "+" }
        let parts = core.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard (2...3).contains(parts.count), parts.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        return parts.compactMap { $0 } + Array(repeating: 0, count: 3 - parts.count)
    }

    private static func bump(from old: [Int], to new: [Int]) -> VersionBump {
        if new[0] != old[0] { return .major }
        if new[1] != old[1] { return .minor }
        return new[2] != old[2] ? .patch : .none
    }

    private static func rank(_ bump: VersionBump) -> Int {
        switch bump {
        case .none: 0
        case .patch: 1
        case .minor: 2
        case .major: 3
        }
    }
}
