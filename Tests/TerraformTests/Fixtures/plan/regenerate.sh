#!/bin/sh
# Regenerates the real plan/state JSON fixtures from the .tf sources beside this script.
# Needs only the terraform CLI (>= 1.4): terraform_data is built in, so no provider download.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -R "$here/terraform-data/." "$work/"
rm -f "$work"/*.json
cd "$work"
terraform init -input=false -no-color >/dev/null
terraform plan -input=false -no-color -out=plan.out >/dev/null
terraform show -json plan.out > "$here/terraform-data/plan.json"
terraform apply -input=false -no-color -auto-approve plan.out >/dev/null
cp terraform.tfstate "$here/../state/terraform-data.tfstate.json"
# The `terraform show -json` form of the same state (format_version 1.0, `values` instead of `planned_values`).
terraform show -json > "$here/../state/terraform-data.show.json"
# A second plan against the applied state: no-op and update actions.
sed -i 's/seed-value/seed-value-2/' main.tf
terraform plan -input=false -no-color -out=plan2.out >/dev/null
terraform show -json plan2.out > "$here/terraform-data/plan-update.json"
