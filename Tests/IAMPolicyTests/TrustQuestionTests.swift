import IAMPolicy
import Testing

@Suite struct TrustQuestionTests {
    static let github =
        #""Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity""#

    func github(_ condition: String) throws -> PolicyAnalysis {
        try statement(#""Effect":"Allow","# + Self.github + (condition.isEmpty ? "" : #","Condition":"# + condition))
    }

    @Test func anyAWSPrincipalEvenWithCondition() throws {
        #expect(
            try statement(#""Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole""#).trustsAnyAWSPrincipal().truth == .true)
        #expect(
            try statement(
                #""Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"x"}}"#
            )
            .trustsAnyAWSPrincipal().truth == .true)
        #expect(
            try statement(#""Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole""#)
                .trustsAnyAWSPrincipal().truth == .false)
    }

    @Test func wholeAccount() throws {
        #expect(
            try statement(#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole""#)
                .trustsWholeAccount().truth == .true)
        #expect(
            try statement(#""Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole""#).trustsWholeAccount().truth
                == .true)
        #expect(
            try statement(#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:role/ci"},"Action":"sts:AssumeRole""#)
                .trustsWholeAccount().truth == .false)
    }

    @Test func githubWithoutConditionOrSubject() throws {
        #expect(try github("").trustsGitHubActionsWithoutSubject().truth == .true)
        #expect(
            try github(#"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"#)
                .trustsGitHubActionsWithoutSubject().truth == .true)
    }

    @Test(arguments: [
        ("*", true), ("repo", true), ("repo:*", true), ("repo:acme/*", true), ("repo:acme*", true),
        ("workflow:deploy", true), ("environment:prod", true), ("repo:acme/app:*", false),
        ("repo:acme/app:ref:refs/heads/main", false), ("repo:${var.org}/app:*", false),
    ])
    func githubSubjectValuesUnderStringLike(value: String, unsafe: Bool) throws {
        let a = try github(#"{"StringLike":{"token.actions.githubusercontent.com:sub":""# + value + #""}}"#)
        #expect(a.trustsGitHubActionsWithoutSubject().truth == Tristate(unsafe))
    }

    @Test func literalStarInStringEqualsRepositoryIsNotAWildcard() throws {
        let a = try github(#"{"StringEquals":{"token.actions.githubusercontent.com:sub":"repo:acme/*"}}"#)
        #expect(a.trustsGitHubActionsWithoutSubject().truth == .false)
    }

    @Test func everySubjectValueMustBeSafe() throws {
        let a = try github(#"{"StringLike":{"token.actions.githubusercontent.com:sub":["repo:acme/app:*","*"]}}"#)
        #expect(a.trustsGitHubActionsWithoutSubject().truth == .true)
    }

    @Test func enterpriseSlugSubjectKey() throws {
        let a = try github(#"{"StringLike":{"token.actions.githubusercontent.com/acme:sub":"repo:acme/app:*"}}"#)
        #expect(a.trustsGitHubActionsWithoutSubject().truth == .false)
    }

    @Test func otherProvidersAreNotGitHub() throws {
        let a = try statement(
            #""Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity""#)
        #expect(a.trustsGitHubActionsWithoutSubject().truth == .false)
        #expect(a.trustsFederatedWithoutAudience().truth == .true)
    }

    @Test func federatedAudience() throws {
        #expect(
            try github(#"{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"}}"#)
                .trustsFederatedWithoutAudience().truth == .false)
        #expect(
            try github(#"{"StringLike":{"token.actions.githubusercontent.com:sub":"repo:a/b:*"}}"#)
                .trustsFederatedWithoutAudience().truth == .true)
        let saml = try statement(
            #""Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1:saml-provider/okta"},"Action":"sts:AssumeRoleWithSAML""#)
        #expect(saml.trustsFederatedWithoutAudience().truth == .false)
    }

    @Test func managedPolicyARNs() {
        #expect(ManagedPolicyARN.isAdministratorAccess("arn:aws:iam::aws:policy/AdministratorAccess"))
        #expect(ManagedPolicyARN.isAdministratorAccess("arn:aws-us-gov:iam::aws:policy/AdministratorAccess"))
        #expect(!ManagedPolicyARN.isAdministratorAccess("arn:aws:iam::111122223333:policy/AdministratorAccess"))
        #expect(ManagedPolicyARN.isIAMFullAccess("arn:aws:iam::aws:policy/IAMFullAccess"))
        #expect(ManagedPolicyARN.grantsFullAccess("arn:aws:iam::aws:policy/IAMFullAccess"))
        #expect(!ManagedPolicyARN.grantsFullAccess("arn:aws:iam::aws:policy/ReadOnlyAccess"))
    }
}
