import Foundation
import Model

/// A dotted attribute path such as `versioning.*.enabled`, `metadata_options.0.http_tokens` or `ingress[*].cidr_blocks`.
///
/// A key applied to a list (a nested block) descends into every element, so `versioning.enabled` reads the
/// same values as `versioning.*.enabled`; this matches how Checkov and Terraform's plan JSON flatten blocks.
public struct AttributePath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
        case wildcard
    }

    public let components: [Component]
    /// The path as written, for evidence and messages.
    public let text: String

    /// Parses `a.b.0.c`, `a[0].b`, `a.*.b`, `a[*].b`; nil for an empty path or an empty component.
    public init?(_ text: String) {
        // Most paths have no brackets; Foundation's search is costly enough to skip when there is nothing to find.
        let hasBracket = text.utf8.contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") }
        let normalized =
            hasBracket ? text.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "") : text
        var components: [Component] = []
        for part in normalized.split(separator: ".", omittingEmptySubsequences: false) {
            if part.isEmpty { return nil }
            if part == "*" {
                components.append(.wildcard)
            } else if let i = Int(part), i >= 0 {
                components.append(.index(i))
            } else {
                components.append(.key(String(part)))
            }
        }
        guard !components.isEmpty else { return nil }
        self.components = components
        self.text = text
    }

    public var description: String { text }

    /// True when the path can match more than one value (explicit wildcard or a key that may hit a list).
    public var hasWildcard: Bool { components.contains(.wildcard) }

    /// One value the path reached; `value` may be `.unknown` when the walk hit an unknown container.
    public struct Match: Sendable {
        public var path: String
        public var value: Value
        /// False when an unknown container stopped the walk before the last component: whether the attribute
        /// exists at all is then unknown. True when `value` is the attribute itself (even an unknown one).
        public var isComplete = true
    }

    /// Every value the path reaches in `root`; absent and null members produce no match.
    public func resolve(in root: [String: Value]) -> [Match] {
        var out: [Match] = []
        guard case .key(let first) = components[0] else {
            return out
        }
        guard let start = root[first] else { return out }
        walk(start, at: 1, path: first, into: &out)
        return out
    }

    /// Every value the path reaches below `value` (used for paths relative to a nested object).
    public func resolve(in value: Value) -> [Match] {
        var out: [Match] = []
        walk(value, at: 0, path: "", into: &out)
        return out
    }

    private func walk(_ value: Value, at index: Int, path: String, into out: inout [Match]) {
        if case .null = value { return }
        if case .unknown = value {
            // An unknown container hides whether deeper members exist: report the unknown itself.
            out.append(Match(path: path, value: .unknown, isComplete: index == components.count))
            return
        }
        if index == components.count {
            out.append(Match(path: path, value: value))
            return
        }
        switch components[index] {
        case .key(let key):
            if let members = value.members {
                if let next = members[key] { walk(next, at: index + 1, path: Self.join(path, key), into: &out) }
            } else if let items = value.elements {
                // Implicit descent into nested blocks: a key applied to a list applies to each element.
                for (i, item) in items.enumerated() where item.members != nil || !item.isKnown {
                    walk(item, at: index, path: Self.join(path, String(i)), into: &out)
                }
            }
        case .index(let i):
            if let items = value.elements {
                if i < items.count { walk(items[i], at: index + 1, path: Self.join(path, String(i)), into: &out) }
            } else if let members = value.members, let next = members[String(i)] {
                walk(next, at: index + 1, path: Self.join(path, String(i)), into: &out)
            }
        case .wildcard:
            if let items = value.elements {
                for (i, item) in items.enumerated() {
                    walk(item, at: index + 1, path: Self.join(path, String(i)), into: &out)
                }
            } else if let members = value.members {
                for key in members.keys.sorted() {
                    if let next = members[key] { walk(next, at: index + 1, path: Self.join(path, key), into: &out) }
                }
            }
        }
    }

    private static func join(_ base: String, _ part: String) -> String {
        base.isEmpty ? part : base + "." + part
    }
}
