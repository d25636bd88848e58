# Built-in terraform_data only, so `terraform plan` works offline.
resource "terraform_data" "seed" {
  input = "seed-value"
}

# `id` of seed is only known after apply: this input shows up in after_unknown.
resource "terraform_data" "consumer" {
  input = {
    seed_id = terraform_data.seed.id
    label   = "consumer"
  }
  triggers_replace = [terraform_data.seed.output]
}

resource "terraform_data" "counted" {
  count = 2
  input = "counted-${count.index}"
}

resource "terraform_data" "keyed" {
  for_each = toset(["alpha", "beta"])
  input    = "keyed-${each.key}"
}

module "worker" {
  source = "./modules/worker"
  name   = terraform_data.seed.output
}

module "workers" {
  source   = "./modules/worker"
  for_each = { a = "one" }
  name     = each.value
}

output "seed_id" {
  value = terraform_data.seed.id
}

output "secret" {
  value     = "hunter2"
  sensitive = true
}
