#!/usr/bin/env bash
# Regenerates the expected call summaries of Tests/Fixtures/transcripts after a deliberate change
# to the knowledge or the audit. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build
folder=Tests/Fixtures/transcripts
for file in "$folder"/*.txt "$folder"/*.jsonl "$folder"/*.vtt; do
  name=$(basename "$file")
  .build/debug/kesu analyze --json "$file" | grep '^{"summary"' > "$folder/expected/$name.json" || true
done
git diff --stat -- "$folder/expected"
