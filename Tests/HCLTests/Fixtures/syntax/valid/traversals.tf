locals {
  attribute    = aws_instance.web.private_ip
  index        = var.subnets[0]
  key          = var.tags["Name"]
  computed     = var.map[var.key].value
  legacy       = aws_instance.web.0.id
  legacy_attr  = var.list.1
  full_splat   = aws_instance.web[*].id
  full_deep    = var.groups[*].members[0].name
  attr_splat   = aws_instance.web.*.id
  attr_then_ix = aws_instance.web.*.id[0]
  splat_nested = var.a[*].b[*].c
  call_index   = split(",", var.csv)[1]
  multi = var.matrix[
    1
  ][2]
}
