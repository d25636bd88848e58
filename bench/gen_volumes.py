"""Writes COUNT `aws_ebs_volume` resources (each a finding `fix` can repair) into DIR: one main.tf, or files of
PER_FILE resources each when PER_FILE (third argument) is non-zero. Shared by the fix benchmarks."""
import os
import sys

count, directory = int(sys.argv[1]), sys.argv[2]
per_file = (int(sys.argv[3]) if len(sys.argv) > 3 else 0) or count
os.makedirs(directory, exist_ok=True)
for start in range(0, count, per_file):
    name = "main.tf" if per_file >= count else f"volumes_{start // per_file:05d}.tf"
    with open(os.path.join(directory, name), "w") as out:
        for i in range(start, min(count, start + per_file)):
            out.write(f'# volume {i}\nresource "aws_ebs_volume" "v{i}" {{\n'
                      f'  availability_zone = "us-east-1a"\n  size              = 10\n}}\n\n')
