// A bounded memo: values computed once and remembered by key, the oldest forgotten first once
// it holds `size`. Each process keeps its own (each worker of the cluster, decision 31); what
// keeps a remembered value true is its key, which the caller builds from what the value
// depends on (a database stamp, a minute, a day).

export class BoundedMemo<V> {
  readonly #values = new Map<string, V>()

  constructor(readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.#values.get(key)
    if (value === undefined) return undefined
    // Used again: it becomes the newest.
    this.#values.delete(key)
    this.#values.set(key, value)
    return value
  }

  set(key: string, value: V): void {
    this.#values.delete(key)
    this.#values.set(key, value)
    while (this.#values.size > this.size)
      this.#values.delete(this.#values.keys().next().value as string)
  }

  get count(): number {
    return this.#values.size
  }
}
