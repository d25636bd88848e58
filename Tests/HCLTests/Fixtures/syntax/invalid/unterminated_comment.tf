# error: 3:1 Unterminated comment
a = 1
/* this comment never ends
b = 2
