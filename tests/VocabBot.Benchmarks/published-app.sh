#!/usr/bin/env bash
# The published app as a user starts it (`dotnet VocabBot.dll console`) over the generated corpus of
# 1,000 articles: the time from process start to exit for a cold start (new database) and a warm one,
# each answering only /quit, then peak resident memory (the kernel's high-water mark, via GNU time)
# for a cold and a warm start that answer 2,000 /define and 100 /quiz 20 from commands.txt.
# Run from the repository root: bash tests/VocabBot.Benchmarks/published-app.sh [repeats]
set -euo pipefail
repeats=${1:-3}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dotnet publish src/VocabBot -c Release -o "$root/app" -v q -nologo >/dev/null
dotnet run -c Release --project tests/VocabBot.Benchmarks -- corpus "$root" >/dev/null

run() { # label, input file, fresh database?
    [ "$3" = new ] && rm -f "$root"/vocabbot*.db
    Content__Directory="$root/content" Content__Watch=false Storage__DatabasePath="$root/vocabbot.db" \
        /usr/bin/time -f "$1: %e s, peak RSS %M KB" -o "$root/time.txt" dotnet "$root/app/VocabBot.dll" console <"$2" >"$root/out.txt" 2>"$root/log.txt"
    cat "$root/time.txt"
}

echo /quit >"$root/quit.txt"
for i in $(seq "$repeats"); do
    run "start, cold import, /quit" "$root/quit.txt" new
    run "start, warm, /quit" "$root/quit.txt" keep
    run "cold import + 2,000 /define + 100 /quiz" "$root/commands.txt" new
    run "warm start + 2,000 /define + 100 /quiz" "$root/commands.txt" keep
done
echo "last reply: $(grep -c '^Question 1/' "$root/out.txt") quizzes started, $(grep -c '^== ' "$root/out.txt") definitions shown"
