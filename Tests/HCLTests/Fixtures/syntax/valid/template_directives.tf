locals {
  greeting = "Hello, %{ if var.name != "" }${var.name}%{ else }stranger%{ endif }!"
  list     = "%{ for i, s in var.items }${i}:${s};%{ endfor }"
  stripped = "a   ${~ var.x ~}   b"
  nested   = "%{ for x in var.xs }%{ if x.enabled }[${x.name}]%{ endif }%{ endfor }"
  config   = <<EOT
%{ for host in var.hosts ~}
server ${host.name} ${host.ip}:${host.port}
%{ endfor ~}
%{~ if var.debug ~}
debug = true
%{~ endif ~}
EOT
}
