# Fails: the flow log is attached to "shared", not to "workload".
resource "aws_vpc" "shared" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_vpc" "workload" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_flow_log" "shared" {
  vpc_id               = aws_vpc.shared.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::acme-flow-logs"
}
