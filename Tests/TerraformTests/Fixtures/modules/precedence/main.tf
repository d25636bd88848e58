variable "from_default" {
  default = "default"
}
variable "from_env" {
  default = "default"
}
variable "from_tfvars" {
  default = "default"
}
variable "from_auto" {
  default = "default"
}
variable "from_file" {
  default = "default"
}
variable "from_cli" {
  default = "default"
}
variable "typed_list" {
  type    = list(string)
  default = []
}

resource "aws_ssm_parameter" "p" {
  name = "values"
  value = jsonencode({
    default = var.from_default
    env     = var.from_env
    tfvars  = var.from_tfvars
    auto    = var.from_auto
    file    = var.from_file
    cli     = var.from_cli
    list    = var.typed_list
  })
}
