from_file = "file"
from_cli  = "file"
