import { Injectable } from '@nestjs/common';
import type { Actor } from '@parallax/authz';
import { ErrorCode, type PartyRole } from '@parallax/domain';
import { DataSource } from 'typeorm';
import { runAsTenant } from '../../common/tenant/tenant-transaction.js';
import { AuditService } from '../audit/audit.service.js';
import { ArrangementActionsService } from './arrangement-actions.service.js';
import { viewerActions } from './arrangement-sides.js';
import { ArrangementStore } from './arrangement.store.js';
import { toArrangementEvent, toLeadArrangement } from './arrangement-view.js';
import { ArrangementsException } from './arrangements.exception.js';
import { ArrangementsRepository } from './arrangements.repository.js';
import type {
  AnswerReopenInput,
  ArrangementNoteInput,
  DecideArrangementInput,
  ProposeArrangementInput,
  ReopenRequestInput,
  RespondToProposalInput,
} from './dto/arrangement.inputs.js';
import type { PartyRoleInput } from './dto/party-role.input.js';
import type { LeadNegotiators } from './models/arrangement-enums.js';
import type { ArrangementEvent } from './models/arrangement-event.model.js';
import type { LeadArrangement } from './models/lead-arrangement.model.js';

const roles = (input: readonly PartyRoleInput[]): PartyRole[] =>
  input.map((r) => ({
    organisationId: r.organisationId,
    role: r.role,
    mayRefer: r.mayRefer ?? false,
  }));

/**
 * The lead arrangement of a cluster as its parties and coordinators see and
 * negotiate it. The rules are the domain's rule book; who may act, on which
 * version, and what is written with each act is `ArrangementActionsService`.
 */
@Injectable()
export class ArrangementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actions: ArrangementActionsService,
    private readonly store: ArrangementStore,
    private readonly repository: ArrangementsRepository,
    private readonly audit: AuditService,
  ) {}

  propose(actor: Actor, input: ProposeArrangementInput): Promise<LeadArrangement> {
    const deadline = input.deadline.toISOString();
    const counterTo = input.counterTo ?? null;
    return this.actions.perform(actor, {
      clusterId: input.clusterId,
      side: 'party',
      expectedVersion: input.expectedVersion,
      note: input.note,
      noteRequired: false,
      action: (at) =>
        counterTo === null
          ? { type: 'propose', roles: roles(input.roles), deadline, at }
          : { type: 'counter', proposalNumber: counterTo, roles: roles(input.roles), deadline, at },
    });
  }

  respond(actor: Actor, input: RespondToProposalInput): Promise<LeadArrangement> {
    return this.actions.perform(actor, {
      clusterId: input.clusterId,
      side: 'party',
      expectedVersion: input.expectedVersion,
      note: input.note,
      // A rejection says why.
      noteRequired: !input.accept,
      action: (at) => ({
        type: input.accept ? 'accept' : 'reject',
        proposalNumber: input.proposalNumber,
        at,
      }),
    });
  }

  comment(actor: Actor, input: ArrangementNoteInput): Promise<LeadArrangement> {
    return this.actions.perform(actor, {
      clusterId: input.clusterId,
      side: 'coordinator',
      expectedVersion: null,
      note: input.note,
      noteRequired: true,
      action: null,
    });
  }

  decide(actor: Actor, input: DecideArrangementInput): Promise<LeadArrangement> {
    return this.actions.perform(actor, {
      clusterId: input.clusterId,
      side: 'coordinator',
      expectedVersion: input.expectedVersion,
      note: input.note,
      noteRequired: true,
      action: (at) => ({ type: 'decide', roles: roles(input.roles), at }),
    });
  }

  requestReopen(actor: Actor, input: ReopenRequestInput): Promise<LeadArrangement> {
    return this.actions.perform(actor, {
      clusterId: input.clusterId,
      side: 'party',
      expectedVersion: input.expectedVersion,
      note: input.note,
      noteRequired: true,
      action: (at) => ({ type: 'request_reopen', at }),
    });
  }

  answerReopen(actor: Actor, input: AnswerReopenInput): Promise<LeadArrangement> {
    return this.actions.perform(actor, {
      clusterId: input.clusterId,
      side: 'coordinator',
      expectedVersion: input.expectedVersion,
      note: input.note,
      noteRequired: true,
      action: (at) => ({ type: 'answer_reopen', grant: input.grant, at }),
    });
  }

  /** A cluster's arrangement for the viewer (party, former party or coordinator); NOT_FOUND otherwise. */
  arrangement(actor: Actor, clusterId: string): Promise<LeadArrangement> {
    return runAsTenant(this.dataSource, actor, async (m) => {
      const standing = await this.actions.standing(m, actor, clusterId);
      const stored = standing.access ? await this.store.load(m, clusterId, false) : null;
      if (!stored) throw new ArrangementsException(ErrorCode.NotFound, 'No such cluster');
      return toLeadArrangement(
        clusterId,
        stored.status,
        stored.state,
        viewerActions(actor, stored.status, stored.state, standing),
      );
    });
  }

  /** The arrangement's history, oldest first (row-level security: only those with access see it). */
  history(actor: Actor, clusterId: string): Promise<ArrangementEvent[]> {
    return runAsTenant(this.dataSource, actor, async (m) =>
      (await this.repository.events(m, [clusterId])).map(toArrangementEvent),
    );
  }

  /** The group's clusters waiting for a coordinator (escalated, or a reopening asked); coordinators only. */
  waitingForCoordinators(actor: Actor, workingGroupId: string): Promise<string[]> {
    if (!actor.coordinatorOf.includes(workingGroupId))
      throw new ArrangementsException(
        ErrorCode.Forbidden,
        "Only the group's coordinators see its escalations",
      );
    return runAsTenant(this.dataSource, actor, (m) =>
      this.repository.waitingForCoordinators(m, workingGroupId),
    );
  }

  /** An organisation admin lets its investigators negotiate the lead, or stops them. Audited. */
  setLeadNegotiators(actor: Actor, policy: LeadNegotiators): Promise<string> {
    const organisationId = actor.organisationId;
    if (!organisationId || actor.role !== 'org_admin')
      throw new ArrangementsException(
        ErrorCode.Forbidden,
        "Only an organisation's admins set who negotiates",
      );
    return runAsTenant(this.dataSource, actor, async (m) => {
      if (!(await this.repository.setLeadNegotiators(m, organisationId, policy)))
        throw new ArrangementsException(
          ErrorCode.Forbidden,
          "Only an organisation's admins set who negotiates",
        );
      await this.audit.record(m, {
        actorUserId: actor.userId,
        organisationId,
        action: 'organisation.lead_negotiators_set',
        subjectType: 'organisation',
        subjectId: organisationId,
        change: { policy },
      });
      return organisationId;
    });
  }

  /** The caller's organisation's policy. */
  leadNegotiators(actor: Actor, organisationId: string): Promise<LeadNegotiators> {
    return runAsTenant(this.dataSource, actor, (m) =>
      this.repository.leadNegotiators(m, organisationId),
    );
  }
}
