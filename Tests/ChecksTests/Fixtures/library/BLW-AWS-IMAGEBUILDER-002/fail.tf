# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_imagebuilder_distribution_configuration" "this" {
  name = "golden"
  distribution {
    ami_distribution_configuration {}
  }
}
