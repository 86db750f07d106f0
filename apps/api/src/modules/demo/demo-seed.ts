import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createAccountMaterial } from '@parallax/identity';
import { bundleOf, demoCertificate, demoKeys, type DemoKeys } from './demo-keys.js';
import { RUNTIME, type Runtime } from '../../common/runtime.js';
import { AuditService } from '../audit/audit.service.js';
import type { UserRole } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { DemoRepository, type DemoOrganisationKind } from './demo.repository.js';
import {
  demoLoginsHtml,
  demoLoginsText,
  parseDemoLogins,
  type DemoLogin,
  type DemoSeedResult,
} from './demo-summary.js';

const GROUP = 'Syria accountability working group (demo)';

interface DemoOrg {
  name: string;
  kind: DemoOrganisationKind;
  users: Array<{ email: string; name: string; role: UserRole; coordinator?: boolean }>;
}

// Fictional organisations and people: the demo must never look like real data.
const ORGS: DemoOrg[] = [
  {
    name: 'Demo Accountability Secretariat',
    kind: 'secretariat',
    users: [
      {
        email: 'coordinator@demo.parallax.test',
        name: 'Rana Coordinator',
        role: 'org_admin',
        coordinator: true,
      },
    ],
  },
  {
    name: 'Demo Documentation Centre',
    kind: 'cso',
    users: [
      { email: 'admin@ddc.demo.parallax.test', name: 'Samir Admin', role: 'org_admin' },
      {
        email: 'investigator@ddc.demo.parallax.test',
        name: 'Lina Investigator',
        role: 'investigator',
      },
    ],
  },
  {
    name: 'Demo Justice Archive',
    kind: 'cso',
    users: [
      { email: 'admin@dja.demo.parallax.test', name: 'Olena Admin', role: 'org_admin' },
      {
        email: 'investigator@dja.demo.parallax.test',
        name: 'Taras Investigator',
        role: 'investigator',
      },
    ],
  },
  {
    name: 'Demo Rights Watch',
    kind: 'cso',
    users: [
      { email: 'admin@drw.demo.parallax.test', name: 'Amal Admin', role: 'org_admin' },
      {
        email: 'investigator@drw.demo.parallax.test',
        name: 'Karim Investigator',
        role: 'investigator',
      },
    ],
  },
  {
    name: 'Demo Open Justice Fund',
    kind: 'donor',
    users: [{ email: 'donor@fund.demo.parallax.test', name: 'Maria Donor', role: 'viewer' }],
  },
];

interface SeededUser {
  userId: string;
  organisationId: string;
  kind: DemoOrganisationKind;
  role: UserRole;
  coordinator: boolean;
  keys: DemoKeys;
}

/**
 * Seeds a demo working group with organisations and users, once. The
 * coordinators come from the secretariat, which is not a member (issue 9,
 * High 3), and the demo starts fully verified: the coordinator certified
 * each member organisation's admin, each admin their investigators. Logins
 * (passwords and TOTP secrets) are kept in the data folder, mode 0600 — as
 * text and as a page of QR codes — so a second start can show them again;
 * the caller prints them once the hub listens (demo-summary.ts).
 */
export async function seedDemo(
  app: INestApplicationContext,
  say: (m: string) => void,
): Promise<DemoSeedResult> {
  const runtime = app.get<Runtime>(RUNTIME);
  const files = {
    text: join(runtime.config.PARALLAX_DATA_DIR, 'demo-logins.txt'),
    html: join(runtime.config.PARALLAX_DATA_DIR, 'demo-logins.html'),
  };
  const repository = app.get(DemoRepository);
  if (await repository.groupExists(GROUP)) {
    say('Demo data already present.');
    const logins = existsSync(files.text)
      ? parseDemoLogins(await readFile(files.text, 'utf8'))
      : [];
    if (logins.length > 0 && !existsSync(files.html)) {
      await writeFile(files.html, await demoLoginsHtml(logins), { mode: 0o600 });
    }
    return { logins, files };
  }

  say('Seeding demo data (deriving keys for each demo user takes a few seconds)…');
  const users = app.get(UsersService);
  const audit = app.get(AuditService);
  const logins: DemoLogin[] = [];
  const seeded: SeededUser[] = [];
  const groupId: string = await repository.transaction(async (m) => {
    const id = await repository.insertWorkingGroup(
      m,
      GROUP,
      'A demonstration group with fictional organisations.',
    );
    await audit.record(m, {
      actorUserId: null,
      workingGroupId: id,
      action: 'working_group.create',
      subjectType: 'working_group',
      subjectId: id,
      change: { name: GROUP, demo: true },
    });
    return id;
  });

  for (const org of ORGS) {
    const orgId: string = await repository.transaction(async (m) => {
      const id = await repository.insertOrganisation(m, org.name, org.kind);
      // Donors get read access to metrics; CSOs are members; the secretariat
      // takes part through its coordinator.
      if (org.kind === 'donor') {
        await repository.addDonor(m, groupId, id);
      } else if (org.kind === 'cso') {
        await repository.addActiveMember(m, groupId, id);
      }
      await audit.record(m, {
        actorUserId: null,
        organisationId: id,
        workingGroupId: org.kind === 'secretariat' ? null : groupId,
        action: 'organisation.create',
        subjectType: 'organisation',
        subjectId: id,
        change: { name: org.name, kind: org.kind },
      });
      return id;
    });
    for (const u of org.users) {
      const password = `demo-${randomBytes(6).toString('base64url')}`;
      const keys = await demoKeys(password);
      const enrolment = await users.createAccount(
        {
          email: u.email,
          displayName: u.name,
          membership: { organisationId: orgId, role: u.role },
          ...keys.material,
        },
        null,
      );
      seeded.push({
        userId: enrolment.userId,
        organisationId: orgId,
        kind: org.kind,
        role: u.role,
        coordinator: u.coordinator ?? false,
        keys,
      });
      if (u.coordinator) {
        await repository.transaction(async (m) => {
          await repository.addCoordinator(m, groupId, enrolment.userId);
          await audit.record(m, {
            actorUserId: null,
            workingGroupId: groupId,
            action: 'working_group.add_coordinator',
            subjectType: 'user',
            subjectId: enrolment.userId,
            change: { userId: enrolment.userId },
          });
        });
      }
      logins.push({
        email: u.email,
        password,
        totpSecret: enrolment.totpSecret,
        label: `${org.name}, ${u.role}${u.coordinator ? ', coordinator' : ''}`,
      });
    }
  }
  await certifyDemo(repository, audit, groupId, seeded);
  for (const s of seeded) s.keys.signingPrivateKey.fill(0);
  const adminPassword = `demo-${randomBytes(6).toString('base64url')}`;
  const admin = await users.createAccount(
    {
      email: 'platform-admin@demo.parallax.test',
      displayName: 'Demo Platform Admin',
      ...(await createAccountMaterial(adminPassword)),
    },
    null,
  );
  logins.push({
    email: 'platform-admin@demo.parallax.test',
    password: adminPassword,
    totpSecret: admin.totpSecret,
    label: 'platform admin',
  });
  await writeFile(files.text, demoLoginsText(logins), { mode: 0o600 });
  await writeFile(files.html, await demoLoginsHtml(logins), { mode: 0o600 });
  return { logins, files };
}

/**
 * The certificates a verified demo has: the coordinator vouches for the
 * admin of each member organisation (org_admin, for the group), and each
 * admin for the admins' and investigators' keys of their own organisation
 * (member). Written as the issuers' clients would have sent them.
 */
async function certifyDemo(
  repository: DemoRepository,
  audit: AuditService,
  groupId: string,
  seeded: SeededUser[],
): Promise<void> {
  const coordinator = seeded.find((s) => s.coordinator);
  if (!coordinator) throw new Error('The demo needs a coordinator');
  const issued: Array<{ issuer: SeededUser; subject: SeededUser; kind: 'org_admin' | 'member' }> =
    [];
  for (const admin of seeded.filter((s) => s.kind === 'cso' && s.role === 'org_admin')) {
    issued.push({ issuer: coordinator, subject: admin, kind: 'org_admin' });
    for (const colleague of seeded) {
      if (
        colleague !== admin &&
        colleague.organisationId === admin.organisationId &&
        (colleague.role === 'org_admin' || colleague.role === 'investigator')
      ) {
        issued.push({ issuer: admin, subject: colleague, kind: 'member' });
      }
    }
  }
  await repository.transaction(async (m) => {
    for (const { issuer, subject, kind } of issued) {
      const certificate = demoCertificate(
        kind,
        kind === 'member' ? null : groupId,
        bundleOf(subject.userId, subject.organisationId, subject.keys),
        issuer.userId,
        issuer.keys,
      );
      const id = await repository.insertCertificate(m, {
        ...certificate,
        subjectUserId: subject.userId,
        subjectOrganisationId: subject.organisationId,
        issuerUserId: issuer.userId,
      });
      await audit.record(m, {
        actorUserId: issuer.userId,
        organisationId: issuer.organisationId,
        workingGroupId: certificate.workingGroupId,
        action: 'keys.certify',
        subjectType: 'user',
        subjectId: subject.userId,
        change: {
          kind,
          workingGroupId: certificate.workingGroupId,
          subjectUserId: subject.userId,
          certificateId: id,
          demo: true,
        },
      });
    }
  });
}
