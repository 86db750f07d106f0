import type { FtmPerson, TypedIdentifier } from '@parallax/fingerprint';

export interface JsonlParseResult {
  persons: FtmPerson[];
  /** Entities of another schema (companies, addresses…) that were left out. */
  skipped: number;
  /** Numbers of the lines that could not be read. */
  unreadable: number[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}

/**
 * FollowTheMoney JSON Lines (one entity per line, as Aleph and OpenSanctions
 * export them): keeps the Person entities, with Parallax's optional
 * `identifiers` list. Lines that are not JSON are reported by number.
 */
export function parsePersonsJsonl(text: string): JsonlParseResult {
  const persons: FtmPerson[] = [];
  const unreadable: number[] = [];
  let skipped = 0;
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u);
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.length === 0) return;
    let entity: unknown;
    try {
      entity = JSON.parse(trimmed);
    } catch {
      unreadable.push(index + 1);
      return;
    }
    if (!isRecord(entity) || !isRecord(entity['properties'])) {
      unreadable.push(index + 1);
      return;
    }
    const schema = entity['schema'];
    if (schema !== undefined && schema !== 'Person') {
      skipped++;
      return;
    }
    const properties: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(entity['properties'])) {
      const list = stringList(value);
      if (list && list.length > 0) properties[name] = list;
    }
    const identifiers: TypedIdentifier[] = Array.isArray(entity['identifiers'])
      ? entity['identifiers'].flatMap((item: unknown) =>
          isRecord(item) && typeof item['type'] === 'string' && typeof item['value'] === 'string'
            ? [{ type: item['type'], value: item['value'] }]
            : [],
        )
      : [];
    const id = entity['id'];
    persons.push({
      id: typeof id === 'string' && id.length > 0 ? id : `line-${index + 1}`,
      schema: 'Person',
      properties,
      ...(identifiers.length > 0 ? { identifiers } : {}),
    });
  });
  return { persons, skipped, unreadable };
}
