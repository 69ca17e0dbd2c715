// Decision 44: the dialog before an irreversible click, the pending state of a submit button,
// and focus on a form's result.
import { Form, useActionData } from '@remix-run/react'
import { createRemixStub } from '@remix-run/testing'
import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { ConfirmSubmit } from '~/components/confirm-submit'
import { concedeConfirmation, REJECT_CONFIRMATION } from '~/components/confirmations'
import { FormResultFocus } from '~/components/forms'
import { Alert, Button } from '~/components/ui'

// jsdom has <dialog> but not its methods: what the browser does, for these tests.
beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true
  }
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    this.open = false
  }
})

type Sent = Record<string, string>

/** A page with one form at /page, whose action records what it was sent and answers `reply`. */
function renderPage(form: React.ReactNode, reply: (sent: Sent) => unknown = () => null) {
  const sent: Sent[] = []
  function Page() {
    const data = useActionData<{ notice?: string; error?: string }>()
    return (
      <main id="main">
        <FormResultFocus />
        <h1>The page</h1>
        {data?.notice ? <Alert tone="success">{data.notice}</Alert> : null}
        {data?.error ? <Alert tone="error">{data.error}</Alert> : null}
        <Form method="post">{form}</Form>
      </main>
    )
  }
  const Stub = createRemixStub([
    {
      path: '/page',
      Component: Page,
      action: async ({ request }) => {
        const fields = Object.fromEntries(
          [...(await request.formData())].map(([k, v]) => [k, String(v)]),
        )
        sent.push(fields)
        return reply(fields)
      },
    },
  ])
  render(<Stub initialEntries={['/page']} />)
  return sent
}

const rejectForm = (
  <>
    <input type="hidden" name="intent" value="reject" />
    <input type="hidden" name="contactAttempts" value="0" />
    <label>
      Reason
      <select name="reasonId" defaultValue="3">
        <option value="">Choose a reason</option>
        <option value="3">Outside ideal customer profile</option>
      </select>
    </label>
    <ConfirmSubmit confirm={REJECT_CONFIRMATION} variant="danger" pendingLabel="Rejecting…">
      Reject lead
    </ConfirmSubmit>
  </>
)

describe('the confirmation dialog', () => {
  it('opens on the button, with focus inside, and says what will happen', async () => {
    const user = userEvent.setup()
    const sent = renderPage(rejectForm)
    await user.click(await screen.findByRole('button', { name: 'Reject lead' }))
    const dialog = screen.getByRole('dialog', { name: 'Reject this lead?' })
    expect(dialog).toHaveAttribute('open')
    expect(dialog).toHaveAccessibleDescription(
      'Rejecting it as “Outside ideal customer profile” opens a case for the review committee. ' +
        'The lead leaves your queue and its follow-up clock stops; marketing is told and may ' +
        'concede or contest the case. If the committee rules that the lead met the definition, ' +
        'it comes back to Sales. A rejection cannot be withdrawn.',
    )
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    expect(sent).toEqual([])
  })

  it('Escape cancels: nothing is sent and focus returns to the button', async () => {
    const user = userEvent.setup()
    const sent = renderPage(rejectForm)
    const reject = await screen.findByRole('button', { name: 'Reject lead' })
    await user.click(reject)
    await user.keyboard('{Escape}')
    expect(screen.getByRole('dialog', { hidden: true })).not.toHaveAttribute('open')
    expect(reject).toHaveFocus()
    expect(sent).toEqual([])
  })

  it('Cancel, by keyboard, cancels too', async () => {
    const user = userEvent.setup()
    const sent = renderPage(rejectForm)
    ;(await screen.findByRole('button', { name: 'Reject lead' })).focus()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(screen.getByRole('dialog', { hidden: true })).not.toHaveAttribute('open')
    expect(sent).toEqual([])
  })

  it('the confirming button sends the same form, once, with its fields and intent', async () => {
    const user = userEvent.setup()
    const sent = renderPage(rejectForm)
    await user.click(await screen.findByRole('button', { name: 'Reject lead' }))
    await user.click(screen.getByRole('button', { name: 'Yes, reject the lead' }))
    await waitFor(() =>
      expect(sent).toEqual([{ intent: 'reject', contactAttempts: '0', reasonId: '3' }]),
    )
  })

  it('does not ask about a form that cannot go: the click submits and its validation speaks', async () => {
    const user = userEvent.setup()
    const sent = renderPage(
      <>
        <input type="hidden" name="intent" value="reject" />
        <ConfirmSubmit confirm={REJECT_CONFIRMATION}>Reject lead</ConfirmSubmit>
      </>,
    )
    await user.click(await screen.findByRole('button', { name: 'Reject lead' }))
    expect(screen.getByRole('dialog', { hidden: true })).not.toHaveAttribute('open')
    // No client validation in this bare form: the server is asked, and would refuse.
    await waitFor(() => expect(sent).toEqual([{ intent: 'reject' }]))
  })

  it('sends the name and value of the button that opened it ("and next")', async () => {
    const user = userEvent.setup()
    const sent = renderPage(
      <>
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="reasonId" value="3" />
        <input type="hidden" name="contactAttempts" value="0" />
        <ConfirmSubmit confirm={REJECT_CONFIRMATION} name="after" value="next">
          Reject and next
        </ConfirmSubmit>
      </>,
    )
    await user.click(await screen.findByRole('button', { name: 'Reject and next' }))
    await user.click(screen.getByRole('button', { name: 'Yes, reject the lead' }))
    await waitFor(() =>
      expect(sent).toEqual([
        { intent: 'reject', reasonId: '3', contactAttempts: '0', after: 'next' },
      ]),
    )
  })

  it('conceding names the case, the rep and what becomes of the lead as chosen', async () => {
    const user = userEvent.setup()
    renderPage(
      <>
        <input type="hidden" name="intent" value="concede" />
        <label>
          Disposition
          <select name="disposition" defaultValue="nurture">
            <option value="disqualified">Disqualified</option>
            <option value="nurture">Nurture</option>
          </select>
        </label>
        <ConfirmSubmit confirm={concedeConfirmation(143, 'Dana Reyes')}>Concede</ConfirmSubmit>
      </>,
    )
    await user.click(await screen.findByRole('button', { name: 'Concede' }))
    expect(screen.getByRole('dialog', { name: 'Concede case 143?' })).toHaveAccessibleDescription(
      'Conceding closes case 143 in Dana Reyes’s favour: the lead does not meet the definition, ' +
        'and the committee will not rule on it. The lead goes back to marketing, into the ' +
        'nurture pool. Dana Reyes is told. A closed case cannot be reopened.',
    )
    expect(screen.getByRole('button', { name: 'Yes, concede' })).toBeInTheDocument()
  })
})

describe('a submit button while its form is sent', () => {
  it('says so, is busy and refuses a second click, then is itself again', async () => {
    const user = userEvent.setup()
    let release: () => void = () => {}
    const answered = new Promise<null>((resolve) => {
      release = () => resolve(null)
    })
    const sent = renderPage(
      <>
        <input type="hidden" name="intent" value="add-user" />
        <Button type="submit">Add user</Button>
        <Button type="submit" name="intent" value="other" variant="secondary">
          Something else
        </Button>
      </>,
      () => answered,
    )
    await user.click(await screen.findByRole('button', { name: 'Add user' }))
    const pending = await screen.findByRole('button', { name: 'Saving…' })
    expect(pending).toHaveAttribute('aria-busy', 'true')
    expect(pending).toHaveAttribute('aria-disabled', 'true')
    // The other button of the page was not pressed: it stays as it is.
    expect(screen.getByRole('button', { name: 'Something else' })).not.toHaveAttribute('aria-busy')
    await user.click(pending)
    await act(async () => release())
    const done = await screen.findByRole('button', { name: 'Add user' })
    expect(done).not.toHaveAttribute('aria-busy')
    expect(sent).toHaveLength(1)
  })
})

describe('focus after a form is sent', () => {
  it('moves to the notice of success, which is a status (announced)', async () => {
    const user = userEvent.setup()
    renderPage(<Button type="submit">Save</Button>, () => ({ notice: 'Changes saved.' }))
    await user.click(await screen.findByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveFocus())
    expect(screen.getByRole('status')).toHaveTextContent('Changes saved.')
  })

  it('moves to the error, an alert, when the form was refused', async () => {
    const user = userEvent.setup()
    renderPage(<Button type="submit">Save</Button>, () => ({ error: 'This case is closed.' }))
    await user.click(await screen.findByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveFocus())
    expect(screen.getByRole('alert')).toHaveTextContent('This case is closed.')
  })

  it('moves to the first invalid field when the form names no error of its own', async () => {
    const user = userEvent.setup()
    renderPage(<InvalidField />, () => null)
    await user.click(await screen.findByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus())
  })
})

function InvalidField() {
  return (
    <>
      <label>
        Name
        <input name="name" aria-invalid="true" defaultValue="" />
      </label>
      <Button type="submit">Save</Button>
    </>
  )
}

vi.setConfig({ testTimeout: 15_000 })
