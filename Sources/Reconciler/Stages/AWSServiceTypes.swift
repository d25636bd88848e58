/// The AWS service whose discovery reads each resource type. A type whose service answered without an error was
/// read completely, so a state resource of that type with no live counterpart is missing, even when no resource
/// of the type is left live at all.
enum AWSServiceTypes {
    /// Resource type → the service id discovery errors carry.
    static let owner: [String: String] = {
        let services: [String: [String]] = [
            "s3": ["aws_s3_bucket", "aws_s3_bucket_acl", "aws_s3_bucket_logging", "aws_s3_bucket_policy",
                   "aws_s3_bucket_public_access_block", "aws_s3_bucket_server_side_encryption_configuration",
                   "aws_s3_bucket_versioning"],
            "s3control": ["aws_s3_account_public_access_block"],
            "ec2": ["aws_instance", "aws_security_group", "aws_default_security_group", "aws_ebs_volume",
                    "aws_ebs_encryption_by_default", "aws_vpc", "aws_flow_log"],
            "iam": ["aws_iam_user", "aws_iam_access_key", "aws_iam_account_password_policy", "aws_iam_user_policy",
                    "aws_iam_user_policy_attachment", "aws_iam_virtual_mfa_device"],
            "rds": ["aws_db_instance"],
            "kms": ["aws_kms_key"],
            "cloudtrail": ["aws_cloudtrail"],
            "config": ["aws_config_configuration_recorder", "aws_config_configuration_recorder_status"],
            "logs": ["aws_cloudwatch_log_group"],
        ]
        var owner: [String: String] = [:]
        for (service, types) in services { for type in types { owner[type] = service } }
        return owner
    }()
}
