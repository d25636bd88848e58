# error: 2:24 Grouping ("...") is only allowed in an object for expression
x = [for v in var.l : v...]
