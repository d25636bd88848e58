#!/bin/sh
echo "node ${index} in ${env}"
%{ if env == "prod" ~}
enable-monitoring
%{ endif ~}
