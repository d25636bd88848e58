resource "aws_dynamodb_table" "orders" {
  name     = "orders"
  hash_key = "id"

  point_in_time_recovery {
    enabled = true
  }
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}
