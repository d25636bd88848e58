/// The report order of findings (`Finding.precedes`), computed on integer ranks: each distinct file, check ID and
/// resource address is ranked once, so the sort of hundreds of thousands of findings compares integers and falls
/// back to the findings themselves only when all three are equal.
enum FindingOrder {
    /// Indices of `findings` in report order: the order sorting with `Finding.precedes` gives.
    static func indices(_ findings: [Finding]) -> [Int] {
        var files = Ranks()
        var checks = Ranks()
        var addresses = Ranks()
        var keys: [(file: Int, line: Int, check: Int, address: Int)] = []
        keys.reserveCapacity(findings.count)
        for f in findings {
            keys.append(
                (
                    files.id(f.location?.file ?? ""), f.location?.startLine ?? 0, checks.id(f.result.checkID),
                    addresses.id(f.result.resourceAddress)
                ))
        }
        let fileRank = files.ranks()
        let checkRank = checks.ranks()
        let addressRank = addresses.ranks()
        for i in keys.indices {
            keys[i].file = fileRank[keys[i].file]
            keys[i].check = checkRank[keys[i].check]
            keys[i].address = addressRank[keys[i].address]
        }
        return findings.indices.sorted { a, b in
            let ka = keys[a]
            let kb = keys[b]
            if ka.file != kb.file { return ka.file < kb.file }
            if ka.line != kb.line { return ka.line < kb.line }
            if ka.check != kb.check { return ka.check < kb.check }
            if ka.address != kb.address { return ka.address < kb.address }
            return Finding.precedes(findings[a], findings[b])
        }
    }

    /// Distinct strings numbered in order of appearance, then ranked by `<`.
    private struct Ranks {
        private var ids: [String: Int] = [:]
        private var strings: [String] = []

        mutating func id(_ s: String) -> Int {
            if let id = ids[s] { return id }
            ids[s] = strings.count
            strings.append(s)
            return strings.count - 1
        }

        /// Rank of each id: equal strings share an id, so ranks order exactly as `<` orders the strings.
        func ranks() -> [Int] {
            var rank = [Int](repeating: 0, count: strings.count)
            for (r, id) in strings.indices.sorted(by: { strings[$0] < strings[$1] }).enumerated() { rank[id] = r }
            return rank
        }
    }
}
