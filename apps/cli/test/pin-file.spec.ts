import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPinFile, FilePinStore, PinFileError } from '../src/io/pin-file.js';

const pin = (fill: number, verified = false) => ({
  signingPublicKey: Buffer.alloc(32, fill).toString('base64'),
  encryptionPublicKey: Buffer.alloc(32, fill + 1).toString('base64'),
  verified,
});

describe('the CLI pin file', () => {
  it('keeps pins per hub, user and group, readable by the user only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parallax-pins-'));
    const path = join(dir, 'nested', 'pins.json');
    const a = new FilePinStore(path, 'https://hub-a.example');
    const b = new FilePinStore(path, 'https://hub-b.example');
    expect(await a.load('u-1', 'wg-1')).toEqual({});
    await a.save('u-1', 'wg-1', { c1: pin(1) });
    await a.save('u-1', 'wg-2', { c2: pin(3, true) });
    await b.save('u-1', 'wg-1', { c9: pin(5) });
    expect(await a.load('u-1', 'wg-1')).toEqual({ c1: pin(1) });
    expect(await a.load('u-1', 'wg-2')).toEqual({ c2: pin(3, true) });
    expect(await a.load('u-2', 'wg-1')).toEqual({});
    expect(await b.load('u-1', 'wg-1')).toEqual({ c9: pin(5) });
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('refuses a damaged file rather than re-trusting coordinators on first use', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parallax-pins-'));
    const path = join(dir, 'pins.json');
    await writeFile(path, '{ not json');
    await expect(new FilePinStore(path, 'h').load('u', 'w')).rejects.toBeInstanceOf(PinFileError);
    await writeFile(path, JSON.stringify({ version: 2, hubs: {} }));
    await expect(new FilePinStore(path, 'h').load('u', 'w')).rejects.toBeInstanceOf(PinFileError);
    // A malformed entry is dropped (that coordinator is no longer a root), never trusted.
    await writeFile(
      path,
      JSON.stringify({
        version: 1,
        hubs: { h: { u: { w: { c1: { ...pin(1), signingPublicKey: 'short' }, c2: pin(2) } } } },
      }),
    );
    expect(await new FilePinStore(path, 'h').load('u', 'w')).toEqual({ c2: pin(2) });
  });

  it('lives in the config folder', () => {
    expect(defaultPinFile({ PARALLAX_CONFIG_DIR: '/x' })).toBe(join('/x', 'pins.json'));
    if (process.platform !== 'win32') {
      expect(defaultPinFile({ XDG_CONFIG_HOME: '/cfg' })).toBe(
        join('/cfg', 'parallax', 'pins.json'),
      );
    }
  });
});
