terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # manage_master_user_password and the ECS service attributes used here need 5.x.
      version = ">= 5.40, < 7.0"
    }
  }
}
