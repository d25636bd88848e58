#!/usr/bin/env python3
"""Writes a large synthetic Terraform tree for the parser/loader benchmark.

Layout: STACKS root modules under stacks/, each calling shared local modules under modules/.
Every file mixes the forms real configurations use: variables with object types, locals, for_each,
count, dynamic blocks, heredocs, templates, functions and module calls. Deterministic for a given seed.
"""
import os
import random
import sys

STACKS = 100
FILES_PER_STACK = 18
MODULES = 10
FILES_PER_MODULE = 20


def variables_file(r, n):
    out = []
    for i in range(n):
        out.append(f'''variable "setting_{i}" {{
  description = "Setting {i} for the stack"
  type = object({{
    enabled = bool
    size    = optional(number, {r.randint(1, 64)})
    labels  = optional(map(string), {{}})
  }})
  default = {{
    enabled = {str(r.random() > 0.3).lower()}
  }}
}}
''')
    return "\n".join(out)


def bucket_block(r, name):
    return f'''resource "aws_s3_bucket" "{name}" {{
  for_each = toset([for i in range({r.randint(2, 5)}) : "part-${{i}}"])
  bucket   = "${{local.prefix}}-{name}-${{each.key}}"
  tags = merge(local.tags, {{
    Component = "{name}"
    Index     = each.key
  }})
}}

resource "aws_s3_bucket_public_access_block" "{name}" {{
  for_each                = aws_s3_bucket.{name}
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = {str(r.random() > 0.2).lower()}
  ignore_public_acls      = true
  restrict_public_buckets = true
}}
'''


def sg_block(r, name):
    ports = ", ".join(str(r.choice([22, 80, 443, 3389, 5432, 8080])) for _ in range(r.randint(2, 5)))
    return f'''resource "aws_security_group" "{name}" {{
  name        = "${{local.prefix}}-{name}"
  description = <<-EOT
    Security group {name}.
    Managed by the platform team; ports: ${{join(", ", [for p in local.ports_{name} : tostring(p)])}}
  EOT

  dynamic "ingress" {{
    for_each = local.ports_{name}
    content {{
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ingress.value == 443 ? ["0.0.0.0/0"] : [cidrsubnet("10.0.0.0/8", 8, {r.randint(0, 255)})]
    }}
  }}

  egress {{
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }}
}}

locals {{
  ports_{name} = [{ports}]
}}
'''


def instance_block(r, name):
    return f'''resource "aws_instance" "{name}" {{
  count         = {r.randint(1, 4)}
  ami           = "ami-{r.getrandbits(32):08x}"
  instance_type = count.index == 0 ? "t3.large" : "t3.micro"
  user_data     = <<EOT
#!/bin/bash
echo "instance ${{count.index}} of {name}"
%{{ for port in local.ports_{name}_app ~}}
open-port ${{port}}
%{{ endfor ~}}
EOT

  metadata_options {{
    http_endpoint = "enabled"
    http_tokens   = {'"required"' if r.random() > 0.3 else '"optional"'}
  }}

  root_block_device {{
    encrypted   = {str(r.random() > 0.2).lower()}
    volume_size = max(20, {r.randint(8, 100)})
  }}

  tags = merge(local.tags, {{ Name = format("%s-{name}-%02d", local.prefix, count.index) }})
}}

locals {{
  ports_{name}_app = [for p in [80, 443, {r.randint(1024, 9000)}] : p if p != 80]
}}
'''


def misc_block(r, name):
    return f'''data "aws_iam_policy_document" "{name}" {{
  statement {{
    sid       = "Allow{name.title().replace("_", "")}"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["arn:aws:s3:::${{local.prefix}}-{name}/*"]
    condition {{
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }}
  }}
}}

resource "aws_iam_policy" "{name}" {{
  name   = "${{local.prefix}}-{name}"
  policy = data.aws_iam_policy_document.{name}.json
}}

resource "aws_kms_key" "{name}" {{
  description             = "Key for {name}"
  deletion_window_in_days = {r.randint(7, 30)}
  enable_key_rotation     = {str(r.random() > 0.25).lower()}
  policy = jsonencode({{
    Version = "2012-10-17"
    Statement = [{{
      Effect    = "Allow"
      Principal = {{ AWS = "arn:aws:iam::123456789012:root" }}
      Action    = "kms:*"
      Resource  = "*"
    }}]
  }})
}}
'''


GENERATORS = [bucket_block, sg_block, instance_block, misc_block]


def body_file(r, prefix, count):
    return "\n".join(GENERATORS[i % len(GENERATORS)](r, f"{prefix}_{i}") for i in range(count))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "bench/out/tree"
    r = random.Random(20261124)
    for m in range(MODULES):
        d = f"{root}/modules/mod{m:02d}"
        write(f"{d}/variables.tf", variables_file(r, 4) + '''
variable "prefix" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
''')
        write(f"{d}/locals.tf", '''locals {
  prefix = var.prefix
  tags   = merge(var.tags, { Module = "%s" })
}

output "prefix" {
  value = local.prefix
}
''' % f"mod{m:02d}")
        for f in range(FILES_PER_MODULE - 2):
            write(f"{d}/part{f:02d}.tf", body_file(r, f"m{m}p{f}", 4))
    for s in range(STACKS):
        d = f"{root}/stacks/stack{s:03d}"
        mods = r.sample(range(MODULES), 2)
        calls = "\n".join(f'''module "mod{m:02d}" {{
  source = "../../modules/mod{m:02d}"
  prefix = "${{local.prefix}}-m{m}"
  tags   = local.tags
}}
''' for m in mods)
        write(f"{d}/main.tf", f'''locals {{
  prefix = "stack{s:03d}-${{var.environment}}"
  tags = {{
    Stack       = "stack{s:03d}"
    Environment = var.environment
  }}
}}

variable "environment" {{
  type    = string
  default = "{r.choice(["dev", "staging", "prod"])}"
}}

{calls}''')
        write(f"{d}/variables.tf", variables_file(r, 6))
        for f in range(FILES_PER_STACK - 2):
            write(f"{d}/part{f:02d}.tf", body_file(r, f"s{s}p{f}", 4))
    files = lines = 0
    for dirpath, _, names in os.walk(root):
        for n in names:
            if n.endswith(".tf"):
                files += 1
                with open(os.path.join(dirpath, n)) as fh:
                    lines += sum(1 for _ in fh)
    print(f"gen_tree: {files} files, {lines} lines under {root}")


if __name__ == "__main__":
    main()
