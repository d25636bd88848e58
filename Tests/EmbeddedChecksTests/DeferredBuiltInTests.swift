import Checks
import EmbeddedChecks
import Testing

@testable import Scanner

/// The built-in library is loaded deferred by every command without external checks: its index must name exactly
/// the types each check compiles to, and the checks it compiles per type must be those of the whole library.
@Suite struct DeferredBuiltInTests {
    static let files = CheckLibraryFiles(
        root: "(built-in)", files: EmbeddedCheckLibrary.files, contentHash: EmbeddedCheckLibrary.contentHash)

    @Test func everyCheckFileNamesItsTypesPlainly() {
        let whole = CheckLibrary.load(embedded: Self.files)
        #expect(whole.diagnostics.isEmpty)
        let (paths, _) = CheckLibrary.classify(Self.files.contents.keys)
        #expect(paths.count == whole.checks.count)
        for (path, check) in zip(paths, whole.checks) {
            let indexed = Self.files.contents[path].flatMap(CheckFileIndex.resourceTypes(in:))
            #expect(indexed == check.resourceTypes, "\(path): indexed \(indexed ?? []), compiled \(check.resourceTypes)")
        }
    }

    @Test func theChecksOfEachTypeAreThoseOfTheWholeLibrary() {
        let whole = CheckLibrary.load(embedded: Self.files)
        let deferred = DeferredCheckLibrary(files: Self.files)
        #expect(deferred.count == whole.checks.count)
        let types = Set(whole.checks.flatMap(\.resourceTypes)).subtracting(["*"])
        for type in types.sorted() {
            let expected = whole.checks.filter { $0.resourceTypes.contains(type) || $0.resourceTypes.contains("*") }
            let got = deferred.checks(forTypes: [type])
            #expect(got.map(\.id) == expected.map(\.id), "\(type)")
            for (a, b) in zip(got, expected) where a.references != b.references || a.severity != b.severity {
                Issue.record("\(a.id): deferred references \(a.references), whole \(b.references)")
            }
        }
        #expect(deferred.compiledCount == whole.checks.count)
    }
}
