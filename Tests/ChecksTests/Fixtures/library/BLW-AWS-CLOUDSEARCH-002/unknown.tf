# Unknown: enforce_https comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_cloudsearch_domain" "this" {
  name = "catalogue"

  endpoint_options {
    enforce_https       = var.setting
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
