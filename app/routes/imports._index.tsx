import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Table, Td } from '~/components/data-table'
import { PageHeader } from '~/components/ui'
import { listImportJobs } from '~/domain/import/jobs.server'
import { getOrganisationSettings } from '~/domain/settings/settings.server'
import { requireAccess } from '~/http/guards.server'
import { getDb } from '~/platform/db.server'
import { formatDateTime } from '~/platform/time'

export const meta: MetaFunction = () => [{ title: 'Imports · Leadcourt' }]

const STATUS = {
  uploaded: 'Waiting for mapping',
  running: 'Importing…',
  done: 'Done',
  failed: 'Failed',
} as const

export async function loader(args: LoaderFunctionArgs) {
  await requireAccess(args, 'imports.run')
  const db = getDb()
  const { timeZone } = getOrganisationSettings(db)
  return {
    jobs: listImportJobs(db).map((j) => ({
      id: j.id,
      fileName: j.fileName,
      when: formatDateTime(j.createdAt, timeZone),
      status: STATUS[j.status],
      created: j.created,
      updated: j.updated,
      unchanged: j.unchanged,
      failed: j.failed,
    })),
  }
}

export default function Imports() {
  const { jobs } = useLoaderData<typeof loader>()
  return (
    <div className="space-y-4">
      <PageHeader title="Imports">
        <Link
          to="/imports/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          Import leads
        </Link>
      </PageHeader>
      {jobs.length === 0 ? (
        <p className="text-slate-700">No imports yet.</p>
      ) : (
        <Table
          caption="Lead imports, newest first"
          columns={['File', 'Uploaded', 'Status', 'Created', 'Updated', 'Unchanged', 'Failed']}
        >
          {jobs.map((j) => (
            <tr key={j.id}>
              <Td>
                <Link to={`/imports/${j.id}`} className="text-brand-700 underline">
                  {j.fileName}
                </Link>
              </Td>
              <Td>{j.when}</Td>
              <Td>{j.status}</Td>
              <Td>{j.created}</Td>
              <Td>{j.updated}</Td>
              <Td>{j.unchanged}</Td>
              <Td>{j.failed}</Td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  )
}
