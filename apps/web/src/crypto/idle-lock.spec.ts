import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdleKeyLock } from './idle-lock';
import { KeyStore } from './key-store';

const keys = () => ({
  userId: 'user-a',
  encryptionKey: new Uint8Array(32).fill(1),
  privateKey: new Uint8Array(32).fill(2),
  signingPrivateKey: null,
});

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('idle lock', () => {
  it('locks the keys after the idle time without activity, not before', () => {
    const store = new KeyStore();
    store.set(keys());
    renderHook(() => useIdleKeyLock(store, 10 * 60_000));
    act(() => void vi.advanceTimersByTime(6 * 60_000));
    window.dispatchEvent(new Event('keydown'));
    act(() => void vi.advanceTimersByTime(6 * 60_000));
    expect(store.getSnapshot()).not.toBeNull();
    act(() => void vi.advanceTimersByTime(5 * 60_000));
    expect(store.getSnapshot()).toBeNull();
  });
});
