import Foundation
import TestSupport
import Testing

@testable import Remediation

/// The unified diff generator: exact output on small cases, and GNU patch as the oracle that it applies.
@Suite("Unified diff")
struct UnifiedDiffTests {
    @Test("equal texts give no diff")
    func equal() {
        #expect(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldName: "a/x", newName: "b/x") == "")
    }

    @Test("one changed line with three lines of context")
    func oneChange() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(
            UnifiedDiff.make(old: old, new: new, oldName: "a/f.tf", newName: "b/f.tf") == """
                --- a/f.tf
                +++ b/f.tf
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
    }

    @Test("insertion at the start, and a missing final newline is marked")
    func edges() {
        #expect(UnifiedDiff.make(old: "b\n", new: "a\nb\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -1 +1,2 @@\n+a\n b\n")
        #expect(
            UnifiedDiff.make(old: "a", new: "b", oldName: "o", newName: "n")
                == "--- o\n+++ n\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.make(old: "", new: "x\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -0,0 +1 @@\n+x\n")
    }

    @Test("distant changes get separate hunks, near ones share one; patch applies the result", arguments: [1, 2, 3, 4])
    func patchOracle(seed: Int) throws {
        guard let patch = findExecutable("patch") else { throw TestFailure("GNU patch is not on PATH (apt-get install patch)") }
        var generator = SplitMix(seed: UInt64(seed))
        var old: [String] = (0..<120).map { "line \($0)" }
        var new = old
        for _ in 0..<12 {
            let i = Int(generator.next() % UInt64(new.count))
            switch generator.next() % 3 {
            case 0: new[i] = "changed \(generator.next() % 1000)"
            case 1: new.remove(at: i)
            default: new.insert("added \(generator.next() % 1000)", at: i)
            }
        }
        if seed == 4 { old.append("tail") }  // the last line differs in presence
        let oldText = old.joined(separator: "\n") + "\n"
        let newText = new.joined(separator: "\n") + "\n"
        let diff = UnifiedDiff.make(old: oldText, new: newText, oldName: "a/f", newName: "b/f")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("f")
        try Data(oldText.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: patch)
        process.arguments = ["--silent", "--fuzz=0", file.path]
        let input = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data(diff.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "patch rejected:\n\(diff)")
        #expect(try String(contentsOf: file, encoding: .utf8) == newText)
    }
}

/// A small deterministic generator for the random edits.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
