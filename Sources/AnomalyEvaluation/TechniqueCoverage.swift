import Anomaly
import Foundation
import Model

/// Runs every technique of the catalogue through the real path — written as CloudTrail gzip objects and Activity
/// Log exports, read back by the ingestor, fed to a rules-only detector event by event as a watch would see them —
/// and reports which detections fired and how long after the technique's first call.
public enum TechniqueCoverage {
    /// What one technique produced.
    public struct Result: Sendable, Hashable {
        public var technique: String
        public var cloud: ActivityEvent.Cloud
        /// Events of the technique read back from the written logs.
        public var events: Int
        /// Detection IDs that fired, sorted.
        public var detections: [String]
        /// Seconds from the technique's first call to the call that raised its first alert; nil when undetected.
        public var secondsToAlert: Double?

        public var detected: Bool { !detections.isEmpty }
    }

    /// Every technique's result and what the reader saw.
    public struct Report: Sendable {
        public var results: [Result]
        public var ingest: IngestReport
        public var objects: Int

        public var detectedCount: Int { results.filter(\.detected).count }

        /// A Markdown table: technique, detections, time to alert; then the totals per cloud.
        public var markdown: String {
            var lines = ["| technique | detected by | time to alert |", "|---|---|---|"]
            for r in results {
                let time = r.secondsToAlert.map { String(format: "%.0f s", $0) } ?? "—"
                lines.append("| `\(r.technique)` | \(r.detected ? r.detections.joined(separator: ", ") : "**not detected**") | \(time) |")
            }
            for cloud in [ActivityEvent.Cloud.aws, .azure] {
                let of = results.filter { $0.cloud == cloud }
                lines.append("")
                lines.append("\(cloud.rawValue): \(of.filter(\.detected).count) of \(of.count) techniques detected")
            }
            return lines.joined(separator: "\n")
        }
    }

    static let start = 1_772_409_600.0 + 7 * 86_400
    /// Techniques run two hours apart, so no window holds two of them.
    static let gap = 7200.0
    static let attackerIPs = ["185.220.101.7", "45.137.21.9", "203.0.113.58", "198.51.100.200"]

    /// Writes every technique's calls under `directory`, reads them back and detects them with `rules`.
    public static func run(
        _ techniques: [StratusTechnique] = StratusTechnique.all, rules: RuleSet, directory: URL
    ) async throws(AnomalyError) -> Report {
        let dataset = self.dataset(techniques)
        let objects = try CloudTrailWriter.write(dataset, to: directory) + AzureActivityWriter.write(dataset, to: directory)
        let batch = try await LogIngestor(maxReadAttempts: 1).readNew(from: LocalDirectorySource(root: directory), after: LogCursor())
        let events = batch.events.sorted { $0.time < $1.time }
        var results: [Result] = []
        for (i, technique) in techniques.enumerated() {
            let from = start + Double(i) * gap
            let own = events.filter { $0.time >= from && $0.time < from + gap }
            var detector = Detector(windowSeconds: 3600, catalog: SensitiveActionCatalog(entries: []), rules: rules)
            detector.warmupSeconds = .infinity
            var fired: Set<String> = []
            var firstAlert: Double?
            for event in own {
                var alerts = detector.process([event]).alerts
                if event.time == own.last?.time { alerts += detector.flush().alerts }
                for alert in alerts {
                    guard case .rule(let id) = alert.source else { continue }
                    fired.insert(id)
                    if firstAlert == nil { firstAlert = event.time - (own.first?.time ?? event.time) }
                }
            }
            results.append(
                Result(
                    technique: technique.name, cloud: technique.cloud, events: own.count, detections: fired.sorted(),
                    secondsToAlert: firstAlert))
        }
        return Report(results: results, ingest: batch.report, objects: objects)
    }

    /// The techniques as harness calls, each at its own time, by personas made for the purpose.
    static func dataset(_ techniques: [StratusTechnique]) -> GeneratedDataset {
        var cast: [Persona] = []
        var index: [String: Int] = [:]
        func persona(_ name: String, _ kind: Persona.Kind, _ cloud: ActivityEvent.Cloud) -> Int {
            if let i = index[name] { return i }
            cast.append(
                Persona(
                    name: name, kind: kind, cloud: cloud, ips: [], agents: [], regions: [], weekdayHours: [], weekendHours: [],
                    volume: 0...0, calls: []))
            index[name] = cast.count - 1
            return cast.count - 1
        }
        var calls: [SyntheticCall] = []
        for (i, technique) in techniques.enumerated() {
            var t = start + Double(i) * gap + 60
            let ip = attackerIPs[i % attackerIPs.count]
            for step in technique.steps {
                let who = persona(
                    step.actor ?? technique.principal, step.actor == nil ? technique.principalKind : step.actorKind, technique.cloud)
                for n in 0..<step.count {
                    var call = SyntheticCall(
                        time: t, persona: who, action: step.event, service: step.service, region: technique.region, ip: ip,
                        agent: technique.agent, readOnly: step.readOnly, errorCode: step.errorCode,
                        request: step.request.mapValues { numbered($0, n) }, mfa: step.mfa, console: step.console)
                    call.resource = step.resource?.replacingOccurrences(of: "{i}", with: String(n))
                    calls.append(call)
                    t += technique.spacing
                }
            }
        }
        return GeneratedDataset(
            account: StratusTechnique.account, subscription: "00000000-0000-0000-0000-000000000001", start: start, trainEnd: start,
            end: start + Double(techniques.count) * gap, attacks: [],
            principals: cast.map { $0.principal(account: StratusTechnique.account) }, hardCases: [:],
            calls: calls, cast: cast)
    }

    /// `value` with `{i}` in its strings replaced by `n`, so repeated calls touch distinct resources.
    static func numbered(_ value: Value, _ n: Int) -> Value {
        switch value {
        case .string(let s): return .string(s.replacingOccurrences(of: "{i}", with: String(n)))
        case .list(let items): return .list(items.map { numbered($0, n) })
        case .map(let members): return .map(members.mapValues { numbered($0, n) })
        default: return value
        }
    }
}
