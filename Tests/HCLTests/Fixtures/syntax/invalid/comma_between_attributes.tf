# error: 2:21 Unexpected ","
region = "us-east-1", profile = "default"
