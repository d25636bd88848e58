import Foundation
import Model
import Testing

@testable import HCL

@Suite struct FilesystemFunctionsTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "bulwark-fs-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
        try "hello world".write(toFile: directory + "/hello.txt", atomically: true, encoding: .utf8)
        try "Hello, ${name}!".write(toFile: directory + "/greeting.tftpl", atomically: true, encoding: .utf8)
        try "a".write(toFile: directory + "/sub/a.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: directory + "/sub/deep", withIntermediateDirectories: true)
        try "b".write(toFile: directory + "/sub/deep/b.txt", atomically: true, encoding: .utf8)
        try "c".write(toFile: directory + "/sub/deep/c.json", atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE]).write(to: URL(fileURLWithPath: directory + "/binary.bin"))
    }

    var context: FunctionContext {
        FunctionContext(baseDirectory: directory, maxFileSize: 64) { source, _, variables in
            // A stand-in renderer: the evaluator installs the real template engine.
            var out = source
            for (key, value) in variables { out = out.replacingOccurrences(of: "${\(key)}", with: value.stringValue ?? "") }
            return .string(out)
        }
    }

    @Test func readsFilesRelativeToTheModule() throws {
        #expect(try call("file", .string("hello.txt"), context: context) == .string("hello world"))
        #expect(try call("file", .string(directory + "/hello.txt"), context: context) == .string("hello world"))
        #expect(try call("filebase64", .string("hello.txt"), context: context) == .string("aGVsbG8gd29ybGQ="))
        #expect(try call("filemd5", .string("hello.txt"), context: context) == .string("5eb63bbbe01eeed093cb22bb8f5acdc3"))
        #expect(
            try call("filesha256", .string("hello.txt"), context: context)
                == .string("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"))
        #expect(
            try call("filebase64sha256", .string("hello.txt"), context: context)
                == .string("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek="))
        #expect(try call("fileexists", .string("hello.txt"), context: context) == .bool(true))
        #expect(try call("fileexists", .string("missing.txt"), context: context) == .bool(false))
    }

    // developer.hashicorp.com/terraform/language/functions/fileset: paths relative to the given directory.
    @Test func fileset() throws {
        let all = Value.set(from: [.string("a.txt"), .string("deep/b.txt"), .string("deep/c.json")])
        #expect(try call("fileset", .string("sub"), .string("**"), context: context) == all)
        #expect(try call("fileset", .string("sub"), .string("*.txt"), context: context) == .set(from: [.string("a.txt")]))
        #expect(
            try call("fileset", .string("sub"), .string("**/*.txt"), context: context)
                == .set(from: [.string("a.txt"), .string("deep/b.txt")]))
        #expect(
            try call("fileset", .string("sub"), .string("deep/*.{txt,json}"), context: context)
                == .set(from: [.string("deep/b.txt"), .string("deep/c.json")]))
        #expect(try call("fileset", .string("sub"), .string("deep/[a-b].???"), context: context) == .set(from: [.string("deep/b.txt")]))
        #expect(try call("fileset", .string("nonexistent"), .string("*"), context: context) == .set([]))
    }

    @Test func templatefileRendersThroughTheContext() throws {
        #expect(
            try call("templatefile", .string("greeting.tftpl"), .object(["name": .string("Ada")]), context: context)
                == .string("Hello, Ada!"))
        #expect(try call("templatefile", .unknown, .object([:]), context: context) == .unknown)
        #expect(
            failure("templatefile", .string("greeting.tftpl"), .object([:]), context: FunctionContext(baseDirectory: directory))?
                .contains("template rendering is not available") == true)
    }

    @Test func errors() {
        #expect(
            failure("file", .string("missing.txt"), context: context)?
                .hasPrefix("Invalid value for \"path\" parameter: no file exists at \"\(directory)/missing.txt\"; this function works only")
                == true)
        #expect(failure("file", .string("binary.bin"), context: context)?.contains("not valid UTF-8") == true)
        #expect(failure("file", .string("sub"), context: context)?.contains("is a directory") == true)
        #expect(failure("fileexists", .string("sub"), context: context)?.contains("not a regular file") == true)
        let small = FunctionContext(baseDirectory: directory, maxFileSize: 4)
        #expect(failure("file", .string("hello.txt"), context: small)?.contains("byte limit") == true)
    }

    // developer.hashicorp.com/terraform/language/functions/{basename,dirname,abspath,pathexpand}
    @Test func pathFunctions() throws {
        #expect(try call("basename", .string("foo/bar/baz.txt")) == .string("baz.txt"))
        #expect(try call("basename", .string("/")) == .string("/"))
        #expect(try call("basename", .string("foo/bar/")) == .string("bar"))
        #expect(try call("basename", .string("")) == .string("."))
        #expect(try call("dirname", .string("foo/bar/baz.txt")) == .string("foo/bar"))
        #expect(try call("dirname", .string("baz.txt")) == .string("."))
        #expect(try call("dirname", .string("/baz.txt")) == .string("/"))
        #expect(try call("abspath", .string("/a/./b/../c")) == .string("/a/c"))
        let cwd = FileManager.default.currentDirectoryPath
        #expect(try call("abspath", .string("x")) == .string(cwd + "/x"))
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        #expect(try call("pathexpand", .string("~/.ssh/id_rsa")) == .string(home + "/.ssh/id_rsa"))
        #expect(try call("pathexpand", .string("/etc/resolv.conf")) == .string("/etc/resolv.conf"))
    }
}
