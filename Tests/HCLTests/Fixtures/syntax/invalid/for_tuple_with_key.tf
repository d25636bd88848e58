# error: 2:26 A tuple for expression cannot have a key
x = [for k, v in var.m : k => v]
