// ajv's verdict on each document: `node ajv-judge.js SCHEMA FILE...` prints one JSON line per
// file, {"file", "valid", "paths", "messages"} or {"file", "parse_error"}.
//
// Ajv2020 (JSON Schema Draft 2020-12) in strict mode (every strict option on: an unknown
// keyword or a loose type in the schema fails compilation), all errors, with ajv-formats, as
// an application would set it up. JSON is read with JSON.parse; YAML with js-yaml (the
// version ajv-cli uses: YAML 1.1, so an unquoted date becomes a Date object).
'use strict'
const fs = require('node:fs')
const Ajv2020 = require('ajv/dist/2020').default
const addFormats = require('ajv-formats').default
const yaml = require('js-yaml')

const [schemaFile, ...files] = process.argv.slice(2)
const ajv = new Ajv2020({ strict: true, allErrors: true })
addFormats(ajv)
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')))
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8')
  let doc
  try {
    doc = /\.ya?ml$/.test(file) ? yaml.load(text) : JSON.parse(text)
  } catch (e) {
    console.log(JSON.stringify({ file, parse_error: e.message }))
    continue
  }
  const valid = validate(doc)
  const errors = validate.errors || []
  console.log(
    JSON.stringify({
      file,
      valid,
      paths: [...new Set(errors.map((e) => e.instancePath))],
      messages: errors.map((e) => `${e.instancePath} ${e.message}`),
    }),
  )
}
