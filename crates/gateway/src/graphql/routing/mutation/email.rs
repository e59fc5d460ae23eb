use std::collections::BTreeMap;

use async_graphql::{Context, ID, InputObject, Json, Object, Result, SimpleObject};
use trellis_intents::EmailMessage;
use trellis_intents::IntentId;
use trellis_kernel::DomainError;
use validator::{Validate, ValidationError};

use crate::graphql::context::tenant_ctx;
use crate::graphql::error::GqlResultExt;
use crate::graphql::routing::types::RoutingDecision;
use crate::graphql::validate::{parse_id, validate_input};
use crate::state::AppState;

const MAX_ADDRESSES: usize = 100;
const MAX_ADDRESS_CHARS: usize = 320;
const MAX_FIELDS: usize = 100;
const MAX_HEADERS: usize = 200;

/// One header of an email given field by field.
// Serialize: `validator` records a checked list's value with its error.
#[derive(InputObject, Validate, serde::Serialize)]
pub struct HeaderInput {
    /// The header's name, as sent.
    #[validate(length(min = 1, max = 100, message = "must be 1 to 100 characters long"))]
    pub name: String,
    /// Its value, decoded.
    #[validate(length(max = 8000, message = "must be at most 8000 characters"))]
    pub value: String,
}

/// An email given field by field, for callers that parsed it themselves.
#[derive(InputObject, Validate)]
pub struct EmailMessageInput {
    /// The sender's address, as `user@example.com`.
    #[validate(
        custom(function = "crate::graphql::validate::not_blank"),
        length(max = 320, message = "must be at most 320 characters")
    )]
    pub from: String,
    /// The recipients' addresses.
    #[graphql(default)]
    #[validate(custom(function = "addresses"))]
    pub to: Vec<String>,
    /// The copied recipients' addresses.
    #[graphql(default)]
    #[validate(custom(function = "addresses"))]
    pub cc: Vec<String>,
    /// The subject.
    #[graphql(default)]
    #[validate(length(max = 2000, message = "must be at most 2000 characters"))]
    pub subject: String,
    /// The plain-text body.
    #[graphql(default)]
    pub body: String,
    /// The `Message-ID` header.
    #[validate(length(max = 500, message = "must be at most 500 characters"))]
    pub message_id: Option<String>,
    /// Headers, looked up by rules and matchers ignoring case.
    #[graphql(default)]
    #[validate(custom(function = "header_count"), nested)]
    pub headers: Vec<HeaderInput>,
    /// Values extracted by the caller, such as an order number: a JSON
    /// object of string values, reached by rules as `fields.<key>`.
    pub fields: Option<Json<serde_json::Value>>,
}

/// `routeEmail`: exactly one of `raw` and `message`.
#[derive(InputObject, Validate)]
pub struct RouteEmailInput {
    /// The whole message as received (RFC 5322, MIME parts and encodings
    /// included).
    pub raw: Option<String>,
    /// The message given field by field.
    #[validate(nested)]
    pub message: Option<EmailMessageInput>,
}

/// What `routeEmail` decided.
#[derive(SimpleObject)]
pub struct RouteEmailPayload {
    /// The decision, also stored and listed by `routingRuns`.
    pub decision: RoutingDecision,
}

/// `validateEmail`: the intent, and exactly one of `raw` and `message`.
#[derive(InputObject, Validate)]
pub struct ValidateEmailInput {
    /// The intent whose rules are run, whatever its matchers say.
    #[validate(custom(function = "crate::graphql::validate::id"))]
    pub intent_id: ID,
    /// The whole message as received (RFC 5322).
    pub raw: Option<String>,
    /// The message given field by field.
    #[validate(nested)]
    pub message: Option<EmailMessageInput>,
}

/// What `validateEmail` decided.
#[derive(SimpleObject)]
pub struct ValidateEmailPayload {
    /// The decision, also stored and listed by `routingRuns`.
    pub decision: RoutingDecision,
}

#[derive(Default)]
pub struct EmailMutation;

#[Object]
impl EmailMutation {
    /// Routes an email: picks the highest-priority active intent one of
    /// whose matchers matches, runs its rules against live data and returns
    /// the decision. A datasource that fails makes its rule ERROR; the
    /// decision still comes back. Needs `emails.route` (MEMBER and above).
    async fn route_email(
        &self,
        ctx: &Context<'_>,
        input: RouteEmailInput,
    ) -> Result<RouteEmailPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let email = email_of(input.raw, input.message).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let run = state.routing.emails.route(scope, email).await.gql(ctx)?;
        Ok(RouteEmailPayload {
            decision: run.into(),
        })
    }

    /// Runs one intent's active rules on an email, whatever its matchers
    /// say: to try rules out before routing real mail to them.
    async fn validate_email(
        &self,
        ctx: &Context<'_>,
        input: ValidateEmailInput,
    ) -> Result<ValidateEmailPayload> {
        validate_input(&input).gql(ctx)?;
        let state = ctx.data::<AppState>()?;
        let intent: IntentId = parse_id("intentId", &input.intent_id).gql(ctx)?;
        let email = email_of(input.raw, input.message).gql(ctx)?;
        let scope = tenant_ctx(ctx).gql(ctx)?;
        let run = state
            .routing
            .emails
            .validate(scope, intent, email)
            .await
            .gql(ctx)?;
        Ok(ValidateEmailPayload {
            decision: run.into(),
        })
    }
}

/// The email from whichever of `raw` and `message` was given.
fn email_of(
    raw: Option<String>,
    message: Option<EmailMessageInput>,
) -> Result<EmailMessage, DomainError> {
    match (raw, message) {
        (Some(raw), None) => EmailMessage::parse_rfc5322(raw.as_bytes(), "raw"),
        (None, Some(message)) => message_of(message),
        _ => Err(DomainError::invalid(
            "raw",
            "give exactly one of `raw` and `message`",
        )),
    }
}

fn message_of(input: EmailMessageInput) -> Result<EmailMessage, DomainError> {
    let fields = match input.fields.map(|Json(value)| value) {
        None | Some(serde_json::Value::Null) => BTreeMap::new(),
        Some(serde_json::Value::Object(map)) if map.len() <= MAX_FIELDS => map
            .into_iter()
            .map(|(key, value)| match value {
                serde_json::Value::String(text) => Ok((key, text)),
                _ => Err(DomainError::invalid(
                    format!("message.fields.{key}"),
                    "must be a string",
                )),
            })
            .collect::<Result<_, _>>()?,
        Some(_) => {
            return Err(DomainError::invalid(
                "message.fields",
                format!("must be a JSON object of at most {MAX_FIELDS} string values"),
            ));
        }
    };
    Ok(EmailMessage {
        from: input.from.trim().to_owned(),
        to: input.to,
        cc: input.cc,
        subject: input.subject,
        body: input.body,
        message_id: input.message_id,
        headers: input
            .headers
            .into_iter()
            .map(|header| (header.name, header.value))
            .collect(),
        fields,
    })
}

/// `#[validate(custom(function = "addresses"))]`: a bounded list of
/// bounded, non-blank addresses.
fn addresses(list: &[String]) -> Result<(), ValidationError> {
    let fits = list.len() <= MAX_ADDRESSES
        && list
            .iter()
            .all(|a| !a.trim().is_empty() && a.chars().count() <= MAX_ADDRESS_CHARS);
    if fits {
        Ok(())
    } else {
        Err(ValidationError::new("addresses").with_message(
            "must hold at most 100 non-blank addresses of at most 320 characters".into(),
        ))
    }
}

/// `#[validate(custom(function = "header_count"))]`.
fn header_count(headers: &[HeaderInput]) -> Result<(), ValidationError> {
    if headers.len() <= MAX_HEADERS {
        Ok(())
    } else {
        Err(ValidationError::new("headers")
            .with_message(format!("must hold at most {MAX_HEADERS} headers").into()))
    }
}
