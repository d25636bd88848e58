# error: 2:18 Expected a newline after the closing brace of block "locals"
locals { a = 1 } b = 2
