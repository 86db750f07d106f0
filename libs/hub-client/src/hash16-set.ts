/**
 * A set of 16-byte hashes with a number attached to each, in two typed
 * arrays (open addressing, linear probing): 20 bytes a slot, at least half
 * of the slots empty, so 40–80 bytes an entry, where a JavaScript Set of
 * strings costs several times that. The duplicate
 * check of a 275,000-record import keeps every record id's hash, so its
 * memory has to stay small and predictable.
 */
const WORDS = 4;

export class Hash16Set {
  private slots: Uint32Array;
  /** The value stored with each hash, plus one (0 marks an empty slot). */
  private values: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity * WORDS);
    this.values = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Bytes held by the table (for benchmarks). */
  get byteLength(): number {
    return this.slots.byteLength + this.values.byteLength;
  }

  /**
   * The value stored with `hash`, else stores `value` (a non-negative
   * integer below 2^32 - 1) and returns undefined.
   */
  getOrAdd(hash: Uint8Array, value: number): number | undefined {
    if (hash.length < 16) throw new RangeError('Hash16Set: a hash has 16 bytes');
    const view = new DataView(hash.buffer, hash.byteOffset, 16);
    const w0 = view.getUint32(0);
    const w1 = view.getUint32(4);
    const w2 = view.getUint32(8);
    const w3 = view.getUint32(12);
    // The hash is uniform already: its first word picks the slot.
    let slot = w0 & this.mask;
    for (;;) {
      const stored = this.values[slot] ?? 0;
      if (stored === 0) break;
      const at = slot * WORDS;
      if (
        this.slots[at] === w0 &&
        this.slots[at + 1] === w1 &&
        this.slots[at + 2] === w2 &&
        this.slots[at + 3] === w3
      ) {
        return stored - 1;
      }
      slot = (slot + 1) & this.mask;
    }
    const at = slot * WORDS;
    this.slots[at] = w0;
    this.slots[at + 1] = w1;
    this.slots[at + 2] = w2;
    this.slots[at + 3] = w3;
    this.values[slot] = value + 1;
    this.count++;
    if (this.count * 2 > this.mask + 1) this.grow();
    return undefined;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldValues = this.values;
    const capacity = (this.mask + 1) * 2;
    this.slots = new Uint32Array(capacity * WORDS);
    this.values = new Uint32Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < oldValues.length; i++) {
      const value = oldValues[i] ?? 0;
      if (value === 0) continue;
      const from = i * WORDS;
      let slot = (oldSlots[from] ?? 0) & this.mask;
      while ((this.values[slot] ?? 0) !== 0) slot = (slot + 1) & this.mask;
      this.slots.set(oldSlots.subarray(from, from + WORDS), slot * WORDS);
      this.values[slot] = value;
    }
  }
}
