# FAILS: alert notifications are switched off.

resource "azurerm_security_center_contact" "secops" {
  name                = "secops"
  email               = "secops@example.com"
  phone               = "+31201234567"
  alert_notifications = false
  alerts_to_admins    = true
}
