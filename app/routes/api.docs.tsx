// GET /api/docs: the REST API's reference, rendered by the app from its own OpenAPI document
// (no outside script, style or font; no token needed).
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { Table, Td } from '~/components/data-table'
import { PageHeader } from '~/components/ui'
import { docsView } from '~/http/api/docs-view'
import { openApiDocument } from '~/http/api/openapi.server'
import { methodNotAllowed } from '~/http/api.server'

export const meta: MetaFunction = () => [{ title: 'REST API reference · Leadcourt' }]

export function loader() {
  return docsView(openApiDocument() as unknown as Record<string, unknown>)
}

/** Under /api/ every error is a problem: a POST here too (decision 28). */
export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request, 'GET, HEAD')
}

const code = 'overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100'

export default function ApiDocs() {
  const doc = useLoaderData<typeof loader>()
  return (
    <div className="space-y-8">
      <PageHeader title={doc.title} />
      <section className="max-w-3xl space-y-2 text-slate-700">
        <p>{doc.description}</p>
        <p>
          The machine-readable document is at <a href="/api/openapi.json">/api/openapi.json</a>{' '}
          (OpenAPI 3.1). Every write takes an <code>Idempotency-Key</code> header; every token has a
          rate a minute (429 with <code>Retry-After</code> past it); lists are paged with{' '}
          <code>next_cursor</code>; errors are <code>application/problem+json</code> with{' '}
          <code>
            errors: [{'{'}field, message{'}'}]
          </code>
          .
        </p>
      </section>
      <nav aria-label="Endpoints">
        <ul className="list-disc pl-6 text-sm">
          {doc.operations.map((op) => (
            <li key={op.id}>
              <a href={`#${op.id}`}>
                <code>
                  {op.method.toUpperCase()} {op.path}
                </code>
              </a>{' '}
              — {op.summary}
            </li>
          ))}
        </ul>
      </nav>
      {doc.operations.map((op) => (
        <section key={op.id} id={op.id} className="space-y-3 border-t border-slate-200 pt-4">
          <h2 className="text-lg font-semibold">
            <code>
              {op.method.toUpperCase()} {op.path}
            </code>
          </h2>
          <p className="font-medium">{op.summary}</p>
          <p className="whitespace-pre-line text-slate-700">{op.description}</p>
          <p className="text-sm">Scope: {op.scope ? <code>{op.scope}</code> : 'any valid token'}</p>
          {op.params.length > 0 ? (
            <Table
              caption={`Parameters of ${op.method} ${op.path}`}
              columns={['Name', 'In', 'Type', 'Required', 'Description']}
            >
              {op.params.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <Td>
                    <code>{p.name}</code>
                  </Td>
                  <Td>{p.in}</Td>
                  <Td>{p.type}</Td>
                  <Td>{p.required ? 'yes' : 'no'}</Td>
                  <Td>{p.description}</Td>
                </tr>
              ))}
            </Table>
          ) : null}
          {op.body ? (
            <p className="text-sm">
              Body: <a href={`#schema-${op.body.schema}`}>{op.body.schema}</a> (application/json)
            </p>
          ) : null}
          <Table
            caption={`Answers of ${op.method} ${op.path}`}
            columns={['Status', 'Meaning', 'Body', 'Headers']}
          >
            {op.responses.map((r) => (
              <tr key={r.status}>
                <Td>{r.status}</Td>
                <Td>{r.description}</Td>
                <Td>{r.schema}</Td>
                <Td>{r.headers.join(', ')}</Td>
              </tr>
            ))}
          </Table>
          <pre className={code}>{op.curl}</pre>
        </section>
      ))}
      <section className="space-y-3 border-t border-slate-200 pt-4">
        <h2 className="text-lg font-semibold">Schemas</h2>
        {doc.schemas.map((s) => (
          <details key={s.name} id={`schema-${s.name}`}>
            <summary className="cursor-pointer font-medium">{s.name}</summary>
            <pre className={code}>{s.json}</pre>
          </details>
        ))}
      </section>
    </div>
  )
}
