# Fails: the default ACL as AWS creates it lets all traffic in from anywhere (IPv6 too).
resource "aws_default_network_acl" "default" {
  default_network_acl_id = "acl-0a1b2c3d"

  ingress {
    protocol        = "-1"
    rule_no         = 101
    action          = "allow"
    ipv6_cidr_block = "::/0"
    from_port       = 0
    to_port         = 0
  }
}
