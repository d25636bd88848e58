# error: 2:19 Expected ":" and a false result in the conditional expression
x = var.a ? "yes" "no"
