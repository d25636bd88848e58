import IAMPolicy
import Model
import Testing

@Suite struct PermissionQuestionTests {
    @Test func fullAdminNeedsStarActionOnStarResource() throws {
        #expect(try statement(#""Effect":"Allow","Action":"*","Resource":"*""#).allowsFullAdmin().truth == .true)
        #expect(try statement(#""Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::b""#).allowsFullAdmin().truth == .false)
        #expect(try statement(#""Effect":"Deny","Action":"*","Resource":"*""#).allowsFullAdmin().truth == .false)
        #expect(try statement(#""Effect":"Allow","Action":"*","NotResource":"*""#).allowsFullAdmin().truth == .false)
    }

    @Test func anyActionAndFullIAM() throws {
        #expect(try statement(#""Effect":"Allow","Action":["s3:GetObject","*"],"Resource":"arn:x""#).allowsAnyAction().truth == .true)
        #expect(try statement(#""Effect":"Allow","Action":"iam:*","Resource":"*""#).allowsFullIAM().truth == .true)
        #expect(try statement(#""Effect":"Allow","Action":"*","Resource":"*""#).allowsFullIAM().truth == .true)
        #expect(try statement(#""Effect":"Allow","Action":"iam:Get*","Resource":"*""#).allowsFullIAM().truth == .false)
        #expect(try statement(#""Effect":"Deny","Action":"iam:*","Resource":"*""#).allowsFullIAM().truth == .false)
    }

    @Test func writeWithoutConstraints() throws {
        #expect(
            try statement(#""Effect":"Allow","Action":"sqs:SendMessage","Resource":"*""#).allowsWriteWithoutConstraints().truth == .true)
        #expect(
            try statement(#""Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:1:q""#)
                .allowsWriteWithoutConstraints().truth == .false)
        #expect(try statement(#""Effect":"Allow","Action":"sqs:Get*","Resource":"*""#).allowsWriteWithoutConstraints().truth == .false)
        #expect(
            try statement(#""Effect":"Allow","Action":"sqs:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}"#)
                .allowsWriteWithoutConstraints().truth == .false)
    }

    @Test func permissionsManagementWithoutConstraints() throws {
        #expect(
            try statement(#""Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"*""#)
                .allowsPermissionsManagementWithoutConstraints().truth == .true)
        #expect(
            try statement(#""Effect":"Allow","Action":"s3:PutObject","Resource":"*""#)
                .allowsPermissionsManagementWithoutConstraints().truth == .false)
    }

    @Test func restrictableOnAnyResourceLessDenied() throws {
        #expect(
            try statement(#""Effect":"Allow","Action":"s3:GetObject","Resource":"*""#).allowsRestrictableActionsOnAnyResource().truth
                == .true)
        // Describe actions take no resource, so Resource "*" is the only way to grant them.
        #expect(
            try statement(#""Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*""#)
                .allowsRestrictableActionsOnAnyResource().truth == .false)
        let denied = try policy(
            #"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},{"Effect":"Deny","Action":"s3:Get*","Resource":"arn:aws:s3:::b/*"}]}"#
        )
        #expect(denied.allowsRestrictableActionsOnAnyResource().truth == .false)
    }

    @Test func notActionAllowsTheRestOfTheCatalogue() throws {
        let a = try statement(#""Effect":"Allow","NotAction":"iam:*","Resource":"*""#)
        #expect(a.allowsWriteWithoutConstraints().truth == .true)
        #expect(a.allowsPermissionsManagementWithoutConstraints().truth == .true)
        #expect(a.allowsFullIAM().truth == .false)
        #expect(a.allowsPrivilegeEscalation().truth == .true)  // iam:PassRole is excluded but lambda:UpdateFunctionCode is not
        let scoped = try statement(#""Effect":"Allow","NotAction":"iam:*","Resource":"arn:aws:s3:::b""#)
        #expect(scoped.allowsWriteWithoutConstraints().truth == .false)
    }

    @Test func credentialsExposure() throws {
        #expect(
            try statement(#""Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"*""#).allowsCredentialsExposure().truth == .true)
        // An action that takes no resource is unconstrained whatever Resource says.
        #expect(
            try statement(#""Effect":"Allow","Action":"sts:GetSessionToken","Resource":"arn:aws:iam::1:user/x""#)
                .allowsCredentialsExposure().truth == .true)
        #expect(
            try statement(#""Effect":"Allow","Action":"ecr:GetAuthorizationToken","Resource":"*""#).allowsCredentialsExposure().truth
                == .false)
        #expect(
            try statement(#""Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::1:role/r""#)
                .allowsCredentialsExposure().truth == .false)
    }

    @Test func dataExfiltration() throws {
        #expect(try statement(#""Effect":"Allow","Action":"s3:Get*","Resource":"*""#).allowsDataExfiltration().truth == .true)
        #expect(
            try statement(
                #""Effect":"Allow","Action":"secretsmanager:GetSecretValue","Resource":"arn:aws:secretsmanager:us-east-1:1:secret:a""#
            )
            .allowsDataExfiltration().truth == .false)
    }

    @Test func privilegeEscalationNeedsEveryActionOfAPath() throws {
        #expect(
            try statement(#""Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*""#).allowsPrivilegeEscalation().truth == .true
        )
        #expect(
            try statement(#""Effect":"Allow","Action":["iam:PassRole","ec2:RunInstances"],"Resource":"*""#)
                .allowsPrivilegeEscalation().truth == .true)
        #expect(try statement(#""Effect":"Allow","Action":"iam:PassRole","Resource":"*""#).allowsPrivilegeEscalation().truth == .false)
        #expect(
            try statement(#""Effect":"Allow","Action":["iam:PassRole","lambda:CreateFunction"],"Resource":"*""#)
                .allowsPrivilegeEscalation().truth == .false)
    }

    @Test func unknownActionsMakeAbsenceUnknownButNotAFinding() throws {
        let doc = PolicyDocument(statements: [
            PolicyStatement(actions: PatternList(["s3:GetObject"], hasUnknown: true), resources: PatternList(["*"]))
        ])
        #expect(PolicyAnalysis(doc).allowsWriteWithoutConstraints().truth == .unknown)
        #expect(PolicyAnalysis(doc).allowsAnyAction().truth == .unknown)
        let found = PolicyDocument(statements: [
            PolicyStatement(actions: PatternList(["sqs:SendMessage", "iam:CreateAccessKey"]), resources: PatternList(["*"])),
            PolicyStatement(effect: nil, actions: PatternList(["iam:*"]), resources: PatternList(["*"])),
        ])
        // Write findings only grow with more statements; credentials findings could be denied away.
        #expect(PolicyAnalysis(found).allowsWriteWithoutConstraints().truth == .true)
        #expect(PolicyAnalysis(found).allowsCredentialsExposure().truth == .unknown)
        #expect(PolicyAnalysis(PolicyDocument(statements: [], statementsUnknown: true)).allowsFullAdmin().truth == .unknown)
    }

    @Test func maybeReplacedStatementDecidesNothing() throws {
        let doc = PolicyDocument(statements: [
            PolicyStatement(actions: PatternList(["*"]), resources: PatternList(["*"]), presence: .unknown)
        ])
        #expect(PolicyAnalysis(doc).allowsFullAdmin().truth == .unknown)
        #expect(PolicyAnalysis(doc).allowsWriteWithoutConstraints().truth == .unknown)
    }

    @Test func anyPrincipal() throws {
        #expect(try statement(#""Effect":"Allow","Principal":"*","Action":"s3:GetObject""#).grantsAnyPrincipal().truth == .true)
        #expect(try statement(#""Effect":"Allow","Principal":{"AWS":["*"]},"Action":"s3:GetObject""#).grantsAnyPrincipal().truth == .true)
        #expect(
            try statement(
                #""Effect":"Allow","Principal":{"AWS":"*"},"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}"#
            )
            .grantsAnyPrincipal().truth == .false)
        #expect(try statement(#""Effect":"Deny","Principal":"*","Action":"s3:*""#).grantsAnyPrincipal().truth == .false)
        #expect(
            try statement(#""Effect":"Allow","Principal":{"Service":"*"},"Action":"s3:GetObject""#).grantsAnyPrincipal().truth == .false)
    }

    @Test func unknownFieldsThatCannotMatterDecideNothing() throws {
        // Tags on network interfaces of an unknown partition: whatever the ARN, no credentials action is granted.
        let doc = PolicyDocument(statements: [
            PolicyStatement(actions: PatternList(["ec2:DescribeInstances"]), resources: PatternList(["*"])),
            PolicyStatement(actions: PatternList(["ec2:CreateTags"]), resources: PatternList([], hasUnknown: true)),
        ])
        #expect(PolicyAnalysis(doc).allowsCredentialsExposure().truth == .false)
        // ec2:CreateTags is at the Tagging level, so no Write action can come of it either; on "*" it would be a
        // restrictable action without constraints.
        #expect(PolicyAnalysis(doc).allowsWriteWithoutConstraints().truth == .false)
        #expect(PolicyAnalysis(doc).allowsRestrictableActionsOnAnyResource().truth == .unknown)
        let negated = PolicyDocument(statements: [
            PolicyStatement(actions: PatternList(["iam:*"], hasUnknown: true), actionsNegated: true, resources: PatternList(["*"]))
        ])
        #expect(PolicyAnalysis(negated).allowsDataExfiltration().truth == .unknown)
        let conditioned = PolicyDocument(statements: [
            PolicyStatement(
                actions: PatternList(["s3:GetObject"]), resources: PatternList(["*"]),
                conditions: [
                    PolicyCondition(operator: "StringEquals", key: "aws:PrincipalOrgID", values: PatternList([], hasUnknown: true))
                ],
                conditionsUnknown: true)
        ])
        #expect(PolicyAnalysis(conditioned).allowsDataExfiltration().truth == .false)
    }
}
