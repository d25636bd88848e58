import IAMPolicy
import Testing

@Suite struct CatalogueTests {
    let catalogue = ActionCatalogue.standard

    @Test func accessLevelsFromTheReference() {
        #expect(catalogue.level(of: "s3:PutObject") == .write)
        #expect(catalogue.level(of: "iam:PutRolePolicy") == .permissionsManagement)
        #expect(catalogue.level(of: "s3:GetObject") == .read)
        #expect(catalogue.level(of: "s3:ListAllMyBuckets") == .list)
        #expect(catalogue.level(of: "ec2:CreateTags") == .tagging)
        #expect(catalogue.level(of: "IAM:createaccesskey") == .permissionsManagement)
        #expect(catalogue.level(of: "nosuch:Action") == nil)
        #expect(catalogue.count > 10_000)
    }

    @Test func restrictableFollowsResourceTypes() {
        #expect(catalogue.isRestrictable("s3:GetObject") == true)
        #expect(catalogue.isRestrictable("s3:ListAllMyBuckets") == false)
        #expect(catalogue.isRestrictable("ec2:DescribeInstances") == false)
    }

    @Test func wildcardExpansion() {
        let iamPut = catalogue.names(in: catalogue.expand("iam:Put*"))
        #expect(iamPut.contains("iam:PutRolePolicy") && iamPut.contains("iam:PutUserPolicy"))
        #expect(iamPut.allSatisfy { $0.hasPrefix("iam:Put") })
        let iamAll = catalogue.expand("iam:*")
        #expect(catalogue.names(in: iamAll).allSatisfy { $0.hasPrefix("iam:") })
        #expect(catalogue.names(in: iamAll).count > 100)
        #expect(catalogue.expand("*") == catalogue.all)
        #expect(catalogue.names(in: catalogue.expand("s3:GetObjec?")) == ["s3:GetObject"])
        #expect(catalogue.names(in: catalogue.expand("S3:getobject")) == ["s3:GetObject"])
    }

    @Test func unlistedNamesAreKeptByName() {
        let set = catalogue.expand("custom:DoThing")
        #expect(catalogue.names(in: set) == ["custom:dothing"])
        #expect(catalogue.expand("custom:*").isEmpty)
    }

    @Test func escalationPathsAndGroupsNameListedActions() {
        for path in ActionGroups.privilegeEscalation {
            for action in path.actions { #expect(catalogue.level(of: action) != nil, "\(action)") }
        }
        for action in ActionGroups.dataExfiltration { #expect(catalogue.level(of: action) != nil, "\(action)") }
        #expect(!ActionGroups.credentialsExposure.contains("ecr:GetAuthorizationToken"))
    }

    @Test func sampleNamesAFewAndCountsAll() {
        let set = catalogue.expand(["iam:Put*", "custom:DoThing"])
        let sample = catalogue.sample(of: set, limit: 2)
        #expect(sample.names.count == 2)
        #expect(sample.names.allSatisfy { $0.hasPrefix("iam:Put") })
        #expect(sample.count == catalogue.names(in: set).count)
        #expect(catalogue.sample(of: catalogue.expand("custom:DoThing"), limit: 3) == (["custom:dothing"], 1))
    }
}
