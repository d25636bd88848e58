# Fails: webserver logs disabled.

resource "aws_mwaa_environment" "this" {
  name               = "etl"
  airflow_version    = "2.8.1"
  execution_role_arn = "arn:aws:iam::111122223333:role/mwaa"
  source_bucket_arn  = "arn:aws:s3:::acme-dags"
  dag_s3_path        = "dags/"

  network_configuration {
    security_group_ids = ["sg-0123456789abcdef0"]
    subnet_ids         = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
  }

  logging_configuration {
    scheduler_logs {
      enabled   = true
      log_level = "INFO"
    }
    worker_logs {
      enabled   = true
      log_level = "INFO"
    }
    webserver_logs {
      enabled   = false
      log_level = "INFO"
    }
  }
}
