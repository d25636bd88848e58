# error: 2:10 Unterminated heredoc
policy = <<EOT
{ "Version": "2012-10-17" }
