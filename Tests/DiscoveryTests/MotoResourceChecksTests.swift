import AWS
import Checks
import Discovery
import Foundation
import Model
import Scanner
import TestSupport
import Testing

/// The resource-service checks written to match Prowler's, on live resources read from moto: network ACLs judged
/// in rule order (the default ACL included), snapshots' encryption, RDS automated snapshots, master user names and
/// ports, DynamoDB deletion protection, EFS zones; each with a failing and a passing resource.
@Suite("Resource checks on live resources", .serialized)
struct MotoResourceChecksTests {
    @Test func theResourceChecksPassAndFailOnTheSeededPairs() async throws {
        let moto = try MotoServer()
        defer { moto.stop() }
        guard let script = Bundle.module.url(forResource: "seed_moto_resources", withExtension: "py", subdirectory: "Fixtures")
        else { throw TestServerError("seed_moto_resources.py missing from the test bundle") }
        let output = try moto.runPython(script: script.path)
        let ids = try JSONDecoder().decode(
            [String: String].self, from: Data((output.split(separator: "\n").last.map(String.init) ?? "").utf8))
        func id(_ key: String) -> String { ids[key] ?? "<missing \(key)>" }
        let discovery = AWSDiscovery(client: MotoDiscoveryTests.client(moto.environment()), services: [.ec2, .rds, .dynamodb, .efs])
        let result = try await discovery.run()
        #expect(result.errors.isEmpty, "\(result.errors.map { "\($0.service) \($0.operation): \($0.message)" })")

        func find(_ type: String, _ id: String) -> Resource? {
            result.resources.first { r in
                guard r.type == type, case .live(let live) = r.origin else { return false }
                return live.id == id || r.attributes["id"]?.stringValue == id || r.name == id
            }
        }
        // moto lists Amazon's public snapshots for OwnerIds=self; only the account's own are read.
        let snapshots = result.resources.filter { $0.type == "aws_ebs_snapshot" }
        #expect(snapshots.count == 2, "\(snapshots.count) snapshots read")
        #expect(snapshots.allSatisfy { $0.attributes["owner_id"] == .string("123456789012") })
        // Automated RDS snapshots are read; they cannot be shared, so their sharing is known to be empty.
        let automated = result.resources.filter {
            $0.type == "aws_db_snapshot" && $0.attributes["snapshot_type"] == .string("automated")
        }
        #expect(automated.count == 2)
        #expect(automated.allSatisfy { $0.attributes["shared_accounts"] == .list([]) })
        let custom = try #require(find("aws_db_instance", "db-custom"))
        #expect(custom.attributes["username"] == .string("app_owner") && custom.attributes["port"] == .number(15432))

        let library = CheckLibrary.load(directory: MotoDiscoveryTests.checksDirectory)
        let results = CheckEngine(checks: library.checks).evaluate(graph: ResourceGraph(result.resources))
        func verdict(_ file: String, _ resource: Resource?) throws -> Verdict? {
            let check = try CheckLibrary.loadCheck(file: "\(MotoDiscoveryTests.checksDirectory)/aws/\(file).yaml").get().id
            return results.first { $0.check.id == check && $0.resourceAddress == resource?.address }?.verdict
        }
        let defaultACL = find("aws_default_network_acl", id("acl_default"))
        let shadowed = find("aws_network_acl", id("acl_shadowed"))
        let tight = find("aws_network_acl", id("acl_tight"))
        let automatedSnapshot = automated.first { $0.attributes["db_instance_identifier"] == .string("db-default") }
        let failing: [(String, Resource?)] = [
            ("nacl_ssh_from_internet", defaultACL), ("nacl_rdp_from_internet", defaultACL),
            ("nacl_rdp_from_internet", shadowed), ("ebs_snapshot_encrypted", find("aws_ebs_snapshot", id("snapshot_clear"))),
            ("rds_snapshot_encrypted", find("aws_db_snapshot", "snap-clear")), ("rds_snapshot_encrypted", automatedSnapshot),
            ("rds_default_master_username", find("aws_db_instance", "db-default")),
            ("rds_non_default_port", find("aws_db_instance", "db-default")),
            ("dynamodb_deletion_protection", find("aws_dynamodb_table", "table-unprotected")),
            ("efs_multi_az", find("aws_efs_file_system", id("efs_one_zone"))),
        ]
        for (check, resource) in failing {
            #expect(try verdict(check, resource) == .failed, "\(check) on \(resource?.address ?? "<not read>")")
        }
        let passing: [(String, Resource?)] = [
            ("nacl_ssh_from_internet", shadowed), ("nacl_ssh_from_internet", tight), ("nacl_rdp_from_internet", tight),
            ("ebs_snapshot_encrypted", find("aws_ebs_snapshot", id("snapshot_encrypted"))),
            ("rds_snapshot_encrypted", find("aws_db_snapshot", "snap-sealed")),
            ("rds_snapshot_not_public", automatedSnapshot), ("rds_default_master_username", custom),
            ("rds_non_default_port", custom), ("dynamodb_deletion_protection", find("aws_dynamodb_table", "table-protected")),
            ("efs_multi_az", find("aws_efs_file_system", id("efs_regional"))),
        ]
        for (check, resource) in passing {
            #expect(try verdict(check, resource) == .passed, "\(check) on \(resource?.address ?? "<not read>")")
        }
    }
}
