resource "aws_iam_policy" "p" {
  policy = <<EOF2
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "${var.arn}"}]
}
EOF2

  description = <<-EOT
    This text is indented in the file,
      and this line keeps two extra spaces.
    Escapes like \n stay literal; $${this} too.
    EOT

  script = <<-SCRIPT
	#!/bin/bash
	echo "${var.message}"
	SCRIPT
}

locals {
  marker_suffix = <<EOT
    NOT EOT
  EOT
  call = trimspace(<<EOT
inside a call
EOT
  )
}
