#!/usr/bin/env bash
# The Direct Line load test of issue 7, in one command: builds Release, makes sure the bench's peers corpus and index
# of N articles exist (building them on first use), starts the server on them with the rate limits raised, runs
# `chatbot bench` against it (50 conversations x 4 distinct questions by default; extra flags pass through, e.g.
# --transport polling, --rounds is not used here), prints the server's peak RSS and CPU per ask, and stops the server.
#
#   scripts/load-test.sh [N] [bench flags...]        e.g.  scripts/load-test.sh 10000 --conversations 50
#
# Environment: PORT (default 3990), WORK (default data/bench, the bench's work folder), SERVER_READYTORUN (default 0:
# the server JIT-compiles the framework's code for this machine instead of running its precompiled ReadyToRun code,
# as CONFIGURATION.md explains; 1 runs it as `dotnet run` does), PEERS_DATA (default /tmp/peers-data, where the peers
# harness left its question sets: the warm-up asks their non-OR questions), CLIENT_TIERED (default 0: the load client
# compiles each method optimised once, as the server does, so its own tier-up JIT does not take the shared cores from
# the server during the timed run; 1 sets DOTNET_TieredCompilation=1, tiers on but still with the CLI's runtimeconfig,
# which turns off TieredPGO and QuickJitForLoops, so not the runtime's default tiers either. The default of 0 rests on
# the client's own CPU, 1.4-1.5 s per 1000 asks against 1.9-2.4 s with tiers (below), not on measured asks/s).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
shift || true
PORT=${PORT:-3990}
WORK=${WORK:-$PWD/data/bench}
CLI=(dotnet src/ChatBot.Cli/bin/Release/net10.0/chatbot.dll)
# The load client: the CLI without tiers. Its tier-up JIT (HTTP, WebSocket and JSON code rejitted as it gets hot) ran
# inside the timed window on the two cores the server needs: 40 % of the client's samples in a perf profile; a client
# run of 1000 asks took 1.4-1.5 s of CPU without tiers against 1.9-2.4 s with them (3 pairs, 2026-11-22).
CLIENT=(env DOTNET_TieredCompilation="${CLIENT_TIERED:-0}" dotnet src/ChatBot.Cli/bin/Release/net10.0/chatbot.dll)

dotnet build -c Release -nologo -v q src/ChatBot.Cli >/dev/null
dotnet build -c Release -nologo -v q src/ChatBot.Server >/dev/null
if [ ! -f "$WORK/corpus-peers-$N/sources.yaml" ]; then
  echo "load-test.sh: cutting the bench's $N-article peers corpus and building its index first"
  "${CLI[@]}" bench --articles "$N" --corpus-kind peers --skip claims,retrieval,ask,server --work "$WORK" >/dev/null
fi

export CHATBOT_Corpus__Directory="$WORK/corpus-peers-$N" CHATBOT_Index__Path="$WORK/index-peers-$N/chatbot.db"
"${CLI[@]}" index >/dev/null   # brings the index up to date (a no-op when it is)
CHATBOT_RateLimits__ConversationStartsPerWindow=100000 CHATBOT_RateLimits__TokensPerWindow=100000 \
CHATBOT_RateLimits__AskPerWindow=100000 CHATBOT_Logging__LogLevel__Default=Warning DOTNET_ReadyToRun=${SERVER_READYTORUN:-0} \
  dotnet src/ChatBot.Server/bin/Release/net10.0/ChatBot.Server.dll --contentRoot "$PWD/src/ChatBot.Server" --urls "http://127.0.0.1:$PORT" >/tmp/load-test-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "load-test.sh: the server exited; see /tmp/load-test-server.log" >&2; exit 2; }
  sleep 1
done

# A short untimed run first, so the measured one finds the server's code compiled (its JIT work would otherwise be
# billed to the first few hundred answers). Its questions are the peers' other query set, not the measured OR set.
awk -F'\t' 'NF >= 3 && $2 != "or" { print $3 }' "${PEERS_DATA:-/tmp/peers-data}/queries-c42-q7.tsv" > "$WORK/warm-up-questions.txt"
"${CLIENT[@]}" bench --articles "$N" --corpus-kind peers --skip index,claims,retrieval,ask --work "$WORK" --server "http://127.0.0.1:$PORT" \
  --conversations 20 --asks 10 --queries "$WORK/warm-up-questions.txt" >/dev/null

cpu() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
before=$(cpu)
"${CLIENT[@]}" bench --articles "$N" --corpus-kind peers --skip index,claims,retrieval,ask --work "$WORK" --server "http://127.0.0.1:$PORT" "$@" | tee /tmp/load-test-bench.out
after=$(cpu)
asked=$(awk -F'|' '/^\| ([Ww]eb[Ss]ocket|[Pp]olling) \|/ {print $4; exit}' /tmp/load-test-bench.out | tr -d ' ')
hz=$(getconf CLK_TCK)
echo
echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$SERVER/status")"
if [ -n "$asked" ] && [ "$asked" -gt 0 ]; then
  echo "server CPU per ask: $(awk -v a="$after" -v b="$before" -v n="$asked" -v hz="$hz" 'BEGIN {printf "%.1f ms", (a - b) * 1000 / hz / n}')"
fi
