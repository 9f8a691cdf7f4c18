# Sourced by .ci/run and ./agentry: exports JAVA_HOME pointing at a JDK >= 21, and JAVA_MAJOR (its feature version).
# Keeps JAVA_HOME when it is new enough, else picks the newest JDK under /usr/lib/jvm.
java_major() {
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  echo "${v%%.*}"
}
JAVA_MAJOR=0
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA_MAJOR=$(java_major "$JAVA_HOME")
if [ "${JAVA_MAJOR:-0}" -lt 21 ]; then
  best="" best_major=0
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir")
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best=$dir best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "error: no JDK >= 21 found: set JAVA_HOME to one (Agentry builds with release 21)" >&2
    exit 1
  fi
  export JAVA_HOME=$best
  JAVA_MAJOR=$best_major
fi
export JAVA_MAJOR
export PATH="$JAVA_HOME/bin:$PATH"
