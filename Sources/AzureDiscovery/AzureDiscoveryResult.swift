import Azure
import Model

/// What discovery of one subscription read: the mapped resources, every API that failed (so a partial result
/// never hides what was not read), and how many ARM calls it took.
public struct AzureDiscoveryResult: Sendable {
    public var subscriptionID: String
    /// `azurerm_*` resources with live origins, sorted by address.
    public var resources: [Resource]
    /// One entry per failed API call: the API, ARM's error code and message, the resource it concerned.
    public var errors: [AzureError]
    /// Logical ARM calls made (every page counts), token requests excluded.
    public var apiCalls: Int
    /// HTTP attempts made, retries included.
    public var httpAttempts: Int
    /// Calls per API label (`LIST Microsoft.Storage/storageAccounts`).
    public var callsByAPI: [String: Int]

    /// Creates a result.
    public init(subscriptionID: String, resources: [Resource], errors: [AzureError], apiCalls: Int,
                httpAttempts: Int, callsByAPI: [String: Int]) {
        self.subscriptionID = subscriptionID
        self.resources = resources
        self.errors = errors
        self.apiCalls = apiCalls
        self.httpAttempts = httpAttempts
        self.callsByAPI = callsByAPI
    }
}
