// The /api/docs page's view of the OpenAPI document (decision 28): each operation with its
// parameters, request body, answers, scope and a curl example, and each schema of the
// components, read from the document itself so the page cannot say other than it.
type Json = Record<string, unknown>

export type DocParam = {
  name: string
  in: string
  required: boolean
  description: string
  type: string
}
export type DocResponse = { status: string; description: string; schema: string; headers: string[] }
export type DocOperation = {
  id: string
  method: string
  path: string
  summary: string
  description: string
  scope: string | null
  params: DocParam[]
  body: { schema: string; example: unknown } | null
  responses: DocResponse[]
  curl: string
}

const refName = (schema: unknown): string => {
  const s = (schema ?? {}) as Json
  if (typeof s.$ref === 'string') return s.$ref.split('/').pop() as string
  if (Array.isArray(s.anyOf)) return s.anyOf.map(refName).join(' | ')
  if (s.type === 'array') return `${refName(s.items)}[]`
  return String(s.type ?? 'object')
}

function curlOf(method: string, path: string, example: unknown): string {
  const url = `https://leadcourt.example.com${path.replace(/\{(\w+)\}/g, '42')}`
  const lines = [`curl -X ${method.toUpperCase()} '${url}'`, `  -H 'Authorization: Bearer lc_…'`]
  if (method === 'post') {
    lines.push(`  -H 'Content-Type: application/json'`)
    lines.push(`  -H 'Idempotency-Key: 6f1c…-uuid'`)
    lines.push(`  -d '${JSON.stringify(example ?? {})}'`)
  }
  return lines.join(' \\\n')
}

export function docsView(document: Json): {
  title: string
  description: string
  operations: DocOperation[]
  schemas: { name: string; json: string }[]
} {
  const info = document.info as Json
  const operations: DocOperation[] = []
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    for (const [method, value] of Object.entries(item)) {
      const op = value as Json
      const params = ((op.parameters ?? []) as Json[]).map((p) => ({
        name: String(p.name),
        in: String(p.in),
        required: Boolean(p.required),
        description: String(p.description ?? (p.schema as Json)?.description ?? ''),
        type: refName(p.schema),
      }))
      const media = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.[
        'application/json'
      ] as Json | undefined
      const responses = Object.entries((op.responses ?? {}) as Record<string, Json>).map(
        ([status, r]) => {
          const content = (r.content ?? {}) as Record<string, Json>
          const [type, body] = Object.entries(content)[0] ?? ['', {}]
          return {
            status,
            description: String(r.description ?? ''),
            schema: type ? `${type}: ${refName(body.schema)}` : '',
            headers: Object.keys((r.headers ?? {}) as Json),
          }
        },
      )
      operations.push({
        id: String(op.operationId),
        method,
        path,
        summary: String(op.summary ?? ''),
        description: String(op.description ?? ''),
        scope: (op['x-scope'] as string | null | undefined) ?? null,
        params,
        body: media ? { schema: refName(media.schema), example: media.example ?? null } : null,
        responses,
        curl: curlOf(method, path, media?.example),
      })
    }
  }
  const schemas = Object.entries(((document.components as Json)?.schemas ?? {}) as Json).map(
    ([name, schema]) => ({ name, json: JSON.stringify(schema, null, 2) }),
  )
  return {
    title: String(info?.title ?? 'API'),
    description: String(info?.description ?? ''),
    operations,
    schemas,
  }
}
