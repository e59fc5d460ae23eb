/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      isPlatformAdmin\n      memberships {\n        role\n        joinedAt\n        tenant {\n          id\n          name\n          slug\n          status\n          suspendedReason\n        }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query MyRoles {\n    roles {\n      id\n      name\n      permissions\n    }\n  }\n": typeof types.MyRolesDocument,
    "\n  query SignInMemberships {\n    me {\n      id\n      memberships {\n        tenant {\n          id\n        }\n      }\n    }\n  }\n": typeof types.SignInMembershipsDocument,
    "\n  mutation SwitchTenant($input: SwitchTenantInput!) {\n    switchTenant(input: $input) {\n      refreshToken\n      role\n      tenant {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SwitchTenantDocument,
    "\n  query MeName {\n    me {\n      id\n      name\n    }\n  }\n": typeof types.MeNameDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membershipId\n      role\n      joinedAt\n      tenant {\n        id\n        name\n      }\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  query AdminTenants($first: Int, $after: String) {\n    adminTenants(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          slug\n          plan\n          status\n          suspendedReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminTenantsDocument,
    "\n  mutation SuspendTenant($input: SuspendTenantInput!) {\n    suspendTenant(input: $input) {\n      tenant {\n        id\n        status\n        suspendedReason\n      }\n    }\n  }\n": typeof types.SuspendTenantDocument,
    "\n  mutation ReactivateTenant($input: ReactivateTenantInput!) {\n    reactivateTenant(input: $input) {\n      tenant {\n        id\n        status\n        suspendedReason\n      }\n    }\n  }\n": typeof types.ReactivateTenantDocument,
    "\n  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          actorId\n          entityType\n          entityId\n          before\n          after\n          ip\n          userAgent\n          requestId\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation RestoreIntentFromAudit($id: ID!) {\n    restoreIntent(input: { id: $id }) {\n      intent {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RestoreIntentFromAuditDocument,
    "\n  mutation RestoreDatasourceFromAudit($id: ID!) {\n    restoreDatasource(input: { id: $id }) {\n      datasource {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RestoreDatasourceFromAuditDocument,
    "\n  mutation RestoreConfigFromAudit($id: ID!) {\n    restoreDatasourceConfig(input: { id: $id }) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RestoreConfigFromAuditDocument,
    "\n  mutation RestoreRoleFromAudit($id: ID!) {\n    restoreRole(input: { id: $id }) {\n      role {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RestoreRoleFromAuditDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        name\n        slug\n      }\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  query CurrentTenant {\n    tenant {\n      id\n      name\n      slug\n      plan\n      status\n      suspendedReason\n      createdAt\n      limits {\n        maxMembers\n        maxItems\n        maxForms\n      }\n    }\n  }\n": typeof types.CurrentTenantDocument,
    "\n  query Members($first: Int, $after: String) {\n    tenant {\n      id\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            role\n            joinedAt\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.MembersDocument,
    "\n  query Invitations($first: Int, $after: String) {\n    tenant {\n      id\n      invitations(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            email\n            role\n            createdAt\n            expiresAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.InvitationsDocument,
    "\n  query RoleNames {\n    roles {\n      id\n      name\n      builtIn\n    }\n  }\n": typeof types.RoleNamesDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      token\n      invitation {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n": typeof types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {\n    updateMemberRole(input: $input) {\n      member {\n        id\n        role\n        permissions\n      }\n    }\n  }\n": typeof types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  query Roles {\n    roles {\n      id\n      name\n      builtIn\n      permissions\n      createdAt\n    }\n    permissions {\n      name\n      description\n    }\n  }\n": typeof types.RolesDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        name\n        builtIn\n        permissions\n        createdAt\n      }\n    }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteRoleDocument,
    "\n  mutation RestoreRole($input: RestoreRoleInput!) {\n    restoreRole(input: $input) {\n      role {\n        id\n        name\n        builtIn\n        permissions\n        createdAt\n      }\n    }\n  }\n": typeof types.RestoreRoleDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  query DatasourceConfigs($first: Int, $after: String) {\n    datasourceConfigs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          protocol\n          baseUrl\n          authType\n          hasCredentials\n          connection\n          tlsMode\n          createdAt\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DatasourceConfigsDocument,
    "\n  mutation CreateDatasourceConfig($input: CreateDatasourceConfigInput!) {\n    createDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateDatasourceConfigDocument,
    "\n  mutation UpdateDatasourceConfig($input: UpdateDatasourceConfigInput!) {\n    updateDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n        baseUrl\n        authType\n        hasCredentials\n        connection\n        tlsMode\n        updatedAt\n      }\n    }\n  }\n": typeof types.UpdateDatasourceConfigDocument,
    "\n  mutation DeleteDatasourceConfig($input: DeleteDatasourceConfigInput!) {\n    deleteDatasourceConfig(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteDatasourceConfigDocument,
    "\n  mutation RestoreDatasourceConfig($input: RestoreDatasourceConfigInput!) {\n    restoreDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RestoreDatasourceConfigDocument,
    "\n  mutation TestDatasourceConfig($id: ID!) {\n    testDatasourceConfig(id: $id) {\n      ok\n      latencyMs\n      error\n    }\n  }\n": typeof types.TestDatasourceConfigDocument,
    "\n  query Datasources($first: Int, $after: String) {\n    datasources(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          description\n          connectionKey\n          updatedAt\n          file {\n            filename\n            sizeBytes\n            rowCount\n            columns\n            uploadedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DatasourcesDocument,
    "\n  query ConfigChoices {\n    datasourceConfigs(first: 100) {\n      edges {\n        node {\n          id\n          name\n          protocol\n        }\n      }\n    }\n  }\n": typeof types.ConfigChoicesDocument,
    "\n  mutation CreateDatasource($input: CreateDatasourceInput!) {\n    createDatasource(input: $input) {\n      datasource {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateDatasourceDocument,
    "\n  mutation UpdateDatasource($input: UpdateDatasourceInput!) {\n    updateDatasource(input: $input) {\n      datasource {\n        id\n        name\n        description\n        connectionKey\n        updatedAt\n        file {\n          filename\n          sizeBytes\n          rowCount\n          columns\n          uploadedAt\n        }\n      }\n    }\n  }\n": typeof types.UpdateDatasourceDocument,
    "\n  mutation DeleteDatasource($input: DeleteDatasourceInput!) {\n    deleteDatasource(input: $input) {\n      deletedId\n      deletedRuleIds\n    }\n  }\n": typeof types.DeleteDatasourceDocument,
    "\n  mutation RestoreDatasource($input: RestoreDatasourceInput!) {\n    restoreDatasource(input: $input) {\n      datasource {\n        id\n        name\n      }\n      restoredRuleIds\n    }\n  }\n": typeof types.RestoreDatasourceDocument,
    "\n  query Intent($id: ID!) {\n    intent(id: $id) {\n      id\n      name\n      description\n      priority\n      isActive\n      createdAt\n      updatedAt\n      matchers {\n        field\n        header\n        operator\n        value\n      }\n      rules {\n        id\n        datasourceId\n        fieldName\n        ruleType\n        conditions\n        priority\n        isActive\n        datasource {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.IntentDocument,
    "\n  query RuleDatasources {\n    datasources(first: 100) {\n      edges {\n        node {\n          id\n          name\n          kind\n          file {\n            columns\n          }\n        }\n      }\n    }\n  }\n": typeof types.RuleDatasourcesDocument,
    "\n  mutation UpdateIntent($input: UpdateIntentInput!) {\n    updateIntent(input: $input) {\n      intent {\n        id\n        name\n        description\n        priority\n        isActive\n        updatedAt\n        matchers {\n          field\n          header\n          operator\n          value\n        }\n      }\n    }\n  }\n": typeof types.UpdateIntentDocument,
    "\n  mutation CreateValidationRule($input: CreateValidationRuleInput!) {\n    createValidationRule(input: $input) {\n      rule {\n        id\n      }\n    }\n  }\n": typeof types.CreateValidationRuleDocument,
    "\n  mutation UpdateValidationRule($input: UpdateValidationRuleInput!) {\n    updateValidationRule(input: $input) {\n      rule {\n        id\n        datasourceId\n        fieldName\n        ruleType\n        conditions\n        priority\n        isActive\n      }\n    }\n  }\n": typeof types.UpdateValidationRuleDocument,
    "\n  mutation DeleteValidationRule($input: DeleteValidationRuleInput!) {\n    deleteValidationRule(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteValidationRuleDocument,
    "\n  mutation ReorderValidationRules($input: ReorderValidationRulesInput!) {\n    reorderValidationRules(input: $input) {\n      rules {\n        id\n      }\n    }\n  }\n": typeof types.ReorderValidationRulesDocument,
    "\n  query Intents($first: Int, $after: String, $filter: IntentFilter) {\n    intents(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          priority\n          isActive\n          updatedAt\n          matchers {\n            field\n            header\n            operator\n            value\n          }\n          rules {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.IntentsDocument,
    "\n  mutation CreateIntent($input: CreateIntentInput!) {\n    createIntent(input: $input) {\n      intent {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateIntentDocument,
    "\n  mutation DeleteIntent($input: DeleteIntentInput!) {\n    deleteIntent(input: $input) {\n      deletedId\n      deletedRuleIds\n    }\n  }\n": typeof types.DeleteIntentDocument,
    "\n  mutation RestoreIntent($input: RestoreIntentInput!) {\n    restoreIntent(input: $input) {\n      intent {\n        id\n        name\n      }\n      restoredRuleIds\n    }\n  }\n": typeof types.RestoreIntentDocument,
    "\n  mutation RouteEmail($input: RouteEmailInput!) {\n    routeEmail(input: $input) {\n      decision {\n        id\n        outcome\n        intentId\n        intentName\n        mode\n        durationMs\n        createdAt\n        matchedBy {\n          field\n          header\n          operator\n          value\n        }\n        email {\n          from\n          subject\n          messageId\n        }\n        results {\n          ruleId\n          ruleType\n          fieldName\n          outcome\n          detail\n          durationMs\n        }\n      }\n    }\n  }\n": typeof types.RouteEmailDocument,
    "\n  mutation ValidateEmail($input: ValidateEmailInput!) {\n    validateEmail(input: $input) {\n      decision {\n        id\n        outcome\n        intentId\n        intentName\n        mode\n        durationMs\n        createdAt\n        matchedBy {\n          field\n          header\n          operator\n          value\n        }\n        email {\n          from\n          subject\n          messageId\n        }\n        results {\n          ruleId\n          ruleType\n          fieldName\n          outcome\n          detail\n          durationMs\n        }\n      }\n    }\n  }\n": typeof types.ValidateEmailDocument,
    "\n  query IntentChoices {\n    intents(first: 100) {\n      edges {\n        node {\n          id\n          name\n          isActive\n        }\n      }\n    }\n  }\n": typeof types.IntentChoicesDocument,
    "\n  query RoutingRuns($first: Int, $after: String, $filter: RoutingRunFilter) {\n    routingRuns(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          outcome\n          intentId\n          intentName\n          mode\n          durationMs\n          createdAt\n          matchedBy {\n            field\n            header\n            operator\n            value\n          }\n          email {\n            from\n            subject\n            messageId\n          }\n          results {\n            ruleId\n            ruleType\n            fieldName\n            outcome\n            detail\n            durationMs\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RoutingRunsDocument,
    "\n  query ItemAnalytics($filter: ItemFilterInput, $weeks: Int!) {\n    itemAnalytics(filter: $filter) {\n      total\n      overdue\n      completedThisWeek\n      avgCompletionHours\n      avgActualHours\n      byStatus {\n        status\n        count\n      }\n      byPriority {\n        priority\n        count\n      }\n      byAssignee {\n        count\n        user {\n          id\n          name\n        }\n      }\n    }\n    throughput(weeks: $weeks) {\n      weekStart\n      completed\n    }\n  }\n": typeof types.ItemAnalyticsDocument,
    "\n  mutation UpdateItems($input: UpdateItemsInput!) {\n    updateItems(input: $input) {\n      results {\n        id\n        item {\n          id\n          status\n          priority\n          version\n          updatedAt\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": typeof types.UpdateItemsDocument,
    "\n  query ItemComments($id: ID!, $first: Int, $after: String) {\n    item(id: $id) {\n      id\n      commentCount\n      comments(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            body\n            createdAt\n            editedAt\n            author {\n              id\n              name\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ItemCommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      comment {\n        id\n        body\n        item {\n          id\n          commentCount\n        }\n      }\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      comment {\n        id\n        body\n        editedAt\n      }\n    }\n  }\n": typeof types.EditCommentDocument,
    "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteCommentDocument,
    "\n  fragment ItemCardFields on Item {\n    id\n    title\n    status\n    priority\n    dueDate\n    version\n    updatedAt\n    assignees {\n      id\n      name\n    }\n    tags {\n      id\n      name\n      color\n    }\n    progress {\n      total\n      done\n    }\n    commentCount\n  }\n": typeof types.ItemCardFieldsFragmentDoc,
    "\n  query Items($first: Int, $after: String, $filter: ItemFilterInput, $orderBy: ItemOrderInput) {\n    items(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges {\n        cursor\n        node {\n          ...ItemCardFields\n          team {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ItemsDocument,
    "\n  query ItemDetail($id: ID!) {\n    item(id: $id) {\n      ...ItemCardFields\n      description\n      estimatedHours\n      actualHours\n      createdAt\n      completedAt\n      creator {\n        id\n        name\n      }\n      team {\n        id\n        name\n      }\n      parent {\n        id\n        title\n      }\n      subtasks(first: 100) {\n        edges {\n          node {\n            id\n            title\n            status\n            version\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ItemDetailDocument,
    "\n  query ItemHistory($filter: ActivityFilterInput, $first: Int, $after: String) {\n    activity(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          at\n          actor {\n            id\n            name\n          }\n          # Names Item among the answer's types, so that a change to an item reloads its history.\n          item {\n            id\n          }\n          changes {\n            field\n            from\n            to\n            added\n            removed\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ItemHistoryDocument,
    "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      item {\n        ...ItemCardFields\n      }\n    }\n  }\n": typeof types.CreateItemDocument,
    "\n  mutation UpdateItem($input: UpdateItemInput!) {\n    updateItem(input: $input) {\n      item {\n        ...ItemCardFields\n        description\n        estimatedHours\n        actualHours\n        completedAt\n        team {\n          id\n          name\n        }\n        parent {\n          id\n          title\n        }\n      }\n    }\n  }\n": typeof types.UpdateItemDocument,
    "\n  mutation DeleteItem($input: DeleteItemInput!) {\n    deleteItem(input: $input) {\n      deletedId\n      deletedSubtaskIds\n    }\n  }\n": typeof types.DeleteItemDocument,
    "\n  mutation RestoreItem($input: RestoreItemInput!) {\n    restoreItem(input: $input) {\n      item {\n        id\n        title\n      }\n      restoredSubtaskIds\n    }\n  }\n": typeof types.RestoreItemDocument,
    "\n  query TenantMembers {\n    tenant {\n      id\n      members(first: 100) {\n        edges {\n          node {\n            id\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.TenantMembersDocument,
    "\n  query Teams($first: Int, $after: String) {\n    teams(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          updatedAt\n          members {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TeamsDocument,
    "\n  query Tags($first: Int, $after: String) {\n    tags(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          color\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TagsDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team {\n        id\n        name\n        description\n      }\n    }\n  }\n": typeof types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($input: TeamIdInput!) {\n    deleteTeam(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteTeamDocument,
    "\n  mutation RestoreTeam($input: TeamIdInput!) {\n    restoreTeam(input: $input) {\n      team {\n        id\n        name\n      }\n    }\n  }\n": typeof types.RestoreTeamDocument,
    "\n  mutation AddTeamMember($input: TeamMemberInput!) {\n    addTeamMember(input: $input) {\n      team {\n        id\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.AddTeamMemberDocument,
    "\n  mutation RemoveTeamMember($input: TeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        id\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.RemoveTeamMemberDocument,
    "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      tag {\n        id\n        name\n        color\n      }\n    }\n  }\n": typeof types.CreateTagDocument,
    "\n  mutation UpdateTag($input: UpdateTagInput!) {\n    updateTag(input: $input) {\n      tag {\n        id\n        name\n        color\n      }\n    }\n  }\n": typeof types.UpdateTagDocument,
    "\n  mutation DeleteTag($input: DeleteTagInput!) {\n    deleteTag(input: $input) {\n      deletedId\n    }\n  }\n": typeof types.DeleteTagDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      name\n      isPlatformAdmin\n      memberships {\n        role\n        joinedAt\n        tenant {\n          id\n          name\n          slug\n          status\n          suspendedReason\n        }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query MyRoles {\n    roles {\n      id\n      name\n      permissions\n    }\n  }\n": types.MyRolesDocument,
    "\n  query SignInMemberships {\n    me {\n      id\n      memberships {\n        tenant {\n          id\n        }\n      }\n    }\n  }\n": types.SignInMembershipsDocument,
    "\n  mutation SwitchTenant($input: SwitchTenantInput!) {\n    switchTenant(input: $input) {\n      refreshToken\n      role\n      tenant {\n        id\n        name\n      }\n    }\n  }\n": types.SwitchTenantDocument,
    "\n  query MeName {\n    me {\n      id\n      name\n    }\n  }\n": types.MeNameDocument,
    "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membershipId\n      role\n      joinedAt\n      tenant {\n        id\n        name\n      }\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  query AdminTenants($first: Int, $after: String) {\n    adminTenants(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          slug\n          plan\n          status\n          suspendedReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminTenantsDocument,
    "\n  mutation SuspendTenant($input: SuspendTenantInput!) {\n    suspendTenant(input: $input) {\n      tenant {\n        id\n        status\n        suspendedReason\n      }\n    }\n  }\n": types.SuspendTenantDocument,
    "\n  mutation ReactivateTenant($input: ReactivateTenantInput!) {\n    reactivateTenant(input: $input) {\n      tenant {\n        id\n        status\n        suspendedReason\n      }\n    }\n  }\n": types.ReactivateTenantDocument,
    "\n  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          actorId\n          entityType\n          entityId\n          before\n          after\n          ip\n          userAgent\n          requestId\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation RestoreIntentFromAudit($id: ID!) {\n    restoreIntent(input: { id: $id }) {\n      intent {\n        id\n        name\n      }\n    }\n  }\n": types.RestoreIntentFromAuditDocument,
    "\n  mutation RestoreDatasourceFromAudit($id: ID!) {\n    restoreDatasource(input: { id: $id }) {\n      datasource {\n        id\n        name\n      }\n    }\n  }\n": types.RestoreDatasourceFromAuditDocument,
    "\n  mutation RestoreConfigFromAudit($id: ID!) {\n    restoreDatasourceConfig(input: { id: $id }) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n": types.RestoreConfigFromAuditDocument,
    "\n  mutation RestoreRoleFromAudit($id: ID!) {\n    restoreRole(input: { id: $id }) {\n      role {\n        id\n        name\n      }\n    }\n  }\n": types.RestoreRoleFromAuditDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        name\n        slug\n      }\n    }\n  }\n": types.CreateTenantDocument,
    "\n  query CurrentTenant {\n    tenant {\n      id\n      name\n      slug\n      plan\n      status\n      suspendedReason\n      createdAt\n      limits {\n        maxMembers\n        maxItems\n        maxForms\n      }\n    }\n  }\n": types.CurrentTenantDocument,
    "\n  query Members($first: Int, $after: String) {\n    tenant {\n      id\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            role\n            joinedAt\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.MembersDocument,
    "\n  query Invitations($first: Int, $after: String) {\n    tenant {\n      id\n      invitations(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            email\n            role\n            createdAt\n            expiresAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.InvitationsDocument,
    "\n  query RoleNames {\n    roles {\n      id\n      name\n      builtIn\n    }\n  }\n": types.RoleNamesDocument,
    "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      token\n      invitation {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n": types.InviteMemberDocument,
    "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      deletedId\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {\n    updateMemberRole(input: $input) {\n      member {\n        id\n        role\n        permissions\n      }\n    }\n  }\n": types.UpdateMemberRoleDocument,
    "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      deletedId\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  query Roles {\n    roles {\n      id\n      name\n      builtIn\n      permissions\n      createdAt\n    }\n    permissions {\n      name\n      description\n    }\n  }\n": types.RolesDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        name\n        builtIn\n        permissions\n        createdAt\n      }\n    }\n  }\n": types.CreateRoleDocument,
    "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteRoleDocument,
    "\n  mutation RestoreRole($input: RestoreRoleInput!) {\n    restoreRole(input: $input) {\n      role {\n        id\n        name\n        builtIn\n        permissions\n        createdAt\n      }\n    }\n  }\n": types.RestoreRoleDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  query DatasourceConfigs($first: Int, $after: String) {\n    datasourceConfigs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          protocol\n          baseUrl\n          authType\n          hasCredentials\n          connection\n          tlsMode\n          createdAt\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DatasourceConfigsDocument,
    "\n  mutation CreateDatasourceConfig($input: CreateDatasourceConfigInput!) {\n    createDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n": types.CreateDatasourceConfigDocument,
    "\n  mutation UpdateDatasourceConfig($input: UpdateDatasourceConfigInput!) {\n    updateDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n        baseUrl\n        authType\n        hasCredentials\n        connection\n        tlsMode\n        updatedAt\n      }\n    }\n  }\n": types.UpdateDatasourceConfigDocument,
    "\n  mutation DeleteDatasourceConfig($input: DeleteDatasourceConfigInput!) {\n    deleteDatasourceConfig(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteDatasourceConfigDocument,
    "\n  mutation RestoreDatasourceConfig($input: RestoreDatasourceConfigInput!) {\n    restoreDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n": types.RestoreDatasourceConfigDocument,
    "\n  mutation TestDatasourceConfig($id: ID!) {\n    testDatasourceConfig(id: $id) {\n      ok\n      latencyMs\n      error\n    }\n  }\n": types.TestDatasourceConfigDocument,
    "\n  query Datasources($first: Int, $after: String) {\n    datasources(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          description\n          connectionKey\n          updatedAt\n          file {\n            filename\n            sizeBytes\n            rowCount\n            columns\n            uploadedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DatasourcesDocument,
    "\n  query ConfigChoices {\n    datasourceConfigs(first: 100) {\n      edges {\n        node {\n          id\n          name\n          protocol\n        }\n      }\n    }\n  }\n": types.ConfigChoicesDocument,
    "\n  mutation CreateDatasource($input: CreateDatasourceInput!) {\n    createDatasource(input: $input) {\n      datasource {\n        id\n        name\n      }\n    }\n  }\n": types.CreateDatasourceDocument,
    "\n  mutation UpdateDatasource($input: UpdateDatasourceInput!) {\n    updateDatasource(input: $input) {\n      datasource {\n        id\n        name\n        description\n        connectionKey\n        updatedAt\n        file {\n          filename\n          sizeBytes\n          rowCount\n          columns\n          uploadedAt\n        }\n      }\n    }\n  }\n": types.UpdateDatasourceDocument,
    "\n  mutation DeleteDatasource($input: DeleteDatasourceInput!) {\n    deleteDatasource(input: $input) {\n      deletedId\n      deletedRuleIds\n    }\n  }\n": types.DeleteDatasourceDocument,
    "\n  mutation RestoreDatasource($input: RestoreDatasourceInput!) {\n    restoreDatasource(input: $input) {\n      datasource {\n        id\n        name\n      }\n      restoredRuleIds\n    }\n  }\n": types.RestoreDatasourceDocument,
    "\n  query Intent($id: ID!) {\n    intent(id: $id) {\n      id\n      name\n      description\n      priority\n      isActive\n      createdAt\n      updatedAt\n      matchers {\n        field\n        header\n        operator\n        value\n      }\n      rules {\n        id\n        datasourceId\n        fieldName\n        ruleType\n        conditions\n        priority\n        isActive\n        datasource {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.IntentDocument,
    "\n  query RuleDatasources {\n    datasources(first: 100) {\n      edges {\n        node {\n          id\n          name\n          kind\n          file {\n            columns\n          }\n        }\n      }\n    }\n  }\n": types.RuleDatasourcesDocument,
    "\n  mutation UpdateIntent($input: UpdateIntentInput!) {\n    updateIntent(input: $input) {\n      intent {\n        id\n        name\n        description\n        priority\n        isActive\n        updatedAt\n        matchers {\n          field\n          header\n          operator\n          value\n        }\n      }\n    }\n  }\n": types.UpdateIntentDocument,
    "\n  mutation CreateValidationRule($input: CreateValidationRuleInput!) {\n    createValidationRule(input: $input) {\n      rule {\n        id\n      }\n    }\n  }\n": types.CreateValidationRuleDocument,
    "\n  mutation UpdateValidationRule($input: UpdateValidationRuleInput!) {\n    updateValidationRule(input: $input) {\n      rule {\n        id\n        datasourceId\n        fieldName\n        ruleType\n        conditions\n        priority\n        isActive\n      }\n    }\n  }\n": types.UpdateValidationRuleDocument,
    "\n  mutation DeleteValidationRule($input: DeleteValidationRuleInput!) {\n    deleteValidationRule(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteValidationRuleDocument,
    "\n  mutation ReorderValidationRules($input: ReorderValidationRulesInput!) {\n    reorderValidationRules(input: $input) {\n      rules {\n        id\n      }\n    }\n  }\n": types.ReorderValidationRulesDocument,
    "\n  query Intents($first: Int, $after: String, $filter: IntentFilter) {\n    intents(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          priority\n          isActive\n          updatedAt\n          matchers {\n            field\n            header\n            operator\n            value\n          }\n          rules {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.IntentsDocument,
    "\n  mutation CreateIntent($input: CreateIntentInput!) {\n    createIntent(input: $input) {\n      intent {\n        id\n        name\n      }\n    }\n  }\n": types.CreateIntentDocument,
    "\n  mutation DeleteIntent($input: DeleteIntentInput!) {\n    deleteIntent(input: $input) {\n      deletedId\n      deletedRuleIds\n    }\n  }\n": types.DeleteIntentDocument,
    "\n  mutation RestoreIntent($input: RestoreIntentInput!) {\n    restoreIntent(input: $input) {\n      intent {\n        id\n        name\n      }\n      restoredRuleIds\n    }\n  }\n": types.RestoreIntentDocument,
    "\n  mutation RouteEmail($input: RouteEmailInput!) {\n    routeEmail(input: $input) {\n      decision {\n        id\n        outcome\n        intentId\n        intentName\n        mode\n        durationMs\n        createdAt\n        matchedBy {\n          field\n          header\n          operator\n          value\n        }\n        email {\n          from\n          subject\n          messageId\n        }\n        results {\n          ruleId\n          ruleType\n          fieldName\n          outcome\n          detail\n          durationMs\n        }\n      }\n    }\n  }\n": types.RouteEmailDocument,
    "\n  mutation ValidateEmail($input: ValidateEmailInput!) {\n    validateEmail(input: $input) {\n      decision {\n        id\n        outcome\n        intentId\n        intentName\n        mode\n        durationMs\n        createdAt\n        matchedBy {\n          field\n          header\n          operator\n          value\n        }\n        email {\n          from\n          subject\n          messageId\n        }\n        results {\n          ruleId\n          ruleType\n          fieldName\n          outcome\n          detail\n          durationMs\n        }\n      }\n    }\n  }\n": types.ValidateEmailDocument,
    "\n  query IntentChoices {\n    intents(first: 100) {\n      edges {\n        node {\n          id\n          name\n          isActive\n        }\n      }\n    }\n  }\n": types.IntentChoicesDocument,
    "\n  query RoutingRuns($first: Int, $after: String, $filter: RoutingRunFilter) {\n    routingRuns(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          outcome\n          intentId\n          intentName\n          mode\n          durationMs\n          createdAt\n          matchedBy {\n            field\n            header\n            operator\n            value\n          }\n          email {\n            from\n            subject\n            messageId\n          }\n          results {\n            ruleId\n            ruleType\n            fieldName\n            outcome\n            detail\n            durationMs\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RoutingRunsDocument,
    "\n  query ItemAnalytics($filter: ItemFilterInput, $weeks: Int!) {\n    itemAnalytics(filter: $filter) {\n      total\n      overdue\n      completedThisWeek\n      avgCompletionHours\n      avgActualHours\n      byStatus {\n        status\n        count\n      }\n      byPriority {\n        priority\n        count\n      }\n      byAssignee {\n        count\n        user {\n          id\n          name\n        }\n      }\n    }\n    throughput(weeks: $weeks) {\n      weekStart\n      completed\n    }\n  }\n": types.ItemAnalyticsDocument,
    "\n  mutation UpdateItems($input: UpdateItemsInput!) {\n    updateItems(input: $input) {\n      results {\n        id\n        item {\n          id\n          status\n          priority\n          version\n          updatedAt\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n": types.UpdateItemsDocument,
    "\n  query ItemComments($id: ID!, $first: Int, $after: String) {\n    item(id: $id) {\n      id\n      commentCount\n      comments(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            body\n            createdAt\n            editedAt\n            author {\n              id\n              name\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ItemCommentsDocument,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      comment {\n        id\n        body\n        item {\n          id\n          commentCount\n        }\n      }\n    }\n  }\n": types.AddCommentDocument,
    "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      comment {\n        id\n        body\n        editedAt\n      }\n    }\n  }\n": types.EditCommentDocument,
    "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteCommentDocument,
    "\n  fragment ItemCardFields on Item {\n    id\n    title\n    status\n    priority\n    dueDate\n    version\n    updatedAt\n    assignees {\n      id\n      name\n    }\n    tags {\n      id\n      name\n      color\n    }\n    progress {\n      total\n      done\n    }\n    commentCount\n  }\n": types.ItemCardFieldsFragmentDoc,
    "\n  query Items($first: Int, $after: String, $filter: ItemFilterInput, $orderBy: ItemOrderInput) {\n    items(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges {\n        cursor\n        node {\n          ...ItemCardFields\n          team {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ItemsDocument,
    "\n  query ItemDetail($id: ID!) {\n    item(id: $id) {\n      ...ItemCardFields\n      description\n      estimatedHours\n      actualHours\n      createdAt\n      completedAt\n      creator {\n        id\n        name\n      }\n      team {\n        id\n        name\n      }\n      parent {\n        id\n        title\n      }\n      subtasks(first: 100) {\n        edges {\n          node {\n            id\n            title\n            status\n            version\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ItemDetailDocument,
    "\n  query ItemHistory($filter: ActivityFilterInput, $first: Int, $after: String) {\n    activity(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          at\n          actor {\n            id\n            name\n          }\n          # Names Item among the answer's types, so that a change to an item reloads its history.\n          item {\n            id\n          }\n          changes {\n            field\n            from\n            to\n            added\n            removed\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ItemHistoryDocument,
    "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      item {\n        ...ItemCardFields\n      }\n    }\n  }\n": types.CreateItemDocument,
    "\n  mutation UpdateItem($input: UpdateItemInput!) {\n    updateItem(input: $input) {\n      item {\n        ...ItemCardFields\n        description\n        estimatedHours\n        actualHours\n        completedAt\n        team {\n          id\n          name\n        }\n        parent {\n          id\n          title\n        }\n      }\n    }\n  }\n": types.UpdateItemDocument,
    "\n  mutation DeleteItem($input: DeleteItemInput!) {\n    deleteItem(input: $input) {\n      deletedId\n      deletedSubtaskIds\n    }\n  }\n": types.DeleteItemDocument,
    "\n  mutation RestoreItem($input: RestoreItemInput!) {\n    restoreItem(input: $input) {\n      item {\n        id\n        title\n      }\n      restoredSubtaskIds\n    }\n  }\n": types.RestoreItemDocument,
    "\n  query TenantMembers {\n    tenant {\n      id\n      members(first: 100) {\n        edges {\n          node {\n            id\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n": types.TenantMembersDocument,
    "\n  query Teams($first: Int, $after: String) {\n    teams(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          updatedAt\n          members {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TeamsDocument,
    "\n  query Tags($first: Int, $after: String) {\n    tags(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          color\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TagsDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team {\n        id\n        name\n      }\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team {\n        id\n        name\n        description\n      }\n    }\n  }\n": types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($input: TeamIdInput!) {\n    deleteTeam(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteTeamDocument,
    "\n  mutation RestoreTeam($input: TeamIdInput!) {\n    restoreTeam(input: $input) {\n      team {\n        id\n        name\n      }\n    }\n  }\n": types.RestoreTeamDocument,
    "\n  mutation AddTeamMember($input: TeamMemberInput!) {\n    addTeamMember(input: $input) {\n      team {\n        id\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.AddTeamMemberDocument,
    "\n  mutation RemoveTeamMember($input: TeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        id\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.RemoveTeamMemberDocument,
    "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      tag {\n        id\n        name\n        color\n      }\n    }\n  }\n": types.CreateTagDocument,
    "\n  mutation UpdateTag($input: UpdateTagInput!) {\n    updateTag(input: $input) {\n      tag {\n        id\n        name\n        color\n      }\n    }\n  }\n": types.UpdateTagDocument,
    "\n  mutation DeleteTag($input: DeleteTagInput!) {\n    deleteTag(input: $input) {\n      deletedId\n    }\n  }\n": types.DeleteTagDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n      isPlatformAdmin\n      memberships {\n        role\n        joinedAt\n        tenant {\n          id\n          name\n          slug\n          status\n          suspendedReason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      email\n      name\n      isPlatformAdmin\n      memberships {\n        role\n        joinedAt\n        tenant {\n          id\n          name\n          slug\n          status\n          suspendedReason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRoles {\n    roles {\n      id\n      name\n      permissions\n    }\n  }\n"): (typeof documents)["\n  query MyRoles {\n    roles {\n      id\n      name\n      permissions\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInMemberships {\n    me {\n      id\n      memberships {\n        tenant {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SignInMemberships {\n    me {\n      id\n      memberships {\n        tenant {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SwitchTenant($input: SwitchTenantInput!) {\n    switchTenant(input: $input) {\n      refreshToken\n      role\n      tenant {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SwitchTenant($input: SwitchTenantInput!) {\n    switchTenant(input: $input) {\n      refreshToken\n      role\n      tenant {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeName {\n    me {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query MeName {\n    me {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membershipId\n      role\n      joinedAt\n      tenant {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($input: AcceptInvitationInput!) {\n    acceptInvitation(input: $input) {\n      membershipId\n      role\n      joinedAt\n      tenant {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminTenants($first: Int, $after: String) {\n    adminTenants(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          slug\n          plan\n          status\n          suspendedReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminTenants($first: Int, $after: String) {\n    adminTenants(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          slug\n          plan\n          status\n          suspendedReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendTenant($input: SuspendTenantInput!) {\n    suspendTenant(input: $input) {\n      tenant {\n        id\n        status\n        suspendedReason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendTenant($input: SuspendTenantInput!) {\n    suspendTenant(input: $input) {\n      tenant {\n        id\n        status\n        suspendedReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateTenant($input: ReactivateTenantInput!) {\n    reactivateTenant(input: $input) {\n      tenant {\n        id\n        status\n        suspendedReason\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateTenant($input: ReactivateTenantInput!) {\n    reactivateTenant(input: $input) {\n      tenant {\n        id\n        status\n        suspendedReason\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          actorId\n          entityType\n          entityId\n          before\n          after\n          ip\n          userAgent\n          requestId\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          actorId\n          entityType\n          entityId\n          before\n          after\n          ip\n          userAgent\n          requestId\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreIntentFromAudit($id: ID!) {\n    restoreIntent(input: { id: $id }) {\n      intent {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreIntentFromAudit($id: ID!) {\n    restoreIntent(input: { id: $id }) {\n      intent {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreDatasourceFromAudit($id: ID!) {\n    restoreDatasource(input: { id: $id }) {\n      datasource {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreDatasourceFromAudit($id: ID!) {\n    restoreDatasource(input: { id: $id }) {\n      datasource {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreConfigFromAudit($id: ID!) {\n    restoreDatasourceConfig(input: { id: $id }) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreConfigFromAudit($id: ID!) {\n    restoreDatasourceConfig(input: { id: $id }) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreRoleFromAudit($id: ID!) {\n    restoreRole(input: { id: $id }) {\n      role {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreRoleFromAudit($id: ID!) {\n    restoreRole(input: { id: $id }) {\n      role {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        name\n        slug\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      tenant {\n        id\n        name\n        slug\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentTenant {\n    tenant {\n      id\n      name\n      slug\n      plan\n      status\n      suspendedReason\n      createdAt\n      limits {\n        maxMembers\n        maxItems\n        maxForms\n      }\n    }\n  }\n"): (typeof documents)["\n  query CurrentTenant {\n    tenant {\n      id\n      name\n      slug\n      plan\n      status\n      suspendedReason\n      createdAt\n      limits {\n        maxMembers\n        maxItems\n        maxForms\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Members($first: Int, $after: String) {\n    tenant {\n      id\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            role\n            joinedAt\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Members($first: Int, $after: String) {\n    tenant {\n      id\n      members(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            role\n            joinedAt\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Invitations($first: Int, $after: String) {\n    tenant {\n      id\n      invitations(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            email\n            role\n            createdAt\n            expiresAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Invitations($first: Int, $after: String) {\n    tenant {\n      id\n      invitations(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            email\n            role\n            createdAt\n            expiresAt\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoleNames {\n    roles {\n      id\n      name\n      builtIn\n    }\n  }\n"): (typeof documents)["\n  query RoleNames {\n    roles {\n      id\n      name\n      builtIn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      token\n      invitation {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InviteMember($input: InviteMemberInput!) {\n    inviteMember(input: $input) {\n      token\n      invitation {\n        id\n        email\n        role\n        createdAt\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($input: RevokeInvitationInput!) {\n    revokeInvitation(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {\n    updateMemberRole(input: $input) {\n      member {\n        id\n        role\n        permissions\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMemberRole($input: UpdateMemberRoleInput!) {\n    updateMemberRole(input: $input) {\n      member {\n        id\n        role\n        permissions\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($input: RemoveMemberInput!) {\n    removeMember(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles {\n      id\n      name\n      builtIn\n      permissions\n      createdAt\n    }\n    permissions {\n      name\n      description\n    }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles {\n      id\n      name\n      builtIn\n      permissions\n      createdAt\n    }\n    permissions {\n      name\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        name\n        builtIn\n        permissions\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) {\n      role {\n        id\n        name\n        builtIn\n        permissions\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteRole($input: DeleteRoleInput!) {\n    deleteRole(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreRole($input: RestoreRoleInput!) {\n    restoreRole(input: $input) {\n      role {\n        id\n        name\n        builtIn\n        permissions\n        createdAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreRole($input: RestoreRoleInput!) {\n    restoreRole(input: $input) {\n      role {\n        id\n        name\n        builtIn\n        permissions\n        createdAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasourceConfigs($first: Int, $after: String) {\n    datasourceConfigs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          protocol\n          baseUrl\n          authType\n          hasCredentials\n          connection\n          tlsMode\n          createdAt\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query DatasourceConfigs($first: Int, $after: String) {\n    datasourceConfigs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          protocol\n          baseUrl\n          authType\n          hasCredentials\n          connection\n          tlsMode\n          createdAt\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDatasourceConfig($input: CreateDatasourceConfigInput!) {\n    createDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDatasourceConfig($input: CreateDatasourceConfigInput!) {\n    createDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDatasourceConfig($input: UpdateDatasourceConfigInput!) {\n    updateDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n        baseUrl\n        authType\n        hasCredentials\n        connection\n        tlsMode\n        updatedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDatasourceConfig($input: UpdateDatasourceConfigInput!) {\n    updateDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n        baseUrl\n        authType\n        hasCredentials\n        connection\n        tlsMode\n        updatedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDatasourceConfig($input: DeleteDatasourceConfigInput!) {\n    deleteDatasourceConfig(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteDatasourceConfig($input: DeleteDatasourceConfigInput!) {\n    deleteDatasourceConfig(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreDatasourceConfig($input: RestoreDatasourceConfigInput!) {\n    restoreDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreDatasourceConfig($input: RestoreDatasourceConfigInput!) {\n    restoreDatasourceConfig(input: $input) {\n      datasourceConfig {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestDatasourceConfig($id: ID!) {\n    testDatasourceConfig(id: $id) {\n      ok\n      latencyMs\n      error\n    }\n  }\n"): (typeof documents)["\n  mutation TestDatasourceConfig($id: ID!) {\n    testDatasourceConfig(id: $id) {\n      ok\n      latencyMs\n      error\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Datasources($first: Int, $after: String) {\n    datasources(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          description\n          connectionKey\n          updatedAt\n          file {\n            filename\n            sizeBytes\n            rowCount\n            columns\n            uploadedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Datasources($first: Int, $after: String) {\n    datasources(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          kind\n          description\n          connectionKey\n          updatedAt\n          file {\n            filename\n            sizeBytes\n            rowCount\n            columns\n            uploadedAt\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConfigChoices {\n    datasourceConfigs(first: 100) {\n      edges {\n        node {\n          id\n          name\n          protocol\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConfigChoices {\n    datasourceConfigs(first: 100) {\n      edges {\n        node {\n          id\n          name\n          protocol\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDatasource($input: CreateDatasourceInput!) {\n    createDatasource(input: $input) {\n      datasource {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDatasource($input: CreateDatasourceInput!) {\n    createDatasource(input: $input) {\n      datasource {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDatasource($input: UpdateDatasourceInput!) {\n    updateDatasource(input: $input) {\n      datasource {\n        id\n        name\n        description\n        connectionKey\n        updatedAt\n        file {\n          filename\n          sizeBytes\n          rowCount\n          columns\n          uploadedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateDatasource($input: UpdateDatasourceInput!) {\n    updateDatasource(input: $input) {\n      datasource {\n        id\n        name\n        description\n        connectionKey\n        updatedAt\n        file {\n          filename\n          sizeBytes\n          rowCount\n          columns\n          uploadedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDatasource($input: DeleteDatasourceInput!) {\n    deleteDatasource(input: $input) {\n      deletedId\n      deletedRuleIds\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteDatasource($input: DeleteDatasourceInput!) {\n    deleteDatasource(input: $input) {\n      deletedId\n      deletedRuleIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreDatasource($input: RestoreDatasourceInput!) {\n    restoreDatasource(input: $input) {\n      datasource {\n        id\n        name\n      }\n      restoredRuleIds\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreDatasource($input: RestoreDatasourceInput!) {\n    restoreDatasource(input: $input) {\n      datasource {\n        id\n        name\n      }\n      restoredRuleIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Intent($id: ID!) {\n    intent(id: $id) {\n      id\n      name\n      description\n      priority\n      isActive\n      createdAt\n      updatedAt\n      matchers {\n        field\n        header\n        operator\n        value\n      }\n      rules {\n        id\n        datasourceId\n        fieldName\n        ruleType\n        conditions\n        priority\n        isActive\n        datasource {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Intent($id: ID!) {\n    intent(id: $id) {\n      id\n      name\n      description\n      priority\n      isActive\n      createdAt\n      updatedAt\n      matchers {\n        field\n        header\n        operator\n        value\n      }\n      rules {\n        id\n        datasourceId\n        fieldName\n        ruleType\n        conditions\n        priority\n        isActive\n        datasource {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RuleDatasources {\n    datasources(first: 100) {\n      edges {\n        node {\n          id\n          name\n          kind\n          file {\n            columns\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RuleDatasources {\n    datasources(first: 100) {\n      edges {\n        node {\n          id\n          name\n          kind\n          file {\n            columns\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateIntent($input: UpdateIntentInput!) {\n    updateIntent(input: $input) {\n      intent {\n        id\n        name\n        description\n        priority\n        isActive\n        updatedAt\n        matchers {\n          field\n          header\n          operator\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateIntent($input: UpdateIntentInput!) {\n    updateIntent(input: $input) {\n      intent {\n        id\n        name\n        description\n        priority\n        isActive\n        updatedAt\n        matchers {\n          field\n          header\n          operator\n          value\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateValidationRule($input: CreateValidationRuleInput!) {\n    createValidationRule(input: $input) {\n      rule {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateValidationRule($input: CreateValidationRuleInput!) {\n    createValidationRule(input: $input) {\n      rule {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateValidationRule($input: UpdateValidationRuleInput!) {\n    updateValidationRule(input: $input) {\n      rule {\n        id\n        datasourceId\n        fieldName\n        ruleType\n        conditions\n        priority\n        isActive\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateValidationRule($input: UpdateValidationRuleInput!) {\n    updateValidationRule(input: $input) {\n      rule {\n        id\n        datasourceId\n        fieldName\n        ruleType\n        conditions\n        priority\n        isActive\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteValidationRule($input: DeleteValidationRuleInput!) {\n    deleteValidationRule(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteValidationRule($input: DeleteValidationRuleInput!) {\n    deleteValidationRule(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderValidationRules($input: ReorderValidationRulesInput!) {\n    reorderValidationRules(input: $input) {\n      rules {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderValidationRules($input: ReorderValidationRulesInput!) {\n    reorderValidationRules(input: $input) {\n      rules {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Intents($first: Int, $after: String, $filter: IntentFilter) {\n    intents(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          priority\n          isActive\n          updatedAt\n          matchers {\n            field\n            header\n            operator\n            value\n          }\n          rules {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Intents($first: Int, $after: String, $filter: IntentFilter) {\n    intents(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          priority\n          isActive\n          updatedAt\n          matchers {\n            field\n            header\n            operator\n            value\n          }\n          rules {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateIntent($input: CreateIntentInput!) {\n    createIntent(input: $input) {\n      intent {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateIntent($input: CreateIntentInput!) {\n    createIntent(input: $input) {\n      intent {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteIntent($input: DeleteIntentInput!) {\n    deleteIntent(input: $input) {\n      deletedId\n      deletedRuleIds\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteIntent($input: DeleteIntentInput!) {\n    deleteIntent(input: $input) {\n      deletedId\n      deletedRuleIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreIntent($input: RestoreIntentInput!) {\n    restoreIntent(input: $input) {\n      intent {\n        id\n        name\n      }\n      restoredRuleIds\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreIntent($input: RestoreIntentInput!) {\n    restoreIntent(input: $input) {\n      intent {\n        id\n        name\n      }\n      restoredRuleIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RouteEmail($input: RouteEmailInput!) {\n    routeEmail(input: $input) {\n      decision {\n        id\n        outcome\n        intentId\n        intentName\n        mode\n        durationMs\n        createdAt\n        matchedBy {\n          field\n          header\n          operator\n          value\n        }\n        email {\n          from\n          subject\n          messageId\n        }\n        results {\n          ruleId\n          ruleType\n          fieldName\n          outcome\n          detail\n          durationMs\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RouteEmail($input: RouteEmailInput!) {\n    routeEmail(input: $input) {\n      decision {\n        id\n        outcome\n        intentId\n        intentName\n        mode\n        durationMs\n        createdAt\n        matchedBy {\n          field\n          header\n          operator\n          value\n        }\n        email {\n          from\n          subject\n          messageId\n        }\n        results {\n          ruleId\n          ruleType\n          fieldName\n          outcome\n          detail\n          durationMs\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ValidateEmail($input: ValidateEmailInput!) {\n    validateEmail(input: $input) {\n      decision {\n        id\n        outcome\n        intentId\n        intentName\n        mode\n        durationMs\n        createdAt\n        matchedBy {\n          field\n          header\n          operator\n          value\n        }\n        email {\n          from\n          subject\n          messageId\n        }\n        results {\n          ruleId\n          ruleType\n          fieldName\n          outcome\n          detail\n          durationMs\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ValidateEmail($input: ValidateEmailInput!) {\n    validateEmail(input: $input) {\n      decision {\n        id\n        outcome\n        intentId\n        intentName\n        mode\n        durationMs\n        createdAt\n        matchedBy {\n          field\n          header\n          operator\n          value\n        }\n        email {\n          from\n          subject\n          messageId\n        }\n        results {\n          ruleId\n          ruleType\n          fieldName\n          outcome\n          detail\n          durationMs\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IntentChoices {\n    intents(first: 100) {\n      edges {\n        node {\n          id\n          name\n          isActive\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IntentChoices {\n    intents(first: 100) {\n      edges {\n        node {\n          id\n          name\n          isActive\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RoutingRuns($first: Int, $after: String, $filter: RoutingRunFilter) {\n    routingRuns(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          outcome\n          intentId\n          intentName\n          mode\n          durationMs\n          createdAt\n          matchedBy {\n            field\n            header\n            operator\n            value\n          }\n          email {\n            from\n            subject\n            messageId\n          }\n          results {\n            ruleId\n            ruleType\n            fieldName\n            outcome\n            detail\n            durationMs\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RoutingRuns($first: Int, $after: String, $filter: RoutingRunFilter) {\n    routingRuns(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          outcome\n          intentId\n          intentName\n          mode\n          durationMs\n          createdAt\n          matchedBy {\n            field\n            header\n            operator\n            value\n          }\n          email {\n            from\n            subject\n            messageId\n          }\n          results {\n            ruleId\n            ruleType\n            fieldName\n            outcome\n            detail\n            durationMs\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemAnalytics($filter: ItemFilterInput, $weeks: Int!) {\n    itemAnalytics(filter: $filter) {\n      total\n      overdue\n      completedThisWeek\n      avgCompletionHours\n      avgActualHours\n      byStatus {\n        status\n        count\n      }\n      byPriority {\n        priority\n        count\n      }\n      byAssignee {\n        count\n        user {\n          id\n          name\n        }\n      }\n    }\n    throughput(weeks: $weeks) {\n      weekStart\n      completed\n    }\n  }\n"): (typeof documents)["\n  query ItemAnalytics($filter: ItemFilterInput, $weeks: Int!) {\n    itemAnalytics(filter: $filter) {\n      total\n      overdue\n      completedThisWeek\n      avgCompletionHours\n      avgActualHours\n      byStatus {\n        status\n        count\n      }\n      byPriority {\n        priority\n        count\n      }\n      byAssignee {\n        count\n        user {\n          id\n          name\n        }\n      }\n    }\n    throughput(weeks: $weeks) {\n      weekStart\n      completed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateItems($input: UpdateItemsInput!) {\n    updateItems(input: $input) {\n      results {\n        id\n        item {\n          id\n          status\n          priority\n          version\n          updatedAt\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateItems($input: UpdateItemsInput!) {\n    updateItems(input: $input) {\n      results {\n        id\n        item {\n          id\n          status\n          priority\n          version\n          updatedAt\n        }\n        error {\n          code\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemComments($id: ID!, $first: Int, $after: String) {\n    item(id: $id) {\n      id\n      commentCount\n      comments(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            body\n            createdAt\n            editedAt\n            author {\n              id\n              name\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ItemComments($id: ID!, $first: Int, $after: String) {\n    item(id: $id) {\n      id\n      commentCount\n      comments(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            id\n            body\n            createdAt\n            editedAt\n            author {\n              id\n              name\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      comment {\n        id\n        body\n        item {\n          id\n          commentCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      comment {\n        id\n        body\n        item {\n          id\n          commentCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      comment {\n        id\n        body\n        editedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation EditComment($input: EditCommentInput!) {\n    editComment(input: $input) {\n      comment {\n        id\n        body\n        editedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteComment($input: DeleteCommentInput!) {\n    deleteComment(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ItemCardFields on Item {\n    id\n    title\n    status\n    priority\n    dueDate\n    version\n    updatedAt\n    assignees {\n      id\n      name\n    }\n    tags {\n      id\n      name\n      color\n    }\n    progress {\n      total\n      done\n    }\n    commentCount\n  }\n"): (typeof documents)["\n  fragment ItemCardFields on Item {\n    id\n    title\n    status\n    priority\n    dueDate\n    version\n    updatedAt\n    assignees {\n      id\n      name\n    }\n    tags {\n      id\n      name\n      color\n    }\n    progress {\n      total\n      done\n    }\n    commentCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Items($first: Int, $after: String, $filter: ItemFilterInput, $orderBy: ItemOrderInput) {\n    items(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges {\n        cursor\n        node {\n          ...ItemCardFields\n          team {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Items($first: Int, $after: String, $filter: ItemFilterInput, $orderBy: ItemOrderInput) {\n    items(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      edges {\n        cursor\n        node {\n          ...ItemCardFields\n          team {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemDetail($id: ID!) {\n    item(id: $id) {\n      ...ItemCardFields\n      description\n      estimatedHours\n      actualHours\n      createdAt\n      completedAt\n      creator {\n        id\n        name\n      }\n      team {\n        id\n        name\n      }\n      parent {\n        id\n        title\n      }\n      subtasks(first: 100) {\n        edges {\n          node {\n            id\n            title\n            status\n            version\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ItemDetail($id: ID!) {\n    item(id: $id) {\n      ...ItemCardFields\n      description\n      estimatedHours\n      actualHours\n      createdAt\n      completedAt\n      creator {\n        id\n        name\n      }\n      team {\n        id\n        name\n      }\n      parent {\n        id\n        title\n      }\n      subtasks(first: 100) {\n        edges {\n          node {\n            id\n            title\n            status\n            version\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemHistory($filter: ActivityFilterInput, $first: Int, $after: String) {\n    activity(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          at\n          actor {\n            id\n            name\n          }\n          # Names Item among the answer's types, so that a change to an item reloads its history.\n          item {\n            id\n          }\n          changes {\n            field\n            from\n            to\n            added\n            removed\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ItemHistory($filter: ActivityFilterInput, $first: Int, $after: String) {\n    activity(filter: $filter, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          action\n          at\n          actor {\n            id\n            name\n          }\n          # Names Item among the answer's types, so that a change to an item reloads its history.\n          item {\n            id\n          }\n          changes {\n            field\n            from\n            to\n            added\n            removed\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      item {\n        ...ItemCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateItem($input: CreateItemInput!) {\n    createItem(input: $input) {\n      item {\n        ...ItemCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateItem($input: UpdateItemInput!) {\n    updateItem(input: $input) {\n      item {\n        ...ItemCardFields\n        description\n        estimatedHours\n        actualHours\n        completedAt\n        team {\n          id\n          name\n        }\n        parent {\n          id\n          title\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateItem($input: UpdateItemInput!) {\n    updateItem(input: $input) {\n      item {\n        ...ItemCardFields\n        description\n        estimatedHours\n        actualHours\n        completedAt\n        team {\n          id\n          name\n        }\n        parent {\n          id\n          title\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteItem($input: DeleteItemInput!) {\n    deleteItem(input: $input) {\n      deletedId\n      deletedSubtaskIds\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteItem($input: DeleteItemInput!) {\n    deleteItem(input: $input) {\n      deletedId\n      deletedSubtaskIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreItem($input: RestoreItemInput!) {\n    restoreItem(input: $input) {\n      item {\n        id\n        title\n      }\n      restoredSubtaskIds\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreItem($input: RestoreItemInput!) {\n    restoreItem(input: $input) {\n      item {\n        id\n        title\n      }\n      restoredSubtaskIds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantMembers {\n    tenant {\n      id\n      members(first: 100) {\n        edges {\n          node {\n            id\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TenantMembers {\n    tenant {\n      id\n      members(first: 100) {\n        edges {\n          node {\n            id\n            user {\n              id\n              name\n              email\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Teams($first: Int, $after: String) {\n    teams(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          updatedAt\n          members {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Teams($first: Int, $after: String) {\n    teams(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          description\n          updatedAt\n          members {\n            id\n            name\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tags($first: Int, $after: String) {\n    tags(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          color\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tags($first: Int, $after: String) {\n    tags(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          color\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team {\n        id\n        name\n        description\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team {\n        id\n        name\n        description\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTeam($input: TeamIdInput!) {\n    deleteTeam(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTeam($input: TeamIdInput!) {\n    deleteTeam(input: $input) {\n      deletedId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreTeam($input: TeamIdInput!) {\n    restoreTeam(input: $input) {\n      team {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreTeam($input: TeamIdInput!) {\n    restoreTeam(input: $input) {\n      team {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTeamMember($input: TeamMemberInput!) {\n    addTeamMember(input: $input) {\n      team {\n        id\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddTeamMember($input: TeamMemberInput!) {\n    addTeamMember(input: $input) {\n      team {\n        id\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTeamMember($input: TeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        id\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveTeamMember($input: TeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        id\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      tag {\n        id\n        name\n        color\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTag($input: CreateTagInput!) {\n    createTag(input: $input) {\n      tag {\n        id\n        name\n        color\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTag($input: UpdateTagInput!) {\n    updateTag(input: $input) {\n      tag {\n        id\n        name\n        color\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTag($input: UpdateTagInput!) {\n    updateTag(input: $input) {\n      tag {\n        id\n        name\n        color\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTag($input: DeleteTagInput!) {\n    deleteTag(input: $input) {\n      deletedId\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTag($input: DeleteTagInput!) {\n    deleteTag(input: $input) {\n      deletedId\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;