import Foundation
import Reports
import Scanner
import Store
import Testing

@testable import CommitScan
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

extension ReconcileLoopTests {
    @Test("a replica taking a target over reads its stored status and does not rescan the same commit")
    func takeoverKeepsStoredCommit() async throws {
        let h = try await Harness()
        let work = try h.remote.createRepository("shared", files: ["main.tf": Self.fixed])
        let sha = try h.remote.git(["-C", work, "rev-parse", "HEAD"])
        // A lease that has lapsed by the time the next replica looks (each cycle takes longer than 1 ms).
        func replica(_ owner: String) -> Reconciler {
            var options = ScanOptions()
            options.library = CheckLibrary.load(directory: Self.checksDirectory)
            let config = ReconcileConfig(
                file: h.directory + "/bulwark.yaml", cacheDirectory: h.directory + "/git-" + owner,
                concurrency: 1, leaseDuration: .milliseconds(1), targets: [h.target("shared")])
            return Reconciler(config: config, store: h.store, scanner: CommitScanner(options: options), owner: owner)
        }
        let first = await replica("a").runOnce()
        #expect(first.first?.reason == .succeeded)
        // As if `a` died between storing the scan and saving the status (two transactions): the scan decides.
        try await h.store.withTransaction { connection in try connection.execute("DELETE FROM target_status", []) }
        let second = await replica("b").runOnce()
        #expect(second.first?.reason == .succeeded)
        #expect(second.first?.lastObservedCommit == "main@sha1:" + sha)
        #expect(try await h.store.scans(target: "shared", limit: 10).map(\.commit) == [sha])
        // A new commit is the new owner's to scan.
        let next = try h.remote.commit(work, files: ["extra.tf": Self.fixed], message: "more")
        try h.remote.git(["-C", work, "push", "-q", "origin", "main"])
        let third = await replica("b").runOnce()
        #expect(third.first?.lastObservedCommit == "main@sha1:" + next)
        #expect(try await h.store.scans(target: "shared", limit: 10).map(\.commit) == [next, sha])
    }
}
