/// Paths of the test fixtures, found next to this source file so tests need no bundle lookup.
enum JSONFixtures {
    static let directory: String = {
        let file = #filePath
        guard let slash = file.lastIndex(of: "/") else { return "Fixtures" }
        return String(file[..<slash]) + "/Fixtures"
    }()

    /// The absolute path of `relative` under `Fixtures/`.
    static func path(_ relative: String) -> String {
        directory + "/" + relative
    }
}
