# Fails: a symmetric key without rotation (enable_key_rotation omitted, default false).
resource "aws_kms_key" "app" {
  description             = "application data"
  deletion_window_in_days = 30
}
