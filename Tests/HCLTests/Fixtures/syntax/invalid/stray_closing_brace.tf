# error: 3:1 Unexpected "}"
a = 1
}
