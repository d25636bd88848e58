import Foundation
import Model
import Store
import Testing

@testable import Dashboard

@Suite("Pages rendered from the store")
struct PageTests {
    @Test("the targets page lists every target with its Ready state, score and trend")
    func targetsPage() async throws {
        let (fixture, _) = try await DashboardFixture.seeded()
        defer { Task { await fixture.close() } }
        let html = try await TargetsPage.load(fixture.store).render()
        #expect(html.contains("<a href=\"/targets/prod\">prod</a>"))
        #expect(html.contains("<a href=\"/targets/edge\">edge</a>"))
        #expect(html.contains("<span class=\"badge good\">True</span>"))
        #expect(html.contains("<span class=\"badge bad\">False</span>"))
        // Latest scan: one passed and one failed decided control.
        #expect(html.contains("50.0%"))
        #expect(html.contains("<svg class=\"spark\""))
        #expect(html.contains("Score trend of prod: 33.3% to 50.0% over 3 scans"))
        #expect(html.contains("<caption>"))
    }

    @Test("an empty store says so instead of an empty table")
    func emptyTargets() async throws {
        let fixture = try await DashboardFixture.empty()
        defer { Task { await fixture.close() } }
        let html = try await TargetsPage.load(fixture.store).render()
        #expect(html.contains("No target has been reconciled or scanned yet."))
        #expect(!html.contains("<table"))
    }

    @Test("the target page shows the latest scan, findings, compliance trend, drift and alerts, all escaped")
    func targetPage() async throws {
        let (fixture, _) = try await DashboardFixture.seeded()
        defer { Task { await fixture.close() } }
        let page = try await TargetPage.load(fixture.store, name: "prod", filter: FindingFilter(query: FormFields("")))
        let html = try #require(page).render()
        #expect(html.contains("<code>33333333</code>") || html.contains("<dd>33333333</dd>"))
        #expect(html.contains("CKV_AWS_18") && html.contains("CKV_AWS_19"))
        // Default filter: failed or unknown, so the passing check is not listed.
        #expect(!html.contains("CKV_AWS_21"))
        #expect(html.contains("<svg class=\"trend\""))
        #expect(html.contains("2.1.1") && html.contains("2.1.3"))
        #expect(html.contains("versioning"))
        #expect(html.contains("Root credentials used &lt;b&gt;twice&lt;/b&gt;"))
        for hostile in [DashboardFixture.hostileResource, DashboardFixture.hostileTitle, DashboardFixture.hostileMessage] {
            #expect(!html.contains(hostile))
            #expect(html.contains(HTML.escape(hostile)))
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
    }

    @Test("an unknown target is nil, not an empty page")
    func unknownTarget() async throws {
        let (fixture, _) = try await DashboardFixture.seeded()
        defer { Task { await fixture.close() } }
        #expect(try await TargetPage.load(fixture.store, name: "nope", filter: FindingFilter(query: FormFields(""))) == nil)
        let edge = try await TargetPage.load(fixture.store, name: "edge", filter: FindingFilter(query: FormFields("")))
        #expect(try #require(edge).render().contains("No scan has been recorded for this target."))
    }

    @Test("the findings filter keeps what it asks for and drops the rest")
    func findingFilter() async throws {
        let (fixture, _) = try await DashboardFixture.seeded()
        defer { Task { await fixture.close() } }
        let rows = try await fixture.store.results(scanID: try #require(await fixture.store.latestScan(target: "prod")).id)
        let checks = { (query: String) in FindingFilter(query: FormFields(query)).apply(rows).map(\.checkID) }
        #expect(checks("") == ["CKV_AWS_18", "CKV_AWS_19"])
        #expect(checks("verdict=passed") == ["CKV_AWS_21"])
        #expect(checks("verdict=all&severity=medium") == ["CKV_AWS_21"])
        #expect(checks("verdict=all&q=ENCRYPTION") == ["CKV_AWS_19"])
        #expect(checks("verdict=unknown&severity=high") == [])
        #expect(checks("verdict=bogus&severity=bogus") == ["CKV_AWS_18", "CKV_AWS_19"])
        let form = FindingFilter(query: FormFields("severity=high&q=%22%3E%3Cscript%3E")).form(action: "/targets/prod")
        #expect(form.contains("<option value=\"high\" selected>HIGH</option>"))
        #expect(form.contains("value=\"&quot;&gt;&lt;script&gt;\""))
        #expect(form.contains("method=\"get\""))
    }

    @Test("a viewer sees the queue without decision buttons; an approver gets them for the states that allow them")
    func roleRules() async throws {
        let (fixture, ids) = try await DashboardFixture.seeded()
        defer { Task { await fixture.close() } }
        _ = try await fixture.remediator.approve(id: ids[1], by: "bob")
        let filter = RemediationQueuePage.Filter(FormFields(""))
        let asViewer = try await RemediationQueuePage.load(
            fixture.store, filter: filter, viewer: DashboardViewer(name: "vera", role: .viewer), csrf: "c", notice: nil
        ).render()
        #expect(asViewer.contains("#\(ids[0])") && asViewer.contains("#\(ids[1])"))
        #expect(asViewer.contains("Block public access of aws_s3_bucket.public"))
        #expect(!asViewer.contains("<button type=\"submit\" class=\"approve\""))
        #expect(!asViewer.contains("/approve") && !asViewer.contains("/reject"))
        #expect(asViewer.contains("may view requests but not approve or reject them"))

        let asApprover = try await RemediationQueuePage.load(
            fixture.store, filter: filter, viewer: DashboardViewer(name: "alice", role: .approver), csrf: "tok", notice: nil
        ).render()
        // The proposed request may be approved or rejected; the approved one only rejected.
        #expect(asApprover.contains("action=\"/remediation/\(ids[0])/approve\""))
        #expect(asApprover.contains("action=\"/remediation/\(ids[0])/reject\""))
        #expect(!asApprover.contains("action=\"/remediation/\(ids[1])/approve\""))
        #expect(asApprover.contains("action=\"/remediation/\(ids[1])/reject\""))
        #expect(asApprover.contains("name=\"csrf\" value=\"tok\""))
    }

    @Test("the queue lists pending requests by default and every status on request")
    func queueFilter() async throws {
        let (fixture, ids) = try await DashboardFixture.seeded()
        defer { Task { await fixture.close() } }
        _ = try await fixture.remediator.reject(id: ids[1], by: "bob")
        let who = DashboardViewer(name: "vera", role: .viewer)
        let pending = try await RemediationQueuePage.load(
            fixture.store, filter: .init(FormFields("")), viewer: who, csrf: "", notice: nil)
        #expect(pending.records.compactMap(\.id) == [ids[0]])
        let all = try await RemediationQueuePage.load(
            fixture.store, filter: .init(FormFields("status=all")), viewer: who, csrf: "", notice: nil)
        #expect(all.records.compactMap(\.id) == ids)
        let rejected = try await RemediationQueuePage.load(
            fixture.store, filter: .init(FormFields("status=rejected&target=prod")), viewer: who, csrf: "", notice: nil)
        #expect(rejected.records.compactMap(\.id) == [ids[1]])
        #expect(RemediationQueuePage.Filter(FormFields("status=rejected&target=a b")).path == "/remediation?status=rejected&target=a%20b")
    }
}
