# error: 2:22 Invalid legacy index "0.1"
x = aws_instance.web.0.1.id
