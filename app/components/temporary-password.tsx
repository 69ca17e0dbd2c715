import { Alert } from './ui'

export function TemporaryPassword({ name, password }: { name: string; password: string }) {
  return (
    <Alert tone="success">
      <p>
        Temporary password for {name}:{' '}
        <code className="rounded bg-white px-2 py-0.5 font-mono text-base">{password}</code>
      </p>
      <p className="mt-1">
        It is shown only this once. {name} must choose a new password at the next sign-in.
      </p>
    </Alert>
  )
}
