/** The demo hub's organisations the bench plays: two seeded ones (DJA, DRW) and the importer (DDC). */
import type pg from 'pg';

export interface DemoOrg {
  id: string;
  name: string;
  user_id: string;
  email: string;
}

export async function demoOrganisations(
  client: pg.Client,
): Promise<{ dja: DemoOrg; drw: DemoOrg; ddc: DemoOrg }> {
  const orgs = new Map(
    (
      (
        await client.query(
          `SELECT o.id, o.name, u.id AS user_id, u.email FROM organisation o JOIN app_user u ON u.organisation_id = o.id`,
        )
      ).rows as DemoOrg[]
    ).map((r) => [r.email, r]),
  );
  const dja = orgs.get('investigator@dja.demo.parallax.test');
  const drw = orgs.get('investigator@drw.demo.parallax.test');
  const ddc = orgs.get('investigator@ddc.demo.parallax.test');
  if (!dja || !drw || !ddc) throw new Error('demo organisations missing');
  return { dja, drw, ddc };
}
