#!/usr/bin/env bash
# Makes the release archive an organization downloads to self-host the
# widget without Rust: target/archive/ic-pathfinder-<version>.zip, with
#   ic-pathfinder-<version>/ic-pathfinder/   the folder to copy to the site
#   ic-pathfinder-<version>/snippet.en.html  what to paste: the start page itself (prerendered) and the module, with its
#                                            integrity value (snippet.fr-CA.html: in French; two-line-snippet*.html: the
#                                            module and the element only)
#   ic-pathfinder-<version>/frame-snippet.html  the iframe and its resize listener
#   ic-pathfinder-<version>/README.txt       the three steps (docs/: embedding and the definition format)
#   ic-pathfinder-<version>/SHA256SUMS       every file's SHA-256 (sha256sum -c SHA256SUMS)
# and ic-pathfinder-<version>.zip.sha256 beside it; and the npm package,
# target/archive/ic-pathfinder-<version>.tgz (npm pack of pkg/: the same
# files, package.json with its exports, TypeScript declarations). The
# version of both is the widget crate's. Then checks what it wrote, as a downloader would: the
# archive's sum, every file's sum, and the snippet's integrity value.
#   bash scripts/release.sh [--skip-build]   (--skip-build: dist-embed/ is already built)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/env.sh
[ "${1:-}" = --skip-build ] || bash scripts/build-embed.sh

version="$(cargo metadata --locked --no-deps --format-version 1 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages.find(p=>p.name==="ic-pathfinder").version))')"
name="ic-pathfinder-${version}"
out=target/archive
stage="$(mktemp -d)"
check="$(mktemp -d)"
trap 'rm -rf "$stage" "$check"' EXIT
top="$stage/$name"
mkdir -p "$top/ic-pathfinder" "$out"

# The files docs/embedding.md lists under "The files", no more: the examples stay out.
cp dist-embed/ic-pathfinder.js dist-embed/ic-pathfinder-core.js dist-embed/ic-pathfinder-core_bg.wasm \
  dist-embed/ic-pathfinder.css dist-embed/default.en.json dist-embed/default.fr-CA.json \
  dist-embed/frame.html dist-embed/frame.js dist-embed/frame.css \
  dist-embed/studio.html dist-embed/studio.js dist-embed/studio.css dist-embed/studio-example.json \
  dist-embed/ic-pathfinder-studio.js dist-embed/ic-pathfinder-studio_bg.wasm "$top/ic-pathfinder/"
cp dist-embed/snippet.en.html dist-embed/snippet.fr-CA.html dist-embed/two-line-snippet.html dist-embed/two-line-snippet.fr-CA.html \
  dist-embed/frame-snippet.html "$top/"
mkdir -p "$top/docs" && cp docs/embedding.md docs/definition-format.md "$top/docs/"
cat > "$top/README.txt" <<TEXT
IC Pathfinder ${version}: the widget, ready to put on your site. No build step.

1. Copy the folder ic-pathfinder/ to the top of your site, so that
   https://your-site/ic-pathfinder/ic-pathfinder.js is its address.
   Elsewhere, say at /our-org/ic-pathfinder/: in the snippet you paste,
   replace every /ic-pathfinder/ with /our-org/ic-pathfinder/.
2. Paste snippet.en.html (in French: snippet.fr-CA.html) where the widget
   goes on your page. It holds the start page itself, so it shows with your
   page. With your own definition, or where your site takes only a line or
   two, two-line-snippet.html (two-line-snippet.fr-CA.html) does the same
   once its script has loaded.
   A site builder that allows no script: give it the address
   https://your-site/ic-pathfinder/frame.html as an iframe or embed instead.
   Where you can add a script, frame-snippet.html is that iframe with a
   listener that fits it to the widget (your address in place of
   https://your-site.example).
3. Open the page from your web server (not as a file on your computer).

Options, colours, each site builder: docs/embedding.md. Your own questions:
open ic-pathfinder/studio.html on your site (or any local web server) to
write, check and preview them; docs/definition-format.md has the format. To check the files: sha256sum -c SHA256SUMS
TEXT
# The same archive for the same commit: fixed dates, sorted names, no extra attributes.
# zip stores local times: UTC makes them the same on every machine, and modes are fixed, not the umask's.
epoch="$(git log -1 --format=%ct 2>/dev/null || echo 315619200)"
(cd "$top" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
chmod -R u=rwX,go=rX "$top"
find "$top" -exec touch -h -d "@${epoch}" {} +
rm -f "$out/$name.zip"
(cd "$stage" && find "$name" | LC_ALL=C sort | TZ=UTC0 zip -q -X -D "$OLDPWD/$out/$name.zip" -@)
(cd "$out" && sha256sum "$name.zip" > "$name.zip.sha256")

# The npm package: pkg/'s package.json (its version set to the crate's), declarations and README, and the bundle.
pkgdir=target/pkg
rm -rf "$pkgdir" && mkdir -p "$pkgdir"
cp pkg/package.json pkg/ic-pathfinder.d.ts pkg/README.md "$top/ic-pathfinder/"* "$pkgdir/"
(cd "$pkgdir" && npm pkg set "version=${version}" && npm pack --silent --pack-destination "$OLDPWD/$out" >/dev/null)
packed="$(tar -tzf "$out/$name.tgz" | sed 's|^package/||' | LC_ALL=C sort)"
declared="$(node -e 'console.log([...require("./pkg/package.json").files, "package.json"].sort().join("\n"))' | LC_ALL=C sort)"
[ "$packed" = "$declared" ] || { printf 'release: the npm package holds\n%s\nnot\n%s\n' "$packed" "$declared" >&2; exit 1; }

# The check a downloader makes.
(cd "$out" && sha256sum --quiet -c "$name.zip.sha256")
unzip -q "$out/$name.zip" -d "$check"
(cd "$check/$name" && sha256sum --quiet -c SHA256SUMS)
listed="$(cut -d' ' -f3- "$check/$name/SHA256SUMS" | LC_ALL=C sort)"
present="$(cd "$check/$name" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort)"
[ "$listed" = "$present" ] || { echo "release: SHA256SUMS does not list exactly the archive's files" >&2; exit 1; }
want="sha384-$(openssl dgst -sha384 -binary "$check/$name/ic-pathfinder/ic-pathfinder.js" | openssl base64 -A)"
for snippet in snippet.en.html snippet.fr-CA.html two-line-snippet.html two-line-snippet.fr-CA.html; do
  grep -qF "integrity=\"$want\"" "$check/$name/$snippet" || { echo "release: $snippet's integrity is not ic-pathfinder.js's ($want)" >&2; exit 1; }
done
echo "release archive: $out/$name.zip ($(du -k "$out/$name.zip" | cut -f1) KB); checked: archive sum, $(wc -l < "$check/$name/SHA256SUMS") file sums, snippet integrity"
echo "npm package: $out/$name.tgz ($(du -k "$out/$name.tgz" | cut -f1) KB, version ${version})"
