# error: 2:1 Expected an attribute or block definition, found a quoted string
"name" = "x"
