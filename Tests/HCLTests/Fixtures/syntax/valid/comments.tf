# A hash comment.
// A double-slash comment.
/* A block comment
   spanning several lines. */

variable "name" { # trailing hash comment
  type    = string // trailing slash comment
  default = /* inline */ "bulwark"
  /* comment before an argument */ description = "The name"
}

locals {
  list = [
    1, # one
    2, // two
    /* three */ 3,
  ]
}
