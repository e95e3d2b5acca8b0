#!/usr/bin/env bash
# `npm run scan`: run the real scanners on cdktf.out with the suppression files the
# guardrails generated. Not a test dependency: for users' CI, where the scanners exist.
# Exit 0 clean, 1 a scanner found something, 2 nothing to scan, 3 no scanner installed
# (so CI never goes green on nothing; `npm run scan -- --allow-none` accepts that).
set -uo pipefail
out="${CDKTF_OUTDIR:-cdktf.out}"
allow_none=0
for arg in "$@"; do
  case "$arg" in
    --allow-none) allow_none=1 ;;
    *) echo "scan: unknown argument $arg (only --allow-none)" >&2; exit 2 ;;
  esac
done
if [ ! -d "$out/stacks" ]; then
  echo "scan: no $out/stacks; run 'npm run synth' first" >&2
  exit 2
fi
status=0
ran=0
if command -v checkov >/dev/null 2>&1; then
  ran=1
  echo "== checkov (terraform_json, skips from $out/.checkov.yaml)"
  checkov -d "$out" --framework terraform_json --config-file "$out/.checkov.yaml" --compact --quiet || status=1
else
  echo "checkov not installed: pip install checkov==3.3.13 (Python 3.9+; the version the guardrails were measured against, README 'Agreement with the scanners'), then rerun npm run scan"
fi
if command -v trivy >/dev/null 2>&1; then
  ran=1
  echo "== trivy config (ignores from $out/.trivyignore.yaml)"
  trivy config --exit-code 1 --skip-dirs "**/.terraform" --ignorefile "$out/.trivyignore.yaml" "$out" || status=1
else
  echo "trivy not installed: trivy 0.61 or later (https://trivy.dev; in GitHub Actions aquasecurity/trivy-action), which fetches the trivy-checks bundle (measured at v2.2.0), then rerun npm run scan"
fi
if [ "$ran" -eq 0 ]; then
  echo "scan: no scanner ran; the guardrails already checked these stacks at synth (see guardrails.md per stack)" >&2
  [ "$allow_none" -eq 1 ] && exit 0
  echo "scan: failing because nothing was scanned; install a scanner, or pass --allow-none to accept the guardrails alone" >&2
  exit 3
fi
exit "$status"
