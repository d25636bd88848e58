import Model

extension AWSClient {
    /// Pages fetched one after another, each asked for with the token the previous one named, until a page names
    /// none, or an empty or already seen one (a server that loops); more than `maxPages` is an error, never a silent cut.
    func pages<Page>(
        service: String, operation: String, fetch: (String?) async throws(AWSError) -> Page,
        next: (Page) -> String?
    ) async throws(AWSError) -> [Page] {
        var pages: [Page] = []
        var token: String?
        var seen: Set<String> = []
        repeat {
            let page = try await fetch(token)
            pages.append(page)
            token = next(page)
            if let current = token, current.isEmpty || !seen.insert(current).inserted { token = nil }
            if pages.count >= maxPages, token != nil {
                throw AWSError(.tooManyPages, "more than \(maxPages) pages", service: service, operation: operation)
            }
        } while token != nil
        return pages
    }

    /// Every page of a query-protocol list call: the request's `tokenParameter` (`NextToken`, `Marker`) is fed from
    /// the response element `tokenElement` (`nextToken`, `Marker`) until it is absent; the pages' roots in order.
    public func queryPages(
        service: AWSService, action: String, params: [String: String] = [:], region: String? = nil,
        tokenParameter: String, tokenElement: String
    ) async throws(AWSError) -> [XMLNode] {
        try await pages(service: service.id, operation: action) { (token: String?) async throws(AWSError) -> XMLNode in
            var request = params
            if let token { request[tokenParameter] = token }
            return try await query(service: service, action: action, params: request, region: region)
        } next: { page in
            page.first(named: "IsTruncated")?.text == "false" ? nil : page.first(named: tokenElement)?.text
        }
    }

    /// Every page of a json-protocol list call: `tokenField` (`NextToken`, `nextToken`, `Marker`) of the request is
    /// fed from `responseTokenField` (defaults to the same name; KMS uses `NextMarker`).
    public func jsonPages(
        service: AWSService, target: String, body: [String: Value] = [:], region: String? = nil,
        tokenField: String, responseTokenField: String? = nil
    ) async throws(AWSError) -> [Value] {
        try await pages(service: service.id, operation: target) { (token: String?) async throws(AWSError) -> Value in
            var request = body
            if let token { request[tokenField] = .string(token) }
            return try await json(service: service, target: target, body: request, region: region)
        } next: { page in
            page.members?[responseTokenField ?? tokenField]?.stringValue
        }
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
