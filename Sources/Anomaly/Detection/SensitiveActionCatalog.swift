import Foundation

/// The security-sensitive actions counted as features and named in alerts, read from a data file
/// (`checks/anomaly/sensitive-actions.json`) so they are reviewed like checks, not buried in code.
public struct SensitiveActionCatalog: Sendable, Hashable {
    /// One sensitive action.
    public struct Entry: Sendable, Hashable, Codable {
        public var cloud: ActivityEvent.Cloud
        /// CloudTrail eventName, or the Azure operation name in lower case.
        public var action: String
        /// Why it matters, shown in alert explanations.
        public var why: String
        /// Counts only when the session had no MFA (console sign-in).
        public var onlyWithoutMFA: Bool?
    }

    public var entries: [Entry]
    /// Per cloud (AWS, Azure), the entries by action (Azure's in lower case): no key is built per event.
    var byAction: [[String: Entry]]

    /// The file's format version this build reads.
    public static let formatVersion = 1

    /// A catalog of these entries.
    public init(entries: [Entry]) {
        self.entries = entries
        var byAction: [[String: Entry]] = [[:], [:]]
        for e in entries { byAction[Self.slot(e.cloud)][Self.actionKey(e.cloud, e.action)] = e }
        self.byAction = byAction
    }

    static func slot(_ cloud: ActivityEvent.Cloud) -> Int { cloud == .aws ? 0 : 1 }

    static func actionKey(_ cloud: ActivityEvent.Cloud, _ action: String) -> String {
        cloud == .azure ? action.lowercased() : action
    }

    struct File: Decodable {
        var version: Int
        var actions: [Entry]
    }

    /// Reads the catalog file; a wrong version, shape or an empty list is a typed error naming the file.
    public static func load(from url: URL) throws(AnomalyError) -> SensitiveActionCatalog {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw AnomalyError(.io, "cannot read sensitive-action catalog: \(error.localizedDescription)", location: url.path)
        }
        return try load(data: data, location: url.path)
    }

    /// Parses catalog bytes read elsewhere (the copy built into the binary); `location` names them in errors.
    public static func load(data: Data, location: String) throws(AnomalyError) -> SensitiveActionCatalog {
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: data) } catch {
            throw AnomalyError(.invalidData, "invalid sensitive-action catalog: \(error)", location: location)
        }
        guard file.version == formatVersion else {
            throw AnomalyError(
                .unsupportedVersion, "catalog version \(file.version); this build reads version \(formatVersion)",
                location: location)
        }
        guard !file.actions.isEmpty else { throw AnomalyError(.invalidData, "catalog lists no actions", location: location) }
        return SensitiveActionCatalog(entries: file.actions)
    }

    /// Finds the catalog beside the check library: `$BULWARK_CHECKS_DIR/anomaly/`, else `checks/anomaly/` in or
    /// above `start` (the working directory or the executable's directory).
    public static func locate(environment: [String: String], searchFrom starts: [URL]) -> URL? {
        let fm = FileManager.default
        if let dir = environment["BULWARK_CHECKS_DIR"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent("anomaly/sensitive-actions.json")
            if fm.fileExists(atPath: url.path) { return url }
        }
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                let url = dir.appendingPathComponent("checks/anomaly/sensitive-actions.json")
                if fm.fileExists(atPath: url.path) { return url }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { break }
                dir = parent
            }
        }
        return nil
    }

    /// The entry an event matches, if it is sensitive (console sign-ins only without MFA).
    public func match(_ event: ActivityEvent) -> Entry? {
        guard let entry = byAction[Self.slot(event.cloud)][Self.actionKey(event.cloud, event.action)] else { return nil }
        if entry.onlyWithoutMFA == true && event.mfa != false { return nil }
        return entry
    }
}
