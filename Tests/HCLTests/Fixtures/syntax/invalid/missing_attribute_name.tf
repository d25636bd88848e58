# error: 2:7 Expected an attribute name after ".", found newline
x = a.
