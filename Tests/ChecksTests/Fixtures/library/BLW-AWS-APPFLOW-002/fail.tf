# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_appflow_connector_profile" "this" {
  name            = "warehouse"
  connector_type  = "Redshift"
  connection_mode = "Public"

  connector_profile_config {
    connector_profile_credentials {
      redshift {
        username = "appflow"
        password = var.redshift_password
      }
    }
    connector_profile_properties {
      redshift {
        bucket_name  = "acme-appflow"
        database_url = "jdbc:redshift://warehouse.example.eu-west-1.redshift.amazonaws.com:5439/dev"
        role_arn     = "arn:aws:iam::111122223333:role/appflow"
      }
    }
  }
}

variable "redshift_password" {
  type      = string
  sensitive = true
}
