import Model

/// One step of a Terraform address or reference: `.name` or `[key]`.
enum TraversalStep: Hashable, Sendable {
    case name(String)
    case key(Resource.InstanceKey)
}

/// Parsing of the address strings Terraform writes into plan and state JSON.
///
/// Addresses are re-rendered from parsed steps (rather than compared as raw text) so the plan's
/// `planned_values`, `resource_changes` and `configuration` sections line up even if Terraform's
/// string escaping differs from ours.
enum TerraformAddress {
    /// Splits `module.a["k"].aws_s3_bucket.b[0].id` into steps; nil when the text is not a traversal.
    static func steps(_ text: String) -> [TraversalStep]? {
        let scalars = Array(text.unicodeScalars)
        var steps: [TraversalStep] = []
        var i = 0
        var expectName = true
        while i < scalars.count {
            let c = scalars[i]
            if c == "[" {
                guard let (key, next) = parseKey(scalars, from: i + 1) else { return nil }
                steps.append(.key(key))
                i = next
                expectName = false
                continue
            }
            if c == "." {
                guard !expectName else { return nil }
                i += 1
                expectName = true
                continue
            }
            guard expectName else { return nil }
            var name = String.UnicodeScalarView()
            while i < scalars.count, scalars[i] != ".", scalars[i] != "[" {
                name.append(scalars[i])
                i += 1
            }
            steps.append(.name(String(name)))
            expectName = false
        }
        if expectName && !steps.isEmpty { return nil }
        return steps.isEmpty ? nil : steps
    }

    /// Parses `0]` or `"text"]` starting just after the `[`; returns the key and the index after `]`.
    private static func parseKey(_ s: [Unicode.Scalar], from start: Int) -> (Resource.InstanceKey, Int)? {
        var i = start
        guard i < s.count else { return nil }
        if s[i] == "\"" {
            i += 1
            var out = String.UnicodeScalarView()
            while i < s.count, s[i] != "\"" {
                if s[i] == "\\" {
                    i += 1
                    guard i < s.count else { return nil }
                    switch s[i] {
                    case "n": out.append("\n")
                    case "t": out.append("\t")
                    case "r": out.append("\r")
                    default: out.append(s[i])
                    }
                } else {
                    out.append(s[i])
                }
                i += 1
            }
            guard i + 1 < s.count, s[i + 1] == "]" else { return nil }
            return (.string(String(out)), i + 2)
        }
        var digits = ""
        while i < s.count, s[i] != "]" {
            digits.unicodeScalars.append(s[i])
            i += 1
        }
        guard i < s.count, let n = Int(digits) else { return nil }
        return (.int(n), i + 1)
    }

    /// The address text of parsed steps: names joined by dots, keys in brackets.
    static func render(_ steps: ArraySlice<TraversalStep>) -> String {
        var out = ""
        for step in steps {
            switch step {
            case .name(let name): out += (out.isEmpty ? "" : ".") + name
            case .key(let key): out += key.description
            }
        }
        return out
    }

    /// `module.a.module.b["k"]` → `["module.a", "module.b[\"k\"]"]`; nil when it is not a module path.
    static func modulePath(_ address: String) -> [String]? {
        if address.isEmpty { return [] }
        guard let steps = steps(address) else { return nil }
        var path: [String] = []
        var i = 0
        while i < steps.count {
            guard steps[i] == .name("module"), i + 1 < steps.count, case .name(let call) = steps[i + 1] else {
                return nil
            }
            var segment = "module." + call
            i += 2
            if i < steps.count, case .key(let key) = steps[i] {
                segment += key.description
                i += 1
            }
            path.append(segment)
        }
        return path
    }

    /// Drops instance keys: `module.b["k"]` → `module.b`, giving the configuration (not instance) path.
    static func configPath(_ modulePath: [String]) -> [String] {
        modulePath.map { segment in
            guard let bracket = segment.firstIndex(of: "[") else { return segment }
            return String(segment[..<bracket])
        }
    }

    /// The provider's local name: `registry.terraform.io/hashicorp/aws` → `aws`, and in state
    /// `provider["registry.terraform.io/hashicorp/aws"].east` → `aws`, legacy `provider.aws.east` → `aws`.
    static func providerLocalName(_ text: String) -> String {
        var source = Substring(text)
        if let open = text.firstRange(of: "provider[\""), let close = text[open.upperBound...].firstIndex(of: "\"") {
            source = text[open.upperBound..<close]
        } else if let open = text.firstRange(of: "provider.") {
            source = text[open.upperBound...].prefix { $0 != "." }
        }
        if let slash = source.lastIndex(of: "/") {
            return String(source[source.index(after: slash)...])
        }
        return String(source)
    }

    /// The instance key named by a JSON `index`/`index_key` node: integral numbers and strings.
    static func instanceKey(_ value: Value) -> Resource.InstanceKey? {
        switch value {
        case .number(let n) where n == n.rounded() && abs(n) < 1e15: return .int(Int(n))
        case .string(let s): return .string(s)
        default: return nil
        }
    }
}
