import Foundation
import Model
import Testing

@testable import HCL

/// The file functions read only inside the read roots: `..`, absolute paths and symbolic links that lead out are
/// refused before anything outside is looked at, whether or not the file exists.
@Suite struct FileConfinementTests {
    let base: String
    var root: String { base + "/repo" }
    var outside: String { base + "/outside" }

    init() throws {
        base = NSTemporaryDirectory() + "bulwark-confine-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/repo/sub", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside/deep", withIntermediateDirectories: true)
        try "inside".write(toFile: base + "/repo/inside.txt", atomically: true, encoding: .utf8)
        try "a".write(toFile: base + "/repo/sub/a.txt", atomically: true, encoding: .utf8)
        try "Hi ${name}".write(toFile: base + "/repo/t.tftpl", atomically: true, encoding: .utf8)
        try "canary".write(toFile: base + "/outside/canary.txt", atomically: true, encoding: .utf8)
        try "canary".write(toFile: base + "/outside/deep/b.txt", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: base + "/repo/link.txt", withDestinationPath: "../outside/canary.txt")
        try fm.createSymbolicLink(atPath: base + "/repo/dirlink", withDestinationPath: base + "/outside")
        try fm.createSymbolicLink(atPath: base + "/repo/inner-link.txt", withDestinationPath: "inside.txt")
    }

    var context: FunctionContext {
        FunctionContext(
            baseDirectory: root, maxFileSize: 1 << 20, renderTemplate: { source, _, _ in .string(source) },
            readRoots: ReadRoots([root], in: DiskFileTree()))
    }

    /// The marker the evaluator turns into an unknown value with a warning; nil when the call did something else.
    func unread(_ name: String, _ arguments: Value...) -> UnreadFile? {
        do {
            _ = try FunctionTable.standard.call(name, arguments: arguments, context: context)
            return nil
        } catch {
            #expect(!error.message.contains(outside), "the message names the outside path: \(error.message)")
            return error.unread
        }
    }

    @Test("every reading function refuses a path outside the roots, existing or not")
    func everyFunctionIsGated() {
        let escapes = [
            outside + "/canary.txt", "../outside/canary.txt", "link.txt", "dirlink/canary.txt", outside + "/missing.txt",
            "../outside/missing.txt", "dirlink/missing.txt", "/etc/passwd",
        ]
        let single = [
            "file", "filebase64", "fileexists", "filemd5", "filesha1", "filesha256", "filesha512", "filebase64sha256",
            "filebase64sha512",
        ]
        for path in escapes {
            for name in single {
                #expect(unread(name, .string(path)) == .outsideReadRoots, "\(name)(\(path))")
            }
            #expect(unread("templatefile", .string(path), .object([:])) == .outsideReadRoots, "templatefile(\(path))")
        }
    }

    @Test("fileset does not walk a directory outside the roots, nor the file system root")
    func filesetIsGated() {
        #expect(unread("fileset", .string("/"), .string("**")) == .outsideReadRoots)
        #expect(unread("fileset", .string(outside), .string("*")) == .outsideReadRoots)
        #expect(unread("fileset", .string("dirlink"), .string("*")) == .outsideReadRoots)
        #expect(unread("fileset", .string(".."), .string("**")) == .outsideReadRoots)
    }

    @Test("inside the roots the functions behave as before, links inside included")
    func insideReads() throws {
        #expect(try call("file", .string("inside.txt"), context: context) == .string("inside"))
        #expect(try call("file", .string("inner-link.txt"), context: context) == .string("inside"))
        #expect(try call("file", .string(root + "/sub/../inside.txt"), context: context) == .string("inside"))
        #expect(try call("fileexists", .string("sub/a.txt"), context: context) == .bool(true))
        #expect(try call("fileexists", .string("sub/none.txt"), context: context) == .bool(false))
        #expect(try call("templatefile", .string("t.tftpl"), .object([:]), context: context) == .string("Hi ${name}"))
        let listed = try call("fileset", .string("."), .string("**/*.txt"), context: context)
        #expect(listed == .set(from: [.string("inside.txt"), .string("sub/a.txt"), .string("link.txt"), .string("inner-link.txt")]))
    }

    @Test("a missing file inside keeps Terraform's error, naming only the inside path")
    func missingInside() {
        do {
            _ = try FunctionTable.standard.call("file", arguments: [.string("none.txt")], context: context)
            Issue.record("expected an error")
        } catch {
            #expect(error.unread == nil)
            #expect(error.missingFile == root + "/none.txt")
            #expect(error.message.contains("no file exists at"))
        }
    }

    @Test("without read roots nothing is confined (a caller that trusts the whole tree)")
    func unconfined() throws {
        let open = FunctionContext(baseDirectory: root)
        #expect(try call("file", .string("../outside/canary.txt"), context: open) == .string("canary"))
    }

    @Test("the evaluator makes an outside read unknown and warns with the call as written, at its position")
    func evaluatorWarning() throws {
        let text = "upper(file(\"/etc/passwd\"))"
        let (expression, diagnostics) = HCLParser.parseExpression(Array(text.utf8), filename: "main.tf")
        #expect(diagnostics.isEmpty)
        let parsed = try #require(expression)
        let log = WarningLog()
        let value = try Evaluator.evaluate(parsed, in: EvalContext(functionContext: context, warnings: log))
        #expect(value == .unknown)
        let warning = try #require(log.diagnostics.first)
        #expect(warning.code == .outsideReadRoots)
        #expect(warning.severity == .warning)
        #expect(warning.message.hasPrefix("file(\"/etc/passwd\") reads outside"), "\(warning.message)")
        #expect(warning.range?.description == "main.tf:1:7")
    }

    @Test("inside try and can an outside read is still unknown and still warned about")
    func insideTry() throws {
        let text = "try(file(\"${path}/canary.txt\"), \"fallback\")"
        let (expression, _) = HCLParser.parseExpression(Array(text.utf8), filename: "main.tf")
        let log = WarningLog()
        let ctx = EvalContext(variables: ["path": .string(outside)], functionContext: context, warnings: log)
        #expect(try Evaluator.evaluate(try #require(expression), in: ctx) == .unknown)
        #expect(log.diagnostics.first?.message.hasPrefix("file(\"${path}/canary.txt\") reads outside") == true)
        #expect(log.diagnostics.allSatisfy { !$0.message.contains(outside) })
    }
}
