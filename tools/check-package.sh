#!/usr/bin/env bash
# The Rust crates as a registry would ship them (make test-package):
#   1. `cargo package` of the four publishable crates in dependency order, and
#      `cargo publish --dry-run` of them;
#   2. the CLI installed from its package with `cargo install --path <unpacked package>`, each
#      library taken from its own package (a `[patch.crates-io]` to the unpacked packages, as if
#      they came from the registry), then run: the embedded data must be inside the package;
#   3. the CLI installed from the checkout (`cargo install --path crates/neurosteroid-cli`),
#      then run.
# Both installs build the debug profile (`--debug`): the same code and the same steps as a
# release install, at a fraction of the CPU time. The target dir target/package-check is kept
# between runs, so only the four crates of this repository are compiled again: they come from
# path sources (the unpacked packages), which cargo rebuilds whenever they change (a kept target
# dir that treated them as registry crates of an unchanged version would never rebuild them).
set -euo pipefail
cd "$(dirname "$0")/.."

target=target/package-check
crates=(neurosteroid neurosteroid-schema neurosteroid-lsp neurosteroid-cli)
version=$(sed -n '/^\[workspace.package\]/,/^\[/s/^version = "\(.*\)"/\1/p' Cargo.toml)
[ -n "$version" ] || { echo "check-package: no version in [workspace.package] of Cargo.toml" >&2; exit 2; }
packages=()
for c in "${crates[@]}"; do packages+=(-p "$c"); done

echo "== cargo package (${crates[*]} $version) (${SECONDS}s)"
rm -rf "$target/package"
CARGO_TARGET_DIR=$target cargo package -q --locked --allow-dirty --no-verify "${packages[@]}"
CARGO_TARGET_DIR=$target cargo publish --locked --allow-dirty --dry-run --no-verify "${packages[@]}" 2>&1 \
    | grep -E "Uploading|aborting" || true

echo "== cargo install from the packaged crates (${SECONDS}s)"
# Unpacked under target/ (excluded from the workspace in Cargo.toml), at a fixed place so that
# the kept target dir knows them again. Cargo writes every file of a package with the same old
# timestamp, so a package is unpacked again only when its content changed, with the current
# time (tar -m): cargo then rebuilds it, and only it.
src=$PWD/$target/package-src
mkdir -p "$src"
for c in "${crates[@]}"; do
    crate=$target/package/$c-$version.crate
    [ -f "$crate" ] || { echo "check-package: $crate was not written" >&2; exit 1; }
    sum=$(sha256sum "$crate" | cut -d' ' -f1)
    if [ "$(cat "$src/$c.sha256" 2>/dev/null)" != "$sum" ] || [ ! -d "$src/$c-$version" ]; then
        rm -rf "${src:?}/$c-$version"
        tar xzmf "$crate" -C "$src"
        echo "$sum" > "$src/$c.sha256"
        echo "unpacked $c-$version (changed)"
    fi
done
patches=()
for c in "${crates[@]}"; do
    [ "$c" = neurosteroid-cli ] && continue
    patches+=(--config "patch.crates-io.$c.path='$src/$c-$version'")
done
# The packaged lock file names the libraries as registry crates: point those three entries at
# the unpacked packages and keep every other version as locked (offline: nothing new is fetched).
(cd "$src/neurosteroid-cli-$version" && cargo metadata -q --format-version 1 --offline "${patches[@]}" >/dev/null)
root=$PWD/$target/install-package
rm -rf "$root"
# The workspace's dev profile (a package carries none), so that both installs share the
# compiled dependencies in the kept target dir.
CARGO_TARGET_DIR=$target cargo install -q --locked --offline --debug --force \
    --config 'profile.dev.debug="line-tables-only"' \
    --path "$src/neurosteroid-cli-$version" --root "$root" "${patches[@]}"
# Every library of this repository came from its package, none from the workspace.
tree=$(cd "$src/neurosteroid-cli-$version" && cargo tree -q --locked --offline --prefix none -e normal "${patches[@]}")
for c in "${crates[@]}"; do
    echo "$tree" | grep -qF "$c v$version ($src/$c-$version)" \
        || { echo "check-package: $c was not built from its package:" >&2; echo "$tree" | grep neurosteroid >&2; exit 1; }
done
"$root/bin/neurosteroid" --version
"$root/bin/neurosteroid" pathway allopregnanolone | grep -q "allopregnanolone" \
    || { echo "check-package: the packaged CLI has no embedded data" >&2; exit 1; }
"$root/bin/neurosteroid" validate examples/content-repo/kb

echo "== cargo install --path crates/neurosteroid-cli (${SECONDS}s)"
root=$PWD/$target/install-checkout
rm -rf "$root"
# The same kept target dir: the dependencies are built already.
CARGO_TARGET_DIR=$target cargo install -q --locked --offline --debug --force --path crates/neurosteroid-cli --root "$root"
"$root/bin/neurosteroid" --version
"$root/bin/neurosteroid" validate tests/vectors/valid/base.json
echo "check-package: packaged, dry-run published, and installed from the packages and from the checkout in ${SECONDS}s"
