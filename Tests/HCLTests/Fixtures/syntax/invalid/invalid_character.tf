# error: 2:13 Expected a newline after the value of "enabled", found invalid character "&"
enabled = a & b
