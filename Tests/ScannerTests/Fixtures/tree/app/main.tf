variable "versioned" {
  type = bool
}

resource "aws_s3_bucket" "data" {
  bucket = "app-data"
  versioning {
    enabled = var.versioned
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "aws:kms"
      }
    }
  }
}

resource "azurerm_storage_account" "files" {
  name                       = "files"
  https_traffic_only_enabled = false
}

module "store" {
  source = "./modules/store"
  name   = "app-store"
}
