import Model

extension AWSClient {
    /// Every page of a query-protocol list call: the request's `tokenParameter` (`NextToken`, `Marker`) is fed from
    /// the response element `tokenElement` (`nextToken`, `Marker`) until it is absent; the pages' roots in order.
    public func queryPages(
        service: AWSService, action: String, params: [String: String] = [:], region: String? = nil,
        tokenParameter: String, tokenElement: String
    ) async throws(AWSError) -> [XMLNode] {
        var pages: [XMLNode] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            var request = params
            if let token { request[tokenParameter] = token }
            let page = try await query(service: service, action: action, params: request, region: region)
            pages.append(page)
            token = page.first(named: tokenElement)?.text
            if page.first(named: "IsTruncated")?.text == "false" { token = nil }
            if let current = token, current.isEmpty || !seen.insert(current).inserted { token = nil }
            if pages.count >= maxPages, token != nil {
                throw AWSError(.tooManyPages, "more than \(maxPages) pages", service: service.id, operation: action)
            }
        } while token != nil
        return pages
    }

    /// Every page of a json-protocol list call: `tokenField` (`NextToken`, `nextToken`, `Marker`) of the request is
    /// fed from `responseTokenField` (defaults to the same name; KMS uses `NextMarker`).
    public func jsonPages(
        service: AWSService, target: String, body: [String: Value] = [:], region: String? = nil,
        tokenField: String, responseTokenField: String? = nil
    ) async throws(AWSError) -> [Value] {
        var pages: [Value] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            var request = body
            if let token { request[tokenField] = .string(token) }
            let page = try await json(service: service, target: target, body: request, region: region)
            pages.append(page)
            token = page.members?[responseTokenField ?? tokenField]?.stringValue
            if let current = token, current.isEmpty || !seen.insert(current).inserted { token = nil }
            if pages.count >= maxPages, token != nil {
                throw AWSError(.tooManyPages, "more than \(maxPages) pages", service: service.id, operation: target)
            }
        } while token != nil
        return pages
    }

    /// Every page of S3 ListObjectsV2 (`continuation-token` / `NextContinuationToken`); `startAfter` lists only keys
    /// after it, `delimiter` groups keys into `CommonPrefixes` (folders), `maxKeys` caps a page (S3's default: 1,000).
    public func listObjects(
        bucket: String, prefix: String? = nil, startAfter: String? = nil, delimiter: String? = nil,
        maxKeys: Int? = nil, region: String? = nil
    ) async throws(AWSError) -> [XMLNode] {
        var pages: [XMLNode] = []
        var token: String?
        repeat {
            var query: [(String, String)] = [("list-type", "2")]
            if let prefix { query.append(("prefix", prefix)) }
            if let startAfter { query.append(("start-after", startAfter)) }
            if let delimiter { query.append(("delimiter", delimiter)) }
            if let maxKeys { query.append(("max-keys", String(maxKeys))) }
            if let token { query.append(("continuation-token", token)) }
            let page = try await s3XML(bucket: bucket, query: query, region: region, operation: "ListObjectsV2")
            pages.append(page)
            token = page.bool("IsTruncated") == true ? page.string("NextContinuationToken") : nil
            if pages.count >= maxPages, token != nil {
                throw AWSError(
                    .tooManyPages, "more than \(maxPages) pages", service: "s3", operation: "ListObjectsV2",
                    resource: bucket)
            }
        } while token != nil
        return pages
    }
}
