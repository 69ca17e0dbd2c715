/** The import page's mapping arrives as one `column-<index>` field per column. */
export function mappingFromForm(formData: FormData, headers: string[]): Record<string, string> {
  return Object.fromEntries(headers.map((h, i) => [h, String(formData.get(`column-${i}`) ?? '')]))
}
