import Foundation
import HCL
import Model
import Testing

/// Uses the real `terraform console` as an evaluation oracle: every expression below is evaluated by
/// Terraform and by us, both rendered with `jsonencode`, and the texts must be identical.
@Suite("Evaluator: terraform console oracle")
struct TerraformConsoleOracleTests {
    /// Expressions chosen to exercise operators, for expressions, splats, templates and functions.
    /// Only wholly-known results: the console prints "(known after apply)" otherwise.
    static let expressions: [String] = [
        // operators and precedence
        "1 + 2 * 3 - 4 / 8", "7 % 3", "-5 % 3", "2 > 1 && !(1 == 2) || false", #""1" + 2"#, "1 == \"1\"",
        "true ? 1 : 2", "true ? 1 : \"a\"", "false ? [1] : [\"x\", \"y\"]", "true ? {a = 1} : {a = \"s\"}",
        "false ? [\"a\"] : [\"b\", \"c\"]", "10 / 4", "0.1 + 0.2", "1e3",
        // collections, for, splat
        "[for i, v in [\"a\", \"b\"] : \"${i}-${v}\"]", "{for k, v in {a = 1, b = 2} : v => k}",
        "{for s in [\"x\", \"y\", \"x\"] : s => s...}", "[for v in [1, 2, 3, 4] : v * v if v % 2 == 0]",
        "[{a = 1}, {a = 2}][*].a", "{a = [1, 2]}.a[1]", "[[1, 2], [3]][0]",
        // templates
        #""%{for x in [1, 2, 3]}${x},%{endfor}""#, #""%{if 1 < 2}yes%{else}no%{endif}""#, #""a ${"b"} c""#,
        // string functions
        #"format("%05.2f|%-4s|%q|%d|%t|%v", 3.14159, "ab", "x", 42, true, [1])"#,
        #"formatlist("%s=%d", ["a", "b"], [1, 2])"#, #"join("-", ["a", "b", "c"])"#, #"split(",", "a,b,,c")"#,
        #"replace("hello world", "/o(.)/", "0$1")"#, #"replace("a.b.c", ".", "-")"#, #"regex("(\\d+)-(\\w+)", "x 12-ab y")"#,
        #"regexall("[a-z]+", "a1bc2def")"#, #"regex("(?P<year>\\d{4})-(?P<month>\\d{2})", "2026-11")"#,
        #"lower("ÀBC")"#, #"upper("straße")"#, #"title("hello wORLD")"#, #"trimspace("  x \n")"#,
        #"trim("?!hello?!", "!?")"#, #"trimprefix("helloworld", "hello")"#, #"trimsuffix("helloworld", "world")"#,
        #"substr("hello world", 1, 4)"#, #"substr("🎉abc", -2, -1)"#, #"startswith("hello", "he")"#,
        #"endswith("hello", "lo")"#, #"strcontains("hello", "ll")"#, #"chomp("x\n\n")"#, #"indent(2, "a\nb")"#,
        #"strrev("abc")"#,
        // collection functions
        "length(\"héllo\")", "length([1, 2, 3])", "element([\"a\", \"b\"], 3)", "concat([1], [2, 3])",
        "flatten([[1, [2]], 3])", "merge({a = 1, b = 2}, {b = 3})", "lookup({a = 1}, \"b\", 0)",
        "keys({b = 1, a = 2})", "values({b = 1, a = 2})", "contains([\"a\"], \"a\")", "distinct([1, 2, 1])",
        "coalesce(\"\", \"b\")", "coalescelist([], [1])", "compact([\"a\", \"\", \"b\"])", "zipmap([\"a\", \"b\"], [1, 2])",
        "slice([1, 2, 3, 4], 1, 3)", "setunion([\"a\"], [\"b\", \"a\"])", "setintersection([1, 2], [2, 3])",
        "setsubtract([1, 2], [2])", "setproduct([\"a\", \"b\"], [1, 2])", "one([\"x\"])", "range(3)", "range(1, 10, 3)",
        "index([\"a\", \"b\"], \"b\")", "reverse([1, 2])", "sort([\"b\", \"a\", \"10\"])", "sum([1, 2.5])",
        "transpose({a = [\"1\", \"2\"], b = [\"2\"]})", "chunklist([1, 2, 3], 2)", "alltrue([true, \"true\"])",
        "anytrue([])", "tolist(toset([\"b\", \"a\"]))", "tomap({a = 1, b = \"x\"})", "tonumber(\"42\")", "tobool(\"true\")",
        "try(tonumber(\"x\"), 7)", "can(tonumber(\"x\"))",
        // numeric
        "min(3, 1, 2)", "max(1.5, 2)", "abs(-4)", "ceil(1.2)", "floor(-1.2)", "parseint(\"ff\", 16)", "parseint(\"-101\", 2)",
        "pow(2, 10)", "signum(-3)", "log(8, 2)",
        // encoding
        #"jsondecode("{\"b\":[1,2],\"a\":null}")"#, #"yamlencode({a = [1, "x"], b = {c = true}})"#,
        #"base64encode("hello")"#, #"base64decode("aGVsbG8=")"#, #"urlencode("a b&c/d")"#, #"jsonencode("<&>")"#,
        #"csvdecode("a,b\n1,2\n")"#,
        // ipnet
        #"cidrsubnet("10.0.0.0/16", 8, 2)"#, #"cidrsubnets("10.0.0.0/16", 4, 8, 4)"#, #"cidrhost("10.0.0.0/24", -2)"#,
        #"cidrnetmask("172.16.0.0/12")"#, #"cidrsubnet("fd00::/56", 8, 3)"#,
        // hash
        #"md5("hello")"#, #"sha1("hello")"#, #"sha256("hello")"#, #"base64sha256("hello")"#,
        // time
        #"timeadd("2026-01-01T00:00:00Z", "36h30m")"#, #"formatdate("YYYY-MM-DD hh:mm", "2026-03-04T05:06:07Z")"#,
    ]

    static func terraformPath() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/terraform") {
            return "\(dir)/terraform"
        }
        return nil
    }

    /// Terraform's `jsonencode` of each expression, in order.
    static func terraformResults(_ terraform: String) throws -> [String] {
        let combined = "jsonencode([" + expressions.map { "jsonencode(\($0))" }.joined(separator: ", ") + "])"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bulwark-console-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: terraform)
        process.arguments = ["console"]
        process.currentDirectoryURL = dir
        var env = ProcessInfo.processInfo.environment
        // An empty CLI configuration keeps terraform from warning about a missing ~/.terraformrc.
        let config = dir.appendingPathComponent("terraformrc")
        try Data().write(to: config)
        env["TF_CLI_CONFIG_FILE"] = config.path
        env["NO_COLOR"] = "1"
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data((combined + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else {
            throw OracleError(message: "terraform console failed: \(text)\n\(errorText)")
        }
        // The console prints an HCL string literal; our own parser reads it back.
        let (expr, diags) = HCLParser.parseExpression(Array(text.utf8), filename: "console-output")
        guard let expr, diags.isEmpty, case .string(let json) = try Evaluator.evaluate(expr, in: EvalContext()) else {
            throw OracleError(message: "unexpected console output: \(text.prefix(300))")
        }
        let node = try JSONParser.parse(json, filename: "console-json")
        return (node.arrayItems ?? []).compactMap(\.stringValue)
    }

    struct OracleError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    @Test("our evaluation matches terraform console for every expression")
    func matchesTerraform() throws {
        guard let terraform = Self.terraformPath() else {
            Issue.record("terraform is not on PATH; it is required as the evaluation oracle")
            return
        }
        let expected = try Self.terraformResults(terraform)
        try #require(expected.count == Self.expressions.count, "terraform returned \(expected.count) results")
        for (i, source) in Self.expressions.enumerated() {
            let (expr, diags) = HCLParser.parseExpression(Array("jsonencode(\(source))".utf8), filename: "oracle")
            guard let expr, diags.isEmpty else {
                Issue.record("we cannot parse \(source): \(diags)")
                continue
            }
            do {
                let ours = try Evaluator.evaluate(expr, in: EvalContext())
                #expect(ours == .string(expected[i]), "\(source)\n terraform: \(expected[i])\n ours:      \(ours)")
            } catch {
                Issue.record("we fail on \(source): \(error); terraform gives \(expected[i])")
            }
        }
    }
}
