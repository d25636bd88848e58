/// Unified diffs (`diff -u` layout, three lines of context) between two texts, from a Myers shortest edit script.
public enum UnifiedDiff {
    /// The diff of `old` and `new` with `---`/`+++` headers naming `oldName` and `newName`; "" when equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let a = lines(old)
        let b = lines(new)
        let script = script(a.map(\.text), b.map(\.text))
        guard script.contains(where: { $0.kind != .keep }) else { return "" }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        // Group operations into hunks: changes closer than 2*context lines share a hunk.
        var i = 0
        while i < script.count {
            guard let firstChange = script[i...].firstIndex(where: { $0.kind != .keep }) else { break }
            let start = max(i, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < script.count {
                if script[end].kind != .keep { lastChange = end } else if end - lastChange > 2 * context { break }
                end += 1
            }
            let stop = min(script.count, lastChange + context + 1)
            let hunk = script[start..<stop]
            let oldStart = hunk.first.map { $0.oldIndex } ?? 0
            let newStart = hunk.first.map { $0.newIndex } ?? 0
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in hunk {
                switch op.kind {
                case .keep: out += " " + a[op.oldIndex].text + terminator(a[op.oldIndex])
                case .delete: out += "-" + a[op.oldIndex].text + terminator(a[op.oldIndex])
                case .insert: out += "+" + b[op.newIndex].text + terminator(b[op.newIndex])
                }
            }
            i = stop
        }
        return out
    }

    private struct Line {
        var text: Substring
        var hasNewline: Bool
    }

    private static func terminator(_ line: Line) -> String {
        line.hasNewline ? "\n" : "\n\\ No newline at end of file\n"
    }

    /// `start,count` as diff writes it (a zero-length range names the line before it).
    private static func range(_ start: Int, _ count: Int) -> String {
        if count == 0 { return "\(start),0" }
        return count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    private static func lines(_ text: String) -> [Line] {
        var out: [Line] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if let newline = rest.firstIndex(of: "\n") {
                out.append(Line(text: rest[..<newline], hasNewline: true))
                rest = rest[rest.index(after: newline)...]
            } else {
                out.append(Line(text: rest, hasNewline: false))
                rest = rest[rest.endIndex...]
            }
        }
        return out
    }

    struct Operation {
        enum Kind { case keep, delete, insert }
        var kind: Kind
        /// Index in the old lines (for insertions: the old position before which it goes).
        var oldIndex: Int
        /// Index in the new lines (for deletions: the new position).
        var newIndex: Int
    }

    /// Above this many lines (old plus new) the texts are compared region by region (`segmentedScript`).
    static let wholeScriptLimit = 4_000

    /// The edit script: Myers' over the whole texts when they are small, else region by region.
    static func script(_ a: [Substring], _ b: [Substring]) -> [Operation] {
        a.count + b.count <= wholeScriptLimit ? editScript(a, b) : segmentedScript(a, b)
    }

    /// Walks both texts while lines agree and runs Myers' only over each stretch where they differ, up to the
    /// nearest point where three lines agree again. Myers' keeps a trace per edit, so on a large file with an edit
    /// in every block its time and memory grow with lines × edits; this stays in proportion to the lines when the
    /// edits are local, as fixes are.
    static func segmentedScript(_ a: [Substring], _ b: [Substring]) -> [Operation] {
        let window = 200
        var ops: [Operation] = []
        var x = 0
        var y = 0
        func agree(_ i: Int, _ j: Int) -> Bool {
            var k = 0
            while k < 3 {
                if i + k == a.count || j + k == b.count { return i + k == a.count && j + k == b.count }
                if a[i + k] != b[j + k] { return false }
                k += 1
            }
            return true
        }
        while x < a.count || y < b.count {
            if x < a.count, y < b.count, a[x] == b[y] {
                ops.append(Operation(kind: .keep, oldIndex: x, newIndex: y))
                x += 1
                y += 1
                continue
            }
            // The nearest resynchronization, fewest skipped lines first; without one in the window, replace it.
            var target = (min(a.count, x + window), min(b.count, y + window))
            search: for skipped in 1...(2 * window) {
                for dx in max(0, skipped - window)...min(skipped, window) {
                    let (i, j) = (x + dx, y + skipped - dx)
                    if i <= a.count, j <= b.count, agree(i, j) {
                        target = (i, j)
                        break search
                    }
                }
            }
            for op in editScript(Array(a[x..<target.0]), Array(b[y..<target.1])) {
                ops.append(Operation(kind: op.kind, oldIndex: op.oldIndex + x, newIndex: op.newIndex + y))
            }
            (x, y) = target
        }
        return ops
    }

    /// Myers' O((N+M)D) shortest edit script between two line arrays.
    static func editScript(_ a: [Substring], _ b: [Substring]) -> [Operation] {
        let n = a.count
        let m = b.count
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        var found = false
        if max == 0 { return [] }
        for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) { x = v[max + k + 1] } else { x = v[max + k - 1] + 1 }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[max + k] = x
                if x >= n, y >= m {
                    found = true
                    break
                }
            }
            if found { break }
        }
        // Walk the trace back from (n, m) to (0, 0).
        var ops: [Operation] = []
        var x = n
        var y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[max + k - 1] < v[max + k + 1])) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[max + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                ops.append(Operation(kind: .keep, oldIndex: x, newIndex: y))
            }
            if d > 0 {
                if x == previousX {
                    y -= 1
                    ops.append(Operation(kind: .insert, oldIndex: x, newIndex: y))
                } else {
                    x -= 1
                    ops.append(Operation(kind: .delete, oldIndex: x, newIndex: y))
                }
            }
        }
        return ops.reversed()
    }
}
