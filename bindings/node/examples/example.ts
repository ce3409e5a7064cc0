// A typed example of the package, checked by `tsc --strict` in `make test-node`.
import * as ns from 'neurosteroid'
import type { Diagnostic, NeurosteroidError, Route, SearchHit } from 'neurosteroid'

const kb: ns.KnowledgeBase = ns.defaultKb()

const route: Route = kb.biosynthesis('allopregnanolone')
for (const step of route.steps) {
  const isoforms: string[] = step.isoforms.map((g) => g.symbol)
  console.log(`${step.substrate.name} → ${step.product.name} (${step.enzyme.name}; ${isoforms.join(', ')})`)
}

const hits: SearchHit[] = kb.search('progesteron', { limit: 3 })
const best: SearchHit | undefined = hits[0]
console.log(best?.id, best?.score)

const problems: Diagnostic[] = ns.validate({ schema_version: '1.0.0', as_of: '2026-02-30' }, { level: 'full' })
for (const d of problems) {
  const where = d.location === null ? d.path : `${d.path} (line ${d.location.line}, column ${d.location.column})`
  console.log(`${d.severity}[${d.code}] at ${where}: ${d.message}${d.hint === null ? '' : ` (hint: ${d.hint})`}`)
}

try {
  kb.resolve('progesteron')
} catch (e) {
  const err = e as NeurosteroidError
  if (err.code === 'NotFound') console.log(`did you mean ${err.suggestions?.join(', ')}?`)
}

const html: string = kb.render('allopregnanolone', { format: 'html' })
console.log(html.length > 0)
