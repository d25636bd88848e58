# Unknown: the exports come from a variable with no value.
variable "exports" {
  type = list(string)
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier             = "graph"
  engine                         = "neptune"
  enable_cloudwatch_logs_exports = var.exports
}
