# error: 2:16 Expected "}" to end the interpolation
name = "${var.x"
