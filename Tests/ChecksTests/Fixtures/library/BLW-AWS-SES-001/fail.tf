# Fails: no delivery_options.

resource "aws_ses_configuration_set" "this" {
  name = "transactional"
}
