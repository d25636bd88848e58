variable "name" {
  type = string
}

resource "terraform_data" "job" {
  count = 1
  input = var.name
}

resource "terraform_data" "after_job" {
  input = terraform_data.job[0].id
}

output "job_id" {
  value = terraform_data.job[0].id
}
