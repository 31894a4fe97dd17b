#!/usr/bin/env bash
# Instructions of one whole `kg query` process and of the KGQL lexer's and
# parser's static ATN set-up inside it, counted by callgrind: the part of a
# cold query (and of every shell start) that does not depend on the store.
# Independent of the machine's load, so two builds compare on a shared box.
#
# usage: bench/startup_instructions.sh BUILD_DIR STORE_DIR [QUERY]
#   e.g. bench/startup_instructions.sh /work/main/build /tmp/q-1m
set -euo pipefail
build=$1; store=$2
query=${3:-"FIND ?p ?o WHERE <http://example.org/kg/org/0> ?p ?o"}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

valgrind --tool=callgrind --callgrind-out-file="$work/out" \
  "$build/kg" query --db "$store" --format csv "$query" >/dev/null 2>&1
callgrind_annotate --inclusive=yes "$work/out" | awk '
  function count(s) { gsub(",", "", s); return s }
  /PROGRAM TOTALS/ && !total { total = count($1) }
  /KGQLLexer::Initializer::Initializer\(\)/ && !lexer { lexer = count($1) }
  /KGQLParser::Initializer::Initializer\(\)/ && !parser { parser = count($1) }
  END { printf "process %d instructions; static set-up: lexer %d, parser %d\n", total, lexer, parser }'
