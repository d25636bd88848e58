locals {
  arithmetic  = 1 + 2 * 3 - 4 / 2 % 3
  grouped     = (1 + 2) * 3
  comparison  = var.a >= 1 && var.b < 10 || !var.c
  equality    = var.x == "a" != false
  unary       = -var.n + -1
  not_attr    = !var.flags.enabled
  conditional = var.enabled ? "on" : "off"
  chained     = var.a ? 1 : var.b ? 2 : 3
  in_parens = (
    var.long_condition
    ? "yes"
    : "no"
  )
  dashed-name = var.some-name - 1
}
