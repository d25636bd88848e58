# error: 2:9 Unexpected %{endif}
x = "yes%{ endif }"
