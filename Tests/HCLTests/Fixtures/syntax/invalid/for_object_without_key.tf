# error: 2:26 An object for expression needs a key
x = {for v in var.list : v}
