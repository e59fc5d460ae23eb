use trellis_kernel::{DomainError, UserId};
use trellis_tenancy::Email;

use crate::support::*;

contract!(a_created_user_is_found_by_id_and_by_email);
async fn a_created_user_is_found_by_id_and_by_email(env: Env) {
    let user = new_user("ada@example.com");
    env.users.create(&user, "$argon2id$v=19$abc").await.unwrap();

    assert_eq!(env.users.find(user.id).await.unwrap(), Some(user.clone()));
    let credentials = env
        .users
        .find_by_email(&Email::parse("email", "ADA@example.com").unwrap())
        .await
        .unwrap()
        .expect("found by email");
    assert_eq!(credentials.user, user);
    assert_eq!(credentials.password_hash, "$argon2id$v=19$abc");
}

contract!(an_unknown_user_is_none);
async fn an_unknown_user_is_none(env: Env) {
    assert_eq!(env.users.find(UserId::generate()).await.unwrap(), None);
    let email = Email::parse("email", "nobody@example.com").unwrap();
    assert!(env.users.find_by_email(&email).await.unwrap().is_none());
}

contract!(a_second_account_with_one_email_is_a_conflict);
async fn a_second_account_with_one_email_is_a_conflict(env: Env) {
    user(&env, "ada@example.com").await;
    let twin = new_user("Ada@Example.com");
    let err = env.users.create(&twin, "hash").await.unwrap_err();
    let DomainError::Conflict(message) = err else {
        panic!("expected a conflict, got {err:?}");
    };
    assert!(message.contains("email"), "{message}");
    assert_eq!(env.users.find(twin.id).await.unwrap(), None);
}
