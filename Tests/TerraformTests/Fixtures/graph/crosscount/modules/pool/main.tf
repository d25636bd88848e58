variable "size" {
  type = number
}

variable "tag" {
  type = string
}

resource "terraform_data" "node" {
  count = var.size
  input = "${var.tag}-${count.index}"
}

output "names" {
  value = terraform_data.node[*].input
}
