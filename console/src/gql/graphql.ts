/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * Implement the DateTime<Utc> scalar
   *
   * The input/output is a string in RFC3339 format.
   */
  DateTime: { input: string; output: string; }
  /** A scalar that can represent any JSON value. */
  JSON: { input: unknown; output: unknown; }
  /**
   * ISO 8601 calendar date without timezone.
   * Format: %Y-%m-%d
   *
   * # Examples
   *
   * * `1994-11-13`
   * * `2000-02-24`
   */
  NaiveDate: { input: string; output: string; }
  /** A multipart file upload */
  Upload: { input: File; output: File; }
};

export type AcceptInvitationInput = {
  token: Scalars['String']['input'];
};

export type AcceptInvitationPayload = {
  __typename?: 'AcceptInvitationPayload';
  joinedAt: Scalars['DateTime']['output'];
  /** The new membership's id. */
  membershipId: Scalars['ID']['output'];
  role: Scalars['String']['output'];
  /** The tenant joined. Call `switchTenant` to act in it. */
  tenant: Tenant;
};

/** One change to an item, written with the change itself. */
export type Activity = {
  __typename?: 'Activity';
  action: ActivityAction;
  /** Who made the change. */
  actor?: Maybe<User>;
  at: Scalars['DateTime']['output'];
  /** The fields changed; for a creation, every field that was set. */
  changes: Array<FieldChange>;
  id: Scalars['ID']['output'];
  /** The item as it is now; empty once it is deleted. */
  item?: Maybe<Item>;
  /** The item changed, even when it has since been deleted. */
  itemId: Scalars['ID']['output'];
};

export type ActivityAction =
  | 'CREATED'
  | 'DELETED'
  | 'RESTORED'
  | 'UPDATED';

export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  edges: Array<ActivityEdge>;
  pageInfo: PageInfo;
};

export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Activity;
};

/** Narrows `activity`; every field given must hold. */
export type ActivityFilterInput = {
  action?: InputMaybe<ActivityAction>;
  /** Changes made by this user. */
  actorId?: InputMaybe<Scalars['ID']['input']>;
  /** Changes that include this field (`status`, `assigneeIds`, …). */
  field?: InputMaybe<Scalars['String']['input']>;
  /** Changes of this item. */
  itemId?: InputMaybe<Scalars['ID']['input']>;
  /** At or after this time. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /**
   * With `field`: changes that set it to this value, as shown in
   * `FieldChange.to` (`"DONE"` for a status).
   */
  to?: InputMaybe<Scalars['String']['input']>;
  /** Before this time. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A new comment on an item. */
export type AddCommentInput = {
  /** 1 to 10,000 characters, trimmed. */
  body: Scalars['String']['input'];
  itemId: Scalars['ID']['input'];
};

/** One assignee to add or remove. */
export type AssignItemInput = {
  /** As in `updateItem`. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  itemId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

/** Open items assigned to one member. */
export type AssigneeCount = {
  __typename?: 'AssigneeCount';
  count: Scalars['Int']['output'];
  /**
   * The assignee; through the request's loader, so a whole list of them
   * is one lookup.
   */
  user?: Maybe<User>;
};

/** A file uploaded to an item. */
export type Attachment = {
  __typename?: 'Attachment';
  /** What its content was found to be, whatever the client declared. */
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** `GET` it with the same `Authorization` header as `/graphql`. */
  downloadUrl: Scalars['String']['output'];
  /** As it was uploaded (at most 255 characters). */
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  sizeBytes: Scalars['Int']['output'];
  /** Who uploaded it. */
  uploadedBy?: Maybe<User>;
};

/** One change in the tenant, recorded with the change itself. */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** `entity.verb`, e.g. `member.invited`. */
  action: Scalars['String']['output'];
  /** Who did it; `null` for changes made by the system. */
  actorId?: Maybe<Scalars['ID']['output']>;
  after?: Maybe<Scalars['JSON']['output']>;
  /** The changed fields before the change, if it had a before. */
  before?: Maybe<Scalars['JSON']['output']>;
  createdAt: Scalars['DateTime']['output'];
  entityId: Scalars['ID']['output'];
  entityType: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  ip?: Maybe<Scalars['String']['output']>;
  requestId?: Maybe<Scalars['String']['output']>;
  userAgent?: Maybe<Scalars['String']['output']>;
};

export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  edges: Array<AuditEntryEdge>;
  pageInfo: PageInfo;
};

export type AuditEntryEdge = {
  __typename?: 'AuditEntryEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: AuditEntry;
};

/** Narrows the audit log; every field given must match. */
export type AuditLogFilter = {
  /** `entity.verb`, e.g. `member.invited`. */
  action?: InputMaybe<Scalars['String']['input']>;
  actorId?: InputMaybe<Scalars['ID']['input']>;
  entityType?: InputMaybe<Scalars['String']['input']>;
};

/** What a client holds after signing in, refreshing or switching tenant. */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Send as `Authorization: Bearer <accessToken>`; valid until `expiresAt`. */
  accessToken: Scalars['String']['output'];
  /** When the access token expires. */
  expiresAt: Scalars['DateTime']['output'];
  /** Exchange with `refreshSession` for a new pair. Single use. */
  refreshToken: Scalars['String']['output'];
  /** The user's role in `tenant`. */
  role?: Maybe<Scalars['String']['output']>;
  /** The selected tenant; `null` until one is chosen. */
  tenant?: Maybe<Tenant>;
  user: User;
};

/**
 * How a config authenticates. SQL servers take NONE or BASIC, SQLite and
 * FILE only NONE, HTTP any.
 */
export type AuthType =
  /** `authConfig: {key, header}`; `header` defaults to `X-Api-Key`. */
  | 'API_KEY'
  /** `authConfig: {username, password}`. */
  | 'BASIC'
  /** `authConfig: {token}`, sent as `Authorization: Bearer <token>`. */
  | 'BEARER'
  /** No credentials; `authConfig` is empty. */
  | 'NONE';

/** What someone said about an item. */
export type Comment = {
  __typename?: 'Comment';
  /** Who wrote it; still named after they leave the tenant. */
  author?: Maybe<User>;
  /** 1 to 10,000 characters. */
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** When its author last changed it; empty if never. */
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The item it is on. */
  item?: Maybe<Item>;
};

export type CommentConnection = {
  __typename?: 'CommentConnection';
  edges: Array<CommentEdge>;
  pageInfo: PageInfo;
};

export type CommentEdge = {
  __typename?: 'CommentEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Comment;
};

/** The comment as it is after the change. */
export type CommentPayload = {
  __typename?: 'CommentPayload';
  comment: Comment;
};

/**
 * The answer of `testDatasourceConfig`. A failure to connect is an answer
 * (`ok: false` with the reason), not an error.
 */
export type ConfigTest = {
  __typename?: 'ConfigTest';
  /** Why it failed, in words safe to show: never a credential. */
  error?: Maybe<Scalars['String']['output']>;
  /** How long connecting (and for SQL, `SELECT 1`) took. */
  latencyMs: Scalars['Float']['output'];
  /** Whether the datasource could be reached with the config. */
  ok: Scalars['Boolean']['output'];
};

/** A new datasource config. */
export type CreateDatasourceConfigInput = {
  /**
   * The credentials for `authType`: `{username, password}`, `{token}` or
   * `{key, header}`. Write-only: stored encrypted, never returned.
   */
  authConfig?: InputMaybe<Scalars['JSON']['input']>;
  /** How it authenticates; NONE when omitted. */
  authType?: AuthType;
  /**
   * `postgres://host:5432/db`, `mysql://host/db`, a SQLite file path
   * relative to the tenant's own directory among the server's datasource
   * files, an `http(s)://` base address; omitted for FILE. Never with
   * credentials in it.
   */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /**
   * Connection options: `poolSize` (1-20), `connectTimeoutMs`,
   * `statementTimeoutMs` (100-30000), `maxResponseBytes`, `headers`.
   */
  connection?: InputMaybe<Scalars['JSON']['input']>;
  /** Unique in the tenant, ignoring case; datasources name it as their `connectionKey`. */
  name: Scalars['String']['input'];
  /** How to reach the datasource; it cannot change later. */
  protocol: Protocol;
  /**
   * For POSTGRESQL and MYSQL only: how the connection is encrypted;
   * VERIFY_FULL when omitted.
   */
  tlsMode?: InputMaybe<DatasourceTlsMode>;
};

/** What `createDatasourceConfig` created. */
export type CreateDatasourceConfigPayload = {
  __typename?: 'CreateDatasourceConfigPayload';
  /** The new config. */
  datasourceConfig: DatasourceConfig;
};

/** A new datasource. */
export type CreateDatasourceInput = {
  /** The name (or id) of the datasource config to connect through. */
  connectionKey: Scalars['String']['input'];
  /** What it holds, for the people writing rules. */
  description?: InputMaybe<Scalars['String']['input']>;
  /**
   * The CSV of a FILE datasource (UTF-8, a header row, at most 10 MiB),
   * sent as a GraphQL multipart request. It may also be uploaded later.
   */
  file?: InputMaybe<Scalars['Upload']['input']>;
  /** What it is; decides the configs it can use. */
  kind: DatasourceKind;
  /** Unique in the tenant, ignoring case. */
  name: Scalars['String']['input'];
};

/** What `createDatasource` created. */
export type CreateDatasourcePayload = {
  __typename?: 'CreateDatasourcePayload';
  /** The new datasource. */
  datasource: Datasource;
};

/** A new intent. */
export type CreateIntentInput = {
  /** What the category is for. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Whether routing may choose it. */
  isActive?: Scalars['Boolean']['input'];
  /** Up to 20; an email belongs to the intent when any matches. */
  matchers?: Array<MatcherInput>;
  /** Unique in the tenant, ignoring case. */
  name: Scalars['String']['input'];
  /** Higher is tried first (-1000000 to 1000000). */
  priority?: Scalars['Int']['input'];
};

/** What `createIntent` created. */
export type CreateIntentPayload = {
  __typename?: 'CreateIntentPayload';
  /** The new intent. */
  intent: Intent;
};

/** An intent and its rules, created together or not at all. */
export type CreateIntentWithRulesInput = {
  /** The intent. */
  intent: CreateIntentInput;
  /** Its rules, at most 50. */
  rules: Array<RuleSpecInput>;
};

/** What `createIntentWithRules` created. */
export type CreateIntentWithRulesPayload = {
  __typename?: 'CreateIntentWithRulesPayload';
  /** The new intent; its `rules` lists the new rules. */
  intent: Intent;
};

/** A new item. */
export type CreateItemInput = {
  /** 0 or more. */
  actualHours?: InputMaybe<Scalars['Float']['input']>;
  /** Members of the tenant. */
  assigneeIds?: Array<Scalars['ID']['input']>;
  /** Up to 50,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['NaiveDate']['input']>;
  /** 0 or more. */
  estimatedHours?: InputMaybe<Scalars['Float']['input']>;
  /**
   * Makes it a subtask of this item (at most 8 levels deep, 500
   * subtasks per item).
   */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** MEDIUM when omitted. */
  priority?: InputMaybe<Priority>;
  /** TODO when omitted. */
  status?: InputMaybe<ItemStatus>;
  tagIds?: Array<Scalars['ID']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
};

export type CreateRoleInput = {
  /** 2 to 40 letters, digits, spaces, `-` and `_`; not a built-in name. */
  name: Scalars['String']['input'];
  /** `resource.action` names, see `permissions`; all must be your own. */
  permissions: Array<Scalars['String']['input']>;
};

/** What `createRole` created. */
export type CreateRolePayload = {
  __typename?: 'CreateRolePayload';
  /** The new custom role. */
  role: Role;
};

/** A new tag. */
export type CreateTagInput = {
  /** `#rrggbb`. */
  color: Scalars['String']['input'];
  /** 1 to 50 characters, unique in the tenant ignoring case. */
  name: Scalars['String']['input'];
};

/** A new team. */
export type CreateTeamInput = {
  /** Up to 2,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 characters, unique in the tenant ignoring case. */
  name: Scalars['String']['input'];
};

export type CreateTenantInput = {
  name: Scalars['String']['input'];
  plan: Plan;
  /** The tenant's URL name: 3 to 63 characters of a-z, 0-9 and inner hyphens. */
  slug: Scalars['String']['input'];
};

export type CreateTenantPayload = {
  __typename?: 'CreateTenantPayload';
  tenant: Tenant;
};

/** A new validation rule of an intent. */
export type CreateValidationRuleInput = {
  /** The lookup and comparison; see `ValidationRule.conditions`. */
  conditions: Scalars['JSON']['input'];
  /** The datasource it queries. */
  datasourceId: Scalars['ID']['input'];
  /** The email value it is about; see `RuleSpecInput.fieldName`. */
  fieldName: Scalars['String']['input'];
  /** The intent it belongs to. */
  intentId: Scalars['ID']['input'];
  /** Whether it runs. */
  isActive?: Scalars['Boolean']['input'];
  /** Higher runs first. */
  priority?: Scalars['Int']['input'];
  /** What it checks. */
  ruleType: RuleType;
};

/** What `createValidationRule` created. */
export type CreateValidationRulePayload = {
  __typename?: 'CreateValidationRulePayload';
  /** The new rule. */
  rule: ValidationRule;
};

/** Something a validation rule queries: a database, an API or an uploaded CSV. */
export type Datasource = {
  __typename?: 'Datasource';
  /** The config it connects through. */
  config: DatasourceConfig;
  /**
   * The name of its config: what `connectionKey` named when it was
   * created or last changed.
   */
  connectionKey: Scalars['String']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What it holds, for the people writing rules. */
  description?: Maybe<Scalars['String']['output']>;
  /**
   * The uploaded CSV of a FILE datasource; `null` until one is uploaded
   * and for other kinds.
   */
  file?: Maybe<DatasourceFile>;
  /** The datasource's id. */
  id: Scalars['ID']['output'];
  /** What it is; fixed at creation. */
  kind: DatasourceKind;
  /** Unique in the tenant, ignoring case. */
  name: Scalars['String']['output'];
  /** When it, or its file, last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * How to reach a datasource. Its credentials (`authConfig`) are stored
 * encrypted and never returned: `hasCredentials` only says they exist.
 */
export type DatasourceConfig = {
  __typename?: 'DatasourceConfig';
  /** How it authenticates. */
  authType: AuthType;
  /** The address, without credentials; `null` for FILE. */
  baseUrl?: Maybe<Scalars['String']['output']>;
  /**
   * Connection options: `poolSize`, `connectTimeoutMs`,
   * `statementTimeoutMs`, `maxResponseBytes`, `headers` (all defaulted).
   */
  connection: Scalars['JSON']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Whether credentials are stored. */
  hasCredentials: Scalars['Boolean']['output'];
  /** The config's id. */
  id: Scalars['ID']['output'];
  /** Unique in the tenant, ignoring case; what a datasource's `connectionKey` names. */
  name: Scalars['String']['output'];
  /** How it reaches the datasource; fixed at creation. */
  protocol: Protocol;
  /** How the connection is encrypted; `null` except for POSTGRESQL and MYSQL. */
  tlsMode?: Maybe<DatasourceTlsMode>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

export type DatasourceConfigConnection = {
  __typename?: 'DatasourceConfigConnection';
  edges: Array<DatasourceConfigEdge>;
  pageInfo: PageInfo;
};

export type DatasourceConfigEdge = {
  __typename?: 'DatasourceConfigEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: DatasourceConfig;
};

export type DatasourceConnection = {
  __typename?: 'DatasourceConnection';
  edges: Array<DatasourceEdge>;
  pageInfo: PageInfo;
};

export type DatasourceEdge = {
  __typename?: 'DatasourceEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Datasource;
};

/** What is known of a FILE datasource's uploaded CSV. */
export type DatasourceFile = {
  __typename?: 'DatasourceFile';
  /** The header row's column names, in order. */
  columns: Array<Scalars['String']['output']>;
  /** The name it was uploaded under. */
  filename: Scalars['String']['output'];
  /** Data rows, not counting the header row. */
  rowCount: Scalars['Int']['output'];
  /** Its size in bytes. */
  sizeBytes: Scalars['Int']['output'];
  /** When it was uploaded. */
  uploadedAt: Scalars['DateTime']['output'];
};

/** What a datasource is; it decides which config protocols it can use. */
export type DatasourceKind =
  /** Called over HTTP through an HTTP config. */
  | 'API'
  /** Queried with SQL through a POSTGRESQL, MYSQL or SQLITE config. */
  | 'DATABASE'
  /** An uploaded CSV, through a FILE config. */
  | 'FILE';

/** How a POSTGRESQL or MYSQL config encrypts its connection. */
export type DatasourceTlsMode =
  /**
   * No TLS: the password and the data travel in clear text. Only for a
   * server without TLS on a network you trust.
   */
  | 'DISABLE'
  /**
   * TLS required; the certificate is not checked, so an impostor on the
   * path is not noticed.
   */
  | 'REQUIRE'
  /**
   * TLS required; the certificate must be valid for the host name in
   * `baseUrl` and chain to a trusted root. The default.
   */
  | 'VERIFY_FULL';

/** How a whole decision went. */
export type DecisionOutcome =
  /** No rule failed, but at least one could not be run. */
  | 'ERROR'
  /** At least one rule failed. */
  | 'FAILED'
  /** No active intent matched. */
  | 'NO_MATCH'
  /** An intent matched and every rule passed. */
  | 'PASSED';

/** The attachment to delete. */
export type DeleteAttachmentInput = {
  id: Scalars['ID']['input'];
};

/** What `deleteAttachment` deleted. */
export type DeleteAttachmentPayload = {
  __typename?: 'DeleteAttachmentPayload';
  deletedId: Scalars['ID']['output'];
};

/** The comment to delete. */
export type DeleteCommentInput = {
  id: Scalars['ID']['input'];
};

/** What `deleteComment` deleted. */
export type DeleteCommentPayload = {
  __typename?: 'DeleteCommentPayload';
  deletedId: Scalars['ID']['output'];
};

/** The datasource config to delete. */
export type DeleteDatasourceConfigInput = {
  /** The config to delete; refused while datasources use it. */
  id: Scalars['ID']['input'];
};

/** What `deleteDatasourceConfig` deleted. */
export type DeleteDatasourceConfigPayload = {
  __typename?: 'DeleteDatasourceConfigPayload';
  /** The id of the deleted config. */
  deletedId: Scalars['ID']['output'];
};

/** The datasource to delete. */
export type DeleteDatasourceInput = {
  /** The datasource to delete, with every rule that queries it. */
  id: Scalars['ID']['input'];
};

/** What `deleteDatasource` deleted. */
export type DeleteDatasourcePayload = {
  __typename?: 'DeleteDatasourcePayload';
  /** The id of the deleted datasource. */
  deletedId: Scalars['ID']['output'];
  /** The validation rules that queried it, deleted with it. */
  deletedRuleIds: Array<Scalars['ID']['output']>;
};

/** The intent to delete. */
export type DeleteIntentInput = {
  /** The intent to delete, with its rules. */
  id: Scalars['ID']['input'];
};

/** What `deleteIntent` deleted. */
export type DeleteIntentPayload = {
  __typename?: 'DeleteIntentPayload';
  /** The id of the deleted intent. */
  deletedId: Scalars['ID']['output'];
  /** Its validation rules, deleted with it. */
  deletedRuleIds: Array<Scalars['ID']['output']>;
};

/** The item to delete. */
export type DeleteItemInput = {
  /** As in `updateItem`. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
};

/** What `deleteItem` deleted. */
export type DeleteItemPayload = {
  __typename?: 'DeleteItemPayload';
  deletedId: Scalars['ID']['output'];
  /** Its subtasks, at every level, deleted with it. */
  deletedSubtaskIds: Array<Scalars['ID']['output']>;
};

/** The custom role to delete. */
export type DeleteRoleInput = {
  /** A custom role that no member holds and no pending invitation offers. */
  id: Scalars['ID']['input'];
};

/** What `deleteRole` deleted. */
export type DeleteRolePayload = {
  __typename?: 'DeleteRolePayload';
  /** The id of the deleted role. */
  deletedId: Scalars['ID']['output'];
};

/** The tag to delete. */
export type DeleteTagInput = {
  id: Scalars['ID']['input'];
};

/** What `deleteTag` deleted. */
export type DeleteTagPayload = {
  __typename?: 'DeleteTagPayload';
  deletedId: Scalars['ID']['output'];
};

/** What `deleteTeam` deleted. */
export type DeleteTeamPayload = {
  __typename?: 'DeleteTeamPayload';
  deletedId: Scalars['ID']['output'];
};

/** The validation rule to delete. */
export type DeleteValidationRuleInput = {
  /** The rule to delete. */
  id: Scalars['ID']['input'];
};

/** What `deleteValidationRule` deleted. */
export type DeleteValidationRulePayload = {
  __typename?: 'DeleteValidationRulePayload';
  /** The id of the deleted rule. */
  deletedId: Scalars['ID']['output'];
};

/** A new body for one's own comment. */
export type EditCommentInput = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};

/** An email given field by field, for callers that parsed it themselves. */
export type EmailMessageInput = {
  /** The plain-text body. */
  body?: Scalars['String']['input'];
  /** The copied recipients' addresses. */
  cc?: Array<Scalars['String']['input']>;
  /**
   * Values extracted by the caller, such as an order number: a JSON
   * object of string values, reached by rules as `fields.<key>`.
   */
  fields?: InputMaybe<Scalars['JSON']['input']>;
  /** The sender's address, as `user@example.com`. */
  from: Scalars['String']['input'];
  /** Headers, looked up by rules and matchers ignoring case. */
  headers?: Array<HeaderInput>;
  /** The `Message-ID` header. */
  messageId?: InputMaybe<Scalars['String']['input']>;
  /** The subject. */
  subject?: Scalars['String']['input'];
  /** The recipients' addresses. */
  to?: Array<Scalars['String']['input']>;
};

/** The routed email, as far as it is kept. */
export type EmailSummary = {
  __typename?: 'EmailSummary';
  /** The sender's address. */
  from: Scalars['String']['output'];
  /** The `Message-ID` header, if it had one. */
  messageId?: Maybe<Scalars['String']['output']>;
  /** The subject. */
  subject: Scalars['String']['output'];
};

/**
 * One field's change. A plain field has `from` and `to` (`null` when
 * unset); `assigneeIds` and `tagIds` list the ids `added` and `removed`.
 */
export type FieldChange = {
  __typename?: 'FieldChange';
  added: Array<Scalars['ID']['output']>;
  /** The field as the API spells it: `status`, `dueDate`, `assigneeIds`, … */
  field: Scalars['String']['output'];
  from: Scalars['JSON']['output'];
  removed: Array<Scalars['ID']['output']>;
  to: Scalars['JSON']['output'];
};

/** One bad input field. */
export type FieldError = {
  __typename?: 'FieldError';
  /** The field's path, as the input spells it (`title`, `assigneeIds[2]`). */
  field: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** One header of an email given field by field. */
export type HeaderInput = {
  /** The header's name, as sent. */
  name: Scalars['String']['input'];
  /** Its value, decoded. */
  value: Scalars['String']['input'];
};

/**
 * An email category ("Support Ticket", "Sales Lead"). Routing tries active
 * intents from the highest priority down and picks the first one any of
 * whose matchers matches; its validation rules then check the email.
 */
export type Intent = {
  __typename?: 'Intent';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the category is for. */
  description?: Maybe<Scalars['String']['output']>;
  /** The intent's id. */
  id: Scalars['ID']['output'];
  /** Inactive intents are never routed to. */
  isActive: Scalars['Boolean']['output'];
  /** An email belongs to the intent when any of these matches. */
  matchers: Array<Matcher>;
  /** Unique in the tenant, ignoring case. */
  name: Scalars['String']['output'];
  /** Higher is tried first; ties go to the older intent. */
  priority: Scalars['Int']['output'];
  /**
   * Its validation rules, in the order they run. In a list of intents,
   * the rules of the whole page are read at once.
   */
  rules: Array<ValidationRule>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

export type IntentConnection = {
  __typename?: 'IntentConnection';
  edges: Array<IntentEdge>;
  pageInfo: PageInfo;
};

export type IntentEdge = {
  __typename?: 'IntentEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Intent;
};

/** Narrows `intents`; every field given must match. */
export type IntentFilter = {
  /** Only active (`true`) or inactive (`false`) intents. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** Found in the name or description, ignoring case. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** An offer to join the tenant, redeemed with its token by `acceptInvitation`. */
export type Invitation = {
  __typename?: 'Invitation';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The role the invitee will get. */
  role: Scalars['String']['output'];
};

export type InvitationConnection = {
  __typename?: 'InvitationConnection';
  edges: Array<InvitationEdge>;
  pageInfo: PageInfo;
};

export type InvitationEdge = {
  __typename?: 'InvitationEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Invitation;
};

export type InviteMemberInput = {
  email: Scalars['String']['input'];
  /**
   * A role name, in any case: `ADMIN`, `MEMBER`, `VIEWER`, a custom
   * role, or `OWNER` if you are one.
   */
  role: Scalars['String']['input'];
};

export type InviteMemberPayload = {
  __typename?: 'InviteMemberPayload';
  invitation: Invitation;
  /**
   * The secret that accepts the invitation. Shown only here, once: pass
   * it on to the invitee.
   */
  token: Scalars['String']['output'];
};

/**
 * A task. Its relations (team, parent, creator, assignees, tags,
 * progress) are read for a whole page at once.
 */
export type Item = {
  __typename?: 'Item';
  actualHours?: Maybe<Scalars['Float']['output']>;
  /** Who it is assigned to. */
  assignees: Array<User>;
  /** Files uploaded to it, oldest first. */
  attachments: Array<Attachment>;
  /** How many comments it has. */
  commentCount: Scalars['Int']['output'];
  /** Its comments, oldest first. */
  comments: CommentConnection;
  /** When it became DONE; empty unless it is DONE. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Who created it. */
  creator?: Maybe<User>;
  /** Up to 50,000 characters. */
  description?: Maybe<Scalars['String']['output']>;
  dueDate?: Maybe<Scalars['NaiveDate']['output']>;
  estimatedHours?: Maybe<Scalars['Float']['output']>;
  /** Its changes, newest first. */
  history: ActivityConnection;
  id: Scalars['ID']['output'];
  /** The item it is a subtask of. */
  parent?: Maybe<Item>;
  priority: Priority;
  /** How far its direct subtasks are done. */
  progress: Progress;
  status: ItemStatus;
  /** Its direct subtasks, oldest first. */
  subtasks: ItemConnection;
  /** Its tags, by name. */
  tags: Array<Tag>;
  /** Its team; empty when it has none or the team is deleted. */
  team?: Maybe<Team>;
  /** 1 to 200 characters. */
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
  /**
   * Grows by one with every change; pass it as `expectedVersion` so that
   * a change made meanwhile by someone else is not overwritten.
   */
  version: Scalars['Int']['output'];
};


/**
 * A task. Its relations (team, parent, creator, assignees, tags,
 * progress) are read for a whole page at once.
 */
export type ItemCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A task. Its relations (team, parent, creator, assignees, tags,
 * progress) are read for a whole page at once.
 */
export type ItemHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A task. Its relations (team, parent, creator, assignees, tags,
 * progress) are read for a whole page at once.
 */
export type ItemSubtasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Figures over the live items that pass the filter. */
export type ItemAnalytics = {
  __typename?: 'ItemAnalytics';
  /** Mean of `actualHours` over the items that have it. */
  avgActualHours?: Maybe<Scalars['Float']['output']>;
  /**
   * Mean hours from creation to completion of DONE items; null when
   * there is none.
   */
  avgCompletionHours?: Maybe<Scalars['Float']['output']>;
  /** Open items per assignee, most first, at most 50. */
  byAssignee: Array<AssigneeCount>;
  /** Every priority, zero included. */
  byPriority: Array<PriorityCount>;
  /** Every status, zero included. */
  byStatus: Array<StatusCount>;
  /** Completed since Monday 00:00 UTC. */
  completedThisWeek: Scalars['Int']['output'];
  /** Open items due before today (UTC). */
  overdue: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** A page of items in one order. */
export type ItemConnection = {
  __typename?: 'ItemConnection';
  edges: Array<ItemEdge>;
  pageInfo: PageInfo;
};

export type ItemEdge = {
  __typename?: 'ItemEdge';
  /**
   * Opaque; pass it as `after`, with the same `orderBy`, for the rows
   * after this one.
   */
  cursor: Scalars['String']['output'];
  node: Item;
};

/** Why one item of a bulk edit was not changed. */
export type ItemEditError = {
  __typename?: 'ItemEditError';
  /**
   * The code a single `updateItem` would have answered
   * (`NOT_FOUND`, `CONFLICT`, `BAD_USER_INPUT`, …).
   */
  code: Scalars['String']['output'];
  /**
   * With CONFLICT from a stale `expectedVersion`, the item's version
   * now: read it again, then retry with this one.
   */
  currentVersion?: Maybe<Scalars['Int']['output']>;
  /** With BAD_USER_INPUT, every bad field. */
  fields?: Maybe<Array<FieldError>>;
  message: Scalars['String']['output'];
};

/** One item's edit. */
export type ItemEditInput = {
  /** As in `updateItem`. */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  patch: ItemPatchInput;
};

/** One item's outcome: the item as it is now, or its error. */
export type ItemEditResult = {
  __typename?: 'ItemEditResult';
  error?: Maybe<ItemEditError>;
  id: Scalars['ID']['output'];
  item?: Maybe<Item>;
};

/** Narrows `items`; every field given must hold. */
export type ItemFilterInput = {
  /** Items assigned to this member. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Items created by this user. */
  createdBy?: InputMaybe<Scalars['ID']['input']>;
  /** Due after this day. */
  dueAfter?: InputMaybe<Scalars['NaiveDate']['input']>;
  /** Due before this day. */
  dueBefore?: InputMaybe<Scalars['NaiveDate']['input']>;
  /** Open items (not DONE or ARCHIVED) whose due date has passed. */
  overdue?: Scalars['Boolean']['input'];
  /** Direct subtasks of this item. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Items of any of these priorities. */
  priority?: InputMaybe<Array<Priority>>;
  /**
   * Words to find in the title, description or comments, as in a web
   * search: `"a phrase"`, `-without`, `this or that`. At most 200
   * characters.
   */
  search?: InputMaybe<Scalars['String']['input']>;
  /** Items in any of these statuses. */
  status?: InputMaybe<Array<ItemStatus>>;
  /** Items carrying these tags (all of them unless `tagMatch` is ANY). */
  tagIds?: Array<Scalars['ID']['input']>;
  tagMatch?: TagMatchMode;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  /** Items that are no one's subtask. */
  topLevelOnly?: Scalars['Boolean']['input'];
  /** Items assigned to nobody. */
  unassigned?: Scalars['Boolean']['input'];
};

/** What `items` can be ordered by. */
export type ItemOrderField =
  | 'CREATED_AT'
  /** Items without a due date come last either way. */
  | 'DUE_DATE'
  | 'PRIORITY'
  /**
   * Best match of `filter.search` first (with DESC); needs a search.
   * Ranks the newest 1,000 matches: a search matching more is too
   * broad to rank, and narrower words or another order (which pages
   * through every match) reach the rest.
   */
  | 'RELEVANCE'
  /** Alphabetically, ignoring case. */
  | 'TITLE'
  | 'UPDATED_AT';

/** An order for `items`; ties go by creation, in the same direction. */
export type ItemOrderInput = {
  direction?: SortDirection;
  field: ItemOrderField;
};

/**
 * The fields of an item to change: only those given change; `null`
 * clears a field that may be empty, and a list replaces the whole set.
 */
export type ItemPatchInput = {
  actualHours?: InputMaybe<Scalars['Float']['input']>;
  assigneeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['NaiveDate']['input']>;
  estimatedHours?: InputMaybe<Scalars['Float']['input']>;
  /** A new parent, or `null` to make it top-level. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<Priority>;
  status?: InputMaybe<ItemStatus>;
  tagIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** The item as it is after the change. */
export type ItemPayload = {
  __typename?: 'ItemPayload';
  item: Item;
};

/** Where an item stands. */
export type ItemStatus =
  /** Put away; neither open nor done. */
  | 'ARCHIVED'
  /** Done: `completedAt` says when. */
  | 'DONE'
  | 'IN_PROGRESS'
  | 'IN_REVIEW'
  | 'TODO';

/** The part of an email a matcher looks at. */
export type MatchField =
  /** The plain-text body. */
  | 'BODY'
  /** The sender's address. */
  | 'FROM'
  /** The part of the sender's address after `@`, lowercased. */
  | 'FROM_DOMAIN'
  /** The header named by the matcher's `header`. */
  | 'HEADER'
  /** The subject line. */
  | 'SUBJECT'
  /** Any recipient's address. */
  | 'TO';

/**
 * How a matcher compares. EQUALS, CONTAINS and ENDS_WITH ignore case;
 * REGEX is as written (start it with `(?i)` to ignore case).
 */
export type MatchOperator =
  /** Anywhere in the value. */
  | 'CONTAINS'
  /** At the end of the value (e.g. a domain: `@example.com`). */
  | 'ENDS_WITH'
  /** The whole value, ignoring surrounding spaces. */
  | 'EQUALS'
  /** A regular expression without backreferences or lookaround. */
  | 'REGEX';

/**
 * One way of recognising an intent's emails: the field, compared by the
 * operator with the value.
 */
export type Matcher = {
  __typename?: 'Matcher';
  /** The part of the email compared. */
  field: MatchField;
  /** The header's name, for field HEADER only. */
  header?: Maybe<Scalars['String']['output']>;
  /** How it is compared. */
  operator: MatchOperator;
  /** What it is compared with. */
  value: Scalars['String']['output'];
};

/** One way of recognising an intent's emails. */
export type MatcherInput = {
  /** The part of the email compared. */
  field: MatchField;
  /** The header's name; required for field HEADER, refused otherwise. */
  header?: InputMaybe<Scalars['String']['input']>;
  /** How it is compared. */
  operator: MatchOperator;
  /** What it is compared with; a regular expression for REGEX. */
  value: Scalars['String']['input'];
};

/** The signed-in user, and the tenants they belong to. */
export type Me = {
  __typename?: 'Me';
  email: Scalars['String']['output'];
  /** The user's id. */
  id: Scalars['ID']['output'];
  /** Platform administrators may list, suspend and reactivate any tenant. */
  isPlatformAdmin: Scalars['Boolean']['output'];
  /** Every tenant the user belongs to, with their role there. */
  memberships: Array<Membership>;
  name: Scalars['String']['output'];
};

/** A user's place in the current tenant. */
export type Member = {
  __typename?: 'Member';
  /** The membership's id (not the user's). */
  id: Scalars['ID']['output'];
  joinedAt: Scalars['DateTime']['output'];
  /** What the role allows, as `resource.action` names. */
  permissions: Array<Scalars['String']['output']>;
  /** The role's name: `OWNER`, `ADMIN`, `MEMBER`, `VIEWER` or a custom role. */
  role: Scalars['String']['output'];
  user: User;
};

export type MemberConnection = {
  __typename?: 'MemberConnection';
  edges: Array<MemberEdge>;
  pageInfo: PageInfo;
};

export type MemberEdge = {
  __typename?: 'MemberEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Member;
};

/** One of the signed-in user's tenants, and their role there. */
export type Membership = {
  __typename?: 'Membership';
  joinedAt: Scalars['DateTime']['output'];
  /** The role's name: `OWNER`, `ADMIN`, `MEMBER`, `VIEWER` or a custom role. */
  role: Scalars['String']['output'];
  tenant: Tenant;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Joins the tenant an invitation was for. Sign in with the invited
   * email address first.
   */
  acceptInvitation: AcceptInvitationPayload;
  /** Comments on an item. Needs `comments.write` (MEMBER and above). */
  addComment: CommentPayload;
  /** Adds a member of the tenant to a team. */
  addTeamMember: TeamPayload;
  /** Assigns the item to one more member of the tenant. */
  assignItem: ItemPayload;
  /**
   * Creates a datasource over one of the tenant's configs. Needs
   * `routing.manage` (MEMBER and above).
   */
  createDatasource: CreateDatasourcePayload;
  /** Creates a datasource config. Needs `connections.manage` (ADMIN and above). */
  createDatasourceConfig: CreateDatasourceConfigPayload;
  /** Creates an intent. Needs `routing.manage` (MEMBER and above). */
  createIntent: CreateIntentPayload;
  /**
   * Creates an intent with its validation rules in one step: one bad
   * rule and nothing is created.
   */
  createIntentWithRules: CreateIntentWithRulesPayload;
  /** Creates an item. Needs `items.create` (MEMBER and above). */
  createItem: ItemPayload;
  /** Adds a custom role to the current tenant. */
  createRole: CreateRolePayload;
  /** Creates a tag. Needs `tags.manage` (MEMBER and above). */
  createTag: TagPayload;
  /** Creates a team. Needs `teams.manage` (ADMIN and above). */
  createTeam: TeamPayload;
  /**
   * Creates an organization with you as its OWNER. Call `switchTenant`
   * to act in it.
   */
  createTenant: CreateTenantPayload;
  /**
   * Adds a validation rule to an intent. Its conditions are checked
   * against the datasource now, so a stored rule can run.
   */
  createValidationRule: CreateValidationRulePayload;
  /**
   * Removes a file from an item, and its bytes from the file store.
   * Needs `items.update` (MEMBER and above).
   */
  deleteAttachment: DeleteAttachmentPayload;
  /**
   * Deletes one's own comment, or anyone's with `comments.moderate`
   * (ADMIN and above).
   */
  deleteComment: DeleteCommentPayload;
  /** Deletes a datasource and every validation rule that queries it. */
  deleteDatasource: DeleteDatasourcePayload;
  /** Deletes a datasource config no datasource uses (`CONFLICT` otherwise). */
  deleteDatasourceConfig: DeleteDatasourceConfigPayload;
  /**
   * Deletes an intent and its validation rules. Its routing decisions
   * stay, naming it by `intentName`.
   */
  deleteIntent: DeleteIntentPayload;
  /** Deletes an item with all its subtasks. Needs `items.delete`. */
  deleteItem: DeleteItemPayload;
  /**
   * Deletes a custom role of the current tenant; its name is free for a
   * new role. `CONFLICT` for a built-in role, or while a member holds it
   * or a pending invitation offers it (change their role or revoke the
   * invitation first). Needs `roles.manage`.
   */
  deleteRole: DeleteRolePayload;
  /** Deletes a tag; items stop showing it. */
  deleteTag: DeleteTagPayload;
  /** Deletes a team; its items stay, showing no team, until it is restored. */
  deleteTeam: DeleteTeamPayload;
  /** Deletes a validation rule. */
  deleteValidationRule: DeleteValidationRulePayload;
  /** Changes one's own comment, which then shows `editedAt`. */
  editComment: CommentPayload;
  /** Invites an email address to the current tenant. */
  inviteMember: InviteMemberPayload;
  reactivateTenant: TenantPayload;
  /** Exchanges a refresh token for a new pair; the old one stops working. */
  refreshSession: AuthPayload;
  /** Removes a member from the current tenant; takes effect on their next request. */
  removeMember: RemoveMemberPayload;
  /** Takes someone out of a team. */
  removeTeamMember: TeamPayload;
  /** Sets the order an intent's rules run in: the first listed runs first. */
  reorderValidationRules: ReorderValidationRulesPayload;
  /**
   * Brings back a deleted datasource, its file and the rules its delete
   * took. `CONFLICT` if a live datasource has its name or its config is
   * deleted (restore the config first). Needs `routing.manage`.
   */
  restoreDatasource: RestoreDatasourcePayload;
  /**
   * Brings back a deleted datasource config; its deleted datasources
   * stay deleted until each is restored. `CONFLICT` if a live config has
   * its name. Needs `connections.manage`.
   */
  restoreDatasourceConfig: RestoreDatasourceConfigPayload;
  /**
   * Brings back a deleted intent with the rules its delete took.
   * `CONFLICT` if a live intent has its name. Needs `routing.manage`.
   */
  restoreIntent: RestoreIntentPayload;
  /** Brings a deleted item back with the subtasks its delete took. */
  restoreItem: RestoreItemPayload;
  /**
   * Brings back a deleted custom role. `CONFLICT` if a live role has its
   * name. Needs `roles.manage`.
   */
  restoreRole: RestoreRolePayload;
  /** Brings a deleted team back. */
  restoreTeam: TeamPayload;
  /**
   * Withdraws a pending invitation: its token stops working and its
   * place under the plan's member limit is freed.
   */
  revokeInvitation: RevokeInvitationPayload;
  /**
   * Routes an email: picks the highest-priority active intent one of
   * whose matchers matches, runs its rules against live data and returns
   * the decision. A datasource that fails makes its rule ERROR; the
   * decision still comes back. Needs `emails.route` (MEMBER and above).
   */
  routeEmail: RouteEmailPayload;
  signIn: AuthPayload;
  /** Ends the current session: its access and refresh tokens stop working. */
  signOut: SignOutPayload;
  /** Creates an account and signs it in, with no tenant selected. */
  signUp: AuthPayload;
  /** Suspends a tenant: its members' tokens stop reaching its data. */
  suspendTenant: TenantPayload;
  /** Selects another of your tenants and issues tokens for it. */
  switchTenant: AuthPayload;
  /**
   * Connects with a stored config and reports whether that worked and how
   * long it took. Changes nothing.
   */
  testDatasourceConfig: ConfigTest;
  /** Takes one assignee off the item. */
  unassignItem: ItemPayload;
  /** Changes a datasource, or replaces a FILE datasource's CSV. */
  updateDatasource: UpdateDatasourcePayload;
  /**
   * Changes a datasource config; datasources using it pick the change up
   * on their next lookup.
   */
  updateDatasourceConfig: UpdateDatasourceConfigPayload;
  /** Changes an intent. */
  updateIntent: UpdateIntentPayload;
  /** Changes the fields given. Needs `items.update` (MEMBER and above). */
  updateItem: ItemPayload;
  /**
   * Applies a different patch to each item. Needs `items.update`
   * (MEMBER and above).
   */
  updateItems: UpdateItemsPayload;
  updateMemberRole: UpdateMemberRolePayload;
  /** Renames or recolours a tag. */
  updateTag: TagPayload;
  /** Renames a team or changes its description. */
  updateTeam: TeamPayload;
  /** Changes a validation rule. */
  updateValidationRule: UpdateValidationRulePayload;
  /** Attaches a file to an item. Needs `items.update` (MEMBER and above). */
  uploadAttachment: UploadAttachmentPayload;
  /**
   * Runs one intent's active rules on an email, whatever its matchers
   * say: to try rules out before routing real mail to them.
   */
  validateEmail: ValidateEmailPayload;
};


export type MutationAcceptInvitationArgs = {
  input: AcceptInvitationInput;
};


export type MutationAddCommentArgs = {
  input: AddCommentInput;
};


export type MutationAddTeamMemberArgs = {
  input: TeamMemberInput;
};


export type MutationAssignItemArgs = {
  input: AssignItemInput;
};


export type MutationCreateDatasourceArgs = {
  input: CreateDatasourceInput;
};


export type MutationCreateDatasourceConfigArgs = {
  input: CreateDatasourceConfigInput;
};


export type MutationCreateIntentArgs = {
  input: CreateIntentInput;
};


export type MutationCreateIntentWithRulesArgs = {
  input: CreateIntentWithRulesInput;
};


export type MutationCreateItemArgs = {
  input: CreateItemInput;
};


export type MutationCreateRoleArgs = {
  input: CreateRoleInput;
};


export type MutationCreateTagArgs = {
  input: CreateTagInput;
};


export type MutationCreateTeamArgs = {
  input: CreateTeamInput;
};


export type MutationCreateTenantArgs = {
  input: CreateTenantInput;
};


export type MutationCreateValidationRuleArgs = {
  input: CreateValidationRuleInput;
};


export type MutationDeleteAttachmentArgs = {
  input: DeleteAttachmentInput;
};


export type MutationDeleteCommentArgs = {
  input: DeleteCommentInput;
};


export type MutationDeleteDatasourceArgs = {
  input: DeleteDatasourceInput;
};


export type MutationDeleteDatasourceConfigArgs = {
  input: DeleteDatasourceConfigInput;
};


export type MutationDeleteIntentArgs = {
  input: DeleteIntentInput;
};


export type MutationDeleteItemArgs = {
  input: DeleteItemInput;
};


export type MutationDeleteRoleArgs = {
  input: DeleteRoleInput;
};


export type MutationDeleteTagArgs = {
  input: DeleteTagInput;
};


export type MutationDeleteTeamArgs = {
  input: TeamIdInput;
};


export type MutationDeleteValidationRuleArgs = {
  input: DeleteValidationRuleInput;
};


export type MutationEditCommentArgs = {
  input: EditCommentInput;
};


export type MutationInviteMemberArgs = {
  input: InviteMemberInput;
};


export type MutationReactivateTenantArgs = {
  input: ReactivateTenantInput;
};


export type MutationRefreshSessionArgs = {
  input: RefreshSessionInput;
};


export type MutationRemoveMemberArgs = {
  input: RemoveMemberInput;
};


export type MutationRemoveTeamMemberArgs = {
  input: TeamMemberInput;
};


export type MutationReorderValidationRulesArgs = {
  input: ReorderValidationRulesInput;
};


export type MutationRestoreDatasourceArgs = {
  input: RestoreDatasourceInput;
};


export type MutationRestoreDatasourceConfigArgs = {
  input: RestoreDatasourceConfigInput;
};


export type MutationRestoreIntentArgs = {
  input: RestoreIntentInput;
};


export type MutationRestoreItemArgs = {
  input: RestoreItemInput;
};


export type MutationRestoreRoleArgs = {
  input: RestoreRoleInput;
};


export type MutationRestoreTeamArgs = {
  input: TeamIdInput;
};


export type MutationRevokeInvitationArgs = {
  input: RevokeInvitationInput;
};


export type MutationRouteEmailArgs = {
  input: RouteEmailInput;
};


export type MutationSignInArgs = {
  input: SignInInput;
};


export type MutationSignUpArgs = {
  input: SignUpInput;
};


export type MutationSuspendTenantArgs = {
  input: SuspendTenantInput;
};


export type MutationSwitchTenantArgs = {
  input: SwitchTenantInput;
};


export type MutationTestDatasourceConfigArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUnassignItemArgs = {
  input: AssignItemInput;
};


export type MutationUpdateDatasourceArgs = {
  input: UpdateDatasourceInput;
};


export type MutationUpdateDatasourceConfigArgs = {
  input: UpdateDatasourceConfigInput;
};


export type MutationUpdateIntentArgs = {
  input: UpdateIntentInput;
};


export type MutationUpdateItemArgs = {
  input: UpdateItemInput;
};


export type MutationUpdateItemsArgs = {
  input: UpdateItemsInput;
};


export type MutationUpdateMemberRoleArgs = {
  input: UpdateMemberRoleInput;
};


export type MutationUpdateTagArgs = {
  input: UpdateTagInput;
};


export type MutationUpdateTeamArgs = {
  input: UpdateTeamInput;
};


export type MutationUpdateValidationRuleArgs = {
  input: UpdateValidationRuleInput;
};


export type MutationUploadAttachmentArgs = {
  input: UploadAttachmentInput;
};


export type MutationValidateEmailArgs = {
  input: ValidateEmailInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge; pass it as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A permission a role can hold. */
export type Permission = {
  __typename?: 'Permission';
  description: Scalars['String']['output'];
  /** `resource.action`, e.g. `members.invite`. */
  name: Scalars['String']['output'];
};

export type Plan =
  | 'ENTERPRISE'
  | 'FREE'
  | 'PRO';

/** What the tenant's plan allows; `null` is unlimited. */
export type PlanLimits = {
  __typename?: 'PlanLimits';
  /** The largest single attachment, in bytes. */
  maxAttachmentBytes?: Maybe<Scalars['Int']['output']>;
  maxForms?: Maybe<Scalars['Int']['output']>;
  maxItems?: Maybe<Scalars['Int']['output']>;
  maxMembers?: Maybe<Scalars['Int']['output']>;
  /** All of the tenant's attachments together, in bytes. */
  maxStorageBytes?: Maybe<Scalars['Int']['output']>;
};

export type Priority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'URGENT';

export type PriorityCount = {
  __typename?: 'PriorityCount';
  count: Scalars['Int']['output'];
  priority: Priority;
};

/** How many direct subtasks an item has, and how many of them are DONE. */
export type Progress = {
  __typename?: 'Progress';
  done: Scalars['Int']['output'];
  total: Scalars['Int']['output'];
};

/** How a config reaches its datasource. */
export type Protocol =
  /** A CSV file uploaded to the datasource; no `baseUrl`. */
  | 'FILE'
  /** An HTTP API; `baseUrl` is the `http(s)://` address paths are relative to. */
  | 'HTTP'
  /** A MySQL or MariaDB server; `baseUrl` is `mysql://host:3306/database`. */
  | 'MYSQL'
  /** A PostgreSQL server; `baseUrl` is `postgres://host:5432/database`. */
  | 'POSTGRESQL'
  /**
   * A SQLite file on the server, named relative to the tenant's own
   * directory among the server's datasource files.
   */
  | 'SQLITE';

export type Query = {
  __typename?: 'Query';
  /**
   * The tenant's item history, newest first: "every item whose status
   * changed to DONE by Ada last week" is
   * `activity(filter: {actorId, field: "status", to: "DONE", since, until})`.
   */
  activity: ActivityConnection;
  /** Every tenant, oldest first. Platform administrators only. */
  adminTenants: TenantConnection;
  /** The current tenant's audit log, newest first. */
  auditLog: AuditEntryConnection;
  /** One datasource. */
  datasource: Datasource;
  /** One datasource config. */
  datasourceConfig: DatasourceConfig;
  /**
   * The tenant's datasource configs, oldest first. Credentials are never
   * returned.
   */
  datasourceConfigs: DatasourceConfigConnection;
  /** The tenant's datasources, oldest first. */
  datasources: DatasourceConnection;
  /** One intent. */
  intent: Intent;
  /** The tenant's intents, oldest first. */
  intents: IntentConnection;
  /** One item. */
  item: Item;
  /**
   * Figures over the items that pass `filter`, computed by the
   * database. Needs `items.read`.
   */
  itemAnalytics: ItemAnalytics;
  /** The tenant's items, newest first unless `orderBy` says otherwise. */
  items: ItemConnection;
  /** The signed-in user. */
  me: Me;
  /** Every permission a role can hold. */
  permissions: Array<Permission>;
  /** The current tenant's roles: built-in first, then custom ones. */
  roles: Array<Role>;
  /** Stored routing decisions, newest first. */
  routingRuns: RoutingDecisionConnection;
  /** One tag. */
  tag: Tag;
  /** The tenant's tags, by name. */
  tags: TagConnection;
  /** One team. */
  team: Team;
  /** The tenant's teams, oldest first. */
  teams: TeamConnection;
  /** The tenant the access token selects. */
  tenant: Tenant;
  /**
   * Items completed in each of the last `weeks` ISO weeks (1 to 52),
   * this one included, oldest first; weeks with none are listed.
   */
  throughput: Array<ThroughputWeek>;
  /** One validation rule. */
  validationRule: ValidationRule;
};


export type QueryActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActivityFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAdminTenantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryAuditLogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDatasourceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDatasourceConfigArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDatasourceConfigsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDatasourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryIntentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIntentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IntentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryItemArgs = {
  id: Scalars['ID']['input'];
};


export type QueryItemAnalyticsArgs = {
  filter?: InputMaybe<ItemFilterInput>;
};


export type QueryItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ItemFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ItemOrderInput>;
};


export type QueryRoutingRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RoutingRunFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTagArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTagsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTeamArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTeamsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryThroughputArgs = {
  weeks?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryValidationRuleArgs = {
  id: Scalars['ID']['input'];
};

export type ReactivateTenantInput = {
  tenantId: Scalars['ID']['input'];
};

export type RefreshSessionInput = {
  refreshToken: Scalars['String']['input'];
};

export type RemoveMemberInput = {
  /** The member's user id; your own to leave the tenant. */
  userId: Scalars['ID']['input'];
};

export type RemoveMemberPayload = {
  __typename?: 'RemoveMemberPayload';
  /** The user id of the removed member. */
  deletedId: Scalars['ID']['output'];
};

/** The new running order of an intent's rules. */
export type ReorderValidationRulesInput = {
  /** The intent whose rules are reordered. */
  intentId: Scalars['ID']['input'];
  /** Every rule of the intent, once each, in the order they should run. */
  ruleIds: Array<Scalars['ID']['input']>;
};

/** What `reorderValidationRules` changed. */
export type ReorderValidationRulesPayload = {
  __typename?: 'ReorderValidationRulesPayload';
  /** The intent's rules in their new order. */
  rules: Array<ValidationRule>;
};

/** A deleted datasource config to bring back. */
export type RestoreDatasourceConfigInput = {
  /** The deleted config. */
  id: Scalars['ID']['input'];
};

/** What `restoreDatasourceConfig` brought back. */
export type RestoreDatasourceConfigPayload = {
  __typename?: 'RestoreDatasourceConfigPayload';
  /** The config, live again. */
  datasourceConfig: DatasourceConfig;
};

/** A deleted datasource to bring back. */
export type RestoreDatasourceInput = {
  /** The deleted datasource; its config must be live. */
  id: Scalars['ID']['input'];
};

/** What `restoreDatasource` brought back. */
export type RestoreDatasourcePayload = {
  __typename?: 'RestoreDatasourcePayload';
  /** The datasource, live again, with its file. */
  datasource: Datasource;
  /**
   * The rules its delete took that came back with it. A rule whose
   * intent is deleted stays deleted until that intent is restored.
   */
  restoredRuleIds: Array<Scalars['ID']['output']>;
};

/** A deleted intent to bring back. */
export type RestoreIntentInput = {
  /** The deleted intent; its rules deleted with it come back too. */
  id: Scalars['ID']['input'];
};

/** What `restoreIntent` brought back. */
export type RestoreIntentPayload = {
  __typename?: 'RestoreIntentPayload';
  /** The intent, live again; its `rules` lists the rules restored. */
  intent: Intent;
  /**
   * The rules its delete took that came back with it. A rule whose
   * datasource is deleted stays deleted until that datasource is
   * restored.
   */
  restoredRuleIds: Array<Scalars['ID']['output']>;
};

/** The item to restore. */
export type RestoreItemInput = {
  id: Scalars['ID']['input'];
};

/** What `restoreItem` brought back. */
export type RestoreItemPayload = {
  __typename?: 'RestoreItemPayload';
  item: Item;
  /** The subtasks its delete took, restored with it. */
  restoredSubtaskIds: Array<Scalars['ID']['output']>;
};

/** A deleted custom role to bring back. */
export type RestoreRoleInput = {
  /** The deleted role. */
  id: Scalars['ID']['input'];
};

/** What `restoreRole` brought back. */
export type RestoreRolePayload = {
  __typename?: 'RestoreRolePayload';
  /** The role, live again, with the permissions it had. */
  role: Role;
};

export type RevokeInvitationInput = {
  invitationId: Scalars['ID']['input'];
};

export type RevokeInvitationPayload = {
  __typename?: 'RevokeInvitationPayload';
  /** The id of the withdrawn invitation. */
  deletedId: Scalars['ID']['output'];
};

/** A named set of permissions: a built-in role or one the tenant created. */
export type Role = {
  __typename?: 'Role';
  /**
   * `OWNER`, `ADMIN`, `MEMBER` and `VIEWER` are built in: they cannot
   * change or be deleted.
   */
  builtIn: Scalars['Boolean']['output'];
  /** When the role was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What `deleteRole` and `restoreRole` take. */
  id: Scalars['ID']['output'];
  /**
   * Unique in the tenant among live roles, ignoring case; what
   * `inviteMember` and `updateMemberRole` name the role by.
   */
  name: Scalars['String']['output'];
  /** `resource.action` names. */
  permissions: Array<Scalars['String']['output']>;
};

/** `routeEmail`: exactly one of `raw` and `message`. */
export type RouteEmailInput = {
  /** The message given field by field. */
  message?: InputMaybe<EmailMessageInput>;
  /**
   * The whole message as received (RFC 5322, MIME parts and encodings
   * included).
   */
  raw?: InputMaybe<Scalars['String']['input']>;
};

/** What `routeEmail` decided. */
export type RouteEmailPayload = {
  __typename?: 'RouteEmailPayload';
  /** The decision, also stored and listed by `routingRuns`. */
  decision: RoutingDecision;
};

/**
 * One routing decision: the intent chosen (or validated against), what
 * each of its rules found, and the outcome.
 */
export type RoutingDecision = {
  __typename?: 'RoutingDecision';
  /** When it was decided. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * How long routing took, rules included, in milliseconds to the
   * microsecond.
   */
  durationMs: Scalars['Float']['output'];
  /** The email it was about. */
  email: EmailSummary;
  /** The stored decision's id. */
  id: Scalars['ID']['output'];
  /**
   * The intent as it is now; `null` for NO_MATCH or once the intent is
   * deleted (`intentName` still says which it was).
   */
  intent?: Maybe<Intent>;
  /** The intent chosen; `null` for NO_MATCH. */
  intentId?: Maybe<Scalars['ID']['output']>;
  /** The intent's name when the decision was made; kept after it is deleted. */
  intentName?: Maybe<Scalars['String']['output']>;
  /** The matcher that chose the intent; `null` for NO_MATCH and VALIDATE. */
  matchedBy?: Maybe<Matcher>;
  /** Whether it came from `routeEmail` or `validateEmail`. */
  mode: RoutingMode;
  /** How it went. */
  outcome: DecisionOutcome;
  /** Each active rule of the intent, in the order they ran. */
  results: Array<RuleResult>;
};

export type RoutingDecisionConnection = {
  __typename?: 'RoutingDecisionConnection';
  edges: Array<RoutingDecisionEdge>;
  pageInfo: PageInfo;
};

export type RoutingDecisionEdge = {
  __typename?: 'RoutingDecisionEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: RoutingDecision;
};

/** How a decision was asked for. */
export type RoutingMode =
  /** `routeEmail`: intents were matched, then the chosen one's rules run. */
  | 'ROUTE'
  /** `validateEmail`: one given intent's rules were run. */
  | 'VALIDATE';

/** Narrows `routingRuns`; every field given must match. */
export type RoutingRunFilter = {
  /** Decisions for this intent. */
  intentId?: InputMaybe<Scalars['ID']['input']>;
  /** Decisions with this outcome. */
  outcome?: InputMaybe<DecisionOutcome>;
  /** Decisions made at or after this time. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Decisions made before this time. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** How one rule went. */
export type RuleOutcome =
  /** The datasource failed, timed out or answered nonsense; `detail` says which. */
  | 'ERROR'
  /** The check did not hold. */
  | 'FAILED'
  /** The check held. */
  | 'PASSED'
  /** Not run: the time budget for the email was spent. */
  | 'SKIPPED';

/** What one rule found. */
export type RuleResult = {
  __typename?: 'RuleResult';
  /** What was found or what went wrong, in words for the tenant. */
  detail: Scalars['String']['output'];
  /** How long it took, in milliseconds to the microsecond. */
  durationMs: Scalars['Float']['output'];
  /** The email field it was about. */
  fieldName: Scalars['String']['output'];
  /** How it went. */
  outcome: RuleOutcome;
  /** The rule that ran (it may have been deleted since). */
  ruleId: Scalars['ID']['output'];
  /** Its type when it ran. */
  ruleType: RuleType;
};

/** One rule of `createIntentWithRules`. */
export type RuleSpecInput = {
  /** The lookup and comparison; see `ValidationRule.conditions`. */
  conditions: Scalars['JSON']['input'];
  /** The datasource it queries. */
  datasourceId: Scalars['ID']['input'];
  /**
   * The email value it is about: `from`, `fromDomain`, `to`, `cc`,
   * `subject`, `body`, `messageId`, `headers.<Name>` or `fields.<key>`.
   */
  fieldName: Scalars['String']['input'];
  /** Whether it runs. */
  isActive?: Scalars['Boolean']['input'];
  /** Higher runs first. */
  priority?: Scalars['Int']['input'];
  /** What it checks. */
  ruleType: RuleType;
};

/** What a rule checks about the value its lookup finds. */
export type RuleType =
  /**
   * The value found equals `conditions.expected` (or, without it, the
   * email's value of `fieldName`).
   */
  | 'EQUALS'
  /** The lookup finds something. */
  | 'EXISTS'
  /** The value found is one of `conditions.values`. */
  | 'IN_LIST'
  /** The opposite of EQUALS. */
  | 'NOT_EQUALS'
  /** The lookup finds nothing. */
  | 'NOT_EXISTS'
  /** The value found is a number within `conditions.min` and `conditions.max`. */
  | 'RANGE'
  /** The value found matches `conditions.pattern`. */
  | 'REGEX';

export type SignInInput = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  /** Select this tenant in the new session. */
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

export type SignOutPayload = {
  __typename?: 'SignOutPayload';
  /** The session that was ended. */
  sessionId: Scalars['ID']['output'];
};

export type SignUpInput = {
  email: Scalars['String']['input'];
  name: Scalars['String']['input'];
  /** 8 to 128 characters. */
  password: Scalars['String']['input'];
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

export type StatusCount = {
  __typename?: 'StatusCount';
  count: Scalars['Int']['output'];
  status: ItemStatus;
};

export type SuspendTenantInput = {
  /** Shown to the tenant's members; at most 500 characters. */
  reason?: InputMaybe<Scalars['String']['input']>;
  tenantId: Scalars['ID']['input'];
};

export type SwitchTenantInput = {
  tenantId: Scalars['ID']['input'];
};

/** A label for items, unique in the tenant by name (ignoring case). */
export type Tag = {
  __typename?: 'Tag';
  /** `#rrggbb`, in lower case. */
  color: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type TagConnection = {
  __typename?: 'TagConnection';
  edges: Array<TagEdge>;
  pageInfo: PageInfo;
};

export type TagEdge = {
  __typename?: 'TagEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Tag;
};

/** How `tagIds` combine. */
export type TagMatchMode =
  /** Items with every one of the tags. */
  | 'ALL'
  /** Items with at least one of them. */
  | 'ANY';

/** The tag as it is after the change. */
export type TagPayload = {
  __typename?: 'TagPayload';
  tag: Tag;
};

/** A named group of the tenant's members. */
export type Team = {
  __typename?: 'Team';
  createdAt: Scalars['DateTime']['output'];
  description?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The team's items, newest first unless `orderBy` says otherwise. */
  items: ItemConnection;
  /** Its members, who are all members of the tenant. */
  members: Array<User>;
  /** Unique in the tenant, ignoring case. */
  name: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};


/** A named group of the tenant's members. */
export type TeamItemsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ItemOrderInput>;
};

export type TeamConnection = {
  __typename?: 'TeamConnection';
  edges: Array<TeamEdge>;
  pageInfo: PageInfo;
};

export type TeamEdge = {
  __typename?: 'TeamEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Team;
};

/** The team to delete or restore. */
export type TeamIdInput = {
  id: Scalars['ID']['input'];
};

/** A member of the tenant, and a team. */
export type TeamMemberInput = {
  teamId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};

/** The team as it is after the change. */
export type TeamPayload = {
  __typename?: 'TeamPayload';
  team: Team;
};

/** An organization: the unit of data isolation. */
export type Tenant = {
  __typename?: 'Tenant';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /**
   * Invitations neither accepted nor expired, oldest first. Same scope
   * as `members`.
   */
  invitations: InvitationConnection;
  limits: PlanLimits;
  /**
   * Members in joining order. Readable on the tenant you are signed in
   * to; on any other tenant object this is `NOT_FOUND`.
   */
  members: MemberConnection;
  name: Scalars['String']['output'];
  plan: Plan;
  slug: Scalars['String']['output'];
  status: TenantStatus;
  suspendedReason?: Maybe<Scalars['String']['output']>;
};


/** An organization: the unit of data isolation. */
export type TenantInvitationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An organization: the unit of data isolation. */
export type TenantMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type TenantConnection = {
  __typename?: 'TenantConnection';
  edges: Array<TenantEdge>;
  pageInfo: PageInfo;
};

export type TenantEdge = {
  __typename?: 'TenantEdge';
  /** Opaque; pass it as `after` to read the rows after this one. */
  cursor: Scalars['String']['output'];
  node: Tenant;
};

/** The tenant as it is after the change. */
export type TenantPayload = {
  __typename?: 'TenantPayload';
  tenant: Tenant;
};

export type TenantStatus =
  | 'ACTIVE'
  /** Suspended by a platform administrator; its members cannot reach its data. */
  | 'SUSPENDED';

/** Items completed in one ISO week. */
export type ThroughputWeek = {
  __typename?: 'ThroughputWeek';
  completed: Scalars['Int']['output'];
  /** Its Monday. */
  weekStart: Scalars['NaiveDate']['output'];
};

/**
 * Every field omitted keeps its value. The protocol cannot change: the
 * datasources using the config depend on it.
 */
export type UpdateDatasourceConfigInput = {
  /** New credentials, replacing the stored ones. Write-only. */
  authConfig?: InputMaybe<Scalars['JSON']['input']>;
  /** A new authentication scheme; needs `authConfig` unless NONE. */
  authType?: InputMaybe<AuthType>;
  /** A new address. */
  baseUrl?: InputMaybe<Scalars['String']['input']>;
  /** New connection options, replacing the old ones. */
  connection?: InputMaybe<Scalars['JSON']['input']>;
  /** The config to change. */
  id: Scalars['ID']['input'];
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new TLS mode (POSTGRESQL and MYSQL only). */
  tlsMode?: InputMaybe<DatasourceTlsMode>;
};

/** What `updateDatasourceConfig` changed. */
export type UpdateDatasourceConfigPayload = {
  __typename?: 'UpdateDatasourceConfigPayload';
  /** The config as it is now. */
  datasourceConfig: DatasourceConfig;
};

/** Every field omitted keeps its value. The kind cannot change. */
export type UpdateDatasourceInput = {
  /** Another config to connect through, of a protocol the kind accepts. */
  connectionKey?: InputMaybe<Scalars['String']['input']>;
  /** A new description; an empty one clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** A CSV replacing the stored one (FILE datasources only). */
  file?: InputMaybe<Scalars['Upload']['input']>;
  /** The datasource to change. */
  id: Scalars['ID']['input'];
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** What `updateDatasource` changed. */
export type UpdateDatasourcePayload = {
  __typename?: 'UpdateDatasourcePayload';
  /** The datasource as it is now. */
  datasource: Datasource;
};

/** Every field omitted keeps its value. */
export type UpdateIntentInput = {
  /** A new description; an empty one clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The intent to change. */
  id: Scalars['ID']['input'];
  /** Turns routing to it on or off. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** Replaces all its matchers. */
  matchers?: InputMaybe<Array<MatcherInput>>;
  /** A new name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A new priority. */
  priority?: InputMaybe<Scalars['Int']['input']>;
};

/** What `updateIntent` changed. */
export type UpdateIntentPayload = {
  __typename?: 'UpdateIntentPayload';
  /** The intent as it is now. */
  intent: Intent;
};

/**
 * Only the fields given change; `null` clears a field that may be empty,
 * and a list replaces the whole set.
 */
export type UpdateItemInput = {
  actualHours?: InputMaybe<Scalars['Float']['input']>;
  assigneeIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  description?: InputMaybe<Scalars['String']['input']>;
  dueDate?: InputMaybe<Scalars['NaiveDate']['input']>;
  estimatedHours?: InputMaybe<Scalars['Float']['input']>;
  /**
   * The `version` the change was made from: if the item has changed
   * since, the answer is CONFLICT with its `currentVersion`.
   */
  expectedVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  /** A new parent, or `null` to make it top-level. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  priority?: InputMaybe<Priority>;
  status?: InputMaybe<ItemStatus>;
  tagIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Up to 500 edits, each item at most once. */
export type UpdateItemsInput = {
  /**
   * All or nothing: any item's error fails the whole call, naming the
   * item as `items[i]`, and nothing is written. Otherwise each item is
   * changed on its own and reports its own error.
   */
  atomic?: InputMaybe<Scalars['Boolean']['input']>;
  items: Array<ItemEditInput>;
};

/** A result for every edit, in input order. */
export type UpdateItemsPayload = {
  __typename?: 'UpdateItemsPayload';
  results: Array<ItemEditResult>;
};

export type UpdateMemberRoleInput = {
  role: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};

export type UpdateMemberRolePayload = {
  __typename?: 'UpdateMemberRolePayload';
  member: Member;
};

/** Every field omitted keeps its value. */
export type UpdateTagInput = {
  color?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Every field omitted keeps its value. */
export type UpdateTeamInput = {
  /** An empty one clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Every field omitted keeps its value; the conditions are checked again
 * against the (new) datasource.
 */
export type UpdateValidationRuleInput = {
  /** New conditions, replacing the old ones. */
  conditions?: InputMaybe<Scalars['JSON']['input']>;
  /** Another datasource to query. */
  datasourceId?: InputMaybe<Scalars['ID']['input']>;
  /** Another email value. */
  fieldName?: InputMaybe<Scalars['String']['input']>;
  /** The rule to change. */
  id: Scalars['ID']['input'];
  /** Turns the rule on or off. */
  isActive?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new priority. */
  priority?: InputMaybe<Scalars['Int']['input']>;
  /** Another check. */
  ruleType?: InputMaybe<RuleType>;
};

/** What `updateValidationRule` changed. */
export type UpdateValidationRulePayload = {
  __typename?: 'UpdateValidationRulePayload';
  /** The rule as it is now. */
  rule: ValidationRule;
};

/** A file for an item, sent as the GraphQL multipart request spec has it. */
export type UploadAttachmentInput = {
  /**
   * PNG, JPEG, GIF, WebP, PDF, ZIP, Word, Excel or PowerPoint (OOXML),
   * or UTF-8 text, CSV, Markdown or JSON; judged by its content. At most
   * the plan's `maxAttachmentBytes`.
   */
  file: Scalars['Upload']['input'];
  itemId: Scalars['ID']['input'];
};

/** The attachment stored. */
export type UploadAttachmentPayload = {
  __typename?: 'UploadAttachmentPayload';
  attachment: Attachment;
};

/** A person who can sign in. */
export type User = {
  __typename?: 'User';
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};

/** `validateEmail`: the intent, and exactly one of `raw` and `message`. */
export type ValidateEmailInput = {
  /** The intent whose rules are run, whatever its matchers say. */
  intentId: Scalars['ID']['input'];
  /** The message given field by field. */
  message?: InputMaybe<EmailMessageInput>;
  /** The whole message as received (RFC 5322). */
  raw?: InputMaybe<Scalars['String']['input']>;
};

/** What `validateEmail` decided. */
export type ValidateEmailPayload = {
  __typename?: 'ValidateEmailPayload';
  /** The decision, also stored and listed by `routingRuns`. */
  decision: RoutingDecision;
};

/** One check an intent runs on an email, against one datasource. */
export type ValidationRule = {
  __typename?: 'ValidationRule';
  /**
   * The lookup and comparison, as written: `{query, params}` for a
   * DATABASE, `{method, path, ...}` for an API, `{column, returnColumn}`
   * for a FILE datasource, plus `expected`, `pattern`, `values`, `min`
   * or `max` as the rule type needs.
   */
  conditions: Scalars['JSON']['output'];
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The datasource it queries. */
  datasource: Datasource;
  /** The datasource it queries. */
  datasourceId: Scalars['ID']['output'];
  /**
   * The email value the rule is about: `from`, `fromDomain`, `to`, `cc`,
   * `subject`, `body`, `messageId`, `headers.<Name>` or `fields.<key>`.
   */
  fieldName: Scalars['String']['output'];
  /** The rule's id. */
  id: Scalars['ID']['output'];
  /** The intent it belongs to. */
  intentId: Scalars['ID']['output'];
  /** Inactive rules are not run. */
  isActive: Scalars['Boolean']['output'];
  /** Higher runs first; ties go to the older rule. */
  priority: Scalars['Int']['output'];
  /** What it checks. */
  ruleType: RuleType;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'Me', id: string, email: string, name: string, isPlatformAdmin: boolean, memberships: Array<{ __typename?: 'Membership', role: string, joinedAt: string, tenant: { __typename?: 'Tenant', id: string, name: string, slug: string, status: TenantStatus, suspendedReason?: string | null } }> } };

export type MyRolesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyRolesQuery = { __typename?: 'Query', roles: Array<{ __typename?: 'Role', id: string, name: string, permissions: Array<string> }> };

export type SignInMembershipsQueryVariables = Exact<{ [key: string]: never; }>;


export type SignInMembershipsQuery = { __typename?: 'Query', me: { __typename?: 'Me', id: string, memberships: Array<{ __typename?: 'Membership', tenant: { __typename?: 'Tenant', id: string } }> } };

export type SwitchTenantMutationVariables = Exact<{
  input: SwitchTenantInput;
}>;


export type SwitchTenantMutation = { __typename?: 'Mutation', switchTenant: { __typename?: 'AuthPayload', refreshToken: string, role?: string | null, tenant?: { __typename?: 'Tenant', id: string, name: string } | null } };

export type MeNameQueryVariables = Exact<{ [key: string]: never; }>;


export type MeNameQuery = { __typename?: 'Query', me: { __typename?: 'Me', id: string, name: string } };

export type AcceptInvitationMutationVariables = Exact<{
  input: AcceptInvitationInput;
}>;


export type AcceptInvitationMutation = { __typename?: 'Mutation', acceptInvitation: { __typename?: 'AcceptInvitationPayload', membershipId: string, role: string, joinedAt: string, tenant: { __typename?: 'Tenant', id: string, name: string } } };

export type AdminTenantsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AdminTenantsQuery = { __typename?: 'Query', adminTenants: { __typename?: 'TenantConnection', edges: Array<{ __typename?: 'TenantEdge', cursor: string, node: { __typename?: 'Tenant', id: string, name: string, slug: string, plan: Plan, status: TenantStatus, suspendedReason?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type SuspendTenantMutationVariables = Exact<{
  input: SuspendTenantInput;
}>;


export type SuspendTenantMutation = { __typename?: 'Mutation', suspendTenant: { __typename?: 'TenantPayload', tenant: { __typename?: 'Tenant', id: string, status: TenantStatus, suspendedReason?: string | null } } };

export type ReactivateTenantMutationVariables = Exact<{
  input: ReactivateTenantInput;
}>;


export type ReactivateTenantMutation = { __typename?: 'Mutation', reactivateTenant: { __typename?: 'TenantPayload', tenant: { __typename?: 'Tenant', id: string, status: TenantStatus, suspendedReason?: string | null } } };

export type AuditLogQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditLogFilter>;
}>;


export type AuditLogQuery = { __typename?: 'Query', auditLog: { __typename?: 'AuditEntryConnection', edges: Array<{ __typename?: 'AuditEntryEdge', cursor: string, node: { __typename?: 'AuditEntry', id: string, action: string, actorId?: string | null, entityType: string, entityId: string, before?: unknown | null, after?: unknown | null, ip?: string | null, userAgent?: string | null, requestId?: string | null, createdAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type RestoreIntentFromAuditMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestoreIntentFromAuditMutation = { __typename?: 'Mutation', restoreIntent: { __typename?: 'RestoreIntentPayload', intent: { __typename?: 'Intent', id: string, name: string } } };

export type RestoreDatasourceFromAuditMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestoreDatasourceFromAuditMutation = { __typename?: 'Mutation', restoreDatasource: { __typename?: 'RestoreDatasourcePayload', datasource: { __typename?: 'Datasource', id: string, name: string } } };

export type RestoreConfigFromAuditMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestoreConfigFromAuditMutation = { __typename?: 'Mutation', restoreDatasourceConfig: { __typename?: 'RestoreDatasourceConfigPayload', datasourceConfig: { __typename?: 'DatasourceConfig', id: string, name: string } } };

export type RestoreRoleFromAuditMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type RestoreRoleFromAuditMutation = { __typename?: 'Mutation', restoreRole: { __typename?: 'RestoreRolePayload', role: { __typename?: 'Role', id: string, name: string } } };

export type CreateTenantMutationVariables = Exact<{
  input: CreateTenantInput;
}>;


export type CreateTenantMutation = { __typename?: 'Mutation', createTenant: { __typename?: 'CreateTenantPayload', tenant: { __typename?: 'Tenant', id: string, name: string, slug: string } } };

export type CurrentTenantQueryVariables = Exact<{ [key: string]: never; }>;


export type CurrentTenantQuery = { __typename?: 'Query', tenant: { __typename?: 'Tenant', id: string, name: string, slug: string, plan: Plan, status: TenantStatus, suspendedReason?: string | null, createdAt: string, limits: { __typename?: 'PlanLimits', maxMembers?: number | null, maxItems?: number | null, maxForms?: number | null } } };

export type MembersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type MembersQuery = { __typename?: 'Query', tenant: { __typename?: 'Tenant', id: string, members: { __typename?: 'MemberConnection', edges: Array<{ __typename?: 'MemberEdge', cursor: string, node: { __typename?: 'Member', id: string, role: string, joinedAt: string, user: { __typename?: 'User', id: string, name: string, email: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } };

export type InvitationsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type InvitationsQuery = { __typename?: 'Query', tenant: { __typename?: 'Tenant', id: string, invitations: { __typename?: 'InvitationConnection', edges: Array<{ __typename?: 'InvitationEdge', cursor: string, node: { __typename?: 'Invitation', id: string, email: string, role: string, createdAt: string, expiresAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } };

export type RoleNamesQueryVariables = Exact<{ [key: string]: never; }>;


export type RoleNamesQuery = { __typename?: 'Query', roles: Array<{ __typename?: 'Role', id: string, name: string, builtIn: boolean }> };

export type InviteMemberMutationVariables = Exact<{
  input: InviteMemberInput;
}>;


export type InviteMemberMutation = { __typename?: 'Mutation', inviteMember: { __typename?: 'InviteMemberPayload', token: string, invitation: { __typename?: 'Invitation', id: string, email: string, role: string, createdAt: string, expiresAt: string } } };

export type RevokeInvitationMutationVariables = Exact<{
  input: RevokeInvitationInput;
}>;


export type RevokeInvitationMutation = { __typename?: 'Mutation', revokeInvitation: { __typename?: 'RevokeInvitationPayload', deletedId: string } };

export type UpdateMemberRoleMutationVariables = Exact<{
  input: UpdateMemberRoleInput;
}>;


export type UpdateMemberRoleMutation = { __typename?: 'Mutation', updateMemberRole: { __typename?: 'UpdateMemberRolePayload', member: { __typename?: 'Member', id: string, role: string, permissions: Array<string> } } };

export type RemoveMemberMutationVariables = Exact<{
  input: RemoveMemberInput;
}>;


export type RemoveMemberMutation = { __typename?: 'Mutation', removeMember: { __typename?: 'RemoveMemberPayload', deletedId: string } };

export type RolesQueryVariables = Exact<{ [key: string]: never; }>;


export type RolesQuery = { __typename?: 'Query', roles: Array<{ __typename?: 'Role', id: string, name: string, builtIn: boolean, permissions: Array<string>, createdAt: string }>, permissions: Array<{ __typename?: 'Permission', name: string, description: string }> };

export type CreateRoleMutationVariables = Exact<{
  input: CreateRoleInput;
}>;


export type CreateRoleMutation = { __typename?: 'Mutation', createRole: { __typename?: 'CreateRolePayload', role: { __typename?: 'Role', id: string, name: string, builtIn: boolean, permissions: Array<string>, createdAt: string } } };

export type DeleteRoleMutationVariables = Exact<{
  input: DeleteRoleInput;
}>;


export type DeleteRoleMutation = { __typename?: 'Mutation', deleteRole: { __typename?: 'DeleteRolePayload', deletedId: string } };

export type RestoreRoleMutationVariables = Exact<{
  input: RestoreRoleInput;
}>;


export type RestoreRoleMutation = { __typename?: 'Mutation', restoreRole: { __typename?: 'RestoreRolePayload', role: { __typename?: 'Role', id: string, name: string, builtIn: boolean, permissions: Array<string>, createdAt: string } } };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { __typename?: 'Mutation', signIn: { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, user: { __typename?: 'User', id: string } } };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'AuthPayload', accessToken: string, refreshToken: string, user: { __typename?: 'User', id: string } } };

export type DatasourceConfigsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DatasourceConfigsQuery = { __typename?: 'Query', datasourceConfigs: { __typename?: 'DatasourceConfigConnection', edges: Array<{ __typename?: 'DatasourceConfigEdge', cursor: string, node: { __typename?: 'DatasourceConfig', id: string, name: string, protocol: Protocol, baseUrl?: string | null, authType: AuthType, hasCredentials: boolean, connection: unknown, tlsMode?: DatasourceTlsMode | null, createdAt: string, updatedAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateDatasourceConfigMutationVariables = Exact<{
  input: CreateDatasourceConfigInput;
}>;


export type CreateDatasourceConfigMutation = { __typename?: 'Mutation', createDatasourceConfig: { __typename?: 'CreateDatasourceConfigPayload', datasourceConfig: { __typename?: 'DatasourceConfig', id: string, name: string } } };

export type UpdateDatasourceConfigMutationVariables = Exact<{
  input: UpdateDatasourceConfigInput;
}>;


export type UpdateDatasourceConfigMutation = { __typename?: 'Mutation', updateDatasourceConfig: { __typename?: 'UpdateDatasourceConfigPayload', datasourceConfig: { __typename?: 'DatasourceConfig', id: string, name: string, baseUrl?: string | null, authType: AuthType, hasCredentials: boolean, connection: unknown, tlsMode?: DatasourceTlsMode | null, updatedAt: string } } };

export type DeleteDatasourceConfigMutationVariables = Exact<{
  input: DeleteDatasourceConfigInput;
}>;


export type DeleteDatasourceConfigMutation = { __typename?: 'Mutation', deleteDatasourceConfig: { __typename?: 'DeleteDatasourceConfigPayload', deletedId: string } };

export type RestoreDatasourceConfigMutationVariables = Exact<{
  input: RestoreDatasourceConfigInput;
}>;


export type RestoreDatasourceConfigMutation = { __typename?: 'Mutation', restoreDatasourceConfig: { __typename?: 'RestoreDatasourceConfigPayload', datasourceConfig: { __typename?: 'DatasourceConfig', id: string, name: string } } };

export type TestDatasourceConfigMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type TestDatasourceConfigMutation = { __typename?: 'Mutation', testDatasourceConfig: { __typename?: 'ConfigTest', ok: boolean, latencyMs: number, error?: string | null } };

export type DatasourcesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DatasourcesQuery = { __typename?: 'Query', datasources: { __typename?: 'DatasourceConnection', edges: Array<{ __typename?: 'DatasourceEdge', cursor: string, node: { __typename?: 'Datasource', id: string, name: string, kind: DatasourceKind, description?: string | null, connectionKey: string, updatedAt: string, file?: { __typename?: 'DatasourceFile', filename: string, sizeBytes: number, rowCount: number, columns: Array<string>, uploadedAt: string } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ConfigChoicesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ConfigChoicesQuery = { __typename?: 'Query', datasourceConfigs: { __typename?: 'DatasourceConfigConnection', edges: Array<{ __typename?: 'DatasourceConfigEdge', cursor: string, node: { __typename?: 'DatasourceConfig', id: string, name: string, protocol: Protocol } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateDatasourceMutationVariables = Exact<{
  input: CreateDatasourceInput;
}>;


export type CreateDatasourceMutation = { __typename?: 'Mutation', createDatasource: { __typename?: 'CreateDatasourcePayload', datasource: { __typename?: 'Datasource', id: string, name: string } } };

export type UpdateDatasourceMutationVariables = Exact<{
  input: UpdateDatasourceInput;
}>;


export type UpdateDatasourceMutation = { __typename?: 'Mutation', updateDatasource: { __typename?: 'UpdateDatasourcePayload', datasource: { __typename?: 'Datasource', id: string, name: string, description?: string | null, connectionKey: string, updatedAt: string, file?: { __typename?: 'DatasourceFile', filename: string, sizeBytes: number, rowCount: number, columns: Array<string>, uploadedAt: string } | null } } };

export type DeleteDatasourceMutationVariables = Exact<{
  input: DeleteDatasourceInput;
}>;


export type DeleteDatasourceMutation = { __typename?: 'Mutation', deleteDatasource: { __typename?: 'DeleteDatasourcePayload', deletedId: string, deletedRuleIds: Array<string> } };

export type RestoreDatasourceMutationVariables = Exact<{
  input: RestoreDatasourceInput;
}>;


export type RestoreDatasourceMutation = { __typename?: 'Mutation', restoreDatasource: { __typename?: 'RestoreDatasourcePayload', restoredRuleIds: Array<string>, datasource: { __typename?: 'Datasource', id: string, name: string } } };

export type IntentQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type IntentQuery = { __typename?: 'Query', intent: { __typename?: 'Intent', id: string, name: string, description?: string | null, priority: number, isActive: boolean, createdAt: string, updatedAt: string, matchers: Array<{ __typename?: 'Matcher', field: MatchField, header?: string | null, operator: MatchOperator, value: string }>, rules: Array<{ __typename?: 'ValidationRule', id: string, datasourceId: string, fieldName: string, ruleType: RuleType, conditions: unknown, priority: number, isActive: boolean, datasource: { __typename?: 'Datasource', id: string, name: string, kind: DatasourceKind } }> } };

export type RuleDatasourcesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type RuleDatasourcesQuery = { __typename?: 'Query', datasources: { __typename?: 'DatasourceConnection', edges: Array<{ __typename?: 'DatasourceEdge', cursor: string, node: { __typename?: 'Datasource', id: string, name: string, kind: DatasourceKind, file?: { __typename?: 'DatasourceFile', columns: Array<string> } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type UpdateIntentMutationVariables = Exact<{
  input: UpdateIntentInput;
}>;


export type UpdateIntentMutation = { __typename?: 'Mutation', updateIntent: { __typename?: 'UpdateIntentPayload', intent: { __typename?: 'Intent', id: string, name: string, description?: string | null, priority: number, isActive: boolean, updatedAt: string, matchers: Array<{ __typename?: 'Matcher', field: MatchField, header?: string | null, operator: MatchOperator, value: string }> } } };

export type CreateValidationRuleMutationVariables = Exact<{
  input: CreateValidationRuleInput;
}>;


export type CreateValidationRuleMutation = { __typename?: 'Mutation', createValidationRule: { __typename?: 'CreateValidationRulePayload', rule: { __typename?: 'ValidationRule', id: string } } };

export type UpdateValidationRuleMutationVariables = Exact<{
  input: UpdateValidationRuleInput;
}>;


export type UpdateValidationRuleMutation = { __typename?: 'Mutation', updateValidationRule: { __typename?: 'UpdateValidationRulePayload', rule: { __typename?: 'ValidationRule', id: string, datasourceId: string, fieldName: string, ruleType: RuleType, conditions: unknown, priority: number, isActive: boolean } } };

export type DeleteValidationRuleMutationVariables = Exact<{
  input: DeleteValidationRuleInput;
}>;


export type DeleteValidationRuleMutation = { __typename?: 'Mutation', deleteValidationRule: { __typename?: 'DeleteValidationRulePayload', deletedId: string } };

export type ReorderValidationRulesMutationVariables = Exact<{
  input: ReorderValidationRulesInput;
}>;


export type ReorderValidationRulesMutation = { __typename?: 'Mutation', reorderValidationRules: { __typename?: 'ReorderValidationRulesPayload', rules: Array<{ __typename?: 'ValidationRule', id: string }> } };

export type IntentsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<IntentFilter>;
}>;


export type IntentsQuery = { __typename?: 'Query', intents: { __typename?: 'IntentConnection', edges: Array<{ __typename?: 'IntentEdge', cursor: string, node: { __typename?: 'Intent', id: string, name: string, description?: string | null, priority: number, isActive: boolean, updatedAt: string, matchers: Array<{ __typename?: 'Matcher', field: MatchField, header?: string | null, operator: MatchOperator, value: string }>, rules: Array<{ __typename?: 'ValidationRule', id: string }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateIntentMutationVariables = Exact<{
  input: CreateIntentInput;
}>;


export type CreateIntentMutation = { __typename?: 'Mutation', createIntent: { __typename?: 'CreateIntentPayload', intent: { __typename?: 'Intent', id: string, name: string } } };

export type DeleteIntentMutationVariables = Exact<{
  input: DeleteIntentInput;
}>;


export type DeleteIntentMutation = { __typename?: 'Mutation', deleteIntent: { __typename?: 'DeleteIntentPayload', deletedId: string, deletedRuleIds: Array<string> } };

export type RestoreIntentMutationVariables = Exact<{
  input: RestoreIntentInput;
}>;


export type RestoreIntentMutation = { __typename?: 'Mutation', restoreIntent: { __typename?: 'RestoreIntentPayload', restoredRuleIds: Array<string>, intent: { __typename?: 'Intent', id: string, name: string } } };

export type RouteEmailMutationVariables = Exact<{
  input: RouteEmailInput;
}>;


export type RouteEmailMutation = { __typename?: 'Mutation', routeEmail: { __typename?: 'RouteEmailPayload', decision: { __typename?: 'RoutingDecision', id: string, outcome: DecisionOutcome, intentId?: string | null, intentName?: string | null, mode: RoutingMode, durationMs: number, createdAt: string, matchedBy?: { __typename?: 'Matcher', field: MatchField, header?: string | null, operator: MatchOperator, value: string } | null, email: { __typename?: 'EmailSummary', from: string, subject: string, messageId?: string | null }, results: Array<{ __typename?: 'RuleResult', ruleId: string, ruleType: RuleType, fieldName: string, outcome: RuleOutcome, detail: string, durationMs: number }> } } };

export type ValidateEmailMutationVariables = Exact<{
  input: ValidateEmailInput;
}>;


export type ValidateEmailMutation = { __typename?: 'Mutation', validateEmail: { __typename?: 'ValidateEmailPayload', decision: { __typename?: 'RoutingDecision', id: string, outcome: DecisionOutcome, intentId?: string | null, intentName?: string | null, mode: RoutingMode, durationMs: number, createdAt: string, matchedBy?: { __typename?: 'Matcher', field: MatchField, header?: string | null, operator: MatchOperator, value: string } | null, email: { __typename?: 'EmailSummary', from: string, subject: string, messageId?: string | null }, results: Array<{ __typename?: 'RuleResult', ruleId: string, ruleType: RuleType, fieldName: string, outcome: RuleOutcome, detail: string, durationMs: number }> } } };

export type IntentChoicesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type IntentChoicesQuery = { __typename?: 'Query', intents: { __typename?: 'IntentConnection', edges: Array<{ __typename?: 'IntentEdge', cursor: string, node: { __typename?: 'Intent', id: string, name: string, isActive: boolean } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type RoutingRunsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<RoutingRunFilter>;
}>;


export type RoutingRunsQuery = { __typename?: 'Query', routingRuns: { __typename?: 'RoutingDecisionConnection', edges: Array<{ __typename?: 'RoutingDecisionEdge', cursor: string, node: { __typename?: 'RoutingDecision', id: string, outcome: DecisionOutcome, intentId?: string | null, intentName?: string | null, mode: RoutingMode, durationMs: number, createdAt: string, matchedBy?: { __typename?: 'Matcher', field: MatchField, header?: string | null, operator: MatchOperator, value: string } | null, email: { __typename?: 'EmailSummary', from: string, subject: string, messageId?: string | null }, results: Array<{ __typename?: 'RuleResult', ruleId: string, ruleType: RuleType, fieldName: string, outcome: RuleOutcome, detail: string, durationMs: number }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ItemAnalyticsQueryVariables = Exact<{
  filter?: InputMaybe<ItemFilterInput>;
  weeks: Scalars['Int']['input'];
}>;


export type ItemAnalyticsQuery = { __typename?: 'Query', itemAnalytics: { __typename?: 'ItemAnalytics', total: number, overdue: number, completedThisWeek: number, avgCompletionHours?: number | null, avgActualHours?: number | null, byStatus: Array<{ __typename?: 'StatusCount', status: ItemStatus, count: number }>, byPriority: Array<{ __typename?: 'PriorityCount', priority: Priority, count: number }>, byAssignee: Array<{ __typename?: 'AssigneeCount', count: number, user?: { __typename?: 'User', id: string, name: string } | null }> }, throughput: Array<{ __typename?: 'ThroughputWeek', weekStart: string, completed: number }> };

export type ItemAttachmentsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ItemAttachmentsQuery = { __typename?: 'Query', item: { __typename?: 'Item', id: string, attachments: Array<{ __typename?: 'Attachment', id: string, filename: string, contentType: string, sizeBytes: number, createdAt: string, downloadUrl: string, uploadedBy?: { __typename?: 'User', id: string, name: string, email: string } | null }> }, tenant: { __typename?: 'Tenant', id: string, limits: { __typename?: 'PlanLimits', maxAttachmentBytes?: number | null } } };

export type UploadAttachmentMutationVariables = Exact<{
  input: UploadAttachmentInput;
}>;


export type UploadAttachmentMutation = { __typename?: 'Mutation', uploadAttachment: { __typename?: 'UploadAttachmentPayload', attachment: { __typename?: 'Attachment', id: string, filename: string, sizeBytes: number } } };

export type DeleteAttachmentMutationVariables = Exact<{
  input: DeleteAttachmentInput;
}>;


export type DeleteAttachmentMutation = { __typename?: 'Mutation', deleteAttachment: { __typename?: 'DeleteAttachmentPayload', deletedId: string } };

export type UpdateItemsMutationVariables = Exact<{
  input: UpdateItemsInput;
}>;


export type UpdateItemsMutation = { __typename?: 'Mutation', updateItems: { __typename?: 'UpdateItemsPayload', results: Array<{ __typename?: 'ItemEditResult', id: string, item?: { __typename?: 'Item', id: string, status: ItemStatus, priority: Priority, dueDate?: string | null, version: number, updatedAt: string, team?: { __typename?: 'Team', id: string, name: string } | null } | null, error?: { __typename?: 'ItemEditError', code: string, message: string } | null }> } };

export type ItemCommentsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ItemCommentsQuery = { __typename?: 'Query', item: { __typename?: 'Item', id: string, commentCount: number, comments: { __typename?: 'CommentConnection', edges: Array<{ __typename?: 'CommentEdge', cursor: string, node: { __typename?: 'Comment', id: string, body: string, createdAt: string, editedAt?: string | null, author?: { __typename?: 'User', id: string, name: string } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } };

export type AddCommentMutationVariables = Exact<{
  input: AddCommentInput;
}>;


export type AddCommentMutation = { __typename?: 'Mutation', addComment: { __typename?: 'CommentPayload', comment: { __typename?: 'Comment', id: string, body: string, item?: { __typename?: 'Item', id: string, commentCount: number } | null } } };

export type EditCommentMutationVariables = Exact<{
  input: EditCommentInput;
}>;


export type EditCommentMutation = { __typename?: 'Mutation', editComment: { __typename?: 'CommentPayload', comment: { __typename?: 'Comment', id: string, body: string, editedAt?: string | null } } };

export type DeleteCommentMutationVariables = Exact<{
  input: DeleteCommentInput;
}>;


export type DeleteCommentMutation = { __typename?: 'Mutation', deleteComment: { __typename?: 'DeleteCommentPayload', deletedId: string } };

export type ItemCardFieldsFragment = { __typename?: 'Item', id: string, title: string, status: ItemStatus, priority: Priority, dueDate?: string | null, version: number, updatedAt: string, commentCount: number, assignees: Array<{ __typename?: 'User', id: string, name: string }>, tags: Array<{ __typename?: 'Tag', id: string, name: string, color: string }>, progress: { __typename?: 'Progress', total: number, done: number } };

export type ItemsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ItemFilterInput>;
  orderBy?: InputMaybe<ItemOrderInput>;
}>;


export type ItemsQuery = { __typename?: 'Query', items: { __typename?: 'ItemConnection', edges: Array<{ __typename?: 'ItemEdge', cursor: string, node: { __typename?: 'Item', id: string, title: string, status: ItemStatus, priority: Priority, dueDate?: string | null, version: number, updatedAt: string, commentCount: number, team?: { __typename?: 'Team', id: string, name: string } | null, assignees: Array<{ __typename?: 'User', id: string, name: string }>, tags: Array<{ __typename?: 'Tag', id: string, name: string, color: string }>, progress: { __typename?: 'Progress', total: number, done: number } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type ParentChoicesQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  filter?: InputMaybe<ItemFilterInput>;
  orderBy?: InputMaybe<ItemOrderInput>;
}>;


export type ParentChoicesQuery = { __typename?: 'Query', items: { __typename?: 'ItemConnection', edges: Array<{ __typename?: 'ItemEdge', node: { __typename?: 'Item', id: string, title: string } }> } };

export type ItemTitleQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ItemTitleQuery = { __typename?: 'Query', item: { __typename?: 'Item', id: string, title: string } };

export type ItemDetailQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ItemDetailQuery = { __typename?: 'Query', item: { __typename?: 'Item', description?: string | null, estimatedHours?: number | null, actualHours?: number | null, createdAt: string, completedAt?: string | null, id: string, title: string, status: ItemStatus, priority: Priority, dueDate?: string | null, version: number, updatedAt: string, commentCount: number, creator?: { __typename?: 'User', id: string, name: string } | null, team?: { __typename?: 'Team', id: string, name: string } | null, parent?: { __typename?: 'Item', id: string, title: string } | null, subtasks: { __typename?: 'ItemConnection', edges: Array<{ __typename?: 'ItemEdge', node: { __typename?: 'Item', id: string, title: string, status: ItemStatus, version: number } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } }, assignees: Array<{ __typename?: 'User', id: string, name: string }>, tags: Array<{ __typename?: 'Tag', id: string, name: string, color: string }>, progress: { __typename?: 'Progress', total: number, done: number } } };

export type ItemHistoryQueryVariables = Exact<{
  filter?: InputMaybe<ActivityFilterInput>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ItemHistoryQuery = { __typename?: 'Query', activity: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', cursor: string, node: { __typename?: 'Activity', id: string, action: ActivityAction, at: string, actor?: { __typename?: 'User', id: string, name: string } | null, item?: { __typename?: 'Item', id: string } | null, changes: Array<{ __typename?: 'FieldChange', field: string, from: unknown, to: unknown, added: Array<string>, removed: Array<string> }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateItemMutationVariables = Exact<{
  input: CreateItemInput;
}>;


export type CreateItemMutation = { __typename?: 'Mutation', createItem: { __typename?: 'ItemPayload', item: { __typename?: 'Item', id: string, title: string, status: ItemStatus, priority: Priority, dueDate?: string | null, version: number, updatedAt: string, commentCount: number, assignees: Array<{ __typename?: 'User', id: string, name: string }>, tags: Array<{ __typename?: 'Tag', id: string, name: string, color: string }>, progress: { __typename?: 'Progress', total: number, done: number } } } };

export type UpdateItemMutationVariables = Exact<{
  input: UpdateItemInput;
}>;


export type UpdateItemMutation = { __typename?: 'Mutation', updateItem: { __typename?: 'ItemPayload', item: { __typename?: 'Item', description?: string | null, estimatedHours?: number | null, actualHours?: number | null, completedAt?: string | null, id: string, title: string, status: ItemStatus, priority: Priority, dueDate?: string | null, version: number, updatedAt: string, commentCount: number, team?: { __typename?: 'Team', id: string, name: string } | null, parent?: { __typename?: 'Item', id: string, title: string } | null, assignees: Array<{ __typename?: 'User', id: string, name: string }>, tags: Array<{ __typename?: 'Tag', id: string, name: string, color: string }>, progress: { __typename?: 'Progress', total: number, done: number } } } };

export type DeleteItemMutationVariables = Exact<{
  input: DeleteItemInput;
}>;


export type DeleteItemMutation = { __typename?: 'Mutation', deleteItem: { __typename?: 'DeleteItemPayload', deletedId: string, deletedSubtaskIds: Array<string> } };

export type RestoreItemMutationVariables = Exact<{
  input: RestoreItemInput;
}>;


export type RestoreItemMutation = { __typename?: 'Mutation', restoreItem: { __typename?: 'RestoreItemPayload', restoredSubtaskIds: Array<string>, item: { __typename?: 'Item', id: string, title: string } } };

export type TenantMembersQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type TenantMembersQuery = { __typename?: 'Query', tenant: { __typename?: 'Tenant', id: string, members: { __typename?: 'MemberConnection', edges: Array<{ __typename?: 'MemberEdge', cursor: string, node: { __typename?: 'Member', id: string, user: { __typename?: 'User', id: string, name: string, email: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } };

export type TeamsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type TeamsQuery = { __typename?: 'Query', teams: { __typename?: 'TeamConnection', edges: Array<{ __typename?: 'TeamEdge', cursor: string, node: { __typename?: 'Team', id: string, name: string, description?: string | null, updatedAt: string, members: Array<{ __typename?: 'User', id: string, name: string }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type TagsQueryVariables = Exact<{
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type TagsQuery = { __typename?: 'Query', tags: { __typename?: 'TagConnection', edges: Array<{ __typename?: 'TagEdge', cursor: string, node: { __typename?: 'Tag', id: string, name: string, color: string, updatedAt: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { __typename?: 'Mutation', createTeam: { __typename?: 'TeamPayload', team: { __typename?: 'Team', id: string, name: string } } };

export type UpdateTeamMutationVariables = Exact<{
  input: UpdateTeamInput;
}>;


export type UpdateTeamMutation = { __typename?: 'Mutation', updateTeam: { __typename?: 'TeamPayload', team: { __typename?: 'Team', id: string, name: string, description?: string | null } } };

export type DeleteTeamMutationVariables = Exact<{
  input: TeamIdInput;
}>;


export type DeleteTeamMutation = { __typename?: 'Mutation', deleteTeam: { __typename?: 'DeleteTeamPayload', deletedId: string } };

export type RestoreTeamMutationVariables = Exact<{
  input: TeamIdInput;
}>;


export type RestoreTeamMutation = { __typename?: 'Mutation', restoreTeam: { __typename?: 'TeamPayload', team: { __typename?: 'Team', id: string, name: string } } };

export type AddTeamMemberMutationVariables = Exact<{
  input: TeamMemberInput;
}>;


export type AddTeamMemberMutation = { __typename?: 'Mutation', addTeamMember: { __typename?: 'TeamPayload', team: { __typename?: 'Team', id: string, members: Array<{ __typename?: 'User', id: string, name: string }> } } };

export type RemoveTeamMemberMutationVariables = Exact<{
  input: TeamMemberInput;
}>;


export type RemoveTeamMemberMutation = { __typename?: 'Mutation', removeTeamMember: { __typename?: 'TeamPayload', team: { __typename?: 'Team', id: string, members: Array<{ __typename?: 'User', id: string, name: string }> } } };

export type CreateTagMutationVariables = Exact<{
  input: CreateTagInput;
}>;


export type CreateTagMutation = { __typename?: 'Mutation', createTag: { __typename?: 'TagPayload', tag: { __typename?: 'Tag', id: string, name: string, color: string } } };

export type UpdateTagMutationVariables = Exact<{
  input: UpdateTagInput;
}>;


export type UpdateTagMutation = { __typename?: 'Mutation', updateTag: { __typename?: 'TagPayload', tag: { __typename?: 'Tag', id: string, name: string, color: string } } };

export type DeleteTagMutationVariables = Exact<{
  input: DeleteTagInput;
}>;


export type DeleteTagMutation = { __typename?: 'Mutation', deleteTag: { __typename?: 'DeleteTagPayload', deletedId: string } };

export const ItemCardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Item"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commentCount"}}]}}]} as unknown as DocumentNode<ItemCardFieldsFragment, unknown>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isPlatformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedReason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const MyRolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyRoles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]} as unknown as DocumentNode<MyRolesQuery, MyRolesQueryVariables>;
export const SignInMembershipsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SignInMemberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"memberships"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SignInMembershipsQuery, SignInMembershipsQueryVariables>;
export const SwitchTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SwitchTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SwitchTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"switchTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<SwitchTenantMutation, SwitchTenantMutationVariables>;
export const MeNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MeName"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<MeNameQuery, MeNameQueryVariables>;
export const AcceptInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"membershipId"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AcceptInvitationMutation, AcceptInvitationMutationVariables>;
export const AdminTenantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AdminTenants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"adminTenants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AdminTenantsQuery, AdminTenantsQueryVariables>;
export const SuspendTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SuspendTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SuspendTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"suspendTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedReason"}}]}}]}}]}}]} as unknown as DocumentNode<SuspendTenantMutation, SuspendTenantMutationVariables>;
export const ReactivateTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReactivateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReactivateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reactivateTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedReason"}}]}}]}}]}}]} as unknown as DocumentNode<ReactivateTenantMutation, ReactivateTenantMutationVariables>;
export const AuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditLog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AuditLogFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorId"}},{"kind":"Field","name":{"kind":"Name","value":"entityType"}},{"kind":"Field","name":{"kind":"Name","value":"entityId"}},{"kind":"Field","name":{"kind":"Name","value":"before"}},{"kind":"Field","name":{"kind":"Name","value":"after"}},{"kind":"Field","name":{"kind":"Name","value":"ip"}},{"kind":"Field","name":{"kind":"Name","value":"userAgent"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<AuditLogQuery, AuditLogQueryVariables>;
export const RestoreIntentFromAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreIntentFromAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreIntent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreIntentFromAuditMutation, RestoreIntentFromAuditMutationVariables>;
export const RestoreDatasourceFromAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreDatasourceFromAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreDatasource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreDatasourceFromAuditMutation, RestoreDatasourceFromAuditMutationVariables>;
export const RestoreConfigFromAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreConfigFromAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreDatasourceConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasourceConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreConfigFromAuditMutation, RestoreConfigFromAuditMutationVariables>;
export const RestoreRoleFromAuditDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreRoleFromAudit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreRoleFromAuditMutation, RestoreRoleFromAuditMutationVariables>;
export const CreateTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTenant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTenantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTenant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTenantMutation, CreateTenantMutationVariables>;
export const CurrentTenantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CurrentTenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"plan"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"suspendedReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxMembers"}},{"kind":"Field","name":{"kind":"Name","value":"maxItems"}},{"kind":"Field","name":{"kind":"Name","value":"maxForms"}}]}}]}}]}}]} as unknown as DocumentNode<CurrentTenantQuery, CurrentTenantQueryVariables>;
export const MembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Members"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<MembersQuery, MembersQueryVariables>;
export const InvitationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Invitations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<InvitationsQuery, InvitationsQueryVariables>;
export const RoleNamesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoleNames"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}}]}}]}}]} as unknown as DocumentNode<RoleNamesQuery, RoleNamesQueryVariables>;
export const InviteMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"InviteMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"InviteMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"inviteMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"invitation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]}}]} as unknown as DocumentNode<InviteMemberMutation, InviteMemberMutationVariables>;
export const RevokeInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<RevokeInvitationMutation, RevokeInvitationMutationVariables>;
export const UpdateMemberRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateMemberRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateMemberRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateMemberRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"member"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateMemberRoleMutation, UpdateMemberRoleMutationVariables>;
export const RemoveMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const RolesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"permissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]} as unknown as DocumentNode<RolesQuery, RolesQueryVariables>;
export const CreateRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<CreateRoleMutation, CreateRoleMutationVariables>;
export const DeleteRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteRoleMutation, DeleteRoleMutationVariables>;
export const RestoreRoleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreRole"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreRoleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreRole"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreRoleMutation, RestoreRoleMutationVariables>;
export const SignInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SignInMutation, SignInMutationVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const DatasourceConfigsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DatasourceConfigs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasourceConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"authType"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"tlsMode"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DatasourceConfigsQuery, DatasourceConfigsQueryVariables>;
export const CreateDatasourceConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDatasourceConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDatasourceConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDatasourceConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasourceConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateDatasourceConfigMutation, CreateDatasourceConfigMutationVariables>;
export const UpdateDatasourceConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDatasourceConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDatasourceConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDatasourceConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasourceConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseUrl"}},{"kind":"Field","name":{"kind":"Name","value":"authType"}},{"kind":"Field","name":{"kind":"Name","value":"hasCredentials"}},{"kind":"Field","name":{"kind":"Name","value":"connection"}},{"kind":"Field","name":{"kind":"Name","value":"tlsMode"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateDatasourceConfigMutation, UpdateDatasourceConfigMutationVariables>;
export const DeleteDatasourceConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDatasourceConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteDatasourceConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDatasourceConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteDatasourceConfigMutation, DeleteDatasourceConfigMutationVariables>;
export const RestoreDatasourceConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreDatasourceConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreDatasourceConfigInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreDatasourceConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasourceConfig"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreDatasourceConfigMutation, RestoreDatasourceConfigMutationVariables>;
export const TestDatasourceConfigDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TestDatasourceConfig"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"testDatasourceConfig"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"latencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}}]} as unknown as DocumentNode<TestDatasourceConfigMutation, TestDatasourceConfigMutationVariables>;
export const DatasourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Datasources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"connectionKey"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DatasourcesQuery, DatasourcesQueryVariables>;
export const ConfigChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ConfigChoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasourceConfigs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"protocol"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ConfigChoicesQuery, ConfigChoicesQueryVariables>;
export const CreateDatasourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDatasource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDatasourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDatasource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateDatasourceMutation, CreateDatasourceMutationVariables>;
export const UpdateDatasourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateDatasource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateDatasourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateDatasource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"connectionKey"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"columns"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateDatasourceMutation, UpdateDatasourceMutationVariables>;
export const DeleteDatasourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDatasource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteDatasourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDatasource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedRuleIds"}}]}}]}}]} as unknown as DocumentNode<DeleteDatasourceMutation, DeleteDatasourceMutationVariables>;
export const RestoreDatasourceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreDatasource"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreDatasourceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreDatasource"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"restoredRuleIds"}}]}}]}}]} as unknown as DocumentNode<RestoreDatasourceMutation, RestoreDatasourceMutationVariables>;
export const IntentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Intent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"matchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"datasourceId"}},{"kind":"Field","name":{"kind":"Name","value":"fieldName"}},{"kind":"Field","name":{"kind":"Name","value":"ruleType"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"datasource"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IntentQuery, IntentQueryVariables>;
export const RuleDatasourcesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RuleDatasources"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasources"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"columns"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RuleDatasourcesQuery, RuleDatasourcesQueryVariables>;
export const UpdateIntentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateIntent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateIntentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateIntent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"matchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateIntentMutation, UpdateIntentMutationVariables>;
export const CreateValidationRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateValidationRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateValidationRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createValidationRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CreateValidationRuleMutation, CreateValidationRuleMutationVariables>;
export const UpdateValidationRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateValidationRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateValidationRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateValidationRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"datasourceId"}},{"kind":"Field","name":{"kind":"Name","value":"fieldName"}},{"kind":"Field","name":{"kind":"Name","value":"ruleType"}},{"kind":"Field","name":{"kind":"Name","value":"conditions"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateValidationRuleMutation, UpdateValidationRuleMutationVariables>;
export const DeleteValidationRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteValidationRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteValidationRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteValidationRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteValidationRuleMutation, DeleteValidationRuleMutationVariables>;
export const ReorderValidationRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReorderValidationRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReorderValidationRulesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reorderValidationRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<ReorderValidationRulesMutation, ReorderValidationRulesMutationVariables>;
export const IntentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Intents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"IntentFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"matchers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<IntentsQuery, IntentsQueryVariables>;
export const CreateIntentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIntent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIntentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIntent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateIntentMutation, CreateIntentMutationVariables>;
export const DeleteIntentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteIntent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteIntentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteIntent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedRuleIds"}}]}}]}}]} as unknown as DocumentNode<DeleteIntentMutation, DeleteIntentMutationVariables>;
export const RestoreIntentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreIntent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreIntentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreIntent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"restoredRuleIds"}}]}}]}}]} as unknown as DocumentNode<RestoreIntentMutation, RestoreIntentMutationVariables>;
export const RouteEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RouteEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RouteEmailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routeEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"intentId"}},{"kind":"Field","name":{"kind":"Name","value":"intentName"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"matchedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"email"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"ruleType"}},{"kind":"Field","name":{"kind":"Name","value":"fieldName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RouteEmailMutation, RouteEmailMutationVariables>;
export const ValidateEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ValidateEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ValidateEmailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"validateEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"intentId"}},{"kind":"Field","name":{"kind":"Name","value":"intentName"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"matchedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"email"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"ruleType"}},{"kind":"Field","name":{"kind":"Name","value":"fieldName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ValidateEmailMutation, ValidateEmailMutationVariables>;
export const IntentChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IntentChoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"intents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<IntentChoicesQuery, IntentChoicesQueryVariables>;
export const RoutingRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RoutingRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"RoutingRunFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"routingRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"intentId"}},{"kind":"Field","name":{"kind":"Name","value":"intentName"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"matchedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"header"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"email"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"subject"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ruleId"}},{"kind":"Field","name":{"kind":"Name","value":"ruleType"}},{"kind":"Field","name":{"kind":"Name","value":"fieldName"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<RoutingRunsQuery, RoutingRunsQueryVariables>;
export const ItemAnalyticsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemAnalytics"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"weeks"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"itemAnalytics"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"completedThisWeek"}},{"kind":"Field","name":{"kind":"Name","value":"avgCompletionHours"}},{"kind":"Field","name":{"kind":"Name","value":"avgActualHours"}},{"kind":"Field","name":{"kind":"Name","value":"byStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPriority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"count"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byAssignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"throughput"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"weeks"},"value":{"kind":"Variable","name":{"kind":"Name","value":"weeks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekStart"}},{"kind":"Field","name":{"kind":"Name","value":"completed"}}]}}]}}]} as unknown as DocumentNode<ItemAnalyticsQuery, ItemAnalyticsQueryVariables>;
export const ItemAttachmentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemAttachments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxAttachmentBytes"}}]}}]}}]}}]} as unknown as DocumentNode<ItemAttachmentsQuery, ItemAttachmentsQueryVariables>;
export const UploadAttachmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UploadAttachment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UploadAttachmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"uploadAttachment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}}]}}]}}]} as unknown as DocumentNode<UploadAttachmentMutation, UploadAttachmentMutationVariables>;
export const DeleteAttachmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAttachment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteAttachmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAttachment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteAttachmentMutation, DeleteAttachmentMutationVariables>;
export const UpdateItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateItems"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateItemsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateItems"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<UpdateItemsMutation, UpdateItemsMutationVariables>;
export const ItemCommentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemComments"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"commentCount"}},{"kind":"Field","name":{"kind":"Name","value":"comments"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ItemCommentsQuery, ItemCommentsQueryVariables>;
export const AddCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCommentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"commentCount"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AddCommentMutation, AddCommentMutationVariables>;
export const EditCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"EditComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EditCommentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"editComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"comment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}}]}}]}}]}}]} as unknown as DocumentNode<EditCommentMutation, EditCommentMutationVariables>;
export const DeleteCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteCommentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteCommentMutation, DeleteCommentMutationVariables>;
export const ItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Items"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemOrderInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemCardFields"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Item"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commentCount"}}]}}]} as unknown as DocumentNode<ItemsQuery, ItemsQueryVariables>;
export const ParentChoicesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ParentChoices"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ItemOrderInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"items"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ParentChoicesQuery, ParentChoicesQueryVariables>;
export const ItemTitleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemTitle"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<ItemTitleQuery, ItemTitleQueryVariables>;
export const ItemDetailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemCardFields"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedHours"}},{"kind":"Field","name":{"kind":"Name","value":"actualHours"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"creator"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subtasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Item"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commentCount"}}]}}]} as unknown as DocumentNode<ItemDetailQuery, ItemDetailQueryVariables>;
export const ItemHistoryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ItemHistory"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ActivityFilterInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"added"}},{"kind":"Field","name":{"kind":"Name","value":"removed"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ItemHistoryQuery, ItemHistoryQueryVariables>;
export const CreateItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemCardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Item"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commentCount"}}]}}]} as unknown as DocumentNode<CreateItemMutation, CreateItemMutationVariables>;
export const UpdateItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ItemCardFields"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"estimatedHours"}},{"kind":"Field","name":{"kind":"Name","value":"actualHours"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ItemCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Item"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"assignees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}},{"kind":"Field","name":{"kind":"Name","value":"progress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}}]}},{"kind":"Field","name":{"kind":"Name","value":"commentCount"}}]}}]} as unknown as DocumentNode<UpdateItemMutation, UpdateItemMutationVariables>;
export const DeleteItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"deletedSubtaskIds"}}]}}]}}]} as unknown as DocumentNode<DeleteItemMutation, DeleteItemMutationVariables>;
export const RestoreItemDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreItem"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RestoreItemInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreItem"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"item"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"Field","name":{"kind":"Name","value":"restoredSubtaskIds"}}]}}]}}]} as unknown as DocumentNode<RestoreItemMutation, RestoreItemMutationVariables>;
export const TenantMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TenantMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tenant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}}]} as unknown as DocumentNode<TenantMembersQuery, TenantMembersQueryVariables>;
export const TeamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Teams"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teams"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TeamsQuery, TeamsQueryVariables>;
export const TagsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Tags"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tags"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<TagsQuery, TagsQueryVariables>;
export const CreateTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTeamMutation, CreateTeamMutationVariables>;
export const UpdateTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTeamMutation, UpdateTeamMutationVariables>;
export const DeleteTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TeamIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteTeamMutation, DeleteTeamMutationVariables>;
export const RestoreTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RestoreTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TeamIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"restoreTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<RestoreTeamMutation, RestoreTeamMutationVariables>;
export const AddTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AddTeamMemberMutation, AddTeamMemberMutationVariables>;
export const RemoveTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>;
export const CreateTagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTagMutation, CreateTagMutationVariables>;
export const UpdateTagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"color"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateTagMutation, UpdateTagMutationVariables>;
export const DeleteTagDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTag"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteTagInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTag"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}}]}}]}}]} as unknown as DocumentNode<DeleteTagMutation, DeleteTagMutationVariables>;