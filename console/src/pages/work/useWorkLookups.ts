import { useMemo } from 'react';
import { useQuery } from 'urql';
import { TagsDocument, TeamsDocument, TenantMembersDocument } from './WorkOperations';

// Pickers offer the first 100 of each: the API's largest page.
const PICKER_PAGE = 100;

/** The tenant's members, teams and tags, for pickers and for naming the ids
 * a history entry lists. */
export function useWorkLookups() {
  const [members] = useQuery({ query: TenantMembersDocument });
  const [teams] = useQuery({ query: TeamsDocument, variables: { first: PICKER_PAGE } });
  const [tags] = useQuery({ query: TagsDocument, variables: { first: PICKER_PAGE } });
  return useMemo(() => {
    const memberList = members.data?.tenant.members.edges.map((e) => e.node.user) ?? [];
    const teamList = teams.data?.teams.edges.map((e) => e.node) ?? [];
    const tagList = tags.data?.tags.edges.map((e) => e.node) ?? [];
    return {
      members: memberList,
      teams: teamList,
      tags: tagList,
      memberOptions: memberList.map((u) => ({ value: u.id, label: u.name })),
      teamOptions: teamList.map((t) => ({ value: t.id, label: t.name })),
      tagOptions: tagList.map((t) => ({ value: t.id, label: t.name })),
      names: {
        user: new Map(memberList.map((u) => [u.id, u.name])),
        team: new Map(teamList.map((t) => [t.id, t.name])),
        tag: new Map(tagList.map((t) => [t.id, t.name])),
      },
      error: members.error ?? teams.error ?? tags.error,
    };
  }, [members, teams, tags]);
}

export type WorkLookups = ReturnType<typeof useWorkLookups>;
