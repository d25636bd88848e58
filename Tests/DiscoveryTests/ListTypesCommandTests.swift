import Discovery
import Foundation
import TestSupport
import Testing

/// `bulwark discover --list-types --cloud aws|azure` prints each cloud's supported types, one a line, and reads
/// nothing (no credentials are needed).
@Suite("discover --list-types")
struct ListTypesCommandTests {
    func run(_ cloud: String) async throws -> Subprocess.Outcome {
        let executable = try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
        return try await Subprocess(
            executable, ["discover", "--list-types", "--cloud", cloud],
            environment: ["AWS_ACCESS_KEY_ID": "", "AZURE_CLIENT_ID": "", "AWS_ENDPOINT_URL": "http://127.0.0.1:9"]
        ).wait()
    }

    @Test func printsEachCloudsTypesOneALine() async throws {
        let aws = try await run("aws")
        #expect(aws.succeeded, "\(aws.output)")
        #expect(aws.output.split(separator: "\n").map(String.init) == AWSDiscovery.supportedTypes)
        let azure = try await run("azure")
        #expect(azure.succeeded, "\(azure.output)")
        #expect(azure.output.split(separator: "\n").map(String.init) == AzureDiscovery.supportedTypes)
    }

    @Test func withoutTheFlagTheCloudIsRead() async throws {
        // The same command without --list-types tries the (unreachable) endpoint and fails: the flag is what
        // turns reading off.
        let executable = try BuiltProduct.path("bulwark", override: "BULWARK_EXECUTABLE")
        let outcome = try await Subprocess(
            executable, ["discover", "--cloud", "aws", "--request-timeout", "2s", "--deadline", "5s"],
            environment: [
                "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1",
                "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_CONFIG_FILE": "/nonexistent/bulwark-test/config",
                "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/bulwark-test/credentials",
            ]
        ).wait()
        #expect(!outcome.succeeded)
        #expect(!outcome.output.contains("aws_lambda_function\n"))
    }
}
