import Foundation
import GitOps
import Testing

/// A Git error records where it was raised (the failing call's file, not the error type's).
@Suite("Git errors")
struct GitErrorTests {
    @Test func aLibgit2FailureRecordsTheCallSite() async {
        let missing = NSTemporaryDirectory() + "bulwark-no-such-repository-\(UUID().uuidString)"
        do {
            _ = try await GitRepository.open(path: missing)
            Issue.record("a missing repository must not open")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.file == "GitOps/RepositoryHandle.swift")
            #expect(error.line > 0)
        }
    }

    @Test func codesHaveOneSnakeCaseSpelling() {
        #expect(GitError.Code.invalidReference.rawValue == "invalid_reference")
        #expect(GitError.Code.tooLarge.description == "too_large")
    }
}
