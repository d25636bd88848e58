import Checks
import Foundation
import Model
import Testing

@testable import Remediation

/// Every declared fix, on its own fixtures: the failing fixture is fixed (the check passes on a re-scan, the
/// edited file passes `terraform fmt -check`), the passing fixture is left byte-identical.
@Suite("Fix catalog")
struct FixCatalogTests {
    /// One fixture pair and the checks it exercises.
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var checks: [String]
        var adminCIDR: String? = nil
        var testDescription: String { fixture }
    }

    static let cases: [Case] = [
        Case(fixture: "s3-acl-read", checks: ["BLW-AWS-S3-001", "BLW-AWS-S3-002"]),
        Case(fixture: "s3-acl-write", checks: ["BLW-AWS-S3-001", "BLW-AWS-S3-002"]),
        Case(fixture: "s3-public-access-block", checks: ["BLW-AWS-S3-007"]),
        Case(fixture: "s3-pab-flags", checks: ["BLW-AWS-S3-003", "BLW-AWS-S3-004", "BLW-AWS-S3-005", "BLW-AWS-S3-006", "BLW-AWS-S3-007"]),
        Case(fixture: "s3-default-encryption", checks: ["BLW-AWS-S3-010"]),
        Case(fixture: "s3-ownership-controls", checks: ["BLW-AWS-S3-080"]),
        Case(fixture: "s3-versioning-resource", checks: ["BLW-AWS-S3-012"]),
        Case(fixture: "s3-versioning-inline", checks: ["BLW-AWS-S3-012"]),
        Case(fixture: "rds-encrypted", checks: ["BLW-AWS-RDS-001", "BLW-AWS-RDS-002"]),
        Case(fixture: "rds-deletion", checks: ["BLW-AWS-RDS-007", "BLW-AWS-RDS-008"]),
        Case(fixture: "sg-inline-ssh", checks: ["BLW-AWS-VPC-001", "BLW-AWS-VPC-002"], adminCIDR: "203.0.113.0/24"),
        Case(fixture: "sg-rule-rdp", checks: ["BLW-AWS-VPC-003", "BLW-AWS-VPC-004"], adminCIDR: "203.0.113.0/24"),
        Case(fixture: "cloudtrail", checks: ["BLW-AWS-CLOUDTRAIL-002", "BLW-AWS-CLOUDTRAIL-003"]),
        Case(fixture: "kms-rotation", checks: ["BLW-AWS-KMS-001"]),
        Case(fixture: "ebs", checks: ["BLW-AWS-EC2-003", "BLW-AWS-EC2-005"]),
        Case(fixture: "imdsv2", checks: ["BLW-AWS-EC2-002"]),
        Case(fixture: "dynamodb-ecr", checks: ["BLW-AWS-DYNAMODB-001", "BLW-AWS-ECR-001", "BLW-AWS-ECR-002"]),
        Case(
            fixture: "aws-apigateway",
            checks: ["BLW-AWS-APIGATEWAY-002", "BLW-AWS-APIGATEWAY-003", "BLW-AWS-APIGATEWAY-004", "BLW-AWS-APIGATEWAY-005"]),
        Case(
            fixture: "aws-logs-lb",
            checks: [
                "BLW-AWS-CLOUDWATCH-002", "BLW-AWS-CLOUDWATCH-003", "BLW-AWS-ELB-003", "BLW-AWS-ELB-004", "BLW-AWS-ELB-008",
                "BLW-AWS-ELB-009",
            ]),
        Case(
            fixture: "aws-compute",
            checks: [
                "BLW-AWS-EC2-011", "BLW-AWS-EC2-013", "BLW-AWS-EKS-003", "BLW-AWS-KMS-002", "BLW-AWS-VPC-014",
                "BLW-AWS-SAGEMAKER-005",
            ]),
        Case(
            fixture: "aws-data",
            checks: [
                "BLW-AWS-RDS-013", "BLW-AWS-RDS-016", "BLW-AWS-RDS-017", "BLW-AWS-REDSHIFT-004", "BLW-AWS-REDSHIFT-008",
                "BLW-AWS-NEPTUNE-003", "BLW-AWS-NEPTUNE-004", "BLW-AWS-ELASTICACHE-006", "BLW-AWS-MQ-001", "BLW-AWS-MQ-003",
                "BLW-AWS-OPENSEARCH-003", "BLW-AWS-ATHENA-002", "BLW-AWS-CODEBUILD-001", "BLW-AWS-CODEBUILD-003",
                "BLW-AWS-CLOUDFRONT-008",
            ]),
        Case(
            fixture: "azure-storage",
            checks: [
                "BLW-AZURE-STORAGE-001", "BLW-AZURE-STORAGE-002", "BLW-AZURE-STORAGE-003",
                "BLW-AZURE-STORAGE-004",
            ]),
        Case(fixture: "azure-keyvault", checks: ["BLW-AZURE-KEYVAULT-001", "BLW-AZURE-KEYVAULT-002"]),
        Case(fixture: "azure-sql", checks: ["BLW-AZURE-SQL-007", "BLW-AZURE-SQL-009"]),
        Case(fixture: "azure-nsg", checks: ["BLW-AZURE-NETWORK-001", "BLW-AZURE-NETWORK-002"], adminCIDR: "203.0.113.0/24"),
        Case(fixture: "azure-acr-003", checks: ["BLW-AZURE-ACR-003"]),
        Case(fixture: "azure-aks-004", checks: ["BLW-AZURE-AKS-004"]),
        Case(fixture: "azure-aks-005", checks: ["BLW-AZURE-AKS-005"]),
        Case(fixture: "azure-aks-010", checks: ["BLW-AZURE-AKS-010"]),
        Case(fixture: "azure-aks-013", checks: ["BLW-AZURE-AKS-013"]),
        Case(fixture: "azure-aks-017", checks: ["BLW-AZURE-AKS-017"]),
        Case(fixture: "azure-aks-018", checks: ["BLW-AZURE-AKS-018"]),
        Case(fixture: "azure-apim-002", checks: ["BLW-AZURE-APIM-002"]),
        Case(fixture: "azure-appconfig-001", checks: ["BLW-AZURE-APPCONFIG-001"]),
        Case(fixture: "azure-appconfig-002", checks: ["BLW-AZURE-APPCONFIG-002"]),
        Case(fixture: "azure-appservice-007", checks: ["BLW-AZURE-APPSERVICE-007"]),
        Case(fixture: "azure-appservice-011", checks: ["BLW-AZURE-APPSERVICE-011"]),
        Case(fixture: "azure-appservice-012", checks: ["BLW-AZURE-APPSERVICE-012"]),
        Case(fixture: "azure-appservice-014", checks: ["BLW-AZURE-APPSERVICE-014"]),
        Case(fixture: "azure-appservice-015", checks: ["BLW-AZURE-APPSERVICE-015"]),
        Case(fixture: "azure-appservice-016", checks: ["BLW-AZURE-APPSERVICE-016"]),
        Case(fixture: "azure-appservice-017", checks: ["BLW-AZURE-APPSERVICE-017"]),
        Case(fixture: "azure-appservice-018", checks: ["BLW-AZURE-APPSERVICE-018"]),
        Case(fixture: "azure-appservice-019", checks: ["BLW-AZURE-APPSERVICE-019"]),
        Case(fixture: "azure-appservice-020", checks: ["BLW-AZURE-APPSERVICE-020"]),
        Case(fixture: "azure-cognitive-001", checks: ["BLW-AZURE-COGNITIVE-001"]),
        Case(fixture: "azure-cognitive-002", checks: ["BLW-AZURE-COGNITIVE-002"]),
        Case(fixture: "azure-cosmos-002", checks: ["BLW-AZURE-COSMOS-002"]),
        Case(fixture: "azure-cosmos-005", checks: ["BLW-AZURE-COSMOS-005"]),
        Case(fixture: "azure-datafactory-001", checks: ["BLW-AZURE-DATAFACTORY-001"]),
        Case(fixture: "azure-defender-011", checks: ["BLW-AZURE-DEFENDER-011"]),
        Case(fixture: "azure-defender-012", checks: ["BLW-AZURE-DEFENDER-012"]),
        Case(fixture: "azure-defender-013", checks: ["BLW-AZURE-DEFENDER-013"]),
        Case(fixture: "azure-defender-014", checks: ["BLW-AZURE-DEFENDER-014"]),
        Case(fixture: "azure-defender-017", checks: ["BLW-AZURE-DEFENDER-017"]),
        Case(fixture: "azure-defender-018", checks: ["BLW-AZURE-DEFENDER-018"]),
        Case(fixture: "azure-eventgrid-001", checks: ["BLW-AZURE-EVENTGRID-001"]),
        Case(fixture: "azure-eventgrid-002", checks: ["BLW-AZURE-EVENTGRID-002"]),
        Case(fixture: "azure-eventgrid-004", checks: ["BLW-AZURE-EVENTGRID-004"]),
        Case(fixture: "azure-eventgrid-005", checks: ["BLW-AZURE-EVENTGRID-005"]),
        Case(fixture: "azure-eventhub-001", checks: ["BLW-AZURE-EVENTHUB-001"]),
        Case(fixture: "azure-eventhub-002", checks: ["BLW-AZURE-EVENTHUB-002"]),
        Case(fixture: "azure-eventhub-003", checks: ["BLW-AZURE-EVENTHUB-003"]),
        Case(fixture: "azure-frontdoor-002", checks: ["BLW-AZURE-FRONTDOOR-002"]),
        Case(fixture: "azure-mysql-007", checks: ["BLW-AZURE-MYSQL-007"]),
        Case(fixture: "azure-network-010", checks: ["BLW-AZURE-NETWORK-010"]),
        Case(fixture: "azure-network-011", checks: ["BLW-AZURE-NETWORK-011"]),
        Case(fixture: "azure-postgres-011", checks: ["BLW-AZURE-POSTGRES-011"]),
        Case(fixture: "azure-postgres-012", checks: ["BLW-AZURE-POSTGRES-012"]),
        Case(fixture: "azure-postgres-013", checks: ["BLW-AZURE-POSTGRES-013"]),
        Case(fixture: "azure-postgres-014", checks: ["BLW-AZURE-POSTGRES-014"]),
        Case(fixture: "azure-postgres-015", checks: ["BLW-AZURE-POSTGRES-015"]),
        Case(fixture: "azure-postgres-016", checks: ["BLW-AZURE-POSTGRES-016"]),
        Case(fixture: "azure-redis-001", checks: ["BLW-AZURE-REDIS-001"]),
        Case(fixture: "azure-redis-002", checks: ["BLW-AZURE-REDIS-002"]),
        Case(fixture: "azure-redis-003", checks: ["BLW-AZURE-REDIS-003"]),
        Case(fixture: "azure-search-001", checks: ["BLW-AZURE-SEARCH-001"]),
        Case(fixture: "azure-servicebus-001", checks: ["BLW-AZURE-SERVICEBUS-001"]),
        Case(fixture: "azure-servicebus-002", checks: ["BLW-AZURE-SERVICEBUS-002"]),
        Case(fixture: "azure-servicebus-003", checks: ["BLW-AZURE-SERVICEBUS-003"]),
        Case(fixture: "azure-sql-012", checks: ["BLW-AZURE-SQL-012"]),
        Case(fixture: "azure-sql-015", checks: ["BLW-AZURE-SQL-015"]),
        Case(fixture: "azure-storage-014", checks: ["BLW-AZURE-STORAGE-014"]),
        Case(fixture: "azure-storage-016", checks: ["BLW-AZURE-STORAGE-016"]),
        Case(fixture: "azure-storage-018", checks: ["BLW-AZURE-STORAGE-018"]),
        Case(fixture: "azure-vm-005", checks: ["BLW-AZURE-VM-005"]),
        Case(fixture: "azure-vm-007", checks: ["BLW-AZURE-VM-007"]),
        Case(fixture: "azure-vm-009", checks: ["BLW-AZURE-VM-009"]),
        Case(fixture: "azure-vm-010", checks: ["BLW-AZURE-VM-010"]),
        Case(fixture: "azure-vm-011", checks: ["BLW-AZURE-VM-011"]),
        Case(fixture: "azure-waf-001", checks: ["BLW-AZURE-WAF-001"]),
        Case(fixture: "azure-waf-002", checks: ["BLW-AZURE-WAF-002"]),
        Case(fixture: "aws-appsync-003", checks: ["BLW-AWS-APPSYNC-003"]),
        Case(fixture: "aws-appsync-004", checks: ["BLW-AWS-APPSYNC-004"]),
        Case(fixture: "aws-cloudwatch-004", checks: ["BLW-AWS-CLOUDWATCH-004"]),
        Case(fixture: "aws-cognito-001", checks: ["BLW-AWS-COGNITO-001"]),
        Case(fixture: "aws-dax-002", checks: ["BLW-AWS-DAX-002"]),
        Case(fixture: "aws-docdb-007", checks: ["BLW-AWS-DOCDB-007"]),
        Case(fixture: "aws-ec2-016", checks: ["BLW-AWS-EC2-016"]),
        Case(fixture: "aws-ec2-019", checks: ["BLW-AWS-EC2-019"]),
        Case(fixture: "aws-ec2-018", checks: ["BLW-AWS-EC2-018"]),
        Case(fixture: "aws-ecs-004", checks: ["BLW-AWS-ECS-004"]),
        Case(fixture: "aws-elb-010", checks: ["BLW-AWS-ELB-010"]),
        Case(fixture: "aws-emr-001", checks: ["BLW-AWS-EMR-001"]),
        Case(fixture: "aws-memorydb-003", checks: ["BLW-AWS-MEMORYDB-003"]),
        Case(fixture: "aws-neptune-007", checks: ["BLW-AWS-NEPTUNE-007"]),
        Case(fixture: "aws-neptune-006", checks: ["BLW-AWS-NEPTUNE-006"]),
        Case(fixture: "aws-networkfirewall-001", checks: ["BLW-AWS-NETWORKFIREWALL-001"]),
        Case(fixture: "aws-qldb-002", checks: ["BLW-AWS-QLDB-002"]),
        Case(fixture: "aws-qldb-001", checks: ["BLW-AWS-QLDB-001"]),
        Case(fixture: "aws-rds-020", checks: ["BLW-AWS-RDS-020"]),
        Case(fixture: "aws-rds-019", checks: ["BLW-AWS-RDS-019"]),
        Case(fixture: "aws-redshift-011", checks: ["BLW-AWS-REDSHIFT-011"]),
        Case(fixture: "aws-route53-003", checks: ["BLW-AWS-ROUTE53-003"]),
        Case(fixture: "aws-sagemaker-006", checks: ["BLW-AWS-SAGEMAKER-006"]),
        Case(fixture: "aws-vpc-015", checks: ["BLW-AWS-VPC-015"]),
        Case(fixture: "aws-workspaces-002", checks: ["BLW-AWS-WORKSPACES-002"]),
        Case(fixture: "aws-workspaces-001", checks: ["BLW-AWS-WORKSPACES-001"]),
    ]

    @Test("the failing fixture is fixed, verified and fmt-clean", arguments: cases)
    func fixesFailingFixture(_ c: Case) throws {
        let copy = try ScratchCopy(of: try TestPaths.fixture("fixes/\(c.fixture)/fail"))
        defer { copy.remove() }
        let original = try copy.read("main.tf")
        let run = try FixRun.run(in: copy.path, checks: c.checks, adminCIDR: c.adminCIDR)
        let failedBefore = run.before.filter { $0.result.verdict == .failed }
        #expect(!failedBefore.isEmpty, "the failing fixture must fail one of \(c.checks)")
        #expect(Set(failedBefore.map(\.result.checkID)).isSubset(of: Set(c.checks)))
        #expect(run.plan.manual.isEmpty, "manual: \(run.plan.manual.map(\.reason))")
        #expect(run.plan.fixed.count == failedBefore.count)
        #expect(run.stillFailing.isEmpty, "still failing: \(run.stillFailing.map { "\($0.result.checkID) \($0.result.resourceAddress)" })")
        #expect(try copy.read("main.tf") != original)
        try expectTerraformFormatted(run.plan.edits.map(\.path))
        for edit in run.plan.edits { #expect(HCLParserCheck.parses(edit.updated, name: edit.path)) }
    }

    @Test("the passing fixture is left byte-identical", arguments: cases)
    func leavesPassingFixture(_ c: Case) throws {
        let copy = try ScratchCopy(of: try TestPaths.fixture("fixes/\(c.fixture)/pass"))
        defer { copy.remove() }
        let original = try copy.read("main.tf")
        let run = try FixRun.run(in: copy.path, checks: c.checks, adminCIDR: c.adminCIDR)
        #expect(run.before.contains { $0.result.verdict == .passed }, "the passing fixture must be checked by \(c.checks)")
        #expect(!run.before.contains { $0.result.verdict == .failed })
        #expect(run.plan.isEmpty && run.plan.fixed.isEmpty && run.plan.manual.isEmpty)
        #expect(try copy.read("main.tf") == original)
    }

    @Test("at least 15 distinct fixes are declared across the check library")
    func catalogSize() throws {
        let loaded = CheckLoader.load(directory: TestPaths.checks)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.description))")
        let fixes = loaded.checks.compactMap(\.fix)
        #expect(Set(fixes.map(\.id)).count >= 15)
        #expect(fixes.allSatisfy { !$0.summary.isEmpty && !$0.summary.contains("\n") })
        // Every check with a fix has fixture coverage here.
        let covered = Set(Self.cases.flatMap(\.checks))
        for check in loaded.checks where check.fix != nil {
            #expect(covered.contains(check.id), "\(check.id) declares a fix but no fixture covers it")
        }
        // Every Swift fix a check names exists.
        for fix in fixes {
            for case .named(let named) in fix.actions {
                #expect(NamedFixRegistry.standard.fixes[named.name] != nil, "unknown named fix \(named.name) in \(fix.id)")
            }
        }
    }
}

/// Parses HCL text for the tests' "re-parses without diagnostics" assertion.
enum HCLParserCheck {
    static func parses(_ text: String, name: String) -> Bool {
        WorkingFile(path: name, bytes: Array(text.utf8)).parsed.diagnostics.isEmpty
    }
}
