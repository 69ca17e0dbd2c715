import { type CriterionRule, describeRule } from './evaluator'

type Comparable = Pick<
  CriterionRule,
  'key' | 'label' | 'field' | 'operator' | 'value' | 'required'
> & { description: string }

type CriterionChange =
  | { kind: 'added'; key: string; now: string }
  | { kind: 'removed'; key: string; was: string }
  | { kind: 'changed'; key: string; was: string; now: string; descriptionChanged: boolean }

/** A criterion in one line of plain words: its label, its rule, required or advisory. */
function summarise(c: Comparable): string {
  return `${c.label}: ${describeRule(c)} (${c.required ? 'required' : 'advisory'})`
}

/** What changed from one version to another, criterion by criterion (matched by key). */
export function diffCriteria(from: Comparable[], to: Comparable[]): CriterionChange[] {
  const before = new Map(from.map((c) => [c.key, c]))
  const afterKeys = new Set(to.map((c) => c.key))
  const changes: CriterionChange[] = []
  for (const c of to) {
    const old = before.get(c.key)
    if (!old) {
      changes.push({ kind: 'added', key: c.key, now: summarise(c) })
      continue
    }
    const descriptionChanged = old.description !== c.description
    if (summarise(old) !== summarise(c) || descriptionChanged) {
      changes.push({
        kind: 'changed',
        key: c.key,
        was: summarise(old),
        now: summarise(c),
        descriptionChanged,
      })
    }
  }
  for (const c of from) {
    if (!afterKeys.has(c.key)) changes.push({ kind: 'removed', key: c.key, was: summarise(c) })
  }
  return changes
}
