output "url" {
  description = "HTTPS URL of the load balancer (point the Git host's webhook at URL/webhooks/...)."
  value       = "https://${aws_lb.this.dns_name}"
}

output "load_balancer_dns_name" {
  description = "DNS name of the load balancer, for an alias record matching the certificate."
  value       = aws_lb.this.dns_name
}

output "load_balancer_zone_id" {
  description = "Hosted zone ID of the load balancer, for the alias record."
  value       = aws_lb.this.zone_id
}

output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "task_role_arn" {
  description = "Role the Bulwark tasks run as (read-only discovery)."
  value       = aws_iam_role.task.arn
}

output "remediation_role_arn" {
  description = "Role Bulwark assumes for live fixes, or null when enable_remediation is false."
  value       = var.enable_remediation ? aws_iam_role.remediation[0].arn : null
}

output "database_endpoint" {
  description = "Endpoint (host:port) of the PostgreSQL instance."
  value       = aws_db_instance.this.endpoint
}

output "database_master_secret_arn" {
  description = "ARN of the RDS-managed Secrets Manager secret holding the master credentials."
  value       = aws_db_instance.this.master_user_secret[0].secret_arn
}

output "kms_key_arn" {
  description = "ARN of the key that encrypts the database, the secrets and the logs."
  value       = aws_kms_key.this.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the service."
  value       = aws_cloudwatch_log_group.this.name
}
