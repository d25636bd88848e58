import Model

/// The AWS live fixes. Each names the check IDs it answers and derives its calls from the discovered resource.
enum AWSLiveFixes {
    static let s3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    static let all: [LiveFix] = [
        publicAccessBlock, bucketEncryption, bucketVersioning, adminIngress, trailSettings, trailLogging,
        keyRotation, ebsDefaultEncryption, imdsV2, passwordPolicy,
    ]

    /// The bucket a bucket-level or split S3 resource belongs to.
    static func bucket(_ c: LiveFixContext) throws(LiveRemediationError) -> String {
        if let name = c.string("bucket"), !name.isEmpty { return name }
        let prefix = "arn:aws:s3:::"
        if c.origin.id.hasPrefix(prefix) { return String(c.origin.id.dropFirst(prefix.count)) }
        throw LiveRemediationError(
            .unsupportedResource, "cannot tell the bucket name", checkID: c.checkID,
            resource: c.resource.address)
    }

    static func s3Put(
        _ c: LiveFixContext, action: String, subresource: String, xml: String
    )
        throws(LiveRemediationError) -> LiveAPICall
    {
        LiveAPICall(
            wire: .awsS3, service: "s3", region: c.origin.region, action: action, method: "PUT",
            path: try bucket(c), parameters: [subresource: ""], body: xml)
    }

    static let publicAccessBlock = LiveFix(
        id: "aws-s3-public-access-block", provider: "aws",
        checkIDs: ["BLW-AWS-S3-007", "BLW-AWS-S3-003", "BLW-AWS-S3-004", "BLW-AWS-S3-005", "BLW-AWS-S3-006"],
        resourceTypes: ["aws_s3_bucket", "aws_s3_bucket_public_access_block"],
        summary: "put a bucket public access block with all four settings on"
    ) { c throws(LiveRemediationError) in
        [
            try s3Put(
                c, action: "PutPublicAccessBlock", subresource: "publicAccessBlock",
                xml: """
                    <PublicAccessBlockConfiguration xmlns="\(s3Namespace)"><BlockPublicAcls>true</BlockPublicAcls>\
                    <IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy>\
                    <RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>
                    """
            ).irreversible("the bucket's previous public access block is not part of the bucket resource")
        ]
    }

    static let bucketEncryption = LiveFix(
        id: "aws-s3-default-encryption", provider: "aws", checkIDs: ["BLW-AWS-S3-010"], resourceTypes: ["aws_s3_bucket"],
        summary: "set the bucket's default encryption to SSE-S3 (AES256)"
    ) { c throws(LiveRemediationError) in
        [
            try s3Put(
                c, action: "PutBucketEncryption", subresource: "encryption",
                xml: """
                    <ServerSideEncryptionConfiguration xmlns="\(s3Namespace)"><Rule><ApplyServerSideEncryptionByDefault>\
                    <SSEAlgorithm>AES256</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>
                    """
            ).irreversible("the bucket's previous encryption configuration is not part of the bucket resource")
        ]
    }

    static let bucketVersioning = LiveFix(
        id: "aws-s3-versioning", provider: "aws", checkIDs: ["BLW-AWS-S3-012"], resourceTypes: ["aws_s3_bucket"],
        summary: "enable bucket versioning"
    ) { c throws(LiveRemediationError) in
        // The check failed, so versioning was never enabled or is suspended; a bucket never returns to
        // "unversioned", and Suspended behaves the same for new objects, so Suspended is the undo either way.
        [try versioning(c, "Enabled").undone(by: try versioning(c, "Suspended"))]
    }

    static func versioning(_ c: LiveFixContext, _ status: String) throws(LiveRemediationError) -> LiveAPICall {
        try s3Put(
            c, action: "PutBucketVersioning", subresource: "versioning",
            xml: """
                <VersioningConfiguration xmlns="\(s3Namespace)"><Status>\(status)</Status></VersioningConfiguration>
                """)
    }

    static let adminIngress = LiveFix(
        id: "aws-sg-revoke-admin-ingress", provider: "aws", checkIDs: ["BLW-AWS-VPC-001", "BLW-AWS-VPC-002"],
        resourceTypes: ["aws_security_group", "aws_default_security_group"],
        summary: "revoke ingress from 0.0.0.0/0 and ::/0 on the admin port (and allow the target's admin CIDR instead)"
    ) { c throws(LiveRemediationError) in
        try SecurityGroupIngressFix.calls(c, port: c.checkID == "BLW-AWS-VPC-002" ? 3389 : 22)
    }

    static let trailSettings = LiveFix(
        id: "aws-cloudtrail-update-trail", provider: "aws", checkIDs: ["BLW-AWS-CLOUDTRAIL-002", "BLW-AWS-CLOUDTRAIL-003"],
        resourceTypes: ["aws_cloudtrail"], summary: "make the trail multi-region with log file validation"
    ) { c throws(LiveRemediationError) in
        // A multi-region trail must include global service events, so both are set together.
        func flag(_ name: String) -> Bool { c.resource.attributes[name]?.boolValue == true }
        func update(_ validation: Bool, _ global: Bool, _ multiRegion: Bool) throws(LiveRemediationError) -> LiveAPICall {
            LiveAPICall(
                wire: .awsJSON, service: "cloudtrail", region: c.origin.region, action: "UpdateTrail",
                body: try LiveJSON.text(
                    .object([
                        "EnableLogFileValidation": .bool(validation), "IncludeGlobalServiceEvents": .bool(global),
                        "IsMultiRegionTrail": .bool(multiRegion), "Name": .string(c.origin.id),
                    ])))
        }
        return [
            try update(true, true, true).undone(
                by: try update(
                    flag("enable_log_file_validation"), flag("include_global_service_events"), flag("is_multi_region_trail")))
        ]
    }

    static let trailLogging = LiveFix(
        id: "aws-cloudtrail-start-logging", provider: "aws", checkIDs: ["BLW-AWS-CLOUDTRAIL-001"],
        resourceTypes: ["aws_cloudtrail"], summary: "start logging on the trail"
    ) { c throws(LiveRemediationError) in
        // Discovery reads trails in their home region, where the name identifies the trail (moto takes only names).
        func call(_ action: String) throws(LiveRemediationError) -> LiveAPICall {
            LiveAPICall(
                wire: .awsJSON, service: "cloudtrail", region: c.origin.region, action: action,
                body: try LiveJSON.text(.object(["Name": .string(c.string("name") ?? c.origin.id)])))
        }
        // Only a trail known to have been off is stopped again; an unknown logging status gets no undo.
        return c.resource.attributes["enable_logging"]?.boolValue == false
            ? [try call("StartLogging").undone(by: try call("StopLogging"))]
            : [try call("StartLogging").irreversible("the trail's previous logging status is not known")]
    }

    static let keyRotation = LiveFix(
        id: "aws-kms-enable-key-rotation", provider: "aws", checkIDs: ["BLW-AWS-KMS-001"], resourceTypes: ["aws_kms_key"],
        summary: "enable automatic key rotation"
    ) { c throws(LiveRemediationError) in
        // The check failed, so rotation was off.
        func call(_ action: String) throws(LiveRemediationError) -> LiveAPICall {
            LiveAPICall(
                wire: .awsJSON, service: "kms", region: c.origin.region, action: action,
                body: try LiveJSON.text(.object(["KeyId": .string(c.origin.id)])))
        }
        return [try call("EnableKeyRotation").undone(by: try call("DisableKeyRotation"))]
    }

    static let ebsDefaultEncryption = LiveFix(
        id: "aws-ebs-encryption-by-default", provider: "aws", checkIDs: ["BLW-AWS-EC2-005"],
        resourceTypes: ["aws_ebs_encryption_by_default"], summary: "turn on EBS encryption by default in the region"
    ) { c throws(LiveRemediationError) in
        [
            LiveAPICall(wire: .awsQuery, service: "ec2", region: c.origin.region, action: "EnableEbsEncryptionByDefault")
                .undone(
                    by: LiveAPICall(
                        wire: .awsQuery, service: "ec2", region: c.origin.region,
                        action: "DisableEbsEncryptionByDefault"))
        ]
    }

    static let imdsV2 = LiveFix(
        id: "aws-ec2-require-imdsv2", provider: "aws", checkIDs: ["BLW-AWS-EC2-002"], resourceTypes: ["aws_instance"],
        summary: "require IMDSv2 session tokens on the instance"
    ) { c throws(LiveRemediationError) in
        guard let instance = c.string("id"), instance.hasPrefix("i-") else {
            throw LiveRemediationError(
                .unsupportedResource, "instance has no ID", checkID: c.checkID,
                resource: c.resource.address)
        }
        func modify(_ tokens: String, _ endpoint: String) -> LiveAPICall {
            LiveAPICall(
                wire: .awsQuery, service: "ec2", region: c.origin.region, action: "ModifyInstanceMetadataOptions",
                parameters: ["InstanceId": instance, "HttpTokens": tokens, "HttpEndpoint": endpoint])
        }
        let before = c.resource.attributes["metadata_options"]?.elements?.first?.members
        let endpoint = before?["http_endpoint"]?.stringValue ?? "enabled"
        return [modify("required", "enabled").undone(by: modify("optional", endpoint.isEmpty ? "enabled" : endpoint))]
    }

    static let passwordPolicy = LiveFix(
        id: "aws-iam-password-policy", provider: "aws",
        checkIDs: Set((1...7).map { "BLW-AWS-IAM-00\($0)" }), resourceTypes: ["aws_iam_account_password_policy"],
        summary: "set the account password policy to CIS values, keeping any stricter current value"
    ) { c throws(LiveRemediationError) in
        // UpdateAccountPasswordPolicy replaces the whole policy, so every field is sent; stricter values survive.
        func number(_ name: String) -> Int { Int(c.resource.attributes[name]?.numberValue ?? 0) }
        let age = number("max_password_age")
        let update = LiveAPICall(
            wire: .awsQuery, service: "iam", region: nil, action: "UpdateAccountPasswordPolicy",
            parameters: [
                "MinimumPasswordLength": String(max(number("minimum_password_length"), 14)),
                "PasswordReusePrevention": String(max(number("password_reuse_prevention"), 24)),
                "MaxPasswordAge": String(age > 0 ? min(age, 90) : 90),
                "RequireLowercaseCharacters": "true", "RequireUppercaseCharacters": "true",
                "RequireNumbers": "true", "RequireSymbols": "true", "AllowUsersToChangePassword": "true",
            ])
        return [update.undone(by: previousPasswordPolicy(c))]
    }

    /// The call that restores the discovered policy: its values, or no policy at all when discovery found none
    /// (the fix also runs for a finding on an account without a policy, whose resource has no attributes).
    static func previousPasswordPolicy(_ c: LiveFixContext) -> LiveAPICall {
        let a = c.resource.attributes
        guard let length = a["minimum_password_length"]?.numberValue else {
            return LiveAPICall(wire: .awsQuery, service: "iam", region: nil, action: "DeleteAccountPasswordPolicy")
        }
        var parameters = ["MinimumPasswordLength": String(Int(length))]
        for (attribute, parameter) in [
            ("require_lowercase_characters", "RequireLowercaseCharacters"),
            ("require_uppercase_characters", "RequireUppercaseCharacters"),
            ("require_numbers", "RequireNumbers"), ("require_symbols", "RequireSymbols"),
            ("allow_users_to_change_password", "AllowUsersToChangePassword"),
            ("hard_expiry", "HardExpiry"),
        ] {
            parameters[parameter] = a[attribute]?.boolValue == true ? "true" : "false"
        }
        // 0 means "not set"; IAM rejects 0 for both, and leaving them out restores "not set".
        for (attribute, parameter) in [
            ("max_password_age", "MaxPasswordAge"),
            ("password_reuse_prevention", "PasswordReusePrevention"),
        ] {
            if let value = a[attribute]?.numberValue, value > 0 { parameters[parameter] = String(Int(value)) }
        }
        return LiveAPICall(
            wire: .awsQuery, service: "iam", region: nil, action: "UpdateAccountPasswordPolicy",
            parameters: parameters)
    }
}
