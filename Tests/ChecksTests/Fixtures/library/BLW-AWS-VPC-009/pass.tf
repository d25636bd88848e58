# Passes: the group and each of its blocks say why the access exists.

resource "aws_security_group" "web" {
  name        = "web"
  description = "Web tier behind the internal load balancer"
  vpc_id      = "vpc-0a1b2c3d"

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16"]
  }

  egress {
    description = "PostgreSQL to the database subnet"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.8.0/24"]
  }
}

resource "aws_security_group_rule" "metrics" {
  type              = "ingress"
  description       = "Prometheus scrape from the monitoring subnet"
  security_group_id = "sg-0a1b2c3d"
  from_port         = 9100
  to_port           = 9100
  protocol          = "tcp"
  cidr_blocks       = ["10.0.9.0/24"]
}
