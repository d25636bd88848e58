# error: 2:16 Expected an expression, found newline
total = 1 + 2 +
