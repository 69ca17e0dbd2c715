import { z } from 'zod'

/** The import page's actions. The mapping arrives as one `column-<index>` field per column. */
export const ImportIntentSchema = z.object({
  intent: z.enum(['save-mapping', 'start'], { error: 'Unknown action' }),
})

export function mappingFromForm(formData: FormData, headers: string[]): Record<string, string> {
  return Object.fromEntries(headers.map((h, i) => [h, String(formData.get(`column-${i}`) ?? '')]))
}
