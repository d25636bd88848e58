import Foundation
import HCL
import Model
import Terraform

/// Loads the desired resources of a drift run from a state location.
public enum DesiredStateLoader {
    /// The resources of the state at `location`: a state v4 file, or `terraform show -json` output of a state.
    /// Problems (unreadable file, fetch failure, bad JSON) come back as diagnostics, never thrown.
    public static func load(
        _ location: StateLocation, fetcher: (any StateObjectFetcher)? = nil
    ) async -> (resources: [Resource], diagnostics: [Diagnostic]) {
        switch location {
        case .local(let path):
            switch HCLParser.readFile(atPath: path, maxFileSize: LoadOptions().maxFileSize) {
            case .success(let bytes): return read(bytes, filename: path)
            case .failure(let diagnostic): return ([], [diagnostic])
            }
        case .s3(let bucket, let key, let region):
            let name = location.description
            guard let fetcher else {
                return ([], [Diagnostic(.stateFetch, "no S3 client configured to fetch the state", at: .wholeFile(name))])
            }
            do {
                let data = try await fetcher.fetch(bucket: bucket, key: key, region: region)
                return read([UInt8](data), filename: name)
            } catch {
                return ([], [Diagnostic(.stateFetch, "cannot fetch the state object: \(error)", at: .wholeFile(name))])
            }
        case .s3Prefix(let bucket, let prefix, let region):
            return await loadEach(under: location, bucket: bucket, prefix: prefix, region: region, fetcher: fetcher)
        }
    }

    /// Every `.tfstate` object under an S3 prefix, in key order, merged; one that cannot be read is a diagnostic
    /// and the others still count.
    static func loadEach(
        under location: StateLocation, bucket: String, prefix: String, region: String?, fetcher: (any StateObjectFetcher)?
    ) async -> (resources: [Resource], diagnostics: [Diagnostic]) {
        let name = location.description
        guard let fetcher else {
            return ([], [Diagnostic(.stateFetch, "no S3 client configured to list the states", at: .wholeFile(name))])
        }
        let keys: [String]
        do {
            keys = try await fetcher.keys(bucket: bucket, prefix: prefix, region: region).filter { $0.hasSuffix(".tfstate") }.sorted()
        } catch {
            return ([], [Diagnostic(.stateFetch, "cannot list the state objects: \(error)", at: .wholeFile(name))])
        }
        guard !keys.isEmpty else {
            return ([], [Diagnostic(.stateFetch, "no .tfstate object under this prefix", at: .wholeFile(name))])
        }
        var merged: (resources: [Resource], diagnostics: [Diagnostic]) = ([], [])
        for key in keys {
            let one = await load(.s3(bucket: bucket, key: key, region: region), fetcher: fetcher)
            merged.resources += one.resources
            merged.diagnostics += one.diagnostics
        }
        return merged
    }

    /// Reads state bytes: a state v4 document, else a `terraform show -json` document (plan reader's `values`).
    public static func read(_ bytes: [UInt8], filename: String) -> (resources: [Resource], diagnostics: [Diagnostic]) {
        let state = StateReader.read(bytes: bytes, filename: filename)
        if state.isValid { return (state.resources, state.diagnostics) }
        let shown = PlanReader.read(bytes: bytes, filename: filename)
        if shown.isValid { return (shown.resources, shown.diagnostics) }
        return (state.resources, state.diagnostics)
    }
}
