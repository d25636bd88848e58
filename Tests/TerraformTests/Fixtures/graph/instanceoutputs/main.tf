module "store" {
  source   = "./store"
  for_each = toset(["logs", "data"])
  name     = each.key
}

# Reads one instance's output: the edge must lead to that instance's resource, not to every instance's.
resource "terraform_data" "reader" {
  input = module.store["logs"].id
}
