import Azure
import CloudHTTP
import Foundation
import TestSupport
import Testing

@testable import Anomaly

/// The Activity Log REST source against a loopback server playing Entra ID and ARM: `$filter` windows from the
/// cursor, `nextLink` paging, a 429 with `Retry-After`, and a second read that finds nothing new.
@Suite struct AzureActivitySourceTests {
    static let subscription = "0b1f6471-1bf0-4dda-aec3-cb9272f09590"
    static let path = "/subscriptions/\(subscription)/providers/Microsoft.Insights/eventtypes/management/values"

    static func event(_ time: String, _ operation: String, status: String = "Succeeded") -> String {
        #"{"eventTimestamp":"\#(time)","caller":"ops@contoso.com","operationName":{"value":"\#(operation)","localizedValue":"x"},"status":{"value":"\#(status)"},"httpRequest":{"clientIpAddress":"198.51.100.7"},"subscriptionId":"\#(subscription)","resourceId":"/subscriptions/\#(subscription)/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"}"#
    }

    /// Serves tokens, answers the first values request with 429, then two pages joined by `nextLink`.
    final class Fixture: @unchecked Sendable {
        let server: LoopbackHTTPServer
        let valueRequests = TestCounter()

        init() throws {
            let counter = valueRequests
            let box = PortBox()
            server = try LoopbackHTTPServer { request in
                if request.path.hasSuffix("/oauth2/v2.0/token") {
                    return CannedResponse(text: #"{"token_type":"Bearer","expires_in":3600,"access_token":"token-1"}"#)
                }
                guard request.path == AzureActivitySourceTests.path else {
                    return CannedResponse(status: 404, text: #"{"error":{"code":"NotFound","message":"no route"}}"#)
                }
                let n = counter.next()
                if n == 1 {
                    return CannedResponse(
                        status: 429, headers: [("Retry-After", "1")], text: #"{"error":{"code":"TooManyRequests","message":"slow down"}}"#)
                }
                if request.target.contains("$skipToken=page2") {
                    let items = [
                        event("2026-03-02T10:30:00.1234567Z", "Microsoft.Compute/virtualMachines/runCommand/action"),
                        event("2026-03-02T10:31:00Z", "Microsoft.Compute/virtualMachines/runCommand/action", status: "Started"),
                    ]
                    return CannedResponse(text: #"{"value":[\#(items.joined(separator: ","))]}"#)
                }
                let next = "http://127.0.0.1:\(box.port)\(AzureActivitySourceTests.path)?api-version=2015-04-01&$skipToken=page2"
                let items = [
                    event("2026-03-02T10:05:00Z", "Microsoft.Compute/virtualMachines/read"),
                    event("2026-03-02T10:06:00Z", "Microsoft.Compute/virtualMachines/write"),
                ]
                return CannedResponse(text: #"{"value":[\#(items.joined(separator: ","))],"nextLink":"\#(next)"}"#)
            }
            box.port = server.port
        }

        var client: ARMClient {
            let configuration = AzureConfiguration(
                tenantID: "tenant-a", clientID: "client-1", clientSecret: AzureSecret("secret"),
                authorityHost: server.baseURL, resourceManagerEndpoint: server.baseURL)
            let retry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .seconds(2), jitter: { _ in 0 })
            return ARMClient(configuration: configuration, transport: URLSessionTransport(), retry: retry, timeout: .seconds(20))
        }

        var valueTargets: [String] { server.requests.filter { $0.path == AzureActivitySourceTests.path }.map(\.target) }
    }

    @Test func readsWindowsWithPagingAndRetryThenNothingNew() async throws {
        let fixture = try Fixture()
        defer { fixture.server.stop() }
        // "Now" is 11:15:00Z; with 15 min of delivery lag and 1 h of look-back the window is 10:00–11:00.
        let now = 1_772_409_600.0 + 11 * 3600 + 15 * 60
        let source = AzureActivityLogSource(
            client: fixture.client, subscriptionID: Self.subscription,
            initialLookback: 3600, deliveryLag: 900, now: { now })
        let batch = try await LogIngestor().readNew(from: source, after: LogCursor())
        #expect(batch.report.files.count == 1)
        #expect(batch.report.files.first?.error == nil)
        #expect(batch.report.files.first?.format == .azureREST)
        #expect(
            batch.events.map(\.action) == [
                "microsoft.compute/virtualmachines/read", "microsoft.compute/virtualmachines/write",
                "microsoft.compute/virtualmachines/runcommand/action",
            ])
        #expect(batch.report.skipped == 1)  // the "Started" half
        #expect(batch.events.allSatisfy { $0.principal == "ops@contoso.com" })

        let targets = fixture.valueTargets
        #expect(targets.count == 3)  // 429, page 1, page 2
        let first = try #require(targets.first)
        #expect(first.contains("api-version=2015-04-01"))
        #expect(
            first.contains(
                "$filter=eventTimestamp%20ge%20%272026-03-02T10%3A00%3A00.000Z%27%20and%20eventTimestamp%20le%20%272026-03-02T11%3A00%3A00.000Z%27"
            ))
        #expect(targets.last?.contains("$skipToken=page2") == true)

        // The cursor remembers the window: nothing new until time moves on, then the next window starts 1 ms later.
        #expect(try await source.list(after: batch.cursor).isEmpty)
        let later = AzureActivityLogSource(
            client: fixture.client, subscriptionID: Self.subscription,
            initialLookback: 3600, deliveryLag: 900, now: { now + 600 })
        let next = try await later.list(after: batch.cursor)
        #expect(next.map(\.key) == ["subscriptions/\(Self.subscription)/activity-log/2026-03-02T11:00:00.001Z..2026-03-02T11:10:00.000Z"])
    }

    /// A window whose query failed (503) is asked for again with the same bounds before later windows, even though
    /// "now" moved on; after the attempt limit in a row it is given up and the next window is read.
    @Test func aFailedWindowIsRetriedWithItsOwnBoundsThenGivenUp() async throws {
        let serving = TestCounter()  // 0: every values request fails; 1 or more: answered
        let server = try LoopbackHTTPServer { request in
            if request.path.hasSuffix("/oauth2/v2.0/token") {
                return CannedResponse(text: #"{"token_type":"Bearer","expires_in":3600,"access_token":"token-1"}"#)
            }
            guard serving.count > 0 else {
                return CannedResponse(status: 503, text: #"{"error":{"code":"ServiceUnavailable","message":"try later"}}"#)
            }
            let first = request.target.contains("ge%20%272026-03-02T10%3A00%3A00.000Z%27")
            let items = first ? [AzureActivitySourceTests.event("2026-03-02T10:05:00Z", "Microsoft.Compute/virtualMachines/write")] : []
            return CannedResponse(text: #"{"value":[\#(items.joined(separator: ","))]}"#)
        }
        defer { server.stop() }
        let configuration = AzureConfiguration(
            tenantID: "t", clientID: "c", clientSecret: AzureSecret("secret"),
            authorityHost: server.baseURL, resourceManagerEndpoint: server.baseURL)
        let client = ARMClient(configuration: configuration, transport: URLSessionTransport(), retry: .none)
        let now = 1_772_409_600.0 + 11 * 3600 + 15 * 60
        func source(at time: Double) -> AzureActivityLogSource {
            AzureActivityLogSource(
                client: client, subscriptionID: Self.subscription, initialLookback: 3600, deliveryLag: 900,
                now: { time })
        }
        let group = "subscriptions/\(Self.subscription)/activity-log"
        let window = "\(group)/2026-03-02T10:00:00.000Z..2026-03-02T11:00:00.000Z"
        let next = "\(group)/2026-03-02T11:00:00.001Z..2026-03-02T11:10:00.000Z"

        let failed = try await LogIngestor().readNew(from: source(at: now), after: LogCursor())
        #expect(failed.report.files.map(\.key) == [window])
        #expect(failed.report.retriedFiles == 1 && failed.events.isEmpty)
        #expect(failed.report.files.first?.problem?.contains("azure-activity:/\(window): read failed") == true)
        #expect(failed.cursor.lastKeyByGroup.isEmpty)
        #expect(failed.cursor.pendingByGroup[group] == .init(key: window, failures: 1))

        // Ten minutes later the same window comes first, unchanged, then the new one.
        _ = serving.next()
        let retried = try await LogIngestor().readNew(from: source(at: now + 600), after: failed.cursor)
        #expect(retried.report.files.map(\.key) == [window, next])
        #expect(retried.events.map(\.action) == ["microsoft.compute/virtualmachines/write"])
        #expect(retried.cursor.lastKeyByGroup[group] == next && retried.cursor.pendingByGroup.isEmpty)

        // With the service down for good and a limit of 2: held once, then given up and the next window tried.
        let down = try LoopbackHTTPServer { request in
            request.path.hasSuffix("/oauth2/v2.0/token")
                ? CannedResponse(text: #"{"token_type":"Bearer","expires_in":3600,"access_token":"token-1"}"#)
                : CannedResponse(status: 500, text: #"{"error":{"code":"InternalServerError","message":"down"}}"#)
        }
        defer { down.stop() }
        let downClient = ARMClient(
            configuration: AzureConfiguration(
                tenantID: "t", clientID: "c", clientSecret: AzureSecret("secret"), authorityHost: down.baseURL,
                resourceManagerEndpoint: down.baseURL), transport: URLSessionTransport(), retry: .none)
        func downSource(at time: Double) -> AzureActivityLogSource {
            AzureActivityLogSource(
                client: downClient, subscriptionID: Self.subscription, initialLookback: 3600,
                deliveryLag: 900, now: { time })
        }
        let ingestor = LogIngestor(maxReadAttempts: 2)
        let once = try await ingestor.readNew(from: downSource(at: now), after: LogCursor())
        #expect(once.report.retriedFiles == 1)
        let twice = try await ingestor.readNew(from: downSource(at: now + 600), after: once.cursor)
        #expect(twice.report.files.map(\.key) == [window, next])
        #expect(twice.report.files.first?.gaveUp == true && twice.report.files.first?.readFailures == 2)
        #expect(twice.report.files.last?.retried == true)
        #expect(twice.cursor.lastKeyByGroup[group] == window)
        #expect(twice.cursor.pendingByGroup[group] == .init(key: next, failures: 1))
    }

    @Test func refusedQueryIsTypedWithTheSubscription() async throws {
        let server = try LoopbackHTTPServer { request in
            if request.path.hasSuffix("/oauth2/v2.0/token") {
                return CannedResponse(text: #"{"token_type":"Bearer","expires_in":3600,"access_token":"token-1"}"#)
            }
            return CannedResponse(status: 403, text: #"{"error":{"code":"AuthorizationFailed","message":"no read on the activity log"}}"#)
        }
        defer { server.stop() }
        let configuration = AzureConfiguration(
            tenantID: "t", clientID: "c", clientSecret: AzureSecret("secret"),
            authorityHost: server.baseURL, resourceManagerEndpoint: server.baseURL)
        let client = ARMClient(configuration: configuration, transport: URLSessionTransport(), retry: .none)
        let source = AzureActivityLogSource(client: client, subscriptionID: Self.subscription, now: { 1_772_409_600 })
        let refs = try await source.list(after: LogCursor())
        #expect(refs.count == 4)  // 24 h of look-back in 6 h windows
        await #expect(throws: AnomalyError.self) { _ = try await source.read(key: refs[0].key) }
        do {
            _ = try await source.read(key: refs[0].key)
        } catch {
            #expect(error.code == .accessDenied)
            #expect(error.location?.contains(Self.subscription) == true)
            #expect(!error.description.contains("secret"))
        }
    }
}
