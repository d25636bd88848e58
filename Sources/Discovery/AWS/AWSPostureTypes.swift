extension ServiceTypes {
    /// The AWS types read for the posture checks that compare with Prowler's account-wide ones, by the service
    /// (`DiscoveryError.service`) whose errors would leave them partly unread.
    static let awsPosture: [String: [String]] = [
        "s3": [
            "aws_s3_bucket_ownership_controls", "aws_s3_bucket_lifecycle_configuration",
            "aws_s3_bucket_replication_configuration", "aws_s3_bucket_notification",
        ],
        "rds": ["aws_db_event_subscription"],
        "ecr": ["aws_ecr_lifecycle_policy", "aws_ecr_repository_policy", "aws_ecr_registry_scanning_configuration"],
        "efs": ["aws_efs_backup_policy", "aws_efs_file_system_policy"],
        "backup": ["aws_backup_plan", "aws_backup_selection"],
        "application-autoscaling": ["aws_appautoscaling_target"],
    ]
}
