import Azure
import Model

extension AzureDiscovery {
    /// The Graph reads behind the CIS identity controls; each needs `Policy.Read.All` (application permission).
    static let entraPaths = (
        securityDefaults: "/v1.0/policies/identitySecurityDefaultsEnforcementPolicy",
        authorization: "/v1.0/policies/authorizationPolicy",
        conditionalAccess: "/v1.0/identity/conditionalAccess/policies"
    )

    /// The tenant anchor, its security defaults, authorization policy and conditional access policies. A setting
    /// that could not be read is kept with its attributes unknown, so the checks on it say UNKNOWN.
    func entra(_ graph: GraphClient) -> @Sendable () async -> Harvest {
        { [self] in
            let tenant = client.configuration.tenantID
            var harvest = Harvest(drafts: [EntraMapping.tenant(tenant)])
            async let defaults = graphRead { () async throws(AzureError) -> Value in
                try await graph.get(Self.entraPaths.securityDefaults)
            }
            async let authorization = graphRead { () async throws(AzureError) -> Value in
                try await graph.get(Self.entraPaths.authorization)
            }
            async let policies = graphRead { () async throws(AzureError) -> [Value] in
                try await graph.list(Self.entraPaths.conditionalAccess)
            }
            switch await defaults {
            case .success(let value): harvest.drafts.append(EntraMapping.securityDefaults(ARMObject(value), tenant: tenant))
            case .failure(let error):
                harvest.errors.append(error)
                harvest.notRead(
                    EntraMapping.securityDefaults(ARMObject(.object(["isEnabled": .bool(false)])), tenant: tenant),
                    keep: [], checked: true)
            }
            switch await authorization {
            case .success(let value):
                harvest.drafts.append(EntraMapping.authorizationPolicy(ARMObject(value), tenant: tenant))
            case .failure(let error):
                harvest.errors.append(error)
                let empty = EntraMapping.authorizationPolicy(ARMObject(.object([:])), tenant: tenant)
                var unknown = empty
                for name in ["allow_invites_from", "guest_user_role_id", "default_user_role_permissions"] {
                    unknown.attributes[name] = .unknown
                }
                harvest.notRead(unknown, keep: [], checked: true)
            }
            switch await policies {
            case .success(let items):
                harvest.drafts += items.map { EntraMapping.conditionalAccessPolicy(ARMObject($0), tenant: tenant) }
            case .failure(let error):
                harvest.errors.append(error)
                // One placeholder whose every setting is unknown: a tenant-wide check looking for an MFA policy
                // cannot tell whether one exists.
                var placeholder = EntraMapping.conditionalAccessPolicy(
                    ARMObject(.object(["id": .string("not-read"), "displayName": .string("not-read")])), tenant: tenant)
                for name in ["state", "conditions", "grant_controls"] { placeholder.attributes[name] = .unknown }
                harvest.notRead(placeholder, keep: ["display_name", "id"], checked: true)
            }
            return harvest
        }
    }

    private func graphRead<T: Sendable>(_ body: () async throws(AzureError) -> T) async -> Result<T, AzureError> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }
}
