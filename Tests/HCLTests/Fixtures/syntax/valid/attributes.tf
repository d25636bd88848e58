# Top-level arguments as found in .tfvars files.
region          = "eu-west-1"
instance_count  = 3
enable_logging  = true
retention_days  = null
allowed_ports   = [22, 443, 8080]
owner_tags      = { team = "platform", cost_center = "1234" }
