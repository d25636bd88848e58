# Passes: TLS required.

resource "aws_ses_configuration_set" "this" {
  name = "transactional"

  delivery_options {
    tls_policy = "Require"
  }
}
