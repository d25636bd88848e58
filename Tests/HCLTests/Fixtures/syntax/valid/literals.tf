locals {
  whole        = 5
  fraction     = 3.25
  big          = 1e10
  small        = 1.5E-3
  signed_exp   = 2e+2
  precise      = 3.14159265358979323846264338327950288419716939937510582097494459
  negative     = -42
  yes          = true
  no           = false
  nothing      = null
  legacy_float = 1.e5
}
