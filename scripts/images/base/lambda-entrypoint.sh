#!/bin/sh
# Stand-in for the AWS Lambda base image's /lambda-entrypoint.sh: the handler is the one
# argument (the image's CMD), the runtime client is started through /var/runtime/bootstrap.
if [ $# -ne 1 ]; then
  echo "entrypoint requires the handler name to be the first argument" 1>&2
  exit 142
fi
export _HANDLER="$1"
if [ -z "${AWS_LAMBDA_RUNTIME_API:-}" ]; then
  echo "stand-in base image: no Runtime Interface Emulator inside; set AWS_LAMBDA_RUNTIME_API" 1>&2
  exit 1
fi
exec /var/runtime/bootstrap
