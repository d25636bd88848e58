locals {
  plain     = "hello"
  escapes   = "tab\there\nnewline \"quoted\" back\\slash \r"
  unicode   = "caf\u00e9 \U0001F600 ЖЖ 👩‍👩‍👧‍👦"
  literal   = "$${not_interpolated} %%{not_a_directive}"
  money     = "costs $5 or 100% of $$"
  empty     = ""
  url       = "https://example.com/path?query=1#frag"
}
