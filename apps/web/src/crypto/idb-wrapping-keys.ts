import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import type { StoredWrappingKey, WrappingKeyStore } from './key-session';

/**
 * The tabs' wrapping keys in IndexedDB (a database of their own): the
 * structured clone of a non-extractable CryptoKey stays non-extractable.
 */
export class IdbWrappingKeys implements WrappingKeyStore {
  private readonly store: UseStore = createStore('parallax-key-session', 'wrapping-keys');

  get(id: string): Promise<StoredWrappingKey | undefined> {
    return get<StoredWrappingKey>(id, this.store);
  }

  set(id: string, value: StoredWrappingKey): Promise<void> {
    return set(id, value, this.store);
  }

  delete(id: string): Promise<void> {
    return del(id, this.store);
  }

  entries(): Promise<Array<[string, StoredWrappingKey]>> {
    return entries<string, StoredWrappingKey>(this.store);
  }
}
