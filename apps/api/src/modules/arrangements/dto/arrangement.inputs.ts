import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SealedMessageInput } from '../../conversations/dto/sealed-message.input.js';
import { MAX_ROLES, PartyRoleInput } from './party-role.input.js';

const MAX_INT = 2_147_483_647;

/** What every arrangement action names: the cluster and, optionally, its sealed note. */
@InputType({ isAbstract: true })
abstract class ArrangementActionInput {
  @Field(() => ID)
  @IsUUID()
  clusterId: string;

  @Field(() => SealedMessageInput, {
    nullable: true,
    description:
      'The free text of the action (message, reason), sealed to the parties and coordinators.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => SealedMessageInput)
  note?: SealedMessageInput | null;
}

/** An action on a version the caller read (optimistic concurrency). */
@InputType({ isAbstract: true })
abstract class VersionedActionInput extends ArrangementActionInput {
  @Field(() => Int, { description: 'The arrangement version the caller acted on.' })
  @IsInt()
  @Min(0)
  @Max(MAX_INT)
  expectedVersion: number;
}

function RolesField() {
  return (target: object, key: string) => {
    Field(() => [PartyRoleInput])(target, key);
    IsArray()(target, key);
    ArrayMinSize(1)(target, key);
    ArrayMaxSize(MAX_ROLES)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(() => PartyRoleInput)(target, key);
  };
}

@InputType()
export class ProposeArrangementInput extends VersionedActionInput {
  @RolesField()
  roles: PartyRoleInput[];

  @Field(() => Date, {
    description: 'The answers are due by then (between one hour and 60 days ahead).',
  })
  @IsDate()
  deadline: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Set to counter that proposal (a counter-proposal).',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  counterTo?: number | null;
}

@InputType()
export class RespondToProposalInput extends VersionedActionInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_INT)
  proposalNumber: number;

  @Field(() => Boolean, { description: 'A rejection needs a note (the reason).' })
  @IsBoolean()
  accept: boolean;
}

@InputType({ description: "A coordinator's comment: the note is required." })
export class ArrangementNoteInput extends ArrangementActionInput {}

@InputType({
  description:
    "A coordinator's binding decision on an escalated arrangement, with its reason (note).",
})
export class DecideArrangementInput extends VersionedActionInput {
  @RolesField()
  roles: PartyRoleInput[];
}

@InputType({ description: "A party's request to reopen a decision, with its reason (note)." })
export class ReopenRequestInput extends VersionedActionInput {}

@InputType({
  description: "A coordinator's answer to a reopening request, with its reason (note).",
})
export class AnswerReopenInput extends VersionedActionInput {
  @Field(() => Boolean)
  @IsBoolean()
  grant: boolean;
}
