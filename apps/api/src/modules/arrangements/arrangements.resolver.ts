import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@parallax/authz';
import { CurrentActor } from '../../common/authorization/current-actor.decorator.js';
import { Authenticated } from '../../common/authorization/public.decorator.js';
import { ArrangementsService } from './arrangements.service.js';
import {
  AnswerReopenInput,
  ArrangementNoteInput,
  DecideArrangementInput,
  ProposeArrangementInput,
  ReopenRequestInput,
  RespondToProposalInput,
} from './dto/arrangement.inputs.js';
import { LeadArrangement } from './models/lead-arrangement.model.js';

/**
 * The parties' and coordinators' acts on a cluster's lead arrangement. Each
 * names the version it acts on (ARRANGEMENT_VERSION_STALE otherwise); free
 * text travels as a sealed note.
 */
@Resolver(() => LeadArrangement)
export class ArrangementsResolver {
  constructor(private readonly service: ArrangementsService) {}

  @Authenticated()
  @Mutation(() => LeadArrangement, {
    description:
      'A party proposes roles for every party (with counterTo: counters that proposal), answers due by the deadline.',
  })
  proposeLeadArrangement(
    @CurrentActor() actor: Actor,
    @Args('input') input: ProposeArrangementInput,
  ): Promise<LeadArrangement> {
    return this.service.propose(actor, input);
  }

  @Authenticated()
  @Mutation(() => LeadArrangement, {
    description: 'A party accepts or rejects (with a note: the reason) the proposal on the table.',
  })
  respondToLeadProposal(
    @CurrentActor() actor: Actor,
    @Args('input') input: RespondToProposalInput,
  ): Promise<LeadArrangement> {
    return this.service.respond(actor, input);
  }

  @Authenticated()
  @Mutation(() => LeadArrangement, {
    description: "A coordinator's comment (the note) on the arrangement; changes no state.",
  })
  commentOnArrangement(
    @CurrentActor() actor: Actor,
    @Args('input') input: ArrangementNoteInput,
  ): Promise<LeadArrangement> {
    return this.service.comment(actor, input);
  }

  @Authenticated()
  @Mutation(() => LeadArrangement, {
    description: 'A coordinator decides an escalated arrangement (binding until reopened).',
  })
  decideLeadArrangement(
    @CurrentActor() actor: Actor,
    @Args('input') input: DecideArrangementInput,
  ): Promise<LeadArrangement> {
    return this.service.decide(actor, input);
  }

  @Authenticated()
  @Mutation(() => LeadArrangement, {
    description: 'A party asks the coordinators to reopen a decision (the note says why).',
  })
  requestArrangementReopen(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReopenRequestInput,
  ): Promise<LeadArrangement> {
    return this.service.requestReopen(actor, input);
  }

  @Authenticated()
  @Mutation(() => LeadArrangement, {
    description: 'A coordinator grants or refuses a request to reopen a decision.',
  })
  answerArrangementReopen(
    @CurrentActor() actor: Actor,
    @Args('input') input: AnswerReopenInput,
  ): Promise<LeadArrangement> {
    return this.service.answerReopen(actor, input);
  }
}
