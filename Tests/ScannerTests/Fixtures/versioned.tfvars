versioned = true
