import Foundation
import GitOps
import Model
import Reports
import Scanner

/// Scans one commit of a repository straight from Git's object database: the Terraform, plan and state files under
/// the target's paths are read as blobs into a `MemoryFileTree`, never checked out; every other blob (a packaged
/// artifact, an image) is read only if a file function asks for it.
public struct CommitScanner: Sendable {
    /// Options shared by every scan (check library, frameworks); paths and the file tree are set per commit.
    public var options: ScanOptions
    /// Largest Terraform file (`.tf`, `.tf.json`, tfvars, `.hcl`) read from the object database; a larger one is
    /// present by size only, so it fails only its own load. Other files are read when asked for, within the
    /// asker's limit.
    public var maxFileSize: Int
    /// Largest plan or state JSON read (machine-written, so larger); `scan --max-file-size`, a target's
    /// `maxFileSize`.
    public var maxInputFileSize: Int

    /// A scanner with `options` as the template for each commit's scan.
    public init(options: ScanOptions, maxFileSize: Int = 8 << 20, maxInputFileSize: Int? = nil) {
        self.options = options
        self.maxFileSize = maxFileSize
        self.maxInputFileSize = maxInputFileSize ?? options.maxInputFileSize
        self.options.maxInputFileSize = self.maxInputFileSize
    }

    /// This scanner with plan and state JSON limited to `limit` bytes (a target's `maxFileSize`), when given.
    public func limitingInputFiles(to limit: Int?) -> CommitScanner {
        guard let limit else { return self }
        return CommitScanner(options: options, maxFileSize: maxFileSize, maxInputFileSize: limit)
    }

    /// Scans `paths` of `commit`. Paths are relative to the repository root; `.` is the whole tree.
    public func scan(repository: GitRepository, commit: String, paths: [String]) async throws -> ScanReport {
        try await scan(snapshot(repository: repository, commit: commit, paths: paths), paths: paths)
    }

    /// `scan`, also returning the commit's files it read, so later stages see exactly the same snapshot.
    public func scanWithFiles(
        repository: GitRepository, commit: String, paths: [String]
    ) async throws
        -> (report: ScanReport, snapshot: CommitSnapshot)
    {
        let snapshot = try await snapshot(repository: repository, commit: commit, paths: paths)
        return (try await scan(snapshot, paths: paths), snapshot)
    }

    /// Reads the files under `paths` of `commit` (the input of `scan(_:paths:)` and of fix planning).
    public func snapshot(repository: GitRepository, commit: String, paths: [String]) async throws -> CommitSnapshot {
        let wanted = paths.map(Self.normalise)
        let (fileLimit, inputLimit) = (maxFileSize, maxInputFileSize)
        let blobs = try await repository.blobs(
            commit: commit, under: wanted.map { $0 == "." ? "" : $0 },
            limit: { path in
                Self.isInputJSON(path) ? inputLimit : Self.isTerraform(path) ? fileLimit : Int.max
            },
            readNow: { path in Self.isInputJSON(path) || Self.isTerraform(path) })
        // Scans evaluate on Dispatch threads, where waiting for the repository's thread is allowed.
        let deferred = blobs.deferred.mapValues { blob in
            DeferredFile(size: blob.size) {
                switch repository.blobWaiting(oid: blob.oid, maxSize: blob.size) {
                case .success(let bytes): return .success(bytes)
                case .failure(let error) where error.code == .tooLarge: return .tooLarge(blob.size)
                case .failure(let error): return .failure(error.message)
                }
            }
        }
        return CommitSnapshot(commit: commit, files: blobs.files, oversized: blobs.oversized, deferred: deferred)
    }

    /// A Terraform configuration file, read up front: `.tf`, `.tf.json`, `.tfvars`, `.tfvars.json`, `.hcl`.
    static func isTerraform(_ path: String) -> Bool {
        [".tf", ".tf.json", ".tfvars", ".tfvars.json", ".hcl"].contains { path.hasSuffix($0) }
    }

    /// Scans `paths` of a snapshot (a commit as stored, or with fix edits applied) with the same options.
    public func scan(_ snapshot: CommitSnapshot, paths: [String]) async throws -> ScanReport {
        let wanted = paths.map(Self.normalise)
        let tree = snapshot.tree
        var options = self.options
        options.fileTree = tree
        options.scanRoot = snapshot.root
        let inputs = wanted.map { $0 == "." ? snapshot.root : snapshot.root + "/" + $0 }
        for (input, path) in zip(inputs, wanted) where tree.kind(input) == nil {
            throw CommitScanError(.artifactFailed, "path '\(path)' does not exist at commit \(snapshot.commit.prefix(12))")
        }
        // The scan runs on a Dispatch thread, out of reach of task cancellation: cancelling the task (a reconcile
        // cycle's timeout, shutdown) cancels this deadline, which every evaluation loop checks.
        let deadline = EvaluationDeadline(at: options.deadline?.instant)
        options.deadline = deadline
        let scanOptions = options
        let result: Result<ScanReport, ScanError> = await withTaskCancellationHandler {
            await OffPool.run {
                do throws(ScanError) { return .success(try ScanRunner.run(paths: inputs, options: scanOptions)) } catch {
                    return .failure(error)
                }
            }
        } onCancel: {
            deadline.cancel()
        }
        try Task.checkCancellation()
        switch result {
        case .success(let report): return report
        case .failure(let error): throw CommitScanError(.scanFailed, error.description, underlying: error)
        }
    }

    /// A `.json` file that is not Terraform's own JSON syntax: a plan or state, read with the higher limit.
    static func isInputJSON(_ path: String) -> Bool {
        path.hasSuffix(".json") && !path.hasSuffix(".tf.json") && !path.hasSuffix(".tfvars.json")
            || path.hasSuffix(".tfstate")
    }

    /// The virtual directory a commit's files appear under (report paths are relative to it).
    public static func root(of commit: String) -> String { "/git/\(commit.prefix(12))" }

    /// A target path without `./` prefixes or trailing slashes; empty is `.`.
    public static func normalise(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        while p.hasSuffix("/") && p.count > 1 { p.removeLast() }
        return p.isEmpty ? "." : p
    }
}
