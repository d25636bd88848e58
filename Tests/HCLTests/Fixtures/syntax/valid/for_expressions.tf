locals {
  upper_names = [for s in var.names : upper(s)]
  indexed     = [for i, s in var.names : "${i}=${s}" if i > 0]
  by_id       = { for inst in var.instances : inst.id => inst }
  filtered    = { for k, v in var.map : k => v if v != null }
  grouped     = { for u in var.users : u.role => u.name... }
  multi_line = {
    for k, v in var.settings :
    k => {
      value   = v
      enabled = true
    }
    if v != ""
  }
  nested = [for xs in var.matrix : [for x in xs : x * 2]]
}
