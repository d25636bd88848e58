import AWS
import Foundation
import Model

/// S3: the bucket list is account-wide; each bucket's settings need their own calls (S3 has no batch read),
/// so a bucket costs up to 13 calls — the location one is skipped when ListBuckets already names the region.
enum S3Discovery {
    static let allUsers = "http://acs.amazonaws.com/groups/global/AllUsers"
    static let authenticatedUsers = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"
    static let logDelivery = "http://acs.amazonaws.com/groups/s3/LogDelivery"

    static func read(client: AWSClient, account: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: client.region, label: "global")
        guard
            let pages = await reader.call(
                "s3", "ListBuckets",
                { () async throws(AWSError) -> [XMLNode] in
                    try await listBuckets(client)
                })
        else { return reader }
        let buckets = pages.flatMap { $0.all("Buckets/Bucket") }.compactMap { node -> (String, String?)? in
            node.string("Name").map { ($0, node.string("BucketRegion")) }
        }
        await reader.gather(buckets) { bucket in
            await Self.bucket(bucket.0, knownRegion: bucket.1, client: client, account: account)
        }
        await accountPublicAccessBlock(&reader)
        return reader
    }

    /// Every page of ListBuckets. Asking with `max-buckets` makes AWS paginate and name each bucket's region
    /// (`BucketRegion`), which saves a GetBucketLocation call per bucket.
    static func listBuckets(_ client: AWSClient) async throws(AWSError) -> [XMLNode] {
        var pages: [XMLNode] = []
        var token: String?
        repeat {
            var query = [("max-buckets", "10000")]
            if let token { query.append(("continuation-token", token)) }
            let page = try await client.s3XML(bucket: nil, query: query, operation: "ListBuckets")
            pages.append(page)
            let next = page.string("ContinuationToken")
            token = next?.isEmpty == false && next != token ? next : nil
            if pages.count >= client.maxPages, token != nil {
                throw AWSError(.tooManyPages, "more than \(client.maxPages) pages", service: "s3", operation: "ListBuckets")
            }
        } while token != nil
        return pages
    }

    /// Reads one bucket's settings into the bucket and its split resources, each referring to the bucket.
    static func bucket(_ name: String, knownRegion: String?, client: AWSClient, account: String) async -> ServiceReader {
        var reader = ServiceReader(client: client, account: account, region: client.region, label: "global")
        var region = knownRegion
        if region == nil || region?.isEmpty == true {
            let location = await reader.call("s3", "GetBucketLocation", resource: name) { () async throws(AWSError) -> XMLNode in
                try await client.s3XML(bucket: name, query: [("location", "")], operation: "GetBucketLocation")
            }
            region = location.map { node in
                switch node.text {
                case "": return "us-east-1"
                case "EU": return "eu-west-1"
                default: return node.text
                }
            }
        }
        let bucketRegion = region ?? client.region
        func xml(_ subresource: String, _ operation: String, absent: Set<String> = []) async -> XMLNode? {
            await reader.call("s3", operation, resource: name, absent: absent) { () async throws(AWSError) -> XMLNode in
                try await client.s3XML(bucket: name, query: [(subresource, "")], region: bucketRegion, operation: operation)
            }
        }
        let arn = "arn:aws:s3:::\(name)"
        let edge = [LiveResource.Edge(attribute: "bucket", type: "aws_s3_bucket", id: name)]
        func split(_ type: String, _ attributes: [String: Value]) -> LiveResource {
            var attributes = attributes
            attributes["bucket"] = .string(name)
            attributes["id"] = .string(name)
            return LiveResource(
                type: type, id: name, name: name, originID: arn, region: bucketRegion,
                attributes: attributes, edges: edge)
        }

        // A setting whose read failed is unknown, never absent: the bucket's inline attribute for it is unknown,
        // and so is every attribute of the resource that would have held it.
        var bucketAttributes: [String: Value] = [
            "id": .string(name), "bucket": .string(name), "arn": .string(arn), "region": .string(bucketRegion),
        ]
        func notRead(_ type: String, _ attributes: [String], inline: [String], checked: Bool) {
            for attribute in inline { bucketAttributes[attribute] = .unknown }
            reader.notRead(
                split(type, Dictionary(uniqueKeysWithValues: attributes.map { ($0, Value.unknown) })), checked: checked)
        }
        if let acl = await xml("acl", "GetBucketAcl") {
            reader.add(split("aws_s3_bucket_acl", aclAttributes(acl)))
        } else if reader.lastCallFailed {
            notRead("aws_s3_bucket_acl", ["acl", "access_control_policy"], inline: ["acl", "grant"], checked: true)
        }
        if let policy = await reader.call(
            "s3", "GetBucketPolicy", resource: name, absent: ["NoSuchBucketPolicy"],
            {
                () async throws(AWSError) -> String in
                let response = try await client.s3(
                    bucket: name, query: [("policy", "")], region: bucketRegion, operation: "GetBucketPolicy")
                return String(decoding: response.body, as: UTF8.self)
            })
        {
            reader.add(split("aws_s3_bucket_policy", ["policy": .string(policy)]))
        } else if reader.lastCallFailed {
            notRead("aws_s3_bucket_policy", ["policy"], inline: ["policy"], checked: true)
        }
        if let block = await xml("publicAccessBlock", "GetPublicAccessBlock", absent: ["NoSuchPublicAccessBlockConfiguration"]) {
            reader.add(split("aws_s3_bucket_public_access_block", publicAccessBlock(block)))
        } else if reader.lastCallFailed {
            notRead(
                "aws_s3_bucket_public_access_block",
                ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"], inline: [],
                checked: true)
        }
        if let encryption = await xml(
            "encryption", "GetBucketEncryption",
            absent: ["ServerSideEncryptionConfigurationNotFoundError"])
        {
            let rules = encryption.all("Rule").map { rule -> Value in
                .object([
                    "apply_server_side_encryption_by_default": .block([
                        "sse_algorithm": .string(rule.string("ApplyServerSideEncryptionByDefault/SSEAlgorithm")),
                        "kms_master_key_id": .string(rule.string("ApplyServerSideEncryptionByDefault/KMSMasterKeyID")),
                    ]),
                    "bucket_key_enabled": .bool(rule.bool("BucketKeyEnabled")),
                ])
            }
            if !rules.isEmpty { reader.add(split("aws_s3_bucket_server_side_encryption_configuration", ["rule": .list(rules)])) }
        } else if reader.lastCallFailed {
            notRead(
                "aws_s3_bucket_server_side_encryption_configuration", ["rule"],
                inline: ["server_side_encryption_configuration"], checked: false)
        }
        let versioning = await xml("versioning", "GetBucketVersioning")
        if let versioning, let status = versioning.string("Status") {
            reader.add(
                split(
                    "aws_s3_bucket_versioning",
                    [
                        // MfaDelete is sent only once it was ever set: absent stays absent, not "Disabled".
                        "versioning_configuration": .block(
                            ["status": .string(status)].merging(
                                versioning.string("MfaDelete").map { ["mfa_delete": Value.string($0)] } ?? [:]
                            ) { first, _ in first })
                    ]))
        } else if versioning == nil, reader.lastCallFailed {
            notRead("aws_s3_bucket_versioning", ["versioning_configuration"], inline: ["versioning"], checked: true)
        }
        let logging = await xml("logging", "GetBucketLogging")
        if let logging, let enabled = logging.child("LoggingEnabled"), let target = enabled.string("TargetBucket") {
            var resource = split(
                "aws_s3_bucket_logging",
                [
                    "target_bucket": .string(target),
                    "target_prefix": .string(enabled.string("TargetPrefix") ?? ""),
                ])
            resource.edges.append(.init(attribute: "target_bucket", type: "aws_s3_bucket", id: target))
            reader.add(resource)
        } else if logging == nil, reader.lastCallFailed {
            notRead("aws_s3_bucket_logging", ["target_bucket", "target_prefix"], inline: ["logging"], checked: false)
        }
        await S3BucketFeatureDiscovery.read(
            name, region: bucketRegion, client: client, reader: &reader, bucketAttributes: &bucketAttributes, split: split)
        if let tagging = await xml("tagging", "GetBucketTagging", absent: ["NoSuchTagSet"]) {
            bucketAttributes["tags"] = tagging.tags("TagSet/Tag", key: "Key", value: "Value")
        } else {
            bucketAttributes["tags"] = reader.lastCallFailed ? .unknown : .map([:])
        }
        reader.add(
            LiveResource(
                type: "aws_s3_bucket", id: name, name: name, originID: arn, region: bucketRegion,
                attributes: bucketAttributes))
        return reader
    }

    /// The canned ACL the grants amount to, plus the grants as `access_control_policy`.
    static func aclAttributes(_ acl: XMLNode) -> [String: Value] {
        var canned = "private"
        var grants: [Value] = []
        for grant in acl.all("AccessControlList/Grant") {
            let uri = grant.string("Grantee/URI")
            let permission = grant.string("Permission") ?? ""
            if uri == allUsers, permission == "WRITE" || permission == "FULL_CONTROL" {
                canned = "public-read-write"
            } else if uri == allUsers, permission == "READ", canned != "public-read-write" {
                canned = "public-read"
            } else if uri == authenticatedUsers, permission == "READ", canned == "private" {
                canned = "authenticated-read"
            } else if uri == logDelivery, permission == "WRITE" || permission == "READ_ACP", canned == "private" {
                canned = "log-delivery-write"
            }
            grants.append(
                .object([
                    "permission": .string(permission),
                    "grantee": .block([
                        "uri": .string(uri), "id": .string(grant.string("Grantee/ID")),
                        "type": .string(grant.child("Grantee")?.attributes["xsi:type"]),
                    ]),
                ]))
        }
        return [
            "acl": .string(canned),
            "access_control_policy": .block([
                "grant": .list(grants),
                "owner": .block(["id": .string(acl.string("Owner/ID")), "display_name": .string(acl.string("Owner/DisplayName"))]),
            ]),
        ]
    }

    static func publicAccessBlock(_ node: XMLNode) -> [String: Value] {
        [
            "block_public_acls": .bool(node.bool("BlockPublicAcls") ?? false),
            "block_public_policy": .bool(node.bool("BlockPublicPolicy") ?? false),
            "ignore_public_acls": .bool(node.bool("IgnorePublicAcls") ?? false),
            "restrict_public_buckets": .bool(node.bool("RestrictPublicBuckets") ?? false),
        ]
    }

    static func accountPublicAccessBlock(_ reader: inout ServiceReader) async {
        let client = reader.client
        let account = reader.account
        guard
            let body = await reader.call(
                "s3control", "GetPublicAccessBlock", resource: account,
                absent: ["NoSuchPublicAccessBlockConfiguration"],
                {
                    () async throws(AWSError) -> XMLNode in
                    let response = try await client.s3control(
                        path: "/v20180820/configuration/publicAccessBlock", accountID: account,
                        operation: "GetPublicAccessBlock")
                    do {
                        return try XMLNode.parse(response.body)
                    } catch {
                        throw AWSError(
                            .malformedResponse, "\(error)", service: "s3control", operation: "GetPublicAccessBlock",
                            resource: account, httpStatus: response.status, underlying: error)
                    }
                })
        else { return }
        var attributes = publicAccessBlock(body.child("PublicAccessBlockConfiguration") ?? body)
        attributes["account_id"] = .string(account)
        attributes["id"] = .string(account)
        reader.add(
            LiveResource(
                type: "aws_s3_account_public_access_block", id: account, name: "account_\(account)",
                originID: account, region: nil, attributes: attributes))
    }
}
