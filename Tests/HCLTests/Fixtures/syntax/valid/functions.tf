locals {
  merged   = merge(var.a, var.b, { extra = true })
  joined   = join(",", concat(var.list_a, var.list_b,))
  biggest  = max(var.numbers...)
  spread   = format("%s-%s", var.parts...)
  nothing  = timestamp()
  lines = coalesce(
    var.first,
    var.second,
    "default"
  )
  arn      = provider::aws::arn_parse(var.arn).account_id
  nested   = lower(replace(trimspace(var.s), "/[^a-z]/", "-"))
}
