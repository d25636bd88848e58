import Foundation
import Model
import Testing

/// Where evaluation may read, and the one directory walk: links resolved before judging, never followed to walk.
@Suite struct ReadRootsTests {
    let base: String

    init() throws {
        base = NSTemporaryDirectory() + "bulwark-roots-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: base + "/repo/.git", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/repo/infra/prod", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/plain/stack", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: base + "/outside", withIntermediateDirectories: true)
        try "x".write(toFile: base + "/outside/secret.txt", atomically: true, encoding: .utf8)
        try "x".write(toFile: base + "/repo/infra/main.tf", atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: base + "/repo/infra/out", withDestinationPath: "../../outside")
        try fm.createSymbolicLink(atPath: base + "/repo/infra/dangling", withDestinationPath: base + "/outside/none/x")
    }

    @Test("the root is the enclosing repository, else the scanned directory (a file's own directory)")
    func scanRoot() {
        let tree = DiskFileTree()
        let real = tree.resolvedPath(base) ?? base
        #expect(ReadRoots.scanRoot(of: base + "/repo/infra/prod", in: tree) == real + "/repo")
        #expect(ReadRoots.scanRoot(of: base + "/repo/infra/main.tf", in: tree) == real + "/repo")
        #expect(ReadRoots.scanRoot(of: base + "/plain/stack", in: tree) == real + "/plain/stack")
        let snapshot = MemoryFileTree(root: "/git/abc", files: ["a/main.tf": []])
        #expect(ReadRoots.scanRoot(of: "/git/abc/a", in: snapshot) == "/git/abc")
    }

    @Test("a path is inside only when its real path is: links out, dangling links and .. escapes are outside")
    func containment() {
        let tree = DiskFileTree()
        let roots = ReadRoots([base + "/repo"], in: tree)
        #expect(roots.contains(base + "/repo/infra/main.tf", in: tree))
        #expect(roots.contains(base + "/repo/infra/not-yet.txt", in: tree))
        #expect(roots.contains(base + "/repo", in: tree))
        #expect(!roots.contains(base + "/repo/infra/out/secret.txt", in: tree))
        #expect(!roots.contains(base + "/repo/infra/out/missing.txt", in: tree))
        #expect(!roots.contains(base + "/repo/infra/dangling", in: tree))
        #expect(!roots.contains(base + "/repo/../outside/secret.txt", in: tree))
        #expect(!roots.contains(base + "/repository-lookalike/x", in: tree))
        #expect(!roots.contains("/etc/passwd", in: tree))
        let snapshot = MemoryFileTree(root: "/git/abc", files: ["a/main.tf": []])
        let memoryRoots = ReadRoots(["/git/abc"], in: snapshot)
        #expect(memoryRoots.contains("/git/abc/a/main.tf", in: snapshot))
        #expect(!memoryRoots.contains("/git/abc/../x", in: snapshot))
    }

    @Test("the walker visits each real directory once and never follows a link to a directory")
    func walkerIgnoresDirectoryLinks() throws {
        let top = base + "/loops"
        try FileManager.default.createDirectory(atPath: top + "/sub", withIntermediateDirectories: true)
        try "x".write(toFile: top + "/main.tf", atomically: true, encoding: .utf8)
        try "x".write(toFile: top + "/sub/vars.tf", atomically: true, encoding: .utf8)
        for name in ["a", "b", "sub/up"] {
            try FileManager.default.createSymbolicLink(atPath: top + "/" + name, withDestinationPath: ".")
        }
        try FileManager.default.createSymbolicLink(atPath: top + "/escape", withDestinationPath: base + "/outside")
        try FileManager.default.createSymbolicLink(atPath: top + "/linked.tf", withDestinationPath: "main.tf")
        let walked = FileTreeWalker.walk(top, in: DiskFileTree())
        #expect(walked.map(\.path) == [top, top + "/sub"])
        #expect(walked.first?.files == ["linked.tf", "main.tf"])
        #expect(walked.last?.files == ["vars.tf"])
    }
}
