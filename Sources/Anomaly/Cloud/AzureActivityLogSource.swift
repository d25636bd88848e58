import Azure
import CloudHTTP
import Foundation
import Model

/// The Azure Activity Log of one subscription through the REST API (`eventtypes/management/values`, filtered by
/// `eventTimestamp`, `nextLink` paging, 429 `Retry-After` handled by `ARMClient`). Each time window is one
/// "object" whose key holds the window (`subscriptions/<id>/activity-log/<start>..<end>`), so the cursor, ingestor
/// and watcher treat it like a stored log file: the next window starts where the cursor's last one ended.
public struct AzureActivityLogSource: LogObjectSource {
    public let client: ARMClient
    public let subscriptionID: String
    /// How far back the first read reaches when the cursor is empty (seconds).
    public var initialLookback: Double
    /// Events reach the Activity Log minutes after they happen: windows end this long before now (seconds).
    public var deliveryLag: Double
    /// Longest window per request sequence, so one read stays bounded (seconds).
    public var maxWindow: Double
    let now: @Sendable () -> Double

    /// A source over the subscription's Activity Log; times in seconds.
    public init(
        client: ARMClient, subscriptionID: String, initialLookback: Double = 86_400, deliveryLag: Double = 900,
        maxWindow: Double = 6 * 3600, now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.client = client
        self.subscriptionID = subscriptionID
        self.initialLookback = initialLookback
        self.deliveryLag = deliveryLag
        self.maxWindow = max(60, maxWindow)
        self.now = now
    }

    /// `azure-activity:/subscriptions/<id>`: the cursor name of this source.
    public var name: String { "azure-activity:/subscriptions/\(subscriptionID)" }

    /// `azure-activity:/subscriptions/<id>/activity-log/<start>..<end>`: the window of the subscription's log.
    public func location(of key: String) -> String { "azure-activity:/\(key)" }

    /// The cursor group of this source's keys.
    var group: String { "subscriptions/\(subscriptionID)/activity-log" }

    /// The windows from the cursor's last end (or `initialLookback` ago) to `deliveryLag` ago, at most `maxWindow`
    /// each. Windows are closed and non-overlapping: one ends a millisecond before the next starts. A window whose
    /// query failed (pending in the cursor) comes first with its original bounds, so the retry asks for exactly
    /// the same events and its failure count carries on.
    public func list(after cursor: LogCursor) async throws(AnomalyError) -> [LogObjectRef] {
        // Whole milliseconds throughout, so window edges never drift by a rounding error.
        let end = Int64(((now() - deliveryLag) * 1000).rounded(.down))
        var start: Int64
        var refs: [LogObjectRef] = []
        if let pending = cursor.pendingByGroup[group], cursor.isNew(pending.key), let window = Self.window(of: pending.key) {
            refs.append(LogObjectRef(key: pending.key, size: 0))
            start = Int64((window.end * 1000).rounded()) + 1
        } else if let last = cursor.lastKeyByGroup[group], let window = Self.window(of: last) {
            start = Int64((window.end * 1000).rounded()) + 1
        } else {
            start = end - Int64((initialLookback * 1000).rounded())
        }
        let span = Int64((maxWindow * 1000).rounded())
        while start < end {
            let windowEnd = min(start + span - 1, end)
            refs.append(
                LogObjectRef(
                    key: "\(group)/\(Self.format(Double(start) / 1000))..\(Self.format(Double(windowEnd) / 1000))", size: 0))
            start = windowEnd + 1
        }
        return refs
    }

    /// The events of one window as a REST response body (`{"value": […]}`), every page joined.
    public func read(key: String) async throws(AnomalyError) -> Data {
        guard key.hasPrefix(group + "/"), let window = Self.window(of: key) else {
            throw AnomalyError(.invalidCursor, "not a window of this subscription's Activity Log", location: key)
        }
        let path = "/subscriptions/\(subscriptionID)/providers/Microsoft.Insights/eventtypes/management/values"
        let filter = "eventTimestamp ge '\(Self.format(window.start))' and eventTimestamp le '\(Self.format(window.end))'"
        let items: [Value]
        do {
            items = try await client.list(
                path, resourceType: "Microsoft.Insights/eventtypes/management/values",
                query: [("$filter", filter)])
        } catch {
            let code: AnomalyError.Code =
                error.httpStatus == 429
                ? .throttled
                : (error.httpStatus == 401 || error.httpStatus == 403) ? .accessDenied : .cloudAPI
            throw AnomalyError(code, "Activity Log query failed: \(error)", location: "azure:\(path) [\(key)]")
        }
        do {
            return try JSONBody.encode(.object(["value": .list(items)]))
        } catch {
            throw AnomalyError(.invalidData, "cannot re-encode the Activity Log page: \(error)", location: key)
        }
    }

    /// `2026-03-02T10:00:00.000Z`: milliseconds, so consecutive windows meet without overlapping.
    static func format(_ seconds: Double) -> String {
        let millis = Int((seconds * 1000).rounded())
        let whole = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let base = Timestamp.format(Double(whole))
        let fraction = String(millis - whole * 1000)
        return base.dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
    }

    /// The start and end of a window key's last component (`<start>..<end>`).
    static func window(of key: String) -> (start: Double, end: Double)? {
        guard let last = key.split(separator: "/").last else { return nil }
        let parts = last.components(separatedBy: "..")
        guard parts.count == 2, let start = Timestamp.parse(parts[0]), let end = Timestamp.parse(parts[1]), start <= end
        else { return nil }
        return (start, end)
    }
}
