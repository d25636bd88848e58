# error: 2:13 A splat expression ("*") cannot be nested
x = var.a.*.*.b
