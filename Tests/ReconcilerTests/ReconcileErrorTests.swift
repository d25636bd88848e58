import GitOps
import Testing

@testable import CommitScan
@testable import ControllerConfig
@testable import Reconciler

/// Reconcile errors are classified by the code of what they wrap and keep it as their cause.
struct ReconcileErrorTests {
    @Test func gitFailuresAreClassifiedByCodeAndStep() {
        let missing = GitError(code: .notFound, message: "repository not found", operation: "clone")
        #expect(ReconcileError(git: missing, target: "t", step: .openOrClone).code == .invalidRepository)
        #expect(ReconcileError(git: missing, target: "t", step: .fetch).code == .fetchFailed)

        let refused = ReconcileError(
            git: GitError(code: .authentication, message: "denied", operation: "fetch"),
            target: "t", step: .fetch)
        #expect(refused.code == .authentication && !refused.code.retriable)
        #expect((refused.underlying as? GitError)?.code == .authentication)

        let badURL = GitError(code: .invalidURL, message: "no scheme", operation: "parse-url")
        #expect(ReconcileError(git: badURL, target: "t", step: .fetch).code == .invalidRepository)
    }

    @Test func wrappedErrorsKeepTheirCauseAndWhereTheyWereMade() {
        let secret = ConfigError(.missingSecret, "environment variable T is not set")
        let wrapped = ReconcileError(secret, target: "t", prefix: "pull request token: ")
        #expect(wrapped.code == .missingSecret && !wrapped.code.retriable)
        #expect(wrapped.description == "target t: MissingSecret: pull request token: environment variable T is not set")
        #expect((wrapped.underlying as? ConfigError)?.code == .missingSecret)
        #expect(wrapped.file.hasSuffix("ReconcileErrorTests.swift"))

        let scan = ReconcileError(CommitScanError(.scanFailed, "no check library"), target: "t")
        #expect(scan.code == .scanFailed && scan.code.retriable)
        #expect(scan.underlying is CommitScanError)
    }
}
