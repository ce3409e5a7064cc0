// The shared vectors (tests/vectors) from JavaScript: the same verdicts, and exactly the
// (code, path) errors that the Rust and Python tests expect, read from the same files.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import ns from 'neurosteroid'

const VECTORS = join(import.meta.dirname, '..', '..', '..', 'tests', 'vectors')
const documents = (kind) =>
  readdirSync(join(VECTORS, kind))
    .filter((f) => !f.endsWith('.expected.json'))
    .sort()
    .map((f) => join(VECTORS, kind, f))
const formatOf = (path) => (path.endsWith('.yaml') || path.endsWith('.yml') ? 'yaml' : 'json')
// (code, path) pairs as a sorted set, as the Rust test compares them.
const errorsOf = (diagnostics) => [
  ...new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.path}`)),
].sort()

test('every valid vector passes both levels, from text, bytes and a file', () => {
  const files = documents('valid')
  assert.ok(files.length >= 3)
  for (const path of files) {
    const text = readFileSync(path, 'utf8')
    for (const level of ['schema', 'full']) {
      assert.deepEqual(ns.validate(text, { level, format: formatOf(path) }), [], `${path} at ${level}`)
      assert.deepEqual(ns.validate(readFileSync(path), { level, format: formatOf(path) }), [], path)
    }
    const kb = ns.load(path)
    assert.deepEqual(kb.warnings, [])
    assert.equal(ns.loads(text, { format: formatOf(path) }).toJson(), kb.toJson(), path)
  }
})

test('every invalid vector gives exactly the expected (code, path) errors', () => {
  const files = documents('invalid')
  assert.ok(files.length >= 30)
  for (const path of files) {
    const expected = JSON.parse(readFileSync(path.replace(/\.json$/, '.expected.json'), 'utf8'))
    const want = [...new Set(expected.errors.map((e) => `${e.code} ${e.path}`))].sort()
    const text = readFileSync(path, 'utf8')
    const diagnostics = ns.validate(readFileSync(path), { level: 'full' })
    assert.deepEqual(errorsOf(diagnostics), want, path)
    // Every diagnostic says where in the text, and what is wrong.
    for (const d of diagnostics) {
      assert.ok(d.location && d.location.line >= 1 && d.location.column >= 1, `${path}: ${d.code} has no location`)
      assert.ok(d.message.length > 0)
      assert.ok(d.severity === 'error' || d.severity === 'warning')
      assert.ok(d.hint === null || typeof d.hint === 'string')
    }
    // Semantic vectors pass the structural level; the others fail it.
    const schemaErrors = errorsOf(ns.validate(text, { level: 'schema' }))
    if (expected.schema_valid === true) assert.deepEqual(schemaErrors, [], path)
    else assert.ok(schemaErrors.length > 0, path)
    // Loading throws the same diagnostics as an Error with code `Invalid`.
    assert.throws(
      () => ns.loads(text),
      (e) => {
        assert.ok(e instanceof Error)
        assert.equal(e.code, 'Invalid')
        assert.deepEqual(e.diagnostics, diagnostics)
        return true
      },
      path,
    )
    assert.throws(() => ns.load(path), { code: 'Invalid' }, path)
  }
})

test('a semantic diagnostic carries its hint', () => {
  const path = join(VECTORS, 'invalid', 'dangling-reference.json')
  const d = ns.validate(readFileSync(path, 'utf8')).find((d) => d.code === 'dangling-reference')
  assert.equal(d.hint, 'did you mean `enzyme-x`?')
})

test('every diagnostic of every vector is the one Rust gives: code, severity, path, message, hint, location', () => {
  // The Rust side, through the command line (`make test-node` builds it).
  const cli = process.env.NEUROSTEROID_CLI ?? join(import.meta.dirname, '..', '..', '..', 'target', 'debug', 'neurosteroid')
  const files = [...documents('valid'), ...documents('invalid')]
  let out
  try {
    out = execFileSync(cli, ['validate', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 1 << 26 })
  } catch (e) {
    // Exit 1: some file is invalid, as expected; anything else is a failure.
    assert.equal(e.status, 1, `${cli}: ${e.message} (build it with \`cargo build -p neurosteroid-cli\`)`)
    out = e.stdout
  }
  const reports = JSON.parse(out)
  assert.equal(reports.length, files.length)
  for (const [i, report] of reports.entries()) {
    const rust = report.diagnostics.map((d) => ({ hint: null, location: null, ...d }))
    const js = ns.validate(readFileSync(files[i]), { format: formatOf(files[i]) })
    assert.deepEqual(js, rust, files[i])
  }
})
