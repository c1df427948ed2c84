#!/usr/bin/env node
// Placeholder until the harness lands: see README.
console.log('lambda-otel-kit demo: the harness is being built; run `bash scripts/test.sh`.');
