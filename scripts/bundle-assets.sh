#!/bin/sh
# Trunk post-build hook: concatenates style/ into one stylesheet (tokens first, then base, then
# the component families in name order), copies the themes (style/themes/, laid over the
# tokens by VITRINE_THEME) to /themes/, keeps the gallery page's layout apart (/showcase.css)
# and the widget's out (it is built into the widget's bundle), and copies public/ to the site
# root.
set -eu
out="${TRUNK_STAGING_DIR:?run by trunk}"
{
  cat style/tokens.css style/base.css
  for f in style/*.css; do
    case "$f" in style/tokens.css|style/base.css|style/showcase.css|style/widget.css|style/insights.css) ;; *) cat "$f" ;; esac
  done
} > "$out/vitrine.css"
# The gallery's own layout is for the gallery page only.
cp style/showcase.css "$out/showcase.css"
# The owner's dashboard's layout is for /insights only.
cp style/insights.css "$out/insights.css"
mkdir -p "$out/themes"
cp style/themes/*.css "$out/themes/"
cp -R public/. "$out/"
