// index.js and index.d.ts are generated from the Rust side by `napi build` (into target/node
// by `make node`) and committed: fail on drift, naming the command that fixes it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const PACKAGE = join(import.meta.dirname, '..')
const BUILT = join(PACKAGE, '..', '..', 'target', 'node')

for (const file of ['index.js', 'index.d.ts']) {
  test(`the committed ${file} is what napi build generates`, () => {
    const built = join(BUILT, file)
    assert.ok(existsSync(built), `${built} is missing: run \`make node\``)
    const committed = readFileSync(join(PACKAGE, file), 'utf8')
    assert.ok(committed === readFileSync(built, 'utf8'), `bindings/node/${file} is out of date: run \`make node-types\` and commit it`)
  })
}
