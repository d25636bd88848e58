import AWS
import Azure
import Discovery
import Testing

@testable import Posture

/// Which types drift may call missing: those of services that answered, even with nothing left live.
@Suite struct DiscoveredTypesTests {
    @Test func aServiceThatAnsweredCoversItsTypesEvenWithNoResourceLeft() {
        let result = LivePostureResult()
        let types = LivePosture.discoveredTypes(result, readClouds: ["aws"])
        #expect(types.contains("aws_s3_bucket"))
        #expect(types.contains("aws_s3_account_public_access_block"))
        #expect(types.contains("aws_db_instance"))
        #expect(!types.contains("azurerm_storage_account"))
    }

    @Test func aServiceWithAnErrorCoversOnlyWhatItReturned() {
        var result = LivePostureResult()
        result.discoveryErrors = [
            LiveCloudError(
                cloud: "aws",
                error: DiscoveryError(
                    service: "s3", region: "global", operation: "ListBuckets",
                    underlying: AWSError(.serviceError, "denied", serviceCode: "AccessDenied", service: "s3", operation: "ListBuckets")))
        ]
        let types = LivePosture.discoveredTypes(result, readClouds: ["aws"])
        #expect(!types.contains("aws_s3_bucket"))
        #expect(types.contains("aws_s3_account_public_access_block"))  // s3control answered
        #expect(types.contains("aws_instance"))
    }

    @Test func anUnreadCloudCoversNothing() {
        #expect(LivePosture.discoveredTypes(LivePostureResult(), readClouds: []).isEmpty)
    }
}

/// The same rule for Azure: ARM resource types are the services; a failed token covers nothing.
@Suite struct AzureDiscoveredTypesTests {
    static func error(_ service: String) -> LiveCloudError {
        LiveCloudError(
            cloud: "azure",
            error: DiscoveryError(
                .accessDenied, service: service, region: "global",
                operation: "GET \(service)", apiCode: "AuthorizationFailed",
                underlying: AzureError(.armError, "denied", armCode: "AuthorizationFailed")))
    }

    @Test func answeredResourceTypesAreCoveredAndFailedOnesAreNot() {
        var result = LivePostureResult()
        result.discoveryErrors = [Self.error("Microsoft.Compute/disks"), Self.error("Microsoft.Sql/servers/databases")]
        let types = LivePosture.discoveredTypes(result, readClouds: ["azure"])
        #expect(types.contains("azurerm_storage_account"))
        #expect(types.contains("azurerm_mssql_server"))
        #expect(!types.contains("azurerm_managed_disk"))
        #expect(!types.contains("azurerm_mssql_database"), "databases were not listed")
        #expect(!types.contains("aws_s3_bucket"))
    }

    @Test func aFailedTokenCoversNothingBeyondWhatWasRead() {
        var result = LivePostureResult()
        result.discoveryErrors = [Self.error("arm")]
        #expect(!LivePosture.discoveredTypes(result, readClouds: ["azure"]).contains("azurerm_storage_account"))
    }
}
