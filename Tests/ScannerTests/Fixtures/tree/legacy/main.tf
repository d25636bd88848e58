# bulwark:skip=BLW-AWS-TST-001 versioning is handled by the backup vault
resource "aws_s3_bucket" "skipped_bulwark" {
  bucket = "skipped-bulwark"
  versioning {
    enabled = false
  }
}

resource "aws_s3_bucket" "skipped_checkov" {
  #checkov:skip=CKV_AWS_19:encrypted by the default bucket key
  bucket = "skipped-checkov"
}

#trivy:ignore:AVD-AWS-0090
resource "aws_s3_bucket" "skipped_trivy" {
  bucket = "skipped-trivy"
}

#trivy:ignore:AVD-AWS-0090:exp:2020-01-01
resource "aws_s3_bucket" "expired_trivy" {
  bucket = "expired-trivy"
}

resource "aws_security_group" "open" {
  description = "ssh"
  ingress {
    from_port   = 22
    to_port     = 22
    cidr_blocks = ["0.0.0.0/0"]
  }
}
