# Fails: encrypted is omitted (default false).
resource "aws_efs_file_system" "shared" {
  creation_token = "acme-shared"
}
