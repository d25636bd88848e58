# Unknown: enable_network_isolation comes from an input without a value, known only when the plan is made.

variable "setting" {}

resource "aws_sagemaker_model" "this" {
  name               = "churn"
  execution_role_arn = "arn:aws:iam::111122223333:role/sagemaker"

  primary_container {
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/churn:1.2.0"
  }
  enable_network_isolation = var.setting
}
