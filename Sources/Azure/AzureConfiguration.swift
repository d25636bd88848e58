import Foundation

/// Where and as whom to call Azure: service-principal credentials, the authority host and the ARM endpoint.
public struct AzureConfiguration: Sendable {
    public var tenantID: String
    public var clientID: String
    public var clientSecret: AzureSecret
    /// The Entra ID authority, `https://login.microsoftonline.com` unless `AZURE_AUTHORITY_HOST` says otherwise.
    public var authorityHost: URL
    /// The Resource Manager endpoint, `https://management.azure.com` unless `BULWARK_AZURE_ARM_ENDPOINT` says otherwise.
    public var resourceManagerEndpoint: URL
    /// The OAuth2 scope requested for ARM tokens.
    public var scope: String
    /// The subscription to discover (`AZURE_SUBSCRIPTION_ID`), when set.
    public var subscriptionID: String?

    /// The public cloud's authority host.
    public static let defaultAuthorityHost = "https://login.microsoftonline.com"
    /// The public cloud's Resource Manager endpoint.
    public static let defaultResourceManagerEndpoint = "https://management.azure.com"
    /// The scope of ARM tokens in the public cloud.
    public static let defaultScope = "https://management.azure.com/.default"
    /// The variable that overrides the ARM endpoint (tests, sovereign clouds, private endpoints).
    public static let endpointVariable = "BULWARK_AZURE_ARM_ENDPOINT"
    /// The variable that overrides the token scope (sovereign clouds); defaults to the public cloud's.
    public static let scopeVariable = "BULWARK_AZURE_ARM_SCOPE"

    /// Creates a configuration.
    public init(
        tenantID: String, clientID: String, clientSecret: AzureSecret,
        authorityHost: URL, resourceManagerEndpoint: URL,
        scope: String = AzureConfiguration.defaultScope, subscriptionID: String? = nil
    ) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authorityHost = authorityHost
        self.resourceManagerEndpoint = resourceManagerEndpoint
        self.scope = scope
        self.subscriptionID = subscriptionID
    }

    /// Reads `AZURE_TENANT_ID`, `AZURE_CLIENT_ID`, `AZURE_CLIENT_SECRET` (as the Azure CLI and SDKs do),
    /// `AZURE_AUTHORITY_HOST`, `AZURE_SUBSCRIPTION_ID`, `BULWARK_AZURE_ARM_ENDPOINT` and `BULWARK_AZURE_ARM_SCOPE`.
    public static func fromEnvironment(_ environment: [String: String]) throws(AzureError) -> AzureConfiguration {
        func required(_ name: String) throws(AzureError) -> String {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
                throw AzureError(.configuration, "\(name) is not set")
            }
            return value
        }
        func url(_ name: String, default fallback: String) throws(AzureError) -> URL {
            let raw = environment[name].flatMap { $0.isEmpty ? nil : $0 } ?? fallback
            guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(),
                scheme == "https" || scheme == "http", url.host != nil
            else {
                throw AzureError(.configuration, "\(name) is not an http(s) URL with a host")
            }
            return url
        }
        let tenant = try required("AZURE_TENANT_ID")
        guard tenant.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }) else {
            throw AzureError(.configuration, "AZURE_TENANT_ID holds characters a tenant ID or domain cannot have")
        }
        let subscription = environment["AZURE_SUBSCRIPTION_ID"].flatMap { $0.isEmpty ? nil : $0 }
        return AzureConfiguration(
            tenantID: tenant, clientID: try required("AZURE_CLIENT_ID"),
            clientSecret: AzureSecret(try required("AZURE_CLIENT_SECRET")),
            authorityHost: try url("AZURE_AUTHORITY_HOST", default: defaultAuthorityHost),
            resourceManagerEndpoint: try url(endpointVariable, default: defaultResourceManagerEndpoint),
            scope: environment[scopeVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultScope,
            subscriptionID: subscription)
    }

    /// `{authority}/{tenant}/oauth2/v2.0/token`.
    public var tokenURL: URL {
        authorityHost.appendingPathComponent(tenantID).appendingPathComponent("oauth2/v2.0/token")
    }
}
