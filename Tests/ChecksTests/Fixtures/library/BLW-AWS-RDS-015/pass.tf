# Passes: Performance Insights is encrypted with a customer managed key.

resource "aws_db_instance" "orders" {
  identifier                      = "orders"
  engine                          = "postgres"
  engine_version                  = "16.4"
  instance_class                  = "db.m6g.large"
  allocated_storage               = 50
  username                        = "orders"
  manage_master_user_password     = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = "arn:aws:kms:eu-west-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
}

# Without Performance Insights there is nothing to encrypt.
resource "aws_db_instance" "dev" {
  identifier        = "dev"
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}
