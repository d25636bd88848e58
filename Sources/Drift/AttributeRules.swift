import Checks

/// Compiled attribute patterns of one resource type: which paths to ignore and which to compare order-free.
///
/// Paths are written without list indices (`versioning.mfa_delete` covers `versioning[0].mfa_delete`), and a
/// pattern also covers everything below it (`timeouts` covers `timeouts.create`). `*` is a wildcard.
public struct AttributeRules: Sendable, Hashable {
    private var ignoredExact: Set<String>
    private var ignoredPatterns: [String]
    private var setExact: Set<String>
    private var setPatterns: [String]

    /// Rules from pattern lists.
    public init(ignore: [String] = [], sets: [String] = []) {
        (ignoredExact, ignoredPatterns) = Self.split(ignore)
        (setExact, setPatterns) = Self.split(sets)
    }

    /// These rules plus `other`'s.
    public func merging(_ other: AttributeRules) -> AttributeRules {
        var out = self
        out.ignoredExact.formUnion(other.ignoredExact)
        out.ignoredPatterns += other.ignoredPatterns
        out.setExact.formUnion(other.setExact)
        out.setPatterns += other.setPatterns
        return out
    }

    /// True when the attribute at `path` (indices stripped) is provider-computed or defaulted and not compared.
    public func isIgnored(_ path: String) -> Bool {
        ignoredExact.contains(path) || ignoredPatterns.contains { Wildcard.matches($0, path) }
    }

    /// True when the attribute at `path` (indices stripped) is a set in the provider schema.
    public func isSet(_ path: String) -> Bool {
        setExact.contains(path) || setPatterns.contains { Wildcard.matches($0, path) }
    }

    private static func split(_ patterns: [String]) -> (Set<String>, [String]) {
        var exact = Set<String>()
        var wild: [String] = []
        for p in patterns {
            if p.contains("*") { wild.append(p) } else { exact.insert(p) }
        }
        return (exact, wild)
    }
}
