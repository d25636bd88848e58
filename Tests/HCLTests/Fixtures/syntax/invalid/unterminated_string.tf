# error: 2:22 Unterminated string
description = "no end
other = 1
