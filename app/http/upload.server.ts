import { randomUUID } from 'node:crypto'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  MaxPartSizeExceededError,
  type NodeOnDiskFile,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from '@remix-run/node'
import { MAX_UPLOAD_BYTES } from '~/domain/import/jobs.server'
import {
  pendingUploads,
  quotaRefusal,
  type UploadQuota,
  userUploadDirectory,
} from '~/domain/import/uploads.server'
import { getDb } from '~/platform/db.server'
import { getEnv } from '~/platform/env.server'
import { uploadDirectory } from '~/platform/uploads.server'

type Upload =
  | { ok: true; name: string; path: string; size: number; fields: FormData }
  | { ok: false; message: string }

/** The most a text field beside the file may hold (they are choices, not content). */
const MAX_FIELD_BYTES = 64 * 1024

const uploadQuota = (): UploadQuota => {
  const env = getEnv()
  return { files: env.UPLOAD_QUOTA_FILES, bytes: env.UPLOAD_QUOTA_MB * 1024 * 1024 }
}

/**
 * Streams the form's `file` part to disk (never into memory) into the uploader's own folder,
 * refusing anything over 256 MB, and any upload that would take the uploader past their quota
 * of uploads waiting to be imported (UPLOAD_QUOTA_FILES, UPLOAD_QUOTA_MB): before reading the
 * body when they are at it already, and again after it, with this file and any sent beside it.
 * The form's text fields (up to 64 KB each) come back as `fields`, for the route's schema.
 */
export async function receiveCsvUpload(request: Request, userId: number): Promise<Upload> {
  const root = uploadDirectory()
  const quota = uploadQuota()
  const pending = pendingUploads(getDb(), root, userId)
  const full = quotaRefusal(pending, quota)
  if (full) return { ok: false, message: full }
  const directory = userUploadDirectory(root, userId)
  mkdirSync(directory, { recursive: true })
  let originalName = 'upload.csv'
  const written: string[] = []
  const handler = unstable_composeUploadHandlers(
    unstable_createFileUploadHandler({
      directory,
      maxPartSize: MAX_UPLOAD_BYTES,
      filter: ({ name }) => name === 'file',
      file: ({ filename }) => {
        originalName = filename || originalName
        const name = `${randomUUID()}.csv`
        written.push(join(directory, name))
        return name
      },
    }),
    unstable_createMemoryUploadHandler({
      maxPartSize: MAX_FIELD_BYTES,
      filter: ({ filename }) => filename === undefined,
    }),
  )
  let formData: FormData
  try {
    formData = await unstable_parseMultipartFormData(request, handler)
  } catch (error) {
    // A field beside the file may fail after the file is on disk: nothing will read it.
    for (const path of written) rmSync(path, { force: true })
    if (error instanceof MaxPartSizeExceededError && error.field === 'file') {
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
  // Counted again now that the file is here: uploads sent at the same time all passed the first
  // check, and each is in the folder by now (or still arriving), so together they cannot pass
  // the quota. The count includes this file.
  const now = pendingUploads(getDb(), root, userId)
  const others = { files: now.files - 1, bytes: now.bytes - file.size }
  const over = quotaRefusal(others, quota, file.size)
  if (over) {
    rmSync(file.getFilePath(), { force: true })
    return { ok: false, message: over }
  }
  formData.delete('file')
  return {
    ok: true,
    name: originalName,
    path: file.getFilePath(),
    size: file.size,
    fields: formData,
  }
}
