locals {
  empty_tuple  = []
  empty_object = {}
  tuple        = [1, "two", true, null, [3, 4], { five = 5 }]
  multi_line = [
    "a",
    "b",
  ]
  object_colon = { "key one": 1, key_two: 2 }
  object_lines = {
    name    = "x"
    "quoted" = "y"
    (var.dynamic_key) = "z"
    "${var.prefix}-suffix" = "w"
  }
  object_commas = {
    a = 1,
    b = 2,
  }
  nested = {
    inner = {
      list = [{ x = 1 }, { x = 2 }]
    }
  }
}
