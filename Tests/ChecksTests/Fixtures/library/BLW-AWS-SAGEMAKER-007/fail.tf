# Fails: IMDSv1 allowed.

resource "aws_sagemaker_notebook_instance" "this" {
  name                   = "research"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0123456789abcdef0"
  security_groups        = ["sg-0123456789abcdef0"]
  direct_internet_access = "Disabled"
}
