# Passes: the API endpoint is reachable from inside the VPC.

resource "aws_eks_cluster" "apps" {
  name     = "apps"
  role_arn = "arn:aws:iam::123456789012:role/eks-cluster"

  vpc_config {
    subnet_ids              = ["subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"]
    endpoint_private_access = true
  }
}
