# error: 2:11 Invalid number literal "1.2.3"
version = 1.2.3
