# Fails: no customer managed key, so AWS uses a key it owns.

resource "aws_appflow_flow" "this" {
  name = "crm-export"

  source_flow_config {
    connector_type = "S3"
    source_connector_properties {
      s3 {
        bucket_name   = "acme-crm"
        bucket_prefix = "in"
      }
    }
  }

  destination_flow_config {
    connector_type = "S3"
    destination_connector_properties {
      s3 {
        bucket_name = "acme-crm-out"
      }
    }
  }

  task {
    source_fields     = ["id"]
    task_type         = "Map"
    destination_field = "id"
    connector_operator {
      s3 = "NO_OP"
    }
  }

  trigger_config {
    trigger_type = "OnDemand"
  }
}
