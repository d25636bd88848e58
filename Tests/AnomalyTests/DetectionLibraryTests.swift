import Foundation
import Model
import Testing

@testable import Anomaly

/// The detection library: every file loads, every fixture behaves, and the loader rejects broken files with
/// positioned errors.
@Suite struct DetectionLibraryTests {
    static let library = DetectionLibrary.builtin

    /// Runs `events` through a rules-only detector holding only `detection`; returns its alerts.
    static func alerts(_ events: [ActivityEvent], _ detection: Detection) -> [Alert] {
        var detector = Detector(windowSeconds: 3600, catalog: SensitiveActionCatalog(entries: []), rules: RuleSet(detections: [detection]))
        var batch = detector.process(events)
        batch.merge(detector.flush())
        return batch.alerts
    }

    @Test func builtInLibraryLoadsCleanly() {
        let lib = Self.library
        #expect(lib.diagnostics.isEmpty, "\(lib.diagnostics)")
        #expect(lib.detections.filter { $0.cloud == .aws }.count >= 50)
        #expect(lib.detections.filter { $0.cloud == .azure }.count >= 12)
        #expect(Set(lib.detections.map(\.id)).count == lib.detections.count)
        for d in lib.detections {
            #expect(d.id.hasPrefix("BLW-DET-\(d.cloud.rawValue.uppercased())-"))
            #expect(lib.texts[d.file] != nil, "\(d.id)")
        }
    }

    @Test func builtInLibraryIsTheDirectoryOnDisk() throws {
        let disk = try DetectionLibrary.load(directory: Support.repoRoot.appendingPathComponent("detections"))
        #expect(disk.texts == Self.library.texts)
        #expect(disk.detections.map(\.id) == Self.library.detections.map(\.id))
    }

    /// Every fixture of every detection, table-driven: `fires: true` must alert with that detection's ID, `fires:
    /// false` must not.
    @Test(arguments: DetectionLibrary.builtin.detections.map(\.id))
    func fixtures(id: String) throws {
        let d = try #require(Self.library.detection(id: id))
        #expect(d.tests.contains(where: \.fires) && d.tests.contains { !$0.fires })
        for test in d.tests {
            let fired = Self.alerts(test.events, d).contains { $0.source == .rule(d.id) }
            #expect(fired == test.fires, "\(d.file):\(test.line): \(test.name)")
        }
    }

    @Test func everyMatchInAWindowIsCountedAndListed() throws {
        let d = try #require(Self.library.detection(id: "BLW-DET-AWS-CLOUDTRAIL-STOPPED"))
        let trails = (0..<14).map {
            Support.event(Support.monday + Double($0 * 60), "StopLogging", service: "cloudtrail", request: ["name": "trail-\($0)"])
        }
        let alerts = Self.alerts(trails, d)
        #expect(alerts.count == 1)
        let alert = try #require(alerts.first)
        #expect(alert.reasons.first == "14 matching calls in the window")
        #expect(alert.reasons.filter { $0.contains("StopLogging") }.count == RuleMatches.listLimit)
        #expect(alert.reasons.contains("… and 4 more"))
        #expect(alert.reasons.last?.hasPrefix("MITRE ATT&CK TA0005") == true)

        // Arriving in two batches (as a watch sees them), the second stopped trail is reported on its own key.
        var detector = Detector(windowSeconds: 3600, catalog: SensitiveActionCatalog(entries: []), rules: RuleSet(detections: [d]))
        let first = detector.process([trails[0]]).alerts
        let second = detector.process([trails[1]]).alerts
        #expect(first.count == 1 && second.count == 1)
        #expect(first[0].dedupeKey != second[0].dedupeKey)
        #expect(second[0].reasons.first == "2 matching calls in the window")
    }

    @Test func historyExemptsNobody() throws {
        let d = try #require(Self.library.detection(id: "BLW-DET-AWS-IAM-CREDENTIALS-FOR-OTHER-USER"))
        let terraform = "arn:aws:iam::111122223333:role/terraform"
        var detector = Detector(windowSeconds: 3600, catalog: try Support.catalog(), rules: RuleSet(detections: [d]))
        // A day of identity administration: the principal's profile marks it privileged.
        let history = (0..<24).map {
            Support.event(Support.monday + Double($0 * 3600), "AttachRolePolicy", principal: terraform, service: "iam", type: .role)
        }
        _ = detector.process(history)
        _ = detector.flush()
        #expect(detector.profiles[terraform]?.privileged == true)
        let key = Support.event(
            Support.monday + 86_400 + 60, "CreateAccessKey", principal: terraform, service: "iam", type: .role,
            request: ["userName": "alice"])
        var batch = detector.process([key])
        batch.merge(detector.flush())
        #expect(batch.alerts.map(\.source) == [.rule(d.id)])
    }

    @Test func volumeDetectionFiresAtItsThresholdAndAgainWhenItDoubles() throws {
        let d = try #require(Self.library.detection(id: "BLW-DET-AWS-SECRETS-HARVESTING"))
        var detector = Detector(windowSeconds: 3600, catalog: SensitiveActionCatalog(entries: []), rules: RuleSet(detections: [d]))
        func reads(_ range: Range<Int>) -> [ActivityEvent] {
            range.map {
                Support.event(Support.monday + Double($0), "GetSecretValue", service: "secretsmanager", request: ["secretId": "s\($0)"])
            }
        }
        #expect(detector.process(reads(0..<9)).alerts.isEmpty)
        let at10 = detector.process(reads(9..<10)).alerts
        #expect(at10.count == 1)
        #expect(at10.first?.reasons.first?.hasPrefix("10 distinct request.secretId values") == true)
        #expect(detector.process(reads(10..<19)).alerts.isEmpty)
        #expect(detector.process(reads(19..<20)).alerts.count == 1)
    }

    @Test func everyAlertingDetectionEventIsInTheSensitiveActionCatalog() throws {
        let catalog = try Support.catalog()
        for d in Self.library.detections where d.threshold == nil && d.severity >= .medium {
            for name in d.predicate.events {
                let event = ActivityEvent(
                    time: 0, cloud: d.cloud, account: "1", principal: "p", principalType: .user, action: name, service: "",
                    region: "", sourceIP: "", userAgent: "", readOnly: false, mfa: false)
                #expect(catalog.match(event) != nil, "\(d.id): \(name)")
            }
        }
    }

    @Test func brokenFilesAreReportedAtTheirPosition() throws {
        let good = try #require(Self.library.texts["aws/cloudtrail_stopped.yaml"])
        let cases: [(String, String, Int, Int)] = [
            (good.replacingOccurrences(of: "severity: critical", with: "severity: urgent"), "severity must be", 3, 11),
            (
                good.replacingOccurrences(of: "  events: [\"StopLogging\"]", with: "  event: [\"StopLogging\"]"), "unknown key 'event'", 13,
                10
            ),
            (good.replacingOccurrences(of: "id: BLW-DET-AWS-CLOUDTRAIL-STOPPED", with: "id: CLOUDTRAIL"), "id must look like", 1, 5),
            (good.replacingOccurrences(of: "fires: false", with: "fires: true"), "fires: false", 15, 3),
        ]
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("aws"), withIntermediateDirectories: true)
        try Data(good.utf8).write(to: dir.appendingPathComponent("aws/good.yaml"))
        for (i, (text, message, line, column)) in cases.enumerated() {
            let file = dir.appendingPathComponent("aws/bad\(i).yaml")
            try Data(text.utf8).write(to: file)
            let lib = try DetectionLibrary.load(directory: dir)
            try FileManager.default.removeItem(at: file)
            // The good file still loads; the bad one is named with its line and column.
            #expect(lib.detections.map(\.id) == ["BLW-DET-AWS-CLOUDTRAIL-STOPPED"])
            let diagnostic = try #require(lib.diagnostics.first)
            #expect(diagnostic.message.contains(message), "\(diagnostic)")
            #expect(diagnostic.range?.file == file.path)
            #expect(diagnostic.range?.start.line == line && diagnostic.range?.start.column == column, "\(diagnostic)")
        }
        // The same file twice is a duplicate ID.
        try Data(good.utf8).write(to: dir.appendingPathComponent("aws/copy.yaml"))
        let twice = try DetectionLibrary.load(directory: dir)
        #expect(twice.detections.count == 1)
        #expect(twice.diagnostics.first?.message.contains("duplicate detection id") == true)
        #expect(throws: AnomalyError.self) { try DetectionLibrary.load(directory: dir.appendingPathComponent("missing")) }
    }
}
