#!/usr/bin/env bash
# Runs the whole test suite, starting what it needs.
#   RabbitMQ: RABBITMQ_URI if set; else Testcontainers where a Docker engine answers; else a local
#             rabbitmq-server (installed from Debian's packages when missing, started when not running).
#   MongoDB:  MONGODB_URI if set; else Testcontainers where Docker answers; else the Mongo-backed
#             tests are skipped, saying so (the same contract tests run against SQLite).
# Extra arguments go to `dotnet test`, e.g. ./test.sh --filter EndToEnd
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n==> %s\n' "$*"; }

docker_answers() { command -v docker >/dev/null 2>&1 && timeout 10 docker info >/dev/null 2>&1; }

start_local_rabbitmq() {
  if ! command -v rabbitmq-server >/dev/null 2>&1; then
    step "Installing rabbitmq-server from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq rabbitmq-server >/dev/null
  fi
  # The management API lets each test create and delete its own virtual host.
  rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
  if ! rabbitmq-diagnostics -q check_running >/dev/null 2>&1; then
    step "Starting rabbitmq-server"
    rabbitmq-server -detached >/dev/null 2>&1 || true
    for _ in $(seq 1 90); do
      if rabbitmq-diagnostics -q check_running >/dev/null 2>&1 \
         && rabbitmq-diagnostics -q check_port_listener 15672 >/dev/null 2>&1; then
        break
      fi
      sleep 1
    done
  fi
  rabbitmq-diagnostics -q check_running >/dev/null || { echo "rabbitmq-server did not start" >&2; exit 1; }
  export RABBITMQ_URI="amqp://guest:guest@localhost:5672/"
  export RABBITMQ_MANAGEMENT_URI="http://guest:guest@localhost:15672/"
}

if [ -n "${RABBITMQ_URI:-}" ]; then
  step "RabbitMQ: RABBITMQ_URI"
elif docker_answers; then
  step "RabbitMQ: Testcontainers (a Docker engine answers)"
else
  start_local_rabbitmq
  step "RabbitMQ: local rabbitmq-server at $RABBITMQ_URI"
fi

# The dashboard's browser test drives Debian's chromium (Playwright with its executable path; no browser download).
if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1; then
  step "chromium: ${CHROMIUM_PATH:-$(command -v chromium)}"
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  step "Installing chromium from Debian's packages (the dashboard's browser test)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
else
  step "chromium: not installed and cannot be here (no apt-get as root): the dashboard's browser test is SKIPPED"
fi

if [ -n "${MONGODB_URI:-}" ]; then
  step "MongoDB: MONGODB_URI"
elif docker_answers; then
  step "MongoDB: Testcontainers (a Docker engine answers)"
else
  step "MongoDB: none reachable (no MONGODB_URI, no Docker engine): the Mongo-backed tests are SKIPPED; SQLite runs the same contract tests"
fi

step "dotnet test"
results="$(mktemp -d)"
status=0
dotnet test Microservices.sln --logger "trx" --results-directory "$results" "$@" || status=$?

if ls TestResults/dashboard/*.png >/dev/null 2>&1; then
  echo "The dashboard's screenshots (browser test): TestResults/dashboard/"
fi

# One closing line over every test project, from the TRX reports.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
reasons = set()
for path in glob.glob(sys.argv[1] + "/*.trx"):
    for r in ET.parse(path).getroot().iter("{%s}UnitTestResult" % ns["t"]):
        outcome = r.get("outcome")
        if outcome == "Passed":
            passed += 1
        elif outcome == "NotExecuted":
            skipped += 1
            text = r.find("t:Output/t:ErrorInfo/t:Message", ns)
            if text is not None and text.text:
                reasons.add(text.text.strip()[:240])
        else:
            failed += 1
for reason in sorted(r for r in reasons if r):
    print("skipped because: " + reason)
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit "$status"
