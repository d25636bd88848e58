# Unknown: the setting comes from a variable with no value.
variable "setting" {
  type = string
}

resource "aws_sagemaker_notebook_instance" "lab" {
  name          = "lab"
  role_arn      = "arn:aws:iam::123456789012:role/sagemaker-lab"
  instance_type = "ml.t3.medium"
  root_access   = var.setting
}
