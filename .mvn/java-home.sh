# Sourced (POSIX sh) by ./mvnw and deploy/local/lib.sh: the JDK that Custodian builds and runs on, Java 25 or later
# (docs/decisions/0021-java-25.md). JAVA_HOME wins when it names one; otherwise the first JDK 25+ found among java on
# PATH, /usr/lib/jvm (Debian, Ubuntu, Fedora), macOS's JavaVirtualMachines and SDKMAN's candidates is exported as
# JAVA_HOME. When none is found, JAVA_HOME is left as it was, and the build says which version it needs.

CUSTODIAN_JAVA_FEATURE=25 # the oldest Java that builds and runs Custodian (pom.xml's maven.compiler.release)

custodian_java_feature() { # the feature release (17, 25, ...) of the JDK at $1, from its release file; empty if none
  [ -r "$1/release" ] && [ -x "$1/bin/java" ] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
}

custodian_java_home() { # prints the first JDK 25+ home among JAVA_HOME, PATH's java and the usual places
  custodian_found=
  case $- in *f*) custodian_noglob=true ;; *) custodian_noglob=false ;; esac
  set +f
  custodian_on_path=$(command -v java 2>/dev/null || true)
  if [ -n "$custodian_on_path" ]; then
    custodian_on_path=$(dirname "$(dirname "$(readlink -f "$custodian_on_path" 2>/dev/null || echo "$custodian_on_path")")")
  fi
  for custodian_home in "${JAVA_HOME-}" "$custodian_on_path" /usr/lib/jvm/* \
    /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$custodian_home" ] || continue
    custodian_feature=$(custodian_java_feature "$custodian_home")
    if [ -n "$custodian_feature" ] && [ "$custodian_feature" -ge "$CUSTODIAN_JAVA_FEATURE" ]; then
      custodian_found=$custodian_home
      break
    fi
  done
  if $custodian_noglob; then set -f; fi
  [ -n "$custodian_found" ] && printf '%s\n' "$custodian_found"
  return 0
}

custodian_jdk=$(custodian_java_home)
if [ -n "$custodian_jdk" ]; then
  JAVA_HOME=$custodian_jdk
  export JAVA_HOME
fi
unset custodian_jdk
