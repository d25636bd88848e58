# FAILS: subscription owners are not notified.

resource "azurerm_security_center_contact" "secops" {
  name                = "secops"
  email               = "secops@example.com"
  phone               = "+31201234567"
  alert_notifications = true
  alerts_to_admins    = false
}
