# error: 2:16 Invalid escape sequence "\q"
path = "C:\temp\query"
