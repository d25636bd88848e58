import Foundation
import HCL
import Model

/// Runs the HCL specification's conformance cases (`X.hcl` + `X.hcldec` + `X.t`) and prints a pass count.
///
/// Usage: `hcl-specsuite DIR [--min-pass N]`. Exits 1 when fewer than N cases pass, so CI catches regressions.
@main
struct SpecSuiteRunner {
    static func main() {
        var args = Array(CommandLine.arguments.dropFirst())
        var minPass = 0
        if let i = args.firstIndex(of: "--min-pass"), i + 1 < args.count {
            minPass = Int(args[i + 1]) ?? 0
            args.removeSubrange(i...(i + 1))
        }
        guard let root = args.first else {
            FileHandle.standardError.write(Data("usage: hcl-specsuite DIR [--min-pass N]\n".utf8))
            exit(2)
        }
        let cases = findCases(root)
        var passed = 0
        for input in cases {
            let name = String(input.dropFirst(root.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            switch run(input) {
            case .none:
                passed += 1
                print("PASS \(name)")
            case .some(let reason):
                print("FAIL \(name): \(reason)")
            }
        }
        print("hcl-specsuite: \(passed)/\(cases.count) cases passed")
        exit(passed >= minPass ? 0 : 1)
    }

    static func findCases(_ root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let rel = walker.nextObject() as? String {
            guard rel.hasSuffix(".hcl") || rel.hasSuffix(".hcl.json") else { continue }
            let path = (root as NSString).appendingPathComponent(rel)
            if FileManager.default.fileExists(atPath: stem(path) + ".t") { out.append(path) }
        }
        return out.sorted()
    }

    static func stem(_ path: String) -> String {
        path.hasSuffix(".hcl.json") ? String(path.dropLast(9)) : String(path.dropLast(4))
    }

    static func read(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    /// nil on success, else why the case failed.
    static func run(_ input: String) -> String? {
        let base = stem(input)
        let expected = HCLParser.parse(read(base + ".t"), filename: base + ".t")
        guard expected.isValid else { return "cannot parse .t: \(expected.diagnostics)" }
        let specFile = HCLParser.parse(read(base + ".hcldec"), filename: base + ".hcldec")
        guard specFile.isValid else { return "cannot parse .hcldec: \(specFile.diagnostics)" }
        let spec: DecodeSpec
        let variables: [String: Value]
        do {
            (spec, variables) = try DecodeSpec.load(specFile.body)
        } catch {
            return "cannot read .hcldec: \(error)"
        }
        let parsed =
            input.hasSuffix(".json")
            ? HCLJSONSyntax.parse(read(input), filename: input, schema: .attributesOnly)
            : HCLParser.parse(read(input), filename: input)
        var decoder = SpecDecoder(context: EvalContext(variables: variables))
        var diagnostics = parsed.diagnostics.filter { $0.severity == .error }
        var result = Value.null
        if diagnostics.isEmpty {
            result = decoder.decode(parsed.body, spec)
            diagnostics += decoder.diagnostics.filter { $0.severity == .error }
        }
        if let diagBlock = expected.body.blocks(ofType: "diagnostics").first {
            let want = diagBlock.body.blocks(ofType: "error").map(expectedRange)
            let got = diagnostics.compactMap(\.range).map {
                "\($0.start.line):\($0.start.column)(\($0.start.byte))-\($0.end.line):\($0.end.column)(\($0.end.byte))"
            }
            return want == got ? nil : "expected errors at \(want), got \(got) \(diagnostics.map(\.message))"
        }
        if !diagnostics.isEmpty { return "unexpected errors: \(diagnostics.map(\.description))" }
        guard let resultExpr = expected.body.attribute("result")?.expression else { return nil }
        do {
            let want = try Evaluator.evaluate(resultExpr, in: EvalContext())
            return same(want, result) ? nil : "expected \(want), got \(result)"
        } catch {
            return "cannot evaluate expected result: \(error)"
        }
    }

    static func expectedRange(_ error: Block) -> String {
        func pos(_ name: String) -> String {
            guard let b = error.body.blocks(ofType: name).first else { return "?" }
            func n(_ key: String) -> String {
                guard let e = b.body.attribute(key)?.expression, case .number(let v)? = try? Evaluator.evaluate(e, in: EvalContext()) else {
                    return "?"
                }
                return Value.formatNumber(v)
            }
            return "\(n("line")):\(n("column"))(\(n("byte")))"
        }
        return "\(pos("from"))-\(pos("to"))"
    }

    /// Structural equality ignoring list/tuple/set and map/object distinctions; numbers at double precision.
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.number(x), .number(y)):
            return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
        case let (.string(x), .string(y)):
            return x == y
        default:
            if let xs = a.elements, let ys = b.elements {
                return xs.count == ys.count && zip(xs, ys).allSatisfy { same($0, $1) }
            }
            if let xm = a.members, let ym = b.members {
                return xm.count == ym.count && xm.allSatisfy { k, v in ym[k].map { same(v, $0) } ?? false }
            }
            return a == b
        }
    }
}
