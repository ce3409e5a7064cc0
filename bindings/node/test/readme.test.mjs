// The README's JavaScript example runs as written, against this package, in its own process.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'

const PACKAGE = join(import.meta.dirname, '..')
const README = readFileSync(join(PACKAGE, '..', '..', 'README.md'), 'utf8')

test("the README's JavaScript example runs", () => {
  const section = README.split(/^## /m).find((s) => s.startsWith('JavaScript'))
  assert.ok(section, 'the README has a "## JavaScript" section')
  const blocks = [...section.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1])
  assert.equal(blocks.length, 1, 'one ```js block in the JavaScript section')
  // Run from the package folder, so that `require('neurosteroid')` finds this package.
  const out = execFileSync(process.execPath, ['--input-type=commonjs', '-e', blocks[0]], { cwd: PACKAGE, encoding: 'utf8' })
  assert.match(out, /^Biosynthesis of allopregnanolone/)
  assert.match(out, /cholesterol → .* → allopregnanolone/)
})
