import Foundation
import Model
import Testing

@testable import Anomaly

/// Peer groups, thresholds as a multiple of the principal's own baseline, and conditions on response elements.
@Suite struct PeerAndBaselineTests {
    let catalog: SensitiveActionCatalog

    init() throws { catalog = try Support.catalog() }

    @Test func peerGroupIsTheIAMPath() {
        #expect(PeerGroup.key("arn:aws:iam::111122223333:user/developers/alice") == "111122223333:user/developers/")
        #expect(PeerGroup.key("arn:aws:iam::111122223333:role/ci/deploy/terraform") == "111122223333:role/ci/deploy/")
        #expect(PeerGroup.key("arn:aws:iam::111122223333:user/alice") == nil)
        #expect(PeerGroup.key("arn:aws:iam::111122223333:root") == nil)
        #expect(PeerGroup.key("lambda.amazonaws.com") == nil)
        #expect(PeerGroup.key("ops@contoso.com") == nil)
    }

    /// A window of `principal` at `start` making `actions` once each.
    func window(_ principal: String, _ start: Double, _ actions: [String]) -> ActivityWindow {
        let events = actions.enumerated().map { Support.event(start + Double($0.offset), $0.element, principal: principal) }
        var w = ActivityWindow(principal: principal, start: start, end: start + 3600, first: events[0])
        for e in events { w.add(e, catalog: catalog) }
        return w
    }

    @Test func actionsOfPeersAreNoEvidenceActionsOfNobodyAre() {
        let alice = "arn:aws:iam::111122223333:user/developers/alice"
        let usual = ["DescribeInstances", "DescribeVpcs", "DescribeSubnets"]
        var profile = PrincipalProfile(principal: alice, firstSeen: Support.monday)
        for day in 0..<5 {
            let w = window(alice, Support.monday + Double(day * 86_400 + 10 * 3600), usual)
            profile.learn(w, features: FeatureExtractor.row(w, profile: profile).values)
        }
        let peers: Set<String> = Set(usual + ["DescribeKeyPairs"])
        let t = Support.monday + Double(5 * 86_400 + 10 * 3600)

        let peerAction = FeatureExtractor.row(window(alice, t, usual + ["DescribeKeyPairs"]), profile: profile, peerActions: peers)
        #expect(peerAction[.newActions] == 1 && peerAction[.peerNewActions] == 0)
        #expect(!FeatureEvidence.beyondNovelty(peerAction, profile: profile))

        let unknown = FeatureExtractor.row(window(alice, t, usual + ["DeleteVpc"]), profile: profile, peerActions: peers)
        #expect(unknown[.newActions] == 1 && unknown[.peerNewActions] == 1)
        #expect(FeatureEvidence.beyondNovelty(unknown, profile: profile))

        // Without a peer group a first-seen action stays evidence, as before.
        let alone = FeatureExtractor.row(window(alice, t, usual + ["DescribeKeyPairs"]), profile: profile)
        #expect(alone[.peerNewActions] == 1 && FeatureEvidence.beyondNovelty(alone, profile: profile))
    }

    @Test func aNewPrincipalIsJudgedAgainstItsPeers() {
        let frank = "arn:aws:iam::111122223333:user/developers/frank"
        let t = Support.monday + 10 * 3600
        let team = FeatureExtractor.row(window(frank, t, ["DescribeInstances"]), profile: nil, peerActions: ["DescribeInstances"])
        #expect(!FeatureEvidence.beyondNovelty(team, profile: nil, hasPeers: true))
        let odd = FeatureExtractor.row(window(frank, t, ["DeleteTrail"]), profile: nil, peerActions: ["DescribeInstances"])
        #expect(FeatureEvidence.beyondNovelty(odd, profile: nil, hasPeers: true))
        #expect(FeatureEvidence.beyondNovelty(team, profile: nil, hasPeers: false))
    }

    @Test func detectorKeepsPeerActionsFromItsProfiles() {
        let bob = "arn:aws:iam::111122223333:user/developers/bob"
        var detector = Detector(windowSeconds: 3600, catalog: catalog, rules: RuleSet(detections: []))
        _ = detector.process([Support.event(Support.monday + 10, "ListTables", principal: bob, service: "dynamodb")])
        _ = detector.flush()
        #expect(detector.peers(of: "arn:aws:iam::111122223333:user/developers/carol") == ["ListTables"])
        #expect(detector.peers(of: "arn:aws:iam::111122223333:user/carol") == nil)
    }

    static let bulkRead = "BLW-DET-AWS-S3-BULK-READ-OVER-BASELINE"

    /// `count` GetObject calls of `principal` in the hour starting at `start`.
    static func reads(_ principal: String, _ start: Double, _ count: Int) -> [ActivityEvent] {
        (0..<count).map {
            Support.event(
                start + Double($0) * 0.5, "GetObject", principal: principal, service: "s3",
                request: ["bucketName": "backups", "key": "k\($0)"])
        }
    }

    @Test func baselineMultipleIsLearnedInTrainingAndKeptInTheModel() throws {
        let job = "arn:aws:iam::111122223333:role/backup-job"
        var history: [ActivityEvent] = []
        for day in 0..<6 { history += Self.reads(job, Support.monday + Double(day * 86_400 + 3 * 3600), 1200) }
        var options = Trainer.Options()
        options.warmupSeconds = 0
        let trained = try Trainer.train(history, catalog: catalog, options: options)
        #expect(trained.model.profiles[job]?.ruleBaseline(Self.bulkRead) == 1200)
        let model = try AnomalyModel.decode(try trained.model.encoded())
        #expect(model.profiles[job]?.ruleBaseline(Self.bulkRead) == 1200)

        // The job's usual 1,200 reads: no alert; 6,000 (5× its baseline): alert; a principal with no history: alert.
        let night = Support.monday + Double(6 * 86_400 + 3 * 3600)
        func bulkAlerts(_ events: [ActivityEvent]) -> [Alert] {
            var detector = Detector(model: model, catalog: catalog)
            var batch = detector.process(events)
            batch.merge(detector.flush())
            return batch.alerts.filter { $0.source == .rule(Self.bulkRead) }
        }
        #expect(bulkAlerts(Self.reads(job, night, 1200)).isEmpty)
        let burst = bulkAlerts(Self.reads(job, night, 1200) + Self.reads(job, night + 1, 4800))
        #expect(burst.count == 1)
        #expect(burst.first?.reasons.first?.contains("5× this principal's usual 1200") == true)
        #expect(bulkAlerts(Self.reads("arn:aws:iam::111122223333:user/someone", night, 1200)).count == 1)
    }

    @Test func baselineMultipleMustBeAPositiveMultiple() throws {
        let good = try #require(DetectionLibrary.builtin.texts["aws/s3_bulk_read_over_baseline.yaml"])
        let dir = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("aws"), withIntermediateDirectories: true)
        try Data(good.replacingOccurrences(of: "baselineMultiple: 5", with: "baselineMultiple: 0.5").utf8)
            .write(to: dir.appendingPathComponent("aws/bad.yaml"))
        let lib = try DetectionLibrary.load(directory: dir)
        #expect(lib.detections.isEmpty)
        #expect(lib.diagnostics.contains { "\($0)".contains("baselineMultiple must be a number from 1 to 1000") })
        try Data(good.utf8).write(to: dir.appendingPathComponent("aws/bad.yaml"))
        #expect(try DetectionLibrary.load(directory: dir).detections.first?.threshold?.baselineMultiple == 5)
    }

    @Test func responseElementsAreReadAndMatched() throws {
        func record(_ subject: String) -> String {
            """
            {"Records":[{"eventVersion":"1.09","userIdentity":{"type":"WebIdentityUser","principalId":"token.actions.githubusercontent.com:sts.amazonaws.com:\(subject)","userName":"\(subject)","identityProvider":"token.actions.githubusercontent.com"},\
            "eventTime":"2026-03-02T10:00:00Z","eventSource":"sts.amazonaws.com","eventName":"AssumeRoleWithWebIdentity","awsRegion":"us-east-1",\
            "sourceIPAddress":"20.1.2.3","userAgent":"aws-sdk-js/3","requestParameters":{"roleArn":"arn:aws:iam::111122223333:role/deploy","roleSessionName":"gha"},\
            "responseElements":{"subjectFromWebIdentityToken":"\(subject)","provider":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com","audience":"sts.amazonaws.com"},\
            "eventType":"AwsApiCall","recipientAccountId":"111122223333"}]}
            """
        }
        let rules = RuleSet()
        let pr = LogParser().parse(Data(record("repo:acme/infra:pull_request").utf8), key: "pr.json").events
        let main = LogParser().parse(Data(record("repo:acme/infra:ref:refs/heads/main").utf8), key: "main.json").events
        #expect(pr.count == 1 && main.count == 1)
        #expect(pr.first?.response["subjectFromWebIdentityToken"] == "repo:acme/infra:pull_request")
        #expect(pr.first?.request["roleSessionName"] == "gha")
        let id = "BLW-DET-AWS-GITHUB-OIDC-PULL-REQUEST-ROLE"
        #expect(pr.flatMap { rules.matching($0) }.map(\.id).contains(id))
        #expect(!main.flatMap { rules.matching($0) }.map(\.id).contains(id))
    }
}
