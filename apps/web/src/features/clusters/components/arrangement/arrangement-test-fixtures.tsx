import { screen } from '@testing-library/react';
import type { Locale } from '@parallax/domain';
import type { ReactElement, ReactNode } from 'react';
import { useSession } from '../../../auth/hooks/session';
import { fakeServer, type Handler } from '../../../../test/fake-server';
import { renderApp } from '../../../../test/render-app';
import {
  ClusterNotesContext,
  type ClusterNotes,
  type NoteAbout,
} from '../../hooks/useArrangementNotes';
import type {
  ArrangementView,
  ClusterData,
  ClusterView,
  LeadRoleValue,
  ReferralView,
} from '../../utils/cluster-view';

// A cluster of three organisations as the page's query returns it, and a
// note sealer that records what it was given (the tests check that the text
// never reaches the hub: only the sealed copies do).

export const SLOW = { timeout: 10_000 };

export const party = (organisationId: string, organisationName: string) => ({
  __typename: 'ClusterParty',
  organisationId,
  organisationName,
  joinedAt: '2026-11-01T10:00:00.000Z',
  leftAt: null,
  role: null,
  mayRefer: false,
});

export const role = (organisationId: string, r: string, mayRefer = false) => ({
  __typename: 'PartyRoleEntry',
  organisationId,
  role: r as LeadRoleValue,
  mayRefer,
});

export function arrangement(extra: Partial<ArrangementView> = {}): ArrangementView {
  return {
    __typename: 'LeadArrangement',
    clusterId: 'cl-1',
    version: 3,
    status: 'open',
    parties: ['org-1', 'org-2', 'org-3'],
    scope: ['org-1', 'org-2', 'org-3'],
    inForce: null,
    inForceBy: null,
    proposal: null,
    rejections: 0,
    escalationReason: null,
    escalatedAt: null,
    reopenRequestedBy: null,
    history: [],
    availableActions: ['propose'],
    ...extra,
  } as ArrangementView;
}

export function cluster(
  extra: Partial<ClusterView> = {},
  arr: Partial<ArrangementView> = {},
): ClusterData {
  return {
    __typename: 'Cluster',
    id: 'cl-1',
    workingGroupId: 'group-1',
    workingGroupName: 'Syria accountability group',
    createdAt: '2026-11-01T10:00:00.000Z',
    myCases: [{ __typename: 'ClusterCaseRef', id: 'c1', reference: 'SYR-001' }],
    unreadMessages: 0,
    parties: [
      party('org-1', 'Example Centre'),
      party('org-2', 'Justice Archive'),
      party('org-3', 'Rights Watch'),
    ],
    viewerAccess: 'party',
    arrangement: arrangement(arr),
    referrals: [] as ReferralView[],
    ...extra,
  } as unknown as ClusterData;
}

export interface SealedRecord {
  clusterId: string;
  text: string;
  about: NoteAbout;
}

/** Seals to a fixed envelope and remembers the clear text; opens the notes it is told about. */
export function fakeNotes(readable: Record<string, string> = {}) {
  const sealed: SealedRecord[] = [];
  const notes: ClusterNotes = {
    ready: true,
    seal: ({ clusterId }, text, about) => {
      sealed.push({ clusterId, text, about });
      return Promise.resolve({
        messageId: `note-${sealed.length}`,
        audience: 'parties_and_coordinators',
        copies: [{ userId: 'user-2', sealed: 'c2VhbGVk' }],
      });
    },
    open: (_clusterId, ids) =>
      Promise.resolve(new Map(ids.flatMap((id) => (readable[id] ? [[id, readable[id]]] : [])))),
  };
  return { notes, sealed };
}

/** The page renders behind the sign-in: so do the panels here. */
function SignedIn({ children }: { children: ReactNode }) {
  return useSession().viewer ? children : null;
}

export async function renderPanel(
  panel: ReactElement,
  {
    handlers = {},
    notes = fakeNotes().notes,
    locale = 'en',
  }: { handlers?: Record<string, Handler>; notes?: ClusterNotes; locale?: Locale } = {},
) {
  const server = fakeServer({ handlers });
  const view = await renderApp({
    locale,
    server,
    element: (
      <SignedIn>
        <ClusterNotesContext.Provider value={notes}>{panel}</ClusterNotesContext.Provider>
      </SignedIn>
    ),
  });
  return { ...view, server };
}

export const changed = (arr: Partial<ArrangementView> = {}) => ({
  __typename: 'LeadArrangement',
  clusterId: 'cl-1',
  version: 4,
  status: 'proposed',
  ...arr,
});

export const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;
