//! The intent use cases. Managing intents takes `routing.manage` (MEMBER and
//! above); reading them `routing.read`.

use std::sync::Arc;

use crate::IntentId;
use serde_json::{Value, json};
use trellis_kernel::{AuditEntry, RestoreAudit};
use trellis_kernel::{
    Clock, DomainError, DomainResult, FieldErrors, Page, PageRequest, Permission, RuleId,
    TenantCtx, text,
};

use crate::intent::{Intent, IntentFilter};
use crate::matcher::{Matcher, MatcherSpec};
use crate::ports::IntentRepository;

pub type MatcherInput = MatcherSpec;

#[derive(Debug, Clone)]
pub struct CreateIntent {
    pub name: String,
    pub description: Option<String>,
    pub priority: i32,
    pub is_active: bool,
    pub matchers: Vec<MatcherInput>,
}

/// Every field left `None` keeps its value; `matchers` replaces them all.
#[derive(Debug, Clone, Default)]
pub struct UpdateIntent {
    pub name: Option<String>,
    /// `Some("")` clears it.
    pub description: Option<String>,
    pub priority: Option<i32>,
    pub is_active: Option<bool>,
    pub matchers: Option<Vec<MatcherInput>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeletedIntent {
    pub id: IntentId,
    pub deleted_rule_ids: Vec<RuleId>,
}

/// A deleted intent brought back, with the rules its delete took.
#[derive(Debug, Clone, PartialEq)]
pub struct RestoredIntent {
    pub intent: Intent,
    pub restored_rule_ids: Vec<RuleId>,
}

pub const NAME_MAX: usize = 100;
pub const DESCRIPTION_MAX: usize = 2_000;
pub const MAX_MATCHERS: usize = 20;
/// Priorities are compared, never summed; this bound keeps them readable.
pub const PRIORITY_RANGE: std::ops::RangeInclusive<i32> = -1_000_000..=1_000_000;

#[derive(Clone)]
pub struct IntentService {
    intents: Arc<dyn IntentRepository>,
    clock: Arc<dyn Clock>,
}

impl IntentService {
    pub fn new(intents: Arc<dyn IntentRepository>, clock: Arc<dyn Clock>) -> Self {
        Self { intents, clock }
    }

    pub async fn list(
        &self,
        ctx: &TenantCtx,
        filter: &IntentFilter,
        page: PageRequest,
    ) -> DomainResult<Page<Intent>> {
        ctx.require(Permission::RoutingRead)?;
        self.intents.list(ctx.tenant_id, filter, page).await
    }

    /// # Errors
    /// `NotFound` if the tenant has no such intent.
    pub async fn get(&self, ctx: &TenantCtx, id: IntentId) -> DomainResult<Intent> {
        ctx.require(Permission::RoutingRead)?;
        self.find(ctx, id).await
    }

    /// The tenant's intents among `ids`, in one lookup; ids that name none
    /// (deleted, or another tenant's) are left out.
    pub async fn get_many(&self, ctx: &TenantCtx, ids: &[IntentId]) -> DomainResult<Vec<Intent>> {
        ctx.require(Permission::RoutingRead)?;
        self.intents.find_many(ctx.tenant_id, ids).await
    }

    async fn find(&self, ctx: &TenantCtx, id: IntentId) -> DomainResult<Intent> {
        self.intents
            .find(ctx.tenant_id, id)
            .await?
            .ok_or(DomainError::not_found("intent"))
    }

    /// # Errors
    /// `Validation` naming every bad field; `Conflict` on a taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn create(&self, ctx: &TenantCtx, input: CreateIntent) -> DomainResult<Intent> {
        ctx.require(Permission::RoutingManage)?;
        let now = self.clock.now();
        let mut errors = FieldErrors::new();
        let intent = build_intent(ctx, input, now, "", &mut errors);
        errors.into_result()?;
        let intent = intent.ok_or_else(|| DomainError::internal_msg("validated intent missing"))?;
        let entry = AuditEntry::by_member(
            ctx,
            "intent.created",
            ("intent", intent.id.to_string()),
            now,
        )
        .after(snapshot(&intent));
        self.intents.create(ctx.tenant_id, &intent, &entry).await?;
        Ok(intent)
    }

    /// # Errors
    /// `NotFound`; `Validation` naming every bad field; `Conflict` on a
    /// taken name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn update(
        &self,
        ctx: &TenantCtx,
        id: IntentId,
        input: UpdateIntent,
    ) -> DomainResult<Intent> {
        ctx.require(Permission::RoutingManage)?;
        let before = self.find(ctx, id).await?;
        let now = self.clock.now();
        let mut errors = FieldErrors::new();
        let name = match &input.name {
            Some(raw) => errors.check(text::name("name", raw, NAME_MAX)),
            None => Some(before.name.clone()),
        };
        let description = match &input.description {
            Some(raw) => errors.check(text::optional("description", Some(raw), DESCRIPTION_MAX)),
            None => Some(before.description.clone()),
        };
        let priority = input.priority.unwrap_or(before.priority);
        check_priority("priority", priority, &mut errors);
        let matchers = match input.matchers {
            Some(specs) => build_matchers(specs, "matchers", &mut errors),
            None => Some(before.matchers.clone()),
        };
        errors.into_result()?;
        let (Some(name), Some(description), Some(matchers)) = (name, description, matchers) else {
            return Err(DomainError::internal_msg("validated fields missing"));
        };
        let intent = Intent {
            name,
            description,
            priority,
            is_active: input.is_active.unwrap_or(before.is_active),
            matchers,
            updated_at: now,
            ..before.clone()
        };
        let entry = AuditEntry::by_member(ctx, "intent.updated", ("intent", id.to_string()), now)
            .before(snapshot(&before))
            .after(snapshot(&intent));
        self.intents.update(ctx.tenant_id, &intent, &entry).await?;
        Ok(intent)
    }

    /// Deletes the intent and its rules.
    ///
    /// # Errors
    /// `NotFound`.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn delete(&self, ctx: &TenantCtx, id: IntentId) -> DomainResult<DeletedIntent> {
        ctx.require(Permission::RoutingManage)?;
        let before = self.find(ctx, id).await?;
        let entry = AuditEntry::by_member(
            ctx,
            "intent.deleted",
            ("intent", id.to_string()),
            self.clock.now(),
        )
        .before(snapshot(&before));
        let deleted_rule_ids = self.intents.delete(ctx.tenant_id, id, &entry).await?;
        Ok(DeletedIntent {
            id,
            deleted_rule_ids,
        })
    }

    /// Brings a deleted intent back with the rules its delete took. Needs
    /// what deleting it needs.
    ///
    /// # Errors
    /// `NotFound` if the tenant never had it; `Conflict` if it is not
    /// deleted or a live intent has taken its name.
    #[tracing::instrument(skip_all, fields(tenant = %ctx.tenant_id))]
    pub async fn restore(&self, ctx: &TenantCtx, id: IntentId) -> DomainResult<RestoredIntent> {
        ctx.require(Permission::RoutingManage)?;
        let entry = AuditEntry::by_member(
            ctx,
            "intent.restored",
            ("intent", id.to_string()),
            self.clock.now(),
        );
        let audit = RestoreAudit::new(entry, snapshot);
        let (intent, restored_rule_ids) = self.intents.restore(ctx.tenant_id, id, &audit).await?;
        Ok(RestoredIntent {
            intent,
            restored_rule_ids,
        })
    }
}

/// Checks `input` into a new intent of the caller's tenant; error paths are
/// prefixed with `prefix` (`""` or `"intent."`).
pub fn build_intent(
    ctx: &TenantCtx,
    input: CreateIntent,
    now: chrono::DateTime<chrono::Utc>,
    prefix: &str,
    errors: &mut FieldErrors,
) -> Option<Intent> {
    let name = errors.check(text::name(&format!("{prefix}name"), &input.name, NAME_MAX));
    let description = errors.check(text::optional(
        &format!("{prefix}description"),
        input.description.as_deref(),
        DESCRIPTION_MAX,
    ));
    check_priority(&format!("{prefix}priority"), input.priority, errors);
    let matchers = build_matchers(input.matchers, &format!("{prefix}matchers"), errors);
    Some(Intent {
        id: IntentId::generate(),
        tenant_id: ctx.tenant_id,
        name: name?,
        description: description?,
        priority: input.priority,
        is_active: input.is_active,
        matchers: matchers?,
        created_at: now,
        updated_at: now,
    })
}

fn check_priority(field: &str, priority: i32, errors: &mut FieldErrors) {
    if !PRIORITY_RANGE.contains(&priority) {
        errors.add(field, "must be between -1000000 and 1000000");
    }
}

fn build_matchers(
    specs: Vec<MatcherSpec>,
    field: &str,
    errors: &mut FieldErrors,
) -> Option<Vec<Matcher>> {
    if specs.len() > MAX_MATCHERS {
        errors.add(
            field,
            format!("at most {MAX_MATCHERS} matchers are allowed"),
        );
        return None;
    }
    let mut matchers = Vec::with_capacity(specs.len());
    let mut ok = true;
    for (index, spec) in specs.into_iter().enumerate() {
        match Matcher::new(spec) {
            Ok(matcher) => matchers.push(matcher),
            Err((part, message)) => {
                errors.add(format!("{field}[{index}].{part}"), message);
                ok = false;
            }
        }
    }
    ok.then_some(matchers)
}

/// What the audit log keeps of an intent.
pub fn snapshot(intent: &Intent) -> Value {
    json!({
        "name": intent.name,
        "description": intent.description,
        "priority": intent.priority,
        "isActive": intent.is_active,
        "matchers": intent.matchers.iter().map(Matcher::spec).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests;
