import CloudHTTP
import Foundation
import Model

/// A small AWS client: signs with SigV4, speaks the query, rest-xml and json protocols, retries throttling with
/// backoff, bounds concurrency per (service, region), slows a (service, region) the service throttles (adaptive
/// rate, see `AdaptiveRateLimiter`) and counts every call. Read and write APIs go through the
/// same generic calls (`query`, `json`, `s3`), so later stages reuse it for remediation.
public final class AWSClient: Sendable {
    /// The region used when a call names none.
    public let region: String
    /// Environment variables consulted for endpoints (`AWS_ENDPOINT_URL*`).
    public let environment: [String: String]
    public let credentialProvider: any AWSCredentialProvider
    public let transport: any HTTPTransport
    public let retryPolicy: RetryPolicy
    /// Total time allowed for one HTTP attempt.
    public let timeout: Duration
    /// Upper bound on pages a paginated call may fetch (a server that never stops cannot hang discovery).
    public let maxPages: Int
    /// Calls made through this client.
    public let stats = AWSCallStats()
    /// The circuit breaker (keyed `service/region`) and deadline every attempt passes through.
    public let callGuard: CallGuard
    /// The adaptive send rate per `service/region`; nil sends as fast as the concurrency bound allows.
    public let rateLimiter: AdaptiveRateLimiter?
    let limiter: ConcurrencyLimiter

    /// Creates a client.
    public init(
        credentials: any AWSCredentialProvider, region: String, environment: [String: String] = [:],
        transport: any HTTPTransport = URLSessionTransport(), retryPolicy: RetryPolicy = .standard,
        timeout: Duration = .seconds(30), maxConcurrentPerServiceRegion: Int = 8, maxPages: Int = 1_000,
        callGuard: CallGuard = .unbounded, rateLimiter: AdaptiveRateLimiter? = AdaptiveRateLimiter()
    ) {
        self.callGuard = callGuard
        self.rateLimiter = rateLimiter
        self.credentialProvider = credentials
        self.region = region
        self.environment = environment
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.maxPages = maxPages
        self.limiter = ConcurrencyLimiter(limit: maxConcurrentPerServiceRegion)
    }

    /// A client configured as the AWS CLI would be from `environment` and the shared files: credential chain
    /// (environment, profile, AssumeRole), region (`AWS_REGION`, `AWS_DEFAULT_REGION`, profile, else us-east-1).
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        profile: String? = nil, transport: any HTTPTransport = URLSessionTransport(),
        retryPolicy: RetryPolicy = .standard, timeout: Duration = .seconds(30), callGuard: CallGuard = .unbounded
    ) throws(AWSError) -> AWSClient {
        let chain = try CredentialChain(environment: environment, profile: profile, transport: transport)
        return AWSClient(
            credentials: chain, region: chain.region ?? "us-east-1", environment: environment,
            transport: transport, retryPolicy: retryPolicy, timeout: timeout, callGuard: callGuard)
    }

    // MARK: Protocols

    /// A query-protocol call (EC2, IAM, RDS, STS): `Action`, `Version` and `params` form-encoded; the parsed XML
    /// response root. EC2 lists are `Name.N`, the others `Name.member.N`: the caller flattens them into `params`.
    public func query(
        service: AWSService, action: String, params: [String: String] = [:], region: String? = nil,
        resource: String? = nil
    ) async throws(AWSError) -> XMLNode {
        guard case .query(let version, _) = service.wireProtocol else {
            throw AWSError(
                .invalidConfiguration, "\(service.id) does not speak the query protocol", service: service.id,
                operation: action)
        }
        var form = params
        form["Action"] = action
        form["Version"] = version
        let body = form.sorted { $0.key < $1.key }
            .map { "\(SigV4Signer.encode($0.key))=\(SigV4Signer.encode($0.value))" }.joined(separator: "&")
        let response = try await send(
            service: service, operation: action, region: region, resource: resource,
            method: "POST", path: "/", query: [],
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            body: Data(body.utf8))
        return try parseXML(response, service: service, operation: action, resource: resource)
    }

    /// A json-1.1 call (KMS, CloudTrail, Config, Logs): `X-Amz-Target: prefix.operation`; the decoded body.
    public func json(
        service: AWSService, target operation: String, body: [String: Value] = [:], region: String? = nil,
        resource: String? = nil
    ) async throws(AWSError) -> Value {
        guard case .json(let prefix, let version) = service.wireProtocol else {
            throw AWSError(
                .invalidConfiguration, "\(service.id) does not speak the json protocol", service: service.id,
                operation: operation)
        }
        let data: Data
        do {
            data = try JSONBody.encode(.object(body))
        } catch {
            throw AWSError(
                .invalidConfiguration, "request body cannot be encoded as JSON", service: service.id,
                operation: operation, resource: resource)
        }
        let response = try await send(
            service: service, operation: operation, region: region, resource: resource,
            method: "POST", path: "/",
            query: [],
            headers: [
                ("Content-Type", "application/x-amz-json-\(version)"),
                ("X-Amz-Target", "\(prefix).\(operation)"),
            ], body: data)
        return try Self.jsonBody(of: response, service: service, operation: operation, resource: resource)
    }

    /// An S3 call. Path-style addressing with a custom endpoint (moto, private endpoints), virtual-hosted on AWS;
    /// a bucket in another region is retried once in the region AWS names. Non-2xx answers throw `AWSError`.
    public func s3(
        method: String = "GET", bucket: String?, key: String? = nil, query: [(String, String)] = [],
        headers: [(String, String)] = [], body: Data = Data(), region: String? = nil,
        operation: String
    ) async throws(AWSError) -> HTTPResponse {
        do {
            return try await s3Once(
                method: method, bucket: bucket, key: key, query: query, headers: headers, body: body,
                region: region, operation: operation)
        } catch let error where error.bucketRegion != nil && error.bucketRegion != (region ?? self.region) {
            return try await s3Once(
                method: method, bucket: bucket, key: key, query: query, headers: headers, body: body,
                region: error.bucketRegion, operation: operation)
        }
    }

    /// An S3 call whose XML answer is parsed (`GetBucketAcl`, `ListObjectsV2`, …).
    public func s3XML(
        method: String = "GET", bucket: String?, key: String? = nil, query: [(String, String)] = [],
        region: String? = nil, operation: String
    ) async throws(AWSError) -> XMLNode {
        let response = try await s3(method: method, bucket: bucket, key: key, query: query, region: region, operation: operation)
        return try parseXML(response, service: AWSService.s3, operation: operation, resource: bucket)
    }

    /// An S3 Control call for the account (`/v20180820/configuration/publicAccessBlock`).
    public func s3control(
        method: String = "GET", path: String, accountID: String, body: Data = Data(),
        operation: String
    ) async throws(AWSError) -> HTTPResponse {
        let endpoint = try AWSEndpoint.resolve(service: .s3control, region: region, environment: environment)
        let host = endpoint.isCustom ? nil : "\(accountID).s3-control.\(region).amazonaws.com"
        return try await send(
            service: .s3control, operation: operation, region: region, resource: accountID,
            method: method, path: path, query: [], headers: [("x-amz-account-id", accountID)],
            body: body, hostOverride: host)
    }

    private func s3Once(
        method: String, bucket: String?, key: String?, query: [(String, String)],
        headers: [(String, String)], body: Data, region: String?, operation: String
    ) async throws(AWSError) -> HTTPResponse {
        let effectiveRegion = region ?? self.region
        let endpoint = try AWSEndpoint.resolve(service: .s3, region: effectiveRegion, environment: environment)
        let encodedKey = key.map { "/" + SigV4Signer.encode($0, keepSlash: true) } ?? ""
        var path: String
        var host: String?
        if let bucket, !endpoint.isCustom, AWSClient.isVirtualHostable(bucket) {
            host = "\(bucket).\(endpoint.url.host ?? "")"
            path = encodedKey.isEmpty ? "/" : encodedKey
        } else if let bucket {
            path = "/" + SigV4Signer.encode(bucket) + encodedKey
        } else {
            path = "/"
        }
        if path.isEmpty { path = "/" }
        return try await send(
            service: .s3, operation: operation, region: effectiveRegion,
            resource: bucket.map { b in
                key.map { "\(b)/\($0)" } ?? b
            }, method: method, path: path, query: query, headers: headers, body: body, hostOverride: host)
    }

    static func isVirtualHostable(_ bucket: String) -> Bool {
        bucket.count >= 3 && bucket.count <= 63 && !bucket.contains(".")
            && bucket.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }
    }

    // MARK: The one place requests are made

    /// Signs and sends one request with retries and the concurrency bound; non-2xx answers become `AWSError`.
    public func send(
        service: AWSService, operation: String, region: String?, resource: String?, method: String,
        path: String, query: [(String, String)], headers: [(String, String)], body: Data,
        hostOverride: String? = nil
    ) async throws(AWSError) -> HTTPResponse {
        let effectiveRegion = region ?? self.region
        let endpoint = try AWSEndpoint.resolve(service: service, region: effectiveRegion, environment: environment)
        var components = URLComponents(url: endpoint.url, resolvingAgainstBaseURL: false) ?? URLComponents()
        if let hostOverride { components.host = hostOverride }
        let basePath =
            components.percentEncodedPath.hasSuffix("/")
            ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        components.percentEncodedPath = basePath + path
        components.percentEncodedQuery =
            query.isEmpty
            ? nil
            : query.map { "\(SigV4Signer.encode($0.0))=\(SigV4Signer.encode($0.1))" }.joined(separator: "&")
        guard let url = components.url else {
            throw AWSError(
                .invalidConfiguration, "cannot build a URL for the request", service: service.id,
                operation: operation, resource: resource)
        }
        let credentials = try await credentialProvider.credentials()
        let options: SigV4Signer.Options = service.signingName == "s3" ? .s3 : .standard
        let signer = SigV4Signer(
            credentials: credentials, region: endpoint.signingRegion, service: service.signingName,
            options: options)
        let request = HTTPRequest(
            method: method, url: url, headers: headers, body: body,
            api: "\(service.id):\(operation) \(effectiveRegion)")
        let key = "\(service.id)/\(effectiveRegion)"
        let guarded = callGuard.transport(SigningTransport(base: transport, signer: signer), key: key)
        let signing =
            rateLimiter.map { $0.transport(guarded, key: key, isThrottled: AWSClient.isThrottled) } ?? guarded
        let policy = retryPolicy
        let timeout = self.timeout
        let outcome: Result<(HTTPResponse, Int), HTTPError> = await limiter.withSlot(key) {
            do {
                return .success(
                    try await policy.send(
                        request, via: signing, timeout: timeout,
                        isRetryable: AWSClient.isThrottling))
            } catch let error as HTTPError {
                return .failure(error)
            } catch {
                return .failure(HTTPError(.cancelled, "request cancelled", api: request.api, url: request.redactedURL))
            }
        }
        switch outcome {
        case .failure(let error):
            await stats.record(service: service.id, operation: operation, attempts: retryPolicy.maxAttempts)
            let code: AWSError.Code =
                error.code == .circuitOpen ? .unreachable : error.code == .deadlineExceeded ? .deadlineExceeded : .transport
            throw AWSError(
                code, "\(error.code): \(error.message)", service: service.id, operation: operation,
                resource: resource, underlying: error)
        case .success(let (response, attempts)):
            await stats.record(service: service.id, operation: operation, attempts: attempts)
            guard response.isSuccess else {
                throw AWSClient.error(from: response, service: service, operation: operation, resource: resource)
            }
            return response
        }
    }

    // MARK: Responses

    func parseXML(
        _ response: HTTPResponse, service: AWSService, operation: String,
        resource: String?
    ) throws(AWSError) -> XMLNode {
        do {
            return try XMLNode.parse(response.body)
        } catch {
            throw AWSError(
                .malformedResponse, "response is not valid XML (\(error))", service: service.id,
                operation: operation, resource: resource, httpStatus: response.status,
                requestID: AWSClient.requestID(response), underlying: error)
        }
    }

    /// Whether an error response carries a throttling code (query/rest-xml `<Code>`, json `__type`).
    @Sendable static func isThrottling(_ response: HTTPResponse) -> Bool {
        guard response.status >= 400 else { return false }
        return errorCode(response).map(AWSError.throttlingCodes.contains) ?? false
    }

    /// Whether an answer asks the client to slow down: HTTP 429 or a throttling code (for the adaptive rate).
    @Sendable static func isThrottled(_ response: HTTPResponse) -> Bool {
        response.status == 429 || isThrottling(response)
    }

    /// The AWS error code of an error response, from whichever protocol's shape it has.
    static func errorCode(_ response: HTTPResponse) -> String? {
        if let type = response.header("x-amzn-ErrorType"), !type.isEmpty { return cleanJSONType(type) }
        if let root = try? XMLNode.parse(response.body), let code = root.first(named: "Code")?.text, !code.isEmpty {
            return code
        }
        if let value = try? JSONBody.decode(response.body), let members = value.members {
            let type = members["__type"]?.stringValue ?? members["code"]?.stringValue ?? members["Code"]?.stringValue
            return type.map(cleanJSONType)
        }
        return nil
    }

    /// `com.amazon.coral.service#AccessDeniedException:http://…` → `AccessDeniedException`.
    static func cleanJSONType(_ raw: String) -> String {
        let afterHash = raw.split(separator: "#").last.map(String.init) ?? raw
        return afterHash.split(separator: ":").first.map(String.init) ?? afterHash
    }

    static func requestID(_ response: HTTPResponse) -> String? {
        response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
    }

    static func error(from response: HTTPResponse, service: AWSService, operation: String, resource: String?) -> AWSError {
        var message = ""
        var requestID = requestID(response)
        var code = errorCode(response)
        if let root = try? XMLNode.parse(response.body) {
            message = root.first(named: "Message")?.text ?? ""
            requestID = requestID ?? root.first(named: "RequestId")?.text ?? root.first(named: "RequestID")?.text
        } else if let value = try? JSONBody.decode(response.body), let members = value.members {
            message = members["message"]?.stringValue ?? members["Message"]?.stringValue ?? ""
        }
        if code == nil {
            // A bodiless 404/403 stands for the code AWS would have sent, so "not found" and "denied" checks work.
            code = response.status == 404 ? "NotFound" : response.status == 403 ? "AccessDenied" : nil
            if message.isEmpty { message = "HTTP \(response.status) without an AWS error body" }
        }
        var error = AWSError(
            code == nil ? .httpStatus : .serviceError, message, serviceCode: code, service: service.id,
            operation: operation, resource: resource, httpStatus: response.status, requestID: requestID)
        error.bucketRegion = response.header("x-amz-bucket-region")
        return error
    }
}

/// Signs each attempt afresh, so a retry after a long backoff still carries a current date.
struct SigningTransport: HTTPTransport {
    let base: any HTTPTransport
    let signer: SigV4Signer

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var signed = request
        signer.sign(&signed)
        return try await base.send(signed, timeout: timeout)
    }
}
