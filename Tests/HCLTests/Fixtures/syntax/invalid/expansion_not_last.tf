# error: 2:20 Expected ")" right after the expanded final argument
x = max(var.list..., 1)
