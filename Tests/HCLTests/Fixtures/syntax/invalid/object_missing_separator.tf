# error: 2:18 Expected a newline or "," after the object item
tags = { a = "1" b = "2" }
