import AWS
import Azure
import Discovery
import Testing

/// A part that was not read keeps the cloud client's error as its cause, where it was created, and a closed code.
@Suite struct DiscoveryErrorTests {
    @Test func anAWSFailureKeepsTheClientErrorAsItsCause() throws {
        let cause = AWSError(
            .serviceError, "not allowed", serviceCode: "AccessDenied", service: "s3", operation: "ListBuckets", httpStatus: 403,
            requestID: "req-1")
        let error = DiscoveryError(service: "s3", region: "global", operation: "ListBuckets", underlying: cause)
        #expect(error.code == .accessDenied)
        #expect(error.apiCode == "AccessDenied")
        let underlying = try #require(error.underlying as? AWSError)
        #expect(underlying.requestID == "req-1")
        #expect(underlying.httpStatus == 403)
        #expect(error.message == "not allowed")
        #expect(error.description == "s3 global ListBuckets: AccessDenied: not allowed")
        #expect(error.file.hasSuffix("DiscoveryErrorTests.swift"))
        #expect(error.line > 0)
    }

    @Test func anAWSFailureOtherThanDenialIsACallFailure() {
        let cause = AWSError(
            .transport, "connection refused", service: "rds", operation: "DescribeDBInstances",
            resource: "db-1")
        let error = DiscoveryError(service: "rds", region: "eu-west-1", operation: "DescribeDBInstances", underlying: cause)
        #expect(error.code == .callFailed)
        #expect(error.resource == "db-1")
        #expect(error.description == "rds eu-west-1 DescribeDBInstances [db-1]: transport: connection refused")
    }

    @Test func anARMFailureNamesTheResourceTypeItsAPIReads() throws {
        let cause = AzureError(
            .armError, "denied", armCode: "AuthorizationFailed", api: "LIST Microsoft.Compute/disks",
            resourceID: "/subscriptions/s/providers/Microsoft.Compute/disks", httpStatus: 403)
        let error = DiscoveryError(arm: cause)
        #expect(error.code == .accessDenied)
        #expect(error.service == "Microsoft.Compute/disks")
        #expect(error.region == "global")
        #expect(error.operation == "LIST Microsoft.Compute/disks")
        #expect(error.resource == "/subscriptions/s/providers/Microsoft.Compute/disks")
        #expect((error.underlying as? AzureError)?.httpStatus == 403)
        let token = DiscoveryError(arm: AzureError(.authenticationFailed, "bad secret"))
        #expect(token.service == "arm")
        #expect(token.operation == "token")
        #expect(token.code == .callFailed)
    }
}
