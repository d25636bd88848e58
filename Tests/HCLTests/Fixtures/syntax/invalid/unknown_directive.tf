# error: 2:9 Unknown template directive "iff"
x = "%{ iff var.a }yes%{ endif }"
