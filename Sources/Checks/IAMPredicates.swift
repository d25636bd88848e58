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
    ]

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
