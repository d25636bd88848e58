# Passes: encrypted with a customer managed key.

resource "aws_kms_key" "this" {
  description         = "data key"
  enable_key_rotation = true
}

resource "aws_comprehend_entity_recognizer" "this" {
  name                 = "orders"
  data_access_role_arn = "arn:aws:iam::111122223333:role/comprehend"
  language_code        = "en"

  input_data_config {
    entity_types {
      type = "ORDER_ID"
    }
    documents {
      s3_uri = "s3://acme-comprehend/documents.txt"
    }
    entity_list {
      s3_uri = "s3://acme-comprehend/entities.csv"
    }
  }
  model_kms_key_id = aws_kms_key.this.arn
}
