# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_imagebuilder_distribution_configuration" "this" {
  name = "golden"
  distribution {
    ami_distribution_configuration {
      kms_key_id = aws_kms_key.this.arn
    }
  }
}
