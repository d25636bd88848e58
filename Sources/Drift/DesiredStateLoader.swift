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
        }
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
