# Sourced by the size benches: `sizes LABEL_PREFIX_TO_DROP FILE…` prints each file raw, gzip -9
# and brotli -q 11, then the totals, and leaves the brotli total in $total_br.
sizes() {
  local drop=$1 f raw gz br total_raw=0 total_gz=0
  shift
  total_br=0
  printf '%-28s %10s %10s %10s\n' file raw gzip brotli
  for f in "$@"; do
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    br=$(brotli -q 11 -c "$f" | wc -c)
    printf '%-28s %10d %10d %10d\n' "${f#"$drop"}" "$raw" "$gz" "$br"
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  done
  printf '%-28s %10d %10d %10d\n' total "$total_raw" "$total_gz" "$total_br"
}
