import { randomUUID } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import {
  MaxPartSizeExceededError,
  type NodeOnDiskFile,
  unstable_createFileUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { MAX_UPLOAD_BYTES } from '~/domain/import/jobs.server'
import { uploadDirectory } from '~/platform/uploads.server'

type Upload =
  | { ok: true; name: string; path: string; size: number }
  | { ok: false; message: string }

/** Streams the form's `file` part to disk (never into memory), refusing anything over 256 MB. */
export async function receiveCsvUpload(request: Request): Promise<Upload> {
  const directory = uploadDirectory()
  mkdirSync(directory, { recursive: true })
  let originalName = 'upload.csv'
  const handler = unstable_createFileUploadHandler({
    directory,
    maxPartSize: MAX_UPLOAD_BYTES,
    filter: ({ name }) => name === 'file',
    file: ({ filename }) => {
      originalName = filename || originalName
      return `${randomUUID()}.csv`
    },
  })
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(request, handler)
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return {
        ok: false,
        message: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split it into smaller files and import each.`,
      }
    }
    return { ok: false, message: 'The upload could not be read; choose the file and try again.' }
  }
  const file = formData.get('file') as NodeOnDiskFile | string | null
  if (!file || typeof file === 'string')
    return { ok: false, message: 'Choose a CSV file to import.' }
  return { ok: true, name: originalName, path: file.getFilePath(), size: file.size }
}
