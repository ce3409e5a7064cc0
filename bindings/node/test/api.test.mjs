// The JavaScript surface: the embedded knowledge base, queries, rendering, and errors that
// are `Error`s with a `code` (never a crash), on the same cases the Python tests use.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ns from 'neurosteroid'

const ROOT = join(import.meta.dirname, '..', '..', '..')

test('the embedded knowledge base is valid, shared, and dated', () => {
  const kb = ns.defaultKb()
  assert.match(kb.asOf, /^\d{4}-\d{2}-\d{2}$/)
  assert.match(kb.schemaVersion, /^1\.\d+\.\d+$/)
  assert.deepEqual(kb.warnings, [])
  assert.equal(ns.defaultKb().toJson(), kb.toJson())
  assert.deepEqual(JSON.parse(kb.toJson(true)), JSON.parse(kb.toJson()))
  assert.equal(ns.version(), JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version)
})

test('get returns the entity as in the document, or null', () => {
  const kb = ns.defaultKb()
  const allo = kb.get('allopregnanolone')
  assert.equal(allo.id, 'allopregnanolone')
  assert.ok(allo.identifiers.includes('CHEBI:50169'))
  assert.equal(kb.get('no-such-thing'), null)
})

test('resolve: names however written, with the related active compound', () => {
  const kb = ns.defaultKb()
  const brex = kb.resolve('brexanolone')
  assert.equal(brex.kind, 'therapy')
  assert.ok(brex.related.some((e) => e.id === 'allopregnanolone' && e.kind === 'compound'))
  assert.equal(kb.resolve('Zulresso').entity.id, 'brexanolone')
  assert.equal(kb.resolve('5alpha-DHP').entity.id, kb.resolve('5α-DHP').entity.id)
  const byCurie = kb.resolve('chebi:50169')
  assert.equal(byCurie.entity.id, 'allopregnanolone')
  assert.equal(byCurie.matchedBy, 'identifier')
})

test('resolve throws NotFound with suggestions', () => {
  assert.throws(
    () => ns.defaultKb().resolve('progesteron'),
    (e) => {
      assert.ok(e instanceof Error)
      assert.equal(e.code, 'NotFound')
      assert.equal(e.query, 'progesteron')
      assert.equal(e.suggestions[0], 'progesterone')
      assert.match(e.message, /did you mean `progesterone`/)
      return true
    },
  )
})

test('search ranks matches and honours the limit', () => {
  const hits = ns.defaultKb().search('progesteron', { limit: 3 })
  assert.equal(hits.length, 3)
  assert.equal(hits[0].id, 'progesterone')
  for (const h of hits) assert.ok(h.score > 0 && h.score <= 1)
  assert.ok(hits[0].score >= hits[1].score)
  assert.deepEqual(ns.defaultKb().search(''), [])
})

test('biosynthesis: the route from cholesterol, with enzymes and isoforms', () => {
  const route = ns.defaultKb().biosynthesis('allopregnanolone')
  assert.equal(route.target.id, 'allopregnanolone')
  assert.equal(route.steps[0].substrate.id, 'cholesterol')
  assert.equal(route.steps.at(-1).product.id, 'allopregnanolone')
  for (const [i, s] of route.steps.entries()) {
    if (i > 0) assert.equal(s.substrate.id, route.steps[i - 1].product.id)
    assert.equal(typeof s.rateLimiting, 'boolean')
  }
  const srd5a = route.steps.find((s) => s.enzyme.ec.includes('EC:1.3.1.22'))
  assert.ok(srd5a.isoforms.some((g) => g.symbol === 'SRD5A1'))
  assert.match(route.text, /^Biosynthesis of allopregnanolone/)
  assert.match(route.text, /cholesterol → .* → allopregnanolone/)
})

test('biosynthesis of something that is not a compound throws WrongKind', () => {
  const kb = ns.defaultKb()
  const condition = JSON.parse(kb.toJson()).conditions[0].id
  assert.throws(() => kb.biosynthesis(condition), (e) => e.code === 'WrongKind' && e.id === condition)
})

test('render: markdown by default, html and jsonld on request; a bad format is InvalidArg', () => {
  const kb = ns.defaultKb()
  assert.match(kb.render('allopregnanolone'), /^# Allopregnanolone/)
  assert.match(kb.render('allopregnanolone', { format: 'html' }), /^<!DOCTYPE html>/i)
  assert.equal(JSON.parse(kb.render('allopregnanolone', { format: 'jsonld' }))['@type'], 'MedicalWebPage')
  assert.throws(() => kb.render('allopregnanolone', { format: 'pdf' }), { code: 'InvalidArg', message: /markdown, html, jsonld/ })
  assert.throws(() => kb.render('nothing-like-this'), { code: 'NotFound' })
})

test('validate takes text, bytes or a value, and never throws on bad content', () => {
  const doc = { schema_version: '1.0.0', as_of: '2026-02-30' }
  const want = [['invalid-date', '/as_of']]
  const pairs = (ds) => ds.map((d) => [d.code, d.path])
  assert.deepEqual(pairs(ns.validate(doc)), want)
  assert.deepEqual(pairs(ns.validate(JSON.stringify(doc))), want)
  assert.deepEqual(pairs(ns.validate(Buffer.from(JSON.stringify(doc)))), want)
  assert.deepEqual(pairs(ns.validate(new TextEncoder().encode(JSON.stringify(doc)))), want)
  assert.deepEqual(pairs(ns.validate('schema_version: 1.0.0\nas_of: 2026-02-30\n', { format: 'yaml' })), [['invalid-date', '/as_of']])
  assert.deepEqual(pairs(ns.validate(doc, { level: 'schema' })), [])
  for (const bad of ['', '{', 'null', '[]', '\u0000', undefined, null, 42, [], 'x'.repeat(100000)]) {
    const ds = ns.validate(bad)
    assert.ok(ds.length > 0 && ds.every((d) => d.severity === 'error'), String(bad).slice(0, 20))
  }
  assert.deepEqual(pairs(ns.validate(Buffer.from([0xff, 0xfe, 0x00]))), [['encoding', '']])
})

test('bad options and unserialisable values are thrown, with a code where this library decides', () => {
  assert.throws(() => ns.validate('{}', { level: 'strict' }), {
    code: 'InvalidArg',
    message: 'unknown validation level `strict` (one of: schema, full)',
  })
  assert.throws(() => ns.validate('{}', { format: 'toml' }), {
    code: 'InvalidArg',
    message: 'unknown document format `toml` (one of: json, yaml)',
  })
  const cyclic = {}
  cyclic.self = cyclic
  assert.throws(() => ns.validate(cyclic), TypeError)
  assert.throws(() => ns.validate({ n: 1n }), TypeError)
  assert.throws(() => ns.defaultKb().get(5), Error)
  assert.throws(() => new ns.KnowledgeBase(), Error)
})

test('loads throws Invalid with every diagnostic; load throws Io for a missing file', () => {
  assert.throws(
    () => ns.loads('{"schema_version": "1.0.0"}'),
    (e) => e.code === 'Invalid' && e.diagnostics[0].code === 'missing-field' && e.diagnostics[0].location.line === 1,
  )
  assert.throws(() => ns.load(join(ROOT, 'no-such-file.json')), (e) => e.code === 'Io' && e.path.endsWith('no-such-file.json'))
  const kb = ns.loads(readFileSync(join(ROOT, 'tests', 'vectors', 'valid', 'base.yaml')), { format: 'yaml' })
  assert.ok(kb.get(JSON.parse(kb.toJson()).compounds[0].id))
})

test('the option values declared in index.d.ts are exactly those the core accepts', () => {
  // The names live in the Rust core; the declarations spell them for TypeScript. Each
  // declared value must be accepted, and the core's refusal must list exactly these.
  const dts = readFileSync(join(import.meta.dirname, '..', 'index.d.ts'), 'utf8')
  const declared = (iface, field) => {
    const body = dts.match(new RegExp(`export interface ${iface} \\{([^}]*)\\}`))[1]
    const union = body.match(new RegExp(`\\b${field}\\?: ([^\\n]*)`))[1]
    return union.split('|').map((s) => s.trim().replace(/^'|'$/g, ''))
  }
  const kb = ns.defaultKb()
  const sheet = declared('RenderOptions', 'format')
  for (const format of sheet) kb.render('allopregnanolone', { format })
  assert.throws(() => kb.render('allopregnanolone', { format: '?' }), { message: new RegExp(`\\(one of: ${sheet.join(', ')}\\)`) })
  const levels = declared('ValidateOptions', 'level')
  for (const level of levels) ns.validate('{}', { level })
  assert.throws(() => ns.validate('{}', { level: '?' }), { message: new RegExp(`\\(one of: ${levels.join(', ')}\\)`) })
  const formats = declared('ValidateOptions', 'format')
  for (const format of formats) ns.validate('{}', { format })
  assert.throws(() => ns.validate('{}', { format: '?' }), { message: new RegExp(`\\(one of: ${formats.join(', ')}\\)`) })
})

test('the hostile corpus gives its expected verdict through the binding, never a crash', () => {
  const dir = join(ROOT, 'tests', 'hostile')
  const cases = readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.yaml'))
  assert.ok(cases.length >= 15)
  for (const name of cases) {
    const expected = readFileSync(join(dir, name.replace(/\.(json|yaml)$/, '.expected')), 'utf8').trim()
    let verdict = 'valid'
    try {
      ns.load(join(dir, name))
    } catch (e) {
      assert.equal(e.code, 'Invalid', name)
      verdict = e.diagnostics.find((d) => d.severity === 'error').code
    }
    assert.equal(verdict, expected, name)
  }
})

test('load reads YAML by extension, or as the format option says', () => {
  const yaml = join(ROOT, 'tests', 'vectors', 'valid', 'base.yaml')
  const json = join(ROOT, 'tests', 'vectors', 'valid', 'base.json')
  assert.equal(ns.load(yaml).toJson(), ns.load(yaml, { format: 'yaml' }).toJson())
  assert.throws(() => ns.load(yaml, { format: 'json' }), (e) => e.code === 'Invalid' && e.diagnostics[0].code === 'syntax')
  assert.ok(ns.load(json, { format: 'yaml', level: 'schema' }))  // JSON is YAML too
})
