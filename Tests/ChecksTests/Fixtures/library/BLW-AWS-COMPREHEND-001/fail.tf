# Fails: no customer managed key, so AWS uses a key it owns.

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
}
