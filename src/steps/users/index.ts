import { Entity, IntegrationStep } from '@jupiterone/integration-sdk-core';

import {
  IterationSummary,
  ListFilter,
  PageHandler,
  S1Role,
  S1ServiceUser,
  S1User,
} from '../../client';
import { IntegrationConfig } from '../../config';
import { iterateEach, scopeFilters } from '../../scope';
import { Entities, IngestionSources, Relationships, Steps } from '../constants';
import {
  collectPages,
  getStepClient,
  OptionalSource,
  PageGraph,
  StepContext,
} from '../framework';
import { accountKey } from '../keys';
import { OptionalSources } from '../permissions';
import { relateKeys } from '../relationships';
import {
  createRoleEntity,
  createServiceUserEntity,
  createUserAssignedRoleRelationships,
  createUserEntity,
} from './converter';

/**
 * Roles, then console users and service users, which the account HAS; each
 * user ASSIGNED each role it holds (when that role was collected), with the
 * scope of the assignment. Each list needs its own permission: one refused
 * leaves the others collected.
 */
export async function fetchUsers(context: StepContext): Promise<void> {
  const { client, scope } = await getStepClient(context);
  const { jobState } = context;
  const account = accountKey(context.instance.id);

  const assignRoles = async (
    user: S1User | S1ServiceUser,
    userEntityKey: string,
    graph: PageGraph,
  ) => {
    for (const assignment of createUserAssignedRoleRelationships(
      userEntityKey,
      user.scope,
      user.scopeRoles,
    )) {
      // No edge to a role that was not collected (Roles.view refused).
      if (await jobState.hasKey(assignment._toEntityKey as string)) {
        graph.relationships.push(assignment);
      }
    }
  };

  await collectPages<S1Role>({
    context,
    client,
    recordType: 'role',
    writtenType: Entities.ROLE._type,
    optional: OptionalSources.roles,
    iterate: (onPage) =>
      iterateEach(scopeFilters(scope.run), (filter) =>
        client.iterateRoles(filter, onPage),
      ),
    toGraph: (role, graph) => {
      const entity = createRoleEntity(role);
      graph.entities.push(entity);
      graph.relationships.push(
        relateKeys(Relationships.ACCOUNT_HAS_ROLE, account, entity._key),
      );
    },
  });

  const collectPeople = <R extends S1User | S1ServiceUser>(
    people: People<R>,
  ): Promise<boolean> =>
    collectPages<R>({
      context,
      client,
      recordType: people.recordType,
      writtenType: Entities.USER._type,
      optional: people.optional,
      iterate: (onPage) =>
        iterateEach(scopeFilters(scope.run), (filter) =>
          people.list(filter, onPage),
        ),
      toGraph: async (person, graph) => {
        const entity = people.toEntity(person);
        graph.entities.push(entity);
        graph.relationships.push(
          relateKeys(Relationships.ACCOUNT_HAS_USER, account, entity._key),
        );
        await assignRoles(person, entity._key, graph);
      },
    });

  await collectPeople<S1User>({
    recordType: 'console user',
    optional: OptionalSources.users,
    list: (filter, onPage) => client.iterateUsers(filter, onPage),
    toEntity: createUserEntity,
  });
  await collectPeople<S1ServiceUser>({
    recordType: 'service user',
    optional: OptionalSources.serviceUsers,
    list: (filter, onPage) => client.iterateServiceUsers(filter, onPage),
    toEntity: createServiceUserEntity,
  });
}

/** One list of people: console users or service users. */
interface People<R> {
  recordType: string;
  optional: OptionalSource;
  /** Lists one scope's people, a page at a time. */
  list: (
    filter: ListFilter,
    onPage: PageHandler<R>,
  ) => Promise<IterationSummary>;
  toEntity: (record: R) => Entity;
}

export const userSteps: IntegrationStep<IntegrationConfig>[] = [
  {
    id: Steps.USERS,
    name: 'Fetch Console Users and Roles',
    entities: [Entities.USER, Entities.ROLE],
    relationships: [
      Relationships.ACCOUNT_HAS_USER,
      Relationships.ACCOUNT_HAS_ROLE,
      Relationships.USER_ASSIGNED_ROLE,
    ],
    dependsOn: [Steps.ACCOUNT],
    ingestionSourceId: IngestionSources.USERS,
    executionHandler: fetchUsers,
  },
];
