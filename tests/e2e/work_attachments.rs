//! Attachments end to end: files uploaded with the GraphQL multipart
//! request spec, judged by their content, listed on their item and
//! downloaded from `/files/<id>` by the tenant's members only.

use axum::http::{StatusCode, header};
use serde_json::{Value, json};
use trellis_tests::{Session, TestApp, on_every_backend};

use crate::statements::cost;
use crate::work_support::create_item;

on_every_backend! {
    files_upload_list_and_download_with_their_sniffed_type => files_upload_list_and_download_with_their_sniffed_type;
    types_outside_the_allowlist_and_files_over_the_plan_are_refused => types_outside_the_allowlist_and_files_over_the_plan_are_refused;
    another_tenant_and_strangers_reach_no_file => another_tenant_and_strangers_reach_no_file;
    a_deleted_item_hides_its_files_and_keeps_them_until_purge => a_deleted_item_hides_its_files_and_keeps_them_until_purge;
    a_page_s_attachments_cost_a_fixed_number_of_statements => a_page_s_attachments_cost_a_fixed_number_of_statements;
    a_deleted_attachment_leaves_the_item_and_the_file_store => a_deleted_attachment_leaves_the_item_and_the_file_store;
}

const DELETE: &str = "mutation($input: DeleteAttachmentInput!) {
    deleteAttachment(input: $input) { deletedId } }";

const UPLOAD: &str = "mutation($input: UploadAttachmentInput!) {
    uploadAttachment(input: $input) {
        attachment { id filename contentType sizeBytes createdAt downloadUrl uploadedBy { email } }
    } }";

const ATTACHMENTS: &str = "query($id: ID!) { item(id: $id) {
    attachments { id filename contentType sizeBytes downloadUrl uploadedBy { email } } } }";

/// A 1×1 PNG: real magic bytes and chunks.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\x9cc\xf8\xff\xff?\0\x05\xfe\x02\xfe\xa7\x35\x81\x84\0\0\0\0IEND\xaeB`\x82";

async fn upload(
    app: &TestApp,
    session: &Session,
    item: &str,
    file: (&str, &[u8]),
) -> trellis_tests::Response {
    app.gql_upload(
        UPLOAD,
        json!({ "input": { "itemId": item, "file": null } }),
        "variables.input.file",
        file,
        Some(&session.access_token),
    )
    .await
}

async fn uploaded(app: &TestApp, session: &Session, item: &str, file: (&str, &[u8])) -> Value {
    upload(app, session, item, file).await.ok()["uploadAttachment"]["attachment"].clone()
}

async fn attachments(app: &TestApp, session: &Session, item: &str) -> Value {
    let data = app
        .gql(
            ATTACHMENTS,
            json!({ "id": item }),
            Some(&session.access_token),
        )
        .await
        .ok();
    data["item"]["attachments"].clone()
}

async fn item_of(app: &TestApp, session: &Session, title: &str) -> String {
    let item = create_item(app, session, json!({ "title": title })).await;
    item["id"].as_str().expect("an item id").to_owned()
}

async fn files_upload_list_and_download_with_their_sniffed_type(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "FREE").await;
    let viewer = app.join(&owner, &tenant, "vera@acme.test", "VIEWER").await;
    let item = item_of(&app, &owner, "Ship the logo").await;

    // The multipart part says text/csv; the content says PNG, and wins.
    let png = uploaded(&app, &owner, &item, ("logo.png", PNG)).await;
    assert_eq!(png["contentType"], "image/png");
    assert_eq!(png["filename"], "logo.png");
    assert_eq!(png["sizeBytes"], PNG.len());
    assert_eq!(png["uploadedBy"]["email"], "owner@acme.test");
    let png_id = png["id"].as_str().unwrap();
    assert_eq!(png["downloadUrl"], format!("/files/{png_id}"));
    let notes = uploaded(&app, &owner, &item, ("notes ü.txt", b"ship it\n")).await;
    assert_eq!(notes["contentType"], "text/plain");

    let listed = attachments(&app, &viewer, &item).await;
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["filename"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["logo.png", "notes ü.txt"]);
    assert_eq!(listed[0]["uploadedBy"]["email"], "owner@acme.test");

    // A viewer downloads the same bytes, as a download and never sniffed.
    let (status, headers, body) = app
        .get_bytes(&format!("/files/{png_id}"), Some(&viewer.access_token))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, PNG);
    assert_eq!(headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(
        headers[header::CONTENT_DISPOSITION],
        "attachment; filename*=UTF-8''logo%2Epng"
    );
    assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(headers[header::CACHE_CONTROL], "private, no-store");
    let url = notes["downloadUrl"].as_str().unwrap();
    let (status, headers, body) = app.get_bytes(url, Some(&owner.access_token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, b"ship it\n");
    assert_eq!(
        headers[header::CONTENT_DISPOSITION],
        "attachment; filename*=UTF-8''notes%20%C3%BC%2Etxt"
    );

    // Reading is not uploading.
    let refused = upload(&app, &viewer, &item, ("x.txt", b"x")).await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);
}

async fn types_outside_the_allowlist_and_files_over_the_plan_are_refused(app: TestApp) {
    let (owner, _) = app.owner_of("owner@acme.test", "acme", "FREE").await;
    let item = item_of(&app, &owner, "Collect files").await;

    let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
    elf.resize(64, 0);
    // Named and declared as an image, binary of no known type.
    let fake_png: &[u8] = b"\x00\x01\x02\xff\xfe not an image";
    for (name, content) in [("tool", &elf[..]), ("photo.png", fake_png)] {
        let refused = upload(&app, &owner, &item, (name, content)).await;
        assert_eq!(
            refused.code(),
            Some("BAD_USER_INPUT"),
            "{name}: {:?}",
            refused.body
        );
        assert_eq!(refused.bad_fields(), ["file"], "{name}");
        assert!(
            refused.message().contains("image/png"),
            "{}",
            refused.message()
        );
    }

    // FREE takes files up to 10 MiB.
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let refused = upload(&app, &owner, &item, ("big.txt", &big)).await;
    assert_eq!(refused.code(), Some("LIMIT_EXCEEDED"), "{:?}", refused.body);
    assert!(
        refused.message().contains("attachment size"),
        "{}",
        refused.message()
    );

    // A request that cannot fit the plan's largest file whatever else it
    // holds is refused before its file is read, saying which plan.
    let far_too_big = vec![b'a'; 10 * 1024 * 1024 + 128 * 1024];
    let refused = upload(&app, &owner, &item, ("bigger.txt", &far_too_big)).await;
    assert_eq!(refused.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(refused.code(), Some("LIMIT_EXCEEDED"), "{:?}", refused.body);
    assert!(
        refused.message().contains("FREE plan"),
        "{}",
        refused.message()
    );

    assert_eq!(attachments(&app, &owner, &item).await, json!([]));
}

async fn another_tenant_and_strangers_reach_no_file(app: TestApp) {
    let (acme, _) = app.owner_of("owner@acme.test", "acme", "FREE").await;
    let (globex, _) = app.owner_of("owner@globex.test", "globex", "FREE").await;
    let item = item_of(&app, &acme, "Acme's plans").await;
    let secret = uploaded(&app, &acme, &item, ("plans.txt", b"secret")).await;
    let url = secret["downloadUrl"].as_str().unwrap();

    let (status, _, body) = app.get_bytes(url, Some(&globex.access_token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "NOT_FOUND");
    let (status, _, _) = app
        .get_bytes("/files/not-an-id", Some(&acme.access_token))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let refused = upload(&app, &globex, &item, ("x.txt", b"mine now")).await;
    assert_eq!(refused.code(), Some("NOT_FOUND"), "{:?}", refused.body);
    assert_eq!(
        attachments(&app, &acme, &item)
            .await
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let (status, _, body) = app.get_bytes(url, None).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let body: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(body["error"]["code"], "UNAUTHENTICATED");
    let (status, _, _) = app.get_bytes(url, Some("not-a-token")).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

async fn a_deleted_item_hides_its_files_and_keeps_them_until_purge(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "FREE").await;
    let item = item_of(&app, &owner, "Short-lived").await;
    let kept = uploaded(&app, &owner, &item, ("kept.png", PNG)).await;
    let id = kept["id"].as_str().unwrap();
    let url = kept["downloadUrl"].as_str().unwrap();
    let on_disk = app.data_dir().join("attachments").join(&tenant).join(id);
    assert_eq!(std::fs::read(&on_disk).unwrap(), PNG);

    app.gql(
        "mutation($input: DeleteItemInput!) { deleteItem(input: $input) { deletedId } }",
        json!({ "input": { "id": item } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    let (status, _, _) = app.get_bytes(url, Some(&owner.access_token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(std::fs::read(&on_disk).unwrap(), PNG, "kept until purge");

    app.gql(
        "mutation($input: RestoreItemInput!) { restoreItem(input: $input) { item { id } } }",
        json!({ "input": { "id": item } }),
        Some(&owner.access_token),
    )
    .await
    .ok();
    let (status, _, body) = app.get_bytes(url, Some(&owner.access_token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, PNG);
    assert_eq!(attachments(&app, &owner, &item).await[0]["id"], id);
}

async fn a_page_s_attachments_cost_a_fixed_number_of_statements(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "FREE").await;
    let ada = app.join(&owner, &tenant, "ada@acme.test", "MEMBER").await;
    for n in 0..6 {
        let item = item_of(&app, &owner, &format!("Item {n}")).await;
        let by = if n % 2 == 0 { &owner } else { &ada };
        uploaded(&app, by, &item, ("a.txt", b"a")).await;
        uploaded(&app, &owner, &item, ("b.png", PNG)).await;
    }
    let page = "query($first: Int) { items(first: $first) { edges { node {
        title attachments { filename contentType uploadedBy { email } } } } } }";
    let (small, small_cost) = cost(&app, &owner, page, json!({ "first": 2 })).await;
    let (full, full_cost) = cost(&app, &owner, page, json!({ "first": 6 })).await;
    assert_eq!(small["items"]["edges"].as_array().map(Vec::len), Some(2));
    let edges = full["items"]["edges"].as_array().expect("edges");
    assert_eq!(edges.len(), 6);
    for edge in edges {
        let files = edge["node"]["attachments"].as_array().expect("attachments");
        assert_eq!(files.len(), 2, "{edge}");
        assert_eq!(files[1]["contentType"], "image/png");
    }
    assert_eq!(full_cost.len(), small_cost.len(), "{full_cost:#?}");
}

async fn a_deleted_attachment_leaves_the_item_and_the_file_store(app: TestApp) {
    let (owner, tenant) = app.owner_of("owner@acme.test", "acme", "FREE").await;
    let viewer = app.join(&owner, &tenant, "vera@acme.test", "VIEWER").await;
    let (globex, _) = app.owner_of("owner@globex.test", "globex", "FREE").await;
    let item = item_of(&app, &owner, "Specs").await;
    // Large enough to arrive in more than one chunk.
    let big: Vec<u8> = b"line of the spec\n".repeat(64 * 1024);
    let file = uploaded(&app, &owner, &item, ("spec.txt", &big)).await;
    let id = file["id"].as_str().unwrap().to_owned();
    let url = file["downloadUrl"].as_str().unwrap();
    let on_disk = app.data_dir().join("attachments").join(&tenant).join(&id);
    let (status, _, body) = app.get_bytes(url, Some(&owner.access_token)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, big);

    let input = json!({ "input": { "id": id } });
    let refused = app
        .gql(DELETE, input.clone(), Some(&viewer.access_token))
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{:?}", refused.body);
    let refused = app
        .gql(DELETE, input.clone(), Some(&globex.access_token))
        .await;
    assert_eq!(refused.code(), Some("NOT_FOUND"), "{:?}", refused.body);
    assert!(on_disk.exists(), "refused deletes leave the file");

    let deleted = app
        .gql(DELETE, input.clone(), Some(&owner.access_token))
        .await
        .ok();
    assert_eq!(deleted["deleteAttachment"]["deletedId"], id.as_str());
    assert_eq!(attachments(&app, &owner, &item).await, json!([]));
    assert!(!on_disk.exists(), "its bytes left the file store");
    let (status, _, _) = app.get_bytes(url, Some(&owner.access_token)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let again = app.gql(DELETE, input, Some(&owner.access_token)).await;
    assert_eq!(again.code(), Some("NOT_FOUND"), "{:?}", again.body);
}
