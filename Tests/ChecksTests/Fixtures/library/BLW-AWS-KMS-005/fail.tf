# Fails: the key is scheduled for deletion.
resource "aws_kms_key" "old" {
  description = "old"
  key_state   = "PendingDeletion"
}
