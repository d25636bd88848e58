import Foundation
import Scanner
import Store
import TestSupport
import Testing

@testable import CommitScan
@testable import ControllerConfig
@testable import Posture
@testable import Reconciler
@testable import Stages

/// The live posture stage for an Azure target against a loopback server playing Entra ID and Resource Manager.
@Suite(.serialized) struct LivePostureAzureTests {
    static let subscription = "00000000-0000-0000-0000-00000000b0b0"
    static var accountID: String {
        "/subscriptions/\(subscription)/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/acmedata"
    }

    /// Token endpoint, one storage account (HTTP allowed, TLS 1.0), disks denied, every other list empty.
    static func armServer() throws -> LoopbackHTTPServer {
        let account = """
            {"id":"\(accountID)","name":"acmedata","type":"Microsoft.Storage/storageAccounts","location":"westeurope",
             "kind":"StorageV2","sku":{"name":"Standard_LRS","tier":"Standard"},
             "properties":{"supportsHttpsTrafficOnly":false,"minimumTlsVersion":"TLS1_0","allowBlobPublicAccess":true}}
            """
        return try LoopbackHTTPServer { request in
            let path = request.path.lowercased()
            let json = [("Content-Type", "application/json")]
            if path.hasSuffix("/oauth2/v2.0/token") {
                return CannedResponse(headers: json, text: #"{"token_type":"Bearer","expires_in":3600,"access_token":"t-1"}"#)
            }
            if path.hasSuffix("/providers/microsoft.storage/storageaccounts") {
                return CannedResponse(headers: json, text: #"{"value":[\#(account)]}"#)
            }
            if path.hasSuffix("/blobservices/default") {
                return CannedResponse(headers: json, text: #"{"id":"\#(accountID)/blobServices/default","properties":{}}"#)
            }
            if path.hasSuffix("/providers/microsoft.compute/disks") {
                return CannedResponse(
                    status: 403, headers: json,
                    text:
                        #"{"error":{"code":"AuthorizationFailed","message":"no Microsoft.Compute/disks/read"}}"#)
            }
            return CannedResponse(headers: json, text: #"{"value":[]}"#)
        }
    }

    static func environment(_ server: LoopbackHTTPServer) -> [String: String] {
        [
            "AZURE_TENANT_ID": "tenant-live", "AZURE_CLIENT_ID": "client-live", "AZURE_CLIENT_SECRET": "secret-live",
            "AZURE_AUTHORITY_HOST": server.baseURL.absoluteString, "BULWARK_AZURE_ARM_ENDPOINT": server.baseURL.absoluteString,
        ]
    }

    static var state: String {
        """
        {"version":4,"terraform_version":"1.11.0","serial":1,"lineage":"azure-live-tests","outputs":{},"resources":[
         {"mode":"managed","type":"azurerm_storage_account","name":"data",
          "provider":"provider[\\"registry.terraform.io/hashicorp/azurerm\\"]",
          "instances":[{"schema_version":4,"attributes":{"id":"\(accountID)","name":"acmedata",
            "https_traffic_only_enabled":true,"min_tls_version":"TLS1_2"}}]}]}
        """
    }

    static let baseline = """
        name: azure-live-test
        provider: azure
        settings:
          defender_plans:
            VirtualMachines: Standard
        """

    @Test(.timeLimit(.minutes(10))) func azureCycleStoresDriftFindingsAndDeniedTypesAsWarnings() async throws {
        let server = try Self.armServer()
        defer { server.stop() }
        let h = try await ReconcileLoopTests.Harness()
        _ = try h.remote.createRepository(
            "az",
            files: [
                "terraform/main.tf": """
                resource "azurerm_storage_account" "data" {
                  name                = "acmedata"
                  resource_group_name = "rg-data"
                  location            = "westeurope"
                }
                """,
                "terraform/terraform.tfstate": Self.state,
                "baselines/azure.yaml": Self.baseline,
            ])
        var target = h.target("az")
        target.paths = ["terraform"]
        target.clouds = TargetConfig.Clouds(azure: .init(subscriptionID: Self.subscription))
        target.baselines = ["baselines/azure.yaml"]
        let stage = LivePostureStage(
            library: CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory), environment: Self.environment(server))
        var options = ScanOptions()
        options.library = CheckLibrary.load(directory: ReconcileLoopTests.checksDirectory)
        let config = ReconcileConfig(
            file: h.directory + "/bulwark.yaml", cacheDirectory: h.directory + "/git",
            concurrency: 1, targets: [target])
        let reconciler = Reconciler(
            config: config, store: h.store, scanner: CommitScanner(options: options),
            stages: [stage], environment: [:], owner: "test-replica")

        let status = try #require(await reconciler.runOnce().first)
        #expect(status.ready == .true, "\(status)")
        #expect(
            status.message.contains("AuthorizationFailed") && status.message.contains("Microsoft.Compute/disks"),
            "\(status.message)")

        // No `state:` key: the state comes from the default local backend beside the configuration.
        let scan = try #require(try await h.store.latestScan(target: "az"))
        let drift = try await h.store.drift(scanID: scan.id)
        #expect(
            drift.contains { $0.kind == "drifted" && $0.attribute == "https_traffic_only_enabled" && $0.live == "false" },
            "\(drift)")
        #expect(drift.contains { $0.kind == "drifted" && $0.attribute == "min_tls_version" })

        let live = try #require(try await h.store.latestScan(target: LivePostureRecording.liveTarget("az")))
        let results = try await h.store.results(scanID: live.id).map(\.finding)
        #expect(results.contains { $0.verdict == .failed && $0.resourceType == "azurerm_storage_account" })
        #expect(
            results.contains { $0.checkID == "BASELINE:defender_plans.VirtualMachines" && $0.verdict == .failed },
            "\(results.filter { $0.checkID.hasPrefix("BASELINE") }.map { "\($0.checkID) \($0.verdict)" })")
    }
}
