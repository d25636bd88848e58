import IAMPolicy
import Model

/// Predicates over IAM policy documents, each one question of the `IAMPolicy` engine. They receive a policy
/// (JSON text or object) or, without an attribute, an `aws_iam_policy_document` data source.
enum IAMPredicates {
    static let all: [Predicate] = [
        question("iam_policy_allows_wildcard_admin") { $0.allowsFullAdmin() },
        question("iam_policy_allows_any_action") { $0.allowsAnyAction() },
        question("iam_policy_allows_full_iam") { $0.allowsFullIAM() },
        question("iam_policy_grants_any_principal") { $0.grantsAnyPrincipal() },
        question("iam_policy_allows_write_without_constraints") { $0.allowsWriteWithoutConstraints() },
        question("iam_policy_allows_permissions_management_without_constraints") {
            $0.allowsPermissionsManagementWithoutConstraints()
        },
        question("iam_policy_allows_restrictable_actions_on_any_resource") { $0.allowsRestrictableActionsOnAnyResource() },
        question("iam_policy_allows_credentials_exposure") { $0.allowsCredentialsExposure() },
        question("iam_policy_allows_data_exfiltration") { $0.allowsDataExfiltration() },
        question("iam_policy_allows_privilege_escalation") { $0.allowsPrivilegeEscalation() },
        question("iam_trust_allows_any_aws_principal") { $0.trustsAnyAWSPrincipal() },
        question("iam_trust_allows_whole_account") { $0.trustsWholeAccount() },
        question("iam_trust_allows_github_actions_without_subject") { $0.trustsGitHubActionsWithoutSubject() },
        question("iam_trust_allows_federated_without_audience") { $0.trustsFederatedWithoutAudience() },
        question("iam_trust_allows_service_without_source_condition") { $0.trustsServiceWithoutSourceCondition() },
        question("iam_policy_allows_full_kms") { $0.allowsFullService("kms") },
        question("iam_policy_allows_full_cloudtrail") { $0.allowsFullService("cloudtrail") },
        question("iam_policy_allows_marketplace_subscribe_on_any_resource") {
            $0.allowsOnAnyResource("aws-marketplace:Subscribe")
        },
        question("iam_policy_allows_assuming_any_role") { $0.allowsAssumingAnyRole() },
        roleTrustsAnotherAccount,
    ]

    /// On a whole `aws_iam_role`: its `assume_role_policy` trusts an AWS principal of an account other than the one
    /// in its `arn` (unknown when the ARN is, as in a plan before apply, and the trust names an account).
    static let roleTrustsAnotherAccount = Predicate(name: "iam_role_trusts_another_account") { role in
        switch PolicyDocumentReader.read(role.members?["assume_role_policy"] ?? .null) {
        case .failure(let e):
            return e.outcome
        case .success(let document):
            let arn = role.members?["arn"]?.stringValue?.split(separator: ":", omittingEmptySubsequences: false)
            let account = arn.flatMap { $0.count >= 5 && $0[4].count == 12 ? String($0[4]) : nil }
            let answer = PolicyAnalysis(document).trustsAnotherAccount(account)
            return Outcome(Truth(answer.truth), answer.evidence)
        }
    }

    /// Data source attributes rendered from policy statements, decided from the statements when unknown.
    static let renderedPolicies = [
        RenderedAttribute(type: "aws_iam_policy_document", attribute: "json"),
        RenderedAttribute(type: "aws_iam_policy_document", attribute: "minified_json"),
    ]

    /// A predicate answering `ask` of the policy it receives.
    static func question(_ name: String, _ ask: @escaping @Sendable (PolicyAnalysis) -> PolicyAnswer) -> Predicate {
        Predicate(name: name, rendersFrom: renderedPolicies) { value in
            switch PolicyDocumentReader.read(value) {
            case .failure(let e):
                return e.outcome
            case .success(let document):
                let answer = ask(PolicyAnalysis(document))
                return Outcome(Truth(answer.truth), answer.evidence)
            }
        }
    }
}
