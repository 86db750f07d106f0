import type { CoordinatorPictureQuery } from '../../../gql/graphql';

export type CoordinatorPicture = CoordinatorPictureQuery['coordinatorPicture'];
