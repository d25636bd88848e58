extension ServiceTypes {
    /// The AWS types read beyond the core set, by the service (`DiscoveryError.service`) whose errors would leave
    /// them partly unread.
    static let awsInventory: [String: [String]] = [
        "ec2": [
            "aws_subnet", "aws_network_acl", "aws_default_network_acl", "aws_vpc_endpoint", "aws_internet_gateway",
            "aws_ebs_snapshot", "aws_snapshot_create_volume_permission", "aws_ami", "aws_ami_launch_permission",
        ],
        "rds": ["aws_rds_cluster", "aws_db_snapshot", "aws_db_cluster_snapshot", "aws_db_parameter_group"],
        "iam": [
            "aws_iam_role", "aws_iam_role_policy", "aws_iam_role_policy_attachment", "aws_iam_policy", "aws_iam_group",
            "aws_iam_group_policy", "aws_iam_group_policy_attachment",
        ],
        "kms": ["aws_kms_alias"],
        "logs": ["aws_cloudwatch_log_metric_filter"],
        "cloudwatch": ["aws_cloudwatch_metric_alarm"],
        "elbv2": ["aws_lb", "aws_lb_listener", "aws_lb_target_group"],
        "sns": ["aws_sns_topic", "aws_sns_topic_subscription"],
        "sqs": ["aws_sqs_queue"],
        "dynamodb": ["aws_dynamodb_table"],
        "secretsmanager": ["aws_secretsmanager_secret", "aws_secretsmanager_secret_rotation"],
        "ssm": ["aws_ssm_parameter", "aws_ssm_document"],
        "ecr": ["aws_ecr_repository"],
        "ecs": ["aws_ecs_cluster", "aws_ecs_task_definition"],
        "lambda": [
            "aws_lambda_function", "aws_lambda_permission", "aws_lambda_layer_version",
            "aws_lambda_layer_version_permission",
        ],
        "guardduty": ["aws_guardduty_detector"],
        "securityhub": ["aws_securityhub_account"],
        "organizations": ["aws_organizations_organization"],
        "backup": ["aws_backup_vault"],
        "efs": ["aws_efs_file_system"],
        "eks": ["aws_eks_cluster", "aws_eks_node_group"],
        "elasticache": ["aws_elasticache_replication_group", "aws_elasticache_cluster", "aws_elasticache_subnet_group"],
        "opensearch": ["aws_opensearch_domain", "aws_opensearch_domain_policy"],
        "redshift": ["aws_redshift_cluster", "aws_redshift_parameter_group"],
        "accessanalyzer": ["aws_accessanalyzer_analyzer"],
        "cloudfront": ["aws_cloudfront_distribution", "aws_cloudfront_origin_access_control"],
        "apigateway": [
            "aws_api_gateway_rest_api", "aws_api_gateway_stage", "aws_api_gateway_method_settings", "aws_api_gateway_method",
        ],
        "apigatewayv2": ["aws_apigatewayv2_api", "aws_apigatewayv2_stage", "aws_apigatewayv2_route"],
        "wafv2": ["aws_wafv2_web_acl", "aws_wafv2_web_acl_logging_configuration", "aws_wafv2_web_acl_association"],
        "acm": ["aws_acm_certificate"],
        "route53": ["aws_route53_zone", "aws_route53_query_log", "aws_route53_hosted_zone_dnssec"],
    ]
}
