import Foundation

/// Where a request for one service and region goes, and the region it is signed for.
public struct AWSEndpoint: Sendable, Hashable {
    public var url: URL
    public var signingRegion: String
    /// True when the URL came from `AWS_ENDPOINT_URL*` (moto, LocalStack, private endpoints): S3 then uses
    /// path-style addressing, because such hosts cannot serve `bucket.host` names.
    public var isCustom: Bool

    /// Resolves the endpoint as the AWS CLI does: `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the
    /// public endpoint (`https://prefix.region.amazonaws.com`, IAM's global one, `amazonaws.com.cn` in China).
    public static func resolve(service: AWSService, region: String, environment: [String: String]) throws(AWSError) -> AWSEndpoint {
        // A region becomes part of a host name and of the signature scope, so only AWS's own spelling is accepted.
        guard !region.isEmpty, region.count <= 32,
            region.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
        else {
            throw AWSError(.invalidConfiguration, "invalid region '\(region)'", service: service.id, operation: "endpoint")
        }
        let signingRegion = service.isGlobal ? (region.hasPrefix("cn-") ? "cn-north-1" : "us-east-1") : region
        for name in ["AWS_ENDPOINT_URL_\(service.environmentName)", "AWS_ENDPOINT_URL"] {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { continue }
            guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                url.host != nil
            else {
                throw AWSError(.invalidConfiguration, "\(name) is not an http(s) URL", service: service.id, operation: "endpoint")
            }
            return AWSEndpoint(url: url, signingRegion: signingRegion, isCustom: true)
        }
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        let host: String
        if service.isGlobal {
            host = "\(service.endpointPrefix).\(suffix)"
        } else {
            host = "\(service.endpointPrefix).\(region).\(suffix)"
        }
        guard let url = URL(string: "https://\(host)") else {
            throw AWSError(
                .invalidConfiguration, "cannot build an endpoint for region '\(region)'", service: service.id,
                operation: "endpoint")
        }
        return AWSEndpoint(url: url, signingRegion: signingRegion, isCustom: false)
    }
}
