# error: 3:1 Expected ")" to close the parenthesis, found "y"
x = (1 + 2
y = 3
