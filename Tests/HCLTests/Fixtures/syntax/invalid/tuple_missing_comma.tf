# error: 2:17 Expected "," or "]" after a tuple element
ports = [22, 80 443]
