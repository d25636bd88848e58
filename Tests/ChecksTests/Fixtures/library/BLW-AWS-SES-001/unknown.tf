# Unknown: tls_policy comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_ses_configuration_set" "this" {
  name = "transactional"

  delivery_options {
    tls_policy = var.setting
  }
}
