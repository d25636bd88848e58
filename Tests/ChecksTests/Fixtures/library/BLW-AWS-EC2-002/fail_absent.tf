# Fails: no metadata_options block, so the instance accepts IMDSv1.
resource "aws_instance" "legacy" {
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.small"
}
