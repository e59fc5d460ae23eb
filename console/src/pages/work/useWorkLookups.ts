import { useMemo } from 'react';
import { truncatedNote, useAllPages } from '../../hooks/useAllPages';
import { TagsDocument, TeamsDocument, TenantMembersDocument } from './WorkOperations';

/** The tenant's members, teams and tags, for pickers and for naming the ids
 * a history entry lists. */
export function useWorkLookups() {
  const members = useAllPages({ query: TenantMembersDocument, connection: (data) => data.tenant.members });
  const teams = useAllPages({ query: TeamsDocument, connection: (data) => data.teams });
  const tags = useAllPages({ query: TagsDocument, connection: (data) => data.tags });
  return useMemo(() => {
    const memberList = members.nodes?.map((member) => member.user) ?? [];
    const teamList = teams.nodes ?? [];
    const tagList = tags.nodes ?? [];
    return {
      members: memberList,
      teams: teamList,
      tags: tagList,
      memberOptions: memberList.map((u) => ({ value: u.id, label: u.name })),
      teamOptions: teamList.map((t) => ({ value: t.id, label: t.name })),
      tagOptions: tagList.map((t) => ({ value: t.id, label: t.name })),
      /** What a picker says when it could not offer every entry. */
      notes: {
        members: truncatedNote(members.truncated, 'members'),
        teams: truncatedNote(teams.truncated, 'teams'),
        tags: truncatedNote(tags.truncated, 'tags'),
      },
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
